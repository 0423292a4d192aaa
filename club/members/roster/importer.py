"""Importing a JST roster: stream, validate and write in chunks inside one transaction."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.translation import gettext_lazy as _

from club.members.changes import members_changed
from club.members.invitations import send_invitation
from club.members.models import Member
from club.members.roster.reader import RosterReader
from club.members.roster.report import ImportReport, import_atomically
from club.members.roster.rows import parse_row
from club.members.roster.writer import ChunkWriter
from club.planner_statistics import refresh_planner_statistics

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1000
INVITATION_BATCH = 500

# rows read so far, bytes read so far, file size (None if unknown)
ProgressCallback = Callable[[int, int, int | None], None]


@dataclass(frozen=True)
class ImportOptions:
    """How to import: see docs/import.md for what each option means."""

    dry_run: bool = False
    skip_invalid: bool = False
    invite: bool = False
    encoding: str | None = None
    chunk_size: int = CHUNK_SIZE


def import_roster(
    stream: BinaryIO,
    options: ImportOptions | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import a CSV roster from a binary stream and report what happened.

    Raises RosterFileError when the file as a whole is unusable; bad rows are reported.
    Nothing is kept for a dry run, or when a row is bad and ``skip_invalid`` is off.
    """
    options = options or ImportOptions()
    report = ImportReport(dry_run=options.dry_run, skip_invalid=options.skip_invalid)
    reader = RosterReader(stream, options.encoding)
    writer = ChunkWriter(report)
    try:
        report.encoding = reader.encoding
        report.notices.extend(reader.notices())
        import_atomically(report, lambda: _import_rows(reader, writer, options, progress))
    finally:
        reader.close()
    if report.committed:
        # Bulk writes send no model signals: report what the import created or changed.
        members_changed(writer.touched_ids)
        refresh_planner_statistics()
        if options.invite:
            _invite(sorted(writer.created_ids), report)
    return report


def _import_rows(
    reader: RosterReader,
    writer: ChunkWriter,
    options: ImportOptions,
    progress: ProgressCallback | None,
) -> None:
    report = writer.report
    width = len(reader.columns)
    for chunk in reader.chunks(options.chunk_size):
        valid = []
        for raw in chunk:
            report.rows += 1
            row, problems = parse_row(raw, width)
            if row is None:
                report.invalid_rows += 1
                for problem in problems:
                    report.add_problem(problem)
            else:
                valid.append(row)
        writer.write(valid)
        if progress is not None:
            progress(report.rows, reader.bytes_read, reader.total_bytes)


def _invite(member_ids: list[int], report: ImportReport) -> None:
    """Email a claim link to each new member; a failed send is reported, not fatal.

    One SMTP session carries them all, rather than one per email.
    """
    connection = get_connection()
    try:
        _send_invitations(member_ids, report, connection)
    finally:
        connection.close()


def _send_invitations(
    member_ids: list[int], report: ImportReport, connection: BaseEmailBackend
) -> None:
    for members in _batches(member_ids):
        for member in members:
            try:
                connection.open()  # no-op while the session is open
                sent = send_invitation(member, connection=connection)
            except (smtplib.SMTPException, OSError) as error:
                # A session that failed is not reused: the next email opens a new one.
                connection.close()
                logger.warning("Invitation to member %s failed: %s", member.pk, error)
                report.notices.append(
                    str(
                        _("Could not send the invitation to %(email)s: %(error)s")
                        % {"email": member.contact_email, "error": error}
                    )
                )
                continue
            if sent is not None:
                report.invitations_sent += 1


def _batches(member_ids: list[int]) -> Iterable[list[Member]]:
    for start in range(0, len(member_ids), INVITATION_BATCH):
        batch = member_ids[start : start + INVITATION_BATCH]
        yield list(Member.objects.filter(pk__in=batch).select_related("user").order_by("pk"))
