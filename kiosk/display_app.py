"""``yimen display``: the lobby display (综合屏), or with ``--window N`` the small screen
above one window (窗口屏). Public, no sign-in; full screen.

    yimen display                         # the lobby display, the embedded database
    yimen display --db postgresql://…     # on the hall's LAN
    yimen display --window 3              # the screen above window 3
    yimen display --size 1080x1920        # a window of that size (trying a layout)
    yimen display --inches 43             # this screen's diagonal, for the letter size

It speaks the calls when the hall has them spoken centrally (``[voice] speaker =
"display"``); a window screen never speaks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kiosk.app import parse_size
from kiosk.display import LobbyDisplay, WindowScreen
from shared.qt.station import Station, run_station, show_public


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen display", description="一门 · 大厅综合屏与窗口屏")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--window", type=int, default=None, help="窗口屏：窗口号（不写为大厅综合屏）")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--size", default=None, help="窗口大小，例如 1080x1920（不全屏）")
    p.add_argument("--inches", type=float, default=None, help="本屏尺寸（英寸），决定字的大小")
    p.add_argument("--silent", action="store_true", help="不播报叫号")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size = parse_size(args.size)
    silent = args.silent or args.window is not None  # a window screen never speaks

    def open_window(station: Station) -> QWidget:
        screen: QWidget
        if args.window is not None:
            screen = WindowScreen(station.hall, args.window, bridge=station.bridge, size=size)
        else:
            screen = LobbyDisplay(
                station.hall,
                bridge=station.bridge,
                announcer=station.announcer,
                size=size,
                inches=args.inches,
            )
        show_public(screen, sized=size is not None)
        return screen

    return run_station(open_window, db=args.db, hall_code=args.hall, lang=args.lang, silent=silent)


if __name__ == "__main__":
    sys.exit(main())
