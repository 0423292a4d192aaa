"""Institutions and field tags named in a roster: resolved once per name, created if new."""

from __future__ import annotations

from club.members.models import FieldTag, Institution, InstitutionKind
from club.members.roster.report import ImportReport
from club.text import fold

# Words that tell an institution's type from its name; anything else is a university.
_KIND_WORDS = (
    (InstitutionKind.SCHOOL, ("high school", "secondary school", "senior school")),
    (InstitutionKind.COMPANY, (" inc", " ltd", "corporation", "company", " co ")),
    (InstitutionKind.GOVERNMENT, ("ministry", "government", "agency", "department of")),
    (
        InstitutionKind.RESEARCH,
        ("riken", "national institute", "research institute", "research cent"),
    ),
)


def guess_kind(name: str) -> str:
    """A best guess of an institution's type from its name; staff can correct it in the admin."""
    key = f" {fold(name)} "
    if "university" in key:
        return InstitutionKind.UNIVERSITY
    for kind, words in _KIND_WORDS:
        if any(word in key for word in words):
            return kind
    return InstitutionKind.UNIVERSITY


class InstitutionDirectory:
    """Institution ids by name for one import.

    Each distinct name is resolved once with ``Institution.objects.resolve`` (names and
    aliases), so the number of queries grows with the institutions, never with the rows.
    """

    def __init__(self, report: ImportReport) -> None:
        self._report = report
        self._ids: dict[str, int] = {}

    def id_for(self, name: str, country: str) -> int | None:
        """The id of the institution called ``name``, created in ``country`` if unknown."""
        key = fold(name)
        if not key:
            return None
        if key not in self._ids:
            institution = Institution.objects.resolve(name)
            if institution is None:
                institution = Institution.objects.create(
                    name=name, country=country, kind=guess_kind(name)
                )
                self._report.institutions_created += 1
            self._ids[key] = institution.pk
        return self._ids[key]


class FieldVocabulary:
    """FieldTag ids by case-insensitive name; the vocabulary is small, so it is read once."""

    def __init__(self, report: ImportReport) -> None:
        self._report = report
        self._ids: dict[str, int] | None = None

    def id_for(self, name: str) -> int:
        if self._ids is None:
            self._ids = {}
            for pk, tag_name in FieldTag.objects.order_by("pk").values_list("pk", "name"):
                self._ids.setdefault(tag_name.casefold(), pk)
        key = name.casefold()
        if key not in self._ids:
            self._ids[key] = FieldTag.objects.create(name=name).pk
            self._report.fields_created += 1
        return self._ids[key]
