"""The answer page (from the e-mailed link, no password needed) and the unsubscribe page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from club.members.models import Institution, Member, RevisitSource
from club.members.registration import contact_address
from club.members.roles import active_member
from club.surveys.answers import confirm_unchanged, record_answer, withdraw
from club.surveys.forms import AnswerForm, PositionForm, RevisitAnswerFormSet
from club.surveys.models import Invitation
from club.surveys.tokens import TokenProblem, read_answer_token, read_unsubscribe_token

# As for account claims: the emailed token moves into the session at once and the form
# lives at a placeholder address, so the token never shows in the address bar, the history
# or a Referer header (a no-referrer policy would make browsers post "Origin: null").
ANSWER_URL_TOKEN = "form"  # noqa: S105 (a path segment, not a secret)
ANSWER_SESSION_KEY = "_survey_answer_token"
STATUS = {
    TokenProblem.UNKNOWN: 404,
    TokenProblem.EXPIRED: 410,
    TokenProblem.NOT_OPEN: 403,
    TokenProblem.OTHER_PERSON: 403,
}


def _refuse(request: HttpRequest, problem: TokenProblem) -> HttpResponse:
    context = {"problem": problem.value, "contact": contact_address()}
    return render(request, "surveys/link_invalid.html", context, status=STATUS[problem])


def _invitation_for(
    request: HttpRequest, token: str
) -> tuple[Invitation | None, TokenProblem | None]:
    invitation, problem = read_answer_token(token)
    if invitation is None:
        return None, problem
    # A signed-in member may answer only their own invitation.
    signed_in = active_member(request.user)
    if request.user.is_authenticated and (
        signed_in is None or signed_in.pk != invitation.member_id
    ):
        return None, TokenProblem.OTHER_PERSON
    return invitation, None


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The survey for the invited person: pre-filled with what we know of them."""
    if token != ANSWER_URL_TOKEN:
        invitation, problem = _invitation_for(request, token)
        if invitation is None:
            return _refuse(request, problem or TokenProblem.UNKNOWN)
        request.session[ANSWER_SESSION_KEY] = token
        return redirect("surveys:answer", token=ANSWER_URL_TOKEN)
    invitation, problem = _invitation_for(request, request.session.get(ANSWER_SESSION_KEY, ""))
    if invitation is None:
        return _refuse(request, problem or TokenProblem.UNKNOWN)
    member = invitation.member
    wave = invitation.wave
    data = request.POST if request.method == "POST" else None
    answer_form = AnswerForm(data, wave=wave, initial={"country": member.country})
    position_form = PositionForm(data, prefix="position", initial=_current_position(member))
    revisits = RevisitAnswerFormSet(data, instance=member, prefix="revisits")
    if data is not None and all(
        [answer_form.is_valid(), position_form.is_valid(), revisits.is_valid()]
    ):
        record_answer(invitation, answer_form, position_form, revisits)
        return render(request, "surveys/answer_done.html", {"wave": wave, "member": member})
    context: dict[str, Any] = {
        "wave": wave,
        "member": member,
        "invitation": invitation,
        "answer_form": answer_form,
        "position_form": position_form,
        "revisits": revisits,
        "known_revisits": member.revisits.select_related("institution"),
        "jst_source": RevisitSource.JST,
        "first_participation": member.participations.order_by("end_date").first(),
        "japan_institutions": Institution.objects.filter(country="JP").values_list(
            "name", flat=True
        ),
    }
    return render(request, "surveys/answer.html", context, status=400 if data else 200)


def _current_position(member: Member) -> dict[str, Any]:
    current = member.careers.filter(is_current=True).first()
    if current is not None:
        return {
            "position": current.position,
            "organisation": current.organisation,
            "start_date": current.start_date,
        }
    return {"position": member.position, "organisation": member.organisation}


@never_cache
@require_http_methods(["GET", "POST"])
def still_true(request: HttpRequest, token: str) -> HttpResponse:
    """GET: what we know of the person, with one button. POST: it is all still true.

    A button and not the link itself: mail scanners open links, and must not answer for
    anyone.
    """
    invitation, problem = _invitation_for(request, token)
    if invitation is None:
        response = _refuse(request, problem or TokenProblem.UNKNOWN)
    elif request.method == "POST":
        confirm_unchanged(invitation)
        context = {"wave": invitation.wave, "member": invitation.member}
        response = render(request, "surveys/answer_done.html", context)
    else:
        member = invitation.member
        context = {
            "invitation": invitation,
            "member": member,
            "known_revisits": member.revisits.select_related("institution"),
            "position": _current_position(member),
        }
        response = render(request, "surveys/still_true.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt  # RFC 8058: mail providers POST without a session; the token is the proof
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with a confirm button. POST (the button, or a one-click from the mail
    client): withdraw consent for surveys, so no reminder or later wave reaches them."""
    invitation = read_unsubscribe_token(token)
    if invitation is None:
        response = _refuse(request, TokenProblem.UNKNOWN)
    elif request.method == "POST":
        withdraw(invitation)
        response = render(request, "surveys/unsubscribed.html", {"invitation": invitation})
    else:
        response = render(request, "surveys/unsubscribe.html", {"invitation": invitation})
    response["Referrer-Policy"] = "no-referrer"
    return response


app_name = "surveys"

urlpatterns: list[URLPattern] = [
    path("answer/<str:token>/", answer, name="answer"),
    path("still-true/<str:token>/", still_true, name="still-true"),
    path("unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
]
