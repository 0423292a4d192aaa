"""The directory in real Chromium: suggestions, a search, then a facet that updates the counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from club.members.sections import Section, Visibility
from tests.factories import MemberFactory, ParticipationFactory, UserFactory

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


def public_member(username: str, given: str, family: str, country: str, programme: str):
    visibility = {f"visibility_{section}": Visibility.PUBLIC for section in Section}
    member = MemberFactory(
        user=UserFactory(username=username),
        given_name=given,
        family_name=family,
        country=country,
        **visibility,
    )
    ParticipationFactory(member=member, programme=programme, start_date=date(2018, 7, 2))
    return member


def count_of(page, facet: str, label: str):
    """The count shown next to one value of one facet."""
    option = page.locator(f'fieldset[data-facet="{facet}"] li').filter(has_text=label)
    return option.locator(".facet__count")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_searching_and_picking_a_facet_update_results_and_counts(live_server, demo_site):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    # Data first: the ORM refuses to run while Playwright's event loop is active.
    public_member("ravi", "Ravi", "Kumar", "IN", "A")
    public_member("priya", "Priya", "Kumar", "IN", "A")
    anan = public_member("anan", "Anan", "Kumar", "TH", "B")
    public_member("lan", "Lan", "Tran", "VN", "C")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            # Script errors and Content-Security-Policy violations both land here.
            errors: list[str] = []
            page.on(
                "console", lambda message: message.type == "error" and errors.append(message.text)
            )
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{live_server.url}/en/directory/")
            expect(page.locator("#directory-count")).to_have_text("4 alumni")
            expect(count_of(page, "country", "India")).to_have_text("2")

            # Suggestions: a listbox of names, chosen with the keyboard.
            search = page.get_by_role("combobox", name="Search by name")
            search.press_sequentially("kum", delay=50)
            suggestions = page.get_by_role("listbox", name="Suggested alumni", include_hidden=True)
            options = suggestions.get_by_role("option")
            expect(options).to_have_count(3)
            search.press("ArrowDown")
            expect(search).to_have_attribute("aria-expanded", "true")
            expect(options.first).to_have_attribute("aria-selected", "true")
            search.press("Escape")
            expect(suggestions).to_be_hidden()
            expect(search).to_have_attribute("aria-expanded", "false")

            # The search itself: Enter submits the plain GET form.
            with page.expect_navigation():
                search.press("Enter")
            expect(page).to_have_url(f"{live_server.url}/en/directory/?q=kum")
            expect(page.locator("#directory-count")).to_have_text("3 alumni")
            expect(page.locator(".member-card")).to_have_count(3)
            expect(count_of(page, "country", "India")).to_have_text("2")
            expect(count_of(page, "country", "Thailand")).to_have_text("1")
            expect(count_of(page, "programme", "Course A")).to_have_text("2")

            # A facet checkbox applies itself (no button press) and narrows everything else.
            with page.expect_navigation():
                page.get_by_label("Thailand").check()
            expect(page).to_have_url(f"{live_server.url}/en/directory/?q=kum&country=TH")
            expect(page.locator("#directory-count")).to_have_text("1 alumnus")
            expect(page.locator(".member-card a")).to_have_attribute(
                "href", f"/en/members/{anan.pk}/"
            )
            expect(page.locator(".chip").filter(has_text="Thailand")).to_be_visible()
            expect(page.get_by_label("Thailand")).to_be_checked()
            # Other countries stay countable, so the user can switch; other facets narrow.
            expect(count_of(page, "country", "India")).to_have_text("2")
            expect(count_of(page, "programme", "Course B")).to_have_text("1")
            expect(count_of(page, "programme", "Course A")).to_have_count(0)
            assert errors == []
        finally:
            browser.close()
