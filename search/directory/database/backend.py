"""The directory on the database: SQLite or PostgreSQL, no search server needed.

Queries are plain parameterised SQL over the flattened DirectoryEntry and
DirectoryFacetValue tables: the ORM spent more time compiling the nested
privacy and facet conditions than the database spent running them. Privacy is
the same audience-token test the search index uses (club.members.privacy): a
section is visible when one of its audience tokens is among the viewer's; the
tokens sit in one delimited column, so the test needs no join.

The database's own full-text index decides which entries are read at all
(search.directory.database.token_index); only those candidates are checked row by row.
"""

# Every fragment below is built from constants and placeholders; user values only ever
# travel as query parameters, so the string-built SQL carries no injection risk.
# ruff: noqa: S608
from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db import connection

from club.members.privacy import (
    BROAD_AUDIENCES,
    MEMBERS_AUDIENCE,
    PUBLIC_AUDIENCE,
    Viewer,
    section_token,
)
from club.members.sections import Section
from search.directory.contract import (
    PER_PAGE,
    DirectoryQuery,
    DirectoryResult,
    FacetCount,
    Sort,
)
from search.directory.database import token_index
from search.directory.database.sql import TRUE, Condition, all_of
from search.directory.database.suggestions import suggest
from search.directory.database.token_index import facet_token
from search.directory.database.words import found_in
from search.directory.facets import FACETS, FACETS_BY_KEY, Facet, FacetKind
from search.directory.results import build_hit, entry_as_document, facet_counts
from search.directory.sources import NAME_COLUMN, RECENT_SOURCE, TEXT_COLUMNS, source_section
from search.models import DirectoryEntry, DirectoryFacetValue

FACET_SIZE = 20
ENTRY = DirectoryEntry._meta.db_table
VALUE = DirectoryFacetValue._meta.db_table
# Most sections are open to every member, and SQL stops at the first LIKE that
# matches, so testing the broadest audience first settles most rows in one test.
BREADTH = {MEMBERS_AUDIENCE: 0, PUBLIC_AUDIENCE: 1}


def _any_token(column: str, tokens: list[str]) -> Condition:
    """True when the space-delimited ``column`` holds any of ``tokens``."""
    if not tokens:
        return Condition("1 = 0")
    sql = " OR ".join([f"e.{column} LIKE %s"] * len(tokens))
    return Condition(sql, [f"% {token} %" for token in tokens])


class SqlBuilder:
    """Conditions for one query and one viewer."""

    def __init__(self, query: DirectoryQuery, viewer: Viewer) -> None:
        self.query = query
        self.viewer = viewer
        self.tokens = sorted(viewer.tokens, key=lambda token: (BREADTH.get(token, 2), token))
        broad = [token for token in self.tokens if token in BROAD_AUDIENCES]
        # Entries whose every section admits one of the viewer's broad audiences: for
        # them privacy is settled by one comparison, and the text index's answer is final.
        marks = ", ".join(["%s"] * len(broad))
        self.open = TRUE if viewer.is_staff else Condition(f"e.open_to IN ({marks})", broad)

    def visible(self, section: Section) -> Condition:
        if self.viewer.is_staff:
            return TRUE
        tokens = [section_token(section, token) for token in self.tokens]
        return self.open | _any_token("audience_tokens", tokens)

    def base(self) -> Condition:
        """Listed, profile visible, and every search word found in a visible section."""
        conditions = [Condition("e.listed = %s", [True]), self.visible(Section.PROFILE)]
        for term in self.query.terms:
            anywhere = self.open if token_index.indexed(term) else Condition("1 = 0")
            # The profile is visible already (above); other sections' words need their own.
            found = found_in(term, f"e.{NAME_COLUMN}", f"e.{TEXT_COLUMNS[Section.PROFILE]}")
            for section, column in TEXT_COLUMNS.items():
                if section != Section.PROFILE:
                    found = found | (found_in(term, f"e.{column}") & self.visible(section))
            conditions.append(anywhere | found)
        return all_of(conditions)

    def filters(self) -> dict[str, Condition]:
        """Per active filter, the entries that satisfy it (privacy comes separately)."""
        active: dict[str, Condition] = {}
        for facet in FACETS:
            if facet.kind == FacetKind.RANGE:
                bounds, params = [], []
                for test, bound in zip((">=", "<="), self.query.bounds(facet.key), strict=True):
                    if bound is not None:
                        bounds.append(f"value {test} %s")
                        params.append(str(bound))
                if bounds:
                    active[facet.key] = _having(
                        Condition("facet = %s AND " + " AND ".join(bounds), [facet.key, *params])
                    )
            elif values := self.query.selected(facet.key):
                marks = ", ".join(["%s"] * len(values))
                active[facet.key] = token_index.holds_any(facet.key, values) or _having(
                    Condition(f"facet = %s AND value IN ({marks})", [facet.key, *values])
                )
        return active


