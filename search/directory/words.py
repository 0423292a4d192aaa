"""How the database directory matches search words, with an index behind it.

Words in space-separated scripts (everything ASCII once folded) match the start of a
word, as the Elasticsearch edge n-grams do: "naka" finds "Nakamura", "engineer"
finds "engineering". Other scripts are written without spaces between words
(Japanese, Chinese, Thai), so there a word matches anywhere in the text.

The exact test is a LIKE on the folded text of each section, so privacy can decide
per section. Before it, the database's own index narrows the candidates
(search.directory.token_index).
"""

from __future__ import annotations

from search.directory.sql import Condition


def is_word_search(term: str) -> bool:
    """Folded words are letters and digits; ASCII ones come from space-separated scripts."""
    return term.isascii() and term.isalnum()


def pattern(term: str) -> str:
    """The LIKE pattern of a search word, over text with a leading space."""
    return f"% {term}%" if is_word_search(term) else f"%{term}%"


def found_in(term: str, *columns: str) -> Condition:
    """True when ``term`` occurs in the ``columns`` (e.g. "e.text_name") joined by spaces."""
    spaced = " || ' ' || ".join(columns)
    return Condition(f"(' ' || {spaced}) LIKE %s", [pattern(term)])
