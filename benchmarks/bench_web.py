"""Web speed: the map editor of a 12 x 60 journey, a field edit, and 100 concurrent readers.

Builds, in a temporary KLANTREIS_HOME (SQLite, production settings, demo workspace loaded), a
journey of 12 stages x 60 touchpoints (720) with two personas and every lane filled, then measures:

  (a) server time to render the map, in-process through Django's full middleware stack (test
      Client), summed over the requests the browser makes: the editor page, plus the stages it
      sends as placeholders and the editor script fetches as they come into view. "First screen"
      is the page and the stages in a 1440 px window; "whole map" is the page and every stage.
      Each: the map cached, right after someone edited one field, and cold (caches emptied);
      "cpu p95" is this process's CPU time, which other load on a shared machine leaves alone;
  (b) field edit round trips through the real server (`klantreis serve`, gunicorn): one
      set-operation POSTed to the ops endpoint exactly as the editor script sends it (JSON body,
      ?rev=, CSRF header, session cookie), timed at the client over a keep-alive connection;
  (c) concurrent readers against the real server with its default workers, after one warm-up
      opening per worker: each reader is a logged-in viewer with the map open, who opens it (page
      and first-screen stages), polls every 4 s as the editor script does, and re-opens it every
      ~20 s; they arrive within the first 5 s.
  (d) in-process, how a worker gets the large journey's document: rebuilt from its newest
      snapshot and the log since (a freshly started worker), or caught up from the log after
      edits by other workers.

Run from the project root (see --help for sizes, durations and profiling):

    .venv/bin/python benchmarks/bench_web.py
    .venv/bin/python benchmarks/bench_web.py --readers 100 --duration 20 --profile
    .venv/bin/python benchmarks/bench_web.py --reader-journey typical   # readers of an 18-touchpoint map
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import http.client
import io
import json
import os
import pstats
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_journey import big_journey
from web_readers import Connection, Load, Plan, reader

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGETS_MS = {"render": 50.0, "edit": 30.0, "readers_p99": 250.0}


# ---------------------------------------------------------------- numbers


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values` (share 0..1)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


@dataclass
class Row:
    """One line of the result table."""

    name: str
    times_ms: list[float]
    target_ms: float | None = None
    target_on: str = "p95"
    note: str = ""
    errors: int = 0
    cpu_ms: list[float] = field(default_factory=list)  # in-process only: CPU time of the same runs

    def value(self, which: str) -> float:
        """p50, p95 or p99 of the times."""
        return percentile(self.times_ms, {"p50": 0.5, "p95": 0.95, "p99": 0.99}[which])

    def verdict(self) -> str:
        """PASS or MISS against the target; empty without one."""
        if self.target_ms is None:
            return ""
        ok = self.value(self.target_on) <= self.target_ms and self.errors == 0
        return "PASS" if ok else "MISS"


def print_table(rows: list[Row]) -> None:
    """The results with their targets."""
    head = (
        f"{'measurement':<52} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'cpu p95':>8} {'err':>4} "
        f"{'target':>14} result"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        target = f"{row.target_on} <= {row.target_ms:.0f}" if row.target_ms is not None else ""
        cpu = f"{percentile(row.cpu_ms, 0.95):>8.1f}" if row.cpu_ms else f"{'':>8}"
        print(
            f"{row.name:<52} {len(row.times_ms):>5} {row.value('p50'):>8.1f} {row.value('p95'):>8.1f} "
            f"{row.value('p99'):>8.1f} {cpu} {row.errors:>4} {target:>14} {row.verdict()}"
        )
        if row.note:
            print(f"{'':<4}{row.note}")


# ---------------------------------------------------------------- set-up


@dataclass
class Setup:
    """The prepared data directory and what the benchmark created in it."""

    home: Path
    journey_pk: int
    journey_uuid: str
    workspace: str
    touchpoint: str
    persona: str
    editor: Any
    reader: Any
    typical_uuid: str = ""  # a demo-sized journey (an example file) in the same workspace


def environment(home: Path) -> dict[str, str]:
    """Production settings in a temporary data directory (DEBUG off, SQLite, the demo loaded)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KLANTREIS_") and k != "DATABASE_URL"}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "klantreis.web.settings",
        "KLANTREIS_HOME": str(home),
        "KLANTREIS_DEBUG": "0",
        "KLANTREIS_DEMO": "1",
        "KLANTREIS_SECRET_KEY": "bench-" + "k" * 60,
        "KLANTREIS_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    }


