"""The database's own full-text index, deciding which entries the directory reads.

Each entry's words and its facet values (as tokens such as ``=programme:A``) are
indexed together: an FTS5 table on SQLite, a generated tsvector column with a GIN
index on PostgreSQL (search.directory.database.schema). One index query then
finds the entries that have a word starting with each search word and that pass
every filter but at most one (each facet is counted with its own filter ignored,
so an entry failing two filters counts nowhere). Only those entries are read.

The index only narrows: search.directory.database still decides every row.
"""

# Index expressions are built from checked words and tokens; they travel as parameters.
# ruff: noqa: S608
from __future__ import annotations

import re
from itertools import combinations
from typing import TypeAlias, cast

from django.db import connection

from search.directory.contract import DirectoryQuery
from search.directory.database.schema import FTS_TABLE, INDEXED_VENDORS, WORDS_COLUMN
from search.directory.database.sql import TRUE, Condition, all_of
from search.directory.database.words import is_word_search
from search.directory.facets import SELECTABLE

# Facet tokens start with "=", which no indexed word does, so a search word never
# matches one; keys and values of other shapes are simply not used to narrow.
SAFE = re.compile(r"[A-Za-z0-9_-]+")

# ("word" | "token", text) or ("all" | "any", [child nodes]).
Node: TypeAlias = tuple[str, "str | list[Node]"]


def facet_token(key: str, value: str) -> str:
    """The indexed token of one facet value of an entry."""
    return f"={key}:{value}"


def indexed(term: str) -> bool:
    """Whether the index answers for this search word.

    It then answers exactly "some section has a word starting with it", so for an
    entry whose every section the viewer may see, no further test is needed.
    """
    # SQLite's tokenizer splits words at vowel signs (marks); only letters and digits
    # are indexed there exactly as they are written.
    return is_word_search(term) and term.isalnum() and connection.vendor in INDEXED_VENDORS


def _expression(query: DirectoryQuery) -> Node | None:
    parts: list[Node] = [("word", term) for term in query.terms if indexed(term)]
    # Values selected one by one are tokens; a range's bounds are not expressed here.
    groups: list[Node] = [
        ("any", [("token", facet_token(key, value)) for value in query.selected(key)])
        for key in SELECTABLE
        if query.selected(key)
        and SAFE.fullmatch(key)
        and all(SAFE.fullmatch(value) for value in query.selected(key))
    ]
    # Entries pass all active filters but at most one. That one may be any filter,
    # including one the index cannot express, so the expressed ones need all but one.
    needed = len(groups) - 1
    if needed >= 1:
        parts.append(("any", [("all", list(c)) for c in combinations(groups, needed)]))
    if not parts:
        return None
    return ("all", parts)


def _fts5(node: Node) -> str:
    kind, content = node
    if kind == "word":
        return f'"{content}"*'
    if kind == "token":
        return f'"{content}"'
    joiner = " AND " if kind == "all" else " OR "
    return joiner.join(f"({_fts5(child)})" for child in cast("list[Node]", content))


def _tsquery(node: Node) -> str:
    kind, content = node
    if kind == "word":
        return f"'{content}':*"
    if kind == "token":
        return f"'{content}'"
    joiner = " & " if kind == "all" else " | "
    return joiner.join(f"({_tsquery(child)})" for child in cast("list[Node]", content))


def candidates(query: DirectoryQuery) -> Condition:
    """Entries that may match ``query``, straight off the index (all, if it cannot say)."""
    expression = _expression(query)
    if expression is None or connection.vendor not in INDEXED_VENDORS:
        return TRUE
    if connection.vendor == "sqlite":
        return Condition(
            f"e.member_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [_fts5(expression)],
        )
    # One test per search word and one for the filters: PostgreSQL's statistics know how
    # common each is, so it reads the index for the rare ones and checks the common ones
    # on those rows (a common prefix such as "univ" would otherwise gather most entries).
    parts = cast("list[Node]", expression[1])
    return all_of(
        [Condition(f"e.{WORDS_COLUMN} @@ CAST(%s AS tsquery)", [_tsquery(p)]) for p in parts]
    )


def holds_any(key: str, values: tuple[str, ...]) -> Condition | None:
    """The entry row has one of these values of facet ``key`` (None: not spelt as tokens).

    The test reads the row's own ``facet_tokens``, so a filter needs no look-up of every
    entry having the value (a common one, such as programme A, has most of them).
    """
    if not values or not SAFE.fullmatch(key) or not all(SAFE.fullmatch(v) for v in values):
        return None
    # instr (SQLite) and strpos (PostgreSQL) compare exactly, unlike SQLite's LIKE.
    find = "instr" if connection.vendor == "sqlite" else "strpos"
    tests = " OR ".join([f"{find}(e.facet_tokens, %s) > 0"] * len(values))
    return Condition(f"({tests})", [f" {facet_token(key, value)} " for value in values])
