"""Security headers that Django 5.2 does not set by itself."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# The public site ships no inline script; the Wagtail admin still needs inline
# scripts and eval for its editors, so it gets a looser policy of its own.
SITE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self' ws: wss:",
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


class ContentSecurityPolicyMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_admin = request.path.startswith(("/admin/", "/django-admin/"))
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_POLICY if is_admin else SITE_POLICY
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
