"""Persona pictures: only real PNG, JPEG, WebP and GIF images up to 2 MB, re-encoded and served safely."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from klantreis.web.journeys.models import Journey
from klantreis.web.personas.images import MAX_BYTES, PictureError, prepare
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import AuditEvent


def image_bytes(fmt: str, size: tuple[int, int] = (300, 200), mode: str = "RGB") -> bytes:
    """A real image in `fmt` (a Pillow format name)."""
    out = io.BytesIO()
    Image.new(mode, size, (200, 90, 40) if mode == "RGB" else (200, 90, 40, 128)).save(out, format=fmt)
    return out.getvalue()


def upload(sample: Any, content: bytes, name: str = "face.png", who: str = "editor") -> Any:
    fatima = sample.personas["fatima"]
    picture = SimpleUploadedFile(name, content, content_type="image/png")
    return sample.client(who).post(sample.url("personas:avatar", persona=fatima.uuid), {"picture": picture})


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_it_accepts_the_four_image_types(sample: Any, fmt: str) -> None:
    response = upload(sample, image_bytes(fmt), name=f"face.{fmt.lower()}")
    assert response.status_code == 302
    stored = WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk)
    assert stored.avatar.name.startswith("avatars/")
    assert stored.parsed().photo.startswith("data:image/")


def test_the_stored_file_has_a_random_name_and_is_a_fresh_encoding(sample: Any) -> None:
    upload(sample, image_bytes("PNG", (2000, 1000)) + b"<script>alert(1)</script>", name="../../evil.html")
    stored = WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk)
    name = Path(stored.avatar.name).name
    assert "evil" not in name
    assert name.endswith(".jpg")
    assert len(name) == 36
    with stored.avatar.open("rb") as handle:
        content = handle.read()
    assert b"<script>" not in content
    assert Image.open(io.BytesIO(content)).size == (512, 256)  # scaled down


def test_transparent_pictures_stay_transparent(sample: Any) -> None:
    upload(sample, image_bytes("PNG", mode="RGBA"))
    stored = WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk)
    assert stored.avatar.name.endswith(".png")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just text pretending to be a picture", "This is not a PNG, JPEG, WebP or GIF image."),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "The image cannot be read"),
        (image_bytes("JPEG")[:200], "The image cannot be read"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "This is not a PNG"),
        (image_bytes("BMP"), "This is not a PNG"),
    ],
    ids=["text", "broken-png", "truncated-jpeg", "svg", "bmp"],
)
def test_it_rejects_what_is_not_a_picture(sample: Any, content: bytes, message: str) -> None:
    response = upload(sample, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk).avatar


def test_it_rejects_a_picture_over_two_megabytes(sample: Any) -> None:
    response = upload(sample, image_bytes("PNG") + b"\x00" * MAX_BYTES)
    assert "larger than 2 MB" in response.content.decode()


def test_a_type_that_does_not_match_its_signature_is_rejected() -> None:
    gif_inside_png_magic = b"\x89PNG\r\n\x1a\n" + image_bytes("GIF")
    with pytest.raises(PictureError):
        prepare(gif_inside_png_magic)


@pytest.mark.parametrize(("side", "message"), [(7_000, "too many pixels"), (12_000, "cannot be read")])
def test_a_decompression_bomb_is_rejected(side: int, message: str) -> None:
    # A small file that unpacks into an enormous picture.
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG")
    with pytest.raises(PictureError, match=message):
        prepare(out.getvalue())


def test_the_picture_reaches_the_journeys_that_use_the_persona(sample: Any) -> None:
    upload(sample, image_bytes("JPEG"))
    embedded = Journey.objects.get(pk=sample.journey.pk).parsed().persona(sample.personas["fatima"].uuid)
    assert embedded is not None
    assert embedded.photo.startswith("data:image/jpeg;base64,")
    assert AuditEvent.objects.filter(action="persona.avatar").exists()


def test_members_get_the_picture_as_an_image_and_nothing_else(sample: Any) -> None:
    upload(sample, image_bytes("PNG"))
    fatima = sample.personas["fatima"]
    response = sample.client("viewer").get(sample.url("personas:avatar_image", persona=fatima.uuid))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"
    gallery = sample.client("viewer").get(sample.url("personas:list")).content.decode()
    assert sample.url("personas:avatar_image", persona=fatima.uuid) + "?v=" in gallery


def test_outsiders_and_readers_are_kept_out(sample: Any) -> None:
    upload(sample, image_bytes("PNG"))
    fatima = sample.personas["fatima"]
    assert sample.client("outsider").get(sample.url("personas:avatar_image", persona=fatima.uuid)).status_code == 404
    assert upload(sample, image_bytes("PNG"), who="contributor").status_code == 403
    assert upload(sample, image_bytes("PNG"), who="outsider").status_code == 404


def test_a_persona_without_a_picture_has_no_image(sample: Any) -> None:
    response = sample.client("viewer").get(sample.url("personas:avatar_image", persona=sample.personas["ruud"].uuid))
    assert response.status_code == 404


def test_removing_the_picture_removes_the_file_and_the_embedded_copies(sample: Any) -> None:
    upload(sample, image_bytes("PNG"))
    fatima = WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk)
    path = Path(fatima.avatar.path)
    assert path.exists()
    response = sample.client("editor").post(sample.url("personas:avatar", persona=fatima.uuid), {"remove": "1"})
    assert response.status_code == 302
    fatima.refresh_from_db()
    assert not fatima.avatar
    assert fatima.parsed().photo == ""
    embedded = Journey.objects.get(pk=sample.journey.pk).parsed().persona(fatima.uuid)
    assert embedded is not None
    assert embedded.photo == ""


def test_a_new_picture_replaces_the_old_file(sample: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        upload(sample, image_bytes("PNG"))
    first = Path(WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk).avatar.path)
    with django_capture_on_commit_callbacks(execute=True):
        upload(sample, image_bytes("GIF"))
    second = Path(WorkspacePersona.objects.get(pk=sample.personas["fatima"].pk).avatar.path)
    assert second.exists()
    assert not first.exists()
