"""Progress of long management commands: tqdm, drawn on the command's own output stream.

The one piece of our own is the stream adapter: a command's ``OutputWrapper`` ends every
write with a newline, which would break tqdm's redrawn line, and ``call_command(stdout=...)``
must still capture the bar.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import OutputWrapper
from tqdm import tqdm

# Logs (not a terminal) get a line at most this often, not a redraw per update.
LOG_INTERVAL_SECONDS = 10.0


class _CommandStream:
    """A file for tqdm that writes through a command's output stream without added newlines."""

    def __init__(self, stream: OutputWrapper) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write(text, ending="")

    def flush(self) -> None:
        self.stream.flush()


class CommandProgress(tqdm):
    """A tqdm bar for callbacks that report how far they are, not how much they just did."""

    def to(self, done: int, total: int | None = None) -> None:
        """Move the bar to ``done`` of ``total`` (a running count when the total is unknown)."""
        if total is not None:
            self.total = total
        self.update(done - self.n)


def progress_bar(
    stream: OutputWrapper, unit: str = "it", enabled: bool = True, **options: Any
) -> CommandProgress:
    """A bar on ``stream``: redrawn on a terminal, a sparse line in logs; silent if not enabled."""
    interactive = stream.isatty()
    return CommandProgress(
        unit=unit,
        file=_CommandStream(stream),
        disable=not enabled,
        mininterval=0.1 if interactive else LOG_INTERVAL_SECONDS,
        dynamic_ncols=interactive,
        **options,
    )
