"""One-time invitations that let an imported alumnus claim their account."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from club.members.models import Member

INVITATION_LIFETIME = timedelta(days=14)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self) -> InvitationQuerySet:
        """Unused, unexpired, and for an account nobody can sign in to yet.

        Once an account has a password and is active, a leftover link must not replace
        that password and the names (a forwarded or old e-mail would take the account over).
        """
        signed_up = Q(member__user__is_active=True) & ~Q(
            member__user__password__startswith=UNUSABLE_PASSWORD_PREFIX
        )
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now()).exclude(signed_up)

    def for_token(self, token: str) -> Invitation | None:
        """The usable invitation for a raw token from a link, if any."""
        if not token or len(token) > 100:
            return None
        return (
            self.usable()
            .select_related("member__user")
            .filter(token_hash=hash_token(token))
            .first()
        )


class Invitation(models.Model):
    """A claim link sent to an imported member. Only the token's hash is stored."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("sent to"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")

    def __str__(self) -> str:
        return self.email

    @classmethod
    def issue(cls, member: Member, email: str) -> tuple[Invitation, str]:
        """Create an invitation; returns it with the raw token, which is never stored."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            member=member,
            email=email,
            token_hash=hash_token(token),
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        return invitation, token

    def mark_used(self) -> None:
        self.used_at = timezone.now()
        self.save(update_fields=["used_at"])
