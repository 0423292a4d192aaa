"""import_alumni: streaming, encodings, validation report, atomicity, idempotence, invitations."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from club.members.models import FieldTag, Institution, Member, Participation
from tests.factories import MemberFactory, UserFactory

COLUMNS = [
    "roster_id",
    "email",
    "given_name",
    "family_name",
    "native_name",
    "name_order",
    "nationality",
    "country_of_residence",
    "programme",
    "fiscal_year",
    "start_date",
    "end_date",
    "sending_institution",
    "host_institution",
    "fields",
    "position",
    "organisation",
    "preferred_language",
]


def person(**overrides: str) -> dict[str, str]:
    row = {
        "roster_id": "SSP-2019-0001",
        "email": "priya.sharma@example.org",
        "given_name": "Priya",
        "family_name": "Sharma",
        "native_name": "प्रिया शर्मा",
        "name_order": "given_first",
        "nationality": "IN",
        "country_of_residence": "IN",
        "programme": "A",
        "fiscal_year": "2019",
        "start_date": "2019-07-01",
        "end_date": "2019-07-10",
        "sending_institution": "Indian Institute of Technology Hyderabad",
        "host_institution": "Tohoku University",
        "fields": "Materials science; Chemistry",
        "position": "PhD student",
        "organisation": "IIT Hyderabad",
        "preferred_language": "en",
    }
    row.update(overrides)
    return row


def yamada(**overrides: str) -> dict[str, str]:
    return person(
        roster_id="SSP-2018-0042",
        email="taro.yamada@example.org",
        given_name="Taro",
        family_name="Yamada",
        native_name="山田 太郎",
        name_order="family_first",
        nationality="Brazil",
        country_of_residence="Brazil",
        programme="course b",
        fiscal_year="2018",
        start_date="2018-11-05",
        end_date="2018-11-20",
        sending_institution="University of Sao Paulo",
        host_institution="京都大学",
        fields="Robotics",
        preferred_language="ja",
        **overrides,
    )


def write_roster(
    path: Path, rows: list[dict[str, str]], columns=COLUMNS, encoding: str = "utf-8"
) -> Path:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def run(path: Path, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_alumni", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(path: Path, *args: str) -> tuple[str, str]:
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_alumni", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue(), str(failure.value)


def counts() -> dict[str, int]:
    return {
        "users": get_user_model().objects.count(),
        "members": Member.objects.count(),
        "participations": Participation.objects.count(),
        "institutions": Institution.objects.count(),
    }


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return write_roster(
        tmp_path / "roster.csv",
        [
            person(),
            person(programme="Course B: joint research", fiscal_year="2021",
                   start_date="2021-10-04", end_date="2021-12-17",
                   host_institution="Osaka University"),
            yamada(),
        ],
    )  # fmt: skip


def test_it_imports_members_participations_and_institutions(db, roster):
    before = counts()

    out, _err = run(roster)

    after = counts()
    assert after["users"] == before["users"] + 2
    assert after["members"] == before["members"] + 2
    assert after["participations"] == before["participations"] + 3
    created = after["institutions"] - before["institutions"]
    assert f"New institutions: {created}." in out
    assert 1 <= created <= 5
    priya = Member.objects.select_related("user").get(roster_id="SSP-2019-0001")
    assert priya.contact_email == priya.user.email == "priya.sharma@example.org"
    assert not priya.user.has_usable_password()
    assert priya.user.is_active
    assert priya.status == "active"
    assert priya.country == "IN"
    assert sorted(priya.fields.names()) == ["Chemistry", "Materials science"]
    first, second = priya.participations.order_by("start_date")
    assert (first.programme, first.fiscal_year, first.end_date) == ("A", 2019, date(2019, 7, 10))
    assert first.host_institution.name == "Tohoku University"
    assert first.sending_institution.country == "IN"
    assert second.programme == "B"
    assert second.host_institution.country == "JP"
    assert "Import complete" in out


def test_new_institutions_take_the_members_nationality_or_japan(db, roster):
    run(roster)

    assert Institution.objects.get(name="University of Sao Paulo").country == "BR"
    assert Institution.objects.get(name="京都大学").country == "JP"
    assert Member.objects.get(roster_id="SSP-2018-0042").nationality == "BR"


def test_reimport_is_idempotent_and_updates_fields(db, roster, tmp_path):
    run(roster)
    after_first = counts()
    changed = write_roster(
        tmp_path / "again.csv",
        [person(position="Assistant professor", organisation="IIT Delhi"), yamada()],
    )

    out, _err = run(changed)

    assert counts() == after_first
    priya = Member.objects.get(roster_id="SSP-2019-0001")
    assert (priya.position, priya.organisation) == ("Assistant professor", "IIT Delhi")
    assert priya.participations.count() == 2
    assert "Members: 0 new, 1 updated, 1 unchanged." in out


def test_it_matches_an_existing_member_by_email_and_records_the_roster_id(db, roster):
    existing = MemberFactory(
        user=UserFactory(username="priya", email="Priya.Sharma@example.org"),
        contact_email="priya@home.example",
        given_name="Priya",
    )
    before = counts()

    run(roster)

    existing.refresh_from_db()
    assert existing.roster_id == "SSP-2019-0001"
    assert existing.participations.count() == 2
    assert counts()["members"] == before["members"] + 1  # only Taro is new


def test_it_matches_by_roster_id_when_the_email_changed(db, tmp_path):
    member = MemberFactory(roster_id="SSP-2019-0001", contact_email="old@example.org")
    before = counts()

    run(write_roster(tmp_path / "r.csv", [person(email="new@example.org")]))

    member.refresh_from_db()
    assert member.contact_email == "new@example.org"
    assert counts()["members"] == before["members"]


def test_rows_of_one_person_in_different_chunks_make_one_member(db, tmp_path):
    rows = [
        person(),
        yamada(),
        person(email="", programme="HSP", fiscal_year="2016", start_date="2016-05-10",
               end_date="2016-05-17"),
    ]  # fmt: skip
    before = counts()

    run(write_roster(tmp_path / "r.csv", rows), "--chunk-size", "1")

    assert counts()["members"] == before["members"] + 2
    assert Member.objects.get(roster_id="SSP-2019-0001").participations.count() == 2


def test_utf8_with_bom_keeps_japanese_names(db, tmp_path):
    path = write_roster(tmp_path / "bom.csv", [yamada()], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    out, _err = run(path)

    taro = Member.objects.get(roster_id="SSP-2018-0042")
    assert taro.native_name == "山田 太郎"
    assert taro.display_name == "Yamada Taro"
    assert taro.preferred_language == "ja"
    assert "utf-8-sig" in out


@pytest.mark.parametrize("args", [(), ("--encoding", "shift_jis")])
def test_shift_jis_is_decoded_with_japanese_names(db, tmp_path, args):
    path = write_roster(tmp_path / "sjis.csv", [yamada()], encoding="cp932")

    run(path, *args)

    taro = Member.objects.get(roster_id="SSP-2018-0042")
    assert taro.native_name == "山田 太郎"
    assert taro.participations.get().host_institution.name == "京都大学"


def test_shift_jis_is_detected_after_a_long_ascii_start(db, tmp_path):
    ascii_rows = [
        person(roster_id=f"SSP-2019-{n:04d}", email=f"p{n}@example.org", native_name="")
        for n in range(1000)
    ]
    path = write_roster(tmp_path / "late.csv", [*ascii_rows, yamada()], encoding="cp932")
    assert path.read_bytes()[: 64 * 1024].isascii()

    run(path)

    assert Member.objects.get(roster_id="SSP-2018-0042").native_name == "山田 太郎"


def test_the_progress_bar_reports_rows(db, tmp_path):
    rows = [person(roster_id=f"R{n}", email=f"p{n}@example.org") for n in range(25)]

    _out, err = run(write_roster(tmp_path / "r.csv", rows), "--chunk-size", "2")

    assert "25 rows" in err
    assert "100%" in err


def test_skip_invalid_imports_only_the_good_rows(db, tmp_path):
    rows = [
        person(),
        person(roster_id="BAD", email="bad@example.org", end_date="2019-01-01"),
        yamada(),
    ]
    before = counts()

    out, _err = run(write_roster(tmp_path / "r.csv", rows), "--skip-invalid")

    assert counts()["members"] == before["members"] + 2
    assert not Member.objects.filter(roster_id="BAD").exists()
    assert "Line 3, end_date:" in out
    assert "1 invalid rows were skipped" in out


def test_dry_run_writes_nothing_and_reports_what_it_would_do(db, roster):
    before = counts()
    tags = FieldTag.objects.count()

    out, _err = run(roster, "--dry-run", "--invite")

    assert counts() == before
    assert FieldTag.objects.count() == tags
    assert "Members: 2 new, 0 updated, 0 unchanged." in out
    assert "Participations: 3 new" in out
    assert "Dry run: nothing was written." in out
    assert mail.outbox == []


def test_invite_emails_a_working_claim_link_to_new_members_only(db, client, roster, alice):
    rows = [person(), yamada(), person(roster_id="", email=alice.user.email, given_name="Alice",
                                       programme="C", fiscal_year="2017", start_date="2017-08-01",
                                       end_date="2017-08-09")]  # fmt: skip
    path = write_roster(roster.parent / "invite.csv", rows)

    out, _err = run(path, "--invite")

    assert sorted(message.to[0] for message in mail.outbox) == [
        "priya.sharma@example.org",
        "taro.yamada@example.org",
    ]
    assert "Invitations sent: 2." in out
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert "/account/claim/" in link
    path_only = re.sub(r"^https?://[^/]+", "", link)
    assert client.get(path_only, follow=True).status_code == 200


def test_reimport_with_invite_sends_nothing_to_known_members(db, roster):
    run(roster)

    run(roster, "--invite")

    assert mail.outbox == []


def test_fields_are_added_without_duplicates(db, roster, tmp_path):
    FieldTag.objects.get_or_create(name="Chemistry", defaults={"slug": "chemistry"})
    run(roster)
    run(write_roster(tmp_path / "r.csv", [person(fields="chemistry; Catalysis")]))

    priya = Member.objects.get(roster_id="SSP-2019-0001")
    assert sorted(priya.fields.names()) == ["Catalysis", "Chemistry", "Materials science"]
    assert FieldTag.objects.filter(name__iexact="chemistry").count() == 1


def test_a_committed_import_derives_the_rows_of_the_members_it_touched(db, roster):
    from club.outcomes.models import Alumnus
    from search.models import DirectoryEntry

    run(roster, "--dry-run")
    assert not DirectoryEntry.objects.exists()

    run(roster)

    imported = set(Member.objects.filter(roster_id__startswith="SSP-").values_list("pk", flat=True))
    assert set(DirectoryEntry.objects.values_list("pk", flat=True)) == imported
    assert set(Alumnus.objects.values_list("member_id", flat=True)) == imported


def test_the_number_of_queries_does_not_grow_with_the_rows(db, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count: int, prefix: str) -> tuple[int, int]:
        rows = [
            person(roster_id=f"{prefix}{n}", email=f"{prefix}{n}@example.org") for n in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            run(write_roster(tmp_path / f"{prefix}.csv", rows))
        sql = [query["sql"] for query in captured]
        inserts = sum(statement.startswith("INSERT") for statement in sql)
        return len(sql) - inserts, inserts

    queries_for(1, "warm")  # creates the institutions and fields once
    few_lookups, _few_inserts = queries_for(5, "few")
    many_lookups, many_inserts = queries_for(300, "many")

    assert many_lookups == few_lookups
    # Bulk inserts, batched by the database's parameter limit: a few statements per 100 rows.
    assert many_inserts < 300 / 5


@pytest.fixture
def smtp(settings):
    from tests.smtp_server import SmtpServer

    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server


def test_invitations_share_one_smtp_session(db, roster, smtp):
    out, _err = run(roster, "--invite")

    assert "Invitations sent: 2." in out
    assert (smtp.sessions, smtp.messages) == (1, 2)


def test_a_refused_invitation_is_reported_and_the_rest_still_go(db, tmp_path, smtp):
    rows = [person(), person(roster_id="SSP-9", email="refuse.me@example.org"), yamada()]

    out, _err = run(write_roster(tmp_path / "r.csv", rows), "--invite")

    assert "Invitations sent: 2." in out
    assert "Could not send the invitation to refuse.me@example.org" in out
    assert smtp.messages == 2
    assert smtp.sessions == 2  # the failed session is not reused
