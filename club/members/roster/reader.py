"""Reading a roster file as a stream of rows: encoding detection, header checks, line numbers."""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from club.members.roster.columns import ROSTER_LAYOUT, FileLayout, normalise_header
from club.members.roster.report import RosterFileError

SAMPLE_BYTES = 64 * 1024
UTF8 = "utf-8-sig"  # also strips a byte-order mark when there is one
SHIFT_JIS = "cp932"  # Microsoft's Shift_JIS, which Excel in Japan writes

# Names people pass to --encoding, mapped to the codec that really decodes their files.
ENCODING_ALIASES = {
    "utf8": UTF8,
    "utf_8": UTF8,
    "utf_8_sig": UTF8,
    "shift_jis": SHIFT_JIS,
    "shiftjis": SHIFT_JIS,
    "sjis": SHIFT_JIS,
    "s_jis": SHIFT_JIS,
    "ms932": SHIFT_JIS,
    "windows_31j": SHIFT_JIS,
}

_SIGNATURES = {
    b"PK\x03\x04": _("an Excel workbook or a ZIP archive"),
    b"\xd0\xcf\x11\xe0": _("an old Excel (.xls) workbook"),
    b"%PDF": _("a PDF document"),
}


@dataclass(slots=True)
class RawRow:
    """The cells of one data row by column name, with the line it starts on."""

    line: int
    values: dict[str, str]
    cell_count: int


def choose_encoding(stream: BinaryIO, requested: str | None = None) -> str:
    """The codec for ``stream``: ``requested`` if given, else detected; rejects binary files.

    Leaves the stream at its start. Detection reads ahead only until the first non-ASCII
    bytes, so a Shift_JIS roster whose first pages are plain ASCII is still recognised.
    """
    start = stream.tell()
    head = stream.read(SAMPLE_BYTES)
    _reject_non_text(head)
    if requested:
        encoding = _known_codec(requested)
    elif head.startswith(codecs.BOM_UTF8):
        encoding = UTF8
    else:
        encoding = _guess(stream, head)
    stream.seek(start)
    return encoding


def _reject_non_text(head: bytes) -> None:
    if not head.replace(codecs.BOM_UTF8, b"").strip():
        raise RosterFileError(_("The file is empty."))
    for signature, kind in _SIGNATURES.items():
        if head.startswith(signature):
            raise RosterFileError(
                _("This is %(kind)s, not a CSV file. Save the roster as CSV and try again.")
                % {"kind": kind}
            )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise RosterFileError(
            _("The file is UTF-16 text. Save it as “CSV UTF-8” or Shift_JIS CSV and try again.")
        )
    if b"\x00" in head:
        raise RosterFileError(_("This is a binary file, not a CSV roster."))


def _known_codec(name: str) -> str:
    key = name.strip().lower().replace("-", "_")
    key = ENCODING_ALIASES.get(key, key)
    try:
        codecs.lookup(key)
    except LookupError:
        raise RosterFileError(
            _("Unknown encoding “%(name)s”; use utf-8 or shift_jis.") % {"name": name}
        ) from None
    return key


