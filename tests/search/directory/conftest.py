"""A small, hand-built alumni population for the directory contract suite."""

from __future__ import annotations

from datetime import date

import pytest

from club.members.models import FieldTag, Institution, InstitutionAlias, MemberStatus, NameOrder
from club.members.privacy import Viewer
from club.members.sections import Visibility
from tests.factories import (
    CareerEntryFactory,
    MemberFactory,
    ParticipationFactory,
    RevisitFactory,
    UserFactory,
    join,
)

PUBLIC = Visibility.PUBLIC


def _member(username, given, family, country, **extra):
    tags = extra.pop("tags", [])
    member = MemberFactory(
        user=UserFactory(username=username),
        given_name=given,
        family_name=family,
        country=country,
        nationality=extra.pop("nationality", country),
        **extra,
    )
    if tags:
        member.fields.add(*tags)
    return member


@pytest.fixture
def population(db, india, thailand):
    """Eight alumni with known facets and privacy settings."""
    tohoku = Institution.objects.create(name="Tohoku University", name_ja="東北大学", country="JP")
    kyoto = Institution.objects.create(name="Kyoto University", name_ja="京都大学", country="JP")
    madras = Institution.objects.create(
        name="Indian Institute of Technology Madras", country="IN", kind="university"
    )
    InstitutionAlias.objects.create(institution=madras, name="IIT Madras")
    vnu = Institution.objects.create(name="Vietnam National University, Hanoi", country="VN")
    materials = FieldTag.objects.create(name="Materials science", name_ja="材料科学", curated=True)
    chemistry = FieldTag.objects.create(name="Chemistry", name_ja="化学", curated=True)

    everything_public = {
        f"visibility_{s}": PUBLIC
        for s in ("profile", "bio", "contact", "career", "participation", "revisits")
    }
    people = {}
    people["an"] = _member(
        "an",
        "An",
        "Nguyễn Văn",
        "VN",
        name_order=NameOrder.FAMILY_FIRST,
        native_name="Nguyễn Văn An",
        tags=[materials],
        **everything_public,
    )
    ParticipationFactory(
        member=people["an"],
        programme="A",
        fiscal_year=2016,
        start_date=date(2016, 7, 4),
        end_date=date(2016, 7, 10),
        host_institution=tohoku,
        sending_institution=vnu,
    )
    RevisitFactory(
        member=people["an"], kind="degree", institution=tohoku, start_date=date(2018, 4, 1)
    )
    CareerEntryFactory(
        member=people["an"], position="Materials engineer", organisation="VinFast", country="VN"
    )

    people["jose"] = _member(
        "jose",
        "José",
        "Rizal",
        "PH",
        tags=[chemistry],
        position="Lecturer",
        organisation="University of the Philippines",
    )
    ParticipationFactory(
        member=people["jose"],
        programme="B",
        fiscal_year=2018,
        start_date=date(2018, 9, 3),
        end_date=date(2018, 9, 20),
        host_institution=kyoto,
    )

    people["ananya"] = _member(
        "ananya",
        "Ananya",
        "Sharma",
        "JP",
        nationality="IN",
        native_name="अनन्या शर्मा",
        tags=[materials],
        visibility_profile=PUBLIC,
        visibility_participation=PUBLIC,
        visibility_revisits=Visibility.CHAPTER,
    )
    join(people["ananya"], india)
    ParticipationFactory(
        member=people["ananya"],
        programme="C",
        fiscal_year=2019,
        start_date=date(2019, 11, 5),
        end_date=date(2019, 11, 14),
        host_institution=tohoku,
        sending_institution=madras,
    )
    RevisitFactory(
        member=people["ananya"], kind="researcher", institution=tohoku, start_date=date(2022, 10, 1)
    )

    people["somchai"] = _member(
        "somchai",
        "Somchai",
        "Jaidee",
        "TH",
        native_name="สมชาย ใจดี",
        tags=[materials],
        visibility_profile=PUBLIC,
        visibility_participation=Visibility.PRIVATE,
        position="Postdoc",
        organisation="NIMS",
        visibility_career=Visibility.PRIVATE,
    )
    join(people["somchai"], thailand)
    ParticipationFactory(
        member=people["somchai"],
        programme="A",
        fiscal_year=2017,
        start_date=date(2017, 8, 1),
        end_date=date(2017, 8, 7),
        host_institution=tohoku,
    )

    people["li"] = _member(
        "li",
        "Wei",
        "Li",
        "CN",
        name_order=NameOrder.FAMILY_FIRST,
        native_name="李伟",
        visibility_profile=Visibility.PRIVATE,
    )
    ParticipationFactory(
        member=people["li"],
        programme="A",
        fiscal_year=2015,
        start_date=date(2015, 7, 1),
        end_date=date(2015, 7, 7),
        host_institution=kyoto,
    )

    people["lucas"] = _member("lucas", "Lucas", "Nakamura", "BR", **everything_public)
    ParticipationFactory(
        member=people["lucas"],
        programme="B",
        fiscal_year=2019,
        start_date=date(2019, 6, 3),
        end_date=date(2019, 6, 21),
        host_institution=kyoto,
    )

    people["gone"] = _member("gone", "Deleted", "Member", "IN", **everything_public)
    people["gone"].status = MemberStatus.ANONYMISED
    people["gone"].save()

    people["priya"] = _member("priya", "Priya", "Iyer", "IN", visibility_profile=Visibility.CHAPTER)
    join(people["priya"], india)
    return people


@pytest.fixture
def as_anonymous():
    return Viewer()


@pytest.fixture
def as_bob(bob):
    return Viewer.for_user(bob.user)


@pytest.fixture
def as_carol(carol):
    return Viewer.for_user(carol.user)


@pytest.fixture
def as_staff(jess):
    return Viewer.for_user(jess)


@pytest.fixture(params=["database", "elasticsearch"])
def directory(request, population):
    if request.param == "database":
        from search.directory.database import DatabaseDirectory

        return DatabaseDirectory()
    return request.getfixturevalue("elasticsearch_directory")


@pytest.fixture(scope="session")
def search_server_url(tmp_path_factory):
    """ELASTICSEARCH_URL if set (a real cluster), else a noida-db server for the session."""
    from tests.search_server import SearchServer, external_url

    if external_url():
        yield external_url()
        return
    server = SearchServer(tmp_path_factory.mktemp("noida")).start()
    yield server.url
    server.stop()


@pytest.fixture
def elasticsearch_directory(search_server_url, population, settings):
    import uuid

    from elasticsearch import Elasticsearch

    from search.directory.elastic import ElasticsearchDirectory
    from search.directory.elastic_index import rebuild

    client = Elasticsearch(search_server_url, request_timeout=10)
    alias = f"test-directory-{uuid.uuid4().hex[:8]}"
    settings.ELASTICSEARCH_URL = search_server_url
    settings.ELASTICSEARCH_INDEX = alias
    rebuild(client, alias)
    yield ElasticsearchDirectory(client, alias)
    for index in client.indices.get_alias(name=alias):
        client.indices.delete(index=index)
