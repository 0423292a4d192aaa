"""Disclosure control beyond one cell: no figure is recovered by subtracting published ones.

Hiding a cell of 1-4 people is not enough. A coordinator's export read "All alumni 26",
"India 25", "Antarctica <5": exactly one member from Antarctica, whose cohort, programme and
host the breakdowns then listed by name. Statistical agencies add three rules, applied here:

- **Small groups are pooled.** A group under the threshold is never listed by its label (the
  label alone says such a person exists); such groups are counted together as "Other groups".
- **Complementary suppression.** If the pool is itself under the threshold, the smallest
  listed group joins it, so that no total minus its listed parts gives a small number. In a
  column of re-visitors, a single hidden cell gets a second one hidden beside it.
- **A minimum selection.** Filters that select fewer than the threshold show no breakdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from club.outcomes.queries import GroupCount
from club.outcomes.suppression import HIDDEN, THRESHOLD, Published

if TYPE_CHECKING:
    # Only for the annotation: rows imports this module.
    from club.outcomes.rows import Row

K = TypeVar("K")


class Sized(Protocol):
    @property
    def alumni(self) -> int: ...


G = TypeVar("G", bound=Sized)


def pool_small_groups(groups: dict[K, G]) -> tuple[dict[K, G], list[K]]:
    """The groups that may be listed by label, and the keys of those pooled as "Other".

    The pool is never 1 to 4 people: while it is, the smallest listed group joins it.
    """
    listed = {key: counts for key, counts in groups.items() if counts.alumni >= THRESHOLD}
    pooled = [key for key, counts in groups.items() if key not in listed and counts.alumni]
    while pooled and 0 < sum(groups[key].alumni for key in pooled) < THRESHOLD and listed:
        smallest = min(listed, key=lambda key: (listed[key].alumni, str(key)))
        del listed[smallest]
        pooled.append(smallest)
    return listed, pooled


def pooled_count(groups: dict[K, GroupCount], keys: list[K]) -> GroupCount:
    return GroupCount(
        sum(groups[k].alumni for k in keys),
        sum(groups[k].revisited for k in keys),
        sum(groups[k].known for k in keys),
    )


def lone_suppressed_partner(cells: Sequence[tuple[str, Published]]) -> str | None:
    """Among (row key, figure) cells of one column: if exactly one is hidden, the key of the
    smallest shown one, to hide as well (with the total published, one hidden cell would be
    the total minus the others); else None."""
    hidden = [key for key, figure in cells if figure.suppressed]
    shown = [(figure.value, key) for key, figure in cells if figure.value is not None]
    if len(hidden) != 1 or not shown:
        return None
    return min(shown)[1]


def hide_lone_suppressed(
    rows: list[Row], attribute: str = "revisited", derived: Sequence[str] = ("rate",)
) -> list[Row]:
    """Complementary suppression in one column of ``rows``; the figures ``derived`` from the
    hidden one (its shares) are hidden with it."""
    partner = lone_suppressed_partner([(row.key, getattr(row, attribute)) for row in rows])
    if partner is None:
        return rows
    # Any: the fields are named at run time, so mypy cannot match them to Row's fields.
    hide: dict[str, Any] = {name: HIDDEN for name in (attribute, *derived)}
    return [replace(row, **hide) if row.key == partner else row for row in rows]


def too_small(selected_alumni: int) -> bool:
    """Whether a selection is too small to break down at all."""
    return 0 < selected_alumni < THRESHOLD
