"""Q&A pages that work without WebSockets: list, ask, answer, vote, moderate, presenter view.

Each POST saves through club.qa.services first and only then tries to broadcast, so
it succeeds even when the channel layer is down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from club.events.models import EventPage
from club.pagination import page_or_404
from club.qa import services
from club.qa.access import Access, access_for
from club.qa.broadcast import publish_from_sync
from club.qa.event_channels import start_event_channel
from club.qa.forms import AnswerForm, AskForm, ModerateForm, VoteForm
from club.qa.models import QuestionChannel, QuestionState
from club.qa.snapshots import last_event_id, question_payload, voted_ids, with_details

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

QUESTIONS_PER_PAGE = 50
PRESENTER_LIMIT = 10

# HTTP status for each refusal, so scripts and tests can tell them apart.
ERROR_STATUS = {
    services.RateLimited: 429,
    services.NotAllowed: 403,
    services.SignInRequired: 403,
    services.ChannelClosed: 403,
    services.NotFound: 404,
}


def _channel(request: HttpRequest, slug: str) -> tuple[QuestionChannel, Access]:
    """The channel if the user may read it; raises 404 or 403 otherwise."""
    channel = get_object_or_404(QuestionChannel.objects.select_related("event"), slug=slug)
    access = access_for(request.user, channel)
    if not access.can_read:
        raise PermissionDenied(_("Sign in as a club member to read this channel."))
    return channel, access


def _sign_in_first(request: HttpRequest, slug: str) -> HttpResponse | None:
    """Visitors opening a members-only channel are sent to sign in rather than refused."""
    if request.user.is_authenticated:
        return None
    if QuestionChannel.objects.filter(slug=slug, is_public=False).exists():
        return redirect_to_login(request.get_full_path())
    return None


def _login_if_anonymous(request: HttpRequest, slug: str) -> HttpResponse | None:
    if request.user.is_authenticated:
        return None
    return redirect_to_login(reverse("qa:channel", kwargs={"slug": slug}))


def _labels() -> dict[str, Any]:
    """Translated strings for static/js/qa.js (it has no catalogue of its own)."""
    return {
        "live": _("Live: new questions and votes appear by themselves."),
        "connecting": _("Connecting…"),
        "offline": _("Offline. Reload the page to see new questions."),
        "signIn": _("Sign in to follow this channel live."),
        "anonymousAuthor": _("A club member"),
        "asked": _("Your question was posted."),
        "answered": _("Your answer was posted."),
        "upvote": _("Upvote"),
        "unvote": _("Remove my vote"),
        "votesOne": ngettext("%(count)s vote", "%(count)s votes", 1),
        "votesOther": ngettext("%(count)s vote", "%(count)s votes", 2),
        "states": {value: str(label) for value, label in QuestionState.choices},
        "noneAsked": _("No open questions yet."),
        "allAnswered": _("All questions have been answered: no open questions left."),
    }


def _render_channel(
    request: HttpRequest,
    channel: QuestionChannel,
    access: Access,
    ask_form: AskForm | None = None,
    status: int = 200,
) -> HttpResponse:
    questions = with_details(channel.questions.listed_for(access.is_moderator).ranked())
    page_obj = page_or_404(questions, request.GET.get("page"), QUESTIONS_PER_PAGE)
    payloads = [question_payload(question, channel) for question in page_obj.object_list]
    voted = set(voted_ids(access, (payload["id"] for payload in payloads)))
    for payload in payloads:
        payload["voted"] = payload["id"] in voted
    context = {
        "channel": channel,
        "access": access,
        "questions": payloads,
        "page_obj": page_obj,
        "ask_form": ask_form or AskForm(),
        "answer_form": AnswerForm(),
        "states": QuestionState.choices,
        "blank_question": {"id": 0, "text": "", "author": None, "state": "open", "votes": 0},
        "live": page_obj.number == 1,
        "cursor": last_event_id(channel),
        "labels": _labels(),
    }
    return render(request, "qa/channel_detail.html", context, status=status)


@require_GET
def channel_list(request: HttpRequest) -> HttpResponse:
    """Every channel the user may read: live sessions of events, then standing channels."""
    channels = QuestionChannel.objects.select_related("event", "subject_group")
    readable = [channel for channel in channels if access_for(request.user, channel).can_read]
    context = {
        "event_channels": [channel for channel in readable if channel.event_id],
        "standing_channels": [channel for channel in readable if not channel.event_id],
        "hidden_count": len(channels) - len(readable),
    }
    return render(request, "qa/channel_list.html", context)


@require_GET
def channel_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The channel page: questions ranked, and forms to ask, answer, vote and moderate."""
    if refusal := _sign_in_first(request, slug):
        return refusal
    channel, access = _channel(request, slug)
    return _render_channel(request, channel, access)


