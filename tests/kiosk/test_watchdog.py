"""The watchdog: a station whose GUI thread stops answering is ended with the frozen
status, every thread's stack in its log, for the keeper to start it again; one that
keeps answering is left alone. Each runs in a process of its own (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from shared.qt.keeper import EXIT_FROZEN

ROOT = Path(__file__).resolve().parents[2]
#: A Qt application under the station's watchdog (2 s) whose GUI thread, once the loop
#: runs, either sleeps in ``stuck_in_a_driver_call`` or ends the loop after a few beats.
STATION = textwrap.dedent(
    """
    import logging, sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from shared.qt.watchdog import watch_gui

    logging.basicConfig(level=logging.INFO)
    app = QApplication([])
    watch_gui(2.0)

    def stuck_in_a_driver_call():
        time.sleep(120)

    if sys.argv[1] == "freeze":
        QTimer.singleShot(100, stuck_in_a_driver_call)
    else:
        QTimer.singleShot(3000, app.quit)  # past the limit, beating all along
    sys.exit(app.exec())
    """
)


def run_station(how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", STATION, how],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # a deadline, far beyond the 2 s the watchdog allows
    )


def test_a_frozen_screen_ends_the_station_with_every_threads_stack_in_the_log() -> None:
    ended = run_station("freeze")
    assert ended.returncode == EXIT_FROZEN, ended.stderr
    log = ended.stderr
    assert "the screen has not answered for" in log
    # faulthandler's dump: the GUI thread caught where it hangs, the watchdog's own too.
    assert "Current thread" in log or "Thread 0x" in log
    assert "in stuck_in_a_driver_call" in log
    assert "in _frozen" in log


def test_a_screen_that_answers_is_left_alone() -> None:
    ended = run_station("beat")
    assert ended.returncode == 0, ended.stderr
    assert "has not answered" not in ended.stderr
