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
    """Faceted search over DirectoryEntry rows: a handful of plain SQL queries."""

    name = "database"

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        sql = SqlBuilder(query, viewer)
        base = sql.base()
        filters = sql.filters()
        matching = base & _all(list(filters.values()))

        total = _rows(f"SELECT COUNT(*) FROM {ENTRY} e WHERE {matching.sql}", matching.params)[0][0]
        ids = self._page_ids(sql, matching)
        entries = DirectoryEntry.objects.in_bulk(ids)
        hits = [build_hit(entry_as_document(entries[pk]), viewer, query.terms) for pk in ids]
        return DirectoryResult(
            hits=hits,
            total=total,
            facets=self._facets(sql, base, filters),
            page=query.page,
            backend=self.name,
        )

    @staticmethod
    def _page_ids(sql: SqlBuilder, matching: Condition) -> list[int]:
        query = sql.query
        order, params = "e.sort_name, e.member_id", []
        if query.sort == Sort.RECENT:
            # Ordering by a hidden date would leak it, so hidden dates sort as unknown.
            visible = sql.visible(Section.PARTICIPATION)
            order = f"CASE WHEN {visible.sql} THEN e.latest_start END DESC NULLS LAST, e.member_id"
            params = visible.params
        elif query.sort == Sort.RELEVANCE and query.terms:
            scores = []
            for term in query.terms:
                scores.append("CASE WHEN e.text_name LIKE %s THEN 3 ELSE 0 END")
                scores.append("CASE WHEN e.text_profile LIKE %s THEN 1 ELSE 0 END")
                params += [f"%{term}%", f"%{term}%"]
            order = f"({' + '.join(scores)}) DESC, e.sort_name, e.member_id"
        offset = (query.page - 1) * PER_PAGE
        rows = _rows(
            f"SELECT e.member_id FROM {ENTRY} e WHERE {matching.sql} ORDER BY {order}"
            f" LIMIT {PER_PAGE} OFFSET {int(offset)}",
            matching.params + params,
        )
        return [row[0] for row in rows]

    @staticmethod
    def _facets(sql: SqlBuilder, base: Condition, filters: dict[str, Condition]) -> dict[str, list]:
        # One pass: the entries matching the base query, with a flag per active filter and
        # per privacy section; then their facet values counted, each facet ignoring its own
        # filter (post-filter counts) and counting only where its section is visible.
        flags = {f"f_{key}": condition for key, condition in filters.items()}
        flags.update({f"s_{s.value}": sql.visible(s) for s in Section if s != Section.PROFILE})
        columns = ", ".join(f"({c.sql}) AS {name}" for name, c in flags.items())
        params = [p for c in flags.values() for p in c.params] + base.params
        rules = []
        for facet in FACETS:
            needed = [f"m.f_{key}" for key in filters if key != facet.key]
            if facet.section != Section.PROFILE:
                needed.append(f"m.s_{facet.section.value}")
            rules.append("(v.facet = %s" + "".join(f" AND {flag}" for flag in needed) + ")")
            params.append(facet.key)
        rows = _rows(
            f"WITH m AS MATERIALIZED (SELECT e.member_id AS id, {columns} FROM {ENTRY} e"
            f" WHERE {base.sql}) SELECT v.facet, v.value, COUNT(*) FROM m"
            f" JOIN {VALUE} v ON v.entry_id = m.id WHERE {' OR '.join(rules)}"
            " GROUP BY v.facet, v.value",
            params,
        )
        counted: dict[str, dict[str, int]] = {facet.key: {} for facet in FACETS}
        for facet_key, value, count in rows:
            counted[facet_key][value] = count
        result = {}
        for facet in FACETS:
            values = counted[facet.key]
            if facet.key != "year":
                top = sorted(values.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
                values = dict(top)
            selected = sql.query.selected(facet.key)
            for value in selected:
                values.setdefault(value, 0)
            result[facet.key] = facet_counts(facet, values, selected)
        return result
