"""A real Elasticsearch-API server for tests: noida-db on a free port, or ELASTICSEARCH_URL."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from elasticsearch import Elasticsearch

from tests.servers import free_port


def noida_binary() -> str:
    found = shutil.which("noida-db") or str(Path(sys.executable).parent / "noida-db")
    return found


class SearchServer:
    """Starts, stops and restarts one noida-db Elasticsearch server on a data dir."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> SearchServer:
        # A session of its own, so stopping kills the server and not just its launcher.
        self.process = subprocess.Popen(  # noqa: S603
            [
                noida_binary(),
                "start",
                "--data-dir",
                str(self.data_dir),
                "--only",
                "elasticsearch",
                "--elasticsearch-port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = Elasticsearch(self.url, request_timeout=2, max_retries=0)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                client.info()
                return self
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.2)
        raise RuntimeError(f"noida-db did not start on {self.url}")

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
                _wait_until_closed(self.port)
            except (subprocess.TimeoutExpired, RuntimeError):
                os.killpg(self.process.pid, signal.SIGKILL)  # a busy server may ignore TERM
                self.process.wait(timeout=15)
                _wait_until_closed(self.port)
            self.process = None


def _wait_until_closed(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"the search server on port {port} did not stop")


def external_url() -> str | None:
    return os.environ.get("ELASTICSEARCH_URL") or None
