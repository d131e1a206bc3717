"""Persona pictures: accept only real PNG, JPEG, WebP and GIF images, and store a fresh re-encoding.

Nothing of the uploaded file is kept: the picture is decoded and encoded again (JPEG, or PNG
when it has transparency), which drops metadata and anything smuggled after the image data.
"""

from __future__ import annotations

import base64
import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 40_000_000  # far above any photo, far below what would exhaust the server's memory
STORED_SIZE = 512  # the gallery's picture
EMBEDDED_SIZE = 160  # the copy inside journey documents, so maps and exports show the face too

# Pillow's format name for each file signature we accept.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png"}


class PictureError(ValueError):
    """An upload that is not an acceptable picture; the message says why, for the user."""


@dataclass(frozen=True)
class Picture:
    """A verified picture, re-encoded for storage and as a small embedded copy."""

    content: bytes
    extension: str
    data_uri: str

    def filename(self) -> str:
        """A random file name, so that uploaded names never reach the file system."""
        return f"{secrets.token_hex(16)}.{self.extension}"


def is_embedded(photo: str) -> bool:
    """Whether a persona's photo is an embedded image (a data URI) rather than an address."""
    return photo.startswith("data:")


def sniff(head: bytes) -> str | None:
    """The image format the first bytes announce (Pillow's name), or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return next((fmt for magic, fmt in SIGNATURES.items() if head.startswith(magic)), None)


def read_upload(upload: Any) -> bytes:
    """The uploaded bytes, refusing files over the limit before reading them whole."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise PictureError(_("The picture is larger than 2 MB."))
    data: bytes = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PictureError(_("The picture is larger than 2 MB."))
    return data


def _decoded(data: bytes, expected: str) -> Image.Image:
    with warnings.catch_warnings():
        # A decompression bomb is an attack, not a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(BytesIO(data)) as probe:
            if probe.format != expected:
                raise PictureError(_("The file's content does not match its image type."))
            if probe.width * probe.height > MAX_PIXELS:
                raise PictureError(_("The picture has too many pixels."))
            probe.verify()
        image = Image.open(BytesIO(data))
        image.load()
    return image


def _encode(image: Image.Image, size: int, transparent: bool) -> tuple[bytes, str]:
    copy = image.copy()
    copy.thumbnail((size, size))
    out = BytesIO()
    if transparent:
        copy.save(out, format="PNG", optimize=True)
        return out.getvalue(), "png"
    copy.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue(), "jpg"


def prepare(data: bytes) -> Picture:
    """Verify `data` by its content and re-encode it; PictureError says what is wrong."""
    expected = sniff(data[:16])
    if expected is None:
        raise PictureError(_("This is not a PNG, JPEG, WebP or GIF image."))
    try:
        image = ImageOps.exif_transpose(_decoded(data, expected))
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        content, extension = _encode(image, STORED_SIZE, transparent)
        small, small_extension = _encode(image, EMBEDDED_SIZE, transparent)
    except PictureError:
        raise
    except Exception:  # Pillow raises many types for broken files; to the user they are one problem
        raise PictureError(_("The image cannot be read; it may be damaged.")) from None
    mime = CONTENT_TYPES[small_extension]
    return Picture(content, extension, f"data:{mime};base64,{base64.b64encode(small).decode('ascii')}")
