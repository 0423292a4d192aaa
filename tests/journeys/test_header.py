"""The header on a phone and on a desktop, in both languages, signed in and out.

At 390 px the navigation took 210-300 px, "Sign in" wrapped inside its button and
「ログイン」 stacked one character per line. Narrow screens now get a menu button.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.browser import NARROW, WIDE, Browsing

ONE_LINE_PX = 80  # the brand (36 px) and the menu button, with the header's padding


def single_line(locator) -> bool:
    """Whether the element's text sits on one line (no wrapping inside it)."""
    return locator.evaluate(
        """el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            return tops.size === 1;
        }"""
    )


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_the_phone_header_is_one_line_with_a_menu(
    browsing: Browsing, language: str, signed_in: bool
):
    page = browsing.person(NARROW)
    if signed_in:
        browsing.sign_in(page, "minh", language=language)
    browsing.go(page, f"/{language}/")
    header = page.locator(".site-header")
    toggle = header.locator(".menu-toggle")

    expect(toggle).to_be_visible()
    expect(header.locator(".main-nav")).to_be_hidden()
    assert header.bounding_box()["height"] <= ONE_LINE_PX
    assert single_line(toggle)

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(header.locator(".main-nav")).to_be_visible()
    account = header.locator(".account-nav button, .account-nav a.button").first
    expect(account).to_be_visible()
    assert single_line(account)
    browsing.check(page)

    page.keyboard.press("Escape")
    expect(header.locator(".main-nav")).to_be_hidden()
    expect(toggle).to_be_focused()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_desktop_header_shows_everything_without_a_menu_button(
    browsing: Browsing, language: str
):
    page = browsing.person(WIDE)
    browsing.go(page, f"/{language}/")
    header = page.locator(".site-header")

    expect(header.locator(".menu-toggle")).to_be_hidden()
    expect(header.locator(".main-nav")).to_be_visible()
    assert single_line(header.locator(".account-nav a.button"))


def test_jst_staff_find_the_outcomes_dashboard_from_the_site(browsing: Browsing):
    page = browsing.person(WIDE)
    browsing.sign_in(page, "jst-staff")
    browsing.go(page, "/en/")

    page.get_by_role("link", name="Re-visit outcomes").click()

    expect(page).to_have_url(re.compile(r"/admin/outcomes/$"))
    expect(page.locator("main")).to_contain_text("Re-visit")


def test_q_and_a_channels_and_subject_groups_are_linked(browsing: Browsing):
    page = browsing.person(WIDE)
    browsing.go(page, "/en/")

    page.locator(".site-footer").get_by_role("link", name="Live Q&A").click()
    assert page.url.endswith("/en/qa/")
    browsing.check(page)
    page.locator(".site-footer").get_by_role("link", name="Subject groups").click()
    assert page.url.endswith("/en/groups/")
    browsing.check(page)
