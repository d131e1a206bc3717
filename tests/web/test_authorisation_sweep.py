"""The authorisation sweep: every URL pattern of the project, tried by everyone who must not get through.

The patterns come from Django's resolver, walked recursively, so a new view is swept the day it
is added. Each pattern's parameters are filled with real objects of the sample workspace, and:

- anonymous visitors get a redirect to a login page, or 403/404/405, on GET and POST;
- a member of another workspace (an owner there) gets 403/404/405 on GET and POST;
- viewers, contributors and editors get 403/404/405 on a POST that needs a higher role
  (ROLE_TO_CHANGE), and a POST to a read-only page changes nothing;
- the owner's GET is never 403/404, which proves the parameters point at real objects;
- after every request of every one of them, no row of any model and no uploaded file changed.

Only the patterns in PUBLIC and PERSONAL are exempt, each with its reason. A pattern that is in
neither and has no workspace in its address fails the sweep until someone decides which it is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from PIL import Image

from klantreis.web.personas.images import prepare
from klantreis.web.personas.service import set_picture
from klantreis.web.workspaces.models import Membership, Role

# Open to anyone, logged in or not.
PUBLIC = {
    "accounts:login": "everyone must be able to log in",
    "accounts:language": "choosing the language works before logging in; it changes only the visitor's own choice",
    "healthz": "liveness probe for operators; reveals nothing",
    "share:view": "the read-only map behind a share link: the unguessable token is the permission",
    "admin:login": "the admin's own login page",
    "admin:logout": "ends only the requester's own session; non-staff are sent to the admin index",
}
# Open to any logged-in user, acting only on that user's own account and workspaces.
PERSONAL = {
    "home": "sends the user to their own workspace",
    "accounts:logout": "ends the user's own session",
    "accounts:password_change": "changes the user's own password",
    "accounts:settings": "changes the user's own language",
    "workspaces:choose": "lists the user's own workspaces; a new workspace is owned by its creator",
}
# The lowest role whose POST may change something; None: a page that only reads, whatever the method.
ROLE_TO_CHANGE: dict[str, Role | None] = {
    "workspaces:members": Role.OWNER,
    "workspaces:new_account": Role.OWNER,
    "workspaces:member_role": Role.OWNER,
    "workspaces:member_remove": Role.OWNER,
    "workspaces:audit": None,
    "workspaces:settings": Role.OWNER,
    "personas:list": None,
    "personas:new": Role.EDITOR,
    "personas:edit": Role.EDITOR,
    "personas:avatar": Role.EDITOR,
    "personas:avatar_image": None,
    "personas:delete": Role.EDITOR,
    "journeys:list": None,
    "journeys:new": Role.EDITOR,
    "journeys:import": Role.EDITOR,
    "journeys:editor": None,
    "journeys:poll": None,
    "journeys:stage": None,
    "journeys:ops": Role.CONTRIBUTOR,
    "journeys:touchpoint_details": None,
    "journeys:improvements": None,
    "journeys:evidence": None,
    "journeys:mirror": None,
    "journeys:export": None,
    "journeys:history": None,
    "journeys:diff": None,
    "journeys:restore": Role.EDITOR,
    "journeys:comments": Role.CONTRIBUTOR,
    "journeys:comment_resolve": Role.CONTRIBUTOR,
    "journeys:share": Role.EDITOR,
    "journeys:delete": Role.OWNER,
}
REFUSED = {403, 404, 405}
BELOW = {
    Role.OWNER: ("viewer", "contributor", "editor"),
    Role.EDITOR: ("viewer", "contributor"),
    Role.CONTRIBUTOR: ("viewer",),
}
MINIMUM_PATTERNS = 60  # the project has well over this many; far fewer means the walk is broken


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full name (or ""), namespace, readable route, regex pieces and view."""

    name: str
    namespace: str
    route: str
    pieces: tuple[str, ...]
    callback: Any

    @property
    def label(self) -> str:
        """How failures name the pattern."""
        return self.name or self.route


