"""The agenda as plain text for the organisers' form: one session per line.

    10:00-10:30 | Opening remarks | Dr. Priya Rao, JST | Welcome and the year in review

Time (a start, or start-end), title, speakers and description, separated by "|";
only the time and the title are required.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SESSIONS = 60
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DASHES = re.compile(r"\s*[-–—~〜]\s*")


def _parse_time(text: str) -> time | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_agenda(text: str) -> list[tuple[str, dict[str, Any]]]:
    """StreamField data (``[("session", {...}), ...]``) from the text; errors name the line."""
    sessions: list[tuple[str, dict[str, Any]]] = []
    errors = []
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if len(lines) > MAX_SESSIONS:
        raise ValidationError(
            _("An agenda can have at most %(count)s sessions.") % {"count": MAX_SESSIONS}
        )
    for number, line in lines:
        parts = [part.strip() for part in line.split("|")]
        parts += [""] * (4 - len(parts))
        times, title, speakers, description = parts[0], parts[1], parts[2], "|".join(parts[3:])
        start_text, _sep, end_text = _DASHES.sub("-", times).partition("-")
        start = _parse_time(start_text)
        end = _parse_time(end_text) if end_text else None
        if start is None or (end_text and end is None):
            errors.append(
                _("Line %(line)s: start with a time such as 10:00 or 10:00-10:30.")
                % {"line": number}
            )
            continue
        if not title:
            errors.append(_("Line %(line)s: add a title after the time.") % {"line": number})
            continue
        if len(title) > 200 or len(speakers) > 300:
            errors.append(
                _("Line %(line)s: the title or speakers are too long.") % {"line": number}
            )
            continue
        sessions.append(
            (
                "session",
                {
                    "start_time": start,
                    "end_time": end,
                    "title": title,
                    "speakers": speakers,
                    "description": description.strip("| "),
                },
            )
        )
    if errors:
        raise ValidationError(errors)
    return sessions


def agenda_text(agenda: Any) -> str:
    """The text form of an agenda StreamField, for editing."""
    lines = []
    for block in agenda:
        if block.block_type != "session":
            continue
        value = block.value
        times = value["start_time"].strftime("%H:%M") if value["start_time"] else ""
        if value.get("end_time"):
            times += "-" + value["end_time"].strftime("%H:%M")
        parts = [times, value["title"], value.get("speakers") or "", value.get("description") or ""]
        while parts and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(part.replace("\n", " ") for part in parts))
    return "\n".join(lines)
