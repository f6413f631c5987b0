"""What every station app (kiosk, counter, later the display) does around its window: the
Qt application, the hall, the change feed, the station's voice, the event loop, and
closing them all in order when it ends."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Station:
    hall: Hall
    bridge: FeedBridge
    announcer: Announcer | None  # None when the station is silent


def run_station(
    open_window: Callable[[Station], QWidget],
    *,
    db: str | None,
    hall_code: str | None,
    lang: str,
    silent: bool,
) -> int:
    """Connect, let ``open_window`` build and show the station's window, run until it is
    closed. A hall or window that cannot be opened is one sentence and exit status 2."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = GuiCollector(app)  # garbage freed on the GUI thread only
    set_language(lang)
    url = db or default_url()
    try:
        hall = connect_waiting(
            lambda: Hall.connect(url, clock_from_env(runs=True), hall_code=hall_code),
            target=make_url(url).render_as_string(hide_password=True),
            lang=lang,
        )
    except YimenError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    if hall is None:  # closed while waiting for the server
        collector.stop()
        return 1
    bridge = FeedBridge(
        hall.db.url.render_as_string(hide_password=False), hall_code=hall.settings.code
    )
    # A supervisor changed the hall's settings: this station's next operation reads them.
    bridge.event_received.connect(
        lambda ev: hall.mark_stale() if ev.kind == "setting_changed" else None
    )
    voice = None if silent else Voice(hall.settings.voice)
    announcer = None if voice is None else Announcer(voice)
    try:
        window = open_window(Station(hall, bridge, announcer))  # kept alive by this name
        bridge.start()
        status: int = app.exec()
        window.close()
        return status
    except YimenError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 2
    finally:
        bridge.stop()
        if announcer is not None:
            announcer.close()
        if voice is not None:
            voice.close()
        hall.close()
        collector.stop()


def show_public(window: QWidget, sized: bool) -> None:
    """A public screen (kiosk, display): full screen, or a plain window when it was given
    a size to try a layout."""
    if sized:
        window.show()
    else:
        window.showFullScreen()
