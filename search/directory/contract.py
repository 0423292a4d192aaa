"""The directory contract: one query in, one result out, whatever the backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from django.http import QueryDict
from django.utils.translation import gettext as _
from django_countries import countries

from club.bounds import one_line
from club.members.privacy import Viewer
from club.text import words
from search.directory.facets import FACETS, RANGES, SELECTABLE, Facet, FacetKind, RangeRules

MAX_TEXT_LENGTH = 500
# Each word is one more condition in the query; nobody looks for someone with more.
MAX_TERMS = 16
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 100
PER_PAGE = 20
# Elasticsearch refuses from + size beyond 10,000; so does this contract, on every backend.
MAX_PAGE = 10_000 // PER_PAGE


def search_words(text: str) -> list[str]:
    """The folded words of a search text, each once."""
    return words(text)


class InvalidQuery(ValueError):
    """A directory query that cannot be run; the message is safe to show."""


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NAME = "name"
    RECENT = "recent"


@dataclass(frozen=True)
class DirectoryQuery:
    """Free text, facet filters, bounds of range facets, a sort and a page."""

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Per range facet with a bound: (from, to), either may be None.
    ranges: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    sort: Sort = Sort.RELEVANCE
    page: int = 1

    @property
    def terms(self) -> list[str]:
        """The folded search words, each once."""
        return search_words(self.text)

    def selected(self, key: str) -> tuple[str, ...]:
        return self.filters.get(key, ())

    def bounds(self, key: str) -> tuple[int | None, int | None]:
        """The (from, to) bounds of a range facet, None where unbounded."""
        return self.ranges.get(key, (None, None))

    @property
    def has_filters(self) -> bool:
        return bool(self.filters) or bool(self.ranges)

    @classmethod
    def from_params(cls, params: QueryDict) -> DirectoryQuery:
        """Parse and validate query-string parameters; raise InvalidQuery on bad input."""
        text = one_line(params.get("q", ""))
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidQuery(_("The search text is too long (500 characters at most)."))
        if len(search_words(text)) > MAX_TERMS:
            raise InvalidQuery(_("Use %(max)d search words at most.") % {"max": MAX_TERMS})
        filters: dict[str, tuple[str, ...]] = {}
        ranges: dict[str, tuple[int | None, int | None]] = {}
        for facet in FACETS:
            if facet.kind == FacetKind.RANGE:
                if bounds := _bounds(facet, params):
                    ranges[facet.key] = bounds
            elif values := _values(facet, params.getlist(facet.key)):
                filters[facet.key] = values
        try:
            sort = Sort(params.get("sort") or Sort.RELEVANCE)
        except ValueError:
            raise InvalidQuery(_("Unknown sort order.")) from None
        page = _page(params.get("page"))
        return cls(text, filters, ranges, sort, page)

    def to_params(self) -> list[tuple[str, str]]:
        """The query as query-string pairs (for shareable URLs)."""
        pairs: list[tuple[str, str]] = [("q", self.text)] if self.text else []
        for key in SELECTABLE:
            pairs += [(key, value) for value in self.selected(key)]
        for facet in RANGES:
            for name, bound in zip(range_params(facet), self.bounds(facet.key), strict=True):
                if bound is not None:
                    pairs.append((name, str(bound)))
        if self.sort != Sort.RELEVANCE:
            pairs.append(("sort", self.sort.value))
        return pairs


def range_params(facet: Facet) -> tuple[str, str]:
    """The query-string names of a range facet's bounds ("year_from", "year_to")."""
    return f"{facet.key}_from", f"{facet.key}_to"


def _values(facet: Facet, raw: list[str]) -> tuple[str, ...]:
    # one_line: a NUL or newline in a filter value is junk, and PostgreSQL refuses a NUL.
    values = tuple(dict.fromkeys(clean for value in raw if (clean := one_line(value))))
    if len(values) > MAX_VALUES_PER_FACET or any(len(v) > MAX_VALUE_LENGTH for v in values):
        raise InvalidQuery(_("Too many or too long filter values."))
    if facet.kind == FacetKind.CHOICE and set(values) - set(facet.choices):
        raise InvalidQuery(str(facet.invalid_choice))
    return tuple(facet.normalise(value) for value in values)


def _bounds(facet: Facet, params: QueryDict) -> tuple[int | None, int | None] | None:
    rules = facet.rules
    low, high = (_bound(rules, params.get(name)) for name in range_params(facet))
    if low is not None and high is not None and low > high:
        raise InvalidQuery(str(rules.reversed))
    return None if low is None and high is None else (low, high)


def _bound(rules: RangeRules, raw: str | None) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        bound = int(raw)
    except ValueError:
        raise InvalidQuery(str(rules.not_a_number)) from None
    if not rules.lowest <= bound <= rules.highest:
        raise InvalidQuery(str(rules.out_of_bounds))
    return bound


def _page(raw: str | None) -> int:
    if raw is None or not raw.strip():
        return 1
    try:
        page = int(raw)
    except ValueError:
        raise InvalidQuery(_("The page must be a whole number.")) from None
    if not 1 <= page <= MAX_PAGE:
        raise InvalidQuery(_("The page must be between 1 and %(max)d.") % {"max": MAX_PAGE})
    return page


@dataclass(frozen=True)
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Hit:
    """One member in the results; fields the viewer may not see are None."""

    member_id: int
    display_name: str | None
    native_name: str | None
    photo_id: int | None
    country: str | None
    position: str | None
    organisation: str | None
    programme: str | None
    programme_year: int | None
    revisited: bool | None
    highlights: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.member_id,
            "display_name": self.display_name,
            "native_name": self.native_name,
            "photo_id": self.photo_id,
            "country": self.country,
            # Named in the active language, so the autocomplete can tell namesakes apart.
            "country_name": str(countries.name(self.country)) if self.country else "",
            "position": self.position,
            "organisation": self.organisation,
            "programme": self.programme,
            "programme_year": self.programme_year,
            "revisited": self.revisited,
            "highlights": self.highlights,
        }


@dataclass(frozen=True)
class DirectoryResult:
    """Hits with highlights, the exact total and counts for every facet."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]
    page: int
    backend: str
    notice: str = ""
    # The search engine's own time for the request (Elasticsearch's `took`), when known.
    engine_ms: int | None = None
    # When nothing was found: a corrected search text that finds someone ("Did you mean").
    suggestion: str = ""

    @property
    def pages(self) -> int:
        return max(1, min(MAX_PAGE, -(-self.total // PER_PAGE)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "backend": self.backend,
            "notice": self.notice,
            "engine_ms": self.engine_ms,
            "suggestion": self.suggestion,
            "hits": [hit.to_dict() for hit in self.hits],
            "facets": {
                key: [
                    {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected}
                    for c in counts
                ]
                for key, counts in self.facets.items()
            },
        }


class Directory(Protocol):
    """What both backends implement."""

    name: str

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult: ...
