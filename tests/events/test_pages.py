"""Event pages and listings in both languages: agenda, times, format, filters and reports."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from club.events.models import EventPage
from club.events.times import zone_label
from club.news.models import NewsPage

INDIA_2027 = "/en/events/seventh-india-alumni-meeting/"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_demo_event_renders_with_agenda_in_each_language(client, demo_site, language):
    response = client.get(f"/{language}/events/seventh-india-alumni-meeting/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert ("Careers panel" in html) == (language == "en")
    assert ("キャリアパネル" in html) == (language == "ja")
    assert 'class="agenda"' in html


def test_the_event_page_shows_both_zones_for_the_browser_to_rewrite(client, demo_site):
    html = client.get(INDIA_2027).content.decode()

    assert "Jan. 23, 2027, 10 a.m." in html  # the event's zone, without any script
    assert "(India Standard Time (UTC+5:30))" in html
    assert "(Asia/Kolkata)" not in html  # the tz name stays in the attribute for the script
    assert "<time data-local" in html
    assert 'data-event-zone="Asia/Kolkata"' in html
    assert "js/events.js" in html


def test_the_event_page_shows_format_venue_map_and_places(client, demo_site):
    html = client.get(INDIA_2027).content.decode()

    assert "In person and online" in html
    assert "India Habitat Centre" in html
    assert 'href="https://www.openstreetmap.org/' in html
    assert "places left of 120" in html


def test_the_past_event_links_to_its_report_in_both_languages(client, demo_site):
    report_en = NewsPage.objects.get(slug="sixth-india-alumni-meeting", locale__language_code="en")
    report_ja = NewsPage.objects.get(slug="sixth-india-alumni-meeting", locale__language_code="ja")

    page_en = client.get("/en/events/sixth-india-alumni-meeting-2025/").content.decode()
    page_ja = client.get("/ja/events/sixth-india-alumni-meeting-2025/").content.decode()
    listing = client.get("/en/events/").content.decode()

    assert f'href="{report_en.url}"' in page_en
    assert f'href="{report_ja.url}"' in page_ja
    assert "This event is over." in page_en
    assert f'class="event-report-link" href="{report_en.url}"' in listing


def test_an_unpublished_report_is_not_linked(client, demo_site):
    event = EventPage.objects.get(
        slug="sixth-india-alumni-meeting-2025", locale__language_code="en"
    )
    event.report.unpublish()

    html = client.get(event.url).content.decode()

    assert "Read the activity report" not in html


def test_the_event_image_is_shown_with_its_description(client, make_event):
    from wagtail.images.models import Image

    image = Image.objects.first()
    event = make_event(hero_image=image, hero_image_alt="Alumni on the steps")

    html = client.get(event.url).content.decode()

    assert 'alt="Alumni on the steps"' in html


# Listings and their filters.


def listed(client, query: str = "", language: str = "en"):
    response = client.get(f"/{language}/events/{query}")
    return response.status_code, response.content.decode()


def test_the_listing_shows_upcoming_and_past(client, demo_site):
    status, html = listed(client)

    assert status == 200
    upcoming, past = html.split('id="past-title"')
    assert "7th India alumni meeting" in upcoming
    assert "6th India alumni meeting" in past


def test_the_listing_filters_by_chapter(client, demo_site):
    _status, html = listed(client, "?chapter=thailand")

    assert "Thailand chapter reunion in Bangkok" in html
    assert "7th India alumni meeting" not in html
    assert "Year-end evening for alumni in Japan" not in html


def test_the_listing_filters_by_the_chapters_country(client, demo_site):
    _status, html = listed(client, "?country=in")

    assert "7th India alumni meeting" in html
    assert "6th India alumni meeting" in html
    assert "Thailand chapter reunion" not in html


def test_a_country_without_events_lists_nothing(client, demo_site):
    status, html = listed(client, "?country=FR")

    assert status == 200
    assert "No upcoming events match these filters." in html
    assert "India alumni meeting" not in html


def test_the_japanese_listing_filters_too(client, demo_site):
    status, html = listed(client, "?chapter=india", language="ja")

    assert status == 200
    assert "第7回インド同窓会" in html
    assert "タイ支部同窓会" not in html


@pytest.mark.parametrize(
    "query",
    [
        "?chapter=atlantis",
        "?chapter=%3Cscript%3E",
        "?chapter=" + "a" * 500,
        "?country=XX",
        "?country=India",
        "?country=%00%01",
        "?page=0",
        "?page=abc",
        "?page=999",
    ],
)
def test_bad_filters_are_not_found_never_an_error(client, demo_site, query):
    status, _html = listed(client, query)

    assert status == 404


def test_the_filter_offers_the_host_chapters_and_countries(client, demo_site):
    _status, html = listed(client)

    assert '<option value="india"' in html
    assert '<option value="TH"' in html
    assert '<option value="mongolia"' not in html  # hosts no events


def test_organisers_see_a_link_to_their_area(client, demo_site, carol, alice):
    client.force_login(carol.user)
    _status, coordinator_html = listed(client)
    client.force_login(alice.user)
    _status, member_html = listed(client)

    assert "/en/events/manage/" in coordinator_html
    assert "/en/events/manage/" not in member_html


def test_the_wagtail_editor_has_the_event_fields(client, demo_site, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x-Pass-99")
    client.force_login(admin)
    event = EventPage.objects.get(slug="seventh-india-alumni-meeting", locale__language_code="en")

    response = client.get(f"/admin/pages/{event.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    for field in ("capacity", "rsvp_deadline", "mode", "map_url", "join_url", "report"):
        assert f'name="{field}"' in html, field
    assert 'data-contentpath="agenda"' in html  # the StreamField, drawn by the admin's script


# Time zones are named for people, not by their tz-database names.


@pytest.mark.parametrize(
    ("zone", "moment", "label"),
    [
        ("Asia/Kolkata", datetime(2027, 1, 23, tzinfo=UTC), "India Standard Time (UTC+5:30)"),
        ("Asia/Calcutta", datetime(2027, 1, 23, tzinfo=UTC), "India Standard Time (UTC+5:30)"),
        ("Asia/Tokyo", datetime(2027, 1, 23, tzinfo=UTC), "Japan Standard Time (UTC+9)"),
        ("Asia/Bangkok", datetime(2027, 2, 13, tzinfo=UTC), "Indochina Time (UTC+7)"),
        ("Asia/Kathmandu", datetime(2027, 1, 1, tzinfo=UTC), "Nepal Time (UTC+5:45)"),
        # Zones without a name here show their offset at the event's date, summer or winter.
        ("America/New_York", datetime(2027, 1, 23, tzinfo=UTC), "UTC-5"),
        ("America/New_York", datetime(2027, 7, 23, tzinfo=UTC), "UTC-4"),
        ("America/St_Johns", datetime(2027, 1, 23, tzinfo=UTC), "UTC-3:30"),
        ("Mars/Olympus", datetime(2027, 1, 23, tzinfo=UTC), "UTC"),
    ],
)
def test_a_zone_is_named_with_its_offset_at_the_events_date(zone, moment, label):
    assert zone_label(zone, moment) == label


def test_listings_and_the_organisers_list_name_the_zone(client, demo_site, jess):
    client.force_login(jess)

    listing = client.get("/en/events/").content.decode()
    manage = client.get("/en/events/manage/").content.decode()

    for html in (listing, manage):
        assert "India Standard Time (UTC+5:30)" in html
        assert "Japan Standard Time (UTC+9)" in html
        assert "(Asia/" not in html


def test_the_agenda_note_names_the_zone(client, demo_site):
    html = client.get(INDIA_2027).content.decode()

    assert "Times are in India Standard Time (UTC+5:30)." in html
    assert "Times are in Asia/Kolkata" not in html
