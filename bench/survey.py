"""Benchmark sending a survey wave against a raw smtplib loop sending the same messages.

    .venv/bin/python bench/survey.py [--members 43000]

Seeds a scratch database (a temp SQLite file, or ``BENCH_DATABASE_URL``, which is flushed;
``DATABASE_URL`` is ignored) with alumni who have only a contact address, then, into one
local aiosmtpd sink (its own process, discarding what it receives):
1. the platform: ``invite_audience`` and every batch ``send_batch`` runs in the worker
   (audience query, invitations, per-person tokens, templates in each person's language,
   RFC 8058 headers, one SMTP session per batch, states written back);
2. a raw loop: one smtplib session sending a message of the same size and headers to each
   address, composed with ``email.message`` only.
Each is timed; with ``--trace`` each runs again under tracemalloc for its peak memory.
Prints a Markdown row.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import shutil
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
import tracemalloc
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    give_up = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.1)


def seed(members: int) -> None:
    from datetime import date

    from club.members.models import Member, Participation

    batch = 2000
    for start in range(0, members, batch):
        rows = [
            Member(
                given_name=f"Alumnus{n}",
                family_name="Bench",
                contact_email=f"alumnus{n}@bench.example.org",
                nationality=("IN", "TH", "VN", "CN")[n % 4],
                preferred_language="ja" if n % 5 == 0 else "en",
            )
            for n in range(start, min(start + batch, members))
        ]
        created = Member.objects.bulk_create(rows)
        Participation.objects.bulk_create(
            Participation(
                member=member,
                programme="A",
                fiscal_year=2015 + member.pk % 10,
                start_date=date(2015 + member.pk % 10, 7, 1),
                end_date=date(2015 + member.pk % 10, 7, 10),
            )
            for member in created
        )


def platform_send() -> int:
    from django.utils import timezone

    from club.surveys.models import Wave
    from club.surveys.sending import INVITATION, batches, invite_audience, send_batch

    today = timezone.localdate()
    wave = Wave.objects.create(
        title="Have you come back to Japan?",
        title_ja="日本に戻ってきましたか？",
        opens_on=today,
        closes_on=today.replace(year=today.year + 1),
        skip_answered_months=0,
    )
    sent = 0
    for batch in batches(invite_audience(wave)):  # what the worker runs, task by task
        sent += send_batch(batch, INVITATION)["sent"]
    return sent


def raw_send(host: str, port: int, sample: EmailMessage, addresses: list[str]) -> int:
    smtp = smtplib.SMTP(host, port)
    try:
        for address in addresses:
            message = EmailMessage()
            for header in ("Subject", "List-Unsubscribe-Post"):
                message[header] = sample[header]
            message["From"] = sample["From"]
            message["To"] = address
            message["List-Unsubscribe"] = f"<https://club.example.org/u/{address}/>"
            message.set_content(sample.get_content())
            smtp.send_message(message)
    finally:
        smtp.quit()
    return len(addresses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=43_000)
    parser.add_argument(
        "--trace", action="store_true", help="run each side again under tracemalloc (slow)"
    )
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="survey-bench-"))
    os.environ["DATABASE_URL"] = (
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{scratch / 'bench.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "club.settings.test")
    import django

    django.setup()
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs each command
    from django.conf import settings
    from django.core.mail import EmailMessage as DjangoMessage
    from django.core.management import call_command

    from club.surveys.models import Invitation, Wave
    from tests.servers import free_port

    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    seed(options.members)
    port = free_port()
    sink = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c",
         "aiosmtpd.handlers.Sink"]
    )  # fmt: skip
    wait_for_port(port)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        results: dict[str, list[float]] = {}
        for label, traced in (("platform", False), ("platform", True))[: 2 if options.trace else 1]:
            Invitation.objects.all().delete()
            Wave.objects.all().delete()
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            count = platform_send()
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
            tracemalloc.stop()
            results.setdefault(label, [seconds, count, 0.0])
            if traced:
                results[label][2] = peak
            print(f"{label}{' (traced)' if traced else ''}: {count} in {seconds:.1f} s", flush=True)

        from club.surveys.sending import INVITATION, build_message

        sample_invitation = Invitation.objects.select_related("wave", "member").first()
        assert sample_invitation is not None
        built = build_message(sample_invitation, INVITATION)
        assert isinstance(built, DjangoMessage)
        import email
        import email.policy

        sample = email.message_from_bytes(built.message().as_bytes(), policy=email.policy.default)
        addresses = [f"alumnus{n}@bench.example.org" for n in range(options.members)]
        for traced in (False, True)[: 2 if options.trace else 1]:
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            count = raw_send("127.0.0.1", port, sample, addresses)
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
            tracemalloc.stop()
            results.setdefault("raw", [seconds, count, 0.0])
            if traced:
                results["raw"][2] = peak
            print(f"raw{' (traced)' if traced else ''}: {count} in {seconds:.1f} s", flush=True)
    finally:
        sink.terminate()
        sink.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)

    p_seconds, p_count, p_peak = results["platform"]
    r_seconds, r_count, r_peak = results["raw"]
    ratio = (p_count / p_seconds) / (r_count / r_seconds)
    memory = f"{p_peak:.1f} MiB / {r_peak:.1f} MiB" if options.trace else "not traced"
    print(f"\nPython {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    print("| members | platform | raw smtplib | throughput ratio | peak memory platform / raw |")
    print("|---|---|---|---|---|")
    print(
        f"| {options.members:,} | {p_seconds:.1f} s ({p_count / p_seconds:,.0f}/s) "
        f"| {r_seconds:.1f} s ({r_count / r_seconds:,.0f}/s) | {ratio:.2f}× "
        f"| {memory} |"
    )


if __name__ == "__main__":
    main()
