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
from itertools import islice
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models.functions import Length

from club.members.sections import Section
from club.text import fold
from search.directory.contract import DirectoryQuery, DirectoryResult
from search.directory.database import token_index
from search.directory.database.schema import NAME_WORDS_COLUMN
from search.directory.database.sql import TRUE, Condition, all_of
from search.models import DirectoryEntry, DirectoryNameWord

if TYPE_CHECKING:
    from search.directory.database.backend import SqlBuilder

# Close enough to be the same name mistyped ("banarjee"/"banerjee" is 0.88, "dc"/"duc" 0.8),
# far enough to leave unrelated short names alone.
CUTOFF = 0.75
CANDIDATES = 5
ENTRY = DirectoryEntry._meta.db_table


@dataclass(frozen=True)
class NameWords:
    """Which search words start a visible name word, and the name words near the others.

    ``nearby`` holds the name words a misspelling could be close to (by length). Read from
    the visible names (SQLite) it comes with their ``counts``; read from the vocabulary of
    every name (PostgreSQL) it may hold hidden words, which are checked one by one.
    """

    nearby: list[str]
    known_terms: frozenset[str]
    visible_profile: Condition
    counts: Counter[str] | None = None

    def known(self, term: str) -> bool:
        """Whether the search word starts a visible name word (so it needs no correction)."""
        return term in self.known_terms

    def _visible(self, word: str) -> bool:
        return self.counts is not None or _a_visible_name(word, self.visible_profile)

    def _count(self, word: str) -> int:
        if self.counts is not None:
            return self.counts[word]
        return _name_count(word, self.visible_profile)

    def closest(self, term: str) -> str | None:
        """The visible name word nearest to ``term``: same script first, then the commonest."""
        # difflib's own order (score, then word), then its first CANDIDATES visible ones.
        close = get_close_matches(term, self.nearby, n=len(self.nearby) or 1, cutoff=CUTOFF)
        matches = list(islice((word for word in close if self._visible(word)), CANDIDATES))
        if not matches:
            return None
        ranked = [
            (round(SequenceMatcher(None, term, word).ratio(), 3), word.isascii() == term.isascii())
            for word in matches
        ]
        best = max(ranked)
        tied = [word for word, rank in zip(matches, ranked, strict=True) if rank == best]
        # Counting is a look-up per word on PostgreSQL: only the tied ones need it.
        return tied[0] if len(tied) == 1 else max(tied, key=self._count)

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


def _has_name_word(start: str, end: str = "") -> Condition:
    """The entry's name words include one starting with ``start`` (and ending with ``end``)."""
    # instr (SQLite) and strpos (PostgreSQL) compare exactly, unlike SQLite's LIKE.
    find = "instr" if connection.vendor == "sqlite" else "strpos"
    spaced = "' ' || e.text_name || ' '" if end else "' ' || e.text_name"
    condition = Condition(f"{find}({spaced}, %s) > 0", [f" {start}{end}"])
    if connection.vendor != "postgresql":
        return condition
    # The index of names finds the few entries first; the test above stays the exact one.
    lexeme = "'" + start.replace("\\", "\\\\").replace("'", "''") + "'" + ("" if end else ":*")
    return Condition(f"e.{NAME_WORDS_COLUMN} @@ CAST(%s AS tsquery)", [lexeme]) & condition


def starts_a_name(term: str, visible_profile: Condition) -> bool:
    """Whether ``term`` starts a name word of a listed entry whose profile is visible.

    Asked of the database (and its word index), so a search word that is a name costs
    no reading of every name.
    """
    narrowed = (
        TRUE
        if connection.vendor == "postgresql"
        else token_index.candidates(DirectoryQuery(text=term))
    )
    where = _visible_names(visible_profile, narrowed, _has_name_word(term))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {ENTRY} e WHERE {where.sql} LIMIT 1", where.params)
        return cursor.fetchone() is not None


def _a_visible_name(word: str, visible_profile: Condition) -> bool:
    """Whether ``word`` is a name word of a listed entry whose profile is visible."""
    where = _visible_names(visible_profile, _has_name_word(word, " "))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {ENTRY} e WHERE {where.sql} LIMIT 1", where.params)
        return cursor.fetchone() is not None


def _name_count(word: str, visible_profile: Condition) -> int:
    """How often ``word`` is a name word among visible names (twice in one name: twice)."""
    where = _visible_names(visible_profile, _has_name_word(word, " "))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COALESCE(SUM(cardinality(array_positions(string_to_array(e.text_name, ' '),"
            f" %s))), 0) FROM {ENTRY} e WHERE {where.sql}",
            [word, *where.params],
        )
        return int(cursor.fetchone()[0])


def _near_lengths(terms: list[str]) -> tuple[int, int]:
    """Word lengths that can be close to one of ``terms``: difflib's cutoff needs
    2·min/(sum of lengths) ≥ CUTOFF, so a longer word is at most 5/3, a shorter one at
    least 3/5 of the length (widened by one for rounding)."""
    shortest = min(int(len(term) * CUTOFF / (2 - CUTOFF)) for term in terms)
    longest = max(int(len(term) * (2 - CUTOFF) / CUTOFF) + 1 for term in terms)
    return shortest, longest


def name_words(visible_profile: Condition, terms: list[str]) -> NameWords:
    """Which ``terms`` start a visible name word, and the name words near the rest."""
    known = frozenset(term for term in terms if starts_a_name(term, visible_profile))
    unknown = [term for term in terms if term not in known]
    if not unknown:
        return NameWords([], known, visible_profile, Counter())
    shortest, longest = _near_lengths(unknown)
    if connection.vendor == "postgresql":
        # The vocabulary of every name, a small table: no entry is read until a word is close.
        nearby = (
            DirectoryNameWord.objects.annotate(length=Length("word"))
            .filter(length__gte=shortest, length__lte=longest)
            .values_list("word", flat=True)
        )
        return NameWords(sorted(nearby), known, visible_profile)
    where = _visible_names(visible_profile)
    counts: Counter[str] = Counter()
    with connection.cursor() as cursor:
        # text_name holds the given, family and native names already folded.
        cursor.execute(f"SELECT e.text_name FROM {ENTRY} e WHERE {where.sql}", where.params)
        counts.update(
            word
            for (text_name,) in cursor.fetchall()
            for word in text_name.split()
            if shortest <= len(word) <= longest
        )
    return NameWords(list(counts), known, visible_profile, counts)


def _written_names(word: str, visible_profile: Condition) -> list[str]:
    """The display names of visible entries having ``word`` among their name words."""
    where = _visible_names(visible_profile, _has_name_word(word, " "))
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
