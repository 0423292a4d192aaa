"""The wave page's figures: invitation counts, and response rates by country, cohort and
programme with small-number suppression (the outcomes app's rule, not a copy of it)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Participation
from club.members.programmes import Programme
from club.outcomes.suppression import Published, publish_count, publish_group, publish_share
from club.surveys.models import Answer, Invitation, InvitationState, Wave

ANSWERED = Q(state=InvitationState.ANSWERED)


@dataclass(frozen=True)
class ResponseRow:
    label: str
    sent: Published
    answered: Published
    rate: Published


@dataclass(frozen=True)
class WaveFigures:
    invited: int
    queued: int
    sent: int
    failed: int
    answered: int
    unsubscribed: int
    revisits: int
    rate: Published
    by_country: list[ResponseRow]
    by_cohort: list[ResponseRow]
    by_programme: list[ResponseRow]


def _rows(counts: dict[str, list[int]], labels: dict[str, str]) -> list[ResponseRow]:
    rows = []
    for key in sorted(counts, key=lambda k: str(labels.get(k, k))):
        sent, answered = counts[key]
        shown_sent, shown_answered = publish_group(sent, answered)
        rows.append(
            ResponseRow(
                str(labels.get(key, key)),
                shown_sent,
                shown_answered,
                publish_share(shown_answered, shown_sent),
            )
        )
    return rows


def wave_figures(wave: Wave) -> WaveFigures:
    """Counts for the whole wave and the response rate (answered / reached) per group.

    "Reached" is every invitation whose mail went (sent, answered or unsubscribed).
    """
    invitations = Invitation.objects.filter(wave=wave)
    states = dict(
        invitations.order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    first = Participation.objects.filter(member=OuterRef("member_id")).order_by("start_date")
    reached = (
        invitations.filter(sent_at__isnull=False)
        .annotate(
            country=F("member__nationality"),
            cohort=Subquery(first.values("fiscal_year")[:1]),
            programme=Subquery(first.values("programme")[:1]),
        )
        .order_by()
    )
    groups: dict[str, dict[str, list[int]]] = {
        "country": defaultdict(lambda: [0, 0]),
        "cohort": defaultdict(lambda: [0, 0]),
        "programme": defaultdict(lambda: [0, 0]),
    }
    for row in reached.values("country", "cohort", "programme").annotate(
        sent=Count("pk"), answered=Count("pk", filter=ANSWERED)
    ):
        values: dict[str, Any] = dict(row)
        for field, table in groups.items():
            key = str(values[field] or "")
            table[key][0] += row["sent"]
            table[key][1] += row["answered"]
    unknown = str(_("Unknown"))
    country_labels = {code: str(name) for code, name in countries} | {"": unknown}
    programme_labels = {code: str(label) for code, label in Programme.choices} | {"": unknown}
    cohort_labels = {"": unknown}
    total_sent = sum(sent for sent, _answered in groups["country"].values())
    answered = states.get(InvitationState.ANSWERED, 0)
    sent_shown = publish_count(total_sent)
    return WaveFigures(
        invited=sum(states.values()),
        queued=states.get(InvitationState.QUEUED, 0),
        sent=total_sent,
        failed=states.get(InvitationState.FAILED, 0),
        answered=answered,
        unsubscribed=states.get(InvitationState.UNSUBSCRIBED, 0),
        revisits=Answer.revisits.through.objects.filter(answer__invitation__wave=wave).count(),
        rate=publish_share(publish_count(answered, hidden=sent_shown.suppressed), sent_shown),
        by_country=_rows(groups["country"], country_labels),
        by_cohort=_rows(groups["cohort"], cohort_labels),
        by_programme=_rows(groups["programme"], programme_labels),
    )
