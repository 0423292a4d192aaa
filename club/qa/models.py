"""Q&A channels: questions, answers, upvotes, and the append-only event log clients resume from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from club.bilingual import pick

if TYPE_CHECKING:
    from club.events.models import EventPage

QUESTION_MAX_LENGTH = 1000
ANSWER_MAX_LENGTH = 2000


class QuestionState(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    HIDDEN = "hidden", _("Hidden by a moderator")
    PINNED = "pinned", _("Pinned")


class QuestionChannel(models.Model):
    """A place to ask: the live session of an event, or a standing channel by topic or group."""

    title = models.CharField(_("title"), max_length=150)
    title_ja = models.CharField(_("title in Japanese"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    description_ja = models.TextField(_("description in Japanese"), blank=True, max_length=2000)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_channels",
        help_text=_("For the live Q&A of a reunion. Leave empty for a standing channel."),
    )
    subject_group = models.ForeignKey(
        "members.SubjectGroup",
        verbose_name=_("subject group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_channels",
        help_text=_("A standing channel of a subject group; its coordinators moderate it."),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Visitors who are not signed in may read it.")
    )
    is_open = models.BooleanField(
        _("open for questions"), default=True, help_text=_("Members may ask and vote.")
    )
    moderators = models.ManyToManyField(
        "members.Member",
        verbose_name=_("moderators"),
        blank=True,
        related_name="moderated_question_channels",
        help_text=_("Besides the hosting chapter's or group's coordinators and JST staff."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("question channel")
        verbose_name_plural = _("question channels")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=True) | models.Q(subject_group__isnull=True),
                name="qa_channel_event_or_group",
                violation_error_message=_(
                    "A channel belongs to an event or to a subject group, not both."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.localized_title

    @property
    def localized_title(self) -> str:
        return pick(self.title, self.title_ja)

    @property
    def localized_description(self) -> str:
        return pick(self.description, self.description_ja)

    @property
    def localized_event(self) -> EventPage | None:
        """The event page in the active language if it has a live translation, else the event."""
        return self.event.localized if self.event is not None else None

    @property
    def group_name(self) -> str:
        """The Channels group every live client of this channel joins."""
        return f"qa.{self.pk}"


class QuestionQuerySet(models.QuerySet["Question"]):
    def ranked(self) -> QuestionQuerySet:
        """Pinned first, then most votes, oldest first among equals; hidden ones last."""
        rank = Case(
            When(state=QuestionState.PINNED, then=Value(0)),
            When(state=QuestionState.HIDDEN, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return self.alias(rank=rank).order_by("rank", "-vote_count", "created_at", "pk")

    def listed_for(self, moderator: bool) -> QuestionQuerySet:
        """What a reader sees: everything for moderators, all but hidden questions for others."""
        return self if moderator else self.exclude(state=QuestionState.HIDDEN)

    def all_answered(self) -> bool:
        """Questions were asked and none waits any more (hidden ones were never really asked)."""
        asked = self.exclude(state=QuestionState.HIDDEN)
        return asked.exists() and not asked.for_presenter().exists()

    def for_presenter(self) -> QuestionQuerySet:
        """The questions still waiting for the speaker: pinned and open."""
        return self.filter(state__in=[QuestionState.PINNED, QuestionState.OPEN])


class Question(models.Model):
    """A question asked in a channel; ``vote_count`` mirrors its Vote rows for ranking."""

    channel = models.ForeignKey(QuestionChannel, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        "members.Member",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    state = models.CharField(
        _("state"), max_length=10, choices=QuestionState.choices, default=QuestionState.OPEN
    )
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["channel", "state", "-vote_count"])]

    def __str__(self) -> str:
        return self.text[:60]


class Answer(models.Model):
    """A written answer to a question (the speaker, a moderator or a fellow member)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        "members.Member",
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="qa_answers",
    )
    text = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.text[:60]


class Vote(models.Model):
    """One member's upvote of one question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="question_votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["question", "member"], name="qa_one_vote_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.question_id}"


class EventKind(models.TextChoices):
    ASKED = "asked", _("Question asked")
    ANSWERED = "answered", _("Answer posted")
    VOTED = "voted", _("Votes changed")
    MODERATED = "moderated", _("State changed")


class ChannelEvent(models.Model):
    """One change to a channel, in commit order; a reconnecting client asks for ids after its last.

    Rows are only ever appended. The id is the client's resume cursor.
    """

    id = models.BigAutoField(primary_key=True)
    channel = models.ForeignKey(QuestionChannel, on_delete=models.CASCADE, related_name="events")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("channel event")
        verbose_name_plural = _("channel events")
        indexes = [models.Index(fields=["channel", "id"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"
