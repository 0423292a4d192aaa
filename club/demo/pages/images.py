"""Generated demo pictures, so the demo site has images without shipping photos."""

from __future__ import annotations

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

PALETTES = [
    ((116, 16, 47), (232, 117, 154)),
    ((20, 60, 110), (120, 180, 230)),
    ((20, 90, 70), (140, 210, 170)),
    ((90, 50, 120), (220, 170, 230)),
    ((130, 70, 20), (245, 200, 120)),
]


def _draw(seed: int, size: tuple[int, int] = (1200, 675)) -> bytes:
    rng = random.Random(seed)
    dark, light = PALETTES[seed % len(PALETTES)]
    width, height = size
    picture = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        colour = tuple(int(d + (lt - d) * t) for d, lt in zip(dark, light, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(40):
        cx, cy, r = rng.randrange(width), rng.randrange(height), rng.randrange(8, 40)
        angle = rng.random() * math.tau
        for k in range(5):
            a = angle + k * math.tau / 5
            px, py = cx + math.cos(a) * r, cy + math.sin(a) * r
            draw.ellipse([px - r / 2, py - r / 2, px + r / 2, py + r / 2], fill=(255, 228, 236))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, seed: int) -> Image:
    """The generated image called ``title``, created once."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:60]
    file = ImageFile(io.BytesIO(_draw(seed)), name=f"{slug}.jpg")
    return Image.objects.create(title=title, file=file)
