"""Engagement by chapter and by cohort, and its monthly trend, next to the outcome figures.

For the alumni of a selection (a coordinator's selection is their chapter): the share who
claimed an account, updated their profile in the last year, attended an event, and asked or
answered in Q&A. Counted in the database, published with the same suppression as the
re-visit figures. As of a day, only what had happened by then counts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from club.members.models import (
    ChapterMembership,
    ConfirmationKind,
    Member,
    ProfileConfirmation,
)
from club.outcomes import queries
from club.outcomes.disclosure import lone_suppressed_partner, pool_small_groups
from club.outcomes.queries import Selection, years_before
from club.outcomes.reunions import check_ins
from club.outcomes.rows import Column, FigureRow, FigureTable
from club.outcomes.suppression import HIDDEN, THRESHOLD, publish_count, publish_share
from club.qa.models import Answer, Question

# An edit of the profile: saving it or answering a survey ("still true" changes nothing).
UPDATE_KINDS = (ConfirmationKind.PROFILE_SAVE, ConfirmationKind.SURVEY)
MEASURES = ("claimed", "updated", "attended", "qa")
ENGAGEMENT_COLUMNS = (
    Column(_("Alumni"), "alumni", "count"),
    Column(_("Claimed an account"), "claimed", "count"),
    Column(_("Share claimed"), "claimed_share", "share"),
    Column(_("Updated their profile in the last year"), "updated", "count"),
    Column(_("Share updated"), "updated_share", "share"),
    Column(_("Attended an event"), "attended", "count"),
    Column(_("Share attended"), "attended_share", "share"),
    Column(_("Asked or answered in Q&A"), "qa", "count"),
    Column(_("Share in Q&A"), "qa_share", "share"),
)
TREND_MONTHS = 12
TREND_COLUMNS = (
    Column(_("Accounts claimed"), "claimed", "count"),
    Column(_("Profiles updated"), "updated", "count"),
    Column(_("Checked in at an event"), "attended", "count"),
    Column(_("Asked in Q&A"), "asked", "count"),
    Column(_("Answered in Q&A"), "answered", "count"),
)


def _measures(selection: Selection) -> dict[str, Any]:
    """Counts for ``annotate`` on rows with one member each (Alumnus or ChapterMembership)."""
    cutoff = selection.cutoff
    updates = queries.confirmed_members(years_before(cutoff, 1), cutoff, UPDATE_KINDS)
    asked = Question.objects.filter(created_at__lt=cutoff).values("author_id")
    answered = Answer.objects.filter(created_at__lt=cutoff).values("author_id")
    # An account claimed (or registered) by the cutoff.
    accounts = Q(member__user__isnull=False, member__user__date_joined__lt=cutoff)
    attended = check_ins(selection).values("member_id")
    return {
        "alumni": Count("member_id"),
        "claimed": Count("member_id", filter=accounts),
        "updated": Count("member_id", filter=Q(member_id__in=updates)),
        "attended": Count("member_id", filter=Q(member_id__in=attended)),
        "qa": Count("member_id", filter=Q(member_id__in=asked) | Q(member_id__in=answered)),
    }


class Counts(dict[str, int]):
    """Raw counts of one group (alumni and each measure); ``alumni`` for pooling."""

    @property
    def alumni(self) -> int:
        return self["alumni"]


def _counts(row: dict[str, Any]) -> Counts:
    return Counts({name: row[name] for name in ("alumni", *MEASURES)})


def by_chapter(selection: Selection) -> dict[Any, Counts]:
    """Counts per chapter (an alumnus in two chapters counts in each); a chapter selection
    gives that chapter alone, never the other chapters its members belong to."""
    memberships = ChapterMembership.objects.filter(
        member_id__in=queries.alumni(selection).values("member_id")
    )
    if selection.chapter is not None:
        memberships = memberships.filter(chapter=selection.chapter)
    rows = (
        memberships.values("chapter__slug", "chapter__name")
        .annotate(**_measures(selection))
        .order_by("chapter__name")
    )
    return {(row["chapter__slug"], row["chapter__name"]): _counts(row) for row in map(dict, rows)}


def by_cohort(selection: Selection) -> dict[Any, Counts]:
    """Counts per cohort of the selection."""
    rows = (
        queries.alumni(selection)
        .values("cohort")
        .annotate(**_measures(selection))
        .order_by("cohort")
    )
    return {row["cohort"]: _counts(row) for row in map(dict, rows)}


def _publish(key: str, label: str, counts: Counts) -> FigureRow:
    alumni = publish_count(counts["alumni"])
    figures = {"alumni": alumni}
    for name in MEASURES:
        figures[name] = publish_count(counts[name], hidden=alumni.suppressed)
        figures[f"{name}_share"] = publish_share(figures[name], alumni)
    return FigureRow(key, label, figures)


def _protected(groups: dict[Any, Counts], label: Any) -> list[FigureRow]:
    """Small groups pooled as "Other groups", then complementary suppression per measure."""
    listed, pooled = pool_small_groups(groups)
    rows = [_publish(str(key), label(key), counts) for key, counts in listed.items()]
    if pooled:
        pool = Counts(
            {name: sum(groups[k][name] for k in pooled) for name in ("alumni", *MEASURES)}
        )
        other = _("Other groups (each under %(threshold)s alumni)") % {"threshold": THRESHOLD}
        rows.append(_publish("other", str(other), pool))
    for name in MEASURES:
        partner = lone_suppressed_partner([(row.key, row.figures[name]) for row in rows])
        if partner is not None:
            rows = [
                replace(row, figures={**row.figures, name: HIDDEN, f"{name}_share": HIDDEN})
                if row.key == partner
                else row
                for row in rows
            ]
    return rows


def engagement_tables(selection: Selection) -> list[FigureTable]:
    """Engagement by chapter and by cohort, published."""
    note = _(
        "Shares of the alumni in each group. Updated: saved the profile or answered a survey in"
        " the 12 months before the figures' date. Attended: checked in at any club event."
    )
    return [
        FigureTable(
            "engagement-chapter",
            _("Engagement by chapter"),
            _("Chapter"),
            ENGAGEMENT_COLUMNS,
            _protected(by_chapter(selection), lambda key: key[1]),
            note=note,
        ),
        FigureTable(
            "engagement-cohort",
            _("Engagement by cohort"),
            _("Cohort"),
            ENGAGEMENT_COLUMNS,
            _protected(by_cohort(selection), str),
            note=note,
        ),
    ]


def trend_months(cutoff: datetime) -> list[date]:
    """The first days of the TREND_MONTHS months up to the cutoff's, oldest first."""
    last = timezone.localtime(cutoff - timedelta(microseconds=1))
    year, month = last.year, last.month
    months = []
    for _step in range(TREND_MONTHS):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _per_month(
    queryset: QuerySet[Any], moment: str, member: str, since: datetime
) -> dict[tuple[int, int], int]:
    rows = (
        queryset.filter(**{f"{moment}__gte": since})
        .annotate(month=TruncMonth(moment))
        .values("month")
        .annotate(people=Count(member, distinct=True))
        .order_by()
    )
    return {(row["month"].year, row["month"].month): row["people"] for row in rows}


