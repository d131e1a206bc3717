"""The klantreis command line: validate, convert and schema as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from klantreis.cli import main

VALID = "title: Vergunning\nlanguage: nl\nstages:\n  - name: Oriëntatie\n    touchpoints:\n      - name: Website\n"
BROKEN = "title: Vergunning\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        channel: fax\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_exits_zero_for_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 0
    assert out.strip() == f"{path}: valid"


def test_validate_exits_one_and_prints_each_problem_in_the_chosen_language(tmp_path: Path) -> None:
    good, bad = tmp_path / "ok.yaml", tmp_path / "bad.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad.write_text(BROKEN, encoding="utf-8")
    code, out, err = run("validate", str(good), str(bad), "--lang", "nl")
    assert code == 1
    assert f"{good}: geldig" in out
    assert f"{bad}:6:18: stages[0].touchpoints[0].channel: 'fax' is geen bekend kanaal" in err


def test_convert_turns_a_mermaid_diagram_into_yaml_and_back(tmp_path: Path) -> None:
    diagram = tmp_path / "reis.mmd"
    diagram.write_text("journey\n  title Café\n  section Één\n    Bestellen: 5: Zoë\n", encoding="utf-8")
    code, _, _ = run("convert", str(diagram), "-o", str(tmp_path / "reis.yaml"))
    assert code == 0
    assert "name: Één" in (tmp_path / "reis.yaml").read_text(encoding="utf-8")
    code, _, _ = run("convert", str(tmp_path / "reis.yaml"), "-o", str(tmp_path / "terug.mmd"))
    assert code == 0
    assert (tmp_path / "terug.mmd").read_text(encoding="utf-8") == (
        "journey\n  title Café\n  section Één\n    Bestellen: 5: Zoë\n"
    )


def test_convert_refuses_a_broken_file_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    code, _, err = run("convert", str(bad), "-o", str(tmp_path / "out.json"))
    assert code == 1
    assert "channel" in err
    assert not (tmp_path / "out.json").exists()


def test_convert_rejects_an_unknown_target_type(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    code, _, err = run("convert", str(path), "-o", str(tmp_path / "out.docx"))
    assert code == 2
    assert "unknown file type" in err


def test_schema_prints_a_json_schema_for_journey_files() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "stages" in schema["properties"]
    assert "Touchpoint" in schema["$defs"]


def test_every_subcommand_has_help() -> None:
    for command in main.commands:
        code, out, _ = run(command, "--help")
        assert code == 0, command
        # `manage --help` is Django's own help, which lists its subcommands instead of a usage line.
        assert ("Usage:" in out) if command != "manage" else ("Available subcommands" in out)


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "persoonlijke-lening.yaml"


def test_render_writes_a_standalone_html_map(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    code, out, _ = run("render", str(EXAMPLE), "-o", str(target), "--lang", "en")
    assert code == 0, out
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "<link" not in page


def test_render_writes_svg_and_filters_by_persona_name(tmp_path: Path) -> None:
    from klantreis.journey.files import read_document

    persona = read_document(EXAMPLE).personas[0]
    target = tmp_path / "map.svg"
    code, out, _ = run("render", str(EXAMPLE), "-o", str(target), "--persona", persona.name)
    assert code == 0, out
    assert target.read_text(encoding="utf-8").lstrip().startswith(("<svg", "<?xml"))


def test_render_names_the_personas_when_the_persona_is_unknown(tmp_path: Path) -> None:
    code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "map.html"), "--persona", "nobody")
    assert code == 2
    assert "no persona 'nobody'" in err
    assert not (tmp_path / "map.html").exists()


def test_render_refuses_an_unknown_map_type(tmp_path: Path) -> None:
    code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "map.pdf"))
    assert code == 2
    assert "use .html or .svg" in err


def test_the_installed_console_script_runs() -> None:
    script = Path(sys.executable).parent / "klantreis"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("klantreis, version")
