"""Redis dies mid-run and comes back: pages, sign-in and saves keep working throughout.

Before, with REDIS_URL pointing at a dead Redis, every page answered 500, sign-in included
(Wagtail's site lookup and the rate limiter use the cache), and an HTTP Q&A question was not
saved because the rate limiter ran before the save.
"""

from __future__ import annotations

import re

import requests

from tests.servers import daphne

PAGES = ["/en/", "/ja/", "/en/news/", "/en/events/", "/en/chapters/", "/en/account/login/"]
CHANNEL = "/en/qa/studying-in-japan/"


def sign_in(session: requests.Session, base: str, username: str) -> requests.Response:
    form = session.get(f"{base}/en/account/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return session.post(
        f"{base}/en/account/login/",
        {"username": username, "password": "sakura-demo", "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
    )


def ask(session: requests.Session, base: str, text: str) -> requests.Response:
    page = session.get(f"{base}{CHANNEL}", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base}{CHANNEL}ask/", {"text": text, "csrfmiddlewaretoken": token}, timeout=30
    )


def test_the_site_keeps_working_while_redis_is_away(site_environment, redis_server):
    environment = {**site_environment, "REDIS_URL": redis_server.url}
    with daphne(environment, ready_path="/en/") as base:
        visitor, member = requests.Session(), requests.Session()
        assert visitor.get(f"{base}/en/", timeout=30).status_code == 200

        redis_server.stop()

        for path in PAGES:
            assert visitor.get(f"{base}{path}", timeout=30).status_code == 200, path
        assert sign_in(member, base, "minh").status_code == 302
        asked = ask(member, base, "Which labs take interns in spring, while Redis is down?")
        assert asked.status_code == 200, asked.status_code
        assert "while Redis is down" in member.get(f"{base}{CHANNEL}", timeout=30).text

        redis_server.start()

        for path in PAGES:
            assert visitor.get(f"{base}{path}", timeout=30).status_code == 200, path
        assert ask(member, base, "And now that it is back?").status_code == 200
        assert "now that it is back" in member.get(f"{base}{CHANNEL}", timeout=30).text