def trend_table(selection: Selection) -> FigureTable:
    """Alumni of the selection active in each of the last 12 months, per kind of activity."""
    cutoff = selection.cutoff
    months = trend_months(cutoff)
    since = timezone.make_aware(datetime.combine(months[0], datetime.min.time()))
    selected = queries.alumni(selection).values("member_id")
    members = Member.objects.filter(
        pk__in=selected, user__isnull=False, user__date_joined__lt=cutoff
    )
    series = {
        "claimed": _per_month(members, "user__date_joined", "pk", since),
        "updated": _per_month(
            ProfileConfirmation.objects.filter(
                member_id__in=selected, kind__in=UPDATE_KINDS, confirmed_at__lt=cutoff
            ),
            "confirmed_at",
            "member_id",
            since,
        ),
        "attended": _per_month(
            check_ins(selection).filter(member_id__in=selected), "checked_in_at", "member_id", since
        ),
        "asked": _per_month(
            Question.objects.filter(author_id__in=selected, created_at__lt=cutoff),
            "created_at",
            "author_id",
            since,
        ),
        "answered": _per_month(
            Answer.objects.filter(author_id__in=selected, created_at__lt=cutoff),
            "created_at",
            "author_id",
            since,
        ),
    }
    rows = [
        FigureRow(
            first.isoformat()[:7],
            date_format(first, "YEAR_MONTH_FORMAT"),
            {
                name: publish_count(counts.get((first.year, first.month), 0))
                for name, counts in series.items()
            },
        )
        for first in months
    ]
    return FigureTable(
        "trends",
        _("Engagement month by month"),
        _("Month"),
        TREND_COLUMNS,
        rows,
        note=_(
            "Alumni of the selection who did each thing in the month (each counted once a"
            " month); the last month runs to the figures' date."
        ),
    )