def prepare(home: Path, stages: int, per_stage: int, personas: int) -> Setup:
    """Configure Django on `home`, run the first-start preparation and store the large journey."""
    os.environ.update(environment(home))
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from klantreis.journey.files import read_document
    from klantreis.web.journeys.service import create_journey
    from klantreis.web.setup import prepare as first_start
    from klantreis.web.workspaces.models import Membership, Role, Workspace

    first_start(io.StringIO())
    workspace = Workspace.objects.create(name="Bench", slug="bench")
    users = get_user_model().objects
    editor = users.create_user("bench-editor", password=None)
    reader = users.create_user("bench-reader", password=None)
    Membership.objects.create(workspace=workspace, user=editor, role=Role.EDITOR)
    Membership.objects.create(workspace=workspace, user=reader, role=Role.VIEWER)
    document = big_journey(stages, per_stage, personas)
    middle = document.stages[len(document.stages) // 2].touchpoints[per_stage // 2]
    journey = create_journey(workspace, document, editor, "benchmark")
    persona = str(document.personas[0].id)
    found = Setup(home, journey.pk, str(journey.uuid), workspace.slug, str(middle.id), persona, editor, reader)
    typical = read_document(EXAMPLES / "omgevingsvergunning-huidig.yaml")
    found.typical_uuid = str(create_journey(workspace, typical, editor, "benchmark").uuid)
    return found


def editor_path(setup: Setup, journey: str = "") -> str:
    """The editor page of the large journey (or of the journey with UUID `journey`)."""
    return f"/w/{setup.workspace}/journeys/{journey or setup.journey_uuid}/"


# ---------------------------------------------------------------- (a) render, in-process


def timed_ms(run: Callable[[], Any], cpu: list[float] | None = None) -> float:
    """Wall milliseconds of `run()`; its CPU milliseconds (this process) are appended to `cpu`."""
    started, started_cpu = time.perf_counter(), time.process_time()
    run()
    if cpu is not None:
        cpu.append((time.process_time() - started_cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def body_of(response: Any) -> bytes:
    """The whole body of a test-client response, streamed or not (so timing covers producing all of it)."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def clear_fragment_caches() -> None:
    """Empty every in-process cache of the journeys app (rendered fragments, parsed documents)."""
    from klantreis.web.journeys import memo

    for value in vars(memo).values():
        if isinstance(value, memo.Memo):
            value.clear()


# A large map's editor page carries its stages as placeholders that the editor script fetches as
# they come into view: a 1440 px window plus its 1500 px look-ahead shows about 13 columns of 232 px.
FIRST_SCREEN_COLUMNS = 13
LAZY = re.compile(r'data-lazy="([0-9a-f-]{36})"')


def stage_path(setup: Setup, stage: str, journey: str = "") -> str:
    """The address the editor script loads one lazily sent stage from."""
    from django.urls import reverse

    kwargs = {"ws": setup.workspace, "journey": journey or setup.journey_uuid, "stage": stage}
    return str(reverse("journeys:stage", kwargs=kwargs))


def first_screen_stages(setup: Setup, page: str, journey: str = "") -> list[str]:
    """The lazily sent stages of `page` that start within the first screen, in map order."""
    from klantreis.web.journeys.models import Journey

    lazy = set(LAZY.findall(page))
    document = Journey.objects.get(workspace__slug=setup.workspace, uuid=journey or setup.journey_uuid).document
    found, column = [], 0
    for stage in document["stages"]:
        if column >= FIRST_SCREEN_COLUMNS:
            break
        if stage["id"] in lazy:
            found.append(stage["id"])
        column += max(1, len(stage["touchpoints"]))
    return found


def measure_render(setup: Setup, n: int) -> tuple[list[Row], str]:
    """Server time for the editor's first screen and for the whole map: cached, after an edit, cold."""
    from django.test import Client

    from klantreis.journey.operations import parse_operation
    from klantreis.web.journeys.service import apply_operation

    client = Client()
    client.force_login(setup.editor)
    path = editor_path(setup)

    def get(address: str) -> bytes:
        response = client.get(address)
        if response.status_code != 200:
            raise SystemExit(f"GET {address} answered {response.status_code}")
        return body_of(response)

    page = get(path).decode()
    lazy = LAZY.findall(page)
    first = [stage_path(setup, s) for s in first_screen_stages(setup, page)]
    every = [stage_path(setup, s) for s in lazy]
    sizes = [len(page)] + [len(get(address)) for address in every]

    def first_screen() -> None:
        for address in [path, *first]:
            get(address)

    def whole_map() -> None:
        for address in [path, *every]:
            get(address)

    def edit(i: int) -> None:
        current = _touchpoint_name(setup)
        op = parse_operation(
            {"op": "set", "target": setup.touchpoint, "field": "name", "base": current, "value": f"Renamed {i}"}
        )
        apply_operation(setup.journey_pk, op, setup.editor, "bench")

    rows = []
    for label, run in (("first screen", first_screen), ("whole map", whole_map)):
        for _ in range(3):
            run()
        cached: list[float] = []
        cached_cpu: list[float] = []
        for _ in range(n):
            cached.append(timed_ms(run, cached_cpu))
        after_edit: list[float] = []
        after_edit_cpu: list[float] = []
        for i in range(n):
            edit(i)
            after_edit.append(timed_ms(run, after_edit_cpu))
        cold: list[float] = []
        cold_cpu: list[float] = []
        for _ in range(max(5, n // 4)):
            clear_fragment_caches()
            cold.append(timed_ms(run, cold_cpu))
        target = TARGETS_MS["render"]
        rows += [
            Row(f"(a) {label}, map cached (re-opened)", cached, target, cpu_ms=cached_cpu),
            Row(f"(a) {label}, just after a field edit", after_edit, target, cpu_ms=after_edit_cpu),
            Row(f"(a) {label}, cold (fragment caches emptied)", cold, target, cpu_ms=cold_cpu),
        ]
    requests = len(every) + 1
    described = (
        f"editor page {sizes[0] / 1e6:.2f} MB; {len(lazy)} of {len(setup_stages(setup))} stages sent lazily "
        f"({sum(sizes[1:]) / 1e6:.2f} MB more); first screen = page + {len(first)} stage request(s), "
        f"whole map = {requests} requests, server time summed"
    )
    return rows, described


def measure_documents(setup: Setup, n: int, behind: int = 10) -> list[Row]:
    """How long a worker takes to get the large journey's document: rebuilt from its newest
    snapshot and the log since (a fresh worker), or caught up from the log when `behind` edits
    (by other workers) behind."""
    from klantreis.web.journeys import documents, memo
    from klantreis.web.journeys.models import Journey

    def forget() -> None:
        memo.DOCUMENTS.clear()
        memo.LATEST.clear()

    rebuilt: list[float] = []
    caught_up: list[float] = []
    for i in range(n):
        forget()
        journey = Journey.objects.get(pk=setup.journey_pk)
        rebuilt.append(timed_ms(lambda journey=journey: journey.document))
        held = (journey.pk, journey.revision, journey.stamp, journey.document)
        for step in range(behind):
            _rename(setup, f"Caught up {i}.{step}")
        forget()
        documents.remember(*held)  # this worker saw none of those edits
        journey = Journey.objects.get(pk=setup.journey_pk)
        caught_up.append(timed_ms(lambda journey=journey: journey.document))
    return [
        Row("(d) document: rebuilt from snapshot + log (new worker)", rebuilt),
        Row(f"(d) document: caught up from the log, {behind} edits behind", caught_up),
    ]


def _rename(setup: Setup, name: str) -> None:
    from klantreis.journey.operations import parse_operation
    from klantreis.web.journeys.service import apply_operation

    raw = {"op": "set", "target": setup.touchpoint, "field": "name", "base": _touchpoint_name(setup), "value": name}
    apply_operation(setup.journey_pk, parse_operation(raw), setup.editor, "bench")


def setup_stages(setup: Setup) -> list[dict[str, Any]]:
    """The stages of the large journey as stored."""
    from klantreis.web.journeys.models import Journey

    return list(Journey.objects.get(pk=setup.journey_pk).document["stages"])


def _touchpoint_name(setup: Setup) -> str:
    from klantreis.web.journeys.models import Journey

    document = Journey.objects.get(pk=setup.journey_pk).document
    for stage in document["stages"]:
        for touchpoint in stage["touchpoints"]:
            if touchpoint["id"] == setup.touchpoint:
                return str(touchpoint["name"])
    raise LookupError(setup.touchpoint)


def profile_in_process(setup: Setup, top: int) -> None:
    """cProfile of the whole map (cold, then cached), of the first screen after an edit, and of an edit."""
    from django.test import Client

    client = Client()
    client.force_login(setup.editor)
    path = editor_path(setup)
    page = body_of(client.get(path)).decode()
    every = [path] + [stage_path(setup, stage) for stage in LAZY.findall(page)]
    first = [path] + [stage_path(setup, stage) for stage in first_screen_stages(setup, page)]

    def load(paths: list[str]) -> None:
        for address in paths:
            body_of(client.get(address))

    clear_fragment_caches()
    _profiled("whole map, cold", lambda: load(every), top)
    _profiled("whole map, cached", lambda: load(every), top)
    revision = json.loads(_script_json(body_of(client.get(path)).decode()))["config"]["revision"]
    ops = f"/w/{setup.workspace}/journeys/{setup.journey_uuid}/ops/?rev={revision}"
    body = {"op": "set", "target": setup.touchpoint, "field": "name", "base": _touchpoint_name(setup)}
    body["value"] = "Profiled"
    _profiled("field edit (ops view)", lambda: client.post(ops, json.dumps(body), content_type="application/json"), top)
    _profiled("first screen, just after that edit", lambda: load(first), top)


def _profiled(title: str, run: Callable[[], Any], top: int) -> None:
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.runcall(run)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"\n=== profile: {title} ({elapsed:.0f} ms under cProfile) ===")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(top)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        print(f"--- by {order} ---")
        print("\n".join(lines[3:]))


def _script_json(html: str) -> str:
    found = re.search(r'<script id="jm-data" type="application/json">(.*?)</script>', html, re.S)
    if found is None:
        raise SystemExit("the editor page has no jm-data script")
    return found.group(1)


# ---------------------------------------------------------------- the real server


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(home: Path, workers: int | None) -> Server:
    """`klantreis serve` on a free port (its default workers unless told), access log to a file."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    command = [sys.executable, "-c", "from klantreis.cli import main; main()", "serve", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=environment(home), stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"klantreis serve stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return Server(process, port, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("klantreis serve did not start within 90 s")


def warm_up(setup: Setup, server: Server, rounds: int = 3) -> None:
    """Open both maps (first screens) with parallel requests, so every worker has compiled and cached them.

    A fresh gunicorn worker compiles templates and renders its first maps cold (seconds for the
    large one); a server in use has done that long ago, so it is left out of the measurements.
    """
    from django.test import Client

    cookies = [session_cookie(setup.editor), session_cookie(setup.reader)]  # editors and viewers see other maps
    client = Client()
    client.force_login(setup.reader)
    paths = []
    for journey in (setup.journey_uuid, setup.typical_uuid):
        page = body_of(client.get(editor_path(setup, journey))).decode()
        paths.append(editor_path(setup, journey))
        paths += [stage_path(setup, stage, journey) for stage in first_screen_stages(setup, page, journey)]

    async def load(path: str, cookie: str) -> None:
        connection = Connection(server.port)
        try:
            await connection.get(path, cookie)
        finally:
            connection.close()

    async def run() -> None:
        for _ in range(rounds):
            await asyncio.gather(*(load(path, cookie) for path in paths for cookie in cookies for _ in range(4)))

    asyncio.run(run())


def session_cookie(user: Any) -> str:
    """A logged-in session for `user`, stored in the shared database (no password hashing)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


# ---------------------------------------------------------------- (b) edit round trip


def measure_edits(setup: Setup, server: Server, n: int) -> list[Row]:
    """POST set-operations to the ops endpoint as the editor script does; time each round trip."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    cookie = session_cookie(setup.editor)
    connection.request("GET", editor_path(setup), headers={"Cookie": cookie})
    response = connection.getresponse()
    page = response.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    if response.status != 200 or csrf is None:
        raise SystemExit(f"the editor page answered {response.status} without a CSRF cookie")
    token = csrf.group(1)
    headers = {
        "Cookie": f"{cookie}; csrftoken={token}",
        "X-CSRFToken": token,
        "Content-Type": "application/json",
    }
    revision = json.loads(_script_json(page))["config"]["revision"]
    ops = f"{editor_path(setup)}ops/"
    rows = []
    experience = f"{setup.touchpoint}/{setup.persona}"
    for label, target, field_name, base, values in (
        ("touchpoint name", setup.touchpoint, "name", _touchpoint_name(setup), [f"Edited name {i}" for i in range(2)]),
        ("rating click", experience, "rating", _rating(setup), [1, 2]),
    ):
        times, errors = [], 0
        for i in range(n + 3):
            value = values[i % 2]
            body = json.dumps({"op": "set", "target": target, "field": field_name, "base": base, "value": value})
            started = time.perf_counter()
            connection.request("POST", f"{ops}?rev={revision}", body=body, headers=headers)
            answer = connection.getresponse()
            payload = answer.read()
            elapsed = (time.perf_counter() - started) * 1000
            if answer.status != 200:
                errors += 1
                print(f"edit answered {answer.status}: {payload[:300]!r}", file=sys.stderr)
                continue
            revision = json.loads(payload)["revision"]
            base = value
            if i >= 3:  # the first few warm up the worker's caches
                times.append(elapsed)
        rows.append(Row(f"(b) field edit round trip, {label}", times, TARGETS_MS["edit"], errors=errors))
    connection.close()
    return rows


def measure_page_loads(setup: Setup, server: Server, n: int) -> Row:
    """The large map's first screen through the real server, one request at a time, for comparison with (c)."""
    from django.test import Client

    client = Client()
    client.force_login(setup.reader)
    page = body_of(client.get(editor_path(setup))).decode()
    paths = [editor_path(setup)] + [stage_path(setup, stage) for stage in first_screen_stages(setup, page)]
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    headers = {"Cookie": session_cookie(setup.reader)}
    times = []
    errors = 0
    for i in range(n + 3):
        started = time.perf_counter()
        for path in paths:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            errors += response.status != 200
        elapsed = (time.perf_counter() - started) * 1000
        if i >= 3:  # warm this worker up first (fragment caches are per process)
            times.append(elapsed)
    connection.close()
    note = f"page + {len(paths) - 1} stage request(s), read in full over loopback, one reader alone"
    return Row("(c) large map's first screen via the real server", times, note=note, errors=errors)


def _rating(setup: Setup) -> Any:
    from klantreis.web.journeys.models import Journey

    document = Journey.objects.get(pk=setup.journey_pk).document
    for stage in document["stages"]:
        for touchpoint in stage["touchpoints"]:
            if touchpoint["id"] == setup.touchpoint:
                for experience in touchpoint["experiences"]:
                    if experience["persona"] == setup.persona:
                        return experience.get("rating")
    return None


# ---------------------------------------------------------------- (c) concurrent readers


def measure_readers(
    setup: Setup, server: Server, readers: int, duration: float, timing: tuple[float, float, float], which: str
) -> tuple[list[Row], Load]:
    """`readers` members with the map of the `which` journey open for `duration` seconds, on the real server."""
    from django.test import Client

    from klantreis.web.journeys.models import Journey

    cookies = [session_cookie(setup.reader) for _ in range(readers)]
    uuid = setup.journey_uuid if which == "large" else setup.typical_uuid
    path = editor_path(setup, uuid)
    client = Client()
    client.force_login(setup.reader)
    page = body_of(client.get(path)).decode()
    stages = tuple(stage_path(setup, stage, uuid) for stage in first_screen_stages(setup, page, uuid))
    revision = Journey.objects.get(workspace__slug=setup.workspace, uuid=uuid).revision
    poll_path = f"{path}poll/?rev={revision}"
    load = Load()

    async def run() -> None:
        ramp, poll, reopen = timing
        plan = Plan(server.port, path, stages, poll_path, ramp, poll, reopen, time.monotonic() + duration)
        await asyncio.gather(*(reader(plan, cookie, load, seed) for seed, cookie in enumerate(cookies)))

    asyncio.run(run())
    everything = load.pages + load.stages + load.polls
    note = (
        f"{len(load.opens)} map openings (page + {len(stages)} stage request(s) each) + {len(load.polls)} polls, "
        f"{load.bytes / 1e6:.0f} MB read"
    )
    rows = [
        Row(
            f"(c) {readers} readers x {duration:.0f} s, {which} journey, all",
            everything,
            TARGETS_MS["readers_p99"],
            target_on="p99",
            errors=load.errors,
            note=note,
        ),
        Row("(c)   editor page requests", load.pages),
        Row("(c)   stage requests (first screen)", load.stages),
        Row("(c)   polls", load.polls),
        Row("(c)   map opening, page + stages (summed)", load.opens),
    ]
    return rows, load


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stages", type=int, default=12, help="stages in the journey (default 12)")
    parser.add_argument("--touchpoints", type=int, default=60, help="touchpoints per stage (default 60)")
    parser.add_argument("--personas", type=int, default=2, help="personas (default 2), each rating every touchpoint")
    parser.add_argument("--requests", type=int, default=60, help="requests per render/edit measurement (default 60)")
    parser.add_argument("--readers", type=int, default=100, help="concurrent readers (default 100)")
    parser.add_argument("--duration", type=float, default=20, help="seconds the readers read (default 20)")
    parser.add_argument(
        "--reader-journey",
        choices=["large", "typical"],
        default="large",
        help="the map the readers have open: the large journey (default) or a typical example journey (18 touchpoints)",
    )
    parser.add_argument("--ramp", type=float, default=5, help="seconds over which the readers arrive (default 5)")
    parser.add_argument("--poll", type=float, default=4, help="seconds between a reader's polls, as the editor (4)")
    parser.add_argument("--reopen", type=float, default=20, help="mean seconds before a reader re-opens the page (20)")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: klantreis serve's)")
    parser.add_argument("--skip-server", action="store_true", help="only (a), no real server")
    parser.add_argument("--profile", action="store_true", help="print cProfile summaries of a render and an edit")
    parser.add_argument("--profile-top", type=int, default=30, help="lines per profile (default 30)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary KLANTREIS_HOME")
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="klantreis-bench-web-"))
    print(f"KLANTREIS_HOME={home}  (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    started = time.perf_counter()
    setup = prepare(home, args.stages, args.touchpoints, args.personas)
    print(f"prepared: {args.stages} x {args.touchpoints} touchpoints in {time.perf_counter() - started:.1f} s")
    rows: list[Row] = []
    server = None
    try:
        render_rows, described = measure_render(setup, args.requests)
        rows += render_rows
        rows += measure_documents(setup, max(5, args.requests // 4))
        print(described)
        if args.profile:
            profile_in_process(setup, args.profile_top)
        if not args.skip_server:
            server = start_server(home, args.workers)
            warm_up(setup, server)
            rows += measure_edits(setup, server, args.requests)
            rows.append(measure_page_loads(setup, server, max(5, args.requests // 4)))
            timing = (args.ramp, args.poll, args.reopen)
            load_rows, load = measure_readers(setup, server, args.readers, args.duration, timing, args.reader_journey)
            rows += load_rows
            for problem in sorted(set(load.problems))[:10]:
                print(f"reader problem: {problem}", file=sys.stderr)
    finally:
        if server is not None:
            server.stop()
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print()
    print_table(rows)
    return 0 if all(row.verdict() != "MISS" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
