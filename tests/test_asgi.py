"""The ASGI application serves HTTP and WebSockets, through Channels and under Daphne."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
async def test_asgi_application_serves_pages(demo_site):
    from club.asgi import application

    communicator = HttpCommunicator(application, "GET", "/en/", headers=[(b"host", b"localhost")])
    response = await communicator.get_response(timeout=10)

    assert response["status"] == 200
    assert b"Sakura Science Club" in response["body"]


async def test_websocket_from_a_foreign_origin_is_refused():
    from club.asgi import application

    communicator = WebsocketCommunicator(
        application, "/ws/anything/", headers=[(b"origin", b"https://evil.example")]
    )
    connected, _ = await communicator.connect(timeout=5)

    assert not connected


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_daphne_serves_the_seeded_site(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "club.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'daphne.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["seed_demo", "--members", "0"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=environment, check=True, timeout=300)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "club.asgi:application",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = _get_when_up(f"http://127.0.0.1:{port}/ja/programmes/")
        assert "さくらサイエンス・ハイスクールプログラム" in body
        assert "body{" in _get_when_up(f"http://127.0.0.1:{port}/static/css/site.css").replace(
            " ", ""
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get_when_up(url: str, deadline: float = 30.0) -> str:
    give_up = time.monotonic() + deadline
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return response.read().decode()
        except OSError:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.3)
