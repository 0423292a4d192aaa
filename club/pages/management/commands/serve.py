"""python manage.py serve [--host H] [--port P]: the site and its task worker, as one command.

The site alone is not the product: RSVP confirmations, invitations and index updates are
queued for the durable task worker, and without it they are never sent. This runs Daphne and
``db_worker`` side by side; when either stops, or on Ctrl-C, both stop.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

STOP_GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the site on Daphne with the durable task worker beside it; both stop together."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--worker-interval",
            type=float,
            default=1.0,
            help="Seconds the worker waits between polls of an empty queue.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        url = f"http://{options['host']}:{options['port']}"
        environment = dict(os.environ)
        # Links in e-mails and calendars must open this server unless told otherwise.
        environment.setdefault("SITE_URL", url)
        python = sys.executable
        manage = [python, str(settings.BASE_DIR / "manage.py")]
        commands = {
            "site": [
                python,
                "-m",
                "daphne",
                "-b",
                options["host"],
                "-p",
                str(options["port"]),
                "--no-server-name",  # no "Server: daphne" telling what to attack
                "club.asgi:application",
            ],
            "worker": [
                *manage,
                "db_worker",
                "--backend",
                "durable",
                "--queue-name",
                "*",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                str(options["worker_interval"]),
            ],
        }
        children = {
            name: subprocess.Popen(command, env=environment, cwd=settings.BASE_DIR)  # noqa: S603
            for name, command in commands.items()
        }
        self.stdout.write(
            f"Serving {environment['SITE_URL']} with the task worker (Ctrl-C stops both)."
        )
        stopping = False

        def stop(_signum: int, _frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not stopping and all(child.poll() is None for child in children.values()):
                time.sleep(0.2)
        finally:
            self._stop(children)
        ended = [name for name, child in children.items() if child.returncode not in (0, -15)]
        if ended and not stopping:
            self.stderr.write(f"Stopped because the {ended[0]} ended; the other was stopped too.")
            sys.exit(1)

    def _stop(self, children: dict[str, subprocess.Popen[bytes]]) -> None:
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
