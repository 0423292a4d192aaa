"""Forms for signing in, claiming an invitation and registering."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.forms.consent import consent_answers, consent_bound_fields, consent_fields
from club.members.models import Member, MemberStatus
from club.members.programmes import Programme
from club.members.registration import Registration

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

FIRST_FISCAL_YEAR = 2014  # the Sakura Science Exchange Program began in fiscal 2014


def _language_choices() -> list[tuple[str, str]]:
    # Each language in its own name, so people can find theirs whatever the page language.
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def _current_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# Django's form classes take no type arguments at run time (django-stubs-ext, which adds
# them, is only a test dependency), so the parametrised bases exist for mypy only.
if TYPE_CHECKING:
    _SetPasswordMixin = SetPasswordMixin[AbstractBaseUser]
else:
    _SetPasswordMixin = SetPasswordMixin


class SignInForm(AuthenticationForm):
    """Django's sign-in form with an email-friendly label, a throttle and a pending notice."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That username or email and password do not match an account. "
            "Passwords are case-sensitive."
        ),
        "pending": _(
            "Your registration is still awaiting approval by JST. "
            "We will email you as soon as it is approved."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username or email")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        # Room for an email address, which may be longer than a username.
        username = cast(forms.CharField, self.fields["username"])
        username.max_length = 254
        username.widget.attrs["maxlength"] = 254
        username.validators = [
            *(v for v in username.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(254),
        ]

    def clean(self) -> dict[str, Any]:
        # Failures are counted and locked out by django-axes (club.members.signin_throttle).
        username = self.cleaned_data.get("username") or ""
        try:
            return super().clean()
        except ValidationError:
            if self._is_pending(username, self.cleaned_data.get("password") or ""):
                raise ValidationError(self.error_messages["pending"], code="pending") from None
            raise

    @staticmethod
    def _is_pending(login: str, password: str) -> bool:
        """Whether these are the right credentials of someone awaiting approval."""
        if not login or not password:
            return False
        pending = Member.objects.filter(status=MemberStatus.PENDING).values("user")
        candidates = get_user_model()._default_manager.filter(
            Q(username__iexact=login) | Q(email__iexact=login), is_active=False, pk__in=pending
        )
        return any(user.check_password(password) for user in candidates[:5])


class ClaimForm(_SetPasswordMixin, forms.Form):
    """Confirm one's name and language and choose a password, to claim an imported profile."""

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=_language_choices)
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("New password"), label2=_("New password again")
    )

    def __init__(self, *args: Any, member: Member, **kwargs: Any) -> None:
        self.member = member
        kwargs.setdefault(
            "initial",
            {
                "given_name": member.given_name,
                "family_name": member.family_name,
                "preferred_language": member.preferred_language,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["given_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["family_name"].widget.attrs["autocomplete"] = "family-name"
        # Unticked, whatever the unasked defaults: claiming is when the alumnus is first asked.
        self.fields.update(consent_fields())

    def consents(self) -> dict[str, bool]:
        """The answer per purpose, for ``claim_invitation``."""
        return consent_answers(self.cleaned_data)

    def consent_group(self) -> list[forms.BoundField]:
        return consent_bound_fields(self)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        self.validate_passwords()
        user = self.member.user or get_user_model()(email=self.member.contact_email)
        # Validate against the confirmed names, not only the stored ones.
        user.first_name = cleaned.get("given_name", "")
        user.last_name = cleaned.get("family_name", "")
        self.validate_password_for_user(user)
        return cleaned


def _fiscal_year_choices() -> list[tuple[str, StrOrPromise]]:
    latest = timezone.localdate().year + 1
    years = [(str(year), str(year)) for year in range(latest, FIRST_FISCAL_YEAR - 1, -1)]
    return [("", _("Choose a year")), *years]


class RegistrationForm(_SetPasswordMixin, forms.Form):
    """Self-registration for alumni JST has not invited; held until staff approve it."""

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254)
    nationality = forms.ChoiceField(label=_("Nationality"))
    country = forms.ChoiceField(label=_("Country of residence"))
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=_language_choices)
    programme = forms.ChoiceField(
        label=_("Sakura Science programme you joined"),
        choices=[("", _("Choose a programme")), *Programme.choices],
        required=False,
    )
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year of your visit"),
        help_text=_("Japanese fiscal years run from April to March."),
        coerce=int,
        empty_value=None,
        required=False,
    )
    host_institution = forms.CharField(
        label=_("Host institution in Japan"),
        help_text=_("For example: Tohoku University."),
        max_length=200,
        required=False,
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"preferred_language": _current_language()})
        super().__init__(*args, **kwargs)
        country_choices = [("", _("Choose a country")), *countries]
        for name in ("nationality", "country"):
            cast(forms.ChoiceField, self.fields[name]).choices = country_choices
        cast(forms.TypedChoiceField, self.fields["fiscal_year"]).choices = _fiscal_year_choices()
        autocomplete = {
            "given_name": "given-name",
            "family_name": "family-name",
            "email": "email",
            "country": "country",
            "host_institution": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields.update(consent_fields())

    def consent_group(self) -> list[forms.BoundField]:
        return consent_bound_fields(self)

    def clean_email(self) -> str:
        # Whether the address is in use is never said here: anyone could ask. Its owner is
        # told by e-mail instead (registration.register_member).
        email: str = self.cleaned_data["email"]
        return email.strip()

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if bool(cleaned.get("programme")) != bool(cleaned.get("fiscal_year")):
            missing = "fiscal_year" if cleaned.get("programme") else "programme"
            self.add_error(missing, _("Give both the programme and the fiscal year, or neither."))
        if cleaned.get("host_institution") and not cleaned.get("programme"):
            self.add_error("programme", _("Choose the programme you joined at this institution."))
        self.validate_passwords()
        self.validate_password_for_user(
            get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("given_name", ""),
                last_name=cleaned.get("family_name", ""),
            )
        )
        return cleaned

    def to_registration(self) -> Registration:
        """The validated answers, for ``register_member``."""
        data = self.cleaned_data
        return Registration(
            given_name=data["given_name"],
            family_name=data["family_name"],
            email=data["email"],
            password=data["password1"],
            nationality=data["nationality"],
            country=data["country"],
            preferred_language=data["preferred_language"],
            programme=data["programme"],
            fiscal_year=data["fiscal_year"],
            host_institution=data["host_institution"],
            consents=consent_answers(data),
        )
