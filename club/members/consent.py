"""Recording consent and profile confirmations: the one writer of both histories."""

from __future__ import annotations

from datetime import datetime

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
