"""deploy/nginx/club.conf in front of two workers from deploy/systemd/club-web@.service, on
club.settings.production: HTTPS pages from the workers, static files and uploads from nginx
itself, live Q&A over a secure WebSocket, and a clear 413 for an upload over the limit."""

from __future__ import annotations

import os
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from websockets.sync.client import connect

from club.members.photos import MAX_PHOTO_BYTES
from tests.deploy.conftest import browser_session, empty_redis
from tests.deploy.proxy import Nginx, nginx_missing
from tests.deploy.stack import Worker, needs_engines, next_frame, running
from tests.faults.test_redis_outage import ask
from tests.servers import manage

MB = 1024 * 1024
pytestmark = needs_engines


@dataclass
class Proxied:
    nginx: Nginx
    workers: tuple[Worker, Worker]

    @property
    def url(self) -> str:
        return self.nginx.url

    def session(self, username: str | None = None) -> requests.Session:
        return browser_session(self.url, username, verify=str(self.nginx.certificate))


@pytest.fixture(scope="module")
def proxied(deploy_environment, tmp_path_factory) -> Iterator[Proxied]:
    reason = nginx_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: the deploy tests must run in CI")
        pytest.skip(reason)
    environment = {
        **deploy_environment,
        "DJANGO_SETTINGS_MODULE": "club.settings.production",
        "SECRET_KEY": "deploy-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    # Wagtail's and Django's admin assets are most of collectstatic's work and no public page
    # uses them; the manifest storage would refuse to render a page that did.
    manage(environment, "collectstatic", "--noinput", "-v0", "-i", "wagtail*", "-i", "admin")
    media = Path(environment["MEDIA_ROOT"])
    (media / "images").mkdir(parents=True, exist_ok=True)
    (media / "images" / "upload.txt").write_text("an uploaded file\n")
    (media / "documents").mkdir(exist_ok=True)
    (media / "documents" / "private.txt").write_text("behind Wagtail's privacy check\n")
    empty_redis(environment)
    logs = tmp_path_factory.mktemp("proxied")
    workers = (Worker(environment, logs), Worker(environment, logs))
    nginx = Nginx(logs, list(workers), Path(environment["STATIC_ROOT"]), media)
    with running(*workers), nginx:
        yield Proxied(nginx, workers)


def upstream(worker: Worker) -> str:
    return f"127.0.0.1:{worker.port}"


def test_pages_come_from_both_workers_over_https(proxied):
    visitor = proxied.session()
    a, b = proxied.workers
    pages = [visitor.get(f"{proxied.url}/en/", timeout=30) for _ in range(4)]

    assert [page.status_code for page in pages] == [200] * 4
    assert pages[0].headers["Server"] == "nginx"  # no version
    assert "Strict-Transport-Security" in pages[0].headers
    # Production settings redirect plain HTTP to HTTPS: only nginx's X-Forwarded-Proto
    # header tells the workers the request came over HTTPS.
    direct = requests.get(f"{a.url}/en/", allow_redirects=False, timeout=30)
    assert direct.status_code == 301
    assert set(proxied.nginx.upstreams("GET", "/en/", 200)) == {upstream(a), upstream(b)}
    insecure = requests.get(
        f"http://127.0.0.1:{proxied.nginx.http_port}/en/", allow_redirects=False, timeout=30
    )
    assert insecure.status_code == 301
    assert insecure.headers["Location"].startswith("https://")


def test_static_files_and_uploads_are_served_by_nginx_itself(proxied):
    visitor = proxied.session()
    page = visitor.get(f"{proxied.url}/en/", timeout=30).text
    hashed = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)

    css = visitor.get(f"{proxied.url}{hashed}", timeout=30)
    plain = visitor.get(f"{proxied.url}/static/css/site.css", timeout=30)
    upload = visitor.get(f"{proxied.url}/media/images/upload.txt", timeout=30)
    document = visitor.get(f"{proxied.url}/media/documents/private.txt", timeout=30)

    assert css.status_code == 200 and "text/css" in css.headers["Content-Type"]
    assert css.headers["Content-Encoding"] == "gzip"  # the .gz file collectstatic wrote
    assert "immutable" in css.headers["Cache-Control"]
    assert plain.status_code == 200 and "immutable" not in plain.headers["Cache-Control"]
    assert upload.text == "an uploaded file\n"
    assert upload.headers["X-Content-Type-Options"] == "nosniff"
    assert document.status_code == 404  # documents only through Wagtail's view
    for path in (hashed, "/static/css/site.css", "/media/images/upload.txt"):
        assert proxied.nginx.upstreams("GET", path, 200) == ["-"], f"a worker served {path}"


def test_live_qa_works_over_a_secure_websocket_through_nginx(proxied):
    member = proxied.session("ananya")
    tls = ssl.create_default_context(cafile=str(proxied.nginx.certificate))
    address = f"wss://127.0.0.1:{proxied.nginx.port}/ws/qa/studying-in-japan/?lang=en"
    with connect(address, origin=proxied.url, ssl=tls, proxy=None, open_timeout=20) as reader:
        assert next_frame(reader, lambda frame: True)["type"] == "state"

        asked = ask(member, proxied.url, "Asked through nginx, read over wss?")
        assert asked.status_code == 200

        seen = next_frame(reader, lambda frame: frame["type"] == "question")
        assert seen["question"]["text"] == "Asked through nginx, read over wss?"


def post_photo(session: requests.Session, base: str, size: int) -> requests.Response:
    page = session.get(f"{base}/en/account/profile/photo/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base}/en/account/profile/photo/",
        data={"csrfmiddlewaretoken": token},
        files={"photo": ("big.jpg", b"\0" * size, "image/jpeg")},
        timeout=120,
    )


def test_an_upload_over_the_limit_gets_a_clear_413_page(proxied):
    member = proxied.session("ananya")

    # Just over the photo limit, under nginx's cap: the site's own form error.
    over_photo_limit = post_photo(member, proxied.url, MAX_PHOTO_BYTES + MB // 2)
    # Over nginx's cap: refused before any worker reads it.
    over_cap = post_photo(member, proxied.url, MAX_PHOTO_BYTES + 2 * MB)

    assert over_photo_limit.status_code == 200
    assert "larger than 10 MB" in over_photo_limit.text
    assert over_cap.status_code == 413
    assert "File too large" in over_cap.text and "ファイルが大きすぎます" in over_cap.text
    assert over_cap.headers["Content-Type"] == "text/html; charset=utf-8"
    assert proxied.nginx.upstreams("POST", "/en/account/profile/photo/", 413) == ["-"]


def test_a_worker_going_away_is_not_noticed_through_nginx(proxied):
    a = proxied.workers[0]
    visitor = proxied.session()
    a.stop()  # as `systemctl restart club-web@PORT` begins
    a.wait_stopped()
    try:
        pages = [visitor.get(f"{proxied.url}/en/news/", timeout=30) for _ in range(6)]
    finally:
        a.start()
        a.wait_until_up()

    assert [page.status_code for page in pages] == [200] * 6
