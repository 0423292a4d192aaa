"""Who a wave asks: the one place the audience rules live (preview, send and tests use it)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from club.members.models import ChapterMembership, Member, Participation, Purpose
from club.members.models.profiles import MemberQuerySet
from club.surveys.models import Invitation, InvitationState, Wave

DAYS_PER_MONTH = 30.44


class EmptyAudience(Exception):  # noqa: N818 (a condition people read, not a bug)
    """The wave's filters leave nobody to ask: nothing is sent."""

    message = _("Nobody matches this wave's audience. Widen the filters before sending.")


def audience(wave: Wave, now: datetime | None = None) -> MemberQuerySet:
    """Listed alumni with an address whom the wave's filters select.

    Those who withdrew consent for surveys are always left out, and so are those who
    answered any wave within ``skip_answered_months``.
    """
    members = (
        Member.objects.listed()
        .consenting(Purpose.SURVEYS)
        .filter(Q(user__email__gt="") | Q(contact_email__gt=""))
    )
    participations = Participation.objects.filter(member=OuterRef("pk"))
    if wave.cohort_from:
        participations = participations.filter(fiscal_year__gte=wave.cohort_from)
    if wave.cohort_to:
        participations = participations.filter(fiscal_year__lte=wave.cohort_to)
    if wave.programmes:
        participations = participations.filter(programme__in=wave.programmes)
    if wave.cohort_from or wave.cohort_to or wave.programmes:
        members = members.filter(Exists(participations))
    if wave.countries:
        members = members.filter(nationality__in=[country.code for country in wave.countries])
    chapter_ids = [chapter.pk for chapter in wave.chapters.all()]
    if chapter_ids:
        memberships = ChapterMembership.objects.filter(
            member=OuterRef("pk"), chapter_id__in=chapter_ids
        )
        members = members.filter(Exists(memberships))
    if wave.skip_answered_months:
        since = (now or timezone.now()) - timedelta(days=wave.skip_answered_months * DAYS_PER_MONTH)
        recent = Invitation.objects.filter(
            member=OuterRef("pk"), state=InvitationState.ANSWERED, answered_at__gte=since
        )
        if wave.pk:
            recent = recent.exclude(wave_id=wave.pk)
        members = members.exclude(Exists(recent))
    return members


def audience_size(wave: Wave) -> int:
    return audience(wave).count()
