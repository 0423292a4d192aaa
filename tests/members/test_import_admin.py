"""The roster import in the Wagtail admin: permission, preview, import, and bad uploads."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from club.members.models import Member, Participation
from club.members.roster.uploads import SESSION_KEY
from tests.factories import UserFactory

HEADER = [
    "roster_id", "email", "given_name", "family_name", "native_name", "nationality",
    "programme", "start_date", "end_date", "host_institution",
]  # fmt: skip
GOOD = [
    ["SSP-1", "lin.wei@example.org", "Wei", "Lin", "林 偉", "CN", "A", "2019-07-01", "2019-07-10",
     "Tohoku University"],
    ["SSP-2", "taro@example.org", "Taro", "Yamada", "山田 太郎", "BR", "HSP", "2018-05-07",
     "2018-05-14", "京都大学"],
]  # fmt: skip
BAD = ["SSP-3", "bad@example.org", "Bad", "Dates", "", "IN", "A", "2019-07-10", "2019-07-01", ""]


def csv_upload(rows: list[list[str]], encoding: str = "utf-8", name: str = "roster.csv"):
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerows([HEADER, *rows])
    return SimpleUploadedFile(name, text.getvalue().encode(encoding), content_type="text/csv")


@pytest.fixture(autouse=True)
def private_upload_dir(settings, tmp_path):
    settings.ROSTER_UPLOAD_DIR = str(tmp_path / "uploads")


@pytest.fixture
def staff_client(client, jess):
    client.force_login(jess)
    return client


def upload(client, file, **options):
    return client.post(reverse("members-roster-import"), {"file": file, **options})


def confirm(client, response):
    token = response.context["pending"].token
    return client.post(reverse("members-roster-import-confirm"), {"token": token})


def imported() -> int:
    return Member.objects.filter(roster_id__startswith="SSP-").count()


def test_staff_see_the_upload_form_and_the_menu_item(staff_client):
    response = staff_client.get(reverse("members-roster-import"))

    assert response.status_code == 200
    assert b"roster_id" in response.content
    assert b'enctype="multipart/form-data"' in response.content
    assert reverse("members-roster-import").encode() in staff_client.get("/admin/").content


def test_a_preview_writes_nothing_and_lists_every_row(staff_client, tmp_path):
    response = upload(staff_client, csv_upload(GOOD))

    assert response.status_code == 200
    assert imported() == 0
    report = response.context["report"]
    assert (report.dry_run, report.members_created, report.participations_created) == (
        True,
        2,
        2,
    )
    assert "Taro Yamada" in response.content.decode()
    assert "山田 太郎" in response.content.decode()
    assert "Import 2 rows" in response.content.decode()
    assert list((tmp_path / "uploads").iterdir())


def test_confirming_the_preview_imports_the_roster(staff_client):
    preview = upload(staff_client, csv_upload(GOOD, encoding="cp932"), invite="on")

    response = confirm(staff_client, preview)

    assert response.status_code == 200
    assert response.context["report"].committed
    assert imported() == 2
    assert Member.objects.get(roster_id="SSP-2").native_name == "山田 太郎"
    assert Participation.objects.filter(member__roster_id__in=["SSP-1", "SSP-2"]).count() == 2
    assert len(mail.outbox) == 2
    assert "/account/claim/" in mail.outbox[0].body
    assert SESSION_KEY not in staff_client.session or not staff_client.session[SESSION_KEY]


def test_a_preview_can_be_imported_only_once(staff_client):
    preview = upload(staff_client, csv_upload(GOOD))
    confirm(staff_client, preview)

    again = confirm(staff_client, preview)

    assert again.status_code == 302
    assert imported() == 2


def test_an_unknown_token_imports_nothing(staff_client):
    upload(staff_client, csv_upload(GOOD))

    response = staff_client.post(
        reverse("members-roster-import-confirm"), {"token": "../../etc/passwd"}
    )

    assert response.status_code == 302
    assert imported() == 0


def test_another_session_cannot_import_someone_elses_upload(staff_client, client, jess):
    preview = upload(staff_client, csv_upload(GOOD))
    other = UserFactory(username="jun")
    other.groups.set(jess.groups.all())
    client.force_login(other)

    response = confirm(client, preview)

    assert response.status_code == 302
    assert imported() == 0


def test_invalid_rows_are_reported_with_line_numbers_and_cannot_be_imported(staff_client):
    response = upload(staff_client, csv_upload([*GOOD, BAD]))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"].failed
    assert "before the start date" in content
    assert "<td>4</td>" in content
    assert reverse("members-roster-import-confirm") not in content
    assert imported() == 0


def test_skip_invalid_imports_only_the_good_rows(staff_client):
    preview = upload(staff_client, csv_upload([*GOOD, BAD]), skip_invalid="on")
    assert "Import 2 rows" in preview.content.decode()

    confirm(staff_client, preview)

    assert imported() == 2
    assert not Member.objects.filter(roster_id="SSP-3").exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("r.csv", b""), "The submitted file is empty."),
        (SimpleUploadedFile("r.csv", b"\x00\x01\x02binary\x00"), "binary file"),
        (SimpleUploadedFile("r.xlsx", b"PK\x03\x04\x14\x00rest"), "Excel workbook"),
        (SimpleUploadedFile("r.csv", b"name,email\r\nA,a@example.org\r\n"), "missing the required"),
        (SimpleUploadedFile("r.csv", ",".join(HEADER).encode() + b"\r\n"), "no rows"),
        (SimpleUploadedFile("r.csv", b"roster_id\r\n\x81\xff\xfe\x80"), "neither UTF-8 nor"),
    ],
)
def test_a_bad_upload_is_a_form_error_never_a_500(staff_client, file, message):
    response = upload(staff_client, file)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert imported() == 0


def test_a_post_without_a_file_is_a_form_error(staff_client):
    response = staff_client.post(reverse("members-roster-import"), {"encoding": "klingon"})

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"file", "encoding"}


def test_a_plain_member_is_sent_away(client, alice):
    client.force_login(alice.user)

    get = client.get(reverse("members-roster-import"))
    post = upload(client, csv_upload(GOOD))

    assert get.status_code in (302, 403)
    assert post.status_code in (302, 403)
    assert "/admin/login/" in get.headers.get("Location", "/admin/login/")
    assert imported() == 0


def test_an_admin_user_without_the_permission_is_refused(db, client):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    get = client.get(reverse("members-roster-import"))
    post = upload(client, csv_upload(GOOD))
    menu = client.get("/admin/")

    assert get.status_code in (302, 403)
    assert post.status_code in (302, 403)
    assert reverse("members-roster-import").encode() not in menu.content
    assert imported() == 0


def test_anonymous_visitors_are_sent_to_the_login(db, client):
    response = client.get(reverse("members-roster-import"))

    assert response.status_code == 302
    assert "/admin/login/" in response.headers["Location"]
