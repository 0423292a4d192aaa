"""A burst of 1,000 requests with junk query strings: no 500, and none of it is cached.

Query strings are open input: crawlers, broken mail clients and attackers send anything.
Each junk answer must be an ordinary page or a clear 4xx, and the anonymous page cache
(kept in a Redis of our own here, so the test can count its keys) must stay empty: only a
bare path or a bare page number is ever stored, so junk cannot grow the key space.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
import redis
import requests

from tests.servers import daphne

PATHS = [
    "/en/directory/",
    "/en/directory/search.json",
    "/en/news/",
    "/ja/news/",
    "/en/events/",
    "/en/search/",
    "/en/chapters/",
    "/en/programmes/",
]
PARAMETERS = ["q", "page", "tag", "country", "year", "field", "sort", "chapter", "utm_source"]
JUNK_PIECES = [
    "%00", "%0d%0a", "\u202e", "\ud7ff", "９９", "-1", "1e309", "NaN", "0x10", "' OR 1=1 --",
    "<script>", "../../etc/passwd", "%%", "%E0%A4", "a" * 3000, "🌸", "null", "[]", "{}", "",
]  # fmt: skip
BURST = 1_000
AT_ONCE = 16


ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def junk_query(chance: random.Random) -> str:
    """A query string no page means: repeated and unknown keys, odd bytes, huge values."""
    pairs = []
    for _ in range(chance.randint(1, 4)):
        key = chance.choice(PARAMETERS + ["", "page[]", "q\u0000"])
        value = "".join(chance.choice(JUNK_PIECES) for _ in range(chance.randint(1, 3)))
        pairs.append(f"{quote(key)}={quote(value, safe='%')}")
    query = "&".join(pairs)
    # A bare page number is a real page, which the cache may keep: that is not junk.
    return query if not query.startswith("page=") or not query[5:].isdigit() else query + "&x"


def test_a_burst_of_junk_query_strings_gets_no_500_and_fills_no_cache(
    site_environment, redis_server
):
    chance = random.Random(2026)
    requests_to_send = [f"{chance.choice(PATHS)}?{junk_query(chance)}" for _ in range(BURST)]
    environment = {**site_environment, "REDIS_URL": redis_server.url}
    with daphne(environment, ready_path="/en/") as base:
        session = requests.Session()

        def fetch(path: str) -> tuple[str, int, str | None]:
            response = session.get(base + path, timeout=60, allow_redirects=False)
            return path, response.status_code, response.headers.get("X-Page-Cache")

        with ThreadPoolExecutor(AT_ONCE) as pool:
            answers = list(pool.map(fetch, requests_to_send))

        cache = redis.Redis.from_url(redis_server.url)
        # Keys end with the query string; only the readiness probe's bare /en/ may be there.
        stored_junk = [
            key for key in cache.scan_iter("*page-cache:page:*") if not key.endswith(b"?")
        ]

    server_errors = [(path[:120], status) for path, status, _ in answers if status >= 500]
    cached = [path[:120] for path, _, header in answers if header is not None]
    assert server_errors == []
    assert cached == []
    assert stored_junk == []
    assert {status for _, status, _ in answers} <= {200, 301, 302, 400, 404}


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the connection pool exists on PostgreSQL only")
def test_error_pages_hand_their_pooled_connection_back(site_environment):
    """With one pooled connection, bad page numbers (404s) and junk filters leave it free.

    Django renders error pages on a borrowed thread under ASGI; the connection drawn there
    was never returned, and after one 404 every request waited for the pool and got a 503.
    """
    environment = {**site_environment, "DATABASE_POOL_SIZE": "1", "DATABASE_POOL_TIMEOUT": "3"}
    errors = ["/ja/news/?page=-1", "/en/news/?page=999", "/en/events/?page=x", "/en/no-such/"]
    with daphne(environment, ready_path="/en/") as base:
        answers = []
        for path in [*errors, *errors]:
            for url in (path, "/en/?after"):
                answers.append((url, requests.get(base + url, timeout=60).status_code))
    assert [answer for answer in answers if answer[1] not in (200, 404)] == []
    assert {status for path, status in answers if path in errors} == {404}
