"""The organisers' attendee list and its CSV export.

Answering an event shares your name with its organisers (the coordinators of the
hosting chapter and JST staff): that is the door list. Nothing else from the profile
is shown here; profiles stay behind the privacy rule in ``club.members.privacy``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from club.events.models import RSVP, EventPage, RSVPStatus
from club.events.times import local_datetime
from club.spreadsheet_cells import csv_cell

# The order of the list: seats first, then the waitlist in queue order, then the rest.
STATUS_ORDER = [RSVPStatus.GOING, RSVPStatus.WAITLIST, RSVPStatus.CANCELLED, RSVPStatus.NOT_GOING]
BOM = "\ufeff"
# Cells starting with these are run as formulas by spreadsheets (CSV injection).


@dataclass(frozen=True)
class Attendee:
    """One line of the door list."""

    rsvp_id: int
    name: str
    native_name: str
    status: RSVPStatus
    status_label: str
    responded_at: datetime
    waitlist_position: int | None
    checked_in_at: datetime | None
    zone_name: str

    @property
    def answered(self) -> str:
        """When they last answered, on the event's clock, as every time on the list is shown."""
        return local_datetime(self.responded_at, self.zone_name)

    @property
    def checked_in(self) -> str:
        """When they were checked in (same format as ``answered``), or ''."""
        return local_datetime(self.checked_in_at, self.zone_name) if self.checked_in_at else ""


def door_list(event: EventPage) -> list[Attendee]:
    event = event.canonical
    rsvps = RSVP.objects.filter(event=event).select_related("member")
    by_status: dict[str, list[RSVP]] = {status: [] for status in STATUS_ORDER}
    for rsvp in rsvps.order_by("waitlisted_at", "responded_at", "pk"):
        by_status[rsvp.status].append(rsvp)
    by_status[RSVPStatus.GOING].sort(key=lambda r: r.member.display_name.casefold())
    rows = []
    for status in STATUS_ORDER:
        for position, rsvp in enumerate(by_status[status], start=1):
            rows.append(
                Attendee(
                    rsvp_id=rsvp.pk,
                    name=rsvp.member.display_name,
                    native_name=rsvp.member.native_name,
                    status=RSVPStatus(rsvp.status),
                    status_label=rsvp.get_status_display(),
                    responded_at=rsvp.responded_at,
                    waitlist_position=position if status == RSVPStatus.WAITLIST else None,
                    checked_in_at=rsvp.checked_in_at,
                    zone_name=event.time_zone,
                )
            )
    return rows


def checked_in_count(event: EventPage) -> int:
    return RSVP.objects.filter(event=event.canonical, checked_in_at__isnull=False).count()


def door_list_csv(event: EventPage) -> str:
    """The door list as CSV text (UTF-8 BOM first, so Excel reads names in any script)."""
    zone = event.canonical.time_zone_label
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Name"),
            _("Name in native script"),
            _("Status"),
            _("Waitlist position"),
            # The zone is named once, in the heading, rather than in every cell.
            _("%(column)s – %(zone)s")
            % {"column": pgettext("RSVP: when the person replied", "Answered"), "zone": zone},
            _("%(column)s – %(zone)s") % {"column": _("Checked in"), "zone": zone},
        ]
    )
    for row in door_list(event):
        writer.writerow(
            [
                csv_cell(row.name),
                csv_cell(row.native_name),
                row.status_label,
                row.waitlist_position or "",
                row.answered,
                row.checked_in,
            ]
        )
    return out.getvalue()
