"""A small real SMTP server for tests: counts sessions and messages, refuses some recipients."""

from __future__ import annotations

import socketserver
import threading


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        server: SmtpServer = self.server.owner  # type: ignore[attr-defined]
        server.sessions += 1
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 test")
            elif verb == "RCPT" and "refuse" in command.lower():
                self.reply("550 no such user")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go on")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                server.messages += 1
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class SmtpServer:
    """``with SmtpServer() as smtp:`` listens on 127.0.0.1:``smtp.port``."""

    def __init__(self) -> None:
        self.sessions = 0
        self.messages = 0
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
        self._server.daemon_threads = True
        self._server.owner = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]

    def __enter__(self) -> SmtpServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
