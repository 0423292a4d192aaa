"""Settings come from the environment, fail loudly, and production passes check --deploy."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from club.settings import env

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "club.example.org",
    "DATABASE_URL": "sqlite:////tmp/club-deploy-check.sqlite3",
}


def run_manage(args: list[str], extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "club.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_with_no_warnings():
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_essentials(missing):
    settings = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = run_manage(["check"], settings)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_sends_security_headers(client, demo_site, settings):
    response = client.get("/en/")

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_websockets_may_connect_to_our_own_host_only(client, demo_site):
    policy = client.get("/en/", HTTP_HOST="localhost")["Content-Security-Policy"]
    connect = next(part for part in policy.split("; ") if part.startswith("connect-src"))

    assert connect.split()[1:] == ["'self'", "ws://localhost", "wss://localhost"]


@pytest.mark.parametrize("value", ["maybe", "2", "yes please"])
def test_env_bool_rejects_garbage(monkeypatch, value):
    monkeypatch.setenv("DEBUG", value)
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env.env_bool("DEBUG")


def test_env_int_rejects_garbage(monkeypatch):
    monkeypatch.setenv("SECURE_HSTS_SECONDS", "one year")
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_SECONDS"):
        env.env_int("SECURE_HSTS_SECONDS", 0)


def test_env_url_rejects_wrong_scheme(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "http://localhost:6379")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.env_url("REDIS_URL", {"redis", "rediss"})


def test_database_url_is_parsed_and_bad_ones_rejected():
    config = env.database_config("postgres://club:pw@db.internal:5432/club", "unused")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db.internal"
    # ASGI: no persistent connections, a bounded pool per process instead.
    assert config["CONN_MAX_AGE"] == 0
    assert config["OPTIONS"]["pool"]["max_size"] == 10
    assert env.database_config(None, "/tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.database_config("nosuchdb://x/y", "unused")


def test_email_url_variants():
    smtp = env.email_config("smtp+tls://user%40club:s3cret@mail.example.org:2525")
    assert smtp.host == "mail.example.org"
    assert smtp.port == 2525
    assert smtp.user == "user@club"
    assert smtp.use_tls is True
    assert env.email_config(None).backend.endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        env.email_config("carrier-pigeon://coop")


def test_redis_url_selects_the_redis_channel_layer():
    code = (
        "import club.settings.base as s;"
        "print(s.CHANNEL_LAYERS['default']['BACKEND']);"
        "print(s.CACHES['default']['BACKEND'])"
    )
    environment = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/3"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    ).stdout

    assert "channels_redis.core.RedisChannelLayer" in out
    assert "RedisCache" in out