def _having(rows: Condition) -> Condition:
    """The entry has a facet row passing ``rows``."""
    return Condition(f"e.member_id IN (SELECT entry_id FROM {VALUE} WHERE {rows.sql})", rows.params)


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


class DatabaseDirectory:
    """Faceted search over DirectoryEntry rows: one SQL statement per search."""

    name = "database"

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        result = self._search(query, viewer)
        if result.total or not query.terms:
            return result
        # Nobody found: offer the nearest names, which the index cannot match by itself.
        builder = SqlBuilder(query, viewer)
        text = suggest(query, builder, lambda corrected: self._search(corrected, viewer))
        return replace(result, suggestion=text) if text else result

    def _search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        statement, params = _statement(SqlBuilder(query, viewer))
        total, ids = 0, []
        counted: dict[str, dict[str, int]] = {facet.key: {} for facet in FACETS}
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


def _shown(section: Section) -> str:
    """The matching row's flag that ``section`` is visible (the profile always is)."""
    return "1 = 1" if section == Section.PROFILE else f"m.s_{section.value}"


def _seen(facet: Facet) -> str:
    """The test that the facet's section is visible, as an ' AND …' suffix (profile: none)."""
    return "" if facet.section == Section.PROFILE else f" AND {_shown(facet.section)}"


def _passes(key: str) -> str:
    """The matching row passes filter ``key`` where the viewer may see its section."""
    return f"m.f_{key}{_seen(FACETS_BY_KEY[key])}"


def _counted(facet: Facet) -> str:
    """A facet row of a matching entry counts where the facet's section is visible."""
    return f"(v.facet = %s{_seen(facet)})"


def _ranking(sql: SqlBuilder) -> tuple[dict[str, Condition], str]:
    """The matching set's columns the page is ordered by, and that order.

    They are read with the rest of the row, so the page needs no second look-up of the
    entries passing every filter.
    """
    query = sql.query
    scores, params = ["0"], []
    if query.sort == Sort.RELEVANCE and query.terms:
        for term in query.terms:
            for column, weight in ((NAME_COLUMN, 3), (TEXT_COLUMNS[Section.PROFILE], 1)):
                found = found_in(term, f"e.{column}")
                scores.append(f"CASE WHEN {found.sql} THEN {weight} ELSE 0 END")
                params += found.params
        order = "m.score DESC, m.sort_name, m.id"
    elif query.sort == Sort.RECENT:
        # Ordering by a hidden date would leak it, so hidden dates sort as unknown.
        order = "m.recent DESC NULLS LAST, m.id"
    else:
        order = "m.sort_name, m.id"
    shown = sql.visible(source_section(RECENT_SOURCE))
    columns = {
        "sort_name": Condition("e.sort_name"),
        "recent": Condition(f"CASE WHEN {shown.sql} THEN e.latest_start END", shown.params),
        "score": Condition(" + ".join(scores), params),
    }
    return columns, order


def _page(sql: SqlBuilder, order: str, every_filter: str) -> str:
    """Ranked ids of the requested page, among the entries passing every filter."""
    offset = (sql.query.page - 1) * PER_PAGE
    return (
        f"SELECT 'h', CAST(p.id AS VARCHAR(20)), NULL, p.rank FROM (SELECT m.id,"
        f" ROW_NUMBER() OVER (ORDER BY {order}) AS rank FROM m WHERE {every_filter}"
        f" ORDER BY {order} LIMIT {PER_PAGE} OFFSET {int(offset)}) p"
    )


