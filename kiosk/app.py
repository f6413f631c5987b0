"""``yimen kiosk`` (also ``python -m kiosk``): the ticket kiosk on this PC.

    yimen kiosk                          # full screen, the embedded database
    yimen kiosk --db postgresql://…      # a kiosk on the hall's LAN
    yimen kiosk --kiosk K2 --printer escpos:usb:0x0416:0x5011
    yimen kiosk --size 1080x1920         # a window of that size (trying a layout)

The kiosk's code (``--kiosk``, default the PC's name) is kept with every ticket it issues.
"""

from __future__ import annotations

import argparse
import os
import socket
from collections.abc import Sequence

from PySide6.QtCore import QSize

from kiosk.window import KioskWindow
from shared.qt.printing import station_printer
from shared.qt.station import Station, run_station, show_public


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
    p.add_argument("--size", default=None, help="窗口大小，例如 1080x1920（不全屏）")
    p.add_argument("--silent", action="store_true", help="不朗读（适老化模式也不出声）")
    return p.parse_args(argv)


def kiosk_code() -> str:
    """The PC's name, cut to what a ticket keeps: a kiosk is known by where it stands."""
    return (socket.gethostname().split(".")[0] or "K1")[:32]


def parse_size(text: str | None) -> QSize | None:
    if not text:
        return None
    w, _, h = text.lower().partition("x")
    return QSize(int(w), int(h))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size = parse_size(args.size)

    def open_window(station: Station) -> KioskWindow:
        hall = station.hall
        window = KioskWindow(
            hall,
            station_printer(args.printer, hall.settings.kiosk.slip_width_mm),
            kiosk=args.kiosk,
            bridge=station.bridge,
            announcer=station.announcer,
            size=size,
            lang=args.lang,
        )
        show_public(window, sized=size is not None)
        return window

    return run_station(
        open_window, db=args.db, hall_code=args.hall, lang=args.lang, silent=args.silent
    )
