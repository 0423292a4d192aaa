"""Suggestions ("Did you mean …?") for the database directory, from names the viewer may see.

The database's index matches word starts only, so a misspelt name finds nothing. When
a search finds nobody, each search word that starts no visible name word is replaced by
the closest one (difflib, the same on SQLite and PostgreSQL), and the corrected search
is offered only if it really finds someone. The words come from entries whose profile
(the section holding the name) the viewer may see, so no hidden name is ever suggested.
"""

# The SQL is built from constants and the privacy condition's placeholders.
# ruff: noqa: S608
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher, get_close_matches
from typing import TYPE_CHECKING

from django.db import connection

from club.members.sections import Section
from club.text import fold
from search.directory.contract import DirectoryQuery, DirectoryResult
from search.directory.database.sql import Condition, all_of
from search.models import DirectoryEntry

if TYPE_CHECKING:
    from search.directory.database.backend import SqlBuilder

# Close enough to be the same name mistyped ("banarjee"/"banerjee" is 0.88, "dc"/"duc" 0.8),
# far enough to leave unrelated short names alone.
CUTOFF = 0.75
CANDIDATES = 5


@dataclass(frozen=True)
class NameWords:
    """The folded name words the viewer may see, how often each occurs, and the names as written."""

    counts: Counter[str]
    written_names: list[str]

    def known(self, term: str) -> bool:
        """Whether the search word starts a visible name word (so it needs no correction)."""
        return term in self.counts or any(word.startswith(term) for word in self.counts)

    def closest(self, term: str) -> str | None:
        """The visible name word nearest to ``term``: same script first, then the commonest."""
        matches = get_close_matches(term, self.counts, n=CANDIDATES, cutoff=CUTOFF)
        if not matches:
            return None
        return max(
            matches,
            key=lambda word: (
                round(SequenceMatcher(None, term, word).ratio(), 3),
                word.isascii() == term.isascii(),
                self.counts[word],
            ),
        )

    def spelling(self, word: str) -> str:
        """The folded ``word`` as a visible name writes it ("banerjee" -> "Banerjee")."""
        for name in self.written_names:
            for written in name.split():
                # Only non-ASCII words need the (slower) full folding to compare.
                folded = written.casefold() if written.isascii() else fold(written)
                if folded == word:
                    return written
        return word


def name_words(visible_profile: Condition) -> NameWords:
    """The name words of the listed entries whose profile passes ``visible_profile``."""
    where = all_of([Condition("e.listed = %s", [True]), visible_profile])
    with connection.cursor() as cursor:
        # text_name holds the given, family and native names already folded.
        cursor.execute(
            f"SELECT e.text_name, e.display_name FROM {DirectoryEntry._meta.db_table} e"
            f" WHERE {where.sql}",
            where.params,
        )
        rows = cursor.fetchall()
    counts = Counter(word for text_name, _ in rows for word in text_name.split())
    return NameWords(counts, [display_name for _, display_name in rows])


def corrected_text(query: DirectoryQuery, words: NameWords) -> str:
    """The search text with each unknown word replaced by the closest name ("" if none).

    Words that need no correction stay as the person typed them.
    """
    changed = False
    corrected = []
    for typed in query.text.split():
        terms = fold(typed).split()
        if all(words.known(term) for term in terms):
            corrected.append(typed)
            continue
        closest = [term if words.known(term) else words.closest(term) for term in terms]
        if None in closest:
            return ""
        corrected.append(" ".join(words.spelling(word) for word in closest if word))
        changed = True
    return " ".join(corrected) if changed else ""


def suggest(
    query: DirectoryQuery,
    builder: SqlBuilder,
    search: Callable[[DirectoryQuery], DirectoryResult],
) -> str:
    """A corrected search text that finds someone for this viewer, or "".

    ``builder`` is the query's SqlBuilder (for the viewer's privacy condition) and
    ``search`` runs a query for the same viewer.
    """
    if not query.terms:
        return ""
    text = corrected_text(query, name_words(builder.visible(Section.PROFILE)))
    if not text:
        return ""
    return text if search(replace(query, text=text, page=1)).total else ""
