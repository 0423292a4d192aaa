"""Reconciling re-visits: one stay in Japan is one ``Revisit`` row, whoever tells us first.

The rule (docs/revisits-import.md, "Reconciliation"): a JST record and a member's declaration
describe the same stay when they belong to the same member, name the same institution (or
both name none) and their dates overlap (an empty end date is an ongoing stay). The two then
become one row whose ``source`` is ``both``; JST's values (kind, institution, dates, funding)
are kept, as JST's is the official record. Every writer goes through here: the admin, the
CSV import and the member's profile form, so the figures never count one stay twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from club.members.models import Institution, Member, Revisit, RevisitSource
from club.members.models.history import RevisitQuerySet

# The fields a JST record sets; a member's declaration merged into it keeps JST's values.
STAY_FIELDS = ("kind", "institution_id", "start_date", "end_date", "funding", "source_note")


class Outcome(models.TextChoices):
    """What recording or declaring a stay did."""

    CREATED = "created", _("new re-visit")
    CONFIRMED = "confirmed", _("merged with the same stay from the other source: confirmed by both")
    UPDATED = "updated", _("updates the same stay")
    UNCHANGED = "unchanged", _("already recorded, unchanged")


@dataclass(frozen=True)
class Stay:
    """The facts of one re-visit as JST or a member gives them."""

    kind: str
    institution: Institution | None
    start_date: date
    end_date: date | None = None
    funding: str = ""
    source_note: str = ""

    def same_as(self, other: Stay) -> bool:
        """Whether the two describe the same stay (the rule ``same_stay`` applies in SQL)."""
        if self.institution != other.institution:
            return False
        ends_after = self.end_date is None or self.end_date >= other.start_date
        return ends_after and (other.end_date is None or other.end_date >= self.start_date)

    def values(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "institution_id": self.institution.pk if self.institution else None,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "funding": self.funding,
            "source_note": self.source_note,
        }


def same_stay(member_id: int, institution_id: int | None, start: date, end: date | None) -> Q:
    """Re-visits of the member that describe the same stay as the given one."""
    overlap = Q(end_date__isnull=True) | Q(end_date__gte=start)
    if end is not None:
        overlap &= Q(start_date__lte=end)
    place = Q(institution_id=institution_id) if institution_id else Q(institution__isnull=True)
    return Q(member_id=member_id) & place & overlap


def _matches(member: Member, stay: Stay, exclude: Revisit | None) -> RevisitQuerySet:
    institution_id = stay.institution.pk if stay.institution else None
    found = Revisit.objects.filter(
        same_stay(member.pk, institution_id, stay.start_date, stay.end_date)
    )
    if exclude is not None and exclude.pk:
        found = found.exclude(pk=exclude.pk)
    return found.order_by("recorded_at", "pk")


def _lock(member: Member) -> None:
    # Two writers reconciling the same member's stays at once would each miss the other's row.
    Member.objects.select_for_update().filter(pk=member.pk).exists()


def record_by_jst(
    member: Member, stay: Stay, revisit: Revisit | None = None
) -> tuple[Revisit, Outcome]:
    """Record (or, with ``revisit``, change) a stay as JST's; a member's declaration of the
    same stay becomes this row, confirmed by both. Recording the same stay again updates it."""
    with transaction.atomic():
        _lock(member)
        matches = list(_matches(member, stay, revisit))
        outcome = Outcome.UPDATED
        found = revisit is None
        if revisit is None:
            # A stay JST recorded before (an import run twice) wins over a declaration.
            ordered = sorted(matches, key=lambda row: not row.recorded_by_jst)
            revisit = ordered[0] if ordered else Revisit(member=member, source=RevisitSource.JST)
            outcome = Outcome.CREATED
            if revisit.pk:
                matches.remove(revisit)
                outcome = Outcome.UPDATED if revisit.recorded_by_jst else Outcome.CONFIRMED
        elif not revisit.recorded_by_jst:
            outcome = Outcome.CONFIRMED
        declarations = [row for row in matches if row.source == RevisitSource.MEMBER]
        before = {name: getattr(revisit, name) for name in STAY_FIELDS}
        for name, value in stay.values().items():
            setattr(revisit, name, value)
        declared = revisit.declared_by_member or bool(declarations)
        source = RevisitSource.BOTH if declared else RevisitSource.JST
        if declarations:
            outcome = Outcome.CONFIRMED
            revisit.recorded_at = min(
                [revisit.recorded_at, *(row.recorded_at for row in declarations)]
            )
        if (
            found
            and outcome == Outcome.UPDATED
            and revisit.source == source
            and before == {name: getattr(revisit, name) for name in STAY_FIELDS}
        ):
            return revisit, Outcome.UNCHANGED
        revisit.source = source
        revisit.save()
        for row in declarations:
            row.delete()
        return revisit, outcome


def declare(member: Member, stay: Stay, revisit: Revisit | None = None) -> tuple[Revisit, Outcome]:
    """The member declares (or, with ``revisit``, changes their declaration of) a stay; a
    stay JST recorded already is confirmed instead, keeping JST's values."""
    with transaction.atomic():
        _lock(member)
        recorded = _matches(member, stay, revisit).recorded_by_jst().first()
        if recorded is not None:
            if revisit is not None and revisit.pk:
                recorded.recorded_at = min(recorded.recorded_at, revisit.recorded_at)
                revisit.delete()
            outcome = Outcome.UNCHANGED
            if recorded.source != RevisitSource.BOTH:
                recorded.source, outcome = RevisitSource.BOTH, Outcome.CONFIRMED
            recorded.save(update_fields=["source", "recorded_at"])
            return recorded, outcome
        outcome = Outcome.UPDATED if revisit is not None and revisit.pk else Outcome.CREATED
        revisit = revisit or Revisit(member=member)
        for name, value in stay.values().items():
            if name != "source_note":  # staff only
                setattr(revisit, name, value)
        revisit.source = RevisitSource.MEMBER
        revisit.save()
        return revisit, outcome


def withdraw_declaration(revisit: Revisit) -> None:
    """The member takes back their declaration; a stay JST recorded stays, as JST's alone."""
    if revisit.source == RevisitSource.JST:
        raise ValueError("A re-visit recorded by JST is not the member's to delete.")
    if revisit.source == RevisitSource.BOTH:
        revisit.source = RevisitSource.JST
        revisit.save(update_fields=["source"])
    else:
        revisit.delete()


def withdraw_jst_record(revisit: Revisit) -> None:
    """JST removes its record; a stay the member declared stays, as their declaration alone."""
    if revisit.source == RevisitSource.BOTH:
        revisit.source = RevisitSource.MEMBER
        revisit.source_note = ""
        revisit.save(update_fields=["source", "source_note"])
    else:
        revisit.delete()
