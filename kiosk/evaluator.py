"""``yimen evaluator --window N``: the rating pad (评价器) facing the citizen at one window,
on a second screen or a tablet.

Idle it shows the window's number, 欢迎光临 and the hall's name. When the clerk presses
F3 (评价) the change feed brings ``review_asked`` for the window: the pad asks the core
which ticket to rate and shows its number with the five faces for the hall's evaluator
seconds, counting down (a tap starts the count again); a tap on a good face rates at
once (channel ``evaluator``), a bad one asks for the reason first; then 谢谢您的评价 for
three seconds, and idle again. Started late, it asks once whether the window has a rating
waiting. Nothing waits on the GUI thread: the database has its worker.

    yimen evaluator --window 3                  # a window of 1280×800
    yimen evaluator --window 3 --fullscreen     # the whole screen of a tablet, locked
    yimen evaluator --window 3 --fullscreen --screen 2   # … of the counter PC's second screen
    yimen evaluator --window 3 --db postgresql://…

While the hall's server is away a red band says that rating is paused; the pad goes on
by itself once the server is back (the feed reconnects, and the pad asks again whether
a rating is waiting). Full screen it is locked like the kiosk (five taps in the top left
corner and a supervisor's code: exit or restart) and, like every public station, it runs
under a keeper that starts it again after a crash (``--no-keeper``: not).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import parse_size
from kiosk.maintenance import MaintenanceGate
from kiosk.public import add_public_options, kept_run, run_public
from kiosk.rating import RatingForm
from kiosk.screens import label
from shared.base.errors import HallError
from shared.hall import Hall, ReviewTicket
from shared.qt.feed_bridge import FeedBridge
from shared.qt.outage import OutageWatch
from shared.qt.station import Station, chosen_screen
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.rules.reviews import ReviewInfo
from shared.store.feed import FeedEvent

log = logging.getLogger(__name__)

#: The pad's type against the kiosk's at the same screen size: every citizen reads it at
#: arm's length, so it is always as large as the kiosk's elderly mode.
SCALE = 1.4
THANKS_SECONDS = 3
BEGIN_AGAIN_MS = 2_000  # the hall could not be read at the start: try again this soon
DEFAULT_SIZE = QSize(1280, 800)


class Evaluator(QWidget):
    """The rating pad of window ``window_no``; ``seconds`` (default: the hall's evaluator
    seconds) is how long the faces wait for a tap."""

    asked = Signal(object)  # the ReviewTicket whose faces are shown
    idle_shown = Signal()
    reviewed = Signal(object)  # the ReviewInfo recorded
    refused = Signal(str)  # the core's code
    outage_changed = Signal(bool)  # the hall's server went away (True) or came back

    def __init__(
        self,
        hall: Hall,
        window_no: int,
        *,
        bridge: FeedBridge | None = None,
        size: QSize | None = None,
        seconds: int | None = None,
        thanks_seconds: int = THANKS_SECONDS,
        lang: str = "zh",
    ) -> None:
        super().__init__()
        settings = hall.settings
        settings.catalog.window(window_no)  # an unknown window: one sentence
        self.hall = hall
        self.window_no = window_no
        self.bridge = bridge
        self.lang = lang
        self.seconds = seconds if seconds is not None else settings.reviews.evaluator_seconds
        self.thanks_seconds = thanks_seconds
        self.request: ReviewTicket | None = None  # the ticket on the faces now
        self._left = 0  # seconds until idle again (the faces or the thanks)
        self.db = Worker("db", self)
        # The server away: said on the pad (the feed's lost connection, or a failed read).
        self.outage = OutageWatch(bridge, self)
        self._screen = size or QApplication.primaryScreen().size()
        self.setFixedSize(self._screen)
        self.setObjectName("evaluator")
        self.setWindowTitle(settings.name)
        self._build(settings.name)
        self.setStyleSheet(
            stylesheet("public", min(self._screen.width(), self._screen.height()), SCALE)
        )
        self.retranslate()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.outage.changed.connect(self._on_outage_changed)
        self.show_idle()
        self._begin()

    def _begin(self) -> None:
        """Where the feed stands now (read on the worker), then the feed from that very
        position: an F3 after it comes through the feed, one before it is what the
        question after it finds (started late: is a rating waiting at this window?)."""
        if self.bridge is None:
            self.ask()
            return

        def follow(last_event_id: int) -> None:
            assert self.bridge is not None
            self.outage.set(False)
            self.bridge.event_received.connect(self._on_feed_event)
            self.bridge.connection_restored.connect(self.ask)
            self.bridge.start(after=last_event_id)
            self.ask()

        def failed(exc: BaseException) -> None:
            log.warning("evaluator: the hall cannot be read yet (%s); trying again", exc)
            self.outage.failed(exc)
            QTimer.singleShot(BEGIN_AGAIN_MS, self._begin)

        self.db.submit(self.hall.feed_position, follow, failed)

    # -- building ----------------------------------------------------------------------

    def _build(self, hall_name: str) -> None:
        top = QFrame()
        top.setObjectName("topBar")
        self.hall_name = label(hall_name)
        self.hall_name.setObjectName("hallName")
        self.hall_name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.window_name = label(wrap=False)
        self.window_name.setObjectName("hallName")
        self.countdown = label(wrap=False)  # in the band: the faces keep the room below
        band = QHBoxLayout(top)
        band.setContentsMargins(32, 10, 32, 10)
        band.setSpacing(32)
        band.addWidget(self.hall_name, 1)
        band.addWidget(self.countdown)
        band.addWidget(self.window_name)

        self.stack = QStackedWidget()
        # Idle: 欢迎光临 and the window.
        self.idle = QWidget()
        self.welcome = label(role="number")
        self.idle_window = label(role="title")
        idle = QVBoxLayout(self.idle)
        idle.addStretch(1)
        idle.addWidget(self.welcome)
        idle.addWidget(self.idle_window)
        idle.addStretch(1)
        # Asking: the ticket and the faces (the countdown is in the band).
        self.asking = QWidget()
        self.title = label(role="title")
        self.ticket = label(role="info")
        self.form = RatingForm(instant=True, with_text=False, reason_columns=3, face_scale=3.6)
        self.form.submitted.connect(self._on_submitted)
        self.form.touched.connect(self._restart_count)
        ask = QVBoxLayout(self.asking)
        ask.setContentsMargins(32, 6, 32, 6)
        ask.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.ticket, 1)
        ask.addLayout(heading)
        ask.addWidget(self.form, 1)
        # Thanks.
        self.thanks = QWidget()
        self.thanks_title = label(role="number")
        self.thanks_words = label(role="title")
        thanks = QVBoxLayout(self.thanks)
        thanks.addStretch(1)
        thanks.addWidget(self.thanks_title)
        thanks.addWidget(self.thanks_words)
        thanks.addStretch(1)
        for page in (self.idle, self.asking, self.thanks):
            self.stack.addWidget(page)

        # The server away: a red band under the top band, the rest as it was.
        self.banner = label(role="banner")
        self.banner.hide()

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(top)
        box.addWidget(self.banner)
        box.addWidget(self.stack, 1)

    def retranslate(self) -> None:
        window = self.tr("Window {n}").format(n=self.window_no)
        self.window_name.setText(window)
        self.welcome.setText(self.tr("Welcome"))
        self.idle_window.setText(window)
        self.title.setText(self.tr("Please rate this service"))
        self.thanks_title.setText(self.tr("Thank you for your rating"))
        self.banner.setText(self.tr("Rating is paused: reconnecting to the hall's server…"))
        self.form.set_language(self.lang)
        self._show_count()

    def _on_outage_changed(self, down: bool) -> None:
        self.banner.setVisible(down)
        self.outage_changed.emit(down)

    # -- the states ----------------------------------------------------------------------

    def show_idle(self) -> None:
        self.request = None
        self._timer.stop()
        self.form.reset()
        self.stack.setCurrentWidget(self.idle)
        self.countdown.hide()
        self.idle_shown.emit()

    def show_request(self, rt: ReviewTicket) -> None:
        """The faces for the ticket of ``rt``, for the pad's seconds."""
        if self.request is not None and self.request.code == rt.code:
            return  # already on the faces (the feed and the start-up question agree)
        self.request = rt
        self.ticket.setText(f"{rt.ticket.number}  {rt.ticket.service_name}")
        self.form.reset()
        self.stack.setCurrentWidget(self.asking)
        self._restart_count()
        self.countdown.show()
        self._timer.start()
        self.asked.emit(rt)

    def _show_thanks(self, review: ReviewInfo) -> None:
        self.request = None
        self.thanks_words.setText(
            self.tr("Your opinion goes to the hall's supervisor, who will follow it up.")
            if review.case_id is not None
            else self.tr("Have a good day!")
        )
        self.stack.setCurrentWidget(self.thanks)
        self.countdown.hide()
        self._left = self.thanks_seconds
        self._timer.start()

    def _restart_count(self) -> None:
        if self.stack.currentWidget() is self.asking:
            self._left = self.seconds
            self._show_count()

    def _show_count(self) -> None:
        self.countdown.setText(self.tr("Back in {n} s").format(n=max(self._left, 0)))

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.show_idle()
        elif self.stack.currentWidget() is self.asking:
            self._show_count()

    # -- the feed and the core --------------------------------------------------------------

    def _on_feed_event(self, ev: FeedEvent) -> None:
        if ev.window_no != self.window_no:
            return
        if ev.kind == "review_asked":
            self.ask()
        elif (
            ev.kind == "reviewed"
            and self.request is not None
            and ev.number == self.request.ticket.number
            and ev.detail("channel") != "evaluator"
        ):
            self.show_idle()  # rated meanwhile by its QR code: nothing left to ask

    def ask(self) -> None:
        """Ask the core (on the worker) which ticket this window's citizen should rate."""

        def got(rt: ReviewTicket | None) -> None:
            self.outage.set(False)
            if rt is not None and rt.can_rate:
                self.show_request(rt)

        def failed(exc: BaseException) -> None:
            log.warning("evaluator: could not ask for the window's rating: %s", exc)
            self.outage.failed(exc)

        self.db.submit(lambda: self.hall.review_request(self.window_no), got, failed)

    def _on_submitted(self, level: str, reasons: list[str], text: str) -> None:
        rt = self.request
        if rt is None:
            return
        code = rt.code
        self.db.submit(
            lambda: self.hall.submit_review(
                code, level, channel="evaluator", reasons=reasons, text=text or None
            ),
            self._on_reviewed,
            self._on_refused,
        )

    def _on_reviewed(self, review: ReviewInfo) -> None:
        self.outage.set(False)
        self.reviewed.emit(review)
        self._show_thanks(review)

    def _on_refused(self, exc: BaseException) -> None:
        """The core's sentence on the form, the choices kept; the database away: try
        again. A ticket rated meanwhile (its QR code) or too old: the sentence, then idle."""
        if isinstance(exc, HallError):
            self.refused.emit(exc.code)
            sentence = exc.message(self.lang)
        else:
            log.warning("evaluator: recording a rating failed", exc_info=exc)
            self.outage.failed(exc)
            sentence = self.tr("Please try again.")
        self.form.show_refusal(sentence)
        self._restart_count()
        if isinstance(exc, HallError) and exc.code in ("review.already", "review.expired"):
            self.form.set_busy(True)  # nothing more to choose: time to read, then idle
            self._left = 2 * self.thanks_seconds
            self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        self.db.close(wait=False)
        super().closeEvent(event)


