"""Profile photos: Pillow-validated uploads stored as Wagtail images, nothing kept on bad input."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from club.members.photos import MAX_PHOTO_BYTES


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def image_count(db):
    """The number of images stored before the test (the demo site has its own)."""
    return get_image_model().objects.count()


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (300, 300), **options) -> bytes:
    buffer = BytesIO()
    PillowImage.new("RGB", size, (155, 27, 72)).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims huge dimensions: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def upload(client, name: str, content: bytes, content_type: str = "image/png"):
    photo = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(reverse("members:profile-photo"), {"photo": photo})


@pytest.fixture
def signed_in(client, demo_site, alice):
    client.force_login(alice.user)
    return client


def test_a_good_photo_is_stored_as_a_wagtail_image(signed_in, alice, media_root):
    response = upload(signed_in, "me.png", image_bytes())

    assert response.status_code == 302
    alice.refresh_from_db()
    assert isinstance(alice.photo, get_image_model())
    assert (alice.photo.width, alice.photo.height) == (300, 300)
    assert alice.photo.file_size > 0
    assert Path(alice.photo.file.path).is_file()
    assert "me.png" not in alice.photo.file.name  # the uploaded name is not kept


def test_profile_pages_show_a_rendition(signed_in, alice):
    alice.visibility_profile = "public"
    alice.save()
    upload(signed_in, "me.jpg", image_bytes("JPEG"), "image/jpeg")
    alice.refresh_from_db()

    for url in (reverse("members:profile"), reverse("members:member-detail", args=[alice.pk])):
        page = signed_in.get(url).content.decode()
        assert ".fill-200x200" in page
    assert alice.photo.renditions.filter(filter_spec="fill-200x200").exists()


def test_a_new_photo_replaces_and_deletes_the_old_one(
    signed_in, alice, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(signed_in, "old.png", image_bytes())
    alice.refresh_from_db()
    old_image, old_path = alice.photo, Path(alice.photo.file.path)
    signed_in.get(reverse("members:profile"))  # makes a rendition file too

    with django_capture_on_commit_callbacks(execute=True):
        upload(signed_in, "new.webp", image_bytes("WEBP"), "image/webp")

    alice.refresh_from_db()
    assert alice.photo.pk != old_image.pk
    assert not get_image_model().objects.filter(pk=old_image.pk).exists()
    assert not old_path.exists()
    assert stored_files(media_root) == [Path(alice.photo.file.path)]


def test_a_photo_can_be_removed(
    signed_in, alice, media_root, image_count, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(signed_in, "me.png", image_bytes())
        signed_in.post(reverse("members:profile-photo"), {"remove": "1"})

    alice.refresh_from_db()
    assert alice.photo is None
    assert get_image_model().objects.count() == image_count
    assert stored_files(media_root) == []


def test_camera_location_and_other_exif_data_are_removed(signed_in, alice):
    exif = PillowImage.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N", 2: (35.0, 41.0, 22.0)}  # GPS
    upload(signed_in, "me.jpeg", image_bytes("JPEG", exif=exif.tobytes()), "image/jpeg")

    alice.refresh_from_db()
    with PillowImage.open(alice.photo.file.path) as stored:
        assert dict(stored.getexif()) == {}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"This is a text file, not a photo.\n" * 20, "not a photo we can read"),
        ("me.gif", image_bytes("PNG"), "Please upload a JPEG, PNG or WebP photo"),
        ("me.GIF", image_bytes("GIF"), "Please upload a JPEG, PNG or WebP photo"),
        ("me.jpg", image_bytes("PNG"), "does not match its contents"),
        ("me.png", image_bytes("WEBP"), "does not match its contents"),
        ("me", image_bytes("PNG"), "Please upload a JPEG, PNG or WebP photo"),
        ("truncated.png", image_bytes("PNG")[:200], "not a photo we can read"),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_PHOTO_BYTES, "larger than 10 MB"),
        ("bomb.png", png_header_claiming(50_000, 50_000), "too large (more than 40 million"),
        ("empty.png", b"", "The submitted file is empty"),
    ],
)
def test_bad_photos_give_a_form_error_and_store_nothing(
    signed_in, alice, media_root, image_count, name, content, message
):
    response = upload(signed_in, name, content)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["photo"])
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert alice.photo is None
    assert get_image_model().objects.count() == image_count
    assert stored_files(media_root) == []


def test_a_photo_over_the_pixel_limit_is_refused(signed_in, alice, media_root, image_count):
    # 7000 x 6000 = 42 million pixels: below Pillow's own limit, above the site's 40 million.
    buffer = BytesIO()
    PillowImage.new("1", (7000, 6000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 1024 * 1024

    response = upload(signed_in, "wide.png", buffer.getvalue())

    assert "too large (more than 40 million pixels)" in response.content.decode()
    assert get_image_model().objects.count() == image_count
    assert stored_files(media_root) == []


def test_a_bad_photo_leaves_the_current_photo_in_place(signed_in, alice, image_count):
    upload(signed_in, "me.png", image_bytes())
    alice.refresh_from_db()
    current = alice.photo

    upload(signed_in, "notes.jpg", b"not an image")

    alice.refresh_from_db()
    assert alice.photo == current
    assert get_image_model().objects.count() == image_count + 1


def test_a_post_without_a_file_is_a_form_error(signed_in):
    response = signed_in.post(reverse("members:profile-photo"), {})

    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
