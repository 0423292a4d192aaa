"""The member profile: one per alumnus, with a visibility per section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from club.bilingual import pick
from club.members.models.consent import UNASKED_DEFAULTS
from club.members.sections import Section, Visibility

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class NameOrder(models.TextChoices):
    GIVEN_FIRST = "given_first", _("Given name first (Taro Yamada)")
    FAMILY_FIRST = "family_first", _("Family name first (Yamada Taro)")


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PENDING = "pending", _("Awaiting approval")
    ANONYMISED = "anonymised", _("Deleted (anonymised)")


class FieldTag(TagBase):
    """A field of study or work. Curated tags form the suggested vocabulary."""

    curated = models.BooleanField(_("curated"), default=False)
    name_ja = models.CharField(_("name in Japanese"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("field of study or work")
        verbose_name_plural = _("fields of study or work")
        ordering = ["name"]

    @property
    def localized_name(self) -> str:
        """The name in the active language: every page and the directory show this one."""
        return pick(self.name, self.name_ja)


class TaggedField(TaggedItemBase):
    tag = models.ForeignKey(FieldTag, on_delete=models.CASCADE, related_name="tagged_members")
    content_object = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="tagged_fields"
    )


class MemberQuerySet(models.QuerySet["Member"]):
    def listed(self) -> MemberQuerySet:
        """Members who appear on the site at all: not pending, not anonymised."""
        return self.filter(status=MemberStatus.ACTIVE)

    def consenting(self, purpose: str) -> MemberQuerySet:
        """Members whose current answer for ``purpose`` is yes (never asked: the default)."""
        field = f"consent_{purpose}"
        if UNASKED_DEFAULTS[purpose]:
            return self.exclude(**{field: False})
        return self.filter(**{field: True})


def _visibility_field(section_label: StrOrPromise) -> models.CharField[str, str]:
    return models.CharField(
        section_label,
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )


class Member(ClusterableModel):
    """An alumnus of the Sakura Science Exchange Program."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    roster_id = models.CharField(
        _("JST roster ID"), max_length=40, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )

    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    native_name = models.CharField(
        _("name in native script"),
        max_length=150,
        blank=True,
        help_text=_("For example 山田 太郎 or अनन्या शर्मा."),
    )
    name_order = models.CharField(
        _("name order"), max_length=12, choices=NameOrder.choices, default=NameOrder.GIVEN_FIRST
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True, max_length=4000)
    bio_ja = models.TextField(_("biography in Japanese"), blank=True, max_length=4000)
    country = CountryField(_("country of residence"), blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    fields = TaggableManager(
        through=TaggedField, blank=True, verbose_name=_("fields of study or work")
    )
    position = models.CharField(_("current position"), max_length=150, blank=True)
    organisation = models.CharField(_("current organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    open_to_mentoring = models.BooleanField(
        _("open to mentoring and questions about coming to Japan"), default=False
    )

    visibility_profile = _visibility_field(_("who can see my name, photo, country and fields"))
    visibility_bio = _visibility_field(_("who can see my biography"))
    visibility_contact = _visibility_field(_("who can see my contact details"))
    visibility_career = _visibility_field(_("who can see my career"))
    visibility_participation = _visibility_field(_("who can see my programme participation"))
    visibility_revisits = _visibility_field(_("who can see my re-visits to Japan"))

    # The current consent per purpose; None = never asked (see consent.UNASKED_DEFAULTS).
    # Written only with a ConsentRecord, by club.members.consent.record_consent.
    consent_directory = models.BooleanField(_("listed in the directory"), null=True)
    consent_surveys = models.BooleanField(_("may be contacted for surveys"), null=True)
    consent_newsletters = models.BooleanField(_("receives newsletters"), null=True)
    consent_research = models.BooleanField(_("included in research exports"), null=True)
    profile_confirmed_at = models.DateTimeField(
        _("profile last confirmed"), null=True, blank=True, editable=False
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    chapters = models.ManyToManyField(
        "members.Chapter", through="members.ChapterMembership", related_name="members", blank=True
    )
    subject_groups = models.ManyToManyField(
        "members.SubjectGroup",
        through="members.SubjectGroupMembership",
        related_name="members",
        blank=True,
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        permissions = [
            # JST staff capabilities, one each (club.members.roles asks about them).
            ("view_all_profiles", _("Can see every profile section (JST staff)")),
            ("see_all_outcomes", _("Can see every chapter's re-visit outcomes (JST staff)")),
            ("manage_all_events", _("Can organise every event (JST staff)")),
            ("moderate_all_qa", _("Can moderate every live Q&A channel (JST staff)")),
            ("export_members", _("Can export member data as CSV")),
            ("import_roster", _("Can import alumni rosters")),
        ]
        indexes = [
            models.Index(fields=["status", "country"]),
            models.Index(fields=["nationality"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The Latin-script name in the member's preferred order."""
        parts = [self.given_name, self.family_name]
        if self.name_order == NameOrder.FAMILY_FIRST:
            parts.reverse()
        return " ".join(part for part in parts if part)

    def visibility(self, section: Section) -> Visibility:
        return Visibility(getattr(self, f"visibility_{section}"))


class MemberLink(models.Model):
    """A link on a profile: personal site, ORCID, LinkedIn, lab page."""

    member = ParentalKey(Member, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=60)
    url = models.URLField(_("address"), max_length=300)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("link")

    def __str__(self) -> str:
        return self.label
