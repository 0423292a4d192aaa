"""How event times are written: in the event's own zone, in one localized format, with the
zone named so people can read it ("India Standard Time (UTC+5:30)", not "Asia/Kolkata").

``zoneinfo`` has no display names, so the zones the chapters hold events in are named here;
any other zone is shown by its UTC offset at the event's time, which is never ambiguous.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

INDIA = _("India Standard Time")
INDOCHINA = _("Indochina Time")

# Zones of the chapters' countries and of Japan, with their tz-database aliases. None of them
# observes daylight saving time, so one name fits all year.
ZONE_NAMES = {
    "Asia/Tokyo": _("Japan Standard Time"),
    "Asia/Kolkata": INDIA,
    "Asia/Calcutta": INDIA,
    "Asia/Colombo": _("Sri Lanka Time"),
    "Asia/Bangkok": INDOCHINA,
    "Asia/Ho_Chi_Minh": INDOCHINA,
    "Asia/Saigon": INDOCHINA,
    "Asia/Phnom_Penh": INDOCHINA,
    "Asia/Vientiane": INDOCHINA,
    "Asia/Jakarta": _("Western Indonesia Time"),
    "Asia/Makassar": _("Central Indonesia Time"),
    "Asia/Jayapura": _("Eastern Indonesia Time"),
    "Asia/Kuala_Lumpur": _("Malaysia Time"),
    "Asia/Manila": _("Philippine Standard Time"),
    "Asia/Ulaanbaatar": _("Ulaanbaatar Time"),
    "Asia/Singapore": _("Singapore Standard Time"),
    "Asia/Shanghai": _("China Standard Time"),
    "Asia/Seoul": _("Korean Standard Time"),
    "Asia/Dhaka": _("Bangladesh Standard Time"),
    "Asia/Kathmandu": _("Nepal Time"),
    "Asia/Yangon": _("Myanmar Time"),
    "UTC": _("Coordinated Universal Time"),
}


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def utc_offset(name: str, moment: datetime | None = None) -> str:
    """The zone's offset at ``moment`` (now by default): "UTC+9", "UTC+5:30", "UTC-4"."""
    offset = (moment or timezone.now()).astimezone(_zone(name)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}:{minutes:02d}" if minutes else f"UTC{sign}{hours}"


def zone_label(name: str, moment: datetime | None = None) -> str:
    """A readable, translated name of the zone with its offset at ``moment``."""
    offset = utc_offset(name, moment)
    named = ZONE_NAMES.get(name)
    if named is None:
        return offset
    return gettext("%(zone)s (%(offset)s)") % {"zone": named, "offset": offset}


def local_datetime(moment: datetime, zone_name: str) -> str:
    """``moment`` on the clock of ``zone_name``, in the active language's DATETIME_FORMAT."""
    return formats.date_format(timezone.localtime(moment, _zone(zone_name)), "DATETIME_FORMAT")
