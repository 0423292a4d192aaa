"""Templates pick between an English and a Japanese field the way models do (club/bilingual.py)."""

from __future__ import annotations

from django import template

from club.bilingual import Shown, pick_either

register = template.Library()


@register.simple_tag
def in_language(english: str, japanese: str) -> Shown:
    """``{% in_language obj.bio obj.bio_ja as bio %}``: ``bio.text`` in ``bio.language``."""
    return pick_either(english or "", japanese or "")
