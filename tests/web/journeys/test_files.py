"""Import journey files (whole or not at all, problems named by line and field) and export them again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile

from klantreis.cli import main
from klantreis.journey.files import parse_document
from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.models import Journey

from .conftest import send, stored, url

VALID_YAML = """\
title: Klacht indienen
language: nl
stages:
  - name: Melden
    touchpoints:
      - name: Formulier op de website
        channel: website
  - name: Afhandelen
    touchpoints:
      - name: Telefoontje van de behandelaar
        channel: phone
"""

BAD_CHANNEL = VALID_YAML.replace("channel: phone", "channel: pigeon")


def _import(sample: Any, name: str, content: str | bytes, who: str = "editor", **form: Any) -> Any:
    data = content.encode() if isinstance(content, str) else content
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return sample.client(who).post(url(sample, "journeys:import"), {"file": upload, **form})


def _count(sample: Any) -> int:
    return Journey.objects.filter(workspace=sample.workspace).count()


def test_a_yaml_file_becomes_a_new_journey(sample: Any) -> None:
    response = _import(sample, "klacht.yaml", VALID_YAML)
    journey = Journey.objects.get(workspace=sample.workspace, title="Klacht indienen")
    assert response["Location"] == url(sample, "journeys:editor", journey)
    document = journey.parsed()
    assert [s.name for s in document.stages] == ["Melden", "Afhandelen"]
    assert journey.versions.get().summary == "imported from klacht.yaml"


def test_json_and_mermaid_files_import_too(sample: Any) -> None:
    as_json = json.dumps(yaml.safe_load(VALID_YAML))
    _import(sample, "klacht.json", as_json)
    mermaid = "journey\n  title Verhuizen doorgeven\n  section Melden\n    Formulier invullen: 3: Anna\n"
    _import(sample, "verhuizen.mmd", mermaid)
    titles = set(Journey.objects.filter(workspace=sample.workspace).values_list("title", flat=True))
    assert {"Klacht indienen", "Verhuizen doorgeven"} <= titles


def test_a_file_with_problems_names_line_column_and_field_and_imports_nothing(sample: Any) -> None:
    before = _count(sample)
    response = _import(sample, "klacht.yaml", BAD_CHANNEL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The file has 1 problem; nothing was imported." in html
    assert '<td class="num">11</td>' in html  # the line of `channel: pigeon`
    assert "<code>stages[1].touchpoints[0].channel</code>" in html
    assert "&#x27;pigeon&#x27; is not a known channel" in html
    assert "channel: custom" in html  # how to fix it
    assert _count(sample) == before


def test_yaml_syntax_errors_are_reported_with_their_line(sample: Any) -> None:
    html = _import(sample, "kapot.yaml", "title: [niet af\n").content.decode()
    assert "the file is not valid YAML" in html
    assert '<td class="num">2</td>' in html


def test_a_mermaid_file_that_is_not_a_journey_is_refused(sample: Any) -> None:
    html = _import(sample, "graaf.mmd", "graph TD\n  A-->B\n").content.decode()
    assert "must start with &#x27;journey&#x27;" in html


def test_files_that_are_not_utf8_or_of_an_unknown_type_are_refused(sample: Any) -> None:
    before = _count(sample)
    assert "not UTF-8" in _import(sample, "latin.yaml", "title: Caf\xe9\n".encode("latin-1")).content.decode()
    assert "Unknown file type" in _import(sample, "kaart.docx", b"PK").content.decode()
    assert _count(sample) == before


def test_a_file_can_replace_a_journey_as_its_next_version(sample: Any) -> None:
    response = _import(sample, "nieuw.yaml", VALID_YAML, replace=str(sample.journey.uuid))
    assert response["Location"] == url(sample, "journeys:editor", sample.journey)
    journey = Journey.objects.get(pk=sample.journey.pk)
    assert journey.title == "Klacht indienen"
    assert journey.uuid == sample.journey.uuid  # still the same journey, comments and links keep working
    assert journey.versions.count() == 2


def test_contributors_cannot_import(sample: Any) -> None:
    assert _import(sample, "klacht.yaml", VALID_YAML, who="contributor").status_code == 403


def test_yaml_and_json_exports_read_back_as_the_stored_document(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {
            "op": "set",
            "target": str(touchpoint.id),
            "field": "customer_action",
            "base": "",
            "value": "Zoekt 'dakkapel'",
        },
    )
    expected = stored(sample.journey)
    for fmt in ("yaml", "json"):
        response = sample.client("viewer").get(url(sample, "journeys:export", sample.journey, fmt=fmt))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="omgevingsvergunning-aanvragen.{fmt}"'
        document, problems = parse_document(response.content.decode(), fmt)
        assert problems == []
        assert document == expected


def test_the_mermaid_export_keeps_stages_touchpoints_and_ratings(sample: Any) -> None:
    response = sample.client("viewer").get(url(sample, "journeys:export", sample.journey, fmt="mmd"))
    document, problems = parse_document(response.content.decode(), "mermaid")
    assert problems == []
    assert document is not None
    assert [s.name for s in document.stages] == ["Oriëntatie", "Aanvraag"]
    assert [t.name for _, t in document.touchpoints()] == ["Informatie zoeken", "Aanvraag indienen"]


def test_the_html_export_is_the_map_klantreis_render_makes_of_the_exported_file(sample: Any, tmp_path: Path) -> None:
    client = sample.client("viewer")
    (tmp_path / "reis.yaml").write_bytes(client.get(url(sample, "journeys:export", sample.journey, fmt="yaml")).content)
    result = CliRunner().invoke(main, ["render", str(tmp_path / "reis.yaml"), "-o", str(tmp_path / "reis.html")])
    assert result.exit_code == 0, result.output
    exported = client.get(url(sample, "journeys:export", sample.journey, fmt="html")).content.decode()
    assert exported == (tmp_path / "reis.html").read_text(encoding="utf-8")
    assert "Informatie zoeken" in exported


def test_unknown_export_formats_are_not_found(sample: Any) -> None:
    assert sample.client("viewer").get(url(sample, "journeys:export", sample.journey, fmt="docx")).status_code == 404


def test_an_imported_document_round_trips_through_export(sample: Any) -> None:
    _import(sample, "klacht.yaml", VALID_YAML)
    journey = Journey.objects.get(workspace=sample.workspace, title="Klacht indienen")
    exported = sample.client("viewer").get(url(sample, "journeys:export", journey, fmt="yaml")).content.decode()
    again = JourneyDocument.model_validate(yaml.safe_load(exported))
    assert again == journey.parsed()
