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
from search.directory.database import token_index
from search.directory.database.sql import Condition, all_of
from search.models import DirectoryEntry

if TYPE_CHECKING:
    from search.directory.database.backend import SqlBuilder

# Close enough to be the same name mistyped ("banarjee"/"banerjee" is 0.88, "dc"/"duc" 0.8),
# far enough to leave unrelated short names alone.
CUTOFF = 0.75
CANDIDATES = 5
ENTRY = DirectoryEntry._meta.db_table


@dataclass(frozen=True)
class NameWords:
    """Which search words start a visible name word, and the visible name words near the others.

    ``counts`` holds only the words a misspelling could be close to (by length), with how
    often each occurs among the names the viewer may see.
    """

    counts: Counter[str]
    known_terms: frozenset[str]
    visible_profile: Condition

    def known(self, term: str) -> bool:
        """Whether the search word starts a visible name word (so it needs no correction)."""
        return term in self.known_terms

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
        for name in _written_names(word, self.visible_profile):
            for written in name.split():
                # Only non-ASCII words need the (slower) full folding to compare.
                folded = written.casefold() if written.isascii() else fold(written)
                if folded == word:
                    return written
        return word


def _visible_names(visible_profile: Condition, *more: Condition) -> Condition:
    return all_of([Condition("e.listed = %s", [True]), visible_profile, *more])


def _has_word(column: str, start: str, end: str = "") -> Condition:
    """``column``'s words include one starting with ``start`` (and ending with ``end``)."""
    # instr (SQLite) and strpos (PostgreSQL) compare exactly, unlike SQLite's LIKE.
    find = "instr" if connection.vendor == "sqlite" else "strpos"
    spaced = f"' ' || {column} || ' '" if end else f"' ' || {column}"
    return Condition(f"{find}({spaced}, %s) > 0", [f" {start}{end}"])


def starts_a_name(term: str, visible_profile: Condition) -> bool:
    """Whether ``term`` starts a name word of a listed entry whose profile is visible.

    Asked of the database (and its word index), so a search word that is a name costs
    no reading of every name.
    """
    narrowed = token_index.candidates(DirectoryQuery(text=term))
    where = _visible_names(visible_profile, narrowed, _has_word("e.text_name", term))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {ENTRY} e WHERE {where.sql} LIMIT 1", where.params)
        return cursor.fetchone() is not None


def _near_lengths(terms: list[str]) -> tuple[int, int]:
    """Word lengths that can be close to one of ``terms``: difflib's cutoff needs
    2·min/(sum of lengths) ≥ CUTOFF, so a longer word is at most 5/3, a shorter one at
    least 3/5 of the length (widened by one for rounding)."""
    shortest = min(int(len(term) * CUTOFF / (2 - CUTOFF)) for term in terms)
    longest = max(int(len(term) * (2 - CUTOFF) / CUTOFF) + 1 for term in terms)
    return shortest, longest


def name_words(visible_profile: Condition, terms: list[str]) -> NameWords:
    """Which ``terms`` start a visible name word, and the visible name words near the rest."""
    known = frozenset(term for term in terms if starts_a_name(term, visible_profile))
    unknown = [term for term in terms if term not in known]
    counts: Counter[str] = Counter()
    if unknown:
        shortest, longest = _near_lengths(unknown)
        where = _visible_names(visible_profile)
        with connection.cursor() as cursor:
            # text_name holds the given, family and native names already folded.
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT w.word, COUNT(*) FROM {ENTRY} e CROSS JOIN LATERAL"
                    " unnest(string_to_array(e.text_name, ' ')) AS w(word)"
                    f" WHERE {where.sql} AND length(w.word) BETWEEN %s AND %s GROUP BY w.word",
                    [*where.params, shortest, longest],
                )
                counts.update(dict(cursor.fetchall()))
            else:
                cursor.execute(f"SELECT e.text_name FROM {ENTRY} e WHERE {where.sql}", where.params)
                counts.update(
                    word
                    for (text_name,) in cursor.fetchall()
                    for word in text_name.split()
                    if shortest <= len(word) <= longest
                )
    return NameWords(counts, known, visible_profile)


def _written_names(word: str, visible_profile: Condition) -> list[str]:
    """The display names of visible entries having ``word`` among their name words."""
    where = _visible_names(visible_profile, _has_word("e.text_name", word, " "))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.display_name FROM {ENTRY} e WHERE {where.sql}", where.params)
        return [name for (name,) in cursor.fetchall()]


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
    typed = [term for word in query.text.split() for term in fold(word).split()]
    words = name_words(builder.visible(Section.PROFILE), list(dict.fromkeys(typed)))
    # Nothing to correct when every word starts a visible name: the usual case for a search
    # that finds nobody only with its filters.
    if len(words.known_terms) == len(set(typed)):
        return ""
    text = corrected_text(query, words)
    if not text:
        return ""
    return text if search(replace(query, text=text, page=1)).total else ""
