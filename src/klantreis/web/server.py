"""Serve the web app with gunicorn (a production-grade server), static files through whitenoise."""

from __future__ import annotations

import os
import sys
from typing import Any

from gunicorn.app.base import BaseApplication


class KlantreisServer(BaseApplication):
    """gunicorn run in-process with our WSGI app and options, no configuration file needed."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Hand our options to gunicorn."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """Import the Django WSGI application inside each worker."""
        from klantreis.web.wsgi import application

        return application


def configure_django() -> None:
    """Point Django at klantreis's settings and set it up."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.web.settings")
    import django

    django.setup()


def serve(host: str, port: int, workers: int) -> None:
    """Prepare the data directory and database, then serve until interrupted."""
    configure_django()
    from klantreis.web.setup import prepare

    prepare(sys.stdout)
    sys.stdout.write(f"klantreis serves on http://{host}:{port}/ (Ctrl+C stops)\n")
    sys.stdout.flush()
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": 8,
        "accesslog": "-",
        "timeout": 120,
        "graceful_timeout": 10,
        # One shared default control socket would make two servers on one machine clash; we don't use it.
        "control_socket_disable": True,
    }
    KlantreisServer(options).run()
