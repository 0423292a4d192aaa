"""Rosters uploaded in the admin, kept privately between the dry-run preview and the import.

The file holds personal data, so it lives outside MEDIA_ROOT (which the web server
publishes), is readable only by this process's user, is tied to the uploader's session
and is deleted after the import or after a day. Set ``ROSTER_UPLOAD_DIR`` to a directory
shared by all workers when they run on several machines.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest

SESSION_KEY = "members_roster_uploads"
MAX_AGE_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def upload_dir() -> Path:
    configured = settings.ROSTER_UPLOAD_DIR
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "club-roster-uploads"


@dataclass(frozen=True)
class PendingRoster:
    """An uploaded roster waiting for the import, with the options chosen on upload."""

    token: str
    filename: str
    options: dict[str, Any]
    # Each kind of upload has its own list in the session, so a token is only ever
    # confirmed by the import it was previewed for.
    session_key: ClassVar[str] = SESSION_KEY

    @property
    def path(self) -> Path:
        return upload_dir() / f"{self.token}.csv"

    @classmethod
    def keep(
        cls, request: HttpRequest, upload: UploadedFile[bytes], options: dict[str, Any]
    ) -> PendingRoster:
        """Copy an upload to private storage (streamed) and remember it in the session."""
        _remove_stale_files()
        directory = upload_dir()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        pending = cls(token=secrets.token_urlsafe(24), filename=upload.name or "", options=options)
        descriptor = os.open(pending.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        uploads = request.session.get(cls.session_key, {})
        uploads[pending.token] = {"filename": pending.filename, "options": options}
        request.session[cls.session_key] = uploads
        return pending

    @classmethod
    def find(cls, request: HttpRequest, token: str) -> PendingRoster | None:
        """The pending roster for ``token`` if this session uploaded it and it still exists."""
        if not isinstance(token, str) or not _TOKEN.fullmatch(token):
            return None
        entry = request.session.get(cls.session_key, {}).get(token)
        if entry is None:
            return None
        pending = cls(token=token, filename=entry["filename"], options=entry["options"])
        return pending if pending.path.exists() else None

    def discard(self, request: HttpRequest) -> None:
        self.path.unlink(missing_ok=True)
        uploads = request.session.get(self.session_key, {})
        if uploads.pop(self.token, None) is not None:
            request.session[self.session_key] = uploads


def _remove_stale_files() -> None:
    directory = upload_dir()
    if not directory.is_dir():
        return
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in directory.glob("*.csv"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            continue  # another worker removed it first
