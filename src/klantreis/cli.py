"""The `klantreis` command: thin subcommands over journey/, render/, analytics/ and web/."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from uuid import UUID

import click

from klantreis import __version__
from klantreis.journey import JourneyDocument
from klantreis.journey.files import JourneyFileError, check_file, format_of, read_document, write_document
from klantreis.journey.schema import journey_schema

LANGS = click.Choice(["en", "nl"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="klantreis")
def main() -> None:
    """klantreis: map customer and employee journeys, back them with data, improve them."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=LANGS, default="en", show_default=True, help="Language of the messages.")
def validate(files: tuple[Path, ...], lang: str) -> None:
    """Check journey files (YAML, JSON, Mermaid); exit 1 when any has a problem."""
    failed = False
    for path in files:
        _, problems = check_file(path, lang)
        for problem in problems:
            click.echo(str(problem), err=True)
        if problems:
            failed = True
        else:
            click.echo(f"{path}: {'geldig' if lang == 'nl' else 'valid'}")
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Target file: .yaml, .yml, .json or .mmd (Mermaid journey).",
)
@click.option("--lang", type=LANGS, default="en", show_default=True, help="Language of messages and defaults.")
def convert(source: Path, output: Path, lang: str) -> None:
    """Convert a journey between YAML, JSON and Mermaid journey diagrams."""
    if format_of(output) is None:
        raise click.UsageError(f"{output}: unknown file type; use .yaml, .yml, .json or .mmd")
    document = _read_or_exit(source, lang)
    write_document(document, output)
    click.echo(f"{source} -> {output}")


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Target file: .html (standalone page) or .svg.",
)
@click.option("--lang", type=LANGS, default=None, help="Language of the map's labels [default: the journey's].")
@click.option("--persona", default=None, help="Show only this persona's experience (persona id).")
def render(source: Path, output: Path, lang: str | None, persona: str | None) -> None:
    """Render a journey file as a standalone journey map (HTML or SVG, opens offline)."""
    from klantreis.render import render_html, render_svg

    suffix = output.suffix.lower()
    if suffix not in {".html", ".htm", ".svg"}:
        raise click.UsageError(f"{output}: unknown map type; use .html or .svg")
    document = _read_or_exit(source, lang or "en")
    persona_id = _persona_or_exit(document, persona)
    if suffix == ".svg":
        text = render_svg(document, lang=lang, persona=persona_id)
    else:
        text = render_html(document, lang=lang, persona=persona_id)
    output.write_text(text, encoding="utf-8")
    click.echo(f"{source} -> {output}")


def _persona_or_exit(document: JourneyDocument, persona: str | None) -> UUID | None:
    """The id of the persona named by --persona (id or name), or a usage error listing the choices."""
    if persona is None:
        return None
    for item in document.personas:
        if persona in {str(item.id), item.name}:
            return item.id
    choices = ", ".join(f"{item.id} ({item.name})" for item in document.personas) or "none"
    raise click.BadParameter(
        f"no persona {persona!r} in this journey; choose one of: {choices}", param_hint="--persona"
    )


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema here instead of to standard output.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of journey files."""
    text = json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _read_or_exit(path: Path, lang: str) -> JourneyDocument:
    """Read a journey file, or print its problems and exit with status 1."""
    try:
        return read_document(path, lang)
    except JourneyFileError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
def serve(host: str, port: int, workers: int) -> None:
    """Run the web application (migrates, loads the demo on first run, prints the admin password once)."""
    from klantreis.web.server import serve as run_server

    run_server(host, port, workers)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. `klantreis manage createsuperuser`."""
    from django.core.management import execute_from_command_line

    from klantreis.web.server import configure_django

    configure_django()
    execute_from_command_line(["klantreis manage", *args])


from klantreis.cli_analyze import analyze  # noqa: E402  (its heavy imports happen when it runs)

main.add_command(analyze)
