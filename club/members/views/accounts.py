"""Sign-in, sign-out, password reset and change, claiming an invitation, self-registration."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from club import public_urls
from club.members.forms.accounts import ClaimForm, RegistrationForm, SignInForm
from club.members.registration import (
    InvitationProblem,
    InvitationUnavailable,
    claim_invitation,
    contact_address,
    find_invitation,
    register_member,
)


def home_url() -> str:
    """The home page in the current language."""
    return reverse("wagtail_serve", args=[""])


def profile_url() -> str:
    """The signed-in member's own profile area, or home until that area exists."""
    try:
        return reverse("members:profile")
    except NoReverseMatch:
        return home_url()


class SignInView(auth_views.LoginView):
    """Sign in with a username or email; throttled in the form."""

    template_name = "members/accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        # A member lands in their own language, whichever language they signed in from.
        member = getattr(self.request.user, "member", None)
        if member is None:
            return home_url()
        with translation.override(member.preferred_language or None):
            return profile_url()


class SignOutView(auth_views.LogoutView):
    """Sign out (POST only, as Django requires) and return to the home page."""

    def get_default_redirect_url(self) -> str:
        return home_url()


class PasswordResetView(auth_views.PasswordResetView):
    """Email a one-time link to set a new password, in the language of the page."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("members:password-reset-done")

    @property
    def extra_email_context(self) -> dict[str, object]:  # type: ignore[override]
        # The link goes to the public address, never to whatever Host the request named.
        return {"site_name": _("Sakura Science Club"), "site_url": public_urls.base_url()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the emailed link."""

    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("members:password-reset-complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password while signed in."""

    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("members:password-change-done")


# The emailed link's token moves into the session at once, and the form lives at this
# placeholder URL instead: the token then never appears in the address bar, the history or
# a Referer header, without a no-referrer policy (under which browsers send "Origin: null"
# with the form, and Django's CSRF check refuses it). Django's password reset does the same.
CLAIM_URL_TOKEN = "set-password"  # noqa: S105 (a path segment, not a secret)
CLAIM_SESSION_KEY = "_claim_invitation_token"


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def claim(request: HttpRequest, token: str) -> HttpResponse:
    """Claim an imported profile from a one-time invitation link."""
    if token != CLAIM_URL_TOKEN:
        invitation, problem = find_invitation(token)
        if invitation is None:
            return _invalid_invitation(request, problem or InvitationProblem.UNKNOWN)
        request.session[CLAIM_SESSION_KEY] = token
        return redirect("members:claim", token=CLAIM_URL_TOKEN)
    invitation, problem = find_invitation(request.session.get(CLAIM_SESSION_KEY, ""))
    if invitation is None:
        return _invalid_invitation(request, problem or InvitationProblem.UNKNOWN)
    member = invitation.member
    form = ClaimForm(request.POST if request.method == "POST" else None, member=member)
    if form.is_bound and form.is_valid():
        try:
            user = claim_invitation(
                invitation,
                password=form.cleaned_data["password1"],
                given_name=form.cleaned_data["given_name"],
                family_name=form.cleaned_data["family_name"],
                preferred_language=form.cleaned_data["preferred_language"],
                consents=form.consents(),
            )
        except InvitationUnavailable:
            return _invalid_invitation(request, InvitationProblem.USED)
        request.session.pop(CLAIM_SESSION_KEY, None)
        login(request, user, backend=settings.SIGN_IN_BACKEND)
        messages.success(request, _("Welcome to the Sakura Science Club! Your account is ready."))
        with translation.override(user.member.preferred_language):
            return redirect(profile_url())
    context = {"form": form, "invitation": invitation, "member": member}
    return render(request, "members/accounts/claim.html", context)


def _invalid_invitation(request: HttpRequest, problem: InvitationProblem) -> HttpResponse:
    # 410 Gone for a link that existed (used or expired), 404 for anything else.
    status = 404 if problem is InvitationProblem.UNKNOWN else 410
    context = {"problem": problem.value, "contact": contact_address()}
    return render(request, "members/accounts/claim_invalid.html", context, status=status)


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Self-registration; the account stays inactive until JST staff approve it."""
    if request.user.is_authenticated:
        return redirect(profile_url())
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        # The same answer whether or not the address was in use (its owner gets an e-mail).
        register_member(form.to_registration())
        return redirect("members:register-done")
    return render(request, "members/accounts/register.html", {"form": form})


urlpatterns: list[URLPattern] = [
    path("account/login/", SignInView.as_view(), name="login"),
    path("account/logout/", SignOutView.as_view(), name="logout"),
    path("account/password-reset/", PasswordResetView.as_view(), name="password-reset"),
    path(
        "account/password-reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password-reset-done",
    ),
    path(
        "account/reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "account/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path("account/password-change/", PasswordChangeView.as_view(), name="password-change"),
    path(
        "account/password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/password_change_done.html"
        ),
        name="password-change-done",
    ),
    path("account/claim/<str:token>/", claim, name="claim"),
    path("account/register/", register, name="register"),
    path(
        "account/register/done/",
        TemplateView.as_view(template_name="members/accounts/register_done.html"),
        name="register-done",
    ),
]
