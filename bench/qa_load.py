"""Live Q&A under load: N WebSocket clients on one channel of one Daphne process, Redis layer.

    .venv/bin/python bench/qa_load.py [--clients 100,500,1000] [--questions 30] [--rate 2]
        [--redis-url redis://127.0.0.1:6379/5] [--database-url URL] [--deadline 900]

For each N, on the same server in the same run: the real Q&A consumer (each question is
saved, logged as a ChannelEvent, then broadcast), and the echo-broadcast floor from
bench/qa_asgi.py. One extra client posts at a steady rate; every listener records when
each question reaches it. Reports delivery latency p50/p95/p99/max over all
(question, client) pairs, messages lost, and the server's RSS; the floor ratio is the
Q&A p95 over the echo p95. Loopback only; the server stops at the end or at the deadline.
The Redis database given is flushed first: give the benchmark one of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from autobahn.asyncio.websocket import WebSocketClientFactory, WebSocketClientProtocol

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CONNECT_BATCH = 50
READY_TIMEOUT = 120.0
DRAIN_SECONDS = 10.0

SETUP = """
import sys
from django.test import Client
from club.members.models import Member
from club.qa.models import QuestionChannel
from tests.factories import MemberFactory, UserFactory
poster = Member.objects.filter(user__username="bench-poster").first() or MemberFactory(
    user=UserFactory(username="bench-poster"), given_name="Bench"
)
# A database given with --database-url may hold an earlier run: start each channel empty.
QuestionChannel.objects.filter(slug__startswith="bench-qa-").delete()
for n in sys.argv[1:]:
    QuestionChannel.objects.create(slug=f"bench-qa-{n}", title=f"Bench {n}")
