"""The supervisor's way into a locked public station (维护): five quick taps in the
screen's top left corner open a code pad over the screen; a supervisor's code and
password (the hall's own sign-in, with its lockout) open a small panel: exit, restart,
and on a kiosk the printer's state and a reprint of the last slip.

Nothing here waits on the GUI thread: the sign-in and sign-out run on the station's own
database worker. The pad and the panel close themselves after a minute untouched (the
supervisor is signed out again); a wrong code says why in a sentence, and three in a row
make the pad wait before it takes another (30 s, then longer), besides the hall's own
lock of a clerk after five wrong passwords.

The panel asks the station's `Lockdown` to leave: with 0 (exit: the keeper does not start
it again) or `EXIT_RESTART` (the keeper starts it again at once).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.screens import WrapButton, button, gap_px, label
from shared.base.errors import HallError, YimenError
from shared.base.messages import word
from shared.hall import Hall
from shared.qt.keeper import EXIT_RESTART
from shared.qt.lockdown import Lockdown
from shared.qt.outage import server_away
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.rules.staff import StaffSignIn

log = logging.getLogger(__name__)

TAPS = 5  # taps in the corner …
TAP_SECONDS = 3.0  # … within this many seconds open the code pad
IDLE_SECONDS = 60  # the pad or the panel closes after this long untouched
WRONG_IN_A_ROW = 3  # wrong codes before the pad makes the supervisor wait
PAUSE_SECONDS = 30  # the first wait; it doubles each time, up to MAX_PAUSE_SECONDS
MAX_PAUSE_SECONDS = 300
CONFIRM_SECONDS = 5  # exit asks for a second tap within this long
SIGN_OUT_WAIT_MS = 3000  # leaving waits this long at most for the sign-out to be recorded
# Refusals of the sign-in that count as a wrong code (the database away does not).
WRONG_CODE = frozenset(
    {
        "clerk.unknown",
        "clerk.inactive",
        "clerk.bad_password",
        "clerk.locked",
        "clerk.no_password",
        "staff.not_supervisor",
    }
)
# The on-screen keyboard: digits, then letters (or marks); three keys of their own
# delete, switch to capitals and switch to marks.
DIGITS = "1234567890"
LETTERS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
MARKS = ("!@#$%^&*()", "-_=+[]{};", ".,?/:~|")
DELETE, SHIFT, SWITCH = (2, 9), (3, 8), (3, 9)  # where they are


@dataclass(frozen=True)
class PrinterState:
    """What a kiosk knows of its printer: the last slip's outcome."""

    description: str  # where slips go (PDF → folder, ESC/POS usb:…, system printer …)
    fault: str | None  # the last fault's code (printer.no_paper …), None: printing
    at: datetime | None  # when the last slip printed or failed
    detail: str = ""  # what the printer or its driver said of the fault (for IT)
    #: What the printer itself just answered when asked ("present", "low"), None when
    #: this is only the last slip's outcome (a PDF folder, a system printer, not asked yet).
    paper: str | None = None


class SlipDesk(Protocol):
    """What a station that prints slips (the kiosk) offers its maintenance panel."""

    def last_slip_number(self) -> str | None:
        """The number of the last slip printed or tried, None before the first."""

    def printer_state(self) -> PrinterState: ...

    def ask_paper(self, done: Callable[[PrinterState], None]) -> bool:
        """Ask the printer now whether it is on line and has paper (off the GUI thread),
        then ``done`` with what it said; False for a printer that cannot be asked."""

    def reprint_last(self, done: Callable[[str | None], None]) -> bool:
        """Print the last slip again, marked as a reprint (补打); ``done(None)`` once it
        printed, ``done(code)`` with the printer's fault (printer.no_paper …) when it did
        not. False: no slip to reprint."""


