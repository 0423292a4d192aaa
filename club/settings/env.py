"""Typed readers for environment variables.

Every setting that differs between machines comes through here, so a typo in a
deployment fails loudly at start-up instead of silently falling back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_required(name: str) -> str:
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"The {name} environment variable is required in production.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false, 1/0), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_url(name: str, schemes: set[str]) -> str | None:
    """Return the URL in ``name`` or None; reject schemes we cannot use."""
    value = env_str(name)
    if not value:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        allowed = ", ".join(sorted(schemes))
        raise ImproperlyConfigured(f"{name} must be a URL with scheme {allowed}, not {value!r}.")
    return value


def database_config(url: str | None, default_sqlite_path: str) -> dict[str, Any]:
    """Django DATABASES['default'] from DATABASE_URL, or the embedded SQLite file."""
    import dj_database_url

    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": default_sqlite_path,
            "OPTIONS": SQLITE_OPTIONS,
        }
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url))
    except (ValueError, dj_database_url.UnknownSchemeError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI every request runs in a pool thread, so persistent connections
        # (CONN_MAX_AGE) are never reused nor closed and pile up until PostgreSQL refuses
        # everyone. psycopg's pool bounds them per process and hands them back after each
        # request, as Django documents for ASGI.
        config["CONN_MAX_AGE"] = 0
        # With a pool, Django turns this into psycopg's check on every checkout: a connection
        # the server dropped (a restart, an administrator) is replaced before a request gets
        # it, instead of failing that request.
        config["CONN_HEALTH_CHECKS"] = True
        # The pool opens all its connections with the first request. psycopg grows a pool
        # one connection at a time, in the background: a crowd arriving at a fresh or
        # idle worker on a busy machine waited behind that growth until DATABASE_POOL_TIMEOUT
        # and got "try again" 503s from a database that had room for everyone.
        pool_size = env_int("DATABASE_POOL_SIZE", 10)
        config["OPTIONS"] = {
            **config.get("OPTIONS", {}),
            "pool": {
                "min_size": pool_size,
                "max_size": pool_size,
                "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
            },
        }
    return config


# The site and its task worker write to one SQLite file from two processes. With SQLite's
# defaults a write that meets another one fails at once ("database is locked"), and a read
# transaction that later writes cannot wait its turn. WAL lets readers go on beside a
# writer; IMMEDIATE transactions take the write lock first and wait up to `timeout` for it.
SQLITE_OPTIONS: dict[str, str | int] = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


@dataclass(frozen=True)
class EmailConfig:
    """Django's EMAIL_* settings, read from EMAIL_URL (defaults are Django's own)."""

    backend: str = "django.core.mail.backends.console.EmailBackend"
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False
    timeout: int | None = None


def email_config(url: str | None) -> EmailConfig:
    """Email settings from EMAIL_URL: smtp://, smtp+tls://, smtp+ssl://, console:// or locmem://."""
    if not url:
        return EmailConfig()
    parsed = urlparse(url)
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if parsed.scheme in simple:
        return EmailConfig(backend=simple[parsed.scheme])
    if parsed.scheme not in {"smtp", "smtp+tls", "smtp+ssl"} or not parsed.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL must be smtp://, smtp+tls://, smtp+ssl://, console:// or locmem://,"
            f" not {url!r}."
        )
    try:
        port = parsed.port or (465 if parsed.scheme == "smtp+ssl" else 587)
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has an invalid port: {url!r}.") from None
    options = parse_qs(parsed.query)
    return EmailConfig(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=parsed.hostname,
        port=port,
        user=unquote(parsed.username or ""),
        password=unquote(parsed.password or ""),
        use_tls=parsed.scheme == "smtp+tls",
        use_ssl=parsed.scheme == "smtp+ssl",
        timeout=int(options["timeout"][0]) if "timeout" in options else None,
    )