def walk(resolver: URLResolver, prefix: tuple[Any, ...] = (), namespace: str = "") -> Iterator[Route]:
    """Every URL pattern under `resolver`, with namespaces and route prefixes applied."""
    for entry in resolver.url_patterns:
        chain = (*prefix, entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace or "") if part)
            yield from walk(entry, chain, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(part for part in (namespace, entry.name) if part) if entry.name else ""
            route = "".join(str(p) for p in chain)
            yield Route(name, namespace, route, tuple(p.regex.pattern for p in chain), entry.callback)


GROUP = re.compile(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")


def build(route: Route, values: dict[str, str]) -> str:
    """The path of `route` with each named group replaced by its value (KeyError: unknown parameter)."""
    path = "".join(piece.removeprefix("^").removesuffix(r"\Z").removesuffix("$") for piece in route.pieces)
    path = GROUP.sub(lambda m: values[m.group(1)], path)
    return "/" + path.replace("\\", "")


def params(route: Route) -> set[str]:
    """The parameter names of `route`."""
    return {m.group(1) for piece in route.pieces for m in GROUP.finditer(piece)}


def snapshot() -> tuple[Any, ...]:
    """Every row of every model (sessions excepted: logging in and out writes them) and every upload."""
    rows = tuple(
        (model._meta.label, tuple(model._default_manager.order_by("pk").values_list()))
        for model in apps.get_models()
        if model is not Session
    )
    media = Path(settings.MEDIA_ROOT)
    files = tuple(sorted((str(p), p.stat().st_size) for p in media.rglob("*"))) if media.exists() else ()
    return rows, files


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


# Form fields the views read, with values that would do harm if a view forgot to check who is asking.
TEMPTING_WORDS = {"name": "Taken over", "title": "Taken over", "body": "spam", "password": "x", "number": "1"}
TEMPTING_CHOICES = {"role": "owner", "kind": "customer", "remove": "1", "start": "blank", "language": "en"}


def tempting(sample: Any) -> dict[str, Any]:
    """A POST body that would change something if a view let the request through."""
    return {
        **TEMPTING_WORDS,
        **TEMPTING_CHOICES,
        "username": sample.outsider.username,
        "revoke": str(sample.share_link.pk),
        "target": str(sample.comment.target),
        "picture": SimpleUploadedFile("x.png", png(), content_type="image/png"),
        "file": SimpleUploadedFile("x.json", b"{}", content_type="application/json"),
    }


def values_for(sample: Any, route: Route) -> dict[str, str]:
    """Real objects of the sample workspace for every parameter a pattern may have."""
    values = {
        "ws": sample.workspace.slug,
        "journey": str(sample.journey.uuid),
        "persona": str(sample.personas["ruud"].uuid),  # unused by journeys, so deleting it would succeed
        "comment": str(sample.comment.pk),
        "stage": str(sample.comment.target),  # the comment is on the journey's first stage
        "touchpoint": sample.journey.document["stages"][0]["touchpoints"][0]["id"],
        "member": str(Membership.objects.get(user=sample.users["editor"]).pk),
        "token": sample.share_link.token,
        "fmt": "yaml",
        "app_label": "workspaces",
        "content_type_id": str(ContentType.objects.get_for_model(Membership).pk),
        "url": "nothing/here/",
    }
    if params(route) & {"object_id", "id"}:
        # Admin pages: admin/<app>/<model>/<object_id>/...; the first row of that model.
        parts = route.route.split("/")
        model = apps.get_model(parts[1], parts[2]) if len(parts) > 3 and parts[1] != "r" else Membership
        first = model._default_manager.order_by("pk").first()
        values["object_id"] = values["id"] = str(first.pk if first is not None else 1)
    return values


def redirected_to_login(response: Any) -> bool:
    """Whether the response sends the visitor to the site's or the admin's login page."""
    return response.status_code == 302 and any(
        response["Location"].startswith(page) for page in ("/accounts/login/", "/admin/login/")
    )


class Sweep:
    """Runs the requests and collects every broken expectation as one readable line."""

    def __init__(self, sample: Any) -> None:
        self.sample = sample
        self.failures: list[str] = []
        self.requests = 0
        for who in ("anonymous", "outsider", "viewer", "contributor", "editor", "owner"):
            sample.client(who)  # logging in writes last_login: do it before the first snapshot
        self.state = snapshot()

    def request(self, who: str, method: str, url: str, route: Route) -> Any:
        client: Client = self.sample.client(who)
        response = client.get(url) if method == "GET" else client.post(url, tempting(self.sample))
        if response.streaming:
            # Reading a file response to the end lets the test client close it; calling close() ourselves
            # would also fire request_finished and close the test's database connection (PostgreSQL).
            b"".join(response.streaming_content)
        self.requests += 1
        after = snapshot()  # compared with the state after the previous request: one snapshot per request
        if after != self.state:
            self.failures.append(f"{method} {url} ({route.label}) as {who} changed the database")
            self.state = after
        return response

    def expect(self, ok: bool, who: str, method: str, url: str, response: Any, wanted: str) -> None:
        if not ok:
            self.failures.append(f"{method} {url} as {who}: {response.status_code}, expected {wanted}")

    def refused(self, who: str, method: str, url: str, route: Route, *, login: bool = False) -> None:
        response = self.request(who, method, url, route)
        ok = response.status_code in REFUSED or (login and redirected_to_login(response))
        self.expect(ok, who, method, url, response, "403/404/405" + (" or a login redirect" if login else ""))

    def harmless(self, who: str, method: str, url: str, route: Route) -> None:
        response = self.request(who, method, url, route)
        self.expect(response.status_code < 500, who, method, url, response, "no server error")

    def workspace_page(self, route: Route, url: str) -> None:
        if route.name not in ROLE_TO_CHANGE:
            self.failures.append(f"{route.label}: add it to ROLE_TO_CHANGE (the lowest role that may POST)")
            return
        for method in ("GET", "POST"):
            self.refused("anonymous", method, url, route, login=True)
            self.refused("outsider", method, url, route)
        for who in ("viewer", "contributor", "editor"):
            self.harmless(who, "GET", url, route)
        needed = ROLE_TO_CHANGE[route.name]
        for who in ("viewer", "contributor", "editor"):
            if needed is None:
                self.harmless(who, "POST", url, route)
            elif who in BELOW[needed]:
                self.refused(who, "POST", url, route)
        response = self.request("owner", "GET", url, route)
        real = response.status_code not in {403, 404} and response.status_code < 500
        self.expect(real, "owner", "GET", url, response, "a page (proof that the parameters are real)")

    def admin_page(self, route: Route, url: str) -> None:
        for who in ("anonymous", "outsider", "viewer", "owner"):
            for method in ("GET", "POST"):
                self.refused(who, method, url, route, login=True)

    def personal_page(self, route: Route, url: str) -> None:
        for method in ("GET", "POST"):
            self.refused("anonymous", method, url, route, login=True)


def test_nobody_gets_past_their_role_on_any_url(sample: Any) -> None:
    set_picture(sample.personas["ruud"], prepare(png()), sample.users["owner"])  # so the picture URL exists
    sweep = Sweep(sample)
    checked: list[str] = []
    for route in walk(get_resolver()):
        label = route.label
        if route.name in PUBLIC:
            continue
        try:
            url = build(route, values_for(sample, route))
        except KeyError as missing:
            sweep.failures.append(f"{label}: teach the sweep a real value for parameter {missing}")
            continue
        if resolve(url).func is not route.callback:
            sweep.failures.append(f"{label}: the sweep built {url}, which another pattern answers")
            continue
        checked.append(label)
        if route.name in PERSONAL:
            sweep.personal_page(route, url)
        elif route.namespace == "admin":
            sweep.admin_page(route, url)
        elif "ws" in params(route):
            sweep.workspace_page(route, url)
        else:
            sweep.failures.append(f"{label}: not in a workspace; add it to PUBLIC or PERSONAL with a reason")
    assert not sweep.failures, "\n".join(sweep.failures)
    assert len(checked) >= MINIMUM_PATTERNS, f"only {len(checked)} patterns swept: {checked}"
    for namespace in ("workspaces:", "personas:", "journeys:", "admin:"):
        assert sum(label.startswith(namespace) for label in checked) >= 5, f"too few {namespace} patterns swept"
    assert sweep.requests > 5 * MINIMUM_PATTERNS