@require_GET
def presenter(request: HttpRequest, slug: str) -> HttpResponse:
    """The top-voted open questions in large type, for the screen behind the speaker."""
    if refusal := _sign_in_first(request, slug):
        return refusal
    channel, _access = _channel(request, slug)
    questions = with_details(channel.questions.for_presenter().ranked()[:PRESENTER_LIMIT])
    context = {
        "channel": channel,
        "questions": [question_payload(question, channel) for question in questions],
        "limit": PRESENTER_LIMIT,
        "all_answered": channel.questions.all_answered(),
        "labels": _labels(),
    }
    return render(request, "qa/presenter.html", context)


def _back(slug: str, question_id: int | None = None) -> HttpResponse:
    """Back to the channel page, at the question acted on."""
    url = reverse("qa:channel", kwargs={"slug": slug})
    return redirect(f"{url}#question-{question_id}" if question_id else url)


def _refused(request: HttpRequest, slug: str, error: services.QAError) -> HttpResponse:
    messages.error(request, error.message)
    return _back(slug)


def _saved(request: HttpRequest, change: services.Change, notice: StrOrPromise) -> None:
    publish_from_sync(change)
    messages.success(request, notice)


@require_POST
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    """Post a question with a plain form."""
    if refusal := _login_if_anonymous(request, slug):
        return refusal
    channel, access = _channel(request, slug)
    form = AskForm(request.POST)
    if form.is_valid():
        try:
            change = services.ask(request.user, channel, form.cleaned_data["text"])
        except services.QAError as error:
            form.add_error("text", error.message)
            status = ERROR_STATUS.get(type(error), 400)
            return _render_channel(request, channel, access, form, status)
        _saved(request, change, _("Your question was posted."))
        return _back(slug, change.question["id"])
    return _render_channel(request, channel, access, form, 400)


@require_POST
def answer(request: HttpRequest, slug: str, question_id: int) -> HttpResponse:
    """Post a written answer with a plain form."""
    if refusal := _login_if_anonymous(request, slug):
        return refusal
    channel, _access = _channel(request, slug)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        for error in form.errors["text"]:
            messages.error(request, str(error))  # already a str: ErrorList yields messages
        return _back(slug, question_id)
    try:
        change = services.answer(request.user, channel, question_id, form.cleaned_data["text"])
    except services.QAError as error:
        return _refused(request, slug, error)
    _saved(request, change, _("Your answer was posted."))
    return _back(slug, question_id)


@require_POST
def vote(request: HttpRequest, slug: str, question_id: int) -> HttpResponse:
    """Upvote, or withdraw an upvote, with a plain form."""
    if refusal := _login_if_anonymous(request, slug):
        return refusal
    channel, _access = _channel(request, slug)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That vote could not be understood."))
        return _back(slug)
    try:
        up = form.cleaned_data["action"] == "up"
        change = services.vote(request.user, channel, question_id, up)
    except services.QAError as error:
        return _refused(request, slug, error)
    notice = _("Your vote was counted.") if change.voted else _("Your vote was removed.")
    _saved(request, change, notice)
    return _back(slug, question_id)


@require_POST
def moderate(request: HttpRequest, slug: str, question_id: int) -> HttpResponse:
    """Pin, hide, mark answered or reopen a question (moderators only)."""
    if refusal := _login_if_anonymous(request, slug):
        return refusal
    channel, access = _channel(request, slug)
    if not access.is_moderator:
        raise PermissionDenied(_("Only the channel's moderators can do that."))
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That is not a question state."))
        return _back(slug)
    try:
        change = services.moderate(request.user, channel, question_id, form.cleaned_data["state"])
    except services.QAError as error:
        return _refused(request, slug, error)
    _saved(request, change, _("The question was updated."))
    return _back(slug, question_id)


@require_POST
def start_for_event(request: HttpRequest, page_id: int) -> HttpResponse:
    """Open the live Q&A of an event (its chapter's coordinators and JST staff)."""
    event = get_object_or_404(EventPage, pk=page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(event.url or "/")
    try:
        channel, created = start_event_channel(request.user, event)
    except services.NotAllowed as error:
        raise PermissionDenied(error.message) from None
    if created:
        messages.success(request, _("The live Q&A is open."))
    return redirect("qa:channel", slug=channel.slug)
