"""The Q&A rules: asking, answering, voting and moderating. Consumers and views both call these.

Every change is committed with a ChannelEvent row before anyone hears of it; the
returned Change carries what to broadcast, and broadcasting is the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from club.members.models import Member
from club.qa import ratelimit
from club.qa.access import Access, access_for
from club.qa.models import (
    ANSWER_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    Answer,
    ChannelEvent,
    EventKind,
    Question,
    QuestionChannel,
    QuestionState,
    Vote,
)
from club.qa.snapshots import question_payload, votes_payload, with_details
from club.qa.tasks import notify_question_answered

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class QAError(Exception):
    """A refused action, with a stable code for clients and a translatable message for people."""

    code = "invalid"

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(str(message))
        self.message = message


class InvalidInput(QAError):
    code = "invalid"


class NotFound(QAError):
    code = "not_found"


class NotAllowed(QAError):
    code = "forbidden"


class SignInRequired(QAError):
    code = "sign_in_required"


class ChannelClosed(QAError):
    code = "closed"


class RateLimited(QAError):
    code = "rate_limited"


RATE_MESSAGES = {
    "ask": _("You are asking very fast. Please wait a minute before asking again."),
    "answer": _("You are answering very fast. Please wait a minute before answering again."),
    "vote": _("You are voting very fast. Please wait a minute before voting again."),
}


@dataclass(frozen=True)
class Change:
    """A committed change and what every connected reader must hear about it."""

    channel_id: int
    event_id: int | None  # None: nothing changed (a repeated vote), nothing to broadcast
    kind: str
    question: dict[str, Any]
    voted: bool | None = None  # after a vote or unvote: whether the actor's vote now stands

    @property
    def group(self) -> str:
        return QuestionChannel(pk=self.channel_id).group_name

    @property
    def message(self) -> dict[str, Any]:
        """The channel-layer message; its type names the consumer's ``qa_event`` handler."""
        return {
            "type": "qa.event",
            "event": self.event_id,
            "kind": self.kind,
            "question": self.question,
        }


def _fresh(user: Any, channel: QuestionChannel) -> tuple[QuestionChannel, Access]:
    """Re-read the channel so a channel closed a moment ago refuses at once."""
    try:
        channel = QuestionChannel.objects.get(pk=channel.pk)
    except QuestionChannel.DoesNotExist:
        raise NotFound(_("This Q&A channel no longer exists.")) from None
    return channel, access_for(user, channel)


def _poster(channel: QuestionChannel, access: Access) -> Member:
    if access.member is None:
        if not access.signed_in:
            raise SignInRequired(_("Sign in to ask, answer or vote."))
        raise NotAllowed(_("Only active club members can ask, answer or vote."))
    if not access.can_read:
        raise NotAllowed(_("You may not post in this channel."))
    if not channel.is_open:
        raise ChannelClosed(_("This channel is closed for new questions and votes."))
    return access.member


def _throttle(action: str, member: Member) -> None:
    if not ratelimit.allow(action, member.pk):
        raise RateLimited(RATE_MESSAGES[action])


def clean_text(raw: Any, max_length: int) -> str:
    """Stripped text, or InvalidInput when it is empty, too long or not text at all."""
    if not isinstance(raw, str):
        raise InvalidInput(_("Please write some text."))
    text = raw.strip()
    if not text:
        raise InvalidInput(_("Please write some text."))
    if "\x00" in text:
        raise InvalidInput(_("The text contains a character that is not allowed."))
    if len(text) > max_length:
        # Lazy, so a consumer can still render it in the page's language.
        raise InvalidInput(
            format_lazy(_("Please keep it to {limit} characters."), limit=max_length)
        )
    return text


