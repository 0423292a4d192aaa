"""Text kept in English and Japanese fields side by side (``name`` and ``name_ja``).

Japanese pages show the Japanese text when there is one; every other page, and a Japanese
page without it, shows the English.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language


def is_japanese() -> bool:
    """Whether the active language is Japanese."""
    return (get_language() or "").startswith("ja")


def pick(english: str, japanese: str) -> str:
    """``japanese`` on Japanese pages when it is not empty, else ``english``."""
    return japanese if japanese and is_japanese() else english


@dataclass(frozen=True)
class Shown:
    """The text to show and its language, for the ``lang`` attribute around it."""

    text: str
    language: str


def pick_either(english: str, japanese: str) -> Shown:
    """Like ``pick``, but shows the Japanese on any page when there is no English."""
    if japanese and (is_japanese() or not english):
        return Shown(japanese, "ja")
    return Shown(english, "en")
