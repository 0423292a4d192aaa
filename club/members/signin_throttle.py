"""Slow down password guessing on every sign-in path, in one place (django-axes).

Axes sits in front of the authentication backends, so the site's form, Wagtail's admin
login and its page-privacy login are all counted and locked alike. Attempts are kept in the
database, not the cache: losing Redis never opens or closes the gate by accident.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def account_key(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """One key per account, whichever of its username or e-mail address was typed.

    Guesses made as 'alice' and as 'alice@example.org' count together; a login that matches
    no account is counted under itself, folded, so that case games do not help either.
    """
    login = str((credentials or {}).get("username") or "").strip()
    if not login:
        return ""
    user = (
        get_user_model()
        ._default_manager.filter(Q(username__iexact=login) | Q(email__iexact=login))
        .order_by("pk")
        .values_list("username", flat=True)
        .first()
    )
    return (user or login).casefold()


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless the proxy rewrites
    # REMOTE_ADDR (daphne/uvicorn --proxy-headers), which is how production runs.
    address: str = request.META.get("REMOTE_ADDR", "")
    return address


def locked_out(request: HttpRequest, *args: Any) -> HttpResponse:
    """A clear page, in the site's style, saying to wait or reset the password (HTTP 429)."""
    context = {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return render(request, "members/accounts/locked_out.html", context, status=429)
