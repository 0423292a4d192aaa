"""Recording consent and profile confirmations: the one writer of both histories."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from club.members.models import (
    ConfirmationKind,
    ConsentRecord,
    ConsentSource,
    Member,
    ProfileConfirmation,
    Purpose,
)
from club.members.models.consent import UNASKED_DEFAULTS, policy_version

# A profile not confirmed for this long is asked "is this still true?" (issue 14, section 4).
CONFIRMATION_MAX_AGE = timedelta(days=365)


def current_consent(member: Member, purpose: Purpose) -> bool:
    """The member's answer for ``purpose`` now; the unasked default if never asked."""
    answer: bool | None = getattr(member, f"consent_{purpose}")
    return UNASKED_DEFAULTS[purpose] if answer is None else answer


@transaction.atomic
def record_consent(
    member: Member, purpose: Purpose, given: bool, source: ConsentSource
) -> ConsentRecord:
    """Record one consent given or withdrawn, and make it the member's current answer.

    The Member row is saved through the ORM, so its derived rows (the directory entry, the
    search index) follow in the same transaction: withdrawal takes effect at once.
    """
    record = ConsentRecord.objects.create(
        member=member,
        purpose=purpose,
        given=given,
        source=source,
        policy_version=policy_version(),
    )
    field = f"consent_{purpose}"
    if getattr(member, field) is not given:
        setattr(member, field, given)
        member.save(update_fields=[field, "updated_at"])
    return record


@transaction.atomic
def record_consents(
    member: Member, answers: Mapping[str, bool], source: ConsentSource
) -> list[ConsentRecord]:
    """Record several answers given at once (a form), as one record each and one save.

    Registration and the claim form ask every purpose together; one Member save keeps the
    derived rows (directory entry, search index) to a single rebuild.
    """
    version, now = policy_version(), timezone.now()
    records = ConsentRecord.objects.bulk_create(
        ConsentRecord(
            member=member,
            purpose=Purpose(purpose),
            given=given,
            source=source,
            policy_version=version,
            recorded_at=now,
        )
        for purpose, given in answers.items()
    )
    changed = []
    for purpose, given in answers.items():
        field = f"consent_{Purpose(purpose)}"
        if getattr(member, field) is not given:
            setattr(member, field, given)
            changed.append(field)
    if changed:
        member.save(update_fields=[*changed, "updated_at"])
    return records


def consent_history(member: Member) -> list[ConsentRecord]:
    """Every consent the member gave or withdrew, newest first."""
    return list(ConsentRecord.objects.filter(member=member))


def confirmation_due(member: Member, now: datetime | None = None) -> bool:
    """Whether the member should be asked "is this still true?": never confirmed, or
    last confirmed over 12 months ago. Reads only the member row (no query)."""
    confirmed = member.profile_confirmed_at
    return confirmed is None or confirmed < (now or timezone.now()) - CONFIRMATION_MAX_AGE


def confirm_profile(
    member: Member, kind: ConfirmationKind, when: datetime | None = None
) -> ProfileConfirmation:
    """The member says their profile is current: keep the moment, and the latest on the row."""
    moment = when or timezone.now()
    confirmation = ProfileConfirmation.objects.create(member=member, kind=kind, confirmed_at=moment)
    # update() and not save(): confirming changes nothing anyone sees, so no derived row
    # or cached page needs rebuilding.
    Member.objects.filter(pk=member.pk).update(profile_confirmed_at=moment)
    member.profile_confirmed_at = moment
    return confirmation
