"""Journey 5: a chapter coordinator RSVPs to a reunion, gets the confirmation with its
calendar file, then runs the door: the attendee list, its CSV, and checking her ticket in.

The confirmation is sent by the task worker; its .ics must be a valid calendar whose URL,
like every link in the mail, opens the event on the site's public address. Each parameter
ends by giving the seat back, and starts by giving back any seat a failed run left, so the
parameters do not depend on each other's order.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing, attachments, links_in, text_of

EVENT = "seventh-india-alumni-meeting"
TITLE = "7th India alumni meeting"  # Ananya reads her mail in English
COORDINATOR, ADDRESS, NAME = "ananya", "ananya@example.org", "Ananya Sharma"
ZONE_LABEL = "India Standard Time (UTC+5:30)"


def give_back_seat(page: Any) -> None:
    """On the RSVP page: 'I can no longer come', confirmed in the browser's dialog."""
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("main button[name=answer][value=not_going]").click()
    expect(page.locator("main .rsvp-status--cancelled")).to_be_visible()


def download_csv(page: Any) -> list[list[str]]:
    with page.expect_download() as download:
        page.locator("main a[href$='/attendees/csv/']").click()
    assert download.value.suggested_filename == f"{EVENT}-attendees.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")  # so Excel reads names in any script
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    ("language", "width"),
    [("en", WIDE), ("en", NARROW), ("ja", WIDE), ("ja", NARROW)],
)
def test_a_coordinator_rsvps_gets_the_calendar_file_and_checks_herself_in(
    browsing: Browsing, language: str, width: int
):
    event_path = f"/{language}/events/{EVENT}/"
    coordinator = browsing.person(width)
    browsing.sign_in(coordinator, COORDINATOR, language=language)

    browsing.go(coordinator, event_path + "rsvp/")
    if coordinator.locator("main .rsvp-status--going, main .rsvp-status--waitlist").count():
        give_back_seat(coordinator)  # left over by a run that failed half-way

    # She answers on the event page.
    browsing.go(coordinator, event_path)
    # The zone is named for people, not "Asia/Kolkata".
    expect(coordinator.locator("main .facts")).to_contain_text("UTC+5:30")
    expect(coordinator.locator("main .facts")).not_to_contain_text("Asia/Kolkata")
    confirmation_mail = browsing.mail_from_now()
    coordinator.locator("aside button[name=answer][value=going]").click()
    coordinator.wait_for_url(f"**{event_path}rsvp/")
    browsing.check(coordinator)
    expect(coordinator.locator("main .rsvp-status--going")).to_be_visible()
    expect(coordinator.locator("main img.ticket__qr")).to_be_visible()
    ticket = coordinator.locator("main .ticket__code code").inner_text().strip()
    assert ticket

    # The worker sends the confirmation, with the event's calendar file.
    confirmation = confirmation_mail(ADDRESS)
    assert str(confirmation["Subject"]) == f"You are going: {TITLE}"
    body = text_of(confirmation)
    assert ZONE_LABEL in body
    assert "Asia/Kolkata" not in body
    files = attachments(confirmation)
    assert list(files) == [f"{EVENT}.ics"]
    calendar = icalendar.Calendar.from_ical(files[f"{EVENT}.ics"])
    assert calendar["VERSION"] == "2.0"
    (vevent,) = calendar.walk("VEVENT")
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert start.tzinfo is not None and str(start.tzinfo) == "Asia/Kolkata"
    assert (start.year, start.month, start.day, start.hour) == (2027, 1, 23, 10)
    assert end > start
    assert str(vevent["UID"]).startswith("event-")
    assert str(vevent["SUMMARY"]) == TITLE
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Kolkata"]
    event_url = str(vevent["URL"])
    assert event_url == f"{browsing.url}/en/events/{EVENT}/"

    # The calendar's link and the mail's own links open the event on the site.
    browsing.go(coordinator, event_url)
    expect(coordinator.locator("main h1")).to_have_text(TITLE)
    site_links = [link for link in links_in(confirmation) if link.startswith(browsing.url)]
    assert f"{browsing.url}/en/events/{EVENT}/rsvp/" in site_links
    for link in site_links:
        browsing.go(coordinator, link)
        expect(coordinator.locator("main")).to_contain_text(TITLE)

    # At the door: the attendee list shows her seat, one readable time format with the zone.
    browsing.go(coordinator, event_path)
    coordinator.locator("aside a[href$='/attendees/']").click()
    coordinator.wait_for_url(f"**{event_path}attendees/")
    browsing.check(coordinator)
    row = coordinator.locator("main tbody tr").filter(has_text=NAME)
    expect(row).to_have_count(1)
    expect(row.get_by_role("button")).to_be_visible()  # not yet checked in: "Mark present"
    zone_named = ZONE_LABEL if language == "en" else "UTC+5:30"  # until the name is translated
    expect(coordinator.locator("main")).to_contain_text(zone_named)

    # She checks her own ticket in by its code, as the door does with a scanner.
    coordinator.locator("main a[href$='/check-in/']").first.click()
    coordinator.wait_for_url(f"**{event_path}check-in/")
    browsing.check(coordinator)
    coordinator.locator("input[name=code]").fill(ticket)
    coordinator.locator("main form button[type=submit]").first.click()
    expect(coordinator.get_by_role("alert")).to_contain_text(NAME)
    expect(coordinator.locator(".check-in-result--ok")).to_be_visible()
    browsing.check(coordinator)
    # A second scan of the same ticket is refused, and says when she came in.
    coordinator.locator("input[name=code]").fill(ticket)
    coordinator.locator("main form button[type=submit]").first.click()
    expect(coordinator.locator(".check-in-result--refused")).to_contain_text(NAME)

    # The list and its CSV now show her checked in.
    browsing.go(coordinator, event_path + "attendees/")
    row = coordinator.locator("main tbody tr").filter(has_text=NAME)
    expect(row.get_by_role("button")).to_have_count(0)
    answered, checked_in = row.locator("td").nth(1), row.locator("td").nth(2)
    # Both moments in the same format: the date with the time, not a bare "20:21".
    expect(checked_in.locator("time")).to_contain_text("2026")
    expect(answered.locator("time")).to_contain_text("2026")

    rows = download_csv(coordinator)
    header, *lines = rows
    assert "UTC+5:30" in " ".join(header)
    (mine,) = [line for line in lines if line[0] == NAME]
    status, answered_at, checked_at = mine[2], mine[4], mine[5]
    assert status == ("Going" if language == "en" else "参加")
    assert answered_at and checked_at
    assert "2026" in answered_at and "2026" in checked_at

    # She gives her seat back, which also leaves the list as it was.
    browsing.go(coordinator, event_path + "rsvp/")
    give_back_seat(coordinator)
    browsing.check(coordinator)
