"""The site's error pages, and a busy database as a styled 503 with Retry-After, never a 500.

A database that refuses connections (its limit reached, the pool exhausted) saved nothing,
and trying again shortly works, so people are told that. Any other failure is the usual
500 page. Both pages are standalone: rendering the site's layout needs the database.

Every error page hands back its database connections itself. Under ASGI, Django renders
them on a borrowed thread (``response_for_exception`` runs with ``thread_sensitive=False``),
not on the request's own, and ``request_finished`` returns only the request thread's
connection to the pool. A 404 page that drew the site's layout there kept its pooled
connection for good: a burst of bad page numbers emptied the pool and every later request
waited DATABASE_POOL_TIMEOUT for a connection that never came back. The request's own
thread, for its part, hands its connection back as soon as a view raises
(``club.middleware.ConnectionsOnErrorMiddleware``), so an error page never needs two.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
# Refusals that trying again later fixes; anything else stays a 500 and is reported.
BUSY_SIGNS = ("too many clients", "remaining connection slots", "connection", "timeout")


def is_database_busy(error: BaseException | None) -> bool:
    from psycopg_pool import PoolTimeout

    while error is not None:
        if isinstance(error, PoolTimeout):
            return True
        if isinstance(error, OperationalError | InterfaceError):
            text = str(error).lower()
            return any(sign in text for sign in BUSY_SIGNS)
        error = error.__cause__ or error.__context__
    return False


def hand_back_connections() -> None:
    """Return this thread's database connections to the pool (or close them)."""
    for connection in connections.all(initialized_only=True):
        # Inside a transaction (a test's, or ATOMIC_REQUESTS) its owner closes it.
        if not connection.in_atomic_block:
            connection.close()


def hands_back_connections(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Return the connections the error page drew to the pool once it is rendered."""

    @wraps(view)
    def rendered(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        finally:
            hand_back_connections()

    return rendered


bad_request = hands_back_connections(defaults.bad_request)
permission_denied = hands_back_connections(defaults.permission_denied)
page_not_found = hands_back_connections(defaults.page_not_found)


@hands_back_connections
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the exception, so sys.exc_info() has it."""
    error = sys.exc_info()[1]
    if is_database_busy(error):
        logger.warning("Database busy, answered 503: %s", error)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(render_to_string("500.html"))
