"""A progress bar for long management commands: redrawn on a terminal, sparse lines in logs."""

from __future__ import annotations

import time

from django.core.management.base import OutputWrapper


class ProgressBar:
    """Shows ``done`` of ``total`` (or a running count when the total is unknown)."""

    WIDTH = 30

    def __init__(
        self, stream: OutputWrapper, label: str = "", every: int = 10, enabled: bool = True
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.label = label
        self.every = every
        self.interactive = stream.isatty()
        self.started = time.monotonic()
        self.updates = 0
        self.drawn = False

    def update(
        self, done: int, total: int | None = None, unit: str = "", fraction: float | None = None
    ) -> None:
        """Draw ``done`` items; ``fraction`` overrides done/total (e.g. bytes read of a file)."""
        self.updates += 1
        last = total is not None and done >= total
        if not self.enabled or (not self.interactive and self.updates % self.every and not last):
            return
        rate = done / max(time.monotonic() - self.started, 1e-6)
        text = f"{self.label} {done:,}{f'/{total:,}' if total else ''} {unit} ({rate:,.0f}/s)"
        if fraction is None and total:
            fraction = done / total
        if fraction is not None:
            fraction = min(fraction, 1.0)
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
