"""Follow-up survey waves ("Have you come back to Japan?"), their invitations and answers."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from club.bilingual import pick
from club.members.programmes import Programme


class Wave(ClusterableModel):
    """One round of the follow-up survey: who is asked, when, and which extra questions."""

    title = models.CharField(_("title"), max_length=200)
    title_ja = models.CharField(_("title in Japanese"), max_length=200, blank=True)
    # The audience. Empty means "any": a wave with no filter asks every alumnus.
    cohort_from = models.PositiveSmallIntegerField(
        _("cohorts from (fiscal year)"), null=True, blank=True
    )
    cohort_to = models.PositiveSmallIntegerField(
        _("cohorts to (fiscal year)"), null=True, blank=True
    )
    countries = CountryField(_("countries (nationality)"), multiple=True, blank=True)
    programmes = models.JSONField(_("programmes"), default=list, blank=True)
    chapters = ParentalManyToManyField(
        "members.Chapter", verbose_name=_("chapters"), blank=True, related_name="+"
    )
    skip_answered_months = models.PositiveSmallIntegerField(
        _("skip those who answered a wave within (months)"),
        default=12,
        help_text=_("0 asks everyone again."),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("Answer links stop working at the end of this day.")
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("remind after (days)"),
        default=14,
        help_text=_("Those who have not answered this many days after the invitation."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        permissions = [
            # A JST staff capability (club.members.roles.RUN_SURVEYS).
            ("run_surveys", _("Can define and send follow-up survey waves (JST staff)")),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("A wave cannot close before it opens.")
        if self.cohort_from and self.cohort_to and self.cohort_to < self.cohort_from:
            errors["cohort_to"] = _("The last cohort cannot come before the first.")
        unknown = set(self.programmes or []) - set(Programme.values)
        if unknown:
            errors["programmes"] = _("Unknown programme.")
        if errors:
            raise ValidationError(errors)

    @property
    def localized_title(self) -> str:
        return pick(self.title, self.title_ja)

    def title_in(self, language: str) -> str:
        """The title in ``language`` (for mails, written away from any request)."""
        return self.title_ja if language.startswith("ja") and self.title_ja else self.title

    @property
    def opens_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.opens_on, time.min))

    @property
    def closes_at(self) -> datetime:
        """The end of the closing day, in the site's time zone: links expire then."""
        return timezone.make_aware(datetime.combine(self.closes_on + timedelta(days=1), time.min))

    def is_open(self, now: datetime | None = None) -> bool:
        moment = now or timezone.now()
        return self.opens_at <= moment < self.closes_at

    def programme_labels(self) -> list[str]:
        return [str(Programme(code).label) for code in self.programmes or []]


class ExtraQuestion(Orderable):
    """A free-text question a wave asks besides the core ones."""

    wave = ParentalKey(Wave, on_delete=models.CASCADE, related_name="extra_questions")
    text = models.CharField(_("question"), max_length=300)
    text_ja = models.CharField(_("question in Japanese"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")

    def __str__(self) -> str:
        return self.text

    @property
    def localized_text(self) -> str:
        return pick(self.text, self.text_ja)


class InvitationState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    ANSWERED = "answered", _("Answered")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


def _new_key() -> str:
    return secrets.token_urlsafe(12)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open_for(self, member_id: int, today: date) -> InvitationQuerySet:
        """The member's invitations to waves open today that they have not answered."""
        return self.filter(
            member_id=member_id,
            wave__opens_on__lte=today,
            wave__closes_on__gte=today,
            state__in=[InvitationState.QUEUED, InvitationState.SENT],
        )


class Invitation(models.Model):
    """One alumnus asked in one wave, and what became of it."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="survey_invitations"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=InvitationState.choices, default=InvitationState.QUEUED
    )
    # Part of every token: a new key revokes the links already sent.
    key = models.CharField(max_length=20, default=_new_key, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    failure = models.CharField(_("failure"), max_length=300, blank=True)
    # Set when the reminder is claimed for sending, so that it goes at most once.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["wave", "member"], name="one_invitation_per_wave")
        ]
        indexes = [
            models.Index(fields=["wave", "state"]),
            models.Index(fields=["member", "state", "answered_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.wave} → {self.member_id} ({self.state})"


class Answer(models.Model):
    """What one invited alumnus submitted, and the records it made (kept on a second submit)."""

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="answer")
    submitted_at = models.DateTimeField(_("first submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("last submitted"), auto_now=True)
    country = CountryField(_("country of residence"), blank=True)
    position = models.CharField(_("current position"), max_length=150, blank=True)
    organisation = models.CharField(_("current organisation"), max_length=200, blank=True)
    # {"<ExtraQuestion pk>": "answer"}, and the re-visits as submitted.
    extra = models.JSONField(_("extra answers"), default=dict, blank=True)
    submitted = models.JSONField(_("as submitted"), default=dict, blank=True)
    revisits = models.ManyToManyField(
        "members.Revisit", verbose_name=_("re-visits"), blank=True, related_name="survey_answers"
    )
    career_entry = models.ForeignKey(
        "members.CareerEntry",
        verbose_name=_("career entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self) -> str:
        return f"{self.invitation} ({self.submitted_at:%Y-%m-%d})"
