"""`klantreis analyze`: an event log (optionally on a drawn journey) to a terminal summary, JSON and an HTML report."""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

# The analytics stack (Ibis, DuckDB, Arrow, rich) is imported when the command runs, not when
# `klantreis` starts: every other subcommand would pay for it.
if TYPE_CHECKING:
    from rich.console import Console

    from klantreis.analytics.analyses import Bundle, Filters, Funnel
    from klantreis.analytics.engine import Engine
    from klantreis.analytics.ingest import ColumnMapping, IngestResult
    from klantreis.analytics.journeymap import JourneyAnalysis, JourneyMapping
    from klantreis.journey.model import JourneyDocument

# The command's own status lines on standard error, in the --lang language.
_SAY: dict[str, dict[str, str]] = {
    "reading": {"en": "Reading {name}", "nl": "{name} inlezen"},
    "read": {
        "en": "{file}: {events} events, {cases} cases ({how})",
        "nl": "{file}: {events} gebeurtenissen, {cases} zaken ({how})",
    },
    "imported": {"en": "imported", "nl": "ingelezen"},
    "cached": {"en": "from the cache", "nl": "uit de cache"},
    "analysing": {"en": "Analysing on {engine}…", "nl": "Analyseren met {engine}…"},
    "warning": {"en": "warning", "nl": "waarschuwing"},
    "wrote": {"en": "wrote {path}", "nl": "{path} geschreven"},
    "not_an_activity": {
        "en": "{name!r} is not an activity in the (filtered) log",
        "nl": "{name!r} is geen activiteit in het (gefilterde) eventlog",
    },
}


def _say(key: str, lang: str, **params: object) -> str:
    return _SAY[key][lang if lang in ("en", "nl") else "en"].format(**params)


_UNITS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}
_WINDOW = re.compile(r"(\d+(?:\.\d+)?)\s*([wdhms])")


def _window(value: str | None) -> float | None:
    """'30d', '1d12h', '90m', '45s', '2w' or plain seconds, as seconds."""
    if value is None:
        return None
    text = value.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = _WINDOW.findall(text)
    if not parts or _WINDOW.sub("", text).strip():
        raise click.BadParameter(
            f"{value!r} is not a duration; write e.g. 30d, 12h, 1d12h, 90m or 45s", param_hint="--funnel-window"
        )
    return sum(float(amount) * _UNITS[unit] for amount, unit in parts)


def _moment(value: str | None, flag: str, *, end: bool = False) -> datetime | None:
    """An ISO date or date-time (UTC unless an offset is given); a date-only --to includes that whole day."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write e.g. 2011-03-31 or 2011-03-31T12:00", param_hint=flag
        ) from None
    if end and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        moment += timedelta(days=1)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _where(values: tuple[str, ...]) -> dict[str, list[str]]:
    """case:attr=value (repeatable; the same attribute twice keeps either value)."""
    attributes: dict[str, list[str]] = {}
    for value in values:
        name, equals, wanted = value.partition("=")
        if not equals or not name.strip():
            raise click.BadParameter(
                f"{value!r} is not ATTRIBUTE=VALUE, e.g. case:channel=Internet", param_hint="--where"
            )
        attributes.setdefault(name.strip(), []).append(wanted)
    return attributes


def _names(value: str | None) -> list[str] | None:
    """A comma-separated list of activity names (spaces around the commas ignored)."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    return names or None


def _fail(message: str) -> click.ClickException:
    return click.ClickException(message)


def _read_journey(
    path: Path | None, mapping: Path | None, lang: str
) -> tuple[JourneyDocument | None, JourneyMapping | None]:
    if path is None:
        if mapping is not None:
            raise click.UsageError("--mapping maps activities onto a journey's touchpoints: pass --journey FILE too")
        return None, None
    from klantreis.analytics.journeymap import MappingFileError, load_mapping
    from klantreis.journey.files import JourneyFileError, read_document

    try:
        document = read_document(path, lang)
        return document, load_mapping(document, mapping, lang)
    except (JourneyFileError, MappingFileError) as error:
        raise _fail(str(error)) from None


