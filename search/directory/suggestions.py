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

from club.members.models.institutions import normalise_name
from club.members.privacy import Section
from search.directory.contract import DirectoryQuery, DirectoryResult, search_words
from search.directory.sql import Condition, all_of

if TYPE_CHECKING:
    from search.directory.database import SqlBuilder

# Close enough to be the same name mistyped ("banarjee"/"banerjee" is 0.88, "dc"/"duc" 0.8),
# far enough to leave unrelated short names alone.
CUTOFF = 0.75
CANDIDATES = 5


@dataclass(frozen=True)
class NameWords:
    """The folded name words the viewer may see: how often each occurs and how it is written."""

    counts: Counter[str]
    spellings: dict[str, str]

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


def name_words(visible_profile: Condition) -> NameWords:
    """The name words of the listed entries whose profile passes ``visible_profile``."""
    from search.models import DirectoryEntry

    where = all_of([Condition("e.listed = %s", [True]), visible_profile])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.display_name, e.native_name FROM {DirectoryEntry._meta.db_table} e"
            f" WHERE {where.sql}",
            where.params,
        )
        rows = cursor.fetchall()
    counts: Counter[str] = Counter()
    spellings: dict[str, str] = {}
    for names in rows:
        for written in " ".join(name for name in names if name).split():
            for word in normalise_name(written).split():
                counts[word] += 1
                # As people write it ("Banerjee"), when the written word folds to one word.
                if written.isalpha():
                    spellings.setdefault(word, written)
    return NameWords(counts, spellings)


def corrected_text(query: DirectoryQuery, words: NameWords) -> str:
    """The search text with each unknown word replaced by the closest name ("" if none)."""
    changed = False
    corrected = []
    for term in search_words(query.text):
        if words.known(term):
            corrected.append(words.spellings.get(term, term))
            continue
        closest = words.closest(term)
        if closest is None:
            return ""
        corrected.append(words.spellings.get(closest, closest))
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
