"""Forms of the "my profile" area: the profile, its formsets, photo, privacy and deletion."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from club.members.models import (
    CareerEntry,
    FieldTag,
    Institution,
    Member,
    MemberLink,
    Revisit,
    RevisitSource,
)
from club.members.photos import ALLOWED_EXTENSIONS, CheckedPhoto, check_photo
from club.members.privacy import section_contents
from club.members.revisits import Outcome, Stay, declare, withdraw_declaration
from club.members.sections import Section

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_FIELD_TAGS = 15
TAG_MAX_LENGTH = FieldTag._meta.get_field("name").max_length


# Django's form classes take no type arguments at run time (django-stubs-ext, which adds
# them, is only a test dependency), so the parametrised bases exist for mypy only.
if TYPE_CHECKING:
    _MemberForm = forms.ModelForm[Member]
    _MemberLinkForm = forms.ModelForm[MemberLink]
    _CareerEntryForm = forms.ModelForm[CareerEntry]
    _RevisitForm = forms.ModelForm[Revisit]
else:
    _MemberForm = _MemberLinkForm = _CareerEntryForm = _RevisitForm = forms.ModelForm


class DateInput(forms.DateInput):
    """A native date picker; ISO format is what browsers send and expect."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FieldTagsField(TagField):
    """Comma-separated fields of study; curated names are suggested, free tags allowed."""

    def clean(self, value: Any) -> list[str]:
        names: list[str] = super().clean(value)
        if len(names) > MAX_FIELD_TAGS:
            raise forms.ValidationError(
                _("Please choose at most %(count)s fields."), params={"count": MAX_FIELD_TAGS}
            )
        for name in names:
            if len(name) > TAG_MAX_LENGTH:
                raise forms.ValidationError(
                    _("Each field can be at most %(length)s characters long."),
                    params={"length": TAG_MAX_LENGTH},
                )
        return names


