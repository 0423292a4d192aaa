"""The live Q&A in real Chromium against Daphne: one member asks, another sees it and upvotes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse

from tests.servers import daphne, manage, migrated_sqlite, site_environment

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
CHANNEL = "studying-in-japan"

# Runs inside the server's own database (a temporary SQLite file): the test database of
# this process lives in memory, which a separate Daphne process cannot share.
SETUP = f"""
from tests.factories import MemberFactory, UserFactory
from club.qa.models import QuestionChannel
for username, given in (("asha", "Asha"), ("somchai", "Somchai")):
    MemberFactory(user=UserFactory(username=username), given_name=given)
QuestionChannel.objects.create(title="Studying in Japan", slug="{CHANNEL}")
"""


@pytest.fixture
def daphne_server(tmp_path) -> Iterator[str]:
    """Daphne serving club.asgi on a fresh database with two members and one channel."""
    environment = site_environment(migrated_sqlite(tmp_path / "live.sqlite3"))
    manage(environment, "shell", "-c", SETUP)
    with daphne(environment, reverse("members:login")) as base:
        yield base


def _sign_in(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{base}{reverse('members:login')}")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    return page


@pytest.mark.browser
def test_a_question_and_its_upvote_appear_live_for_both_members(daphne_server):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    channel_url = f"{daphne_server}{reverse('qa:channel', kwargs={'slug': CHANNEL})}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            asker = _sign_in(browser, daphne_server, "asha")
            voter = _sign_in(browser, daphne_server, "somchai")
            errors: list[str] = []
            for page in (asker, voter):
                # Script errors and Content-Security-Policy violations both land here.
                page.on("console", lambda m: m.type == "error" and errors.append(m.text))
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(channel_url)
                expect(page.locator("[data-qa-channel]")).to_have_attribute(
                    "data-connected", "true"
                )
                # A marker that a reload would wipe: the updates below must arrive in place.
                page.evaluate("window.qaNotReloaded = true")

            asker.get_by_label("Your question").fill("<b>Is a PhD in English only realistic?</b>")
            asker.get_by_role("button", name="Ask", exact=True).click()

            seen = voter.locator(".qa-question").filter(
                has_text="<b>Is a PhD in English only realistic?</b>"
            )
            expect(seen).to_have_count(1)  # markup arrives as text, never as a <b> element
            expect(voter.locator(".qa-question__text b")).to_have_count(0)
            seen.get_by_role("button", name="Upvote").click()
            expect(seen.get_by_role("button", name="Remove my vote")).to_have_attribute(
                "aria-pressed", "true"
            )

            mine = asker.locator(".qa-question").filter(has_text="Is a PhD in English")
            expect(mine.locator(".qa-question__count")).to_have_text("1 vote")
            expect(asker.locator("#qa-feedback")).to_have_text("Your question was posted.")
            assert asker.evaluate("window.qaNotReloaded") is True
            assert voter.evaluate("window.qaNotReloaded") is True
            assert errors == []
        finally:
            browser.close()
