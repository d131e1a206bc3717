"""The real klantreis server for browser tests: `klantreis serve` in a subprocess with its own data directory.

The server runs exactly as a user starts it (gunicorn, whitenoise, SQLite in WAL mode, the demo
workspace and the administrator created on first start), on a free port, one per pytest worker,
so parallel test workers never share a database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

READY_TIMEOUT = 90  # seconds: migrations, collectstatic and the demo workspace on a slow CI machine

# Run inside the server's environment (same data directory and database) to add the test's
# members and journeys through the app's own models and services.
SEED_SCRIPT = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.service import create_journey
from klantreis.web.workspaces.models import Membership, Workspace

spec = json.loads(open(sys.argv[1], encoding="utf-8").read())
workspace = Workspace.objects.create(name=spec["name"], slug=spec["slug"])
hashed = make_password(spec["password"])  # hash once: the same password for every member
for username, role in spec["members"].items():
    user = get_user_model().objects.create(username=username, first_name=username.title(), password=hashed)
    Membership.objects.create(workspace=workspace, user=user, role=role)
made = {}
for key, text in spec["journeys"].items():
    document = JourneyDocument.model_validate_json(text)
    made[key] = str(create_journey(workspace, document, None, "e2e seed").uuid)
print(json.dumps(made))
"""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    """A running `klantreis serve`; see the module docstring."""

    home: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    admin_password: str = ""
    journeys: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The server's base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def seed(self, spec: dict[str, Any]) -> dict[str, str]:
        """Create a workspace with members and journeys; returns the journey UUIDs by key."""
        spec_path = self.home / "seed.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", SEED_SCRIPT, str(spec_path)],
            env=server_environment(self.home),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"seeding the e2e workspace failed:\n{done.stderr}")
        made: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
        self.journeys.update(made)
        return made

    def stop(self) -> None:
        """Stop gunicorn gracefully (SIGTERM), then remove the data directory."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.home, ignore_errors=True)


def server_environment(home: Path) -> dict[str, str]:
    """A production-like environment: no debug, SQLite in `home`, the demo on first start."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KLANTREIS_") and k != "DATABASE_URL"}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "klantreis.web.settings",
        "KLANTREIS_HOME": str(home),
        "KLANTREIS_DEBUG": "0",
        "KLANTREIS_DEMO": "1",
        "KLANTREIS_SECRET_KEY": "e2e-" + "x" * 60,
        "KLANTREIS_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def start_server(workers: int = 2) -> LiveServer:
    """Start `klantreis serve` on a free port and wait until it answers /healthz."""
    home = Path(tempfile.mkdtemp(prefix="klantreis-e2e-"))
    port = free_port()
    log_path = home / "server.log"
    command = [sys.executable, "-c", "from klantreis.cli import main; main()"]
    command += ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with log_path.open("wb") as log:  # a file, not a pipe: a full pipe would block the server
        process = subprocess.Popen(
            command, env=server_environment(home), stdout=log, stderr=subprocess.STDOUT, cwd=home
        )
    server = LiveServer(home, port, process, log_path)
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log_text = server.log()
            server.stop()
            raise RuntimeError(f"klantreis serve exited with {process.returncode}:\n{log_text}")
        if _healthy(server.url):
            break
        time.sleep(0.25)
    else:
        log_text = server.log()
        server.stop()
        raise RuntimeError(f"klantreis serve did not answer within {READY_TIMEOUT}s:\n{log_text}")
    found = re.search(r"with password: (\S+)", server.log())
    if found is None:
        server.stop()
        raise RuntimeError("klantreis serve printed no administrator password on first start")
    server.admin_password = found.group(1)
    return server
