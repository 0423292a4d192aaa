"""Demo Q&A channels: two standing channels and the live Q&A of the 7th India alumni meeting.

Safe to run again: channels are matched by slug and sample questions are added only
to channels that have none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from club.demo.members.vocabulary import STUDYING_IN_JAPAN, SUBJECT_GROUPS
from club.events.models import EventPage
from club.members.models import Member, MemberStatus, SubjectGroup
from club.qa.models import ChannelEvent, EventKind, Question, QuestionChannel

Report = Callable[[str], None]

INDIA_MEETING_SLUG = "seventh-india-alumni-meeting"

STANDING_CHANNELS: list[dict[str, Any]] = [
    {
        "slug": STUDYING_IN_JAPAN,
        "group": STUDYING_IN_JAPAN,
        "title": "Studying in Japan",
        "title_ja": "日本留学",
        "description": "Scholarships, finding a supervisor, visas and daily life:"
        " ask alumni who came back to Japan as students or researchers.",
        "description_ja": "奨学金、指導教員の探し方、ビザ、日々の暮らし。"
        "留学生・研究者として日本に戻った同窓生に質問しましょう。",
        "questions": [
            "How did you find a supervisor before applying for the MEXT scholarship?",
            "Is it realistic to do a PhD in Japan in English only?",
        ],
    },
    {
        "slug": "materials-science",
        "group": "materials-science",
        "title": "Materials science",
        "title_ja": "材料科学",
        "description": "Batteries, semiconductors, polymers and steel: questions for alumni"
        " who work on new materials in labs and industry.",
        "description_ja": "電池、半導体、高分子、鉄鋼。"
        "研究室や企業で新材料に取り組む同窓生への質問。",
        "questions": [
            "Which Japanese labs offer short research stays in battery materials?",
            "How do you move from a university lab to industry R&D in Japan?",
        ],
    },
]

EVENT_CHANNEL: dict[str, Any] = {
    "slug": "seventh-india-alumni-meeting-qa",
    "title": "7th India alumni meeting: live Q&A",
    "title_ja": "第7回インド同窓会 ライブQ&A",
    "description": "Questions for the speakers and the careers panel in New Delhi."
    " Upvote the ones you want answered first.",
    "description_ja": "ニューデリーの講演者とキャリアパネルへの質問。"
    "先に聞きたい質問に投票してください。",
}


def _subject_group(slug: str) -> SubjectGroup | None:
    """The demo subject group, created from the members demo vocabulary if it is missing."""
    for group_slug, name, name_ja, _cluster, description in SUBJECT_GROUPS:
        if group_slug == slug:
            return SubjectGroup.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "name_ja": name_ja, "description": description},
            )[0]
    return None


def _upsert(slug: str, fields: dict[str, Any]) -> QuestionChannel:
    channel, created = QuestionChannel.objects.get_or_create(slug=slug, defaults=fields)
    if not created and any(getattr(channel, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(channel, name, value)
        channel.save()
    return channel


def _sample_questions(channel: QuestionChannel, texts: list[str], askers: list[Member]) -> int:
    if channel.questions.exists() or not askers:
        return 0
    for number, text in enumerate(texts):
        question = Question.objects.create(
            channel=channel, author=askers[number % len(askers)], text=text
        )
        ChannelEvent.objects.create(channel=channel, question=question, kind=EventKind.ASKED)
    return len(texts)


@transaction.atomic
def seed_qa_channels(report: Report) -> list[QuestionChannel]:
    """Create or refresh the demo Q&A channels; sample questions need some active members."""
    askers = list(
        Member.objects.filter(status=MemberStatus.ACTIVE, user__isnull=False).order_by("pk")[:4]
    )
    channels, asked = [], 0
    for spec in STANDING_CHANNELS:
        fields = {
            name: spec[name] for name in ("title", "title_ja", "description", "description_ja")
        }
        channel = _upsert(spec["slug"], {**fields, "subject_group": _subject_group(spec["group"])})
        asked += _sample_questions(channel, spec["questions"], askers)
        channels.append(channel)
    meeting = (
        EventPage.objects.filter(slug=INDIA_MEETING_SLUG, locale__language_code="en").first()
        or EventPage.objects.filter(slug=INDIA_MEETING_SLUG).first()
    )
    if meeting is not None:
        fields = {name: value for name, value in EVENT_CHANNEL.items() if name != "slug"}
        channels.append(_upsert(EVENT_CHANNEL["slug"], {**fields, "event": meeting}))
    report(f"{len(channels)} Q&A channels ({asked} sample questions)")
    return channels
