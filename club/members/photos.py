"""Profile photos: strict validation of uploads, then storage as Wagtail images."""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from wagtail.images.models import AbstractImage

    from club.members.models import Member

MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_COLLECTION = "Member photos"

# Pillow format -> the file extensions that may carry it. GIF, SVG, HEIC and the rest
# are refused: only formats every browser shows and Pillow decodes safely.
PHOTO_FORMATS: dict[str, tuple[str, ...]] = {
    "JPEG": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
}
ALLOWED_EXTENSIONS = tuple(ext for exts in PHOTO_FORMATS.values() for ext in exts)


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo that passed validation, re-encoded without its metadata (EXIF, GPS)."""

    content: bytes
    extension: str
    width: int
    height: int


def max_photo_pixels() -> int:
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def check_photo(upload: UploadedFile[bytes]) -> CheckedPhoto:
    """Validate an uploaded photo with Pillow; raises ValidationError, never stores anything."""
    if upload.size is None or upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo is larger than %(size)s MB. Please upload a smaller file."),
            code="too_large",
            params={"size": MAX_PHOTO_BYTES // (1024 * 1024)},
        )
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Please upload a JPEG, PNG or WebP photo (.jpg, .jpeg, .png or .webp)."),
            code="bad_extension",
        )
    try:
        return _decode(upload, extension)
    except ValidationError:
        raise
    except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        # Pillow reports truncated and corrupt files through all of these.
        raise ValidationError(
            _("This file is not a photo we can read. Please upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        ) from error


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The photo is too large (more than %(pixels)s million pixels)."),
        code="too_many_pixels",
        params={"pixels": max_photo_pixels() // 1_000_000},
    )


def _decode(upload: UploadedFile[bytes], extension: str) -> CheckedPhoto:
    upload.seek(0)
    with warnings.catch_warnings():
        # A decompression bomb below Pillow's own hard limit only warns; we refuse it.
        warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
        with PillowImage.open(upload) as probe:
            image_format = probe.format or ""
            width, height = probe.size
            if extension not in PHOTO_FORMATS.get(image_format, ()):
                raise ValidationError(
                    _("The file extension .%(extension)s does not match its contents."),
                    code="extension_mismatch",
                    params={"extension": extension},
                )
            # Dimensions come from the header alone; check them before decoding any pixels.
            if width * height > max_photo_pixels():
                raise _too_many_pixels()
            probe.verify()
        upload.seek(0)
        with PillowImage.open(upload) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            return _encode(upright, image_format, extension)


def _encode(image: PillowImage.Image, image_format: str, extension: str) -> CheckedPhoto:
    """Re-encode the pixels only, which drops EXIF data such as the camera's GPS position."""
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    buffer = BytesIO()
    image.save(buffer, format=image_format, **options)
    return CheckedPhoto(buffer.getvalue(), extension, image.width, image.height)


def _photo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PHOTO_COLLECTION).first()
    return existing or root.add_child(name=PHOTO_COLLECTION)


def delete_photo(image: AbstractImage | None) -> None:
    """Delete a photo and its renditions; Wagtail removes the files after the commit."""
    if image is None:
        return
    for rendition in image.renditions.all():
        rendition.delete()
    image.delete()


def replace_photo(
    member: Member, photo: CheckedPhoto, uploaded_by: AbstractBaseUser | None = None
) -> AbstractImage:
    """Store a checked photo as the member's Wagtail image and delete the previous one."""
    image_model = get_image_model()
    # A random file name: the original name may carry personal data, and pk-based
    # names would let anyone guess the address of every original.
    name = f"{secrets.token_hex(12)}.{photo.extension}"
    content = ContentFile(photo.content, name=name)
    with transaction.atomic():
        image = image_model(
            title=str(_("Profile photo")),
            file=content,
            width=photo.width,
            height=photo.height,
            file_size=len(photo.content),
            file_hash=hash_filelike(BytesIO(photo.content)),
            collection=_photo_collection(),
            uploaded_by_user=uploaded_by,
        )
        image.save()
        previous = member.photo
        member.photo = image
        member.save(update_fields=["photo", "updated_at"])
        delete_photo(previous)
    return image


def remove_photo(member: Member) -> None:
    """Take the member's photo down and delete it."""
    with transaction.atomic():
        previous = member.photo
        member.photo = None
        member.save(update_fields=["photo", "updated_at"])
        delete_photo(previous)
