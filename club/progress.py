"""A progress bar for long management commands: redrawn on a terminal, sparse lines in logs."""

from __future__ import annotations

import time

from django.core.management.base import OutputWrapper


class ProgressBar:
    """Shows ``done`` of ``total`` (or a running count when the total is unknown)."""

    WIDTH = 30

    def __init__(self, stream: OutputWrapper, label: str = "", every: int = 10) -> None:
        self.stream = stream
        self.label = label
        self.every = every
        self.interactive = stream.isatty()
        self.started = time.monotonic()
        self.updates = 0
        self.drawn = False

    def update(self, done: int, total: int | None = None, unit: str = "") -> None:
        self.updates += 1
        last = total is not None and done >= total
        if not self.interactive and self.updates % self.every and not last:
            return
        rate = done / max(time.monotonic() - self.started, 1e-6)
        text = f"{self.label} {done:,}{f'/{total:,}' if total else ''} {unit} ({rate:,.0f}/s)"
        if total:
            fraction = min(done / total, 1.0)
            filled = int(fraction * self.WIDTH)
            text = f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {fraction:4.0%} {text}"
        if self.interactive:
            self.stream.write(f"\r{text.strip()}", ending="")
            self.stream.flush()
            self.drawn = True
        else:
            self.stream.write(text.strip())

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("")
            self.drawn = False
