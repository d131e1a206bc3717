"""Settings declared as data: each read from an environment variable by a typed helper that fails loudly."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class SettingError(ValueError):
    """An environment variable holds a value klantreis cannot use."""


@dataclass(frozen=True)
class Setting:
    """One documented setting: its environment variable, default and help text."""

    name: str
    default: str
    help: str


SETTINGS = (
    Setting("KLANTREIS_HOME", ".klantreis", "Data directory: SQLite database, uploads, cache, secret key."),
    Setting("DATABASE_URL", "", "Database URL, e.g. postgresql://user@host/db; empty: SQLite in KLANTREIS_HOME."),
    Setting("KLANTREIS_DEBUG", "false", "Django debug mode; never in production."),
    Setting("KLANTREIS_SECRET_KEY", "", "Secret key; empty: generated once and kept in KLANTREIS_HOME."),
    Setting("KLANTREIS_ALLOWED_HOSTS", "127.0.0.1,localhost", "Comma-separated host names the server answers to."),
    Setting(
        "KLANTREIS_SECURE",
        "false",
        "Served over HTTPS (production): secure cookies, HSTS and a redirect from http to https. "
        "Leave off for `make serve` on http://127.0.0.1:8000.",
    ),
    Setting(
        "KLANTREIS_BEHIND_PROXY",
        "",
        "A reverse proxy terminates HTTPS and sets X-Forwarded-Proto, which is trusted to tell a secure request; "
        "the proxy must overwrite that header from clients. Empty: same as KLANTREIS_SECURE, because "
        "`klantreis serve` speaks plain http and HTTPS comes from a proxy in front of it.",
    ),
    Setting(
        "KLANTREIS_HSTS_SECONDS",
        "31536000",
        "With KLANTREIS_SECURE: how long browsers must use HTTPS only (Strict-Transport-Security); 0 sends no HSTS.",
    ),
    Setting(
        "KLANTREIS_CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://host:port) allowed to post forms besides the server's own host, "
        "e.g. when a proxy rewrites the host name.",
    ),
    Setting("KLANTREIS_MAX_UPLOAD_MB", "50", "Largest upload accepted, in megabytes."),
    Setting("KLANTREIS_DEMO", "true", "Load the demo workspace on first start."),
)
_DEFAULTS = {s.name: s.default for s in SETTINGS}


def text(name: str) -> str:
    """The variable's value, or its documented default."""
    return os.environ.get(name, _DEFAULTS[name])


def flag(name: str) -> bool:
    """A true/false variable; anything else is an error naming the variable."""
    value = text(name).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise SettingError(f"{name}={value!r} is not true or false")


def number(name: str) -> int:
    """A whole-number variable; anything else is an error naming the variable."""
    value = text(name).strip()
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name}={value!r} is not a whole number") from None


def words(name: str) -> list[str]:
    """A comma-separated variable as a list without blanks."""
    return [w.strip() for w in text(name).split(",") if w.strip()]


def home() -> Path:
    """The data directory, created when missing."""
    path = Path(text("KLANTREIS_HOME")).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """The configured secret key, else one generated on first use and kept in the data directory."""
    configured = text("KLANTREIS_SECRET_KEY")
    if configured:
        return configured
    path = home() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()