class ProfileForm(_MemberForm):
    """The member's own description of themselves."""

    # Not called "fields": that name is the form's own dictionary of fields.
    field_tags = FieldTagsField(
        label=_("Fields of study or work"),
        required=False,
        help_text=_("Separate fields with commas, for example: materials science, robotics."),
    )

    class Meta:
        model = Member
        fields = [
            "given_name",
            "family_name",
            "native_name",
            "name_order",
            "bio",
            "bio_ja",
            "country",
            "nationality",
            "position",
            "organisation",
            "contact_email",
            "preferred_language",
            "open_to_mentoring",
        ]
        widgets = {
            "given_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "family_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "name_order": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
            "bio_ja": forms.Textarea(attrs={"rows": 6, "lang": "ja"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "contact_email": _("Shown to the people your privacy settings allow."),
            "open_to_mentoring": _(
                "Younger alumni may contact you about studying or working in Japan."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("field_tags", list(self.instance.fields.all()))
        self.fields["field_tags"].widget.attrs.update({"data-tag-input": "", "autocomplete": "off"})

    def save(self, commit: bool = True) -> Member:
        member = super().save(commit=commit)
        if commit:
            member.fields.set(self.cleaned_data["field_tags"])
        return member


class LinkForm(_MemberLinkForm):
    url = forms.URLField(
        label=_("Address"),
        max_length=300,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = MemberLink
        fields = ["label", "url"]


class CareerEntryForm(_CareerEntryForm):
    class Meta:
        model = CareerEntry
        fields = ["position", "organisation", "country", "start_date", "end_date", "is_current"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {"end_date": _("Leave empty for your current position.")}


class RevisitForm(_RevisitForm):
    """A re-visit the member declares; the institution is typed and matched to our list."""

    institution_name = forms.CharField(
        label=_("Institution in Japan"),
        max_length=200,
        required=False,
        help_text=_("Start typing and choose from the list."),
        widget=forms.TextInput(attrs={"list": "japan-institutions", "autocomplete": "off"}),
    )

    class Meta:
        model = Revisit
        fields = ["kind", "institution_name", "start_date", "end_date", "funding"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.institution is not None:
            self.fields["institution_name"].initial = self.instance.institution.name

    def clean_institution_name(self) -> Institution | None:
        name = self.cleaned_data["institution_name"].strip()
        if not name:
            return None
        institution = Institution.objects.resolve(name)
        if institution is None:
            raise forms.ValidationError(
                _(
                    "We do not know “%(name)s” yet. Please choose an institution from the list,"
                    " or leave this empty and tell JST about it."
                ),
                params={"name": name},
            )
        return institution

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        # Set before the model's own clean() runs, so its checks see the whole re-visit.
        self.instance.institution = cleaned.get("institution_name")
        self.instance.source = RevisitSource.MEMBER
        return cleaned


if TYPE_CHECKING:
    _RevisitFormSet = BaseInlineFormSet[Revisit, Member, RevisitForm]
else:
    _RevisitFormSet = BaseInlineFormSet


class MemberRevisitFormSet(_RevisitFormSet):
    """Only the member's own declarations are editable; JST's records stay read-only.

    Saved through ``club.members.revisits``: a declaration of a stay JST recorded already
    becomes a confirmation of that record, never a second row.
    """

    def get_queryset(self) -> QuerySet[Revisit]:
        if not hasattr(self, "_member_queryset"):
            self._member_queryset = (
                super()
                .get_queryset()
                .filter(source=RevisitSource.MEMBER)
                .select_related("institution")
            )
        return self._member_queryset


def save_declarations(formset: BaseInlineFormSet[Revisit, Member, RevisitForm]) -> list[Outcome]:
    """Save a valid ``RevisitFormSet`` (instead of ``save``) through the reconciliation
    service; returns what each added or changed declaration did."""
    outcomes: list[Outcome] = []
    with transaction.atomic():
        for form in formset.forms:
            existing = form.instance if form.instance.pk else None
            if formset.can_delete and form.cleaned_data.get("DELETE"):
                if existing is not None:
                    withdraw_declaration(existing)
                continue
            if not form.has_changed():
                continue  # unchanged, or the empty extra row
            outcomes.append(declare(formset.instance, stay_of(form.cleaned_data), existing)[1])
    return outcomes


def stay_of(cleaned: dict[str, Any]) -> Stay:
    """The stay a valid ``RevisitForm`` describes."""
    return Stay(
        kind=cleaned["kind"],
        institution=cleaned.get("institution_name"),
        start_date=cleaned["start_date"],
        end_date=cleaned.get("end_date"),
        funding=cleaned.get("funding") or "",
    )


LinkFormSet = inlineformset_factory(
    Member, MemberLink, form=LinkForm, extra=1, max_num=10, validate_max=True, can_delete=True
)
CareerFormSet = inlineformset_factory(
    Member,
    CareerEntry,
    form=CareerEntryForm,
    extra=1,
    max_num=40,
    validate_max=True,
    can_delete=True,
)
RevisitFormSet = inlineformset_factory(
    Member,
    Revisit,
    form=RevisitForm,
    formset=MemberRevisitFormSet,
    extra=1,
    max_num=30,
    validate_max=True,
    can_delete=True,
)


class PhotoForm(forms.Form):
    """A new profile photo; validated with Pillow before anything is stored."""

    photo = forms.FileField(
        label=_("New photo"),
        help_text=_("JPEG, PNG or WebP, at most 10 MB. A square photo of your face works best."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)}
        ),
    )

    def clean_photo(self) -> CheckedPhoto:
        return check_photo(self.cleaned_data["photo"])


class PrivacyForm(_MemberForm):
    """One visibility choice per profile section."""

    class Meta:
        model = Member
        fields = [f"visibility_{section.value}" for section in Section]
        widgets = {f"visibility_{section.value}": forms.RadioSelect for section in Section}
        labels = {f"visibility_{section.value}": section.label for section in Section}
        # What each section holds comes from the privacy rule, so the help never disagrees.
        help_texts: dict[str, StrOrPromise] = {
            f"visibility_{section.value}": lazy(section_contents, str)(section)
            for section in Section
        }
        help_texts["visibility_profile"] = format_lazy(
            "{} {}",
            help_texts["visibility_profile"],
            _("If people cannot see this section, your profile page does not exist for them."),
        )


class DeleteAccountForm(forms.Form):
    """Confirms an account deletion with the password, or the username if there is none."""

    password = forms.CharField(
        label=_("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    username = forms.CharField(label=_("Type your username to confirm"), required=False)

    def __init__(self, user: AbstractBaseUser, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.uses_password = user.has_usable_password()
        del self.fields["username" if self.uses_password else "password"]
        field = self.fields["password" if self.uses_password else "username"]
        field.required = True

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.uses_password:
            if "password" in cleaned and not self.user.check_password(cleaned["password"]):
                self.add_error("password", _("That is not your password."))
        elif "username" in cleaned and cleaned["username"] != self.user.get_username():
            self.add_error("username", _("That is not your username."))
        return cleaned
