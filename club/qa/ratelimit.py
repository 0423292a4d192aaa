"""Per-member flood limits for questions, answers and votes, counted in the shared Django cache.

With REDIS_URL set the cache is Redis, so the limit holds across every ASGI worker.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

# Actions per window (seconds). Settings may override with QA_RATE_LIMITS.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "ask": (5, 60),
    "answer": (10, 60),
    "vote": (30, 60),
}


def limit_for(action: str) -> tuple[int, int]:
    limits = {**DEFAULT_LIMITS, **settings.QA_RATE_LIMITS}
    return limits[action]


def allow(action: str, member_id: int) -> bool:
    """Count one ``action`` by the member; False once they are over the limit for this window."""
    limit, window = limit_for(action)
    bucket = int(time.time() // window)
    key = f"qa-rate:{action}:{member_id}:{bucket}"
    # add() is atomic on every backend, so two workers starting a window cannot both reset it.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window + 1)
        count = 1
    # None: the cache (Redis) is away. The limit fails open: a question is never lost
    # because the counter cannot be reached (docs/qa.md).
    return count is None or count <= limit
