"""The directory contract: one query in, one result out, whatever the backend."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from django.http import QueryDict
from django.utils.translation import gettext as _
from django_countries import countries

from club.members.privacy import Viewer
from club.text import words
from search.directory.facets import SELECTABLE

MAX_TEXT_LENGTH = 500
# Each word is one more condition in the query; nobody looks for someone with more.
MAX_TERMS = 16
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 100
PER_PAGE = 20
# Elasticsearch refuses from + size beyond 10,000; so does this contract, on every backend.
MAX_PAGE = 10_000 // PER_PAGE
YEAR_BOUNDS = (2000, 2100)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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
    """Free text, facet filters, a programme-year range, a sort and a page."""

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: Sort = Sort.RELEVANCE
    page: int = 1

    @property
    def terms(self) -> list[str]:
        """The folded search words, each once."""
        return search_words(self.text)

    def selected(self, key: str) -> tuple[str, ...]:
        return self.filters.get(key, ())

    @property
    def has_filters(self) -> bool:
        return bool(self.filters) or self.year_from is not None or self.year_to is not None

    @classmethod
    def from_params(cls, params: QueryDict) -> DirectoryQuery:
        """Parse and validate query-string parameters; raise InvalidQuery on bad input."""
        text = " ".join(_CONTROL.sub(" ", params.get("q", "")).split())
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidQuery(_("The search text is too long (500 characters at most)."))
        if len(search_words(text)) > MAX_TERMS:
            raise InvalidQuery(_("Use %(max)d search words at most.") % {"max": MAX_TERMS})
        filters: dict[str, tuple[str, ...]] = {}
        for key in SELECTABLE:
            values = tuple(dict.fromkeys(v.strip() for v in params.getlist(key) if v.strip()))
            if len(values) > MAX_VALUES_PER_FACET or any(len(v) > MAX_VALUE_LENGTH for v in values):
                raise InvalidQuery(_("Too many or too long filter values."))
            if values:
                filters[key] = values
        if set(filters.get("revisited", ())) - {"yes", "no"}:
            raise InvalidQuery(_("“Re-visited” must be yes or no."))
        if "country" in filters:
            filters["country"] = tuple(v.upper() for v in filters["country"])
        year_from = _year(params.get("year_from"))
        year_to = _year(params.get("year_to"))
        if year_from and year_to and year_from > year_to:
            raise InvalidQuery(_("The first programme year must not be after the last one."))
        try:
            sort = Sort(params.get("sort") or Sort.RELEVANCE)
        except ValueError:
            raise InvalidQuery(_("Unknown sort order.")) from None
        page = _page(params.get("page"))
        return cls(text, filters, year_from, year_to, sort, page)

    def to_params(self) -> list[tuple[str, str]]:
        """The query as query-string pairs (for shareable URLs)."""
        pairs: list[tuple[str, str]] = [("q", self.text)] if self.text else []
        for key in SELECTABLE:
            pairs += [(key, value) for value in self.selected(key)]
        if self.year_from:
            pairs.append(("year_from", str(self.year_from)))
        if self.year_to:
            pairs.append(("year_to", str(self.year_to)))
        if self.sort != Sort.RELEVANCE:
            pairs.append(("sort", self.sort.value))
        return pairs


def _year(raw: str | None) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        year = int(raw)
    except ValueError:
        raise InvalidQuery(_("A programme year must be a number such as 2019.")) from None
    if not YEAR_BOUNDS[0] <= year <= YEAR_BOUNDS[1]:
        raise InvalidQuery(_("A programme year must be between 2000 and 2100."))
    return year


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
    display_name: str
    native_name: str
    photo_id: int | None
    country: str
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
