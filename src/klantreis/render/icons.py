"""Small line icons for every channel, drawn on a 24 x 24 grid, as inline SVG."""

from __future__ import annotations

from markupsafe import Markup

from klantreis.journey.vocabulary import Channel

_CIRCLE = "M21 12a9 9 0 1 1-18 0a9 9 0 1 1 18 0"

# Path data per channel: stroked, not filled, so one colour works on any background.
PATHS: dict[Channel, str] = {
    Channel.WEBSITE: f"{_CIRCLE}M3 12h18M12 3c3 3 3.5 15 0 18M12 3c-3 3-3.5 15 0 18",
    Channel.APP: "M8 2h8a1.5 1.5 0 0 1 1.5 1.5v17a1.5 1.5 0 0 1-1.5 1.5H8a1.5 1.5 0 0 1-1.5-1.5v-17"
    "A1.5 1.5 0 0 1 8 2zM11 18.5h2",
    Channel.SELF_SERVICE_PORTAL: "M3 4h18v13H3zM8 21h8M12 17v4M6.5 8h5M6.5 11h7M15.5 8.5l1.5 1.5 2.5-3",
    Channel.EMAIL: "M3 6h18v12H3zM3 6l9 7 9-7",
    Channel.CHAT: "M4 4h16v11H10l-5 4v-4H4zM8.5 9.5h.01M12 9.5h.01M15.5 9.5h.01",
    Channel.SMS: "M7 2h10v20H7zM9.5 7h5v4h-3l-2 1.5zM11 19h2",
    Channel.MESSAGING: "M20 11.5a8 7.5 0 0 1-11.7 6.6L4 20l1.4-3.9A8 7.5 0 1 1 20 11.5zM9 10h6M9 13h4",
    Channel.SOCIAL_MEDIA: "M21 5a3 3 0 1 1-6 0a3 3 0 1 1 6 0M9 12a3 3 0 1 1-6 0a3 3 0 1 1 6 0"
    "M21 19a3 3 0 1 1-6 0a3 3 0 1 1 6 0M8.6 10.6l6.8-4.2M8.6 13.4l6.8 4.2",
    Channel.PHONE: "M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z",
    Channel.VIDEO_CALL: "M3 7h12v10H3zM15 10.5l6-3.5v10l-6-3.5",
    Channel.LETTER: "M3 6h18v12H3zM6 10h6M6 13h8M16 8.5h2.5v3H16z",
    Channel.COUNTER: "M15 6a3 3 0 1 1-6 0a3 3 0 1 1 6 0M7 14a5 5 0 0 1 10 0M3 14h18v6H3z",
    Channel.STORE: "M4 9l1.5-5h13L20 9M4 9h16M4 9v11h16V9M10 20v-6h4v6M4 9a2.7 2.7 0 0 0 5.3 0"
    "a2.7 2.7 0 0 0 5.4 0a2.7 2.7 0 0 0 5.3 0",
    Channel.HOME_VISIT: "M3 11l9-7 9 7M5 9.5V20h14V9.5M10 20v-6h4v6",
    Channel.MEETING: "M11 7.5a3 3 0 1 1-6 0a3 3 0 1 1 6 0M19 7.5a3 3 0 1 1-6 0a3 3 0 1 1 6 0"
    "M2 20a6 6 0 0 1 12 0M14.5 14.4A6 6 0 0 1 22 20",
    Channel.ADVERTISING: "M3 10v4h3l8 5V5l-8 5zM17 9a4 4 0 0 1 0 6M19.5 6.5a7.5 7.5 0 0 1 0 11M6 14l1.5 5.5h3L9 15",
    Channel.REVIEW_SITE: "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z",
    Channel.WORD_OF_MOUTH: "M3 4h11v7H7l-4 3zM17 8h4v10l-3-2.5h-7V14",
    Channel.SEARCH_ENGINE: "M17 10.5a6.5 6.5 0 1 1-13 0a6.5 6.5 0 1 1 13 0M15.2 15.2L21 21",
    Channel.DOCUMENT: "M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14.5h7M9 18h4",
    Channel.CUSTOM: f"{_CIRCLE}M8 12h.01M12 12h.01M16 12h.01",
}

_STROKE = 'fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"'


def channel_path(channel: Channel) -> str:
    """The path data of a channel's icon on the 24 x 24 grid."""
    return PATHS.get(channel, PATHS[Channel.CUSTOM])


def channel_icon(channel: Channel, size: int = 20, title: str = "") -> Markup:
    """An inline SVG icon for `channel`, in the current text colour."""
    label = f"<title>{Markup.escape(title)}</title>" if title else ""
    hidden = "" if title else ' aria-hidden="true"'
    return Markup(
        f'<svg class="kr-icon" width="{size}" height="{size}" viewBox="0 0 24 24"{hidden}>'
        f'{label}<path d="{channel_path(channel)}" {_STROKE}/></svg>'
    )


def icon_group(channel: Channel, x: float, y: float, size: float, colour: str) -> str:
    """A channel icon placed at (x, y) inside a larger SVG, scaled to `size` pixels."""
    scale = size / 24
    return (
        f'<g transform="translate({x:.1f},{y:.1f}) scale({scale:.3f})" color="{colour}">'
        f'<path d="{channel_path(channel)}" {_STROKE}/></g>'
    )
