"""Consent per use, and "is this still true?" confirmations: both are kept as history.

Each consent a member gives or withdraws is one ConsentRecord; the member's current answer is
also kept on the Member row (``consent_<purpose>``), so the directory, the survey sender and the
exports filter on a column instead of finding each member's latest record. Both are written
together by ``club.members.consent.record_consent``, never separately.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    DIRECTORY = "directory", _("Being listed in the alumni directory")
    SURVEYS = "surveys", _("Being contacted for follow-up surveys")
    NEWSLETTERS = "newsletters", _("Receiving newsletters and digests")
    RESEARCH = "research", _("Inclusion of my individual record in research exports")


class ConsentSource(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    CLAIM = "claim", _("Claiming an invitation")
    SETTINGS = "settings", _("Consent settings page")
    SURVEY = "survey", _("Survey")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribe link in an e-mail")
    STAFF = "staff", _("Recorded by JST staff")


class ConsentRecord(models.Model):
    """One consent given or withdrawn: what for, when, under which policy, and where."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="consent_records"
    )
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)
    given = models.BooleanField(_("given"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    policy_version = models.CharField(_("privacy policy version"), max_length=20)
    source = models.CharField(_("where"), max_length=12, choices=ConsentSource.choices)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [models.Index(fields=["member", "purpose", "-recorded_at"])]

    def __str__(self) -> str:
        verb = _("given") if self.given else _("withdrawn")
        return f"{self.get_purpose_display()}: {verb} ({self.recorded_at:%Y-%m-%d})"


class ConfirmationKind(models.TextChoices):
    PROFILE_SAVE = "save", _("Saved the profile")
    STILL_TRUE = "still_true", _("Confirmed it is still true")
    SURVEY = "survey", _("Answered a survey")


class ProfileConfirmation(models.Model):
    """A moment the member said their profile (re-visits included) is current.

    Kept as history, not only as ``Member.profile_confirmed_at``, so that freshness and
    coverage "as of" a past date can be computed again later and give the same figure.
    """

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="confirmations"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    kind = models.CharField(_("how"), max_length=12, choices=ConfirmationKind.choices)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("profile confirmation")
        verbose_name_plural = _("profile confirmations")
        indexes = [models.Index(fields=["confirmed_at", "member"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.confirmed_at:%Y-%m-%d})"


# Consent for a purpose when the member has never been asked (alumni imported from JST's
# roster, and accounts made before consent was recorded). JST may ask the alumni it invited
# about their outcome, and the directory listed members by their section privacy before; both
# stop at once on withdrawal. Newsletters and individual research records need a yes.
UNASKED_DEFAULTS: dict[str, bool] = {
    Purpose.DIRECTORY: True,
    Purpose.SURVEYS: True,
    Purpose.NEWSLETTERS: False,
    Purpose.RESEARCH: False,
}


def policy_version() -> str:
    return str(settings.CONSENT_POLICY_VERSION)
