"""The directory's facets: each defined once, with its kind, its data, its labels and its rules.

Backends, the index, the query parser and the page switch on a facet's kind, never on
its key: adding a facet is one entry in FACETS (and the member data it reads).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Chapter, FieldTag, Institution, RevisitKind
from club.members.programmes import Programme
from club.members.sections import Section, section_of

if TYPE_CHECKING:
    from club.members.models import Member


class FacetKind(StrEnum):
    """How a facet is selected and counted (the values double as the form's widget names)."""

    MULTI = "multi"  # any of the selected values; the top values by count are shown
    CHOICE = "choice"  # one value out of a fixed few ("yes" or "no")
    RANGE = "range"  # bounds "<key>_from" and "<key>_to"; every value is shown, in order


@dataclass(frozen=True)
class RangeRules:
    """The bounds a range facet accepts, and what to say when a bound is wrong.

    Values are compared as text by both backends, so they must all have the same width.
    """

    lowest: int
    highest: int
    not_a_number: str | Promise
    out_of_bounds: str | Promise
    reversed: str | Promise


def _as_is(values: list[str]) -> dict[str, str]:
    return {value: value for value in values}


def _unchanged(value: str) -> str:
    return value


@dataclass(frozen=True)
class Facet:
    """One filterable, countable dimension of the directory."""

    key: str
    label: str | Promise
    kind: FacetKind
    # The member attribute the values come from (club.members.privacy.PROFILE_FIELDS):
    # its section decides who may filter and count by it.
    source: str
    # The facet's values for one member (prefetched as search.directory.entries does).
    values_of: Callable[[Member], Iterable[str]]
    # Display labels in the active language; values without one are not shown.
    names: Callable[[list[str]], dict[str, str]] = _as_is
    # A selected value as it is stored ("in" -> "IN").
    normalise: Callable[[str], str] = _unchanged
    # CHOICE: the only values, and what to say about another one.
    choices: tuple[str, ...] = ()
    invalid_choice: str | Promise = ""
    # RANGE: its bounds and messages.
    range: RangeRules | None = None

    def __post_init__(self) -> None:
        if (self.kind == FacetKind.RANGE) != (self.range is not None):
            raise ValueError(f"Facet {self.key!r}: a range facet, and only one, has range rules")
        if (self.kind == FacetKind.CHOICE) != bool(self.choices):
            raise ValueError(f"Facet {self.key!r}: a choice facet, and only one, has choices")

    @property
    def rules(self) -> RangeRules:
        """The bounds and messages of a range facet."""
        if self.range is None:
            raise LookupError(f"Facet {self.key!r} is not a range")
        return self.range

    @property
    def section(self) -> Section:
        section = section_of(self.source)
        if section is None:
            raise LookupError(f"Facet {self.key!r} reads {self.source!r}, which no section holds")
        return section

    def labels(self, values: Iterable[str]) -> dict[str, str]:
        """Translated display labels for facet values, in the active language."""
        return self.names(list(values))


def _country_names(codes: list[str]) -> dict[str, str]:
    return {code: str(countries.name(code) or code) for code in codes}


def _field_names(slugs: list[str]) -> dict[str, str]:
    return {t.slug: t.localized_name for t in FieldTag.objects.filter(slug__in=slugs)}


def _chapter_names(slugs: list[str]) -> dict[str, str]:
    return {c.slug: c.localized_name for c in Chapter.objects.filter(slug__in=slugs)}


def _institution_names(values: list[str]) -> dict[str, str]:
    # Only plain ASCII digits that fit a database integer ("²" is a digit too).
    ids = [int(v) for v in values if v.isascii() and v.isdigit() and len(v) <= 18]
    return {str(i.pk): i.localized_name for i in Institution.objects.filter(pk__in=ids)}


def _programme_names(values: list[str]) -> dict[str, str]:
    return {v: str(Programme(v).label) for v in values if v in Programme.values}


def _revisit_kind_names(values: list[str]) -> dict[str, str]:
    return {v: str(RevisitKind(v).label) for v in values if v in RevisitKind.values}


def _revisited_names(values: list[str]) -> dict[str, str]:
    names = {"yes": str(_("Came back to Japan")), "no": str(_("Not yet"))}
    return {v: names[v] for v in values if v in names}


def _optional_ids(ids: Iterable[int | None]) -> list[str]:
    return [str(pk) for pk in ids if pk]


YEARS = RangeRules(
    lowest=2000,
    highest=2100,
    not_a_number=_("A programme year must be a number such as 2019."),
    out_of_bounds=_("A programme year must be between 2000 and 2100."),
    reversed=_("The first programme year must not be after the last one."),
)

FACETS: tuple[Facet, ...] = (
    Facet(
        "country",
        _("Country of residence"),
        FacetKind.MULTI,
        "country",
        lambda m: [m.country.code] if m.country else [],
        _country_names,
        normalise=str.upper,
    ),
    Facet(
        "field",
        _("Field"),
        FacetKind.MULTI,
        "fields",
        lambda m: [tag.slug for tag in m.fields.all()],
        _field_names,
    ),
    Facet(
        "chapter",
        _("Chapter"),
        FacetKind.MULTI,
        "chapters",
        lambda m: [chapter.slug for chapter in m.chapters.all()],
        _chapter_names,
    ),
    Facet(
        "programme",
        _("Programme"),
        FacetKind.MULTI,
        "participations",
        lambda m: [p.programme for p in m.participations.all()],
        _programme_names,
    ),
    Facet(
        "year",
        _("Programme year"),
        FacetKind.RANGE,
        "participations",
        lambda m: [str(p.fiscal_year) for p in m.participations.all()],
        range=YEARS,
    ),
    Facet(
        "home_institution",
        _("Home institution"),
        FacetKind.MULTI,
        "participations",
        lambda m: _optional_ids(p.sending_institution_id for p in m.participations.all()),
        _institution_names,
    ),
    Facet(
        "host_institution",
        _("Host institution in Japan"),
        FacetKind.MULTI,
        "participations",
        lambda m: _optional_ids(p.host_institution_id for p in m.participations.all()),
        _institution_names,
    ),
    Facet(
        "revisited",
        _("Re-visited Japan"),
        FacetKind.CHOICE,
        "revisits",
        lambda m: ["yes" if m.revisits.all() else "no"],
        _revisited_names,
        choices=("yes", "no"),
        invalid_choice=_("“Re-visited” must be yes or no."),
    ),
    Facet(
        "revisit_kind",
        _("Re-visit as"),
        FacetKind.MULTI,
        "revisits",
        lambda m: [revisit.kind for revisit in m.revisits.all()],
        _revisit_kind_names,
    ),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
# Selected by value (the others are filtered by bounds).
SELECTABLE = tuple(facet.key for facet in FACETS if facet.kind != FacetKind.RANGE)
RANGES = tuple(facet for facet in FACETS if facet.kind == FacetKind.RANGE)