client = Client()
client.force_login(poster.user)
print("SESSION=" + client.cookies["sessionid"].value)
"""

QA_PATTERN = re.compile(rb'"type": "question".*?"kind": "asked".*?"text": "bench-q (\d+)"')
ECHO_PATTERN = re.compile(rb"^echo-q (\d+)$")


class BenchClient(WebSocketClientProtocol):
    """One WebSocket client; the phase it belongs to does the bookkeeping."""

    def onOpen(self) -> None:  # noqa: N802 (autobahn's API)
        self.factory.phase.opened(self)

    def onMessage(self, payload: bytes, is_binary: bool) -> None:  # noqa: N802
        self.factory.phase.received(self, payload, time.perf_counter())

    def onClose(self, was_clean: bool, code: int | None, reason: str | None) -> None:  # noqa: N802
        self.factory.phase.closed(self)


@dataclass
class Phase:
    """One consumer at one N: who is connected, what was sent when, what arrived when."""

    kind: str  # "qa" or "echo"
    listeners: int
    ready_count: int = 0
    open_count: int = 0
    sent: dict[int, float] = field(default_factory=dict)
    seen: dict[int, set[int]] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    poster: BenchClient | None = None
    clients: list[BenchClient] = field(default_factory=list)
    all_ready: asyncio.Event = field(default_factory=asyncio.Event)
    expected_ready: int = 0

    def opened(self, client: BenchClient) -> None:
        self.open_count += 1
        self.clients.append(client)
        self.seen[id(client)] = set()
        client.ready = self.kind == "echo"  # the Q&A consumer is ready once it sent its state
        if client.ready:
            self._ready()

    def _ready(self) -> None:
        self.ready_count += 1
        if self.ready_count >= self.expected_ready:
            self.all_ready.set()

    def received(self, client: BenchClient, payload: bytes, now: float) -> None:
        if not client.ready:
            client.ready = True
            self._ready()
            return
        if client is self.poster:
            return
        match = (QA_PATTERN if self.kind == "qa" else ECHO_PATTERN).search(payload)
        if match is None:
            return
        number = int(match.group(1))
        seen = self.seen[id(client)]
        if number in self.sent and number not in seen:
            seen.add(number)
            self.latencies.append(now - self.sent[number])

    def closed(self, client: BenchClient) -> None:
        self.open_count -= 1

    def delivered(self) -> int:
        return sum(len(self.seen[id(c)]) for c in self.clients if c is not self.poster)


async def wait_for(event: asyncio.Event, seconds: float, what: str) -> None:
    try:
        await asyncio.wait_for(event.wait(), seconds)
    except TimeoutError:
        raise RuntimeError(f"{what} took longer than {seconds:.0f} s") from None


def rss_mib(pid: int) -> float:
    """Resident set size of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def run_phase(
    kind: str, listeners: int, args: argparse.Namespace, port: int, pid: int, cookie: str
) -> dict[str, float]:
    """Connect the listeners and the poster, post at a steady rate, drain, disconnect."""
    loop = asyncio.get_running_loop()
    phase = Phase(kind=kind, listeners=listeners)
    path = f"/ws/qa/bench-qa-{listeners}/" if kind == "qa" else f"/ws/echo/bench-{listeners}/"
    origin = f"http://{HOST}:{port}"

    def factory(headers: dict[str, str] | None = None) -> WebSocketClientFactory:
        made = WebSocketClientFactory(f"ws://{HOST}:{port}{path}", origin=origin, headers=headers)
        made.protocol = BenchClient
        made.setProtocolOptions(utf8validateIncoming=False, openHandshakeTimeout=60)
        made.phase = phase
        return made

    listener_factory = factory()
    started = time.perf_counter()
    for first in range(0, listeners, CONNECT_BATCH):
        batch = min(CONNECT_BATCH, listeners - first)
        phase.expected_ready = first + batch
        phase.all_ready.clear()
        await asyncio.gather(
            *(loop.create_connection(listener_factory, HOST, port) for _ in range(batch))
        )
        await wait_for(phase.all_ready, READY_TIMEOUT, f"connecting {first + batch} clients")
    phase.expected_ready = listeners + 1
    phase.all_ready.clear()
    _transport, phase.poster = await loop.create_connection(
        factory({"Cookie": f"sessionid={cookie}"}), HOST, port
    )
    await wait_for(phase.all_ready, READY_TIMEOUT, "connecting the poster")
    connect_seconds = time.perf_counter() - started
    rss_connected = rss_mib(pid)

    peak = rss_connected
    interval = 1.0 / args.rate
    start = loop.time()
    server_cpu, client_cpu = cpu_seconds(pid), time.process_time()
    for number in range(args.questions):
        await asyncio.sleep(max(0.0, start + number * interval - loop.time()))
        text = f"bench-q {number}" if kind == "qa" else f"echo-q {number}"
        frame = f'{{"type": "ask", "text": "{text}"}}' if kind == "qa" else text
        phase.sent[number] = time.perf_counter()
        phase.poster.sendMessage(frame.encode())
        peak = max(peak, rss_mib(pid))
    expected = listeners * args.questions
    drain_until = loop.time() + DRAIN_SECONDS
    while phase.delivered() < expected and loop.time() < drain_until:
        await asyncio.sleep(0.1)
        peak = max(peak, rss_mib(pid))
    busy = loop.time() - start
    server_cpu = (cpu_seconds(pid) - server_cpu) / busy
    client_cpu = (time.process_time() - client_cpu) / busy

    await close_all(phase)
    ms = [value * 1000 for value in phase.latencies]
    return {
        "p50": percentile(ms, 0.50),
        "p95": percentile(ms, 0.95),
        "p99": percentile(ms, 0.99),
        "max": max(ms, default=float("nan")),
        "mean": statistics.fmean(ms) if ms else float("nan"),
        "delivered": phase.delivered(),
        "lost": expected - phase.delivered(),
        "connect_s": connect_seconds,
        "server_cpu": server_cpu * 100,
        "client_cpu": client_cpu * 100,
        "rss_connected": rss_connected,
        "rss_peak": peak,
    }


async def close_all(phase: Phase) -> None:
    """Close in batches, as people leave a session: a thousand leaving in the same
    millisecond would only measure the channel layer's connection pool."""
    clients = list(phase.clients)
    for first in range(0, len(clients), CONNECT_BATCH):
        for client in clients[first : first + CONNECT_BATCH]:
            client.sendClose()
        give_up = time.monotonic() + 30
        while phase.open_count > max(0, len(clients) - first - CONNECT_BATCH):
            if time.monotonic() > give_up:
                print(f"  ({phase.open_count} clients did not close cleanly; dropped)")
                for client in clients:
                    if client.transport is not None:
                        client.transport.abort()
                return
            await asyncio.sleep(0.02)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, server: subprocess.Popen, deadline: float = 60.0) -> None:
    give_up = time.monotonic() + deadline
    while True:
        if server.poll() is not None:
            raise SystemExit("Daphne exited during start-up; see its log.")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback only)
                return
        except OSError:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.3)


def prepare(environment: dict[str, str], sizes: list[int]) -> str:
    """Migrate a fresh database, add the poster and one channel per N; returns a session id."""
    manage = [sys.executable, "manage.py"]
    # Our own interpreter and fixed arguments: nothing here comes from outside.
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=environment, check=True)  # noqa: S603
    script = [sys.executable, "-c", _shell(SETUP), *map(str, sizes)]
    output = subprocess.run(  # noqa: S603
        script, cwd=ROOT, env=environment, check=True, capture_output=True, text=True
    ).stdout
    return next(
        line.split("=", 1)[1] for line in output.splitlines() if line.startswith("SESSION=")
    )


