"""`manage.py serve`: the site and its task worker start and stop together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, free_port, get_when_up, migrated_sqlite, site_environment


def children_of(pid: int) -> dict[int, str]:
    """Child processes of ``pid`` and their command lines, read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found[int(entry.name)] = cmdline
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# Generous: on a loaded 2-CPU CI machine Django and Wagtail alone take 20-30 s to import.
STARTUP_SECONDS = 120.0


def wait_until(condition, timeout: float = 60.0) -> None:
    give_up = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < give_up, "condition not met in time"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    environment = site_environment(migrated_sqlite(tmp_path_factory.mktemp("serve") / "db.sqlite3"))
    environment.pop("SITE_URL", None)
    return environment


@pytest.fixture
def served(environment):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "serve", "--port", str(port)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    get_when_up(f"http://127.0.0.1:{port}/static/css/site.css", deadline=STARTUP_SECONDS)
    wait_until(lambda: len(children_of(server.pid)) == 2)
    yield server, port
    if server.poll() is None:
        server.kill()
        server.wait()


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads processes from /proc")
def test_it_runs_the_site_and_the_worker_and_prints_the_url_links_use(served):
    server, port = served
    commands = list(children_of(server.pid).values())

    assert any("daphne" in command for command in commands)
    assert any("db_worker" in command and "durable" in command for command in commands)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/site.css") as response:  # noqa: S310
        assert "Server" not in response.headers  # no "Server: daphne" telling what to attack
    server.send_signal(signal.SIGINT)
    output, _ = server.communicate(timeout=60)
    assert f"Serving http://127.0.0.1:{port}" in output


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads processes from /proc")
def test_when_the_worker_dies_the_site_stops_too(served):
    server, _port = served
    children = children_of(server.pid)
    worker = next(pid for pid, command in children.items() if "db_worker" in command)

    os.kill(worker, signal.SIGKILL)

    assert server.wait(timeout=60) != 0
    wait_until(lambda: not any(alive(pid) for pid in children))


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads processes from /proc")
def test_ctrl_c_stops_both(served):
    server, _port = served
    children = children_of(server.pid)

    server.send_signal(signal.SIGINT)

    server.wait(timeout=60)
    wait_until(lambda: not any(alive(pid) for pid in children))
