"""What every station app (kiosk, counter, display, evaluator) does around its window:
the Qt application, the hall, the change feed, the station's voice, the event loop, and
closing them all in order when it ends.

A public station (kiosk, display, evaluator) started for real is also locked
(`shared.qt.lockdown`), watched for a frozen screen (`shared.qt.watchdog`) and, from its
``main``, kept running by a parent process (`shared.qt.keeper`)."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import make_url

from shared.base.clock import clock_from_env
from shared.base.errors import YimenError
from shared.devices.announcer import Announcer
from shared.devices.voice import Voice
from shared.hall import Hall, default_url
from shared.qt.collector import GuiCollector
from shared.qt.connecting import connect_waiting
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.keeper import EXIT_FEED_FAILED, kept, on_end_signals, restore_signals
from shared.qt.lockdown import Lockdown
from shared.qt.watchdog import watch_gui

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Station:
    hall: Hall
    bridge: FeedBridge
    announcer: Announcer | None  # None when the station is silent
    lockdown: Lockdown  # how the screen is shown (`Lockdown.show`), and how it is left


def run_station(
    open_window: Callable[[Station], QWidget],
    *,
    db: str | None,
    hall_code: str | None,
    lang: str,
    silent: bool,
    locked: bool = False,
    watchdog: float | None = None,
) -> int:
    """Connect, let ``open_window`` build and show the station's window, run until it is
    closed. A hall or window that cannot be opened is one sentence and exit status 2.

    ``locked``: the station's screen cannot be closed but through `Lockdown.leave`
    (from the first moment: the connecting window too). ``watchdog``: seconds of a
    silent GUI thread after which the process ends for its keeper to start it again."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with contextlib.suppress(AttributeError, ValueError, OSError):
        # A hard crash leaves its trace in the log; a stderr that is no file (pythonw's
        # None, a captured stream) has nowhere to write it.
        faulthandler.enable()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collector = GuiCollector(app)  # garbage freed on the GUI thread only
    lockdown = Lockdown(locked=locked)
    lockdown.left.connect(app.exit)
    dog = watch_gui(watchdog) if watchdog else None
    handlers = _end_on_signals(app, lockdown)
    try:
        return _run(open_window, app, collector, lockdown, db, hall_code, lang, silent)
    finally:
        if dog is not None:
            dog.stop()
        restore_signals(handlers)  # a caller's own (a test run) back


def _run(
    open_window: Callable[[Station], QWidget],
    app: QApplication,
    collector: GuiCollector,
    lockdown: Lockdown,
    db: str | None,
    hall_code: str | None,
    lang: str,
    silent: bool,
) -> int:
    set_language(lang)
    url = db or default_url()
    try:
        hall = connect_waiting(
            lambda: Hall.connect(url, clock_from_env(runs=True), hall_code=hall_code),
            target=make_url(url).render_as_string(hide_password=True),
            lang=lang,
            show=lockdown.show if lockdown.locked else None,  # a locked one: its whole screen
        )
    except YimenError as exc:
        print(exc.message(lang), file=sys.stderr)
        lockdown.release()
        return 2
    if hall is None:  # closed while waiting for the server
        lockdown.release()
        collector.stop()
        return 1
    bridge = FeedBridge(
        hall.db.url.render_as_string(hide_password=False), hall_code=hall.settings.code
    )
    # A supervisor changed the hall's settings: this station's next operation reads them.
    bridge.event_received.connect(
        lambda ev: hall.mark_stale() if ev.kind == "setting_changed" else None
    )
    if kept():  # a feed that stopped for good: a fresh start from the keeper mends it
        bridge.failed.connect(lambda detail: _feed_failed(app, lockdown, detail))
    voice = None if silent else Voice(hall.settings.voice)
    announcer = None if voice is None else Announcer(voice)
    try:
        window = open_window(Station(hall, bridge, announcer, lockdown))  # kept alive here
        bridge.start()
        status: int = app.exec()
        if lockdown.status is not None:  # the maintenance panel's exit or restart
            status = lockdown.status
        lockdown.release()
        window.close()
        return status
    except YimenError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    finally:
        lockdown.release()
        bridge.stop()
        if announcer is not None:
            announcer.close()
        if voice is not None:
            voice.close()
        hall.close()
        collector.stop()


def _feed_failed(app: QApplication, lockdown: Lockdown, detail: str) -> None:
    log.error("the change feed stopped (%s): ending for the keeper to start again", detail)
    lockdown.leave(EXIT_FEED_FAILED)
    app.exit(EXIT_FEED_FAILED)


def _end_on_signals(app: QApplication, lockdown: Lockdown) -> dict[int, Any]:
    """SIGTERM (the keeper, the system shutting down) and Ctrl-C end the station cleanly:
    the lock opens and the event loop ends (the watchdog's beat, or the station's own
    clock, wakes the loop to see them). The handlers they replace, to put back."""

    def end(signum: int) -> None:
        log.info("%s received: the station ends", signal.Signals(signum).name)
        lockdown.leave(0)
        app.exit(0)

    return on_end_signals(end)


def chosen_screen(number: int | None) -> QScreen | None:
    """The screen numbered ``number`` (1 is the first the system lists), or None for the
    primary one; a number past the last is the last (a monitor unplugged)."""
    if not number:
        return None
    screens = QGuiApplication.screens()
    if not screens:
        return None
    return screens[min(max(number, 1), len(screens)) - 1]
