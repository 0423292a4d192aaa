"""The "is this still true?" banner's question, answered from the member loaded with the user."""

from __future__ import annotations

from typing import Any

from django import template

from club.members.consent import confirmation_due
from club.members.models import MemberStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def profile_confirmation_due(context: dict[str, Any]) -> bool:
    """Whether the signed-in member should confirm their profile. No query: the sign-in
    backend loads the member with the user, and anonymous visitors are never asked (so
    pages cached for them never carry the banner)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    member = getattr(user, "member", None)
    return member is not None and member.status == MemberStatus.ACTIVE and confirmation_due(member)
