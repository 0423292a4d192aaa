"""Typed text and numbers kept sane: search text on one line, ids of ASCII digits."""

from __future__ import annotations

import pytest

from club.bounds import one_line, parse_id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  alice\x00 smith\n", "alice smith"),
        ("a\tb\r\nc\x7fd", "a b c d"),
        ("\x1b[31m", "[31m"),
        ("山田　太郎", "山田 太郎"),
    ],
)
def test_one_line_turns_control_characters_into_single_spaces(raw, expected):
    assert one_line(raw) == expected


@pytest.mark.parametrize(("text", "expected"), [("42", 42), ("²", None), ("1" * 19, None)])
def test_parse_id_accepts_ascii_digits_only(text, expected):
    assert parse_id(text) == expected
