"""A member's answer to an event, their place on the waitlist, and their check-in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RSVPStatus(models.TextChoices):
    GOING = "going", _("Going")
    NOT_GOING = "not_going", _("Not going")
    WAITLIST = "waitlist", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class RSVPQuerySet(models.QuerySet["RSVP"]):
    def going(self) -> RSVPQuerySet:
        return self.filter(status=RSVPStatus.GOING)

    def waitlist(self) -> RSVPQuerySet:
        """Waitlisted answers, first come first served."""
        return self.filter(status=RSVPStatus.WAITLIST).order_by("waitlisted_at", "pk")


class RSVP(models.Model):
    """One member's answer to one event (always the event's original language version)."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("event")
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("member")
    )
    status = models.CharField(_("status"), max_length=12, choices=RSVPStatus.choices)
    created_at = models.DateTimeField(_("first answered"), auto_now_add=True)
    responded_at = models.DateTimeField(_("last changed"), default=timezone.now)
    waitlisted_at = models.DateTimeField(_("joined the waitlist"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminder_queued_at = models.DateTimeField(_("reminder queued"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RSVPQuerySet.as_manager()

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member"], name="one_rsvp_per_member_per_event"
            )
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.member} – {self.event} ({self.get_status_display()})"

    @property
    def is_going(self) -> bool:
        return self.status == RSVPStatus.GOING

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RSVPStatus.WAITLIST
