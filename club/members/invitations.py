"""Sending claim invitations to imported alumni."""

from __future__ import annotations

from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import translation

from club import mail
from club.members.models import Invitation, Member
from club.public_urls import absolute


def send_invitation(
    member: Member, connection: BaseEmailBackend | None = None
) -> Invitation | None:
    """Email ``member`` a one-time link to claim their account; None without an address.

    Earlier unused invitations stop working: only the newest link is valid. Bulk senders
    pass one open ``connection`` for all their emails.
    """
    email = mail.member_address(member)
    if not email:
        return None
    member.invitations.filter(used_at__isnull=True).delete()
    invitation, token = Invitation.issue(member, email)
    with translation.override(member.preferred_language):
        link = absolute(reverse("members:claim", kwargs={"token": token}))
    context = {"member": member, "link": link, "expires_at": invitation.expires_at}
    mail.send(
        "members/email/invitation",
        context,
        [email],
        member.preferred_language,
        connection=connection,
    )
    return invitation
