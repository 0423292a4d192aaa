"""What the outcome figures mean: the written definitions and the SQL that implements them.

Everything that decides who is an alumnus, which participation is the first, what counts
as a re-visit and how months are counted lives here; the queries only group and count.
The texts are shown on the dashboard, written into every export and mirrored in
docs/outcomes.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Exists,
    Expression,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import GreaterThan
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from club.members.models import MemberStatus, Participation, Revisit
from club.outcomes.suppression import THRESHOLD

# Pending self-registrations are not yet confirmed as alumni; anonymised (deleted)
# accounts keep their participations and re-visits precisely so they count here.
COUNTED_STATUSES = (MemberStatus.ACTIVE, MemberStatus.ANONYMISED)


@dataclass(frozen=True)
class Definition:
    """One defined term, as shown on the dashboard and in exports."""

    term: Promise
    text: str | Promise  # str once filled in with a number, which translates it at once

    def __str__(self) -> str:
        return f"{self.term}: {self.text}"


def definitions(coverage_years: int | None = None) -> list[Definition]:
    """The definitions, in reading order (translated into the active language)."""
    coverage_years = coverage_years or int(settings.OUTCOMES_COVERAGE_YEARS)
    return [
        Definition(
            _("Alumni"),
            _(
                "Members with at least one Sakura Science participation whose account is active"
                " or was deleted (anonymised). Self-registrations awaiting approval are not"
                " counted."
            ),
        ),
        Definition(
            _("Cohort"),
            _(
                "The Japanese fiscal year (April to March) of an alumnus's first participation,"
                " the one that started first (the one recorded first if two start on the same"
                " day). An alumnus with several participations counts once, in that cohort, with"
                " the programme and host institution of that first participation."
            ),
        ),
        Definition(
            _("Re-visit"),
            _(
                "A re-visit record whose start date is after the end date of the first"
                " participation. Every kind counts (degree or exchange student, researcher or"
                " postdoc, faculty, employee, other), whether declared by the member or recorded"
                " by JST, and whether it has ended or is ongoing. A re-visit that starts on or"
                " before the last day of the first participation is not counted."
            ),
        ),
        Definition(
            _("Known status"),
            _(
                "An alumnus whose re-visit status is known: they have a re-visit on record"
                " (declared or recorded by JST), or they confirmed their profile (by saving it,"
                " by saying it is still true, or by answering a survey) within the %(years)s"
                " years before the figures' date. Someone who has not re-visited and has not"
                " confirmed their profile for longer is not known to have stayed away."
            )
            % {"years": coverage_years},
        ),
        Definition(
            _("Coverage"),
            _("Alumni with a known status, divided by the alumni in the group."),
        ),
        Definition(
            _("Re-visit rate (all alumni)"),
            _(
                "Alumni with at least one re-visit, divided by all the alumni in the group. A"
                " lower bound: alumni whose status is unknown count as not re-visited."
            ),
        ),
        Definition(
            _("Re-visit rate (known status)"),
            _(
                "Alumni with at least one re-visit, divided by the alumni in the group with a"
                " known status. Higher than the rate among all alumni; it assumes that those"
                " whose status is unknown re-visit as often as those whose status is known."
            ),
        ),
        Definition(
            _("Figures as of a date"),
            _(
                "Only what the club had on record at the end of that day counts: alumni whose"
                " record existed, re-visits recorded by then (whatever their dates) and profile"
                " confirmations made by then. A figure as of a past day stays the same when"
                " later answers arrive. Without a date, the figures are as of now."
            ),
        ),
        Definition(
            _("Profile freshness"),
            _(
                "Alumni with an account (claimed or registered) who confirmed their profile in"
                " the 12 months before the figures' date, divided by the alumni with an account."
            ),
        ),
        Definition(
            _("Reunion attendance"),
            _(
                "Alumni checked in at the door of at least one club event (a reunion or"
                " meeting), against those never checked in. The months from the first reunion"
                " are counted like the time to re-visit, from the day of the first check-in to"
                " the start of the first re-visit after it; alumni who re-visited only before"
                " their first reunion are left out of that median. An association, not an"
                " effect."
            ),
        ),
        Definition(
            _("Engagement"),
            _(
                "Shares of the alumni in a chapter or cohort who have an account, saved their"
                " profile or answered a survey in the last 12 months, were checked in at any"
                " event, and asked or answered a question in Q&A, all by the figures' date. An"
                " alumnus in two chapters counts in both."
            ),
        ),
        Definition(
            _("Time to re-visit"),
            _(
                "Whole months from the end of the first participation to the start of the first"
                " re-visit: 12 × (difference in years) + (difference in months), minus one when"
                " the re-visit's day of the month is smaller than the end's. The median is taken"
                " over alumni who re-visited (the mean of the two middle values when their number"
                " is even)."
            ),
        ),
        Definition(
            _("Re-visited within N years"),
            _(
                "The share of a cohort whose first re-visit started fewer than 12 × N whole months"
                " after their first participation ended: a plain cumulative share, not a"
                " Kaplan–Meier estimate. A cohort shows year N only once N years have passed"
                " since the end of its fiscal year, so everyone in it has had N years to return."
            ),
        ),
        Definition(
            _("Country"),
            _(
                "The alumnus's nationality as recorded on the profile, not the country of"
                " residence."
            ),
        ),
        Definition(
            _("Chapter"),
            _(
                "Alumni who are currently members of the chapter. Deleted accounts leave their"
                " chapters, so they count in the overall figures but not in a chapter's."
            ),
        ),
        Definition(
            _("Re-visit kind and source"),
            _(
                "Alumni with at least one re-visit of that kind (or source), as a share of all"
                " alumni in the selection. Someone who returned twice in different roles counts"
                " under each, so these rows do not add up to the re-visit total."
            ),
        ),
        Definition(
            _("Small numbers"),
            _(
                "A group of fewer than %(threshold)s people is shown as “<%(threshold)s” in"
                " tables, charts and exports, and so is every count inside it. A rate, share or"
                " median is shown only when the counts behind it are."
            )
            % {"threshold": THRESHOLD},
        ),
    ]


def earlier_participations() -> QuerySet[Participation]:
    """Participations of the outer row's member that come before the outer participation."""
    return Participation.objects.filter(member_id=OuterRef("member_id")).filter(
        Q(start_date__lt=OuterRef("start_date"))
        | Q(start_date=OuterRef("start_date"), pk__lt=OuterRef("pk"))
    )


