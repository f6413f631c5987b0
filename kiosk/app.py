"""``yimen kiosk`` (also ``python -m kiosk``): the ticket kiosk on this PC.

    yimen kiosk                          # locked full screen, kept running, the embedded database
    yimen kiosk --db postgresql://…      # a kiosk on the hall's LAN
    yimen kiosk --kiosk K2 --printer escpos:usb:0x0416:0x5011
    yimen kiosk --size 1080x1920         # a window of that size (trying a layout)
    yimen kiosk --windowed               # an ordinary window (IT), the screen's size
    yimen kiosk --screen 2               # full screen on the second screen

The kiosk's code (``--kiosk``, default the PC's name) is kept with every ticket it issues.
Started for real it is locked (no key or gesture closes it; five taps in the top left
corner and a supervisor's code open the maintenance panel) and runs under a keeper that
starts it again after a crash or a frozen screen (``--no-keeper``: not).

No Qt is imported before the keeper has been passed: the keeper's process never needs it.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kiosk.public import add_public_options, kept_run, run_public

if TYPE_CHECKING:
    from PySide6.QtCore import QSize


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen kiosk", description="一门 · 自助取号机")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument(
        "--kiosk", default=os.environ.get("YIMEN_KIOSK") or kiosk_code(), help="取号机编号"
    )
    p.add_argument(
        "--printer",
        default=os.environ.get("YIMEN_PRINTER") or None,
        help="pdf:文件夹 | system:打印机名称 | escpos:tcp:地址 | escpos:usb:VID:PID",
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--size", default=None, help="窗口大小，例如 1080x1920（不全屏，不锁定）")
    p.add_argument("--silent", action="store_true", help="不朗读（适老化模式也不出声）")
    add_public_options(p)
    return p.parse_args(argv)


def kiosk_code() -> str:
    """The PC's name, cut to what a ticket keeps: a kiosk is known by where it stands."""
    return (socket.gethostname().split(".")[0] or "K1")[:32]


def parse_size(text: str | None) -> QSize | None:
    from PySide6.QtCore import QSize

    if not text:
        return None
    w, _, h = text.lower().partition("x")
    return QSize(int(w), int(h))


def main(argv: Sequence[str] | None = None) -> int:
    return kept_run("kiosk.app", argv, parse_args(argv), "kiosk", run)


def run(args: argparse.Namespace) -> int:
    """The kiosk in this process."""
    from kiosk.maintenance import MaintenanceGate
    from kiosk.window import KioskWindow
    from shared.qt.printing import station_printer
    from shared.qt.station import Station, chosen_screen

    def open_window(station: Station) -> KioskWindow:
        hall = station.hall
        screen = chosen_screen(args.screen)
        size = parse_size(args.size) or (screen.size() if screen is not None else None)
        window = KioskWindow(
            hall,
            station_printer(args.printer, hall.settings.kiosk.slip_width_mm),
            kiosk=args.kiosk,
            bridge=station.bridge,
            announcer=station.announcer,
            size=size,
            lang=args.lang,
        )
        MaintenanceGate(  # held by the window, its parent
            window,
            hall,
            window.db,
            station.lockdown,
            station=f"kiosk {args.kiosk}",
            lang=lambda: window.lang,
            desk=window,
        )
        station.lockdown.show(window, screen=screen)
        return window

    return run_public(open_window, args, silent=args.silent)


if __name__ == "__main__":
    sys.exit(main())
