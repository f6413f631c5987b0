"""Running the screens without a person in front of them (the headless demo, the
screenshots): wait for a window to settle, and keep the offscreen platform quiet."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from shared.base.clock import Clock
from shared.hall import Hall
from shared.qt.i18n import set_language


def wait_until(
    app: QApplication,
    until: Callable[[], bool],
    seconds: float = 30,
    *,
    what: str = "screen",
    poll: float = 0.002,
) -> None:
    """Process the window's events until ``until()`` holds, looking every ``poll`` seconds
    (a benchmark looks more often); TimeoutError after ``seconds``."""
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError(f"the {what} did not answer within {seconds:.0f} s")
        app.processEvents()
        time.sleep(poll)


def settle(
    app: QApplication, until: Callable[[], bool] = lambda: True, seconds: float = 10
) -> None:
    """Let the window finish what it is doing (worker answers, layout) for a moment."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()
        time.sleep(0.02)


def quiet_platform(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's note that it cannot size
    a window the way a window manager would (it says so for every window)."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def save_screens(
    prog: str,
    argv: Sequence[str] | None,
    clock: Callable[[], Clock],
    work: Callable[[Hall, Path, QApplication], object],
) -> int:
    """``python -m PROG --db URL --out DIR``: ``work`` drives the screens on that hall (its
    clock made by ``clock``) and saves what they show into DIR."""
    p = argparse.ArgumentParser(prog=f"python -m {prog}")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, type=Path)
    args = p.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QApplication.setQuitOnLastWindowClosed(False)  # one screen closes, the next opens
    qInstallMessageHandler(quiet_platform)
    set_language("zh")
    args.out.mkdir(parents=True, exist_ok=True)
    with Hall.connect(args.db, clock()) as hall:
        work(hall, args.out, app)
    return 0
