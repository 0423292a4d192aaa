"""What is left of an alumnus who deleted their membership: keyed hashes, nothing readable.

JST's roster still lists everyone who ever took part. Without a trace, the next import
of that roster would bring a deleted member straight back. A keyed hash of their roster
ID and email lets the import recognise and skip them, but cannot be turned back into
either (a plain hash of a short roster ID could, by trying every ID).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

SALT = "club.members.erased-identity"


def _identities(roster_id: str | None, emails: Iterable[str | None]) -> list[str]:
    identities = [f"roster:{roster_id.strip()}"] if roster_id and roster_id.strip() else []
    identities += [f"email:{email.strip().lower()}" for email in emails if email and email.strip()]
    return identities


def _digest(identity: str, secret: str) -> str:
    return salted_hmac(SALT, identity, secret=secret, algorithm="sha256").hexdigest()


class ErasedIdentityQuerySet(models.QuerySet["ErasedIdentity"]):
    def remember(self, roster_id: str | None, emails: Iterable[str | None]) -> None:
        """Keep the hashes of a deleted member's roster ID and email addresses."""
        digests = [_digest(i, settings.SECRET_KEY) for i in _identities(roster_id, emails)]
        self.bulk_create([ErasedIdentity(digest=d) for d in digests], ignore_conflicts=True)

    def erased(self, people: dict[int, tuple[str | None, list[str | None]]]) -> set[int]:
        """Which of these (roster ID, emails), by key, belonged to a deleted member.

        One query for a whole chunk of roster rows.
        """
        # Hashes made before a SECRET_KEY rotation still match through the fallbacks.
        secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        owners: dict[str, int] = {}
        for key, (roster_id, emails) in people.items():
            for identity in _identities(roster_id, emails):
                owners.update({_digest(identity, secret): key for secret in secrets})
        found = self.filter(digest__in=list(owners)).values_list("digest", flat=True)
        return {owners[digest] for digest in found}


class ErasedIdentity(models.Model):
    """A keyed hash of one roster ID or email address of a deleted member."""

    digest = models.CharField(max_length=64, unique=True)
    erased_at = models.DateTimeField(auto_now_add=True)

    objects = ErasedIdentityQuerySet.as_manager()

    class Meta:
        verbose_name = _("erased identity")
        verbose_name_plural = _("erased identities")

    def __str__(self) -> str:
        return self.digest[:12]
