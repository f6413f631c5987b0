"""``yimen counter --window N`` (also ``python -m counter``): a clerk's console at a window.

yimen counter --window 3                  # the embedded database
yimen counter --window 3 --db postgresql://…
yimen counter --window 3 --global-keys    # F1–F10 also while the approval system is in front
yimen counter --window 3 --printer system:HP_LaserJet   # one-time notices (Ctrl+N) on paper
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from counter.hotkeys import GlobalKeys
from counter.window import CounterWindow
from shared.devices.printing import Printer, notice_width_mm
from shared.qt.printing import station_printer
from shared.qt.station import Station, run_station


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen counter", description="一门 · 窗口叫号")
    p.add_argument("--window", type=int, required=True, help="窗口号")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--silent", action="store_true", help="本机不播报叫号")
    p.add_argument(
        "--printer",
        default=os.environ.get("YIMEN_NOTICE_PRINTER") or None,
        help="一次性告知单的打印机：pdf:文件夹 | system:打印机名称 | escpos:tcp:地址 | "
        "escpos:usb:VID:PID（默认存为 PDF，放在取号单文件夹旁的 notices 文件夹）",
    )
    p.add_argument(
        "--global-keys",
        action="store_true",
        default=os.environ.get("YIMEN_GLOBAL_KEYS") == "1",
        help="其他程序在前台时 F1–F10 仍由本窗口处理（审批系统上直接按 F1 叫号）",
    )
    return p.parse_args(argv)


def notice_printer(spec: str | None, paper: str) -> Printer | None:
    """The console's printer for one-time notices; None: the default PDF folder."""
    if not spec:
        return None

    return station_printer(spec, notice_width_mm(paper))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)

    def open_window(station: Station) -> CounterWindow:
        station.hall.settings.catalog.window(args.window)  # an unknown window: one sentence
        keys, unavailable = None, None
        if args.global_keys:
            keys = GlobalKeys()
            unavailable = keys.start()
        window = CounterWindow(
            station.hall,
            args.window,
            bridge=station.bridge,
            announcer=station.announcer,
            lang=args.lang,
            global_keys=keys if unavailable is None else None,
            printer=notice_printer(args.printer, station.hall.settings.notice.paper),
        )
        if keys is not None:
            keys.setParent(window)
            window.destroyed.connect(keys.stop)
        if unavailable is not None:
            window.say_global_keys_unavailable(unavailable)
        window.fit_to_screen()
        window.show()
        return window

    return run_station(
        open_window, db=args.db, hall_code=args.hall, lang=args.lang, silent=args.silent
    )