def _statement(sql: SqlBuilder) -> tuple[str, list[Any]]:
    """Count, page and facet counts in one statement, from one pass over the candidates.

    The matching set ``m`` carries a flag per active filter and per privacy section;
    each facet then ignores its own filter (post-filter counts) and counts only where
    its section is visible. Rows passing every filter count for every facet; a
    filtered facet also counts the rows failing only its own filter, reading just
    that facet's values.
    """
    filters = sql.filters()
    where = token_index.candidates(sql.query) & sql.base()
    flags = {f"f_{key}": c for key, c in filters.items()}
    # The sections facets belong to (the profile is visible to every matching row), and
    # the one of the date the "most recent" sort may show.
    flagged = ({facet.section for facet in FACETS} | {source_section(RECENT_SOURCE)}) - {
        Section.PROFILE
    }
    flags.update({f"s_{s.value}": sql.visible(s) for s in Section if s in flagged})
    ranking, order = _ranking(sql)
    flags.update(ranking)
    every_filter = " AND ".join(_passes(key) for key in filters) or "1 = 1"

    if connection.vendor == "postgresql":
        flags["tokens"] = Condition("e.facet_tokens")
        counting, counting_params = _counted_from_tokens(filters, every_filter)
    else:
        counting, counting_params = _counted_from_rows(filters, every_filter)
    columns = ", ".join(f"({c.sql}) AS {name}" for name, c in flags.items())

    statement = (
        f"WITH m AS MATERIALIZED (SELECT e.member_id AS id, {columns}"
        f" FROM {ENTRY} e WHERE {where.sql})"
        f" SELECT 'c', NULL, NULL, COUNT(*) FROM m WHERE {every_filter}"
        f" UNION ALL {_page(sql, order, every_filter)}"
        f" UNION ALL {counting}"
    )
    # In the order the placeholders appear: the columns, WHERE, facet counts.
    params = [p for c in flags.values() for p in c.params] + where.params
    return statement, params + counting_params


def _others(filters: dict[str, Condition], key: str) -> str:
    """The matching row passes every filter but ``key`` (and may see ``key``'s section)."""
    others = [_passes(other) for other in filters if other != key] or ["1 = 1"]
    return " AND ".join(others) + _seen(FACETS_BY_KEY[key])


def _counted_from_rows(filters: dict[str, Condition], every_filter: str) -> tuple[str, list[Any]]:
    """Facet counts from the facet rows of the matching entries (one look-up per entry)."""
    counting = [
        f"SELECT v.facet, v.value FROM m CROSS JOIN {VALUE} v WHERE v.entry_id = m.id"
        f" AND {every_filter} AND ("
        + " OR ".join(_counted(f) for f in FACETS if f.key not in filters)
        + ")"
    ]
    params = [f.key for f in FACETS if f.key not in filters]
    for key in filters:
        counting.append(
            f"SELECT v.facet, v.value FROM m CROSS JOIN {VALUE} v WHERE v.entry_id = m.id"
            f" AND v.facet = %s AND {_others(filters, key)}"
        )
        params.append(key)
    return (
        f"SELECT 'f', c.facet, c.value, COUNT(*) FROM ({' UNION ALL '.join(counting)}) c"
        " GROUP BY c.facet, c.value",
        params,
    )


def _counted_from_tokens(filters: dict[str, Condition], every_filter: str) -> tuple[str, list[Any]]:
    """Facet counts from the matching rows' own facet tokens ("=country:IN"), no join.

    PostgreSQL splits each row's ``facet_tokens`` and counts the tokens; a facet's token
    counts where its facet is counted for that row, exactly as the facet rows would.
    """
    tests, params = [], []
    for facet in FACETS:
        if facet.key in filters:
            tests.append(f"({_others(filters, facet.key)} AND starts_with(t.token, %s))")
        else:
            tests.append(f"({every_filter} AND starts_with(t.token, %s){_seen(facet)})")
        params.append(f"{facet_token(facet.key, '')}")
    # Rows failing two filters count nowhere; they are left out before splitting.
    counting_rows = " OR ".join(f"({_others(filters, key)})" for key in filters) or "1 = 1"
    return (
        "SELECT 'f', substr(split_part(c.token, ':', 1), 2), substr(c.token, strpos(c.token, ':')"
        " + 1), c.n FROM (SELECT t.token, COUNT(*) AS n FROM m CROSS JOIN LATERAL"
        " unnest(string_to_array(m.tokens, ' ')) AS t(token)"
        f" WHERE ({counting_rows}) AND ({' OR '.join(tests)}) GROUP BY t.token) c",
        params,
    )


def _facet_results(
    query: DirectoryQuery, counted: dict[str, dict[str, int]]
) -> dict[str, list[FacetCount]]:
    result = {}
    for facet in FACETS:
        values = counted[facet.key]
        if facet.kind != FacetKind.RANGE:  # a range shows every value, for its bounds
            top = sorted(values.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
            values = dict(top)
        selected = query.selected(facet.key)
        for value in selected:
            values.setdefault(value, 0)
        result[facet.key] = facet_counts(facet, values, selected)
    return result
