"""The rows of the journey map editor, top to bottom, grouped as the method reads a map."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Lane:
    """One row of the map: its id (CSS class lane-<id>), label and group."""

    id: str
    label: Promise
    group: str
    hint: Promise | str = ""


# The order follows render/ (the exported map): the customer's side on top, then experience and
# the curve, the analysis, and the organisation with the backstage last, below the line of
# visibility. Rating sits right above the curve it draws.
LANES = (
    Lane("touchpoint", _("Touchpoint"), "customer", _("Contact moment, channel and how much influence we have")),
    Lane("action", _("Customer action"), "customer", _("What the customer does here")),
    Lane("between", _("Between contacts"), "customer", _("What happens until the next contact")),
    Lane("expectations", _("Expectations and irritations"), "experience"),
    Lane("quotes", _("Quotes"), "experience", _("In the customer's own words")),
    Lane("rating", _("Rating"), "experience", _("Current and desired rating per persona, −2 to +2")),
    Lane("curve", _("Emotion curve"), "experience", _("Solid: current; dashed: desired")),
    Lane("feelings", _("Experience and emotions"), "experience"),
    Lane("pain_points", _("Pain points"), "analysis"),
    Lane("moments", _("Moment of truth"), "analysis"),
    Lane("fogg", _("Behaviour (Fogg)"), "analysis", _("Motivation × ability × trigger, 1 to 5")),
    Lane("heuristics", _("Heuristics"), "analysis"),
    Lane("kpis", _("KPIs"), "analysis"),
    Lane("opportunities", _("Opportunities"), "organisation"),
    Lane("improvements", _("Improvements"), "organisation"),
    Lane("frontstage", _("Frontstage"), "organisation", _("What the organisation does in view of the customer")),
    Lane("backstage", _("Backstage"), "organisation", _("Processes, systems and departments behind the scenes")),
)
LANE_IDS = tuple(lane.id for lane in LANES)
# Grid row of each lane: row 1 holds the stage headers.
LANE_ROW = {lane.id: index + 2 for index, lane in enumerate(LANES)}
# Shown when a user has not chosen yet: the method's core, not every detail at once.
DEFAULT_HIDDEN = ("quotes", "heuristics", "kpis", "between")
