"""Which member attribute each part of the directory comes from, and so its privacy section.

The directory never names a section itself: a hit's field, a text column's words and a
facet's values are each tied to a member attribute, and club.members.privacy says which
section holds that attribute. Moving an attribute there moves it here too (after the
entries are rebuilt: manage.py directory_index rebuild).
"""

from __future__ import annotations

from collections.abc import Callable

from django_countries import countries

from club.members.models import Institution, Member
from club.members.sections import Section, section_of
from search.directory.facets import FACETS

# Each hit field and the attribute it shows.
HIT_SOURCES: dict[str, str] = {
    "display_name": "display_name",
    "native_name": "native_name",
    "photo_id": "photo",
    "country": "country",
    "position": "position",
    "organisation": "organisation",
    "programme": "participations",
    "programme_year": "participations",
    "revisited": "revisits",
}
# The date the "most recent" sort orders by.
RECENT_SOURCE = "participations"

# The searchable text columns of an entry, one per section that has words to search;
# the words of a section without a column are not searched at all.
TEXT_COLUMNS: dict[Section, str] = {
    Section.PROFILE: "text_profile",
    Section.CAREER: "text_career",
    Section.PARTICIPATION: "text_participation",
}
# Names weigh more in relevance and feed "Did you mean": they get a column of their own
# while they sit in the profile section (the one every hit shows).
NAME_COLUMN = "text_name"
NAME_ATTRIBUTES = ("given_name", "family_name", "native_name")


def _institution_text(institution: Institution | None) -> list[str]:
    if institution is None:
        return []
    return [institution.name, institution.name_ja, *(a.name for a in institution.aliases.all())]


# The words each attribute adds to the search text, from a member prefetched as
# search.directory.entries does.
ATTRIBUTE_WORDS: dict[str, Callable[[Member], list[str]]] = {
    "given_name": lambda m: [m.given_name],
    "family_name": lambda m: [m.family_name],
    "native_name": lambda m: [m.native_name],
    "fields": lambda m: (
        [tag.name for tag in m.fields.all()]
        + [getattr(tag, "name_ja", "") for tag in m.fields.all()]
    ),
    "country": lambda m: [str(countries.name(m.country.code))] if m.country else [],
    "position": lambda m: [m.position],
    "organisation": lambda m: [m.organisation],
    "careers": lambda m: [part for c in m.careers.all() for part in (c.position, c.organisation)],
    "participations": lambda m: [
        text
        for p in sorted(m.participations.all(), key=lambda p: p.start_date)
        for text in _institution_text(p.host_institution) + _institution_text(p.sending_institution)
    ],
}


def source_section(attribute: str) -> Section:
    """The section of an attribute the directory reads (it must belong to one)."""
    found = section_of(attribute)
    if found is None:
        raise LookupError(f"The directory reads {attribute!r}, which no section holds")
    return found


def text_column(attribute: str) -> str | None:
    """The entry column an attribute's words go to (None: not searched)."""
    where = source_section(attribute)
    if attribute in NAME_ATTRIBUTES and where == Section.PROFILE:
        return NAME_COLUMN
    return TEXT_COLUMNS.get(where)


def searched_sections() -> list[Section]:
    """Every section the directory shows, searches, filters or counts by, in order."""
    used = {source_section(a) for a in [*HIT_SOURCES.values(), RECENT_SOURCE]}
    used |= {source_section(a) for a in ATTRIBUTE_WORDS if text_column(a)}
    used |= {facet.section for facet in FACETS} | {Section.PROFILE}
    return [s for s in Section if s in used]
