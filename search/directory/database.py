"""The directory on the database: SQLite or PostgreSQL, no search server needed.

Queries are plain parameterised SQL over the flattened DirectoryEntry and
DirectoryFacetValue tables: the ORM spent more time compiling the nested
privacy and facet conditions than the database spent running them. Privacy is
the same audience-token test the search index uses (club.members.privacy): a
section is visible when one of its audience tokens is among the viewer's; the
tokens sit in one delimited column, so the test needs no join.
"""

# Every fragment below is built from constants and placeholders; user values only ever
# travel as query parameters, so the string-built SQL carries no injection risk.
# ruff: noqa: S608
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from club.members.privacy import Section, Viewer
from search.directory.contract import PER_PAGE, DirectoryQuery, DirectoryResult, Sort
from search.directory.facets import FACETS
from search.directory.results import build_hit, entry_as_document, facet_counts
from search.models import DirectoryEntry, DirectoryFacetValue

FACET_SIZE = 20
ENTRY = DirectoryEntry._meta.db_table
VALUE = DirectoryFacetValue._meta.db_table


@dataclass
class Condition:
    """A fragment of WHERE clause with its parameters."""

    sql: str
    params: list = field(default_factory=list)

    def __and__(self, other: Condition) -> Condition:
        return Condition(f"({self.sql}) AND ({other.sql})", self.params + other.params)

    def __or__(self, other: Condition) -> Condition:
        return Condition(f"({self.sql}) OR ({other.sql})", self.params + other.params)


TRUE = Condition("1 = 1")


def _any_token(column: str, tokens: list[str]) -> Condition:
    """True when the space-delimited ``column`` holds any of ``tokens``."""
    if not tokens:
        return Condition("1 = 0")
    sql = " OR ".join([f"e.{column} LIKE %s"] * len(tokens))
    return Condition(sql, [f"% {token} %" for token in tokens])


class SqlBuilder:
    """Conditions for one query and one viewer, all on the entry row itself."""

    def __init__(self, query: DirectoryQuery, viewer: Viewer) -> None:
        self.query = query
        self.viewer = viewer
        self.tokens = sorted(viewer.tokens)

    def visible(self, section: Section) -> Condition:
        if self.viewer.is_staff:
            return TRUE
        tokens = [f"{section.value}:{token}" for token in self.tokens]
        return _any_token("audience_tokens", tokens)

    def base(self) -> Condition:
        """Listed, profile visible, and every search word found in a visible section."""
        condition = Condition("e.listed = %s", [True]) & self.visible(Section.PROFILE)
        for term in self.query.terms:
            like = f"%{term}%"
            condition &= (
                Condition("e.text_name LIKE %s OR e.text_profile LIKE %s", [like, like])
                | (Condition("e.text_career LIKE %s", [like]) & self.visible(Section.CAREER))
                | (
                    Condition("e.text_participation LIKE %s", [like])
                    & self.visible(Section.PARTICIPATION)
                )
            )
        return condition

    def filters(self) -> dict[str, Condition]:
        """One condition per active filter, each limited to what the viewer may see."""
        active: dict[str, Condition] = {}
        for facet in FACETS:
            if facet.key == "year":
                bounds, params = [], []
                if self.query.year_from:
                    bounds.append("value >= %s")
                    params.append(str(self.query.year_from))
                if self.query.year_to:
                    bounds.append("value <= %s")
                    params.append(str(self.query.year_to))
                if bounds:
                    years = Condition(
                        f"e.member_id IN (SELECT entry_id FROM {VALUE} WHERE facet = %s AND "
                        + " AND ".join(bounds)
                        + ")",
                        ["year", *params],
                    )
                    active["year"] = years & self.visible(facet.section)
            elif values := list(self.query.selected(facet.key)):
                tokens = [f"{facet.key}:{value}" for value in values]
                active[facet.key] = _any_token("facet_tokens", tokens) & self.visible(facet.section)
        return active


def _all(conditions: list[Condition]) -> Condition:
    combined = TRUE
    for condition in conditions:
        combined &= condition
    return combined


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class DatabaseDirectory:
    """Faceted search over DirectoryEntry rows: one SQL statement per search."""

    name = "database"

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        sql = SqlBuilder(query, viewer)
        filters = sql.filters()
        statement, params = _statement(sql, sql.base(), filters)
        total, ids, counted = 0, [], {facet.key: {} for facet in FACETS}
        for kind, key, value, number in _rows(statement, params):
            if kind == "c":
                total = number
            elif kind == "h":
                ids.append((number, int(key)))
            else:
                counted[key][value] = number
        ordered = [pk for _rank, pk in sorted(ids)]
        entries = DirectoryEntry.objects.in_bulk(ordered)
        hits = [build_hit(entry_as_document(entries[pk]), viewer, query.terms) for pk in ordered]
        return DirectoryResult(
            hits=hits,
            total=total,
            facets=_facet_results(query, counted),
            page=query.page,
            backend=self.name,
        )


