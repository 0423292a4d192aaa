"""The site's own middleware: the Content-Security-Policy, and connections on a failed view.

django-csp has one policy for the whole site and static sources only. We add (1) the
looser ``ADMIN_CONTENT_SECURITY_POLICY`` under the Wagtail admin and (2) WebSocket sources
naming the request's own host in ``connect-src``.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponseBase
from django.utils.deprecation import MiddlewareMixin

from club.errors import hand_back_connections


def websocket_sources(request: HttpRequest) -> list[str]:
    """WebSockets (live Q&A) to our own host only: never ``ws:`` anywhere.

    'self' covers same-host WebSockets in CSP Level 3 browsers; the explicit ws/wss source
    keeps older ones working without opening every host.
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return []
    return [f"ws://{host}", f"wss://{host}"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware: the admin policy in the admin, our host's WebSockets elsewhere."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:  # a view chose its own policy
            return parts
        if request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            return parts
        update = dict(parts.update or {})
        update["connect-src"] = [*update.get("connect-src", []), *websocket_sources(request)]
        parts.update = update
        return parts


class ConnectionsOnErrorMiddleware(MiddlewareMixin):
    """When a view raises, hand the request thread's connection back before the error page.

    Django renders error pages on another thread under ASGI (see club/errors.py), which
    draws a second connection while this one waits for the end of the request: at a full
    pool the 404 page of a bad page number waited for a connection its own request held.
    """

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        hand_back_connections()
