"""People in Chromium for the journeys: one browser context each, with the checks every page gets.

Each page a journey visits is checked once by axe-core (critical, serious and moderate
violations fail the journey), and any script error or Content-Security-Policy violation on
it fails the journey too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.smtp_server import SmtpServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 20_000
WIDE, NARROW = 1280, 390
FAILING_IMPACTS = {"critical", "serious", "moderate"}
PASSWORD = "sakura-demo"
# Fades and slides, not Wagtail's 25-second attention pulse.
FINITE_ANIMATIONS_DONE = """Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime <= 3000)
    .map(a => a.finished.catch(() => null)))"""  # the demo accounts' published password


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, f"no text part in {message['Subject']!r}"
    return part.get_content()


def links_in(message: EmailMessage) -> list[str]:
    return re.findall(r"https?://[^\s<>\"')]+", text_of(message))


def attachments(message: EmailMessage) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()}


class Browsing:
    """``with Browsing(url, mail, browser) as people:``; ``people.person()`` opens a page."""

    def __init__(self, url: str, mail: SmtpServer, browser: Any) -> None:
        self.url = url
        self.mail = mail
        self.browser = browser
        self.contexts: list[Any] = []
        self.errors: list[str] = []
        self.checked: set[str] = set()
        self.expected_statuses: set[int] = set()

    def __enter__(self) -> Browsing:
        return self

    def __exit__(self, *exc: object) -> None:
        for context in self.contexts:
            context.close()
        expected = tuple(f"status of {status} " for status in self.expected_statuses)
        errors = [error for error in self.errors if not any(e in error for e in expected)]
        if exc[0] is None:
            assert not errors, f"script or CSP errors: {errors}"

    def person(self, width: int = WIDE, accept_downloads: bool = True) -> Any:
        height = 900 if width >= WIDE else 844
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=accept_downloads
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: message.type == "error" and self.errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def check(self, page: Any) -> None:
        """axe-core on this page (once per path and width): no moderate or worse violation."""
        from axe_playwright_python.sync_playwright import Axe

        page.wait_for_load_state("load")
        # Colours are judged once fades and slides have ended, as a person sees them.
        page.evaluate(FINITE_ANIMATIONS_DONE)
        key = f"{re.sub(r'[0-9a-f]{8,}|[A-Za-z0-9_-]{32,}', '*', page.url)}@{page.viewport_size}"
        if key in self.checked:
            return
        self.checked.add(key)
        violations = [
            violation
            for violation in Axe().run(page).response["violations"]
            if violation.get("impact") in FAILING_IMPACTS
        ]
        described = [
            f"{v['impact']} {v['id']}: {v['help']} at "
            f"{[(n['target'], n.get('failureSummary', '')[:200]) for n in v['nodes']][:3]}"
            for v in violations
        ]
        assert not violations, f"axe on {page.url}:\n" + "\n".join(described)

    def go(self, page: Any, path: str) -> Any:
        response = page.goto(self.url + path if path.startswith("/") else path)
        assert response is not None and response.status < 400, (
            f"{path}: {response and response.status}"
        )
        self.check(page)
        return response

    def sign_in(
        self, page: Any, username: str, password: str = PASSWORD, language: str = "en"
    ) -> None:
        self.go(page, f"/{language}/account/login/")
        self.submit_sign_in(page, username, password)
        page.wait_for_url(lambda url: "/account/login/" not in url)
        self.check(page)

    def submit_sign_in(self, page: Any, username: str, password: str) -> None:
        """Fill in and send the sign-in form already on ``page``."""
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()

    def go_expecting(self, page: Any, path: str, status: int) -> Any:
        """Open a page that answers ``status`` (a gone link, a refused page): still styled."""
        self.expected_statuses.add(status)  # the browser logs it as a console error
        response = page.goto(self.url + path if path.startswith("/") else path)
        assert response is not None and response.status == status, (
            path,
            response and response.status,
        )
        self.check(page)
        return response

    def sign_in_admin(self, page: Any, username: str = "admin") -> None:
        self.go(page, "/admin/login/")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(lambda url: "/admin/login/" not in url)

    def claim_link(self, message: EmailMessage) -> str:
        return next(link for link in links_in(message) if "/account/claim/" in link)

    def open_menu(self, page: Any) -> None:
        """On a narrow screen the header's links fold behind the menu button: open it."""
        toggle = page.locator(".site-header .menu-toggle")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()

    def sign_out(self, page: Any) -> None:
        self.open_menu(page)
        page.locator("form[action*='/account/logout/'] button").first.click()
        page.wait_for_load_state("load")

    def wait_for_mail(self, to: str, subject: str = "", after: int = 0) -> EmailMessage:
        """The first mail to ``to`` (among those received after the first ``after``), once it
        has arrived; every link in it to this machine must open the site under test."""

        def match(message: EmailMessage) -> bool:
            return to.lower() in str(message["To"]).lower() and subject in str(message["Subject"])

        message = self.mail.wait_for(match, skip=after)
        for link in links_in(message):
            if urlparse(link).hostname in ("localhost", "127.0.0.1", "testserver"):
                assert link.startswith(self.url), f"{link} does not open the site at {self.url}"
        return message

    def mail_from_now(self) -> Callable[[str], EmailMessage]:
        """Wait for a mail that arrives after this call: the SMTP server keeps every mail of
        the session, and several journeys mail the same address."""
        received = len(self.mail.mails)
        return lambda to: self.wait_for_mail(to, after=received)
