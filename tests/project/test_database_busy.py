"""A database that refuses connections is a styled 503 with Retry-After, not a 500."""

from __future__ import annotations

from django.db import OperationalError
from django.test import RequestFactory

from club.errors import server_error


def answer_for(error: Exception):
    try:
        raise error
    except Exception:
        return server_error(RequestFactory().get("/en/"))


def test_too_many_clients_is_a_503_to_try_again():
    response = answer_for(OperationalError("FATAL: sorry, too many clients already"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "try again" in response.content.decode()


def test_an_exhausted_pool_is_a_503():
    from psycopg_pool import PoolTimeout

    assert answer_for(PoolTimeout("couldn't get a connection after 10.00 sec")).status_code == 503


def test_any_other_failure_is_the_500_page():
    response = answer_for(ValueError("a bug"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