def _shell(code: str) -> str:
    return f"import django; django.setup()\n{code}"


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = Path("/proc/meminfo").read_text().split()[1]
    gib = int(memory) // 1024 // 1024
    return f"{model}, {os.cpu_count()} CPUs, {gib} GiB, Python {platform.python_version()}"


async def run_all(args: argparse.Namespace, port: int, pid: int, cookie: str) -> list[tuple]:
    rows = []
    for listeners in args.clients:
        for kind in ("qa", "echo"):
            print(f"N={listeners} {kind}: connecting, then {args.questions} posts at {args.rate}/s")
            result = await run_phase(kind, listeners, args, port, pid, cookie)
            print(
                f"  p50 {result['p50']:.1f} ms  p95 {result['p95']:.1f} ms  lost {result['lost']}"
                f"  RSS {result['rss_peak']:.0f} MiB"
            )
            rows.append((listeners, kind, result))
    return rows


def report(
    rows: list[tuple], args: argparse.Namespace, idle_rss: float, load_before: tuple
) -> None:
    database = "PostgreSQL" if (args.database_url or "").startswith("postgres") else "SQLite"
    print()
    print(f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {machine()}.")
    load_after = os.getloadavg()
    print(
        "Load average (1 min) before and after, the client and Redis included:"
        f" {load_before[0]:.2f} and {load_after[0]:.2f}"
    )
    print(f"Command: .venv/bin/python bench/qa_load.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"Database: {database}; channel layer: Redis ({args.redis_url}); one Daphne process")
    print(f"Server RSS when idle, before the first client: {idle_rss:.0f} MiB")
    print()
    print(
        "| N | consumer | p50 ms | p95 ms | p99 ms | max ms | delivered | lost |"
        " server CPU | client CPU | RSS connected MiB | RSS peak MiB | connect s |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for listeners, kind, r in rows:
        print(
            f"| {listeners} | {'Q&A' if kind == 'qa' else 'echo floor'} | {r['p50']:.1f} |"
            f" {r['p95']:.1f} | {r['p99']:.1f} | {r['max']:.1f} | {r['delivered']} |"
            f" {r['lost']} | {r['server_cpu']:.0f}% | {r['client_cpu']:.0f}% |"
            f" {r['rss_connected']:.0f} | {r['rss_peak']:.0f} |"
            f" {r['connect_s']:.1f} |"
        )
    print()
    by_n = {(n, kind): r for n, kind, r in rows}
    for listeners in args.clients:
        qa, echo = by_n[(listeners, "qa")], by_n[(listeners, "echo")]
        verdict = "meets" if qa["p95"] <= 250 and qa["lost"] == 0 else "misses"
        print(
            f"N={listeners}: floor ratio (Q&A p95 / echo p95) {qa['p95'] / echo['p95']:.2f};"
            f" goal p95 <= 250 ms and 0 lost: {verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--clients", type=lambda v: [int(n) for n in v.split(",")], default=[100, 500, 1000]
    )
    parser.add_argument("--questions", type=int, default=30, help="posts per phase")
    parser.add_argument("--rate", type=float, default=2.0, help="posts per second")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--database-url", help="default: a fresh temporary SQLite file")
    parser.add_argument("--deadline", type=float, default=900.0, help="seconds for everything")
    args = parser.parse_args()
    if args.rate <= 0 or args.questions <= 0 or min(args.clients) <= 0:
        parser.error("--rate, --questions and every --clients value must be positive")

    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="qa-load-"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.qa_settings",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "REDIS_URL": args.redis_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": str(ROOT),
    }
    load_before = os.getloadavg()
    print(f"Preparing the database in {workdir} ...")
    cookie = prepare(environment, args.clients)
    port = free_port()
    log = (workdir / "daphne.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "daphne", "-b", HOST, "-p", str(port), "bench.qa_asgi:application"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_http(f"http://{HOST}:{port}/en/qa/", server)
        idle_rss = rss_mib(server.pid)
        rows = asyncio.run(asyncio.wait_for(run_all(args, port, server.pid, cookie), args.deadline))
    except TimeoutError:
        print(
            f"Stopped at the {args.deadline:.0f} s deadline; server log: {workdir / 'daphne.log'}"
        )
        return 1
    except RuntimeError as error:
        print(f"Stopped: {error}; server log: {workdir / 'daphne.log'}")
        return 1
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    report(rows, args, idle_rss, load_before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
