"""factory_boy factories for members data."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model

from club.members.models import (
    CareerEntry,
    Chapter,
    ChapterMembership,
    GroupRole,
    Institution,
    Member,
    Participation,
    Revisit,
    RevisitKind,
    SubjectGroup,
)
from club.members.programmes import Programme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Institute {n}")
    country = "JP"


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chapter {n}")
    slug = factory.Sequence(lambda n: f"chapter-{n}")


class SubjectGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubjectGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    user = factory.SubFactory(UserFactory)
    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    country = "IN"
    nationality = "IN"
    contact_email = factory.LazyAttribute(lambda m: m.user.email if m.user else "")


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    member = factory.SubFactory(MemberFactory)
    programme = Programme.COURSE_A
    fiscal_year = 2018
    start_date = date(2018, 7, 2)
    end_date = factory.LazyAttribute(lambda p: p.start_date + timedelta(days=7))
    host_institution = factory.SubFactory(InstitutionFactory, name="Tohoku University")


class RevisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Revisit

    member = factory.SubFactory(MemberFactory)
    kind = RevisitKind.DEGREE
    start_date = date(2020, 4, 1)
    institution = factory.SubFactory(InstitutionFactory, name="Tohoku University")


class CareerEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerEntry

    member = factory.SubFactory(MemberFactory)
    position = "Research engineer"
    organisation = "Tata Steel"
    country = "IN"
    start_date = date(2021, 1, 1)
    is_current = True


def join(member: Member, chapter: Chapter, coordinator: bool = False) -> ChapterMembership:
    role = GroupRole.COORDINATOR if coordinator else GroupRole.MEMBER
    return ChapterMembership.objects.create(member=member, chapter=chapter, role=role)
