"""A crowd of 200 on the site: today's one Daphne process against the production command.

    .venv/bin/python bench/http_load.py [--users 200] [--seconds 60] [--members 2000]
        [--database-url postgres://postgres@127.0.0.1:5432/bench_http]
        [--redis-url redis://127.0.0.1:6379/6] [--configs daphne,workers]

Each configuration gets a fresh database seeded with the demo data (``seed_demo``), its own
server on a free loopback port, and three runs of locust (headless, on this machine):
1. the static-file floor: every user fetches one WhiteNoise-served file as fast as it can;
2. the mix (bench/http_mix.py): anonymous home, news, event and chapter pages, and
   signed-in directory searches, profiles and the live Q&A page;
3. a burst of RSVPs: every bench member answers "going" to one event with 50 seats at
   the same moment; seats plus waitlist must equal the requests.
Before the crowd, each signed-in page is timed alone (single-user p50), for the goal
"p95 under the crowd at most 10x the single-user p50".

Configurations:
- ``daphne``: one Daphne process on SQLite, no Redis, no page cache: the deployment the
  README had.
- ``workers``: uvicorn with 2 workers (the command of deploy/systemd/club-web@.service,
  on one port) on PostgreSQL and Redis, with the anonymous page cache.
Prints a Markdown table for bench/RESULTS.md. The Redis database given is flushed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import free_port, get_when_up  # noqa: E402

PYTHON = sys.executable
SEATS = 50


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command against the configuration's database; its stdout."""
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def prepare(env: dict[str, str], members: int, users: int) -> dict:
    """A fresh demo database and the plan: page addresses and one session per bench user."""
    manage(env, "migrate", "--noinput", "-v0")
    # --demo-accounts gives the signed-in members passwords; it asks for DEBUG.
    manage({**env, "DEBUG": "true"}, "seed_demo", "--members", str(members), "--demo-accounts")
    call = f"from bench.http_plan import print_plan; print_plan({users}, {SEATS})"
    out = manage(env, "shell", "-c", call)
    return json.loads(re.search(r"^PLAN=(.*)$", out, re.M).group(1))


def single_user_p50(base: str, plan: dict) -> dict[str, float]:
    """Each signed-in page alone, ten times, one at a time: median seconds."""
    session = requests.Session()
    session.cookies.set("sessionid", plan["sessions"][0])
    pages = {
        "signed-in directory": plan["directory"][0],
        "signed-in profile": plan["profiles"][0],
        "signed-in live Q&A page": plan["qa"],
    }
    medians = {}
    for name, path in pages.items():
        times = []
        for _ in range(10):
            started = time.perf_counter()
            session.get(base + path, timeout=10).raise_for_status()
            times.append(time.perf_counter() - started)
        medians[name] = statistics.median(times)
    return medians