def _question(channel: QuestionChannel, access: Access, question_id: Any) -> Question:
    """The question in this channel, locked for the rest of the transaction."""
    try:
        pk = int(question_id)
    except (TypeError, ValueError):
        raise InvalidInput(_("That is not a question number.")) from None
    question = Question.objects.select_for_update().filter(channel=channel, pk=pk).first()
    if question is None or (question.state == QuestionState.HIDDEN and not access.is_moderator):
        raise NotFound(_("That question is not in this channel."))
    return question


def _payload(question: Question, channel: QuestionChannel) -> dict[str, Any]:
    return question_payload(with_details(Question.objects.filter(pk=question.pk)).get(), channel)


def _log(channel: QuestionChannel, question: Question, kind: EventKind) -> int:
    return ChannelEvent.objects.create(channel=channel, question=question, kind=kind).pk


def ask(user: Any, channel: QuestionChannel, text: Any) -> Change:
    """Post a new question as the user's member profile."""
    channel, access = _fresh(user, channel)
    member = _poster(channel, access)
    text = clean_text(text, QUESTION_MAX_LENGTH)
    _throttle("ask", member)
    with transaction.atomic():
        question = Question.objects.create(channel=channel, author=member, text=text)
        event_id = _log(channel, question, EventKind.ASKED)
    # Everything is known already: a new question has this author and no answers.
    payload = question_payload(question, channel, answers=[])
    return Change(channel.pk, event_id, EventKind.ASKED, payload)


def answer(user: Any, channel: QuestionChannel, question_id: Any, text: Any) -> Change:
    """Post a written answer; the asker is emailed once it is committed."""
    channel, access = _fresh(user, channel)
    member = _poster(channel, access)
    text = clean_text(text, ANSWER_MAX_LENGTH)
    _throttle("answer", member)
    with transaction.atomic():
        question = _question(channel, access, question_id)
        reply = Answer.objects.create(question=question, author=member, text=text)
        event_id = _log(channel, question, EventKind.ANSWERED)
        payload = _payload(question, channel)
        if question.author_id and question.author_id != member.pk:
            transaction.on_commit(lambda: notify_question_answered.enqueue(reply.pk))
    return Change(channel.pk, event_id, EventKind.ANSWERED, payload)


def vote(user: Any, channel: QuestionChannel, question_id: Any, up: bool = True) -> Change:
    """Add (or with ``up=False`` withdraw) the user's upvote; repeating either changes nothing."""
    channel, access = _fresh(user, channel)
    member = _poster(channel, access)
    _throttle("vote", member)
    with transaction.atomic():
        question = _question(channel, access, question_id)
        if up:
            try:
                with transaction.atomic():
                    Vote.objects.create(question=question, member=member)
                changed = True
            except IntegrityError:  # already voted (or a concurrent duplicate lost the race)
                changed = False
        else:
            changed = Vote.objects.filter(question=question, member=member).delete()[0] > 0
        if not changed:
            return Change(channel.pk, None, EventKind.VOTED, votes_payload(question), voted=up)
        delta = 1 if up else -1
        Question.objects.filter(pk=question.pk).update(vote_count=F("vote_count") + delta)
        question.refresh_from_db(fields=["vote_count", "state"])
        event_id = _log(channel, question, EventKind.VOTED)
    return Change(channel.pk, event_id, EventKind.VOTED, votes_payload(question), voted=up)


def moderate(user: Any, channel: QuestionChannel, question_id: Any, state: Any) -> Change:
    """Pin, hide, mark answered or reopen a question. Moderators only."""
    channel, access = _fresh(user, channel)
    if not access.is_moderator:
        raise NotAllowed(_("Only the channel's moderators can do that."))
    if state not in QuestionState.values:
        raise InvalidInput(_("That is not a question state."))
    with transaction.atomic():
        question = _question(channel, access, question_id)
        if question.state == state:
            return Change(channel.pk, None, EventKind.MODERATED, _payload(question, channel))
        question.state = state
        question.save(update_fields=["state"])
        event_id = _log(channel, question, EventKind.MODERATED)
        payload = _payload(question, channel)
    return Change(channel.pk, event_id, EventKind.MODERATED, payload)
