"""Debian's nginx running deploy/nginx/club.conf, as the server would, in a folder of its own.

The site file goes where Debian's nginx.conf includes it; the main file here holds what that
nginx.conf would (MIME types, gzip) plus the paths a non-daemon run in a test needs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.deploy.stack import INSTALLED, NGINX_SITE, START_SECONDS, Worker
from tests.servers import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_missing() -> str | None:
    """Why nginx cannot run here, or None."""
    if not Path(NGINX).exists():
        return f"nginx is not installed (apt-get install nginx); looked for {NGINX}"
    return None


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as the server's Let's Encrypt files."""
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(  # noqa: S603
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return certificate, key


def render_site(replacements: dict[str, str]) -> str:
    """The committed site file with the server's ports and paths replaced by this run's."""
    text = NGINX_SITE.read_text()
    for old, new in replacements.items():
        assert old in text, f"{NGINX_SITE.name} no longer has {old!r}: the test must follow it"
        text = text.replace(old, new)
    # IPv6 may be missing in a container; the IPv4 listeners stand for both.
    lines = [line for line in text.splitlines() if "listen [::]" not in line]
    text = "\n".join(lines) + "\n"
    assert str(INSTALLED) not in text, "a server path was left in the rendered site file"
    return text


class Nginx:
    """nginx in front of the given workers: HTTPS on ``port``, the redirect on ``http_port``."""

    def __init__(self, folder: Path, workers: list[Worker], static: Path, media: Path) -> None:
        self.folder = folder
        self.port, self.http_port = free_port(), free_port()
        self.certificate, key = self_signed_certificate(folder)
        site = render_site(
            {
                "server 127.0.0.1:8001;": f"server 127.0.0.1:{workers[0].port};",
                "server 127.0.0.1:8002;": f"server 127.0.0.1:{workers[1].port};",
                "listen 443 ssl http2;": f"listen 127.0.0.1:{self.port} ssl http2;",
                "listen 80;": f"listen 127.0.0.1:{self.http_port};",
                "/etc/letsencrypt/live/club.example.org/fullchain.pem": str(self.certificate),
                "/etc/letsencrypt/live/club.example.org/privkey.pem": str(key),
                f"{INSTALLED}/staticfiles/": f"{static}/",
                f"{INSTALLED}/media/": f"{media}/",
                f"{INSTALLED}/deploy": str(ROOT / "deploy"),
            }
        )
        (folder / "club.conf").write_text(site)
        temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
        for path in temp.values():
            path.mkdir()
        # As root, workers would run as nobody, who cannot read pytest's private temp folders.
        user = "user root;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"""{user}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    gzip on;
    log_format upstream '$status "$request" upstream=$upstream_addr';
    access_log {folder}/access.log upstream;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {folder}/club.conf;
}}
"""
        )
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def check(self) -> None:
        """`nginx -t`: the rendered file is valid, or the test stops with nginx's words."""
        result = subprocess.run(self._command("-t"), capture_output=True, text=True, timeout=60)  # noqa: S603
        assert result.returncode == 0, result.stderr

    def __enter__(self) -> Nginx:
        self.check()
        self.process = subprocess.Popen(self._command(), stderr=subprocess.DEVNULL)  # noqa: S603
        give_up = time.monotonic() + START_SECONDS
        while not self._listening():
            assert self.process.poll() is None, (self.folder / "error.log").read_text()
            assert time.monotonic() < give_up, "nginx did not listen"
            time.sleep(0.1)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            self.process.wait(timeout=20)

    def upstreams(self, method: str, path: str, status: int) -> list[str]:
        """Where nginx sent each such request it logged: a worker's address, or "-" if it
        answered itself. nginx logs a request once it is finished, which can be just after
        the client has its response: this waits for the first."""
        request = f'{status} "{method} {path} HTTP/'  # as the client sent it
        give_up = time.monotonic() + 10
        while True:
            lines = (self.folder / "access.log").read_text().splitlines()
            matching = [line for line in lines if line.startswith(request)]
            if matching:
                return [line.rsplit("upstream=", 1)[1] for line in matching]
            assert time.monotonic() < give_up, f"nginx logged no {method} {path} {status}"
            time.sleep(0.1)

    def _command(self, *extra: str) -> list[str]:
        folder = self.folder
        return [
            NGINX,
            "-p",
            str(folder),
            "-c",
            str(folder / "nginx.conf"),
            "-e",
            str(folder / "error.log"),
            *extra,
        ]

    def _listening(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0
