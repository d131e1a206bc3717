"""Browser tests: Debian chromium driven by Playwright against the real `klantreis serve`.

Each pytest worker starts its own server (see live.py) with the demo workspace and an "E2E
team" workspace holding the members of browsing.MEMBERS and a few small journeys (seed.py), one
per test that edits one, so tests never see each other's changes. Members log in through the
login form once per worker; later tests reuse their session cookie. Screenshots go to
$KLANTREIS_ARTIFACTS (default test-artifacts/), named after the test; a failing test also
leaves `<test>-failed.png` and a Playwright trace `<test>-trace.zip` (`playwright show-trace`).
Without Playwright or chromium the tests skip, unless KLANTREIS_REQUIRE_SERVICES=1 (CI), where
they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from .browsing import MEMBERS, PASSWORD, TIMEOUT_MS, WORKSPACE, Browsing
from .live import LiveServer, start_server
from .seed import journey_documents

CHROMIUM = Path("/usr/bin/chromium")


def missing_service(reason: str) -> None:
    """Skip with `reason`, or fail when CI requires every service (KLANTREIS_REQUIRE_SERVICES=1)."""
    if os.environ.get("KLANTREIS_REQUIRE_SERVICES", "") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_browser() -> Iterator[Any]:
    """Headless Debian chromium; skips (or fails in CI) when Playwright or chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_service("the playwright Python package is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        missing_service(f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(playwright_browser: Any) -> Iterator[LiveServer]:
    """This worker's running klantreis, seeded with the E2E workspace (started after the browser check)."""
    live = start_server()
    try:
        live.seed(
            {
                "name": "E2E team",
                "slug": WORKSPACE,
                "password": PASSWORD,
                "members": MEMBERS,
                "journeys": journey_documents(),
            }
        )
        yield live
    finally:
        live.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's report on the test item, so the page fixture can tell a failure."""
    report: pytest.TestReport = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def _sessions() -> dict[str, Any]:
    """Logged-in browser state per member, shared by this worker's tests."""
    return {}


@pytest.fixture
def browsing(
    playwright_browser: Any, server: LiveServer, request: pytest.FixtureRequest, _sessions: dict[str, Any]
) -> Iterator[Browsing]:
    """Pages for this test; see Browsing."""
    found = Browsing(playwright_browser, server, request, _sessions)
    yield found
    report = getattr(request.node, "report_call", None)
    found.close(failed=report is not None and report.failed)
    if found.script_errors:
        pytest.fail("JavaScript errors in the browser:\n" + "\n".join(found.script_errors))


@pytest.fixture
def expect() -> Callable[..., Any]:
    """Playwright's auto-waiting assertions with this suite's timeout."""
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=TIMEOUT_MS)
    return playwright_expect
