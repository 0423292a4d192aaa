"""The directory's facets: defined once, used by both backends, the index and the UI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Chapter, FieldTag, Institution, RevisitKind
from club.members.privacy import Section
from club.members.programmes import Programme


@dataclass(frozen=True)
class Facet:
    """One filterable, countable dimension of the directory."""

    key: str
    label: str | Promise
    section: Section

    def labels(self, values: Iterable[str]) -> dict[str, str]:
        """Translated display labels for facet values, in the active language."""
        values = list(values)
        match self.key:
            case "country":
                return {code: str(countries.name(code) or code) for code in values}
            case "field":
                tags = FieldTag.objects.filter(slug__in=values)
                return {t.slug: t.localized_name for t in tags}
            case "chapter":
                return {c.slug: c.localized_name for c in Chapter.objects.filter(slug__in=values)}
            case "home_institution" | "host_institution":
                # Only plain ASCII digits that fit a database integer ("²" is a digit too).
                ids = [int(v) for v in values if v.isascii() and v.isdigit() and len(v) <= 18]
                return {str(i.pk): i.localized_name for i in Institution.objects.filter(pk__in=ids)}
            case "programme":
                return {v: str(Programme(v).label) for v in values if v in Programme.values}
            case "revisit_kind":
                return {v: str(RevisitKind(v).label) for v in values if v in RevisitKind.values}
            case "revisited":
                names = {"yes": str(_("Came back to Japan")), "no": str(_("Not yet"))}
                return {v: names[v] for v in values if v in names}
        return {value: value for value in values}


FACETS: tuple[Facet, ...] = (
    Facet("country", _("Country of residence"), Section.PROFILE),
    Facet("field", _("Field"), Section.PROFILE),
    Facet("chapter", _("Chapter"), Section.PROFILE),
    Facet("programme", _("Programme"), Section.PARTICIPATION),
    Facet("year", _("Programme year"), Section.PARTICIPATION),
    Facet("home_institution", _("Home institution"), Section.PARTICIPATION),
    Facet("host_institution", _("Host institution in Japan"), Section.PARTICIPATION),
    Facet("revisited", _("Re-visited Japan"), Section.REVISITS),
    Facet("revisit_kind", _("Re-visit as"), Section.REVISITS),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
# Selected by value; "year" is filtered by a range instead.
SELECTABLE = tuple(facet.key for facet in FACETS if facet.key != "year")
