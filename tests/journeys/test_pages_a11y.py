"""A visitor and a member wander the site: every page is styled, accessible and free of errors.

The demo serves as the product does (DEBUG off), so a wrong address shows the styled 404,
never Django's technical page with every URL pattern.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing


def follow_first(browsing: Browsing, page, selector: str) -> None:
    """Open the first link matching ``selector`` on the current page, and check where it lands."""
    link = page.locator(selector).first
    expect(link).to_be_visible()
    browsing.go(page, link.get_attribute("href"))


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_a_visitor_reads_news_events_programmes_and_chapters(
    browsing: Browsing, language: str, width: int
):
    page = browsing.person(width)
    browsing.go(page, f"/{language}/")
    follow_first(browsing, page, "main a[href*='/news/']:not([href$='/news/'])")
    for section in ("news", "events", "programmes", "chapters", "groups", "qa"):
        browsing.go(page, f"/{language}/{section}/")
    follow_first(browsing, page, "main a[href*='/qa/']:not([href$='/qa/'])")
    browsing.go(page, f"/{language}/events/")
    follow_first(browsing, page, "main a[href*='/events/']:not([href$='/events/'])")
    browsing.go(page, f"/{language}/chapters/")
    follow_first(browsing, page, "main a[href*='/chapters/']:not([href$='/chapters/'])")
    browsing.go(page, f"/{language}/search/?q=India")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_member_finds_the_directory_and_a_profile(browsing: Browsing, language: str):
    page = browsing.person(WIDE)
    browsing.sign_in(page, "minh", language=language)
    browsing.go(page, f"/{language}/directory/?q=India")
    follow_first(browsing, page, "main a[href*='/members/']")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_wrong_address_shows_the_styled_not_found_page(browsing: Browsing, language: str):
    page = browsing.person(NARROW)

    browsing.go_expecting(page, f"/{language}/no-such-page/", 404)

    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("body")).not_to_contain_text("URLconf")
