"""How the database directory matches search words, with an index behind it.

Words in space-separated scripts (everything ASCII once folded) match the start of a
word, as the Elasticsearch edge n-grams do: "naka" finds "Nakamura", "engineer"
finds "engineering". Other scripts are written without spaces between words
(Japanese, Chinese, Thai), so there a word matches anywhere in the text.

The exact test is a LIKE on the folded text of each section, so privacy can decide
per section. Before it, an index narrows the candidates to entries having a word
that starts with each search word: FTS5 on SQLite, a GIN index over the words as a
tsvector column on PostgreSQL (both made by search/migrations/0003).
"""

# Fragments are built from constants; search words only travel as parameters.
# ruff: noqa: S608
from __future__ import annotations

from django.db import connection

from search.directory.sql import TRUE, Condition

FTS_TABLE = "search_directorytext"


def is_word_search(term: str) -> bool:
    """Folded words are letters and digits; ASCII ones come from space-separated scripts."""
    return term.isascii() and term.isalnum()


def pattern(term: str) -> str:
    """The LIKE pattern of a search word, over text with a leading space."""
    return f"% {term}%" if is_word_search(term) else f"%{term}%"


def found_in(columns: str, term: str) -> Condition:
    """True when ``term`` occurs in the space-joined ``columns`` (e.g. "e.text_name")."""
    spaced = " || ' ' || ".join(column.strip() for column in columns.split(","))
    return Condition(f"(' ' || {spaced}) LIKE %s", [pattern(term)])


def indexed(term: str) -> bool:
    """Whether ``candidates`` narrows by this word through an index.

    The index then answers exactly "some section has a word starting with it", so
    for an entry whose every section the viewer may see, no further test is needed.
    """
    return is_word_search(term) and connection.vendor in ("sqlite", "postgresql")


def candidates(terms: list[str]) -> Condition:
    """Entries having a word that starts with each search word, off the text index."""
    words = [term for term in terms if indexed(term)]
    if not words:
        return TRUE
    if connection.vendor == "sqlite":
        expression = " AND ".join(f'"{word}"*' for word in words)
        return Condition(
            f"e.member_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [expression],
        )
    # PostgreSQL. Folded ASCII words are letters and digits only, safe inside quotes.
    expression = " & ".join(f"'{word}':*" for word in words)
    return Condition("e.words @@ CAST(%s AS tsquery)", [expression])
