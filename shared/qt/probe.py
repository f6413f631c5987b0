"""What Qt sees of this PC, for ``yimen doctor``: its screens and its system printers.

The screens are asked in a process of their own (``python -m shared.qt.probe``): Qt ends
a process that cannot reach a screen (no graphical session, a platform plugin missing
its libraries) without a way to catch it, and the doctor has to tell that, not end. The
system printers are asked in such a process too (``python -m shared.qt.probe --printer
NAME``): Qt's print support, loaded in a process that has no application yet, would be
set up for none, and a station's screens started later in it would be the worse for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from shared.devices.checks import ScreenInfo
from shared.devices.station_checks import ScreenUnavailable

SCREEN_SECONDS = 15.0
PRINTER_STATES = ("missing", "idle", "active", "aborted", "error")


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m shared.qt.probe`` with ``args``, in a process of its own (no console
    window on Windows): what it printed; `subprocess.TimeoutExpired` after
    ``SCREEN_SECONDS``."""
    return subprocess.run(
        [sys.executable, "-m", "shared.qt.probe", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=SCREEN_SECONDS,
        check=False,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )


def screens() -> list[ScreenInfo]:
    """This PC's screens; `ScreenUnavailable` when Qt cannot show anything here."""
    if _no_session():
        raise ScreenUnavailable("doctor.screen.no_session")
    try:
        done = _probe()
    except subprocess.TimeoutExpired:
        raise ScreenUnavailable("doctor.screen.slow", seconds=round(SCREEN_SECONDS)) from None
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise ScreenUnavailable(
            "doctor.screen.qt_failed", detail=(lines[0] if lines else str(done.returncode))
        )
    return [ScreenInfo(**s) for s in json.loads(done.stdout)]


def _no_session() -> bool:
    """On Linux, nothing for Qt to show on: no X or Wayland session, and no platform
    named in ``QT_QPA_PLATFORM`` (a kiosk on the framebuffer names ``linuxfb``)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def system_printer(name: str) -> str:
    """The state of the system printer ``name`` as its queue tells it: "missing" (not
    installed on this PC), "idle", "active", "aborted" or "error" (also when Qt could not
    be asked)."""
    try:
        done = _probe("--printer", name)
    except subprocess.TimeoutExpired:
        return "error"
    state = done.stdout.strip()
    return state if done.returncode == 0 and state in PRINTER_STATES else "error"


def _printer_state(name: str) -> str:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if name not in QPrinterInfo.availablePrinterNames():
        return "missing"
    state = QPrinterInfo.printerInfo(name).state()
    return {
        QPrinter.PrinterState.Idle: "idle",
        QPrinter.PrinterState.Active: "active",
        QPrinter.PrinterState.Aborted: "aborted",
        QPrinter.PrinterState.Error: "error",
    }.get(state, "idle")


def main(argv: list[str] | None = None) -> int:
    """Print the screens as JSON, one object each, in the logical pixels the layouts use;
    with ``--printer NAME``, that system printer's state instead."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--printer"] and len(args) == 2:
        print(_printer_state(args[1]))
        return 0
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    primary = app.primaryScreen()
    found = [
        {
            "name": s.name(),
            "width": s.size().width(),
            "height": s.size().height(),
            "free_width": s.availableSize().width(),
            "free_height": s.availableSize().height(),
            "primary": s is primary or s == primary,
            "platform": app.platformName(),
        }
        for s in app.screens()
    ]
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