def _guess(stream: BinaryIO, block: bytes) -> str:
    while block and block.isascii():
        block = stream.read(SAMPLE_BYTES)
    if not block:
        return UTF8  # plain ASCII reads the same in every encoding we accept
    for encoding in (UTF8, SHIFT_JIS):
        try:
            # Incremental, so a character cut at the end of the block is not an error.
            codecs.getincrementaldecoder(encoding)().decode(block, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise RosterFileError(
        _("The file is neither UTF-8 nor Shift_JIS text. Save it as CSV and try again.")
    )


class RosterReader:
    """Streams the rows of a CSV roster (or another ``layout``); the header is checked on
    opening.

    Only one row is held at a time; ``chunks`` groups them for bulk writes.
    """

    def __init__(
        self, stream: BinaryIO, encoding: str | None = None, layout: FileLayout = ROSTER_LAYOUT
    ) -> None:
        self.layout = layout
        self._names = layout.names
        self.encoding = choose_encoding(stream, encoding)
        self._stream = stream
        self.total_bytes = _size(stream)
        self._text: io.TextIOWrapper[BinaryIO] | None = io.TextIOWrapper(
            stream, encoding=self.encoding, newline=""
        )
        self._csv = csv.reader(self._text)
        self._last_line = 0
        self.columns: list[str] = []
        self.ignored_columns: list[str] = []
        try:
            self._read_header()
        except BaseException:
            self.close()
            raise

    @property
    def bytes_read(self) -> int:
        try:
            return self._stream.tell()
        except (OSError, ValueError):
            return 0

    def notices(self) -> list[str]:
        """What the importer should tell about the header: the columns it ignores."""
        if not self.ignored_columns:
            return []
        columns = ", ".join(self.ignored_columns)
        return [str(_("Ignored unknown columns: %(columns)s.") % {"columns": columns})]

    def close(self) -> None:
        """Let go of the stream without closing it (the caller owns the file)."""
        if self._text is not None:
            self._text.detach()
            self._text = None

    def rows(self) -> Iterator[RawRow]:
        """Data rows, skipping blank lines; raises RosterFileError on undecodable bytes."""
        width = len(self.columns)
        for line, cells in self._records():
            if not any(cell.strip() for cell in cells):
                continue
            padded = cells + [""] * (width - len(cells))
            values = {
                name: padded[index].strip()
                for index, name in enumerate(self.columns)
                if name in self._names
            }
            # Spreadsheets often end rows with empty cells; only filled cells can overflow.
            filled = len(cells)
            while filled > width and not cells[filled - 1].strip():
                filled -= 1
            yield RawRow(line=line, values=values, cell_count=filled)

    def chunks(self, size: int) -> Iterator[list[RawRow]]:
        chunk: list[RawRow] = []
        for row in self.rows():
            chunk.append(row)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _read_header(self) -> None:
        for _line, cells in self._records():
            if any(cell.strip() for cell in cells):
                break
        else:
            raise RosterFileError(_("The file is empty."))
        names = [normalise_header(cell, self.layout.aliases) for cell in cells]
        duplicates = sorted({name for name in names if name and names.count(name) > 1})
        if duplicates:
            raise RosterFileError(
                _("The header repeats the columns: %(columns)s.")
                % {"columns": ", ".join(duplicates)}
            )
        missing = [name for name in self.layout.required if name not in names]
        if missing:
            message = _(
                "The header is missing the required columns: %(columns)s. "
                "The columns are described in %(guide)s."
            ) % {"columns": ", ".join(missing), "guide": self.layout.guide}
            if len(cells) == 1 and any(sep in cells[0] for sep in ";\t"):
                message = "{} {}".format(
                    message, _("The columns seem to be separated by “;” or tabs, not commas.")
                )
            raise RosterFileError(message)
        self.columns = names
        self.ignored_columns = [name for name in names if name and name not in self._names]

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        assert self._text is not None, "the reader is closed"  # noqa: S101 (programming error)
        while True:
            try:
                cells = next(self._csv)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise RosterFileError(
                    _(
                        "Around line %(line)s the file has bytes that are not %(encoding)s text. "
                        "Check the file or give its encoding."
                    )
                    % {"line": self._last_line + 1, "encoding": self.encoding}
                ) from None
            except csv.Error as error:
                raise RosterFileError(
                    _("Line %(line)s cannot be read as CSV (%(error)s).")
                    % {"line": self._last_line + 1, "error": error}
                ) from None
            start, self._last_line = self._last_line + 1, self._csv.line_num
            if any("\x00" in cell for cell in cells):
                raise RosterFileError(
                    _("Line %(line)s contains binary data: this is not a CSV roster.")
                    % {"line": start}
                )
            yield start, cells


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        pass
    try:
        position = stream.tell()
        size = stream.seek(0, io.SEEK_END)
        stream.seek(position)
        return size
    except (OSError, ValueError):
        return None
