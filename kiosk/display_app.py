"""``yimen display``: the lobby display (综合屏), or with ``--window N`` the small screen
above one window (窗口屏). Public, no sign-in; locked full screen, kept running.

    yimen display                         # the lobby display, the embedded database
    yimen display --db postgresql://…     # on the hall's LAN
    yimen display --window 3              # the screen above window 3
    yimen display --size 1080x1920        # a window of that size (trying a layout)
    yimen display --windowed              # an ordinary window (IT)
    yimen display --screen 2              # full screen on the PC's second output
    yimen display --inches 43             # this screen's diagonal, for the letter size

It speaks the calls when the hall has them spoken centrally (``[voice] speaker =
"display"``); a window screen never speaks. Five clicks in the top left corner (a mouse
plugged in) and a supervisor's code open the maintenance panel: exit or restart.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kiosk.public import add_public_options, kept_run, run_public

if TYPE_CHECKING:
    from kiosk.display import HallScreen


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen display", description="一门 · 大厅综合屏与窗口屏")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--window", type=int, default=None, help="窗口屏：窗口号（不写为大厅综合屏）")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--size", default=None, help="窗口大小，例如 1080x1920（不全屏，不锁定）")
    p.add_argument("--inches", type=float, default=None, help="本屏尺寸（英寸），决定字的大小")
    p.add_argument("--silent", action="store_true", help="不播报叫号")
    add_public_options(p)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    name = "display" if args.window is None else f"display-window{args.window}"
    return kept_run("kiosk.display_app", argv, args, name, run)


def run(args: argparse.Namespace) -> int:
    """The display in this process."""
    from kiosk.app import parse_size
    from kiosk.display import LobbyDisplay, WindowScreen
    from kiosk.maintenance import MaintenanceGate
    from shared.qt.station import Station, chosen_screen

    silent = args.silent or args.window is not None  # a window screen never speaks

    def open_window(station: Station) -> HallScreen:
        screen_of_pc = chosen_screen(args.screen)
        size = parse_size(args.size) or (screen_of_pc.size() if screen_of_pc is not None else None)
        screen: HallScreen
        if args.window is not None:
            screen = WindowScreen(station.hall, args.window, bridge=station.bridge, size=size)
            where = f"display window {args.window}"
        else:
            screen = LobbyDisplay(
                station.hall,
                bridge=station.bridge,
                announcer=station.announcer,
                size=size,
                inches=args.inches,
            )
            where = "display"
        MaintenanceGate(  # held by the screen, its parent
            screen,
            station.hall,
            screen.db,
            station.lockdown,
            station=where,
            lang=lambda: args.lang,
        )
        station.lockdown.show(screen, screen=screen_of_pc)
        return screen

    return run_public(open_window, args, silent=silent)


if __name__ == "__main__":
    sys.exit(main())
