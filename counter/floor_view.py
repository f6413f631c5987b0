"""The live floor on the supervisor's station (现场): every window as a tile, who waits,
today's figures, and the supervisor's acts on the floor.

A tile (`counter.floor_tiles`) shows the window's number and name, the clerk signed in
and their post (A/B), the state in words and in its colour (办理中, 已呼叫, 空闲, 暂停 with
why and since, 离岗 with the A post's absence and announced return, 无人), the ticket in
hand with the minutes it has been in hand, and how many the window finished today. Beside
the tiles: the waiting per zone and per service with the longest wait (a wait past the
hall's alarm limit is marked in words and colour), the kiosks' unanswered help requests
with an answer button, and a form that moves a waiting ticket to another service or
window. Above them, today's figures.

The floor is read with ``Hall.floor()`` on the station's database worker when the view
starts and again whenever the change feed brings an event (a burst of events costs one
read in flight and at most one more after it; an event the last read already included
costs none). A 30-second timer only counts on the minutes from the times already read.

Acting on a window: right-click its tile, or select it and use the buttons under the
tiles: pause it (with a reason; the last window serving a zone at noon also asks why
the noon duty is left, as the core requires), reopen it, or close the day (confirmed
in the page first). Every refusal is the core's sentence in the view's status line,
and nothing typed is lost with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.floor_tiles import (
    SESSION_ENDED,
    TILE_MIN_CHARS,
    Elided,
    FigureBox,
    FloorTile,
    columns_for,
    hhmm,
    minutes_since,
    restyle,
    sentence_of,
)
from counter.window import set_tone
from shared.base.errors import HallError, YimenError
from shared.config.halls import HallSettings
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.qt.widgets import clear, label
from shared.rules.floor import Figures, Floor, ZoneWaiting
from shared.rules.stations import HelpRequest
from shared.store.feed import FeedEvent

#: How often the minutes are counted on from the times already read.
MINUTES_MS = 30_000


class FloorView(QWidget):
    """The floor tab. ``floor_shown`` fires after each read is shown; ``said`` with each
    sentence of the status line; ``session_ended`` with the core's sentence when the
    supervisor's sign-in no longer holds."""

    floor_shown = Signal(object)  # Floor
    said = Signal(str)
    session_ended = Signal(str)

    def __init__(
        self, hall: Hall, *, db: Worker, lang: str = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("floorView")
        self.hall = hall
        self.db = db
        self.lang = lang
        self.settings = hall.settings  # then with each floor, read on the worker
        self.token: str | None = None
        self.floor: Floor | None = None
        self.helps: list[HelpRequest] = []
        self._helps_shown: list[HelpRequest] | None = None  # as last laid out
        self._helps_at = datetime.min.replace(tzinfo=UTC)
        self.selected: int | None = None
        self._reading = False  # a read is in flight
        self._again = False  # events came while it was: one more read after it
        self._columns = 0
        self.tiles: dict[int, FloorTile] = {}
        self.waiting_rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.waiting_head: tuple[QLabel, QLabel, QLabel] | None = None
        self._waiting_codes: tuple[str, ...] = ()
        self._pause_for: int | None = None  # the window the pause form is for
        self._build()
        self.retranslate()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self._ticker = QTimer(self)  # the minutes counted on, from the times read
        self._ticker.timeout.connect(self.show_minutes)
        self._ticker.start(MINUTES_MS)

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        # Today's figures, across the top.
        self.figures: dict[str, FigureBox] = {}
        strip = QHBoxLayout()
        strip.setSpacing(8)
        self.figures_title = label(role="heading", wrap=False)
        strip.addWidget(self.figures_title)
        for key in ("issued", "served", "no_shows", "waiting", "mean_wait", "reviews", "good"):
            box = FigureBox()
            self.figures[key] = box
            strip.addWidget(box, 1)

        # The tiles, in a grid that scrolls when the screen is too small for them.
        self.grid_host = QWidget()
        self.grid_host.setObjectName("tiles")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.tiles_scroll = QScrollArea()
        self.tiles_scroll.setObjectName("tilesScroll")
        self.tiles_scroll.setWidgetResizable(True)
        self.tiles_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tiles_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tiles_scroll.setWidget(self.grid_host)
        self.tiles_scroll.viewport().installEventFilter(self)

        # Under the tiles: what can be done to the selected window, and the forms that
        # ask before doing it (in the page: nothing to lose behind a dialog).
        self.acts = QStackedWidget()
        self.acts.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.selected_label = label(role="heading", wrap=False)
        self.pause_button = self._button(self.open_pause)
        self.reopen_button = self._button(self.reopen_selected)
        self.close_day_button = self._button(self.open_close_day)
        row.addWidget(self.selected_label)
        row.addWidget(self.pause_button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        row.addWidget(self.close_day_button)
        self.buttons_page = buttons

        self.pause_page = QWidget()
        row = QHBoxLayout(self.pause_page)
        row.setContentsMargins(0, 0, 0, 0)
        self.pause_title = label(role="heading", wrap=False)
        self.pause_reason = QLineEdit()
        self.pause_reason.returnPressed.connect(self.confirm_pause)
        self.pause_ok = self._button(self.confirm_pause, primary=True)
        self.pause_cancel = self._button(self.cancel_form)
        row.addWidget(self.pause_title)
        row.addWidget(self.pause_reason, 1)
        row.addWidget(self.pause_ok)
        row.addWidget(self.pause_cancel)

        self.noon_page = QWidget()
        noon = QVBoxLayout(self.noon_page)
        noon.setContentsMargins(0, 0, 0, 0)
        self.noon_sentence = label(role="refusal")
        row = QHBoxLayout()
        self.noon_label = label(role="hint", wrap=False)
        self.noon_reason = QLineEdit()
        self.noon_reason.returnPressed.connect(self.confirm_noon)
        self.noon_ok = self._button(self.confirm_noon, primary=True)
        self.noon_cancel = self._button(self.cancel_form)
        row.addWidget(self.noon_label)
        row.addWidget(self.noon_reason, 1)
        row.addWidget(self.noon_ok)
        row.addWidget(self.noon_cancel)
        noon.addWidget(self.noon_sentence)
        noon.addLayout(row)

        self.close_page = QWidget()
        row = QHBoxLayout(self.close_page)
        row.setContentsMargins(0, 0, 0, 0)
        self.close_question = label(role="refusal")
        self.close_ok = self._button(self.confirm_close_day, primary=True)
        self.close_cancel = self._button(self.cancel_form)
        row.addWidget(self.close_question, 1)
        row.addWidget(self.close_ok)
        row.addWidget(self.close_cancel)
        for page in (self.buttons_page, self.pause_page, self.noon_page, self.close_page):
            self.acts.addWidget(page)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.tiles_scroll, 1)
        left.addWidget(self.acts)

        # The side column: who waits, help asked for, moving a ticket.
        side = QWidget()
        side.setObjectName("floorSide")
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 4, 0)
        self.waiting_title = label(role="heading")
        self.waiting_box = QGridLayout()
        self.waiting_box.setHorizontalSpacing(10)
        self.waiting_box.setVerticalSpacing(2)
        self.waiting_box.setColumnStretch(0, 1)
        self.nobody_waiting = label(role="hint")
        column.addWidget(self.waiting_title)
        column.addWidget(self.nobody_waiting)
        column.addLayout(self.waiting_box)
        self.help_title = label(role="heading")
        self.help_box = QVBoxLayout()
        self.help_box.setSpacing(4)
        column.addSpacing(8)
        column.addWidget(self.help_title)
        column.addLayout(self.help_box)
        self.move_title = label(role="heading")
        self.move_number = QLineEdit()
        self.move_number.returnPressed.connect(self.move_ticket)
        self.move_to = QComboBox()
        self.move_to.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.move_to.setMinimumContentsLength(8)
        self.move_reason = QLineEdit()
        self.move_reason.returnPressed.connect(self.move_ticket)
        self.move_button = self._button(self.move_ticket, primary=True)
        column.addSpacing(8)
        column.addWidget(self.move_title)
        column.addWidget(self.move_number)
        column.addWidget(self.move_to)
        column.addWidget(self.move_reason)
        column.addWidget(self.move_button)
        column.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setObjectName("sideScroll")
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)
        self.side_scroll.setMinimumWidth(340)

        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addLayout(left, 3)
        middle.addWidget(self.side_scroll, 1)
        self.status = label(role="status")
        whole = QVBoxLayout(self)
        whole.setContentsMargins(12, 8, 12, 6)
        whole.setSpacing(8)
        whole.addLayout(strip)
        whole.addLayout(middle, 1)
        whole.addWidget(self.status)
        self._show_selection()

    def _button(self, run: Callable[[], None], *, primary: bool = False) -> QPushButton:
        b = QPushButton()
        b.setProperty("role", "primary" if primary else "floorKey")
        b.setProperty("compact", True)
        b.clicked.connect(run)
        return b

    def retranslate(self) -> None:
        self.figures_title.setText(self.tr("Today"))
        names = {
            "issued": self.tr("Issued"),
            "served": self.tr("Served"),
            "no_shows": self.tr("No-shows"),
            "waiting": self.tr("Waiting"),
            "mean_wait": self.tr("Mean wait (min)"),
            "reviews": self.tr("Reviews"),
            "good": self.tr("Satisfied"),
        }
        for key, box in self.figures.items():
            box.name.setText(names[key])
        self.pause_button.setText(self.tr("Pause…"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.close_day_button.setText(self.tr("Close the day…"))
        self.pause_reason.setPlaceholderText(self.tr("Reason (the clerk and the log see it)"))
        self.pause_ok.setText(self.tr("Pause"))
        self.noon_label.setText(self.tr("Why leave the noon duty?"))
        self.noon_ok.setText(self.tr("Pause all the same"))
        self.close_ok.setText(self.tr("Close the day"))
        for b in (self.pause_cancel, self.noon_cancel, self.close_cancel):
            b.setText(self.tr("Cancel"))
        self.help_title.setText(self.tr("Help asked at the kiosks"))
        self.move_title.setText(self.tr("Move a waiting ticket"))
        self.move_number.setPlaceholderText(self.tr("Ticket number, e.g. A012"))
        self.move_reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.move_button.setText(self.tr("Move the ticket"))
        self._waiting_head_words()
        self.move_number.setAccessibleName(self.tr("Ticket number to move"))
        self.move_to.setAccessibleName(self.tr("Move to"))
        self.move_reason.setAccessibleName(self.tr("Reason for the move"))
        self.pause_reason.setAccessibleName(self.tr("Reason for the pause"))
        self.noon_reason.setAccessibleName(self.noon_label.text())
        for b in (
            self.pause_button,
            self.reopen_button,
            self.close_day_button,
            self.pause_ok,
            self.noon_ok,
            self.close_ok,
            self.pause_cancel,
            self.noon_cancel,
            self.close_cancel,
            self.move_button,
        ):
            b.setAccessibleName(b.text())
        self._fill_targets()
        self._show_selection()
        for tile in self.tiles.values():
            tile.tile = None  # every tile's words again, in the new language
        self._helps_shown = None
        if self.floor is not None:
            self._show(self.floor)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The status line keeps its line when empty: a sentence does not move the tiles.
        self.status.setMinimumHeight(self.status.fontMetrics().height())
        super().showEvent(event)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field of the side column taking the focus scrolls into view."""
        if now is not None and self.side_scroll.isAncestorOf(now):
            self.side_scroll.ensureWidgetVisible(now)

    # -- reading the floor -------------------------------------------------------------

    def start(self, token: str) -> None:
        """The supervisor signed in: read the floor, act with ``token``."""
        self.token = token
        self.refresh()

    def stop(self) -> None:
        """Signed out: no more reads, no acts."""
        self.token = None
        self.cancel_form()

    def on_event(self, ev: FeedEvent) -> None:
        """Every event of the feed: the floor is read again, unless the last read
        already included it."""
        if self.token is None:
            return
        if not self._reading and self.floor is not None and ev.id <= self.floor.last_event_id:
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the floor on the worker: one read in flight at a time, and one more after
        it when asked again meanwhile."""
        if self.token is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        hall = self.hall

        def read() -> tuple[Floor, list[HelpRequest], HallSettings]:
            return hall.floor(), hall.help_requests(), hall.settings

        self.db.submit(read, self._got, self._read_failed)

    def _got(self, answer: tuple[Floor, list[HelpRequest], HallSettings]) -> None:
        self._reading = False
        floor, self.helps, settings = answer
        if settings is not self.settings:
            self.settings = settings
            self._fill_targets()
        self._show(floor)
        if self._again:
            self.refresh()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        self.refused(exc)
        if self._again:
            self.refresh()

    # -- showing -----------------------------------------------------------------------

    def _show(self, floor: Floor) -> None:
        self.floor = floor
        now = self.hall.now()
        numbers = tuple(t.number for t in floor.tiles)
        if numbers != tuple(self.tiles):
            self._make_tiles(numbers)
        for t in floor.tiles:
            tile = self.tiles[t.number]
            if tile.tile != t:  # only what changed is laid out and painted again
                tile.show_tile(t, self.settings, now, self.lang)
        self._show_figures(floor.figures)
        self._show_waiting(floor.zones, now)
        self._show_helps(now)
        self._show_selection()
        self.floor_shown.emit(floor)

    def _make_tiles(self, numbers: tuple[int, ...]) -> None:
        clear(self.grid)
        self.tiles = {}
        for n in numbers:
            tile = FloorTile(n)
            tile.chosen.connect(self.select)
            tile.menu_asked.connect(self._show_menu)
            self.tiles[n] = tile
        if self.selected not in self.tiles:
            self.selected = None
        self._columns = 0
        self._lay_out_tiles()

    def _tile_min_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("汉") * TILE_MIN_CHARS

    def _lay_out_tiles(self) -> None:
        tiles = list(self.tiles.values())
        if not tiles:
            return
        viewport = self.tiles_scroll.viewport().size()
        tall = max(t.sizeHint().height() for t in tiles)
        columns = columns_for(
            len(tiles), viewport.width(), viewport.height(), self._tile_min_width(), tall
        )
        if columns == self._columns:
            return
        self._columns = columns
        for i in reversed(range(self.grid.count())):
            self.grid.takeAt(i)
        for i in range(self.grid.columnCount()):
            self.grid.setColumnStretch(i, 0)
        for i, tile in enumerate(tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tiles_scroll.viewport():
            QTimer.singleShot(0, self._lay_out_tiles)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._lay_out_tiles)

    def _show_figures(self, f: Figures) -> None:
        values = {
            "issued": str(f.issued),
            "served": str(f.served),
            "no_shows": str(f.no_shows),
            "waiting": str(f.waiting),
            "mean_wait": "—" if f.mean_wait_minutes is None else f"{f.mean_wait_minutes:.0f}",
            "reviews": str(f.reviews),
            "good": "—" if f.satisfaction is None else f"{f.satisfaction:.0f}%",
        }
        for key, box in self.figures.items():
            box.value.setText(values[key])
            box.setAccessibleName(f"{box.name.text()} {values[key]}")

    def _show_waiting(self, zones: tuple[ZoneWaiting, ...], now: datetime) -> None:
        codes = tuple(
            code for z in zones for code in (f"z:{z.code}", *(f"s:{sv.code}" for sv in z.services))
        )
        if codes != self._waiting_codes:
            clear(self.waiting_box)
            self.waiting_rows = {}
            self.waiting_head = (
                label(role="hint", wrap=False),
                label(role="hint", wrap=False),
                label(role="hint", wrap=False),
            )
            for i, code in enumerate((None, *codes)):
                if code is None:
                    row = self.waiting_head
                else:
                    zone = code.startswith("z:")
                    role = "waitZone" if zone else "waitService"
                    name = Elided(role)
                    if not zone:
                        name.setIndent(self.fontMetrics().horizontalAdvance("汉"))
                    row = (name, label(role=role, wrap=False), label(role=role, wrap=False))
                    self.waiting_rows[code] = row
                for col, lb in enumerate(row):
                    if col:
                        lb.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.waiting_box.addWidget(lb, i, col)
            self._waiting_codes = codes
            self._waiting_head_words()
        total = sum(z.waiting for z in zones)
        self.waiting_title.setText(self.tr("Waiting: {n}").format(n=total))
        self.nobody_waiting.setText(self.tr("Nobody is waiting."))
        self.nobody_waiting.setVisible(total == 0)
        alarms = self.settings.alarms
        for z in zones:
            late_here = False
            for sv in z.services:
                late = self._fill_row(
                    f"s:{sv.code}", self._service_name(sv.code, sv.name), sv.waiting,
                    sv.oldest, now, alarms.wait_for(sv.code), sv.waiting > 0,
                )  # fmt: skip
                late_here = late_here or late
            self._fill_row(
                f"z:{z.code}", self._zone_name(z), z.waiting, z.oldest, now, None, True, late_here
            )

    def _waiting_head_words(self) -> None:
        head = self.waiting_head
        if head is not None:
            head[1].setText(self.tr("Waiting"))
            head[2].setText(self.tr("Longest"))

    def _fill_row(
        self,
        code: str,
        name: str,
        waiting: int,
        oldest: datetime | None,
        now: datetime,
        limit: int | None,
        shown: bool,
        late: bool = False,
    ) -> bool:
        """One row of the waiting column; True when its longest wait is past ``limit``
        (a zone's row: ``late`` when one of its services' is)."""
        row = self.waiting_rows.get(code)
        if row is None:
            return False
        name_label, count, longest = row
        assert isinstance(name_label, Elided)
        name_label.set_full_text(name)
        count.setText(str(waiting))
        minutes = minutes_since(now, oldest) if oldest is not None else None
        if limit is not None and minutes is not None:
            late = minutes > limit
        if minutes is None:
            longest.setText("")
        elif late:
            longest.setText(self.tr("{n} min, too long").format(n=minutes))
        else:
            longest.setText(self.tr("{n} min").format(n=minutes))
        for lb in row:
            restyle(lb, "long", late)
            lb.setVisible(shown)
        return late

    def _zone_name(self, z: ZoneWaiting) -> str:
        for sv in self.settings.catalog.services:
            if sv.zone_code == z.code:
                return sv.zone_name_in(self.lang)
        return z.name

    def _service_name(self, code: str, name: str) -> str:
        try:
            return self.settings.catalog.service(code).name_in(self.lang)
        except YimenError:
            return name

    def _show_helps(self, now: datetime) -> None:
        if self.helps == self._helps_shown and now - self._helps_at < timedelta(seconds=20):
            return  # the same requests, their minutes still right
        self._helps_shown, self._helps_at = list(self.helps), now
        clear(self.help_box)
        for h in self.helps:
            row = QHBoxLayout()
            text = self.tr("{kiosk} since {time} ({n} min)").format(
                kiosk=h.kiosk, time=hhmm(self.settings, h.at), n=minutes_since(now, h.at)
            )
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            line = label(text, role="refusal")
            answer = QPushButton(self.tr("I'll go"))
            answer.setProperty("role", "primary")
            answer.setProperty("compact", True)
            answer.setAccessibleName(
                self.tr("Answer the help asked at {kiosk}").format(kiosk=h.kiosk)
            )
            answer.clicked.connect(lambda _=False, r=h: self.answer_help(r))
            row.addWidget(line, 1)
            row.addWidget(answer)
            self.help_box.addWidget(holder)
        self.help_title.setVisible(bool(self.helps))

    def show_minutes(self) -> None:
        """The 30-second tick: the minutes in hand and waited, from the times read."""
        if self.floor is None:
            return
        now = self.hall.now()
        for tile in self.tiles.values():
            tile.show_minutes(self.settings, now)
        self._show_waiting(self.floor.zones, now)
        self._show_helps(now)

    # -- choosing a window ---------------------------------------------------------------

    def select(self, number: int) -> None:
        if number not in self.tiles:
            return
        if self.selected != number and self.acts.currentWidget() is not self.close_page:
            self.cancel_form()
        self.selected = number
        self._show_selection()

    def _show_selection(self) -> None:
        for n, shown in self.tiles.items():
            shown.set_selected(n == self.selected)
        tile = self.tiles[self.selected].tile if self.selected in self.tiles else None
        if tile is None:
            self.selected_label.setText(self.tr("Select a window"))
        else:
            self.selected_label.setText(self.tr("Window {n}:").format(n=tile.number))
        self.pause_button.setEnabled(tile is not None and tile.state != "paused")
        self.reopen_button.setEnabled(tile is not None and tile.state == "paused")

    def tile_menu(self, number: int) -> QMenu:
        """What can be done to window ``number`` (its tile's right-click menu)."""
        self.select(number)
        tile = self.tiles[number].tile if number in self.tiles else None
        menu = QMenu(self)
        pause = QAction(self.tr("Pause window {n}…").format(n=number), menu)
        pause.triggered.connect(self.open_pause)
        pause.setEnabled(tile is not None and tile.state != "paused")
        reopen = QAction(self.tr("Reopen window {n}").format(n=number), menu)
        reopen.triggered.connect(self.reopen_selected)
        reopen.setEnabled(tile is not None and tile.state == "paused")
        close = QAction(self.tr("Close the day…"), menu)
        close.triggered.connect(self.open_close_day)
        for a in (pause, reopen):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(close)
        return menu

    def _show_menu(self, number: int, at: QPoint) -> None:
        menu = self.tile_menu(number)
        menu.exec(at)
        menu.deleteLater()

    # -- acting ------------------------------------------------------------------------

    def cancel_form(self) -> None:
        self._pause_for = None
        self.acts.setCurrentWidget(self.buttons_page)

    def open_pause(self) -> None:
        if self.selected is None:
            return
        if self._pause_for != self.selected:
            self.pause_reason.clear()
        self._pause_for = self.selected
        self.pause_title.setText(self.tr("Pause window {n}:").format(n=self.selected))
        self.acts.setCurrentWidget(self.pause_page)
        self.pause_reason.setFocus()

    def confirm_pause(self) -> None:
        if self._pause_for is None:
            return
        self._pause(self._pause_for, self.pause_reason.text().strip() or None, None)

    def confirm_noon(self) -> None:
        noon = self.noon_reason.text().strip()
        if self._pause_for is None:
            return
        if not noon:
            self.noon_reason.setFocus()  # the rule asks for a reason
            return
        self._pause(self._pause_for, self.pause_reason.text().strip() or None, noon)

    def _pause(self, number: int, reason: str | None, noon: str | None) -> None:
        token = self.token
        if token is None:
            return

        def done(_: object) -> None:
            self.pause_reason.clear()
            self.noon_reason.clear()
            self.cancel_form()
            self.say(self.tr("Window {n} is paused.").format(n=number))
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, HallError) and exc.code == "noon.last_window":
                self.noon_sentence.setText(exc.message(self.lang))
                self.acts.setCurrentWidget(self.noon_page)
                self.noon_reason.setFocus()
                self.say("")
                return
            self.refused(exc)

        self.db.submit(
            lambda: self.hall.pause_window(token, number, reason=reason, noon_reason=noon),
            done,
            failed,
        )

    def reopen_selected(self) -> None:
        number, token = self.selected, self.token
        if number is None or token is None:
            return

        def done(_: object) -> None:
            self.say(self.tr("Window {n} is open again.").format(n=number))
            self.refresh()

        self.db.submit(lambda: self.hall.reopen_window(token, number), done, self.refused)

    def open_close_day(self) -> None:
        waiting = self.floor.figures.waiting if self.floor is not None else 0
        self.close_question.setText(
            self.tr(
                "Close the day now? The {n} tickets still waiting, and those on hold, end"
                " unserved; tickets in a window's hands stay."
            ).format(n=waiting)
        )
        self.acts.setCurrentWidget(self.close_page)
        self.close_cancel.setFocus()

    def confirm_close_day(self) -> None:
        token = self.token
        if token is None:
            return

        def done(ended: int) -> None:
            self.cancel_form()
            self.say(self.tr("The day is closed: {n} tickets ended.").format(n=ended))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.cancel_form()
            self.refused(exc)

        self.db.submit(lambda: self.hall.close_day_as(token), done, failed)

    def _fill_targets(self) -> None:
        """The move form's choices: every service, then every window."""
        chosen = self.move_to.currentData()
        self.move_to.clear()
        catalog = self.settings.catalog
        for sv in catalog.services:
            self.move_to.addItem(
                self.tr("Service: {name}").format(name=sv.name_in(self.lang)), f"s:{sv.code}"
            )
        for w in catalog.windows:
            self.move_to.addItem(
                self.tr("Window {n}").format(n=w.number) + f"  {w.name}", f"w:{w.number}"
            )
        i = self.move_to.findData(chosen)
        self.move_to.setCurrentIndex(max(0, i))

    def move_ticket(self) -> None:
        token = self.token
        number = self.move_number.text().strip().upper()
        target = self.move_to.currentData()
        if token is None or not target:
            return
        if not number:
            self.say(self.tr("Type the number of the waiting ticket to move."), alert=True)
            self.move_number.setFocus()
            return
        kind, _, value = str(target).partition(":")
        reason = self.move_reason.text().strip() or None
        if kind == "s":
            where = self.settings.catalog.service(value).name_in(self.lang)
        else:
            where = self.tr("Window {n}").format(n=value)

        def done(t: Any) -> None:
            self.move_number.clear()
            self.move_reason.clear()
            self.say(self.tr("{number} moved to {where}.").format(number=t.number, where=where))
            self.refresh()

        self.db.submit(
            lambda: self.hall.move_ticket(
                token,
                number,
                to_service=value if kind == "s" else None,
                to_window=int(value) if kind == "w" else None,
                reason=reason,
            ),
            done,
            self.refused,
        )

    def answer_help(self, request: HelpRequest) -> None:
        token = self.token
        if token is None:
            return

        def done(_: object) -> None:
            self.say(self.tr("Help at {kiosk}: yours.").format(kiosk=request.kiosk))
            self.refresh()

        self.db.submit(lambda: self.hall.answer_help(token, request.request), done, self.refused)

    # -- saying ------------------------------------------------------------------------

    def say(self, sentence: str, *, alert: bool = False) -> None:
        self.status.setText(sentence)
        set_tone(self.status, alert)
        self.said.emit(sentence)

    def refused(self, exc: BaseException) -> None:
        sentence = sentence_of(exc, self.lang)
        if sentence is None:
            sentence = self.tr("That did not work; please try again or call the hall's IT.")
        if isinstance(exc, HallError) and exc.code in SESSION_ENDED:
            self.session_ended.emit(sentence)
            return
        self.say(sentence, alert=True)


__all__ = ["FloorView"]
