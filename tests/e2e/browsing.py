"""Pages for browser tests: members logged in once per worker, visitors, and screenshots per test."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

import pytest

from .live import LiveServer

PROJECT = Path(__file__).resolve().parents[2]
PASSWORD = "E2e-wachtwoord-2024"
WORKSPACE = "e2e"
# username -> role in the E2E workspace; each test logs in as the member its story needs.
MEMBERS = {"eva": "editor", "erik": "editor", "vera": "viewer", "lotte": "editor", "carla": "contributor"}
TIMEOUT_MS = 15_000  # generous: CI machines are busy, and only a failing wait uses it all
VIEWPORT = {"width": 1440, "height": 900}


def artifacts_dir() -> Path:
    """Where screenshots go: $KLANTREIS_ARTIFACTS, else test-artifacts/ in the project."""
    folder = Path(os.environ.get("KLANTREIS_ARTIFACTS") or PROJECT / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def artifact_name(node_name: str) -> str:
    """A file-name-safe form of a test's name (parameters included)."""
    return re.sub(r"[^\w.-]+", "_", node_name).strip("_")


class Browsing:
    """Open pages as members or as a visitor, and take screenshots named after the current test."""

    def __init__(self, browser: Any, server: LiveServer, request: pytest.FixtureRequest, sessions: dict[str, Any]):
        self.browser = browser
        self.server = server
        self.request = request
        self.sessions = sessions  # username -> storage state (cookies) after the first login
        self.pages: list[Any] = []
        self.contexts: list[Any] = []
        self.script_errors: list[str] = []  # uncaught JavaScript exceptions on any page of the test

    def url(self, path: str) -> str:
        """An absolute URL on the live server."""
        return self.server.url + path

    def editor_url(self, key: str) -> str:
        """The map editor of a journey seeded in the E2E workspace (see seed.py)."""
        return self.url(f"/w/{WORKSPACE}/journeys/{self.server.journeys[key]}/")

    def _page(self, locale: str, storage_state: Any = None) -> Any:
        context = self.browser.new_context(locale=locale, viewport=VIEWPORT, storage_state=storage_state)
        context.set_default_timeout(TIMEOUT_MS)
        context.tracing.start(screenshots=True, snapshots=True)  # kept only when the test fails
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"))
        self.pages.append(page)
        return page

    def visitor(self, locale: str = "en-US") -> Any:
        """A page in a fresh browser context without an account."""
        return self._page(locale)

    def login_form(self, page: Any, username: str, password: str) -> None:
        """Log in through the login form on `page`."""
        page.goto(self.url("/accounts/login/"))
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

    def member(self, username: str, locale: str = "en-US") -> Any:
        """A page in a fresh browser context, logged in as `username` (the form once per worker)."""
        page = self._page(locale, self.sessions.get(username))
        if username not in self.sessions:
            self.login_form(page, username, PASSWORD)
            self.sessions[username] = page.context.storage_state()
        return page

    def shot(self, page: Any, suffix: str = "") -> Path:
        """Save a full-page screenshot named after the test (plus `suffix`)."""
        name = artifact_name(self.request.node.name) + (f"-{suffix}" if suffix else "")
        path = artifacts_dir() / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def close(self, failed: bool) -> None:
        """Close every context; after a failure, keep a screenshot of each open page and a Playwright trace
        of each context first (open one with `playwright show-trace <file>`)."""
        for index, page in enumerate(self.pages):
            if failed and not page.is_closed():
                with contextlib.suppress(Exception):  # a crashed page must not hide the test's own failure
                    self.shot(page, f"failed{index or ''}")
        name = artifact_name(self.request.node.name)
        for index, context in enumerate(self.contexts):
            with contextlib.suppress(Exception):
                trace = artifacts_dir() / f"{name}-trace{index or ''}.zip" if failed else None
                context.tracing.stop(path=str(trace) if trace else None)
            context.close()