def _ingest(log: Path, mapping: ColumnMapping, cache_dir: str | None, err: Console, lang: str) -> IngestResult:
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from klantreis.analytics.ingest import IngestError, ingest
    from klantreis.render.formatting import number

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    # A progress bar only where someone watches it: never in pipes, logs or captured output.
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(_say("reading", lang, name=log.name), total=None)

        def report(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            result = ingest(log, mapping, cache_dir=cache_dir, progress=report)
        except IngestError as error:
            raise _fail(str(error)) from None
        except OSError as error:
            raise _fail(f"{log}: {error.strerror or error}") from None
    how = _say("cached" if result.cached else "imported", lang)
    events, cases = number(result.events, lang), number(result.cases, lang)
    err.print(_say("read", lang, file=log, events=events, cases=cases, how=how), markup=False)
    for warning in result.warnings:
        err.print(f"{_say('warning', lang)}: {warning}", markup=False)
    return result


def _check_attributes(attributes: dict[str, list[str]], columns: dict[str, str]) -> None:
    for name in attributes:
        if name not in columns and f"case:{name}" not in columns:
            available = sorted(c for c in columns if c.startswith("case:")) or sorted(columns)
            raise _fail(f"--where: the log has no attribute {name!r}; it has: {', '.join(available)}")


def _connect(spec: str) -> Engine:
    from klantreis.analytics.engine import EngineError, connect

    try:
        return connect(spec)
    except EngineError as error:
        # The engine's message names the engine with any password masked; the raw flag value might not be.
        raise _fail(f"--engine: {error}") from None


@contextmanager
def _status(err: Console, message: str) -> Iterator[None]:
    with err.status(message):
        yield


def _finite(value: Any) -> Any:
    """JSON without NaN or infinity (which are not JSON): they become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


def _document(
    log: Path,
    result: IngestResult,
    bundle: Bundle,
    funnel: Funnel | None,
    journey: JourneyAnalysis | None,
    filters: dict[str, Any],
) -> dict[str, Any]:
    data: dict[str, Any] = {"source": str(log), **bundle.to_dict()}
    if funnel is not None:
        data["funnel"] = funnel.to_dict()
    if journey is not None:
        data.update(journey.to_dict())
    data["filters"] = filters
    data["ingest_warnings"] = list(result.warnings)
    finite: dict[str, Any] = _finite(data)
    return finite


def _filter_texts(filters: dict[str, Any]) -> list[str]:
    """The filters that narrow the log, as 'from 2011-01-01', 'where {'channel': ['Internet']}', ..."""
    shown = {key: value for key, value in filters.items() if value not in (None, [], {}, 1)}
    return [f"{key.replace('_', ' ')} {value}" for key, value in shown.items()]


@click.command()
@click.argument("log", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--case", help="Column (or XES trace attribute) with the case id.")
@click.option("--activity", help="Column (or XES attribute) with the activity name.")
@click.option("--timestamp", help="Column (or XES attribute) with the timestamp.")
@click.option("--lifecycle", help="Column with the lifecycle transition (start, complete, ...).")
@click.option("--resource", help="Column with the resource (who did it).")
@click.option("--channel", help="Column with the channel.")
@click.option("--separator", help="CSV field separator [default: detected].")
@click.option("--encoding", help="CSV text encoding [default: detected].")
@click.option(
    "--timestamp-format", help="strftime format of CSV timestamps, e.g. '%d-%m-%Y %H:%M' [default: detected]."
)
@click.option("--sheet", help="Excel sheet name [default: the first].")
@click.option("--journey", type=click.Path(dir_okay=False, path_type=Path), help="Journey file to put the data on.")
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Activity-to-touchpoint mapping file (YAML/JSON); replaces the journey's own rules.",
)
@click.option(
    "--engine", default="duckdb", show_default=True, help="duckdb, a postgresql:// URL, spark or a spark:// master URL."
)
@click.option(
    "--json", "json_target", metavar="FILE|-", help="Write the results as JSON to FILE, or to standard output with -."
)
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), help="Write a standalone HTML report.")
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default=None,
    help="Language of the summary, findings and report [default: the --journey's language, else en].",
)
@click.option("--funnel", help="Funnel steps: activity names separated by commas, in order.")
@click.option(
    "--funnel-mode",
    type=click.Choice(["eventual", "strict"]),
    default="eventual",
    show_default=True,
    help="Steps in order with others between them (eventual) or directly after each other (strict).",
)
@click.option("--funnel-window", help="Conversion window from the first step, e.g. 30d, 12h, 1d12h.")
@click.option(
    "--from", "date_from", help="Keep cases that start on or after this date (ISO; UTC unless an offset is given)."
)
@click.option("--to", "date_to", help="Keep cases that start before this moment (a date includes that whole day).")
@click.option(
    "--where", multiple=True, metavar="ATTRIBUTE=VALUE", help="Keep cases with this case attribute value (repeatable)."
)
@click.option("--activities", help="Keep only these activities (names separated by commas).")
@click.option(
    "--min-support",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Keep only cases whose variant occurs in at least N cases.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many activities, transitions and variants to list.",
)
@click.option("--no-cache", is_flag=True, help="Import into a temporary place instead of the cache (nothing is kept).")
def analyze(**options: Any) -> None:
    """Analyse an event log (XES, XES.gz, CSV, Parquet, Excel): volumes, routes, variants, throughput times.

    With --journey, the activities are put on the journey's touchpoints (their activity rules, or a
    --mapping file): customers reached, drop-off and throughput times per touchpoint, how well the
    cases follow the drawn order, and findings where the data contradicts the map.
    """
    run_analysis(options)


def run_analysis(options: dict[str, Any]) -> None:
    """The body of `klantreis analyze` (options as click parsed them)."""
    from rich.console import Console

    from klantreis.analytics.analyses import Filters, run_bundle
    from klantreis.analytics.ingest import ColumnMapping
    from klantreis.analytics.journeymap import analyse_journey
    from klantreis.analytics.report import JourneyPart, write_report
    from klantreis.analytics.report.terminal import print_summary

    lang: str = options["lang"] or "en"
    json_target: str | None = options["json_target"]
    window = _window(options["funnel_window"])
    steps = _names(options["funnel"])
    if window is not None and not steps:
        raise click.UsageError("--funnel-window needs --funnel STEPS")
    attributes = _where(options["where"])
    filters = Filters(
        time_from=_moment(options["date_from"], "--from"),
        time_until=_moment(options["date_to"], "--to", end=True),
        case_attributes=attributes,
        activities=_names(options["activities"]),
        min_variant_cases=options["min_support"],
    )
    document, rules = _read_journey(options["journey"], options["mapping"], lang)
    if options["lang"] is None and document is not None and document.language in ("en", "nl"):
        lang = document.language  # a Dutch map gets a Dutch summary and report unless asked otherwise
    mapping = ColumnMapping(**{key: options[key] for key in _MAPPING_KEYS})
    # Status lines are log lines: never wrapped, so paths stay whole and greppable.
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    with ExitStack() as stack:
        cache_dir = (
            stack.enter_context(tempfile.TemporaryDirectory(prefix="klantreis-")) if options["no_cache"] else None
        )
        result = _ingest(options["log"], mapping, cache_dir, err, lang)
        _check_attributes(attributes, result.columns)
        engine = stack.enter_context(_connect(options["engine"]))
        with _status(err, _say("analysing", lang, engine=engine.kind)):
            events = engine.load(result.parquet)
            bundle = run_bundle(events, filters=filters, top_variants=max(options["top"], 20))
            _warn_unknown(err, "--funnel", steps, bundle, lang)
            _warn_unknown(err, "--activities", filters.activities, bundle, lang)
            funnel = _funnel(events, steps, options, window, filters)
            journey = analyse_journey(events, document, mapping=rules, filters=filters) if document else None
    echoed = {
        "from": options["date_from"],
        "to": options["date_to"],
        "where": attributes,
        "activities": filters.activities,
        "min_support": options["min_support"],
    }
    data = _document(options["log"], result, bundle, funnel, journey, echoed)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if json_target == "-":
        click.echo(text)  # nothing else goes to standard output
    else:
        print_summary(Console(file=sys.stdout), bundle, lang=lang, top=options["top"], funnel=funnel, journey=journey)
        if json_target:
            _write(Path(json_target), lambda path: path.write_text(text + "\n", encoding="utf-8"), err, "--json", lang)
    if options["report"] is not None:
        part = JourneyPart(document, journey) if document is not None and journey is not None else None
        report = {"lang": lang, "source": str(options["log"]), "filters": _filter_texts(echoed), "top": options["top"]}

        def write(path: Path) -> None:
            write_report(path, bundle, funnel=funnel, journey=part, **report)

        _write(options["report"], write, err, "--report", lang)


_MAPPING_KEYS = (
    "case",
    "activity",
    "timestamp",
    "lifecycle",
    "resource",
    "channel",
    "separator",
    "encoding",
    "timestamp_format",
    "sheet",
)


def _funnel(
    events: Any, steps: list[str] | None, options: dict[str, Any], window: float | None, filters: Filters
) -> Funnel | None:
    if not steps:
        return None
    from klantreis.analytics.analyses import analyse_funnel

    return analyse_funnel(events, steps, mode=options["funnel_mode"], window_seconds=window, filters=filters)


def _warn_unknown(err: Console, flag: str, names: Any, bundle: Bundle, lang: str) -> None:
    if not names:
        return
    known = {a.activity for a in bundle.activities.activities}
    for name in names:
        if name not in known:
            err.print(f"{_say('warning', lang)}: {flag}: {_say('not_an_activity', lang, name=name)}", markup=False)


def _write(path: Path, writer: Callable[[Path], object], err: Console, flag: str, lang: str) -> None:
    try:
        writer(path)
    except OSError as error:
        raise _fail(f"{flag} {path}: {error.strerror or error}") from None
    err.print(f"{flag}: {_say('wrote', lang, path=path)}", markup=False)


__all__ = ["analyze", "run_analysis"]
