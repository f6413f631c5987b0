"""``yimen kiosk`` (also ``python -m kiosk``): the ticket kiosk on this PC.

    yimen kiosk                          # full screen, the embedded database
    yimen kiosk --db postgresql://…      # a kiosk on the hall's LAN
    yimen kiosk --kiosk K2 --printer escpos:usb:0x0416:0x5011
    yimen kiosk --size 1080x1920         # a window of that size (trying a layout)

The kiosk's code (``--kiosk``, default the PC's name) is kept with every ticket it issues.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from shared.announcer import Announcer
from shared.clock import clock_from_env
from shared.errors import YimenError
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.printing import station_printer
from shared.voice import Voice

log = logging.getLogger("yimen.kiosk")


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
    from kiosk.window import KioskWindow

    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_language(args.lang)
    try:
        hall = Hall.connect(args.db, clock_from_env(runs=True), hall_code=args.hall)
    except YimenError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    bridge = FeedBridge(
        hall.db.url.render_as_string(hide_password=False), hall_code=hall.settings.code
    )
    voice = None if args.silent else Voice(hall.settings.voice)
    announcer = None if voice is None else Announcer(voice)
    size = parse_size(args.size)
    window = KioskWindow(
        hall,
        station_printer(args.printer, hall.settings.kiosk.slip_width_mm),
        kiosk=args.kiosk,
        bridge=bridge,
        announcer=announcer,
        size=size,
        lang=args.lang,
    )
    bridge.start()
    if size is None:
        window.showFullScreen()
    else:
        window.show()
    try:
        return app.exec()
    finally:
        bridge.stop()
        if announcer is not None:
            announcer.close()
        if voice is not None:
            voice.close()
        hall.close()
