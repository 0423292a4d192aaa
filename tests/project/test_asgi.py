"""The ASGI application serves HTTP and WebSockets, through Channels and under Daphne."""

from __future__ import annotations

import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator

from tests.servers import daphne, get_when_up, manage, migrated_sqlite, site_environment


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


def test_daphne_serves_the_seeded_site(tmp_path):
    environment = site_environment(migrated_sqlite(tmp_path / "daphne.sqlite3"))
    manage(environment, "seed_demo", "--members", "0")

    with daphne(environment) as base:
        body = get_when_up(f"{base}/ja/programmes/")
        assert "さくらサイエンス・ハイスクールプログラム" in body
        assert "body{" in get_when_up(f"{base}/static/css/site.css").replace(" ", "")
