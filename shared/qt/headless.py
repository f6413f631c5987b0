"""Running the screens without a person in front of them (the headless demo, the
screenshots): wait for a window to settle, and keep the offscreen platform quiet."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType
from PySide6.QtWidgets import QApplication


def wait_until(app: QApplication, until: Callable[[], bool], seconds: float = 30) -> None:
    """Process the window's events until ``until()`` holds; TimeoutError after ``seconds``."""
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError(f"the screen did not answer within {seconds:.0f} s")
        app.processEvents()
        time.sleep(0.002)


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
