"""``yimen counter --window N`` (also ``python -m counter``): a clerk's console at a window.

yimen counter --window 3                  # the embedded database
yimen counter --window 3 --db postgresql://…
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from shared.announcer import Announcer
from shared.clock import clock_from_env
from shared.errors import YimenError
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.voice import Voice


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen counter", description="一门 · 窗口叫号")
    p.add_argument("--window", type=int, required=True, help="窗口号")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--silent", action="store_true", help="本机不播报叫号")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from counter.window import CounterWindow

    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_language(args.lang)
    try:
        hall = Hall.connect(args.db, clock_from_env(runs=True), hall_code=args.hall)
        hall.settings.catalog.window(args.window)
    except YimenError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    bridge = FeedBridge(
        hall.db.url.render_as_string(hide_password=False), hall_code=hall.settings.code
    )
    voice = None if args.silent else Voice(hall.settings.voice)
    announcer = None if voice is None else Announcer(voice)
    window = CounterWindow(hall, args.window, bridge=bridge, announcer=announcer, lang=args.lang)
    bridge.start()
    window.resize(900, 620)
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
