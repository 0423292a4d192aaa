"""The site's 500 handler: a busy database is a styled 503 with Retry-After, never a 500.

A database that refuses connections (its limit reached, the pool exhausted) saved nothing,
and trying again shortly works, so people are told that. Any other failure is the usual
500 page. Both pages are standalone: rendering the site's layout needs the database.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

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


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the exception, so sys.exc_info() has it."""
    error = sys.exc_info()[1]
    if is_database_busy(error):
        logger.warning("Database busy, answered 503: %s", error)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(render_to_string("500.html"))
