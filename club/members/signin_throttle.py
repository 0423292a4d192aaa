"""Slow down password guessing: at most a few failed sign-ins per address and username."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


def _key(request: HttpRequest | None, username: str) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless the proxy rewrites
    # REMOTE_ADDR (daphne/uvicorn --proxy-headers), which is how production runs.
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    digest = hashlib.sha256(f"{address}|{username.strip().casefold()}".encode()).hexdigest()
    return f"signin-failures:{digest}"


def is_blocked(request: HttpRequest | None, username: str) -> bool:
    """Whether this address has failed to sign in as ``username`` too often lately."""
    return cache.get(_key(request, username), 0) >= MAX_FAILURES


def record_failure(request: HttpRequest | None, username: str) -> None:
    """Count one failed sign-in; the window starts at the first failure."""
    key = _key(request, username)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, WINDOW_SECONDS)


def reset(request: HttpRequest | None, username: str) -> None:
    """Forget the failures after a successful sign-in."""
    cache.delete(_key(request, username))
