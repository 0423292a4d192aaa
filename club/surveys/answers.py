"""What an invited person sends back: an answer, which becomes records, or an unsubscribe.

An answer becomes declared re-visits, a career entry and the profile's country.

Submitting the same answer twice changes nothing the second time: a re-visit or position
that is already on the profile is linked, not copied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from club.members.consent import confirm_profile, record_consent
from club.members.forms.profile import stay_of
from club.members.models import (
    CareerEntry,
    ConfirmationKind,
    ConsentSource,
    Member,
    Purpose,
    Revisit,
)
from club.members.revisits import declare
from club.surveys.forms import AnswerForm, PositionForm
from club.surveys.models import Answer, Invitation, InvitationState

if TYPE_CHECKING:
    from django.forms.models import BaseInlineFormSet

    from club.surveys.forms import SurveyRevisitForm

    RevisitFormSet = BaseInlineFormSet[Revisit, Member, SurveyRevisitForm]


def _same_revisit(member: Member, candidate: Revisit) -> Revisit | None:
    return Revisit.objects.filter(
        member=member,
        kind=candidate.kind,
        institution=candidate.institution,
        start_date=candidate.start_date,
    ).first()


def _record_revisits(member: Member, revisits: RevisitFormSet) -> list[Revisit]:
    recorded = []
    for form in revisits.forms:
        if not form.has_changed() or not form.cleaned_data:
            continue
        candidate: Revisit = form.save(commit=False)
        existing = _same_revisit(member, candidate)
        if existing is None:
            # The one reconciliation rule: a stay JST recorded already becomes one re-visit
            # confirmed by both, never a second row (club/members/revisits.py).
            existing, _outcome = declare(member, stay_of(form.cleaned_data))
        recorded.append(existing)
    return recorded


def _record_position(member: Member, form: PositionForm) -> CareerEntry | None:
    if not form.answered:
        return None
    data = form.cleaned_data
    entry = CareerEntry.objects.filter(
        member=member,
        position=data["position"],
        organisation=data["organisation"],
        start_date=data["start_date"],
    ).first()
    if entry is None:
        # The new position is the current one; earlier "current" ones are not any more.
        member.careers.filter(is_current=True).update(is_current=False)
        entry = CareerEntry.objects.create(
            member=member,
            position=data["position"],
            organisation=data["organisation"],
            start_date=data["start_date"],
            country=member.country,
            is_current=True,
        )
    return entry


def _submitted(
    answer: AnswerForm, position: PositionForm, revisits: list[Revisit]
) -> dict[str, Any]:
    return {
        "country": answer.cleaned_data.get("country") or "",
        "position": position.cleaned_data.get("position") or "",
        "organisation": position.cleaned_data.get("organisation") or "",
        "position_since": str(position.cleaned_data.get("start_date") or ""),
        "revisits": [revisit.as_dict() for revisit in revisits],
    }


@transaction.atomic
def record_answer(
    invitation: Invitation,
    answer_form: AnswerForm,
    position_form: PositionForm,
    revisit_formset: RevisitFormSet,
) -> Answer:
    """Write a valid answer (all three forms validated) and count it as a confirmation."""
    # Locks the invitation: two submissions at once are recorded one after the other.
    invitation = (
        Invitation.objects.select_for_update().select_related("member").get(pk=invitation.pk)
    )
    member = invitation.member
    revisits = _record_revisits(member, revisit_formset)
    career = _record_position(member, position_form)
    country = answer_form.cleaned_data.get("country") or ""
    profile_changes = []
    if country and country != member.country:
        member.country = country
        profile_changes.append("country")
    if career is not None:
        for field in ("position", "organisation"):
            if getattr(member, field) != getattr(career, field):
                setattr(member, field, getattr(career, field))
                profile_changes.append(field)
    if profile_changes:
        member.save(update_fields=[*profile_changes, "updated_at"])

    answer, created = Answer.objects.get_or_create(invitation=invitation)
    submitted = _submitted(answer_form, position_form, revisits)
    changed = (
        created or submitted != answer.submitted or answer_form.extra_answers() != answer.extra
    )
    answer.country = country
    answer.position = career.position if career else ""
    answer.organisation = career.organisation if career else ""
    answer.extra = answer_form.extra_answers()
    answer.submitted = submitted
    if career is not None:
        answer.career_entry = career
    answer.save()
    answer.revisits.add(*revisits)

    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        state=InvitationState.ANSWERED, answered_at=invitation.answered_at or now
    )
    if changed:  # the same answer sent again is not a second confirmation
        confirm_profile(member, ConfirmationKind.SURVEY, now)
    return answer


@transaction.atomic
def confirm_unchanged(invitation: Invitation) -> None:
    """The e-mail's "still true": nothing changed since what we know, which answers the wave.

    Recorded as an answer with nothing new, so the wave counts it and sends no reminder; a
    second click is not a second confirmation.
    """
    invitation = (
        Invitation.objects.select_for_update().select_related("member").get(pk=invitation.pk)
    )
    answer, created = Answer.objects.get_or_create(
        invitation=invitation, defaults={"submitted": {"unchanged": True}}
    )
    if not created:
        return
    now = timezone.now()
    Invitation.objects.filter(pk=invitation.pk).update(
        state=InvitationState.ANSWERED, answered_at=invitation.answered_at or now
    )
    confirm_profile(invitation.member, ConfirmationKind.STILL_TRUE, now)


@transaction.atomic
def withdraw(invitation: Invitation) -> None:
    """Record the withdrawal (once) and mark the invitation, unless already answered."""
    member = invitation.member
    if member.consent_surveys is not False:
        record_consent(member, Purpose.SURVEYS, False, ConsentSource.UNSUBSCRIBE)
    Invitation.objects.filter(pk=invitation.pk).exclude(state=InvitationState.ANSWERED).update(
        state=InvitationState.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
