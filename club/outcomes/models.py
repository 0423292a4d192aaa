"""One row per counted alumnus: the facts every outcome figure groups by.

The rows are derived from the members tables by ``club.outcomes.refresh`` (with the
rules in ``club.outcomes.definitions``) and kept in step on every save and delete,
so a breakdown is a plain GROUP BY instead of finding each member's first
participation again.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from club.members.programmes import Programme


class Alumnus(models.Model):
    """A counted alumnus as the outcome figures see them; never edited by hand."""

    # No database constraint: rows are written only by the refresh code, which also
    # removes them when a member is deleted (see refresh.py).
    member = models.OneToOneField(
        "members.Member",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("member"),
    )
    cohort = models.PositiveSmallIntegerField(_("cohort (fiscal year)"))
    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    # Mirrors the participation's SET_NULL, so deleting an institution keeps both in step.
    host_institution = models.ForeignKey(
        "members.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
        verbose_name=_("host institution in Japan"),
    )
    nationality = models.CharField(_("nationality"), max_length=2, blank=True)
    first_end = models.DateField(_("end of the first participation"))
    first_revisit = models.DateField(_("start of the first re-visit"), null=True, blank=True)
    months_to_revisit = models.PositiveIntegerField(_("months to re-visit"), null=True, blank=True)

    class Meta:
        verbose_name = _("alumnus (outcome figures)")
        verbose_name_plural = _("alumni (outcome figures)")
        indexes = [
            models.Index(fields=["cohort"], name="outcomes_alumnus_cohort"),
            models.Index(fields=["nationality", "cohort"], name="outcomes_alumnus_country"),
            models.Index(fields=["host_institution"], name="outcomes_alumnus_host"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ({self.cohort})"