# -- the app ---------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yimen evaluator", description="一门 · 窗口评价器")
    p.add_argument("--db", default=os.environ.get("YIMEN_DB") or None, help="数据库地址")
    p.add_argument("--hall", default=None, help="服务中心编号")
    p.add_argument("--window", type=int, required=True, help="窗口号")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--fullscreen", action="store_true", help="全屏并锁定（平板或第二块屏）")
    p.add_argument("--size", default=None, help="窗口大小，例如 1280x800（不全屏时）")
    add_public_options(p)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return kept_run("kiosk.evaluator", argv, args, f"evaluator-window{args.window}", run)


def run(args: argparse.Namespace) -> int:
    """The evaluator in this process: a window of its own by default (beside a clerk's
    console), locked full screen with ``--fullscreen`` (a tablet, a screen of its own)."""
    locked = args.fullscreen and not args.windowed

    def open_window(station: Station) -> Evaluator:
        screen = chosen_screen(args.screen)
        if locked:
            size = screen.size() if screen is not None else None
        else:
            size = parse_size(args.size) or DEFAULT_SIZE
        pad = Evaluator(station.hall, args.window, bridge=station.bridge, size=size, lang=args.lang)
        MaintenanceGate(  # held by the pad, its parent
            pad,
            station.hall,
            pad.db,
            station.lockdown,
            station=f"evaluator window {args.window}",
            lang=lambda: args.lang,
        )
        station.lockdown.show(pad, screen=screen)
        return pad

    return run_public(open_window, args, silent=True, locked=locked)


if __name__ == "__main__":
    sys.exit(main())
