"""What a member did: Sakura Science participations, re-visits to Japan, careers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from club.members.programmes import Programme


def _check_dates(start: date | None, end: date | None, end_field: str = "end_date") -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end date cannot be before the start date.")})


class Participation(models.Model):
    """One Sakura Science programme a member took part in."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="participations"
    )
    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), help_text=_("Japanese fiscal year, April to March (e.g. 2019).")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    sending_institution = models.ForeignKey(
        "members.Institution",
        verbose_name=_("sending institution (home country)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_participations",
    )
    host_institution = models.ForeignKey(
        "members.Institution",
        verbose_name=_("host institution in Japan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_participations",
    )

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("programme participation")
        verbose_name_plural = _("programme participations")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "programme", "start_date"], name="one_participation_per_start"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="participation_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["programme", "fiscal_year"]),
            models.Index(fields=["member", "start_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_programme_display()} ({self.fiscal_year})"

    def clean(self) -> None:
        _check_dates(self.start_date, self.end_date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "programme": self.programme,
            "programme_label": str(self.get_programme_display()),
            "fiscal_year": self.fiscal_year,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(),
            "sending_institution": self.sending_institution and self.sending_institution.name,
            "host_institution": self.host_institution and self.host_institution.name,
        }


class RevisitKind(models.TextChoices):
    DEGREE = "degree", _("Degree student (master's or doctoral)")
    EXCHANGE = "exchange", _("Exchange student")
    RESEARCHER = "researcher", _("Researcher or postdoc")
    FACULTY = "faculty", _("Faculty")
    EMPLOYEE = "employee", _("Employee")
    OTHER = "other", _("Other")


class Funding(models.TextChoices):
    MEXT = "mext", _("MEXT scholarship")
    JSPS = "jsps", _("JSPS")
    EMPLOYER = "employer", _("Employer")
    SELF = "self", _("Self-funded")
    OTHER = "other", _("Other")


class RevisitSource(models.TextChoices):
    """Who vouches for a re-visit: one stay is one row, whoever told us first (see
    club/members/revisits.py, which alone moves a row between these)."""

    MEMBER = "member", _("Declared by the member")
    JST = "jst", _("Recorded by JST")
    BOTH = "both", _("Recorded by JST and declared by the member")


# Sources in which JST vouches for the stay, and those in which the member does.
JST_SOURCES = (RevisitSource.JST, RevisitSource.BOTH)
MEMBER_SOURCES = (RevisitSource.MEMBER, RevisitSource.BOTH)
# A re-visit may be known before it starts (a scholarship awarded for next April), but not
# years ahead; and no stay lasts decades from now.
MAX_START_AHEAD = timedelta(days=366)
MAX_END_AHEAD = timedelta(days=10 * 366)


def first_programme_end(member_id: int | None) -> date | None:
    """When the member's first Sakura Science programme ended: re-visits begin after it."""
    if member_id is None:
        return None
    return (
        Participation.objects.filter(member_id=member_id)
        .order_by("end_date")
        .values_list("end_date", flat=True)
        .first()
    )


def far_future_problems(start: date | None, end: date | None) -> dict[str, Any]:
    """Messages for dates too far ahead to be a real re-visit, by field."""
    today = timezone.localdate()
    problems: dict[str, Any] = {}
    if start and start > today + MAX_START_AHEAD:
        problems["start_date"] = _(
            "%(date)s is too far in the future: a re-visit can be recorded at most a year"
            " before it starts."
        ) % {"date": start.isoformat()}
    if end and end > today + MAX_END_AHEAD:
        problems["end_date"] = _(
            "%(date)s is too far in the future; leave the end date empty if it is not known."
        ) % {"date": end.isoformat()}
    return problems


class RevisitQuerySet(models.QuerySet["Revisit"]):
    def recorded_by_jst(self) -> RevisitQuerySet:
        return self.filter(source__in=JST_SOURCES)

    def declared_by_member(self) -> RevisitQuerySet:
        return self.filter(source__in=MEMBER_SOURCES)


class Revisit(models.Model):
    """A return to Japan after the programme, as a student, researcher or employee."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="revisits")
    kind = models.CharField(_("kind"), max_length=12, choices=RevisitKind.choices)
    institution = models.ForeignKey(
        "members.Institution",
        verbose_name=_("institution in Japan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisits",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty if ongoing.")
    )
    funding = models.CharField(_("funding"), max_length=10, choices=Funding.choices, blank=True)
    source = models.CharField(
        _("source"), max_length=8, choices=RevisitSource.choices, default=RevisitSource.MEMBER
    )
    source_note = models.TextField(
        _("source note"),
        blank=True,
        max_length=1000,
        help_text=_("Where JST learnt of this re-visit, e.g. “MEXT list 2024” (staff only)."),
    )
    # When the club learnt of it, whatever its dates: figures "as of" a day count only
    # re-visits recorded by then, so they stay reproducible after later answers arrive.
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    objects = RevisitQuerySet.as_manager()

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("re-visit to Japan")
        verbose_name_plural = _("re-visits to Japan")
        indexes = [models.Index(fields=["member", "start_date"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.start_date:%Y})"

    @property
    def is_ongoing(self) -> bool:
        return self.end_date is None

    @property
    def recorded_by_jst(self) -> bool:
        return self.source in JST_SOURCES

    @property
    def declared_by_member(self) -> bool:
        return self.source in MEMBER_SOURCES

    def clean(self) -> None:
        _check_dates(self.start_date, self.end_date)
        if problems := far_future_problems(self.start_date, self.end_date):
            raise ValidationError(problems)
        if self.start_date and self.member_id:
            first_end = first_programme_end(self.member_id)
            if first_end and self.start_date <= first_end:
                raise ValidationError(
                    {
                        "start_date": _(
                            "A re-visit must begin after your first Sakura Science programme"
                            " ended (%(date)s)."
                        )
                        % {"date": first_end.isoformat()}
                    }
                )

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kind_label": str(self.get_kind_display()),
            "institution": self.institution and self.institution.name,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "funding": self.funding,
            "source": self.source,
        }


class CareerEntry(models.Model):
    """A position a member held."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="careers")
    position = models.CharField(_("position"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_current = models.BooleanField(_("current position"), default=False)

    class Meta:
        ordering = ["-is_current", "-start_date"]
        verbose_name = _("career entry")
        verbose_name_plural = _("career entries")

    def __str__(self) -> str:
        return f"{self.position}, {self.organisation}"

    def clean(self) -> None:
        _check_dates(self.start_date, self.end_date)
        if self.is_current and self.end_date:
            raise ValidationError({"end_date": _("A current position has no end date.")})

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "organisation": self.organisation,
            "country": self.country.code or None,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "is_current": self.is_current,
        }
