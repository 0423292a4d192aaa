"""A real SMTP server for tests (aiosmtpd): keeps every message, counts sessions, refuses some.

A recipient whose address contains "refuse" is refused with 550, as a real server refuses an
unknown mailbox. ``wait_for`` waits for a matching message to arrive (mail sent by the task
worker of another process comes when it comes).
"""

from __future__ import annotations

import email
import email.policy
import logging
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.servers import free_port

# aiosmtpd logs every SMTP command at INFO.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class _Handler:
    def __init__(self, owner: SmtpServer) -> None:
        self.owner = owner

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses):  # noqa: N802
        session.host_name = hostname
        with self.owner._arrived:
            self.owner.sessions += 1
        return responses

    async def handle_HELO(self, server: Any, session: Any, envelope: Any, hostname: str) -> str:  # noqa: N802
        session.host_name = hostname
        with self.owner._arrived:
            self.owner.sessions += 1
        return "250 test"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options):  # noqa: N802
        if "refuse" in address.lower():
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.owner._arrived:
            self.owner.mails.append(message)  # type: ignore[arg-type]
            self.owner._arrived.notify_all()
        return "250 queued"


class SmtpServer:
    """``with SmtpServer() as smtp:`` listens on 127.0.0.1:``smtp.port``."""

    def __init__(self) -> None:
        self.sessions = 0
        self.mails: list[EmailMessage] = []
        self._arrived = threading.Condition()
        self.port = free_port()
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def messages(self) -> int:
        return len(self.mails)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def wait_for(
        self, match: Callable[[EmailMessage], bool], timeout: float = 60.0, skip: int = 0
    ) -> EmailMessage:
        """The first message (after the first ``skip``) for which ``match`` is true, as soon
        as it has arrived."""
        give_up = time.monotonic() + timeout
        with self._arrived:
            while True:
                for message in self.mails[skip:]:
                    if match(message):
                        return message
                left = give_up - time.monotonic()
                if left <= 0:
                    seen = [(m["To"], m["Subject"]) for m in self.mails]
                    raise TimeoutError(f"No matching e-mail within {timeout} s; received {seen}")
                self._arrived.wait(left)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._controller.stop()
