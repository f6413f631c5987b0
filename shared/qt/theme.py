"""The look of the apps: one QSS theme per app family in ``assets/styles``, its colours
named once here, its sizes computed from the screen (so the same screen works on a 21.5"
kiosk and a 55" TV) and scaled up in elderly mode."""

from __future__ import annotations

import math
from pathlib import Path
from string import Template

STYLES = Path(__file__).resolve().parent.parent.parent / "assets" / "styles"

#: The public screens' palette. Every text colour on its background is at least 7:1
#: (WCAG AAA), so elderly mode and the back rows need no other palette.
PUBLIC = {
    "page": "#F3F6FA",
    "card": "#FFFFFF",
    "band": "#E3E9F1",
    "ink": "#10233F",  # 15.7:1 on card
    "muted": "#354659",  # 9.7:1 on card, 7.9:1 on band
    "line": "#9AA9BD",
    "pressed": "#CFDCEE",
    "brand": "#0B4EA2",  # white on it: 8.0:1
    "brand_pressed": "#083A7A",
    "on_brand": "#FFFFFF",
    "green": "#0F5C27",  # white on it: 8.1:1
    "on_green": "#FFFFFF",
    "help": "#8F3300",  # white on it: 7.9:1
    "on_help": "#FFFFFF",
    "alert": "#A3001B",  # 8.2:1 on card; white on it too
    "on_alert": "#FFFFFF",
}


#: The lobby display and the window screens: light on deep blue, read from across the hall.
#: Every text colour on its background is at least 7:1 (WCAG AAA).
DISPLAY = {
    "page": "#04142E",
    "panel": "#0A2550",
    "band": "#0D3470",
    "line": "#2E5A9A",
    "ink": "#FFFFFF",  # 16.9:1 on page, 12.6:1 on band
    "muted": "#C5D3E8",  # 10.0:1 on panel
    "number": "#FFD43B",  # the numbers: 12.5:1 on page, 10.6:1 on panel
    "window": "#7FE7FF",  # the windows: 12.6:1 on page, 10.7:1 on panel
    "flash": "#FFD43B",  # the newest call's panel while it flashes …
    "on_flash": "#04142E",  # … and its words then: 14.4:1
    "alert": "#B3001E",  # the lost-connection band: white on it 7.0:1
    "on_alert": "#FFFFFF",
    "paused": "#FFB4A6",  # 暂停服务 on a window screen: 11.0:1 on page
    "stale": "#8A9AB3",  # calls shown while the connection is lost: dimmed, 5.3:1 on panel
}


def letter_px(width_px: int, height_px: int, inches: float, metres: float) -> float:
    """How many pixels high a capital letter must be on a screen of ``inches`` diagonal
    at ``width_px`` × ``height_px`` to be read from ``metres`` away: the sign-makers'
    1 cm of letter per 3 m of distance."""
    cm_per_px = inches * 2.54 / math.hypot(width_px, height_px)
    return (metres / 3) / cm_per_px


def display_stylesheet(size: dict[str, int]) -> str:
    """The display family's QSS with its palette and the sizes ``size`` (worked out from
    the screen and the viewing distance by the display itself)."""
    template = Template((STYLES / "display.qss").read_text(encoding="utf-8"))
    return template.substitute({**DISPLAY, **{k: str(v) for k, v in size.items()}})


def sizes(short_side_px: int, scale: float = 1.0) -> dict[str, int]:
    """Pixel sizes for a screen whose shorter side is ``short_side_px`` (1080 on a 21.5"
    kiosk): body text 30 px there, touch targets of 96 px (about 23 mm on such a panel)."""
    u = short_side_px / 1080

    def px(n: float, scaled: bool = True) -> int:
        return max(1, round(n * u * (scale if scaled else 1.0)))

    return {
        "small": px(24),
        "body": px(30),
        "heading": px(46),
        "tile_text": px(44),
        "number": px(170, scaled=False),
        "target": px(96),
        "tile": px(150),
        "radius": px(14, scaled=False),
        "pad": px(24, scaled=False),
        "pad_small": px(10, scaled=False),
        "border": px(3, scaled=False),
    }


def stylesheet(family: str, short_side_px: int, scale: float = 1.0) -> str:
    template = Template((STYLES / f"{family}.qss").read_text(encoding="utf-8"))
    return template.substitute(
        {**PUBLIC, **{k: str(v) for k, v in sizes(short_side_px, scale).items()}}
    )
