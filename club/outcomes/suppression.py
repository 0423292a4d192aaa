"""Small-number suppression: a group of fewer than five people is published as "<5".

Every figure leaves the outcomes app as a ``Published`` value made here, so tables,
charts and exports cannot show a number the rule hides.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5
SUPPRESSED = f"<{THRESHOLD}"


@dataclass(frozen=True)
class Published:
    """A figure as it may be published.

    ``value`` is None when the figure is suppressed (``suppressed``) or does not apply
    (a median with nobody to take it over).
    """

    value: int | float | None
    suppressed: bool = False

    @property
    def shown(self) -> bool:
        return self.value is not None


NOT_APPLICABLE = Published(None)
HIDDEN = Published(None, suppressed=True)


def publish_count(count: int, *, hidden: bool = False) -> Published:
    """``count`` unless it is 1 to 4 (or ``hidden``, when the group around it is hidden)."""
    if hidden or 0 < count < THRESHOLD:
        return HIDDEN
    return Published(count)


def publish_group(alumni: int, revisited: int) -> tuple[Published, Published]:
    """A group's size and its re-visitors; in a suppressed group both read "<5".

    Even a zero is hidden in a small group: "none of these three re-visited" is a
    statement about each of them.
    """
    shown_alumni = publish_count(alumni)
    return shown_alumni, publish_count(revisited, hidden=shown_alumni.suppressed)


def publish_share(part: Published, whole: Published) -> Published:
    """``part / whole``; hidden when either count is (a share would reveal it)."""
    if part.suppressed or whole.suppressed:
        return HIDDEN
    if part.value is None or not whole.value:
        return NOT_APPLICABLE
    return Published(part.value / whole.value)


def publish_median(median: float | None, people: int) -> Published:
    """A median over ``people`` values: hidden for 1 to 4 people, not applicable for none."""
    if people == 0 or median is None:
        return NOT_APPLICABLE
    if people < THRESHOLD:
        return HIDDEN
    return Published(median)
