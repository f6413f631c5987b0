"""The lobby display (综合屏) and the window screens (窗口屏): every call on the screen the
moment the change feed brings it, in commit order, once; for weeks without a restart.

Both start from one look at the hall (`Hall.lobby`), start their feed right after it and
from then on keep a `shared.rules.lobby.Board` current from the feed alone: nothing polls for
calls. The waiting counts are read again (off the GUI thread) a moment after an event
that changes them, and once a minute regardless. When the database goes away the screen
says so and keeps what it shows; when it returns the feed brings the calls it missed, in
order (shown; spoken only if they are recent), and the windows and counts are read again.
The hall's day changes at midnight in its time zone: the calls leave the screen.

The sizes come from `kiosk.display_layout`: letters for the back row, the newest call's
number and window the largest, the labels smaller than the data, and bands that add up to
the screen, so that no two texts ever overlap. While the connection is lost, what the
screen shows is dimmed and marked as from before the interruption, and a red band tells
people what to do meanwhile. Nothing is created per call: a fixed set of labels takes new
texts, so the memory stays flat however long it runs.
"""

from __future__ import annotations

import logging
import math
import time
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.display_layout import (
    Layout,
    LobbyTexts,
    advance_em,
    balanced_lines,
    cap_ratio,
    lobby_layout,
    window_layout,
)
from shared.config.halls import HallSettings
from shared.devices.announcer import Announcer
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.tasks import Worker
from shared.qt.theme import display_stylesheet
from shared.rules.lobby import Board, Lobby, LobbyCall, WindowState, notice_changes_at
from shared.store.feed import FeedEvent

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 250  # an event that changes the counts: read them this soon after
REFRESH_EVERY_MS = 60_000  # and once a minute regardless (the notice, the settings)
BEGIN_AGAIN_MS = 2_000  # the first look failed: try again this soon
NOTICE_MARGIN_MS = 500  # the notice is read again this long after it changes by the clock
#: The events after which other windows may be serving: the notice may name others.
NOTICE_KINDS = ("signed_in", "signed_out", "paused", "resumed")
FLASH_MS = 500  # the newest call flashes on and off at this pace
MARQUEE_FRAME_MS = 40
# What the announcer calls each kind of call.
SPOKEN_KIND = {"called": "call", "recalled": "recall", "called_back": "call_back"}


def _go_words() -> tuple[str, str]:
    """The words before and after the newest call's window (请到, 办理)."""
    before, _, after = QCoreApplication.translate("Display", "Please go to {window}").partition(
        "{window}"
    )
    return before.strip(), after.strip()


def _waiting(n: int) -> str:
    """How many wait in a zone, after its name under the title 等候： (6人; in English the
    title says it: 6)."""
    return QCoreApplication.translate("Display", "{n}", "people waiting in a zone").format(n=n)


def _outage_sentence() -> str:
    """What the lobby says while the connection is lost: that it stopped, and where the
    calls can be followed meanwhile."""
    return QCoreApplication.translate(
        "Display",
        "The call display is interrupted for now: please listen to the announcements and"
        " watch the window screens, or ask at the help desk",
    )


def _repolish(widget: QWidget) -> None:
    """Apply the QSS again after a dynamic property changed (the flash)."""
    for w in (widget, *widget.findChildren(QWidget)):
        w.style().unpolish(w)
        w.style().polish(w)


def _whole_lines(screen: QWidget) -> None:
    """No label is squeezed below one whole line of its text: the spare room goes to the
    gaps, never into the letters (the layouts may give a label less than it asks). A
    label the layout sized itself (letters and digits only) keeps its height."""
    for lb in screen.findChildren(QLabel):
        if lb.minimumHeight() and lb.minimumHeight() == lb.maximumHeight():
            continue
        lb.ensurePolished()
        lb.setMinimumHeight(math.ceil(QFontMetricsF(lb.font()).height()))


def _label(name: str = "", role: str = "", centred: bool = False) -> QLabel:
    lb = QLabel()
    if name:
        lb.setObjectName(name)
    if role:
        lb.setProperty("role", role)
    if centred:
        lb.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lb


