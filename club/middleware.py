"""Security headers that Django 5.2 does not set by itself."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

# The public site ships no inline script; the Wagtail admin still needs inline
# scripts and eval for its editors, so it gets a looser policy of its own.
SITE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src {connect}",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "connect-src 'self'",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=()"


def _connect_sources(request: HttpRequest) -> str:
    """Our own origin, and WebSockets (live Q&A) to our own host only: never ``ws:`` anywhere.

    'self' covers same-host WebSockets in CSP Level 3 browsers; the explicit ws/wss source
    keeps older ones working without opening every host.
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return "'self'"
    return f"'self' ws://{host} wss://{host}"


class ContentSecurityPolicyMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_admin = request.path.startswith(("/admin/", "/django-admin/"))
        response.headers.setdefault(
            "Content-Security-Policy",
            ADMIN_POLICY if is_admin else SITE_POLICY.format(connect=_connect_sources(request)),
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
