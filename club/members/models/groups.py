"""Chapters (regional) and subject groups (by field), with their members and coordinators."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from club.bilingual import pick


class GroupRole(models.TextChoices):
    MEMBER = "member", pgettext_lazy("role in a chapter or group", "Member")
    COORDINATOR = "coordinator", _("Coordinator")


class BilingualGroup(models.Model):
    name = models.CharField(_("name"), max_length=120)
    name_ja = models.CharField(_("name in Japanese"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return pick(self.name, self.name_ja)


# NewsPage and EventPage point here, but as Wagtail pages (an untyped base) they have no
# default manager mypy can resolve for the reverse accessors `news` and `events`.
class Chapter(BilingualGroup):  # type: ignore[django-manager-missing]
    """A regional alumni association, such as the India chapter with its New Delhi meeting."""

    country = CountryField(_("country"), blank=True)

    class Meta(BilingualGroup.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")


class SubjectGroup(BilingualGroup):
    """A cross-country group of alumni working in one field, such as materials science."""

    class Meta(BilingualGroup.Meta):
        verbose_name = _("subject group")
        verbose_name_plural = _("subject groups")


class GroupMembership(models.Model):
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, verbose_name=_("member"))
    role = models.CharField(
        _("role"), max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.member} ({self.get_role_display()})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == GroupRole.COORDINATOR


class ChapterMembership(GroupMembership):
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("chapter")
    )

    class Meta:
        verbose_name = _("chapter membership")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "member"], name="one_membership_per_chapter")
        ]
        indexes = [models.Index(fields=["member", "chapter"])]


class SubjectGroupMembership(GroupMembership):
    group = models.ForeignKey(
        SubjectGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("subject group"),
    )

    class Meta:
        verbose_name = _("subject group membership")
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="one_membership_per_group")
        ]
