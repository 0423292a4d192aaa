"""Live Q&A while Redis dies and returns: the page says it is offline, a question asked
meanwhile is saved, and the page catches up by itself once Redis is back."""

from __future__ import annotations

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from tests.faults.test_redis_outage import CHANNEL, ask, sign_in
from tests.journeys.browser import CHROMIUM, CHROMIUM_ARGS
from tests.servers import daphne

CATCH_UP_MS = 90_000  # the client retries with backoff (1, 2, 4 … s) while Redis is away


@pytest.mark.browser
def test_the_live_page_goes_offline_and_catches_up(site_environment, redis_server):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    environment = {**site_environment, "REDIS_URL": redis_server.url}
    with daphne(environment, ready_path="/en/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            reader = browser.new_page()
            reader.goto(f"{base}{CHANNEL}")
            live = reader.locator("[data-qa-channel]")
            expect(live).to_have_attribute("data-connected", "true")

            redis_server.stop()

            expect(live).not_to_have_attribute("data-connected", "true")
            member = requests.Session()
            assert sign_in(member, base, "minh").status_code == 302
            assert ask(member, base, "Asked while Redis was away?").status_code == 200

            redis_server.start()

            expect(live).to_have_attribute("data-connected", "true", timeout=CATCH_UP_MS)
            expect(
                reader.locator(".qa-question").filter(has_text="while Redis was away")
            ).to_have_count(1, timeout=CATCH_UP_MS)
        finally:
            browser.close()
