"""Calendar files: one event as .ics, and a chapter's feed of upcoming events."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import icalendar
import pytest

from club.events.calendar import event_uid


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_an_event_downloads_as_a_valid_ics(client, make_event, india):
    event = make_event(title="Delhi reunion", chapter=india, time_zone="Asia/Kolkata")

    response = client.get(event.url + "calendar/")

    calendar = parse(response)
    assert "attachment" in response["Content-Disposition"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Delhi reunion"
    assert vevent["UID"] == event_uid(event)
    assert vevent["DTSTART"].dt == event.start
    assert vevent["DTSTART"].dt.tzinfo == ZoneInfo("Asia/Kolkata")
    assert vevent["DTEND"].dt == event.end
    assert "India Habitat Centre" in str(vevent["LOCATION"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Kolkata"]


def test_both_languages_share_one_uid(client, make_event, ja):
    event = make_event()
    japanese = event.get_translation(ja)

    english = parse(client.get(event.url + "calendar/")).walk("VEVENT")[0]
    translated = parse(client.get(japanese.url + "calendar/")).walk("VEVENT")[0]

    assert english["UID"] == translated["UID"]
    assert str(translated["SUMMARY"]).startswith("テスト同窓会")


def test_the_demo_events_download_in_both_languages(client, demo_site):
    for url in (
        "/en/events/seventh-india-alumni-meeting/calendar/",
        "/ja/events/seventh-india-alumni-meeting/calendar/",
    ):
        assert len(parse(client.get(url)).walk("VEVENT")) == 1


def test_the_chapter_feed_lists_only_that_chapters_upcoming_events(
    client, make_event, india, thailand
):
    upcoming = make_event(title="India upcoming", chapter=india)
    make_event(title="India past", chapter=india, days=-30)
    make_event(title="Thailand upcoming", chapter=thailand)

    response = client.get("/en/events/calendar/india/")

    calendar = parse(response)
    summaries = {str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")}
    assert "India upcoming" in summaries
    assert "7th India alumni meeting" in summaries  # seeded, January 2027
    assert "India past" not in summaries
    assert "Thailand upcoming" not in summaries
    assert "India chapter" in str(calendar["X-WR-CALNAME"])
    assert event_uid(upcoming) in {vevent["UID"] for vevent in calendar.walk("VEVENT")}


def test_the_japanese_feed_has_the_japanese_titles(client, make_event, india):
    make_event(chapter=india)

    calendar = parse(client.get("/ja/events/calendar/india/"))

    summaries = [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]
    assert "第7回インド同窓会" in summaries
    assert any(summary.startswith("テスト同窓会") for summary in summaries)


def test_an_empty_feed_is_still_a_valid_calendar(client, demo_site):
    calendar = parse(client.get("/en/events/calendar/mongolia/"))

    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize("slug", ["atlantis", "a" * 300])
def test_an_unknown_chapter_feed_is_not_found(client, demo_site, slug):
    assert client.get(f"/en/events/calendar/{slug}/").status_code == 404


def test_the_listing_links_to_the_chosen_chapters_feed(client, demo_site):
    html = client.get("/en/events/?chapter=india").content.decode()

    assert 'href="/en/events/calendar/india/"' in html
