"""Demo details of the seeded events: format, places, deadline, map and agenda."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from club.news.models import NewsPage

_DELHI = ZoneInfo("Asia/Kolkata")


def _session(start: time, end: time | None, title: str, speakers: str = "", text: str = "") -> Any:
    return (
        "session",
        {
            "start_time": start,
            "end_time": end,
            "title": title,
            "speakers": speakers,
            "description": text,
        },
    )


# Logistics shared by both languages, by event slug.
LOGISTICS: dict[str, dict[str, Any]] = {
    "seventh-india-alumni-meeting": {
        "mode": "hybrid",
        "capacity": 120,
        "rsvp_deadline": datetime(2027, 1, 16, 23, 59, tzinfo=_DELHI),
        "map_url": "https://www.openstreetmap.org/search?query=India%20Habitat%20Centre",
        "join_url": "https://meet.example.org/sakura-india-2027",
    },
    "thailand-reunion-bangkok-2027": {
        "mode": "in_person",
        "capacity": 40,
        "map_url": "https://www.openstreetmap.org/search?query=Chulalongkorn%20University",
    },
    "sixth-india-alumni-meeting-2025": {"mode": "in_person", "capacity": 100},
    "tokyo-returnees-evening": {
        "mode": "in_person",
        "capacity": 30,
        "map_url": "https://www.openstreetmap.org/search?query=JST%20Tokyo%20Headquarters",
    },
}

# The news item that reports on a past event, by event slug.
REPORTS = {"sixth-india-alumni-meeting-2025": "sixth-india-alumni-meeting"}

AGENDAS: dict[str, dict[str, list[Any]]] = {
    "seventh-india-alumni-meeting": {
        "en": [
            _session(time(10, 0), time(10, 30), "Welcome and the year in review", "India chapter"),
            _session(time(10, 30), time(11, 30), "Keynote: research careers in Japan", "JST"),
            _session(time(11, 45), time(13, 0), "Careers panel", "Alumni from industry"),
            _session(time(14, 0), time(16, 0), "Live Q&A", "", "Ask questions online or here."),
        ],
        "ja": [
            _session(time(10, 0), time(10, 30), "開会と一年の振り返り", "インド支部"),
            _session(time(10, 30), time(11, 30), "基調講演:日本での研究キャリア", "JST"),
            _session(time(11, 45), time(13, 0), "キャリアパネル", "産業界の同窓生"),
            _session(
                time(14, 0), time(16, 0), "ライブQ&A", "", "オンラインでも会場でも質問できます。"
            ),
        ],
    },
}


def demo_event_fields(slug: str) -> dict[str, Any]:
    """The logistics and activity report of a seeded event (the same in both languages)."""
    fields = dict(LOGISTICS.get(slug, {}))
    report_slug = REPORTS.get(slug)
    if report_slug:
        report = NewsPage.objects.filter(slug=report_slug, locale__language_code="en").first()
        if report is not None:
            fields["report"] = report
    return fields


def demo_agenda(slug: str, language: str) -> list[Any]:
    return AGENDAS.get(slug, {}).get(language, [])
