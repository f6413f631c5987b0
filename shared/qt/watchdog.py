"""The watchdog: a frozen screen ends its station, so that the keeper starts it again.

A kiosk whose GUI thread hangs (a deadlock, a driver call that never returns) still
looks alive: the last screen stays on the glass and no tap answers. The GUI thread
beats once a second (a QTimer); a thread of its own checks the beat. When no beat came
for ``seconds`` (20 by default), it logs that the screen is frozen and every thread's
stack (``faulthandler``, which needs neither the GUI thread nor the GIL's goodwill of
the frozen code), and ends the process at once with `EXIT_FROZEN`: the keeper
(`shared.qt.keeper`) logs it and starts the station again.

A PC that slept, or a process stopped in a debugger, is no frozen screen: when the
watchdog itself was not scheduled for longer than the limit, it starts counting again.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from shared.qt.keeper import EXIT_FROZEN

log = logging.getLogger(__name__)

#: How long the screen may stay silent before the station is ended.
FROZEN_SECONDS = 20.0
BEAT_MS = 1000


class Watchdog:
    """Ends the process when ``beat`` is not called for ``seconds``."""

    def __init__(
        self,
        seconds: float = FROZEN_SECONDS,
        *,
        check_every: float = 0.5,
        stream: TextIO | None = None,
        on_frozen: Callable[[float], None] | None = None,
    ) -> None:
        self.seconds = seconds
        self.check_every = check_every
        self.stream = stream  # where the threads' stacks go (default: standard error)
        self._on_frozen = on_frozen  # default: end the process with EXIT_FROZEN
        self._last = time.monotonic()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="yimen-watchdog", daemon=True)

    def start(self) -> Watchdog:
        self._last = time.monotonic()
        self._thread.start()
        return self

    def beat(self) -> None:
        """The screen is alive (called on the GUI thread)."""
        self._last = time.monotonic()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        checked = time.monotonic()
        while not self._stopped.wait(self.check_every):
            now = time.monotonic()
            if now - checked > self.seconds:  # this whole process was not running
                self._last = now
            checked = now
            silent = now - self._last
            if silent > self.seconds:
                self._frozen(silent)
                return

    def _frozen(self, silent: float) -> None:
        log.critical(
            "the screen has not answered for %.0f s: every thread's stack follows; "
            "ending the station (status %d) so that it starts again",
            silent,
            EXIT_FROZEN,
        )
        for handler in logging.getLogger().handlers:
            handler.flush()
        stream = self.stream or sys.stderr
        if stream is not None:  # none under pythonw.exe without a keeper
            stream.flush()
            faulthandler.dump_traceback(file=stream, all_threads=True)
            stream.flush()
        if self._on_frozen is not None:
            self._on_frozen(silent)
            return
        os._exit(EXIT_FROZEN)  # no clean-up: the GUI thread that would do it is stuck


class _Heart(QObject):
    """The GUI thread's beat: a timer that tells the watchdog it ran."""

    def __init__(self, watchdog: Watchdog, parent: QObject | None) -> None:
        super().__init__(parent)
        self.watchdog = watchdog
        self.timer = QTimer(self)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(watchdog.beat)
        self.timer.start()


def watch_gui(seconds: float = FROZEN_SECONDS) -> Watchdog:
    """Start the watchdog for this process's GUI thread (called on it, after the
    application exists). The beat also wakes the event loop once a second, so that
    Python's signal handlers (SIGTERM from the keeper) run while the screen is idle."""
    watchdog = Watchdog(seconds).start()
    _Heart(watchdog, QCoreApplication.instance())
    return watchdog


__all__ = ["FROZEN_SECONDS", "Watchdog", "watch_gui"]
