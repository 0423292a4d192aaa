"""Events in real Chromium: times in the viewer's own zone, and checking in by typed code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from club.events.attendance import respond
from club.events.checkin import ticket_token
from club.events.models import RSVP

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000
PASSWORD = "correct horse battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@contextmanager
def chromium() -> Iterator:
    """Real Chromium; start it only after the test's data is written (Playwright runs a loop)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, timezone_id: str):
    """A page in a browser set to ``timezone_id``, collecting script and CSP errors."""
    page = browser.new_context(timezone_id=timezone_id, locale="en-US").new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def test_the_event_shows_its_times_in_the_viewers_zone(live_server, demo_site):
    from playwright.sync_api import expect

    url = f"{live_server.url}/en/events/seventh-india-alumni-meeting/"
    with chromium() as browser:
        page, errors = open_page(browser, "America/New_York")
        page.goto(url)
        local_row = page.locator("[data-local-row]")
        # A readable zone name, not the raw identifier (January: standard time).
        expect(local_row.locator("[data-local-zone]")).to_have_text("Eastern Standard Time")
        # 10:00 in New Delhi is 23:30 the evening before in New York.
        expect(local_row.locator("time[data-local]").first).to_contain_text("Jan 22, 2027")
        expect(local_row.locator("time[data-local]").first).to_contain_text("11:30")
        expect(page.locator(".facts").first).to_contain_text("10 a.m.")  # the event's zone stays
        assert errors == []

        same_zone, errors = open_page(browser, "Asia/Kolkata")
        same_zone.goto(url)
        expect(same_zone.locator("[data-local-row]")).to_be_hidden()
        assert errors == []


def test_an_organiser_checks_a_member_in_by_typing_the_code(
    live_server, make_event, india, alice, carol
):
    from playwright.sync_api import expect

    event = make_event(chapter=india, capacity=5, translate=False)
    rsvp = respond(event, alice, going=True).rsvp
    code = ticket_token(rsvp)
    check_in_url = f"{live_server.url}{event.url}check-in/"

    with chromium() as browser:
        page, errors = open_page(browser, "Asia/Kolkata")
        page.goto(f"{live_server.url}/en/account/login/?next={event.url}check-in/")
        page.get_by_label("Username or email").fill("carol")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(check_in_url)
        # Headless Chromium on Linux has no BarcodeDetector: the camera button stays hidden.
        expect(page.locator("#check-in-scan")).to_be_hidden()

        page.get_by_label("Ticket code").fill(code)
        page.get_by_role("button", name="Check in", exact=True).click()
        expect(page.get_by_role("alert")).to_have_text("Welcome, Alice Anand!")

        page.get_by_label("Ticket code").fill(code)
        page.get_by_role("button", name="Check in", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text("already checked in (")
        assert errors == []

    assert RSVP.objects.get(pk=rsvp.pk).checked_in_at is not None