class HiddenCorner(QWidget):
    """An invisible square in the top left corner of a station's screen: ``taps`` taps
    within ``seconds`` make it say `opened`."""

    opened = Signal()

    def __init__(
        self,
        parent: QWidget,
        *,
        taps: int = TAPS,
        seconds: float = TAP_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.taps = taps
        self.seconds = seconds
        self.clock = clock
        self._times: list[float] = []
        self.setObjectName("maintenanceCorner")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setStyleSheet("background: transparent;")
        side = max(64, round(min(parent.width(), parent.height()) * 0.1))
        self.setGeometry(0, 0, side, side)
        parent.installEventFilter(self)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.raise_()  # above whatever the screen put there since
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        now = self.clock()
        self._times = [t for t in self._times if now - t <= self.seconds] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.opened.emit()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the press before it was counted


class CodePad(QWidget):
    """A supervisor's code and password, typed on large on-screen keys."""

    submitted = Signal(str, str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.hint = label(role="hint")
        self.code_label = label(role="hint")
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.password_label = label(role="hint")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        for field in (self.code, self.password):
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            field.installEventFilter(self)
        self.code.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.field = self.code  # where the keys type
        self.sentence = label(role="printer")  # a refusal, in the alert colour
        self.sentence.hide()
        self.countdown = label(role="hint")
        self.shifted = False
        self.marks = False
        self.keys: dict[tuple[int, int], WrapButton] = {}
        self.grid = QGridLayout()
        self._build_keys()
        self.cancel = button("", "key")
        self.ok = button("", "okKey")
        self.cancel.clicked.connect(self.cancelled)
        self.ok.clicked.connect(self._submit)

        entry = QVBoxLayout()
        entry.setSpacing(16)
        entry.addWidget(self.title)
        entry.addWidget(self.hint)
        for name, field in ((self.code_label, self.code), (self.password_label, self.password)):
            row = QHBoxLayout()
            row.setSpacing(16)
            row.addWidget(name, 1)
            row.addWidget(field, 3)
            entry.addLayout(row)
        entry.addWidget(self.sentence)
        self.entry = entry
        self.buttons = QVBoxLayout()
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        self.buttons.addLayout(row)
        self.buttons.addWidget(self.countdown)
        for c in range(len(DIGITS)):
            self.grid.setColumnStretch(c, 1)  # ten keys of one width across
        # Portrait: the fields, the keys under them, then OK; landscape: the keys beside.
        self.body = QGridLayout(self)
        self.body.setContentsMargins(32, 32, 32, 32)
        self.set_landscape(False)

    def _build_keys(self) -> None:
        for r, row in enumerate((DIGITS, *LETTERS)):
            for c in range(len(row)):
                self._key(r, c)
        for place in (DELETE, SHIFT, SWITCH):
            self._key(*place)
        self.delete_word = "Del"
        self._show_keys()

    def _key(self, row: int, col: int) -> None:
        special = (row, col) in (DELETE, SHIFT, SWITCH)
        b = button("", None if special else "key")  # a word: body type, a letter: large
        b.setSizePolicy(QSizePolicy.Policy.Ignored, b.sizePolicy().verticalPolicy())
        b.clicked.connect(lambda _=False, r=row, c=col: self._pressed((r, c)))
        self.grid.addWidget(b, row, col)
        self.keys[(row, col)] = b

    def _char(self, row: int, col: int) -> str:
        if row == 0:
            return DIGITS[col]
        letters = (MARKS if self.marks else LETTERS)[row - 1]
        if col >= len(letters):
            return ""
        ch = letters[col]
        return ch.upper() if self.shifted and not self.marks else ch

    def _show_keys(self) -> None:
        for place, b in self.keys.items():
            if place in (DELETE, SHIFT, SWITCH):
                continue
            ch = self._char(*place)
            b.setText(ch)
            b.setAccessibleName(ch)
            b.setVisible(bool(ch))
        self.keys[DELETE].setText(self.delete_word)
        shift = self.keys[SHIFT]
        shift.setText("abc" if self.shifted else "ABC")
        shift.setEnabled(not self.marks)
        self.keys[SWITCH].setText("abc" if self.marks else "#+=")

    def _pressed(self, place: tuple[int, int]) -> None:
        if place == DELETE:
            self.field.backspace()
        elif place == SHIFT:
            self.shifted = not self.shifted
            self._show_keys()
        elif place == SWITCH:
            self.marks = not self.marks
            self.shifted = False
            self._show_keys()
        else:
            self.field.insert(self._char(*place))
        self.field.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress) and isinstance(
            watched, QLineEdit
        ):
            self.field = watched  # the keys type where the supervisor tapped
        return False

    def set_landscape(self, landscape: bool) -> None:
        body = self.body
        for part in (self.entry, self.grid, self.buttons):
            body.removeItem(part)
        for i in range(5):
            body.setRowStretch(i, 0)
            body.setColumnStretch(i, 0)
        if landscape:  # the fields and OK on the left, the keys on the right
            body.addLayout(self.entry, 1, 0)
            body.addLayout(self.buttons, 3, 0)
            body.addLayout(self.grid, 1, 1, 3, 1, Qt.AlignmentFlag.AlignVCenter)
            body.setRowStretch(0, 1)
            body.setRowStretch(2, 1)
            body.setRowStretch(4, 1)
            body.setColumnStretch(0, 2)
            body.setColumnStretch(1, 3)
        else:  # one column, in the middle of the glass
            body.addLayout(self.entry, 1, 0)
            body.addLayout(self.grid, 2, 0)
            body.addLayout(self.buttons, 3, 0)
            body.setRowStretch(0, 1)
            body.setRowStretch(4, 1)

    def set_gap(self, gap: int) -> None:
        self.grid.setSpacing(max(8, gap // 3))  # ten keys across: a staff keyboard's gaps
        self.body.setSpacing(gap)
        self.buttons.setSpacing(gap // 2)

    def reset(self) -> None:
        self.code.clear()
        self.password.clear()
        self.shifted = self.marks = False
        self._show_keys()
        self.show_sentence("")
        self.set_enabled(True)
        self.code.setFocus()

    def show_sentence(self, text: str) -> None:
        self.sentence.setText(text)
        self.sentence.setVisible(bool(text))

    def set_enabled(self, enabled: bool) -> None:
        for b in (*self.keys.values(), self.ok):
            b.setEnabled(enabled)
        self.code.setEnabled(enabled)
        self.password.setEnabled(enabled)
        if enabled:
            self._show_keys()

    def _submit(self) -> None:
        code, password = self.code.text().strip(), self.password.text()
        if not code:
            self.code.setFocus()
            return
        if not password:
            self.password.setFocus()
            return
        self.submitted.emit(code, password)


class MaintenancePanel(QWidget):
    """What a signed-in supervisor can do at the station."""

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.who = label(role="info")
        self.printer = label(role="hint")
        self.paper = label(role="info")
        self.result = label(role="info")
        self.result.hide()
        self.reprint = button("", "primary")
        self.restart = button("")
        self.exit = button("", "help")
        self.back = button("")
        self.countdown = label(role="hint")
        self.choices = QGridLayout()
        self.slips = True  # a station that prints slips: the reprint and the printer shown
        self._landscape = False
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 48, 48, 48)
        box.setSpacing(24)
        for w in (self.title, self.who, self.printer, self.paper, self.result):
            box.addWidget(w)
        box.addStretch(1)
        box.addLayout(self.choices)
        box.addStretch(1)
        box.addWidget(self.countdown)
        self.set_landscape(False)

    def set_landscape(self, landscape: bool) -> None:
        """The four actions one under the other on a portrait screen, two by two on a
        landscape one."""
        for b in (self.reprint, self.restart, self.exit, self.back):
            self.choices.removeWidget(b)
        self._landscape = landscape
        order = [self.back, *([self.reprint] if self.slips else []), self.restart, self.exit]
        for i, b in enumerate(order):
            self.choices.addWidget(b, *((i // 2, i % 2) if landscape else (i, 0)))

    def set_gap(self, gap: int) -> None:
        self.choices.setSpacing(gap)

    def set_slips(self, slips: bool) -> None:
        """Whether the station prints slips (the kiosk): the reprint and the printer."""
        self.slips = slips
        for w in (self.reprint, self.paper, self.printer):
            w.setVisible(slips)
        self.set_landscape(self._landscape)

    def show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))


class MaintenanceGate(QObject):
    """The hidden corner, the code pad and the panel over one station's ``window``."""

    opened = Signal()  # the code pad is on the screen
    signed_in = Signal(object)  # the StaffSignIn: the panel is on the screen
    refused = Signal(str)  # why a code was not taken (the core's code, or "maintenance.wait")
    closed = Signal()  # the pad or the panel went away, the station serves again
    reprinted = Signal(object)  # None: printed; else the printer's fault code

    def __init__(
        self,
        window: QWidget,
        hall: Hall,
        worker: Worker,
        lockdown: Lockdown,
        *,
        station: str,
        lang: Callable[[], str] = lambda: "zh",
        desk: SlipDesk | None = None,
        idle_seconds: int = IDLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.hall = hall
        self.worker = worker
        self.lockdown = lockdown
        self.station = station
        self.lang = lang
        self.desk = desk
        self.idle_seconds = idle_seconds
        self.signin: StaffSignIn | None = None
        self.wrong = 0  # wrong codes in a row
        self.pauses = 0  # waits imposed so far
        self._pause_left = 0
        self._idle_left = 0
        self._confirm_left = 0
        self._busy = False
        self._fitted: QSize | None = None  # the window's size the pad and panel are laid out for

        self.corner = HiddenCorner(window, clock=clock)
        self.corner.opened.connect(self.open)
        self.overlay = QWidget(window)
        self.overlay.setObjectName("maintenance")
        self.overlay.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.overlay.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.pad = CodePad()
        self.panel = MaintenancePanel()
        self.pages = QStackedLayout(self.overlay)
        self.pages.addWidget(self.pad)
        self.pages.addWidget(self.panel)
        self.overlay.hide()
        self.pad.submitted.connect(self._on_pad_submitted)
        self.pad.cancelled.connect(self.close)
        self.panel.back.clicked.connect(self.close)
        self.panel.exit.clicked.connect(self._on_panel_exit)
        self.panel.restart.clicked.connect(self._on_panel_restart)
        self.panel.reprint.clicked.connect(self._on_panel_reprint)
        self.panel.set_slips(desk is not None)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        window.installEventFilter(self)
        self._fit()
        self.retranslate()

    # -- look ----------------------------------------------------------------------------

    def _fit(self) -> None:
        """The pad and the panel over the whole of the window, laid out and styled for its
        size (again only when its size changed: styling them is slow)."""
        size = self.window.size()
        self.overlay.setGeometry(self.window.rect())
        if size == self._fitted:
            return
        self._fitted = size
        short = max(1, min(size.width(), size.height()))
        landscape = size.width() > size.height()
        self.overlay.setStyleSheet(stylesheet("public", short))
        self.pad.set_landscape(landscape)
        self.pad.set_gap(gap_px(short))
        self.panel.set_landscape(landscape)
        self.panel.set_gap(gap_px(short))

    def retranslate(self) -> None:
        self.pad.title.setText(self.tr("Maintenance: supervisors only"))
        self.pad.hint.setText(self.tr("Type a supervisor's code and password"))
        self.pad.code_label.setText(self.tr("Code"))
        self.pad.password_label.setText(self.tr("Password"))
        self.pad.code.setAccessibleName(self.tr("Supervisor's code"))
        self.pad.password.setAccessibleName(self.tr("Password"))
        self.pad.cancel.setText(self.tr("Cancel"))
        self.pad.ok.setText(self.tr("OK"))
        self.pad.delete_word = self.tr("Del")  # a short word: the key is a tenth of the width
        self.pad.keys[DELETE].setText(self.pad.delete_word)
        self.pad.keys[DELETE].setAccessibleName(self.tr("Delete"))
        self.pad.keys[SHIFT].setAccessibleName(self.tr("Capital letters"))
        self.pad.keys[SWITCH].setAccessibleName(self.tr("Marks"))
        self.panel.title.setText(self.tr("Maintenance"))
        self.panel.restart.setText(self.tr("Restart"))
        self.panel.back.setText(self.tr("Back to service"))
        self._show_exit()
        for b in (self.pad.cancel, self.pad.ok, self.panel.restart, self.panel.back):
            b.setAccessibleName(b.text())
        if self.signin is not None:
            self._show_panel()

    def _show_exit(self) -> None:
        confirm = self._confirm_left > 0
        self.panel.exit.setText(
            self.tr("Tap again to exit") if confirm else self.tr("Exit the station")
        )
        self.panel.exit.setAccessibleName(self.panel.exit.text())

    # -- opening and closing ---------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.overlay.isVisible()

    def open(self) -> None:
        """The code pad over the station's screen."""
        if self.is_open:
            return
        self._fit()
        self.pad.reset()
        if self._pause_left > 0:
            self._show_pause()
        self.pages.setCurrentWidget(self.pad)
        self.overlay.show()
        self.overlay.raise_()
        self.pad.code.setFocus()
        self._touched()
        self._timer.start()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        log.info("maintenance: the code pad was opened at %s", self.station)
        self.opened.emit()

    def close(self) -> None:
        """Back to the station's screen; a supervisor signed in is signed out."""
        if not self.is_open:
            return
        self._sign_out(None)
        self.overlay.hide()
        self.pad.reset()
        self.panel.show_result("")
        if self._pause_left <= 0:
            self._timer.stop()
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize:
            self._fit()
        elif watched is self.window and kind == QEvent.Type.Hide:
            # The station ends (exit, restart): nothing of the pad watches the app after it.
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            self._timer.stop()
        elif watched is self.window and kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif (
            kind in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)
            and isinstance(watched, QWidget)
            and self.overlay.isAncestorOf(watched)
        ):
            self._touched()
        return False

    def _touched(self) -> None:
        self._idle_left = self.idle_seconds
        self._show_countdown()

    def _tick(self) -> None:
        if self._pause_left > 0:
            self._pause_left -= 1
            if self._pause_left <= 0:
                self.pad.set_enabled(True)
                self.pad.show_sentence(self.tr("You may try again."))
            else:
                self._show_pause()
        if self._confirm_left > 0:
            self._confirm_left -= 1
            if self._confirm_left == 0:
                self._show_exit()
        if not self.is_open:
            if self._pause_left <= 0:
                self._timer.stop()
            return
        self._idle_left -= 1
        if self._idle_left <= 0:
            log.info("maintenance: closed after %d s untouched", self.idle_seconds)
            self.close()
            return
        self._show_countdown()

    def _show_countdown(self) -> None:
        text = self.tr("Closes by itself after {n} s untouched").format(n=max(self._idle_left, 0))
        self.pad.countdown.setText(text)
        self.panel.countdown.setText(text)

    # -- the code ---------------------------------------------------------------------------

    def _on_pad_submitted(self, code: str, password: str) -> None:
        if self._busy or self._pause_left > 0:
            return
        self._busy = True
        self.pad.set_enabled(False)
        self.pad.show_sentence(self.tr("Checking…"))
        station = self.station

        def sign_in() -> StaffSignIn:
            return self.hall.sign_in_supervisor(code, password, station)

        self.worker.submit(sign_in, self._on_signed_in, self._on_sign_in_refused)

    def _on_signed_in(self, signin: StaffSignIn) -> None:
        self._busy = False
        self.wrong = 0
        if not self.is_open:  # closed meanwhile (untouched): not left signed in
            self.signin = signin
            self._sign_out(None)
            return
        self.signin = signin
        log.info("maintenance: supervisor %s signed in at %s", signin.clerk, self.station)
        self.pad.reset()
        self._show_panel()
        self.pages.setCurrentWidget(self.panel)
        self.overlay.setFocus()  # a touchscreen shows no focus frame on a button
        self._touched()
        self.signed_in.emit(signin)

    def _on_sign_in_refused(self, exc: BaseException) -> None:
        self._busy = False
        lang = self.lang()
        self.pad.password.clear()
        if isinstance(exc, HallError | YimenError) and exc.code in WRONG_CODE:
            self.wrong += 1
            log.warning("maintenance: a wrong code at %s (%s)", self.station, exc.code)
            self.refused.emit(exc.code)
            sentence = exc.message(lang)
            if self.wrong >= WRONG_IN_A_ROW:
                self.wrong = 0
                self.pauses += 1
                seconds = min(PAUSE_SECONDS * 2 ** (self.pauses - 1), MAX_PAUSE_SECONDS)
                self._pause_left = seconds
                self.refused.emit("maintenance.wait")
                self.pad.show_sentence(sentence)
                self._show_pause()
                self._timer.start()
                return
            self.pad.show_sentence(sentence)
        elif server_away(exc):
            self.refused.emit("server.away")
            self.pad.show_sentence(
                self.tr(
                    "The code cannot be checked now: the hall's server does not answer. "
                    "Please try again in a moment."
                )
            )
        elif isinstance(exc, YimenError):
            self.refused.emit(exc.code)
            self.pad.show_sentence(exc.message(lang))
        else:
            log.error("maintenance: checking a supervisor's code failed", exc_info=exc)
            self.refused.emit("error")
            self.pad.show_sentence(self.tr("The code could not be checked; please try again."))
        self.pad.set_enabled(True)
        self.pad.password.setFocus()

    def _show_pause(self) -> None:
        self.pad.set_enabled(False)
        self.pad.show_sentence(
            self.tr("Too many wrong codes. Please try again in {n} s.").format(n=self._pause_left)
        )

    def _sign_out(self, then: Callable[[], None] | None) -> None:
        """Sign the supervisor out on the worker; ``then`` once done (or failed)."""
        signin, self.signin = self.signin, None
        if signin is None:
            if then is not None:
                then()
            return
        token = signin.token

        def ended(_: object = None) -> None:
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            log.warning("maintenance: the sign-out was not recorded: %s", exc)
            ended()

        self.worker.submit(lambda: self.hall.sign_out_supervisor(token), ended, failed)

    # -- the panel --------------------------------------------------------------------------

    def _show_panel(self) -> None:
        signin = self.signin
        if signin is not None:
            self.panel.who.setText(
                self.tr("Supervisor: {name} ({code})").format(name=signin.name, code=signin.clerk)
            )
        self._show_exit()
        if self.desk is None:
            return
        self._show_paper(self.desk.printer_state())
        number = self.desk.last_slip_number()
        self.panel.reprint.setEnabled(number is not None)
        if self.desk.ask_paper(self._paper_answered):  # a receipt printer: asked now
            self.panel.paper.setText(self.tr("Paper and printer: asking the printer…"))
        self.panel.reprint.setText(
            self.tr("Reprint the last slip ({number})").format(number=number)
            if number
            else self.tr("No slip to reprint yet")
        )
        self.panel.reprint.setAccessibleName(self.panel.reprint.text())

    def _paper_answered(self, state: PrinterState) -> None:
        if self.is_open:  # the panel may have closed meanwhile
            self._show_paper(state)

    def _show_paper(self, state: PrinterState) -> None:
        """The printer and its paper as the panel says them."""
        tz = self.hall.settings.tz
        where = state.description + (f" ({state.detail})" if state.fault and state.detail else "")
        self.panel.printer.setText(self.tr("Printer: {where}").format(where=where))
        when = f"{state.at.astimezone(tz):%H:%M}" if state.at else ""
        if state.fault is not None:
            what = word("printer_fault", state.fault, self.lang())
            text = self.tr("Paper and printer: {fault} ({at})").format(fault=what, at=when)
            text += "\n" + self.tr("Mend the printer, then reprint the last slip to check it.")
        elif state.paper == "low":
            text = self.tr("Paper and printer: on line, the paper is running out ({at})").format(
                at=when
            )
            text += "\n" + self.tr("Put in a new roll soon.")
        elif state.paper is not None:
            text = self.tr("Paper and printer: on line, paper in ({at})").format(at=when)
        elif state.at is not None:
            text = self.tr("Paper and printer: printing (last slip at {at})").format(at=when)
        else:
            text = self.tr("Paper and printer: no slip printed since the station started")
        self.panel.paper.setText(text)
        self.panel.paper.setProperty("role", "printer" if state.fault else "info")
        self.panel.paper.style().unpolish(self.panel.paper)
        self.panel.paper.style().polish(self.panel.paper)

    def _on_panel_reprint(self) -> None:
        if self.desk is None:
            return
        number = self.desk.last_slip_number()

        def done(fault: str | None) -> None:
            self.reprinted.emit(fault)
            if not self.is_open:
                return
            self._show_panel()
            self.panel.show_result(
                self.tr("Reprinted {number}, marked as a reprint.").format(number=number)
                if fault is None
                else self.tr("{number} was not reprinted: {fault}").format(
                    number=number, fault=word("printer_fault", fault, self.lang())
                )
            )

        if self.desk.reprint_last(done):
            log.info("maintenance: slip %s reprinted at %s", number, self.station)
            self.panel.show_result(self.tr("Reprinting {number}…").format(number=number))

    def _on_panel_exit(self) -> None:
        if self._confirm_left <= 0:  # a tap by mistake ends nothing
            self._confirm_left = CONFIRM_SECONDS
            self._show_exit()
            return
        self._leave(0)

    def _on_panel_restart(self) -> None:
        self._leave(EXIT_RESTART)

    def _leave(self, status: int) -> None:
        who = self.signin.clerk if self.signin else "?"
        log.info("maintenance: supervisor %s ends %s (exit status %d)", who, self.station, status)
        self.panel.exit.setEnabled(False)
        self.panel.restart.setEnabled(False)

        def leave() -> None:
            self.lockdown.leave(status)

        self._sign_out(leave)
        QTimer.singleShot(SIGN_OUT_WAIT_MS, self, leave)  # the database away: leave all the same


__all__ = [
    "CodePad",
    "HiddenCorner",
    "MaintenanceGate",
    "MaintenancePanel",
    "PrinterState",
    "SlipDesk",
]
