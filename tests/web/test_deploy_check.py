"""Production settings pass Django's `check --deploy`; local defaults keep serving plain http.

Settings are read from the environment when Django imports them, so every case runs in a fresh
Python process with its own environment and data directory.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

# Values an operator would set for a public HTTPS deployment (see web/env.py for every variable).
PRODUCTION = {
    "KLANTREIS_DEBUG": "0",
    "KLANTREIS_SECRET_KEY": secrets.token_urlsafe(50),
    "KLANTREIS_ALLOWED_HOSTS": "klantreis.example.org",
    "KLANTREIS_SECURE": "1",
}
SHOWN = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "CSRF_TRUSTED_ORIGINS",
)


def _environment(home: Path, **values: str) -> dict[str, str]:
    """This process's environment without klantreis or database settings, plus `values`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KLANTREIS_") and k != "DATABASE_URL"}
    return {**clean, "DJANGO_SETTINGS_MODULE": "klantreis.web.settings", "KLANTREIS_HOME": str(home), **values}


def _run(home: Path, args: list[str], **values: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=_environment(home, **values), capture_output=True, text=True, timeout=120
    )


def _settings(home: Path, **values: str) -> dict[str, object]:
    """The security settings Django ends up with for these environment variables."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SHOWN!r}}}))"
    )
    done = _run(home, ["-c", code], **values)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_the_production_settings_pass_djangos_deploy_check(tmp_path: Path) -> None:
    done = _run(tmp_path, ["-m", "django", "check", "--deploy", "--fail-level", "DEBUG"], **PRODUCTION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout, done.stdout + done.stderr


def test_production_behind_an_https_proxy_is_secure_everywhere(tmp_path: Path) -> None:
    found = _settings(tmp_path, **PRODUCTION)
    assert found["DEBUG"] is False
    assert found["SECURE_SSL_REDIRECT"] is True
    assert found["SESSION_COOKIE_SECURE"] is True
    assert found["CSRF_COOKIE_SECURE"] is True
    assert found["SECURE_HSTS_SECONDS"] == 31_536_000
    # klantreis serve speaks http; the proxy in front says the request was https.
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_an_operator_can_tune_hsts_the_proxy_header_and_trusted_origins(tmp_path: Path) -> None:
    found = _settings(
        tmp_path,
        **PRODUCTION,
        KLANTREIS_HSTS_SECONDS="3600",
        KLANTREIS_BEHIND_PROXY="0",
        KLANTREIS_CSRF_TRUSTED_ORIGINS="https://kaart.example.org, https://klantreis.example.org:8443",
    )
    assert found["SECURE_HSTS_SECONDS"] == 3600
    assert found["SECURE_PROXY_SSL_HEADER"] is None
    assert found["CSRF_TRUSTED_ORIGINS"] == ["https://kaart.example.org", "https://klantreis.example.org:8443"]


def test_the_local_defaults_serve_plain_http_as_make_serve_does(tmp_path: Path) -> None:
    found = _settings(tmp_path)
    assert found["DEBUG"] is False
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SESSION_COOKIE_SECURE"] is False
    assert found["CSRF_COOKIE_SECURE"] is False
    assert found["SECURE_HSTS_SECONDS"] == 0
    assert found["SECURE_PROXY_SSL_HEADER"] is None


@pytest.mark.parametrize(("variable", "value"), [("KLANTREIS_SECURE", "maybe"), ("KLANTREIS_HSTS_SECONDS", "a year")])
def test_a_bad_security_value_fails_loudly_naming_the_variable(tmp_path: Path, variable: str, value: str) -> None:
    done = _run(tmp_path, ["-m", "django", "check", "--deploy"], **{**PRODUCTION, variable: value})
    assert done.returncode != 0
    assert f"{variable}={value!r}" in done.stderr
