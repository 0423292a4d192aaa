"""Template filters for event times: readable zone names instead of tz-database names."""

from __future__ import annotations

from django import template

from club.events.times import zone_label as label_of_zone

register = template.Library()


@register.filter
def zone_label(name: str) -> str:
    """``{{ "Asia/Kolkata"|zone_label }}`` → "India Standard Time (UTC+5:30)" (offset now)."""
    return label_of_zone(str(name))