def run_locust(base: str, plan_file: Path, users: int, seconds: int, only: str = "") -> list:
    """One headless locust run; rows of (name, requests, failures, rps, p50, p95, p99)."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "stats"
        env = {**os.environ, "BENCH_PLAN": str(plan_file), "BENCH_ONLY": only}
        subprocess.run(
            [PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "http_mix.py"), "--headless",
             "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", base,
             "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"],
            cwd=ROOT, env=env, check=False, capture_output=True, timeout=seconds + 120,
        )  # fmt: skip
        with open(f"{prefix}_stats.csv", newline="") as stats:
            return [
                (
                    row["Name"],
                    int(row["Request Count"]),
                    int(row["Failure Count"]),
                    float(row["Requests/s"]),
                    float(row["50%"]) / 1000,
                    float(row["95%"]) / 1000,
                    float(row["99%"]) / 1000,
                )
                for row in csv.DictReader(stats)
            ]


def rsvp_burst(base: str, plan: dict, env: dict[str, str]) -> str:
    """Every bench member answers "going" at once; seats + waitlist must equal the answers."""
    sessions = plan["sessions"]
    barrier = threading.Barrier(len(sessions))

    def answer(session_key: str) -> int:
        client = requests.Session()
        client.cookies.set("sessionid", session_key)
        page = client.get(base + plan["rsvp"], timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        barrier.wait(timeout=120)
        response = client.post(
            base + plan["rsvp"],
            data={"csrfmiddlewaretoken": token, "answer": "going"},
            headers={"Referer": base + plan["rsvp"]},
            timeout=30,
            allow_redirects=False,
        )
        return response.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(len(sessions)) as pool:
        statuses = list(pool.map(answer, sessions))
    elapsed = time.perf_counter() - started
    call = f"from bench.http_plan import print_rsvp_count; print_rsvp_count({plan['event_id']})"
    out = manage(env, "shell", "-c", call)
    going, waitlist, distinct = map(int, re.search(r"RSVPS=(\d+) (\d+) (\d+)", out).groups())
    redirects = sum(status == 302 for status in statuses)
    exact = going + waitlist == len(sessions) == distinct and going <= SEATS
    verdict = "met" if exact else "MISSED"
    return (
        f"{len(sessions)} answers in {elapsed:.1f} s: {redirects} redirected as expected, "
        f"{going} going (of {SEATS} seats) + {waitlist} waitlisted = {going + waitlist}; "
        f"{distinct} distinct members. No RSVP lost or double-counted: **{verdict}**."
    )


def start_server(name: str, env: dict[str, str], port: int) -> subprocess.Popen:
    if name == "daphne":
        command = [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                   "club.asgi:application"]  # fmt: skip
    else:
        command = [PYTHON, "-m", "uvicorn", "club.asgi:application", "--host", "127.0.0.1",
                   "--port", str(port), "--workers", "2", "--no-access-log"]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def configuration_env(name: str, args: argparse.Namespace, tmp: Path, port: int) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "club.settings.dev",
        "DEBUG": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_URL": "dummy://",
    }
    env.pop("REDIS_URL", None)
    if name == "daphne":
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'daphne.sqlite3'}"
        env["PAGE_CACHE_SECONDS"] = "0"
        return env
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c",
                    f"DROP DATABASE IF EXISTS {args.pg_name} WITH (FORCE)", "-c",
                    f"CREATE DATABASE {args.pg_name}"], check=True)  # fmt: skip
    subprocess.run(["redis-cli", "-u", args.redis_url, "flushdb"], check=True, capture_output=True)
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.pg_name}"
    env["REDIS_URL"] = args.redis_url
    return env


def measure(name: str, args: argparse.Namespace, tmp: Path) -> list[str]:
    port = free_port()
    env = configuration_env(name, args, tmp, port)
    print(f"[{name}] seeding {args.members} members …", file=sys.stderr)
    plan = prepare(env, args.members, args.users)
    plan_file = tmp / f"{name}-plan.json"
    plan_file.write_text(json.dumps(plan))
    server = start_server(name, env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        get_when_up(base + "/en/", deadline=120)
        alone = single_user_p50(base, plan)
        print(f"[{name}] static floor …", file=sys.stderr)
        floor = run_locust(base, plan_file, args.users, args.seconds, only="static")
        print(f"[{name}] the mix …", file=sys.stderr)
        mix = run_locust(base, plan_file, args.users, args.seconds)
        print(f"[{name}] RSVP burst …", file=sys.stderr)
        burst = rsvp_burst(base, plan, env)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    return report(name, floor, mix, alone, burst)


def report(name: str, floor: list, mix: list, alone: dict, burst: str) -> list[str]:
    lines = [f"### {name}", "", "| requests | n | errors | req/s | p50 | p95 | p99 |",
             "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    floor_rps = next(row[3] for row in floor if row[0] == "static file")
    for row in [r for r in floor if r[0] != "Aggregated"] + mix:
        label, n, errors, rps, p50, p95, p99 = row
        lines.append(
            f"| {label} | {n} | {errors} | {rps:.1f} | {p50:.2f} s | {p95:.2f} s | {p99:.2f} s |"
        )
    lines.append("")
    anonymous = [r for r in mix if r[0].startswith("anonymous")]
    anonymous_rps = sum(r[3] for r in anonymous)
    lines.append(
        f"- Anonymous pages together: {anonymous_rps:.1f} req/s = "
        f"{anonymous_rps / floor_rps:.2f}x the static floor ({floor_rps:.1f} req/s); goal ≥ 0.5x."
    )
    for label, single in alone.items():
        row = next(r for r in mix if r[0] == label)
        lines.append(
            f"- {label}: p95 {row[5]:.2f} s under the crowd vs {single * 1000:.0f} ms alone = "
            f"{row[5] / single:.1f}x; goal ≤ 10x."
        )
    errors = sum(r[2] for r in mix if r[0] == "Aggregated")
    lines.append(f"- Errors and timeouts in the mix: {errors}; goal 0.")
    lines.append(f"- RSVP burst: {burst}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--pg-name", default="bench_http")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--configs", default="daphne,workers")
    args = parser.parse_args()
    lines = [
        f"- **Date:** {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- **Machine:** {os.cpu_count()} CPUs, {platform.platform()}, load before the run "
        f"{os.getloadavg()[0]:.1f}",
        f"- **Command:** `.venv/bin/python bench/http_load.py {' '.join(sys.argv[1:])}`",
        f"- {args.users} locust users for {args.seconds} s per run, {args.members} demo members.",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.configs.split(","):
            lines += measure(name, args, Path(tmp)) + [""]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
