"""Reference rows the demo alumni point at: institutions, fields, chapters, subject groups.

Created once and refreshed in place; existing rows (an institution an editor or an
import already made, under its canonical name or an alias) are reused, never duplicated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from club.demo.members.institutions import InstitutionSpec, all_institutions
from club.demo.members.vocabulary import CURATED_FIELDS, FREE_FIELDS, SUBJECT_GROUPS
from club.demo.pages.content import CHAPTERS
from club.members.models import (
    Chapter,
    FieldTag,
    Institution,
    InstitutionAlias,
    SubjectGroup,
)
from club.text import fold

Report = Callable[[str], None]


@dataclass(frozen=True)
class ReferenceIds:
    """Primary keys by natural key, so member rows are written without lookups."""

    institutions: dict[str, int]
    tags: dict[str, int]
    chapters: dict[str, int]
    groups: dict[str, int]


@transaction.atomic
def ensure_reference_data(report: Report) -> ReferenceIds:
    """Create or refresh every institution, field, chapter and subject group the demo uses."""
    institutions, created = _institutions(all_institutions())
    report(f"{len(institutions)} institutions ({created} new)")
    tags, created = _field_tags()
    report(f"{len(tags)} fields of study ({created} new)")
    chapters = {
        slug: Chapter.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_ja": name_ja, "country": country}
        )[0].pk
        for slug, name, name_ja, country in CHAPTERS
    }
    groups = {
        slug: SubjectGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_ja": name_ja, "description": description}
        )[0].pk
        for slug, name, name_ja, _cluster, description in SUBJECT_GROUPS
    }
    report(f"{len(chapters)} chapters, {len(groups)} subject groups")
    return ReferenceIds(institutions, tags, chapters, groups)


def _institutions(specs: list[InstitutionSpec]) -> tuple[dict[str, int], int]:
    by_key = {inst.normalised_name: inst for inst in Institution.objects.all()}
    by_pk = {inst.pk: inst for inst in by_key.values()}
    alias_owner = dict(InstitutionAlias.objects.values_list("normalised_name", "institution_id"))
    ids: dict[str, int] = {}
    created = 0
    for spec in specs:
        keys = [fold(spec.name), *(fold(alias) for alias in spec.aliases)]
        institution = _find(keys, by_key, by_pk, alias_owner)
        if institution is None:
            institution = Institution(
                name=spec.name, name_ja=spec.name_ja, country=spec.country, kind=spec.kind
            )
            institution.save()
            by_key[institution.normalised_name] = by_pk[institution.pk] = institution
            created += 1
        elif spec.name_ja and not institution.name_ja:
            institution.name_ja = spec.name_ja
            institution.save()
        # The canonical name becomes an alias too when the row we reuse has another name.
        for name in (spec.name, *spec.aliases):
            key = fold(name)
            if key in alias_owner or key in by_key:
                continue
            InstitutionAlias(institution=institution, name=name).save()
            alias_owner[key] = institution.pk
        ids[spec.name] = institution.pk
    return ids, created


def _find(
    keys: list[str],
    by_key: dict[str, Institution],
    by_pk: dict[int, Institution],
    alias_owner: dict[str, int],
) -> Institution | None:
    for key in keys:
        if key in by_key:
            return by_key[key]
        if key in alias_owner:
            return by_pk.get(alias_owner[key])
    return None


def _field_tags() -> tuple[dict[str, int], int]:
    existing = {tag.name.casefold(): tag for tag in FieldTag.objects.all()}
    wanted = [(name, name_ja, True) for name, name_ja, _cluster in CURATED_FIELDS]
    wanted += [(name, "", False) for names in FREE_FIELDS.values() for name in names]
    ids: dict[str, int] = {}
    created = 0
    for name, name_ja, curated in wanted:
        tag = existing.get(name.casefold())
        if tag is None:
            tag = FieldTag(name=name, name_ja=name_ja, curated=curated)
            tag.save()  # TagBase.save() picks a unique slug
            created += 1
        elif curated and (not tag.curated or not tag.name_ja):
            tag.curated = True
            tag.name_ja = tag.name_ja or name_ja
            tag.save(update_fields=["curated", "name_ja"])
        ids[name] = tag.pk
    return ids, created
