"""Opening the hall without freezing the station: `Hall.connect` runs on a worker while
the event loop runs. A station started before its database server (a power cut brings
the kiosk up before the server) says what it is trying and tries again until the server
answers; any other refusal (no such hall or window, a database newer than the station)
is the core's sentence, as before."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from shared.base.errors import YimenError
from shared.hall import Hall, worth_waiting
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.qt.widgets import label

log = logging.getLogger(__name__)

# How long to wait before trying the server again.
AGAIN_MS = 3000
# A connection that takes longer than this shows the waiting window.
SHOW_AFTER_MS = 800
# The screen size the waiting window's type is sized for (a staff PC's).
STAFF_SHORT_SIDE = 720


class ConnectingWindow(QWidget):
    """What a station shows while its server does not answer: what it tries, and why."""

    closed = Signal()  # by the person at the station

    def __init__(self, target: str, *, full_screen: bool = False) -> None:
        super().__init__()
        self.setObjectName("connecting")
        self.setWindowTitle("Yimen")
        self._full_screen = full_screen
        self._styled_for = 0
        self._style_for(STAFF_SHORT_SIDE)
        self.title = label(
            QCoreApplication.translate("Connecting", "Connecting to the server…"),
            "title",
            centred=True,
        )
        self.target = label(target, "hint", centred=True)
        self.detail = label(role="heading", centred=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 48, 48, 48)
        box.setSpacing(32)
        box.addStretch(1)
        for w in (self.title, self.target, self.detail):
            box.addWidget(w)
        box.addStretch(1)
        self.resize(720, 360)

    def _style_for(self, short_side: int) -> None:
        """The staff screens' look, with type sized for a screen of this short side."""
        if short_side != self._styled_for:
            self._styled_for = short_side
            self.setStyleSheet(stylesheet("staff", short_side))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._full_screen:  # a public screen, read from a step or two away
            size = event.size()
            self._style_for(max(STAFF_SHORT_SIDE, min(size.width(), size.height())))
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def failed(self, sentence: str) -> None:
        self.detail.setText(
            QCoreApplication.translate(
                "Connecting", "{why}\nTrying again every few seconds; this window closes itself."
            ).format(why=sentence)
        )


def connect_waiting(
    open_hall: Callable[[], Hall],
    target: str,
    lang: str,
    *,
    again_ms: int = AGAIN_MS,
    show: Callable[[QWidget], None] | None = None,
) -> Hall | None:
    """The hall, once ``open_hall`` succeeds on a worker thread; meanwhile the event loop
    runs and, after a moment, a window says what is being tried. ``show``: how a locked
    public station shows it (`Lockdown.show`: the whole screen, frameless, on top, never a
    small window on a bare desktop); None: an ordinary window.
    Raises the core's refusal when waiting cannot help; None when the person closed the
    waiting window or the application was told to quit."""
    loop = QEventLoop()
    worker = Worker("connect")
    window: ConnectingWindow | None = None
    outcome: list[Hall | BaseException | None] = []

    def finish(result: Hall | BaseException | None) -> None:
        outcome.append(result)
        loop.quit()

    def show_window() -> ConnectingWindow:
        nonlocal window
        if window is None:
            window = ConnectingWindow(target, full_screen=show is not None)
            window.closed.connect(lambda: None if outcome else finish(None))
            if show is None:
                window.show()
            else:
                show(window)
        return window

    def failed(exc: BaseException) -> None:
        if not worth_waiting(exc):
            finish(exc)
            return
        log.warning("the hall's database does not answer yet (%s); trying again", exc)
        message = exc.message(lang) if isinstance(exc, YimenError) else str(exc)
        show_window().failed(message)
        QTimer.singleShot(again_ms, attempt)

    def attempt() -> None:
        if not outcome:
            worker.submit(open_hall, finish, failed)

    shown = QTimer()
    shown.setSingleShot(True)
    shown.timeout.connect(lambda: None if outcome else show_window())
    shown.start(SHOW_AFTER_MS)
    attempt()
    if not outcome:
        loop.exec()
    shown.stop()
    worker.close(wait=True)
    if window is not None:
        window.hide()
        window.deleteLater()
    if not outcome:  # the application was told to quit (the session ends) while waiting
        return None
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result
