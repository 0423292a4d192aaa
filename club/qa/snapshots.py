"""What a reader receives: question payloads, a channel's state, and the changes since an event.

Pages, the live consumer and the presenter view all read questions through these
functions, so the rules on hidden questions and author names live in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Max, Prefetch, QuerySet

from club.qa.access import Access, author_name
from club.qa.models import Answer, ChannelEvent, Question, QuestionChannel, QuestionState, Vote

# A live client gets at most this many questions at once; pages paginate instead.
STATE_LIMIT = 200


def with_details(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Questions with everything a payload needs, in three queries."""
    answers = Answer.objects.select_related("author")
    return questions.select_related("author").prefetch_related(Prefetch("answers", answers))


def question_payload(
    question: Question, channel: QuestionChannel, answers: Iterable[Answer] | None = None
) -> dict[str, Any]:
    """A question as plain JSON-ready data, safe for every reader of the channel."""
    return {
        "id": question.pk,
        "text": question.text,
        "author": author_name(question.author, channel),
        "state": question.state,
        "votes": question.vote_count,
        "asked": question.created_at.isoformat(),
        "answers": [
            {
                "id": answer.pk,
                "text": answer.text,
                "author": author_name(answer.author, channel),
                "at": answer.created_at.isoformat(),
            }
            for answer in (question.answers.all() if answers is None else answers)
        ],
    }


def votes_payload(question: Question) -> dict[str, Any]:
    """The part of a question a vote changes."""
    return {"id": question.pk, "votes": question.vote_count, "state": question.state}


def last_event_id(channel: QuestionChannel) -> int:
    return ChannelEvent.objects.filter(channel=channel).aggregate(last=Max("id"))["last"] or 0


def voted_ids(access: Access, question_ids: Iterable[int]) -> list[int]:
    """Which of these questions the reader has upvoted."""
    if access.member is None:
        return []
    return sorted(
        Vote.objects.filter(member=access.member, question_id__in=list(question_ids)).values_list(
            "question_id", flat=True
        )
    )


def me_payload(access: Access, question_ids: Iterable[int]) -> dict[str, Any]:
    return {
        "signed_in": access.signed_in,
        "can_post": access.can_post,
        "is_moderator": access.is_moderator,
        "voted": voted_ids(access, question_ids),
    }


def channel_state(channel: QuestionChannel, access: Access) -> dict[str, Any]:
    """The whole channel as one reader sees it now, with the event id to resume from."""
    # The cursor is read before the questions: anything committed in between is then
    # replayed once more on resume (harmless) rather than skipped.
    cursor = last_event_id(channel)
    questions = with_details(
        channel.questions.listed_for(access.is_moderator).ranked()[:STATE_LIMIT]
    )
    payloads = [question_payload(question, channel) for question in questions]
    return {
        "type": "state",
        "event": cursor,
        "channel": {"slug": channel.slug, "title": channel.title, "is_open": channel.is_open},
        "questions": payloads,
        "me": me_payload(access, (payload["id"] for payload in payloads)),
    }


def changes_since(channel: QuestionChannel, access: Access, since: int) -> dict[str, Any] | None:
    """Every question touched after event ``since``, as it is now; None if a full state is due.

    A full state is due when the cursor cannot be from this database (ahead of every event)
    or when so much changed that the state is the smaller answer.
    """
    cursor = last_event_id(channel)
    newest_anywhere = ChannelEvent.objects.aggregate(last=Max("id"))["last"] or 0
    if since < 0 or since > newest_anywhere:
        return None
    touched = list(
        ChannelEvent.objects.filter(channel=channel, id__gt=since, id__lte=cursor)
        .values_list("question_id", flat=True)
        .distinct()[: STATE_LIMIT + 1]
    )
    if len(touched) > STATE_LIMIT:
        return None
    questions = with_details(Question.objects.filter(pk__in=touched)).order_by("pk")
    updated, removed = [], []
    for question in questions:
        if question.state == QuestionState.HIDDEN and not access.is_moderator:
            removed.append(question.pk)
        else:
            updated.append(question_payload(question, channel))
    return {
        "type": "changes",
        "since": since,
        "event": max(cursor, since),
        "questions": updated,
        "removed": removed,
        "me": me_payload(access, (payload["id"] for payload in updated)),
    }