class Marquee(QWidget):
    """One line of text moving right to left, forever (it stands still when it fits)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("notice")
        self._text = ""
        self._cache = QPixmap()
        self._cache_key: tuple[str, str, int] | None = None
        self._offset = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._step)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._offset = 0.0
        self._restart()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._text), round(fm.height() * 1.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def _width(self) -> int:
        return self._line().width() // max(1, round(self._line().devicePixelRatio()))

    def _line(self) -> QPixmap:
        """The text drawn once (shaping a long line of Chinese 25 times a second costs
        a fifth of a core; moving a picture of it, almost nothing)."""
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        key = (self._text, self.font().key(), ink.rgba())
        if self._cache_key != key:
            fm = self.fontMetrics()
            ratio = self.devicePixelRatioF()
            line = QPixmap(
                max(1, round(fm.horizontalAdvance(self._text) * ratio)),
                max(1, round(fm.height() * ratio)),
            )
            line.setDevicePixelRatio(ratio)
            line.fill(Qt.GlobalColor.transparent)
            p = QPainter(line)
            p.setPen(ink)
            p.setFont(self.font())
            p.drawText(0, fm.ascent(), self._text)
            p.end()
            self._cache, self._cache_key = line, key
        return self._cache

    def _moving(self) -> bool:
        return self._width() > self.width()

    def _restart(self) -> None:
        if self._moving() and self.isVisible():
            if self._offset == 0.0:  # a new text starts at the left edge, readable at once
                self._offset = float(self.width())
            self._last = time.monotonic()
            self._timer.start(MARQUEE_FRAME_MS)
        else:
            self._timer.stop()
        self.update()

    def showEvent(self, event: object) -> None:
        self._restart()

    def hideEvent(self, event: object) -> None:
        self._timer.stop()

    def resizeEvent(self, event: object) -> None:
        self._restart()

    def _step(self) -> None:
        now = time.monotonic()
        # Two and a half letters a second: read at a walk, from the back row.
        self._offset += (now - self._last) * self.font().pixelSize() * 2.5
        self._last = now
        span = self.width() + self._width()
        if self._offset > span:
            self._offset -= span
        self.update()

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, opt, p, self)  # the QSS
        line = self._line()
        y = (self.height() - self.fontMetrics().height()) / 2
        x = self.width() - self._offset if self._moving() else (self.width() - self._width()) / 2
        p.drawPixmap(round(x), round(y), line)
        p.end()


class HallScreen(QWidget):
    """What the lobby display and a window screen share: the board and its feed, the
    counts read off the GUI thread, the clock and the day, the lost connection."""

    clock: QLabel  # made by each screen's build
    outage_band: QLabel
    layout_: Layout  # each screen's sizes

    call_shown = Signal(object)  # a LobbyCall, on the screen
    outage_changed = Signal(bool)  # the database went away (True) or came back
    refreshed = Signal()  # the counts and windows were read again
    started = Signal()  # the first look at the hall is on the screen; the feed follows
    day_changed = Signal(object)  # the hall's new business day

    def __init__(
        self,
        hall: Hall,
        *,
        bridge: FeedBridge | None = None,
        size: QSize | None = None,
        keep: int = 8,
    ) -> None:
        super().__init__()
        self.hall = hall
        self.bridge = bridge
        self._settings: HallSettings = hall.settings
        self.board = Board(self._settings.catalog, keep)
        self.outage = False
        self.started_up = False
        self.db = Worker("db", self)
        self._screen_size = size or QApplication.primaryScreen().size()
        self.setFixedSize(self._screen_size)
        self.setWindowTitle(self._settings.name)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refreshing = False
        self._again = False
        self._settings_changed = False  # read the hall's settings again with the next read
        self._every = QTimer(self)
        self._every.timeout.connect(self.refresh)
        self._flash_left = 0
        self._flash = QTimer(self)
        self._flash.timeout.connect(self._flash_step)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)

    def _begin(self) -> None:
        """Read the hall once (on the worker), show it, then follow the feed from that
        very position. Until the first look arrives the screen shows its frame; a look
        that fails (the database is not there yet) shows the lost connection and is
        tried again."""
        calls = self.board.calls.maxlen or 8
        self.db.submit(lambda: self.hall.lobby(calls=calls), self._begun, self._begin_failed)

    def _begun(self, lobby: Lobby) -> None:
        self._set_outage(False)
        self.board.start(lobby)
        self._show_all()
        self._tick()
        self._clock.start(1000)
        self._every.start(REFRESH_EVERY_MS)
        if self.bridge is not None:
            self.bridge.event_received.connect(self._on_feed_event)
            self.bridge.connection_lost.connect(self._on_feed_lost)
            self.bridge.connection_restored.connect(self._on_feed_restored)
            self.bridge.start(after=lobby.last_event_id)
        self.started_up = True
        self.started.emit()

    def _begin_failed(self, exc: BaseException) -> None:
        log.warning("display: the first look at the hall failed (%s); trying again", exc)
        self._set_outage(True)
        QTimer.singleShot(BEGIN_AGAIN_MS, self._begin)

    # -- the feed ----------------------------------------------------------------------

    def _on_feed_event(self, ev: FeedEvent) -> None:
        change = self.board.apply(ev)
        if change.day_changed:
            self._show_all()
            self.day_changed.emit(self.board.day)
        if change.call is not None:
            self._show_call(change.call)
            self.call_shown.emit(change.call)
        if change.window is not None:
            self._show_window(change.window)
        if change.waiting or change.day_changed:
            self._schedule_refresh()
        if ev.kind == "setting_changed":  # a supervisor changed the notice, a service…
            self._settings_changed = True
            self._schedule_refresh()

    def _on_feed_lost(self, detail: str) -> None:
        log.warning("display: the connection to the database was lost (%s)", detail)
        self._set_outage(True)

    def _on_feed_restored(self) -> None:
        log.info("display: the connection to the database is back")
        self._set_outage(False)
        self.refresh()

    def _set_outage(self, down: bool) -> None:
        if down == self.outage:
            return
        self.outage = down
        self._show_outage(down)
        self.outage_changed.emit(down)

    # -- reading the counts again --------------------------------------------------------

    def _schedule_refresh(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start(REFRESH_DELAY_MS)

    def refresh(self) -> None:
        """Read the windows and the counts again (on the worker); one read at a time."""
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True

        reload, self._settings_changed = self._settings_changed, False

        def read() -> tuple[Lobby, HallSettings]:  # no calls: after the start they are the feed's
            if reload:
                self.hall.reload()
            return self.hall.lobby(calls=0), self.hall.settings

        self.db.submit(read, self._got_refresh, self._refresh_failed)

    def _got_refresh(self, answer: tuple[Lobby, HallSettings]) -> None:
        lobby, self._settings = answer
        self._refreshing = False
        rolled = self.board.day is not None and lobby.business_day > self.board.day
        current = self.board.refresh(lobby, self._settings.catalog)
        if rolled:
            self._show_all()
        else:
            self._show_state()
        self.refreshed.emit()
        if self._again or not current:
            self._again = False
            self._schedule_refresh()

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        self._again = False
        log.info("display: reading the counts failed (%s); the feed will say when it is back", exc)

    # -- the clock and the day -------------------------------------------------------------

    def _tick(self) -> None:
        now = self.hall.now().astimezone(self._settings.tz)
        self._show_clock(now)
        if self.board.roll_day(now.date()):
            self._show_all()
            self.day_changed.emit(self.board.day)
            self.refresh()

    def weekday(self, n: int) -> str:
        return QCoreApplication.translate("Display", "Mon Tue Wed Thu Fri Sat Sun").split()[n]

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: object) -> None:
        self._clock.stop()
        self._every.stop()
        self.db.close(wait=False)
        super().closeEvent(event)  # type: ignore[arg-type]

    # -- what a screen draws (each screen draws what it shows; these are the defaults) ---

    def _show_all(self) -> None:
        """Everything again (at the start, a new day)."""
        self._show_state()

    def _show_state(self) -> None:
        """The counts and every window, as read again."""
        self._show_counts()
        for number in self.board.windows:
            self._show_window(number)

    def _show_call(self, call: LobbyCall) -> None:
        """A new call (a screen that shows no calls leaves this)."""

    def _show_window(self, number: int) -> None:
        """A window's state changed (the lobby display shows calls, not windows)."""

    def _show_counts(self) -> None:
        """The waiting counts were read again (a window screen shows none)."""

    def _show_outage(self, down: bool) -> None:
        self.outage_band.setVisible(down)

    def _show_clock(self, now: datetime) -> None:
        self.clock.setText(f"{now:%H:%M}")

    # -- the flash of a new call -------------------------------------------------------------

    def _start_flash(self) -> None:
        self._flash_left = max(1, self._settings.display.flash_seconds * 1000 // FLASH_MS)
        self._set_flash(True)
        self._flash.start(FLASH_MS)

    def _flash_step(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash.stop()
            self._set_flash(False)
            return
        self._set_flash(self._flash_left % 2 == 0)

    def _set_flash(self, on: bool) -> None:
        """Show the flash on or off (the screen says where)."""

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()


class LobbyDisplay(HallScreen):
    """The big screen of the lobby: the newest call large and flashing, the last calls,
    the people waiting per zone, the hall's name, date and clock, a scrolling notice.
    When the hall has its calls spoken centrally, it speaks every call, once, in order."""

    def __init__(
        self,
        hall: Hall,
        *,
        bridge: FeedBridge | None = None,
        announcer: Announcer | None = None,
        size: QSize | None = None,
        inches: float | None = None,
    ) -> None:
        settings = hall.settings
        # Twice the calls listed: a recall takes a place in the board, not in the list.
        super().__init__(hall, bridge=bridge, size=size, keep=2 * settings.display.calls_listed)
        self.setObjectName("lobby")
        self.announcer = announcer
        self.spoken: list[LobbyCall] = []  # the calls handed to the announcer (the last few)
        inches = inches or settings.display.screen_inches
        self.layout_ = lobby_layout(
            self._screen_size,
            inches,
            settings.display.viewing_metres,
            settings.display.calls_listed,
            self._texts(settings),
        )
        lay = self.layout_
        if not lay.readable:
            log.warning(
                "display: a %d×%d screen of %g\" is too small for the back row at %g m"
                " (letters %.0f px high): it shows what fits, the last calls' letters %d px"
                " high, the counts' and the notice's %d px; a larger screen reads better"
                " ([display] viewing_metres if the back row is nearer, --inches if this"
                " screen is not %g\")",
                lay.width, lay.height, inches, settings.display.viewing_metres, lay.letter,
                round(lay.row * cap_ratio()), round(lay.text * cap_ratio()), inches,
            )  # fmt: skip
        self._build()
        self.setStyleSheet(display_stylesheet(lay.qss()))
        for label, stretch in ((self.newest_number, lay.number_stretch),
                               (self.newest_window, lay.window_stretch)):  # fmt: skip
            if stretch < 100:  # QSS has no font-stretch
                label.ensurePolished()
                font = QFont(label.font())
                font.setStretch(stretch)
                label.setFont(font)
        _whole_lines(self)
        self._align_words()
        self._show_outage_sentence()  # there already if the first look at the hall fails
        self._notice_timer = QTimer(self)  # the noon break begins or ends, the hall closes
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.refresh)
        self._begin()

    def _texts(self, settings: HallSettings) -> LobbyTexts:
        """What the screen will write, in its language, for the layout to measure."""
        translate = QCoreApplication.translate
        prefixes = sorted({sv.prefix for sv in settings.catalog.services}) or ["A"]
        windows = [str(w.number) for w in settings.catalog.windows] or ["88"]
        widest_window = max(windows, key=advance_em)
        zones = {sv.zone_code: sv.zone_name for sv in settings.catalog.services}
        waiting = _waiting(888)
        before, after = _go_words()
        clock = self.clock_text(datetime(2025, 12, 31, 23, 59, 58))
        return LobbyTexts(
            widest_number=max((p + "888" for p in prefixes), key=advance_em),
            widest_window=translate("Display", "Window {n}").format(n=widest_window),
            go_before=before,
            go_after=after,
            titles=(
                translate("Display", "Now calling"),
                translate("Display", "Called before the interruption"),
                translate("Display", "Please listen for your number"),
            ),
            recent_title=translate("Display", "Recent calls"),
            heads=(translate("Display", "Number"), translate("Display", "Window")),
            widest_row_window=widest_window,
            zone_items=tuple(f"{name} {waiting}" for name in zones.values()),
            zone_title=translate("Display", "Waiting:"),
            top_line=f"{settings.name}    {clock}",
            top_parts=(settings.name, clock),
            outage=_outage_sentence(),
        )

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        lay = self.layout_
        top = QFrame()
        top.setObjectName("displayTop")
        top.setFixedHeight(lay.top_h)
        self.hall_name = _label("hallName")
        self.clock = _label("clock")
        band: QHBoxLayout | QVBoxLayout
        if lay.two_line_top:  # no room for both on one line: the name, then date and time
            band = QVBoxLayout(top)
            self.hall_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
            band.addWidget(self.hall_name)
            band.addWidget(self.clock)
        else:
            band = QHBoxLayout(top)
            self.hall_name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            band.addWidget(self.hall_name, 1)
            band.addWidget(self.clock)
        band.setContentsMargins(lay.pad * 2, lay.pad // 2, lay.pad * 2, lay.pad // 2)
        band.setSpacing(0)

        # The newest call: 正在呼叫, the number, 请到 N号窗口 办理.
        self.newest = QFrame()
        self.newest.setObjectName("newest")
        self.now_calling = _label("nowCalling", centred=True)
        self.newest_number = _label("newestNumber", centred=True)
        self.newest_number.setFixedHeight(lay.number_h)
        self.go_before = _label(role="goTo", centred=True)
        self.newest_window = _label("newestWindow", centred=True)
        self.go_after = _label(role="goTo", centred=True)
        words = QHBoxLayout()
        words.setSpacing(lay.pad // 2)
        words.addStretch(1)
        if not lay.words_stacked:
            words.addWidget(self.go_before)
        words.addWidget(self.newest_window)
        if not lay.words_stacked:
            words.addWidget(self.go_after)
        words.addStretch(1)
        col = QVBoxLayout(self.newest)
        col.setContentsMargins(lay.pad, lay.pad, lay.pad, lay.pad)
        col.setSpacing(0)
        col.addWidget(self.now_calling)
        col.addStretch(1)
        col.addWidget(self.newest_number)
        if lay.words_stacked:  # too narrow for one line: 请到, the window, 办理
            col.addWidget(self.go_before)
        col.addLayout(words)
        if lay.words_stacked:
            col.addWidget(self.go_after)
        col.addStretch(1)

        # The last calls: number → window.
        self.recent = QFrame()
        self.recent.setObjectName("recent")
        self.recent_title = _label("recentTitle", centred=True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(lay.pad * 2)
        grid.setVerticalSpacing(0)
        self.column_heads: list[QLabel] = []
        for c in range(lay.columns * 2):
            head = _label(role="colHead", centred=True)
            grid.addWidget(head, 0, c)
            self.column_heads.append(head)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i in range(lay.rows * lay.columns):
            number = _label(role="rowNumber", centred=True)
            window = _label(role="rowWindow", centred=True)
            for lb in (number, window):
                lb.setFixedHeight(lay.row_h)
            r, c = i % lay.rows, i // lay.rows  # down the first column, then the next
            grid.addWidget(number, 1 + r, c * 2)
            grid.addWidget(window, 1 + r, c * 2 + 1)
            self.rows.append((number, window))
        recent = QVBoxLayout(self.recent)
        recent.setContentsMargins(lay.pad, lay.pad, lay.pad, lay.pad)
        recent.setSpacing(0)
        recent.addWidget(self.recent_title)
        recent.addLayout(grid)
        recent.addStretch(1)

        # The people waiting per zone, and the notice; while the database is away, the
        # red band takes the place of both.
        self.waiting = QFrame()
        self.waiting.setObjectName("waitingBar")
        self.waiting.setFixedHeight(lay.zones_h)
        self.zones_grid = QGridLayout(self.waiting)
        self.zones_grid.setContentsMargins(lay.pad, 0, lay.pad, 0)
        self.zones_grid.setHorizontalSpacing(lay.pad)
        self.zones_grid.setVerticalSpacing(0)
        self.zones_title = _label(role="zoneTitle")
        self.zones_grid.addWidget(self.zones_title, 0, 0)
        self.zone_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self.notice = Marquee()
        self.notice.setFixedHeight(lay.notice_h)
        self.outage_band = _label("outage", centred=True)
        self.outage_band.setFixedHeight(lay.band_h)
        self.outage_band.hide()

        body = QGridLayout()
        body.setContentsMargins(lay.pad, lay.pad, lay.pad, lay.pad)
        body.setSpacing(lay.pad)
        body.addWidget(self.newest, 0, 0)
        if lay.portrait:
            body.addWidget(self.recent, 1, 0)
            body.setRowStretch(1, 1)
        else:
            self.newest.setFixedWidth(lay.newest_w)
            body.addWidget(self.recent, 0, 1)
            body.setColumnStretch(1, 1)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(top)
        box.addLayout(body, 1)
        box.addWidget(self.waiting)
        box.addWidget(self.notice)
        box.addWidget(self.outage_band)

    def _align_words(self) -> None:
        """请到 and 办理 stand on the window's baseline: as high as the window's line,
        their text at its foot, raised by the difference of the fonts' descents."""
        window = QFontMetricsF(self.newest_window.font())
        height = math.ceil(window.height())
        self.newest_window.setFixedHeight(height)
        baseline = (height - window.height()) / 2 + window.ascent()  # centred, as QLabel does
        for lb in [] if self.layout_.words_stacked else [self.go_before, self.go_after]:
            lb.ensurePolished()
            words = QFontMetricsF(lb.font())
            lb.setFixedHeight(height)
            lb.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            lb.setContentsMargins(0, 0, 0, max(0, round(height - baseline - words.descent())))

    # -- drawing -----------------------------------------------------------------------

    def _show_all(self) -> None:
        width = self.layout_.width - 4 * self.layout_.pad
        name = self._settings.name
        self.hall_name.setText(  # a hall's name longer than the screen: cut, never wrapped
            self.hall_name.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, width)
        )
        self.recent_title.setText(QCoreApplication.translate("Display", "Recent calls"))
        for i, head in enumerate(self.column_heads):
            head.setText(
                QCoreApplication.translate("Display", "Number")
                if i % 2 == 0
                else QCoreApplication.translate("Display", "Window")
            )
        self.zones_title.setText(QCoreApplication.translate("Display", "Waiting:"))
        self._show_notice()
        self._show_newest()
        self._show_rows()
        self._show_counts()

    def _show_outage_sentence(self) -> None:
        sentence = _outage_sentence()
        self.outage_band.ensurePolished()
        fm = self.outage_band.fontMetrics()
        room = self.layout_.width - 4 * self.layout_.pad
        self.outage_band.setText("\n".join(balanced_lines(sentence, fm.horizontalAdvance, room)))
        self.outage_band.setAccessibleName(sentence)

    def _show_newest(self) -> None:
        call = self.board.newest
        if call is None:  # nobody called yet today
            self.now_calling.setText(
                QCoreApplication.translate("Display", "Please listen for your number")
            )
            for lb in (self.newest_number, self.go_before, self.newest_window, self.go_after):
                lb.setText("")
            return
        self.now_calling.setText(
            QCoreApplication.translate("Display", "Called before the interruption")
            if self.outage
            else QCoreApplication.translate("Display", "Now calling")
        )
        before, after = _go_words()
        self.newest_number.setText(call.number)
        self.go_before.setText(before)
        self.newest_window.setText(
            QCoreApplication.translate("Display", "Window {n}").format(n=call.window_no)
        )
        self.go_after.setText(after)
        self.go_after.setVisible(bool(after))

    def _show_rows(self) -> None:
        """The calls before the newest, each number and window once (a recall moves the
        number up rather than listing it twice)."""
        seen, calls = set(), []
        for c in self.board.calls:
            if (c.number, c.window_no) not in seen:
                seen.add((c.number, c.window_no))
                calls.append(c)
        calls = calls[1 : len(self.rows) + 1]  # the newest is large already
        for i, (number, window) in enumerate(self.rows):
            call = calls[i] if i < len(calls) else None
            number.setText(call.number if call else "")
            window.setText(str(call.window_no) if call else "")

    def _show_call(self, call: LobbyCall) -> None:
        self._show_newest()
        self._show_rows()
        self._start_flash()
        self._speak(call)

    def _show_counts(self) -> None:
        zones = self.board.zones
        if [z.code for z in zones] != list(self.zone_labels):
            while self.zones_grid.count():
                item = self.zones_grid.takeAt(0)
                w = item.widget() if item is not None else None
                if w is not None and w is not self.zones_title:
                    w.hide()  # its parent's until Qt deletes it (see widgets.clear)
                    w.deleteLater()
            self.zone_labels = {}
            self.zones_grid.addWidget(self.zones_title, 0, 0)
            cols = self.layout_.zone_columns
            line = self.layout_.zones_h // max(1, math.ceil(len(zones) / cols))
            for i, z in enumerate(zones):
                name, count = _label(role="zone"), _label(role="zoneCount")
                name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for lb in (name, count):
                    lb.setFixedHeight(line)
                self.zones_grid.addWidget(name, i // cols, 1 + (i % cols) * 2)
                self.zones_grid.addWidget(count, i // cols, 2 + (i % cols) * 2)
                self.zone_labels[z.code] = (name, count)
        for z in zones:
            name, count = self.zone_labels[z.code]
            name.setText(z.name)
            count.setText(_waiting(z.waiting))

    def _show_outage(self, down: bool) -> None:
        """While the connection is lost, the calls on the screen may be old: dimmed, the
        newest marked as called before the interruption; the counts give way to the red
        band, which tells people what to do meanwhile."""
        if down:
            self._flash.stop()
            self._set_flash(False)
        for panel in (self.newest, self.recent):
            panel.setProperty("stale", "true" if down else "false")
            _repolish(panel)
        self._show_newest()
        self.waiting.setVisible(not down)
        self.notice.setVisible(not down)
        super()._show_outage(down)

    # -- the notice line -----------------------------------------------------------------

    def _on_feed_event(self, ev: FeedEvent) -> None:
        super()._on_feed_event(ev)
        if ev.kind in NOTICE_KINDS:
            self._schedule_refresh()

    def _show_state(self) -> None:
        super()._show_state()
        self._show_notice()

    def _show_notice(self) -> None:
        """The notice as last read (the noon duty's windows, the windows serving past
        closing, the hall's own line), read again when it next changes by the clock."""
        self.notice.set_text(self.board.notice or self._settings.display.notice)
        now = self.hall.now()
        at = notice_changes_at(self._settings, now)
        if at is None:
            self._notice_timer.stop()  # the new day shows everything again
            return
        ms = (at - now).total_seconds() * 1000 + NOTICE_MARGIN_MS
        self._notice_timer.start(int(min(ms, 86_400_000)))

    def _show_clock(self, now: datetime) -> None:
        self.clock.setText(self.clock_text(now))

    def clock_text(self, now: datetime) -> str:
        date = QCoreApplication.translate("Display", "{month}/{day}").format(
            month=now.month, day=now.day
        )
        return f"{date} {self.weekday(now.weekday())}  {now:%H:%M:%S}"

    # -- the flash -----------------------------------------------------------------------

    def _set_flash(self, on: bool) -> None:
        value = "on" if on else "off"
        if self.newest.property("flash") != value:
            self.newest.setProperty("flash", value)
            _repolish(self.newest)

    # -- speaking ------------------------------------------------------------------------

    def _speak(self, call: LobbyCall) -> None:
        if self.announcer is None or self._settings.voice.speaker != "display":
            return
        age = (self.hall.now() - call.at).total_seconds()
        if age > self._settings.display.spoken_within_seconds:
            log.info("display: %s for window %d is %.0f s old: shown, not spoken", call.number,
                     call.window_no, age)  # fmt: skip
            return
        self.announcer.announce(
            call.number, call.window_no, kind=SPOKEN_KIND[call.kind], age=max(0.0, age)
        )
        self.spoken.append(call)
        del self.spoken[:-20]


class WindowScreen(HallScreen):
    """The small screen above one window: the number in hand and 请到本窗口办理 while it
    is called, 欢迎光临 when the window is open and free, 暂停服务 when it is paused or
    nobody is signed in; the clerk's name and number under it."""

    def __init__(
        self,
        hall: Hall,
        window_no: int,
        *,
        bridge: FeedBridge | None = None,
        size: QSize | None = None,
    ) -> None:
        hall.settings.catalog.window(window_no)  # an unknown window: one sentence
        super().__init__(hall, bridge=bridge, size=size, keep=1)
        self.setObjectName("windowScreen")
        self.window_no = window_no
        self.layout_ = window_layout(
            self._screen_size,
            [
                QCoreApplication.translate("Display", "Welcome"),
                QCoreApplication.translate("Display", "Service paused"),
            ],
            [
                QCoreApplication.translate("Display", "Please come to this window"),
                QCoreApplication.translate("Display", "Being served"),
            ],
            QCoreApplication.translate("Display", "Connection lost, reconnecting…"),
        )
        self._build()
        self.setStyleSheet(display_stylesheet(self.layout_.qss()))
        _whole_lines(self)
        self.outage_band.ensurePolished()
        self._show_outage_sentence()
        self._begin()

    def _build(self) -> None:
        lay = self.layout_
        top = QFrame()
        top.setObjectName("displayTop")
        self.window_name = _label("windowName")
        self.service_names = _label("screenServices", centred=True)
        self.clock = _label("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.setFixedHeight(lay.top_h)
        band = QHBoxLayout(top)
        band.setContentsMargins(lay.pad, lay.pad // 2, lay.pad, lay.pad // 2)
        band.addWidget(self.window_name, 1)
        band.addWidget(self.clock)
        self.outage_band = _label("outage", centred=True)
        self.outage_band.setFixedHeight(lay.band_h)
        self.outage_band.hide()
        self.number = _label("screenNumber", centred=True)
        self.number.setFixedHeight(lay.number_h)
        self.words = _label("screenWords", centred=True)
        self.clerk = _label("screenClerk", centred=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, lay.pad)
        box.setSpacing(0)
        box.addWidget(top)
        box.addWidget(self.outage_band)
        box.addWidget(self.service_names)
        box.addStretch(1)
        box.addWidget(self.number)
        box.addWidget(self.words)
        box.addStretch(1)
        box.addWidget(self.clerk)

    @property
    def state(self) -> WindowState | None:
        return self.board.windows.get(self.window_no)

    def _show_outage_sentence(self) -> None:
        sentence = QCoreApplication.translate("Display", "Connection lost, reconnecting…")
        fm = self.outage_band.fontMetrics()
        room = self.layout_.width - 4 * self.layout_.pad
        self.outage_band.setText("\n".join(balanced_lines(sentence, fm.horizontalAdvance, room)))
        self.outage_band.setAccessibleName(sentence)

    def _show_all(self) -> None:
        entry = self._settings.catalog.window(self.window_no)
        self.window_name.setText(
            QCoreApplication.translate("Display", "Window {n}").format(n=self.window_no)
        )
        fm = self.service_names.fontMetrics()
        width = self.layout_.width - 2 * self.layout_.pad
        self.service_names.setText(
            fm.elidedText(entry.name, Qt.TextElideMode.ElideRight, width)  # a long name
        )
        self._show_window(self.window_no)

    def _show_window(self, number: int) -> None:
        if number != self.window_no:
            return
        w = self.state
        if w is not None and w.ticket is not None:
            self.number.setText(w.ticket)
            self.number.setProperty("state", w.ticket_state)
            serving = w.ticket_state == "serving"
            self._set_words(
                QCoreApplication.translate("Display", "Being served")
                if serving
                else QCoreApplication.translate("Display", "Please come to this window"),
                "called",
            )
        elif w is not None and w.open:
            self.number.setText(QCoreApplication.translate("Display", "Welcome"))
            self.number.setProperty("state", "idle")
            self._set_words("", "idle")
        else:
            self.number.setText(QCoreApplication.translate("Display", "Service paused"))
            self.number.setProperty("state", "paused")
            self._set_words("", "paused")
        if w is not None and w.staffed and w.clerk_name:
            self.clerk.setText(
                QCoreApplication.translate("Display", "Clerk {name} · No. {code}").format(
                    name=w.clerk_name, code=w.clerk_code
                )
            )
        else:
            self.clerk.setText("")
        _repolish(self.number)

    def _set_words(self, text: str, state: str) -> None:
        self.words.setText(text)
        self.words.setVisible(bool(text))
        self.words.setProperty("state", state)
        _repolish(self.words)

    def _show_call(self, call: LobbyCall) -> None:
        if call.window_no == self.window_no:
            self._start_flash()

    def _set_flash(self, on: bool) -> None:
        self.setProperty("flash", "on" if on else "off")
        _repolish(self.number)

    def _show_outage(self, down: bool) -> None:
        """While the connection is lost, the number in hand may be old: dimmed."""
        if down:
            self._flash.stop()
            self._set_flash(False)
        self.setProperty("stale", "true" if down else "false")
        _repolish(self)
        super()._show_outage(down)
