"""The directory on the database: SQLite or PostgreSQL, no search server needed.

Queries are plain parameterised SQL over the flattened DirectoryEntry and
DirectoryFacetValue tables: the ORM spent more time compiling the nested
privacy and facet conditions than the database spent running them. Privacy is
the same audience-token test the search index uses (club.members.privacy): a
section is visible when one of its audience tokens is among the viewer's.
"""

# Every fragment below is built from constants and placeholders; user values only ever
# travel as query parameters, so the string-built SQL carries no injection risk.
# ruff: noqa: S608
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from club.members.privacy import Section, Viewer
from search.directory.contract import PER_PAGE, DirectoryQuery, DirectoryResult, Sort
from search.directory.entries import audience_key
from search.directory.facets import FACETS, Facet
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


def _in(values: list[str]) -> str:
    return ", ".join(["%s"] * len(values))


def _has(facet: str, values: list[str]) -> Condition:
    return Condition(
        f"e.member_id IN (SELECT entry_id FROM {VALUE} WHERE facet = %s AND value IN"
        f" ({_in(values)}))",
        [facet, *values],
    )


class SqlBuilder:
    """Conditions for one query and one viewer."""

    def __init__(self, query: DirectoryQuery, viewer: Viewer) -> None:
        self.query = query
        self.viewer = viewer
        self.tokens = sorted(viewer.tokens)

    def visible(self, section: Section) -> Condition:
        if self.viewer.is_staff:
            return TRUE
        return _has(audience_key(section.value), self.tokens)

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
                active[facet.key] = _has(facet.key, values) & self.visible(facet.section)
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
        # Facets whose own filter is off share one condition per privacy section, so they
        # are counted together; a facet with an active filter ignores that filter (post-filter).
        groups: dict[tuple, list[Facet]] = defaultdict(list)
        for facet in FACETS:
            own = facet.key if facet.key in filters else None
            groups[(own, facet.section)].append(facet)
        counted: dict[str, dict[str, int]] = {facet.key: {} for facet in FACETS}
        for (own, section), facets in groups.items():
            others = [c for key, c in filters.items() if key != own]
            where = base & _all(others) & sql.visible(section)
            keys = [facet.key for facet in facets]
            rows = _rows(
                f"SELECT v.facet, v.value, COUNT(*) FROM {VALUE} v JOIN {ENTRY} e"
                f" ON e.member_id = v.entry_id WHERE v.facet IN ({_in(keys)}) AND {where.sql}"
                " GROUP BY v.facet, v.value",
                keys + where.params,
            )
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
