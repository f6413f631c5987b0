"""``yimen supervisor`` (also ``python -m counter.supervisor``): the supervisor's station,
a hall manager's desk screen: the live floor, the alarms and the hall's settings.

yimen supervisor                          # the embedded database, this PC's name
yimen supervisor --db postgresql://…      # the hall's server
yimen supervisor --station 值班台          # the name its sign-ins are recorded with
yimen supervisor --size 1366x768          # a window of that size (trying a layout)

The station does not speak calls (the counters or the lobby display do); it sounds a
chime when an alarm is raised, if the hall's [alarms] sound is on.
"""

from __future__ import annotations

import argparse
import os
import socket
from collections.abc import Sequence

from PySide6.QtCore import QSize

from counter.supervisor_window import SupervisorWindow
from shared.qt.station import Station, run_station


def station_name() -> str:
    """This PC's name: a supervisor's sign-in is recorded with where it was made."""
    return (socket.gethostname() or "desk")[:64]


def parse_size(text: str | None) -> QSize | None:
    if not text:
        return None
    w, _, h = text.lower().partition("x")
    try:
        return QSize(int(w), int(h))
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen supervisor", description="一门 · 管理人员工作台")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--station", default=station_name(), help="本工作台名称（默认本机名）")
    p.add_argument(
        "--size", type=parse_size, default=None, help="窗口大小，例如 1366x768（不最大化）"
    )
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size: QSize | None = args.size

    def open_window(station: Station) -> SupervisorWindow:
        window = SupervisorWindow(
            station.hall, bridge=station.bridge, lang=args.lang, station=args.station
        )
        if size is not None:
            window.resize(size)
            window.show()
        else:
            window.fit_to_screen()
            window.showMaximized()
        return window

    return run_station(open_window, db=args.db, hall_code=args.hall, lang=args.lang, silent=True)


if __name__ == "__main__":
    raise SystemExit(main())