def _order(query: DirectoryQuery) -> str:
    """The ORDER BY of the result page, over the columns of the matching set ``m``."""
    if query.sort == Sort.RECENT:
        return "m.recent DESC NULLS LAST, m.id"
    if query.sort == Sort.RELEVANCE and query.terms:
        return "m.score DESC, m.sort_name, m.id"
    return "m.sort_name, m.id"


def _scored_columns(sql: SqlBuilder) -> Condition:
    """Extra columns of the matching set: the relevance score and the visible date."""
    query = sql.query
    if query.sort == Sort.RECENT:
        # Ordering by a hidden date would leak it, so hidden dates sort as unknown.
        visible = sql.visible(Section.PARTICIPATION)
        return Condition(
            f"CASE WHEN {visible.sql} THEN e.latest_start END AS recent", visible.params
        )
    if query.sort == Sort.RELEVANCE and query.terms:
        scores, params = [], []
        for term in query.terms:
            scores.append("CASE WHEN e.text_name LIKE %s THEN 3 ELSE 0 END")
            scores.append("CASE WHEN e.text_profile LIKE %s THEN 1 ELSE 0 END")
            params += [f"%{term}%", f"%{term}%"]
        return Condition(f"({' + '.join(scores)}) AS score", params)
    return Condition("0 AS score")


def _statement(sql: SqlBuilder, base: Condition, filters: dict[str, Condition]) -> tuple[str, list]:
    """Count, page and facet counts in one statement, from one scan of the entries.

    The matching set ``m`` carries a flag per active filter and per privacy section;
    each facet then ignores its own filter (post-filter counts) and counts only where
    its section is visible.
    """
    flags = {f"f_{key}": condition for key, condition in filters.items()}
    flags.update({f"s_{s.value}": sql.visible(s) for s in Section if s != Section.PROFILE})
    extra = _scored_columns(sql)
    columns = ", ".join(f"({c.sql}) AS {name}" for name, c in flags.items())
    # In the order the placeholders appear: score/date column, flag columns, base WHERE.
    params = extra.params + [p for c in flags.values() for p in c.params] + base.params
    every_filter = " AND ".join(f"m.f_{key}" for key in filters) or "1 = 1"
    order = _order(sql.query)
    offset = (sql.query.page - 1) * PER_PAGE
    rules = []
    for facet in FACETS:
        needed = [f"m.f_{key}" for key in filters if key != facet.key]
        if facet.section != Section.PROFILE:
            needed.append(f"m.s_{facet.section.value}")
        rules.append("(v.facet = %s" + "".join(f" AND {flag}" for flag in needed) + ")")
    statement = (
        f"WITH m AS MATERIALIZED (SELECT e.member_id AS id, e.sort_name AS sort_name,"
        f" {extra.sql}, {columns} FROM {ENTRY} e WHERE {base.sql})"
        f" SELECT 'c', NULL, NULL, COUNT(*) FROM m WHERE {every_filter}"
        " UNION ALL"
        f" SELECT 'h', CAST(p.id AS VARCHAR(20)), NULL, p.rank FROM (SELECT m.id,"
        f" ROW_NUMBER() OVER (ORDER BY {order}) AS rank FROM m WHERE {every_filter}"
        f" ORDER BY {order} LIMIT {PER_PAGE} OFFSET {int(offset)}) p"
        " UNION ALL"
        f" SELECT 'f', v.facet, v.value, COUNT(*) FROM m JOIN {VALUE} v ON v.entry_id = m.id"
        f" WHERE {' OR '.join(rules)} GROUP BY v.facet, v.value"
    )
    params += [facet.key for facet in FACETS]
    return statement, params


def _facet_results(query: DirectoryQuery, counted: dict[str, dict[str, int]]) -> dict[str, list]:
    result = {}
    for facet in FACETS:
        values = counted[facet.key]
        if facet.key != "year":
            top = sorted(values.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
            values = dict(top)
        selected = query.selected(facet.key)
        for value in selected:
            values.setdefault(value, 0)
        result[facet.key] = facet_counts(facet, values, selected)
    return result