def first_participations() -> QuerySet[Participation]:
    """Each counted alumnus's first participation: exactly one row per alumnus."""
    return Participation.objects.filter(member__status__in=COUNTED_STATUSES).filter(
        ~Exists(earlier_participations())
    )


def qualifying_revisits(first_end: Expression | OuterRef) -> QuerySet[Revisit]:
    """Re-visits of the outer row's member that count: starting after ``first_end``."""
    return Revisit.objects.filter(member_id=OuterRef("member_id"), start_date__gt=first_end)


def first_revisit_start(first_end: Expression | OuterRef) -> Subquery:
    """Start of the outer row's member's first qualifying re-visit (None if there is none)."""
    return Subquery(qualifying_revisits(first_end).order_by("start_date").values("start_date")[:1])


def whole_months(start: Combinable, end: Combinable) -> Expression:
    """Whole months from ``start`` to ``end`` (dates), the same on SQLite and PostgreSQL.

    12 × (y2 − y1) + (m2 − m1) − (1 if d2 < d1 else 0): 31 January to 28 February is 0,
    15 March to 15 April is 1. Built from EXTRACT only, because date subtraction and
    interval types differ between the two databases.
    """
    year_months = (ExtractYear(end) - ExtractYear(start)) * Value(12)
    months = ExtractMonth(end) - ExtractMonth(start)
    short_month = Case(
        When(GreaterThan(ExtractDay(start), ExtractDay(end)), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return year_months + months - short_month
