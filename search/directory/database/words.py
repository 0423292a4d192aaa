"""How the database directory matches search words, with an index behind it.

Words in scripts written with spaces (Latin, Cyrillic, Devanagari, ...) match the start
of a word, as the Elasticsearch edge n-grams do: "naka" finds "Nakamura", "engineer"
finds "engineering". Scripts written without spaces (club.text: Japanese, Chinese,
Thai, ...) match anywhere in the text, as the site search does.

The exact test is a LIKE on the folded text of each section, so privacy can decide
per section. Before it, the database's own index narrows the candidates
(search.directory.database.token_index).
"""

from __future__ import annotations

from club.text import written_without_spaces
from search.directory.database.sql import Condition


def is_word_search(term: str) -> bool:
    """Whether a folded search word matches from the start of a word (not anywhere)."""
    return not written_without_spaces(term)


def pattern(term: str) -> str:
    """The LIKE pattern of a search word, over text with a leading space."""
    return f"% {term}%" if is_word_search(term) else f"%{term}%"


def found_in(term: str, *columns: str) -> Condition:
    """True when ``term`` occurs in the ``columns`` (e.g. "e.text_name") joined by spaces."""
    spaced = " || ' ' || ".join(columns)
    return Condition(f"(' ' || {spaced}) LIKE %s", [pattern(term)])
