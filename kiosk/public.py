"""What the public stations (kiosk, lobby display, evaluator) share in how they start:
the options of a locked station and its keeper.

Started for real, a public station runs under a keeper (`shared.qt.keeper`: started
again after a crash or a frozen screen) and is locked full screen
(`shared.qt.lockdown`); ``--windowed`` or ``--size`` make it an ordinary window for IT
and for trying layouts, ``--no-keeper`` runs it in this very process (what the keeper
itself starts, and what a test calls). No Qt here: the keeper's process never needs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from shared.qt.keeper import NO_KEEPER, keep, kept

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from shared.qt.station import Station

#: Seconds of a silent screen before a kept station is ended and started again.
WATCHDOG_SECONDS = 20.0


def add_public_options(p: argparse.ArgumentParser) -> None:
    """The options every public station takes besides its own."""
    p.add_argument(
        "--windowed",
        action="store_true",
        help="普通窗口，不锁定全屏（信息科调试用；可用 --size 指定大小）",
    )
    p.add_argument("--screen", type=int, default=None, help="在第几块屏幕上全屏（1 为第一块）")
    p.add_argument(
        NO_KEEPER,
        dest="no_keeper",
        action="store_true",
        help="不用守护进程（崩溃后不自动重启）",
    )
    p.add_argument(
        "--watchdog",
        type=float,
        default=None,
        help=f"画面无响应多少秒后结束并由守护进程重启（默认 {WATCHDOG_SECONDS:g}，0 为不监视）",
    )
    p.add_argument("--log", default=None, help="守护进程写的日志文件（默认在用户日志目录）")


@dataclass(frozen=True)
class Start:
    """How a public station starts, from its options."""

    locked: bool  # full screen and locked (not --windowed, not --size)
    watchdog: float  # seconds; 0: no watchdog


def start_of(args: argparse.Namespace) -> Start:
    locked = not (args.windowed or args.size)
    if args.watchdog is not None:
        watchdog = max(0.0, float(args.watchdog))
    else:  # a station nobody would start again is not ended for being slow
        watchdog = WATCHDOG_SECONDS if kept() else 0.0
    return Start(locked, watchdog)


def kept_run(
    module: str,
    argv: Sequence[str] | None,
    args: argparse.Namespace,
    name: str,
    run: Callable[[argparse.Namespace], int],
) -> int:
    """A public station's ``main``: under a keeper unless ``--no-keeper`` (``python -m
    module argv --no-keeper`` is run, and started again, until it ends for good), else
    ``run(args)`` in this process; its status."""
    if args.no_keeper:
        return run(args)
    given = list(sys.argv[1:] if argv is None else argv)
    log_file = Path(args.log) if args.log else None
    return keep(module, given, name=name, log_file=log_file)


def run_public(
    open_window: Callable[[Station], QWidget],
    args: argparse.Namespace,
    *,
    silent: bool,
    locked: bool | None = None,
) -> int:
    """`run_station` with a public station's options: the hall, the language, locked
    (default: not ``--windowed`` nor ``--size``) and watched for a frozen screen."""
    from shared.qt.station import run_station

    start = start_of(args)
    return run_station(
        open_window,
        db=args.db,
        hall_code=args.hall,
        lang=args.lang,
        silent=silent,
        locked=start.locked if locked is None else locked,
        watchdog=start.watchdog,
    )


__all__ = [
    "WATCHDOG_SECONDS",
    "Start",
    "add_public_options",
    "kept_run",
    "run_public",
    "start_of",
]
