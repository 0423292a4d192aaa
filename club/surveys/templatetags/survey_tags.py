"""The account area's list of surveys waiting for the signed-in member."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils import timezone

from club.members.models import Member
from club.surveys.models import Invitation
from club.surveys.tokens import answer_token

register = template.Library()


@dataclass(frozen=True)
class OpenSurvey:
    title: str
    closes_on: object
    url: str


@register.simple_tag
def open_surveys(member: Member) -> list[OpenSurvey]:
    """``{% open_surveys member as surveys %}``: open, unanswered waves with their links."""
    invitations = (
        Invitation.objects.open_for(member.pk, timezone.localdate())
        .select_related("wave")
        .order_by("wave__closes_on")
    )
    return [
        OpenSurvey(
            invitation.wave.localized_title,
            invitation.wave.closes_on,
            reverse("surveys:answer", kwargs={"token": answer_token(invitation)}),
        )
        for invitation in invitations
    ]
