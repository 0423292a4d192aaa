"""The Content-Security-Policy and Permissions-Policy on the site and in the admin."""

from __future__ import annotations


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def test_the_site_policy_allows_no_inline_script_and_no_framing(client, demo_site):
    policy = directives(client.get("/en/", HTTP_HOST="localhost")["Content-Security-Policy"])

    assert policy == {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'", "ws://localhost", "wss://localhost"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def test_the_admin_gets_its_looser_policy(client, db):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])

    assert policy["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "form-action" not in policy


def test_a_request_for_a_host_we_do_not_serve_gets_no_websocket_source(client, db):
    response = client.get("/en/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert directives(response["Content-Security-Policy"])["connect-src"] == ["'self'"]


def test_every_response_limits_browser_features(client, demo_site):
    header = client.get("/en/")["Permissions-Policy"]

    assert sorted(header.split(", ")) == [
        "camera=(self)",
        "geolocation=()",
        "microphone=()",
        "payment=()",
    ]
