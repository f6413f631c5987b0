"""The counter console: a clerk signs in at a window and works the line from the keyboard.

F1 call next (顺呼), F2 recall (重呼), F3 evaluate (评价: finishes the ticket; the rating
itself comes with the reviews), F4 no-show (过号), F5 pause (暂停; any operation key
resumes), F9 start (开始办理), F10 finish (办结). Every operation goes to the core on the
database worker, never on the GUI thread; a refusal is the core's sentence in the status
line, never a dialog that would eat the next key. A call or recall is spoken through the
station's announcer when the hall has counters speak; the console never waits for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.hotkeys import GlobalKeys
from shared.announcer import Announcer
from shared.errors import HallError, YimenError
from shared.hall import Desk, Hall, TicketInfo
from shared.halls import HallSettings
from shared.qt.feed_bridge import FeedBridge
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.qt.widgets import clear, label
from shared.qt.words import ticket_marks
from shared.signin import SignedIn

log = logging.getLogger(__name__)

#: The console's type is sized as on a screen of this short side: a desk at 60 cm.
STAFF_SCALE_SIDE = 720
#: The ticket states in the clerk's words.
HOLD_KINDS = (
    ("fetch_materials", QT_TRANSLATE_NOOP("CounterWindow", "1  Citizen fetches materials")),
    ("materials_at_window", QT_TRANSLATE_NOOP("CounterWindow", "2  Materials stay here")),
    ("awaiting_step", QT_TRANSLATE_NOOP("CounterWindow", "3  Waits for another step")),
)
#: Refusals meaning this console's clerk is no longer signed in at its window.
SIGNED_OUT = ("window.not_signed_in", "window.signed_in_by_other")
STATE_WORDS = {
    "called": QT_TRANSLATE_NOOP("CounterWindow", "Called, waiting for the citizen"),
    "serving": QT_TRANSLATE_NOOP("CounterWindow", "Being served"),
}


class CounterWindow(QWidget):
    """One window's console. ``desk_shown`` fires after each refresh (tests, benchmarks);
    ``said`` with each sentence put in the status line."""

    desk_shown = Signal(object)  # Desk
    said = Signal(str)
    signed_in = Signal(object)  # SignedIn

    def __init__(
        self,
        hall: Hall,
        window_no: int,
        *,
        bridge: FeedBridge | None = None,
        announcer: Announcer | None = None,
        lang: str = "zh",
        global_keys: GlobalKeys | None = None,
    ) -> None:
        super().__init__()
        self.hall = hall
        self.window_no = window_no
        self.announcer = announcer
        self.lang = lang
        self.clerk: SignedIn | None = None
        self.desk: Desk | None = None
        self._settings = hall.settings  # then with each desk, read on the worker
        self.db = Worker("db", self)
        self._refresh_pending = False
        self.setObjectName("counter")
        self._build()
        self.setStyleSheet(stylesheet("staff", STAFF_SCALE_SIDE))
        self.retranslate()
        self._ticker = QTimer(self)  # minutes waited, counted on
        self._ticker.timeout.connect(self._show_minutes)
        self._ticker.start(15_000)
        QTimer.singleShot(0, self.code.setFocus)  # the clerk types the code at once
        self.global_keys = global_keys
        if global_keys is not None:
            global_keys.pressed.connect(self._global_key)
        if bridge is not None:
            bridge.event_received.connect(lambda _ev: self._refresh_soon())
            bridge.connection_restored.connect(self._refresh_soon)

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        # Sign-in.
        self.sign_in_page = QWidget()
        self.sign_in_title = label(role="title")
        self.code = QLineEdit()
        self.code.setAccessibleName("clerk code")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("password")
        self.sign_in_button = QPushButton()
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_message = label(role="refusal")
        self.code.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit_sign_in)
        self.sign_in_button.clicked.connect(self.submit_sign_in)
        self.code_label, self.password_label = label(), label()
        form = QGridLayout()
        form.addWidget(self.code_label, 0, 0)
        form.addWidget(self.code, 0, 1)
        form.addWidget(self.password_label, 1, 0)
        form.addWidget(self.password, 1, 1)
        box = QVBoxLayout(self.sign_in_page)
        box.setContentsMargins(24, 24, 24, 24)
        box.addWidget(self.sign_in_title)
        box.addLayout(form)
        box.addWidget(self.sign_in_button)
        box.addWidget(self.sign_in_message)
        box.addStretch(1)

        # The desk.
        self.desk_page = QWidget()
        self.who = label(role="who")
        self.served = label(role="hint")
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self.sign_out)
        head = QHBoxLayout()
        head.addWidget(self.who, 1)
        head.addWidget(self.served)
        head.addWidget(self.sign_out_button)
        self.number = label(role="number", wrap=False)
        self.service = label(role="title")
        self.state = label(role="state")
        self.marks = label(role="mark")
        self.minutes = label(role="hint")
        hand = QVBoxLayout()
        for w in (self.number, self.service, self.state, self.marks, self.minutes):
            hand.addWidget(w)
        # The service's materials, ticked off as the citizen hands them over (一次性告知).
        self.materials_title = label(role="heading")
        self.materials = QVBoxLayout()
        hand.addWidget(self.materials_title)
        hand.addLayout(self.materials)
        hand.addStretch(1)
        self._materials_for: str | None = None  # the ticket the checklist is for
        hand_frame = QFrame()
        hand_frame.setObjectName("inHand")
        hand_frame.setLayout(hand)
        self.waiting_title = label(role="heading")
        self.waiting = label()
        self.upcoming = label(role="hint")
        line_page = QWidget()
        line = QVBoxLayout(line_page)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.waiting_title)
        line.addWidget(self.waiting)
        line.addWidget(self.upcoming)
        line.addStretch(1)
        self.help_text = label(role="refusal")
        self.help_button = QPushButton()
        self.help_button.setProperty("role", "primary")
        self.help_button.clicked.connect(self.acknowledge_help)
        line.addWidget(self.help_text)
        line.addWidget(self.help_button)
        self.side = QStackedWidget()  # the line, or the panel of F6, F7 or F8 (never modal)
        self.line_page = line_page
        self.side.addWidget(line_page)
        self._build_panels()
        middle = QHBoxLayout()
        middle.addWidget(hand_frame, 3)
        middle.addWidget(self.side, 2)
        self.status = label(role="status")
        self.keys: dict[str, QPushButton] = {}
        keys = QGridLayout()
        for i, (name, key, run) in enumerate(self._operations()):
            b = QPushButton()
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the shortcuts
            b.clicked.connect(run)
            keys.addWidget(b, i // 5, i % 5)  # F1–F5 over F6–F10
            self.keys[name] = b
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(run)
        # The staffing rules' keys (Ctrl+…), under the F-keys: each opens its side panel.
        self.rule_keys = QHBoxLayout()
        box = QVBoxLayout(self.desk_page)
        box.setContentsMargins(16, 12, 16, 12)
        box.addLayout(head)
        box.addLayout(middle, 1)
        box.addWidget(self.status)
        box.addLayout(keys)
        box.addLayout(self.rule_keys)

        # The compact bar: the number in hand, who waits, the keys; kept on top of the
        # approval system the clerk works in.
        self.compact_page = QWidget()
        self.compact_number = label(role="compactNumber", wrap=False)
        self.compact_waiting = label(role="hint", wrap=False)
        self.compact_status = label(role="status")
        self.compact_keys: dict[str, QPushButton] = {}
        bar = QHBoxLayout(self.compact_page)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.compact_number)
        bar.addWidget(self.compact_waiting)
        bar.addWidget(self.compact_status, 1)
        for name, key, run in self._operations():
            b = QPushButton(QKeySequence(key).toString())
            b.setProperty("role", "compactKey")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(run)
            bar.addWidget(b)
            self.compact_keys[name] = b
        self.expand_button = QPushButton()
        self.expand_button.setProperty("role", "compactKey")
        self.expand_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.expand_button.clicked.connect(self.toggle_compact)
        bar.addWidget(self.expand_button)
        self.compact_button = QPushButton()
        self.compact_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.compact_button.clicked.connect(self.toggle_compact)
        head.insertWidget(2, self.compact_button)
        for combo, act in (("F12", self.toggle_compact), ("Ctrl+H", self.acknowledge_help)):
            shortcut = QShortcut(QKeySequence(combo), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(act)
        self._full_size = QSize(900, 620)

        self.stack.addWidget(self.sign_in_page)
        self.stack.addWidget(self.desk_page)
        self.stack.addWidget(self.compact_page)
        ignored = QSizePolicy.Policy.Ignored  # until F12: the bar does not widen the console
        self.compact_page.setSizePolicy(ignored, ignored)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _build_panels(self) -> None:
        # F6 transfer: to a service or a window, with a reason.
        self.transfer_page = QWidget()
        self.transfer_title = label(role="heading")
        self.transfer_to = QComboBox()
        self.transfer_to.setAccessibleName("transfer to")
        self.transfer_reason = QLineEdit()
        self.transfer_reason.setAccessibleName("reason")
        self.transfer_reason.returnPressed.connect(self.confirm_transfer)
        self.transfer_ok = QPushButton()
        self.transfer_ok.setProperty("role", "primary")
        self.transfer_ok.clicked.connect(self.confirm_transfer)
        box = QVBoxLayout(self.transfer_page)
        box.setContentsMargins(0, 0, 0, 0)
        self.transfer_reason_label = label(role="hint")
        for w in (
            self.transfer_title,
            self.transfer_to,
            self.transfer_reason_label,
            self.transfer_reason,
            self.transfer_ok,
        ):
            box.addWidget(w)
        box.addStretch(1)
        # F7 hold: one of the three kinds, by its number key.
        self.hold_page = QWidget()
        self.hold_title = label(role="heading")
        self.hold_reason = QLineEdit()
        self.hold_reason.setAccessibleName("reason")
        self.hold_buttons: dict[str, QPushButton] = {}
        box = QVBoxLayout(self.hold_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.hold_title)
        for i, (kind, _text) in enumerate(HOLD_KINDS, 1):
            b = QPushButton()
            b.setProperty("role", "option")
            b.clicked.connect(lambda _=False, k=kind: self.confirm_hold(k))
            box.addWidget(b)
            self.hold_buttons[kind] = b
            # The digit alone, or with Ctrl while typing a reason (the field takes digits).
            for keys in (str(i), f"Ctrl+{i}"):
                shortcut = QShortcut(QKeySequence(keys), self.hold_page)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda k=kind: self.confirm_hold(k))
        self.hold_reason_label = label(role="hint")
        box.addWidget(self.hold_reason_label)
        box.addWidget(self.hold_reason)
        # Tab from the first kind goes straight to the reason.
        QWidget.setTabOrder(self.hold_buttons[HOLD_KINDS[0][0]], self.hold_reason)
        box.addStretch(1)
        # F8 call back: today's held tickets.
        self.call_back_page = QWidget()
        self.call_back_title = label(role="heading")
        self.held_list = QListWidget()
        self.held_list.setAccessibleName("held tickets")
        self.held_list.itemActivated.connect(lambda _item: self.confirm_call_back())
        box = QVBoxLayout(self.call_back_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.call_back_title)
        box.addWidget(self.held_list, 1)
        for page in (self.transfer_page, self.hold_page, self.call_back_page):
            self.side.addWidget(page)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self.close_panel)

    def _operations(self) -> list[tuple[str, Qt.Key, Callable[[], None]]]:
        return [
            ("call", Qt.Key.Key_F1, self.call_next),
            ("recall", Qt.Key.Key_F2, self.recall),
            ("evaluate", Qt.Key.Key_F3, self.evaluate),
            ("no_show", Qt.Key.Key_F4, self.no_show),
            ("pause", Qt.Key.Key_F5, self.pause),
            ("transfer", Qt.Key.Key_F6, self.open_transfer),
            ("hold", Qt.Key.Key_F7, self.open_hold),
            ("call_back", Qt.Key.Key_F8, self.open_call_back),
            ("start", Qt.Key.Key_F9, self.start),
            ("finish", Qt.Key.Key_F10, self.finish),
        ]

    def _global_key(self, n: int) -> None:
        """F``n`` pressed while another program may be in front (``--global-keys``)."""
        keys = self.global_keys
        if keys is not None and self.isActiveWindow() and not keys.suppresses:
            return  # the console is in front: its own shortcut has acted
        name, _key, run = self._operations()[n - 1]
        if name in ("transfer", "hold", "call_back") and self.clerk is not None:
            self.raise_()  # a panel to choose in: the console comes forward
            self.activateWindow()
        run()

    def say_global_keys_unavailable(self, reason: str) -> None:
        self.say(
            self.tr(
                "Keys from other programs are not available on this PC ({reason}); the F-keys"
                " work while the console is in front."
            ).format(reason=reason)
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Window {n}").format(n=self.window_no))
        self.sign_in_title.setText(self.tr("Sign in at window {n}").format(n=self.window_no))
        self.code_label.setText(self.tr("Clerk code"))
        self.password_label.setText(self.tr("Password"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.waiting_title.setText(self.tr("Waiting for this window"))
        self.materials_title.setText(self.tr("Materials"))
        labels = {
            "call": self.tr("F1 Call next"),
            "recall": self.tr("F2 Recall"),
            "evaluate": self.tr("F3 Evaluate"),
            "no_show": self.tr("F4 No-show"),
            "pause": self.tr("F5 Pause"),
            "transfer": self.tr("F6 Transfer"),
            "hold": self.tr("F7 Hold"),
            "call_back": self.tr("F8 Call back"),
            "start": self.tr("F9 Start"),
            "finish": self.tr("F10 Finish"),
        }
        for name, text in labels.items():
            self.keys[name].setText(text)
            self.keys[name].setAccessibleName(text)
        self.transfer_title.setText(self.tr("F6 Transfer the ticket in hand to"))
        self.transfer_reason_label.setText(self.tr("Reason (Enter transfers, Esc cancels)"))
        self.transfer_ok.setText(self.tr("Transfer"))
        self.hold_title.setText(self.tr("F7 Hold the ticket in hand: press 1, 2 or 3"))
        self.hold_reason_label.setText(self.tr("Reason, if any: then Ctrl+1, 2 or 3 (Esc cancels)"))
        for hold_kind, words in HOLD_KINDS:
            self.hold_buttons[hold_kind].setText(self.tr(str(words)))
            self.hold_buttons[hold_kind].setAccessibleName(self.tr(str(words)))
        self.call_back_title.setText(self.tr("F8 Call back: choose a held ticket, Enter"))
        self.transfer_ok.setAccessibleName(self.transfer_ok.text())
        self.compact_button.setText(self.tr("F12 Compact bar"))
        self.expand_button.setText(self.tr("F12 Full"))
        for name, b in self.compact_keys.items():
            b.setAccessibleName(self.keys[name].text())
            b.setToolTip(self.keys[name].text())
        for b in (self.compact_button, self.expand_button):
            b.setAccessibleName(b.text())
        self.sign_in_button.setAccessibleName(self.sign_in_button.text())
        self.sign_out_button.setAccessibleName(self.sign_out_button.text())

    # -- signing in and out ------------------------------------------------------------

    def submit_sign_in(self) -> None:
        code, password = self.code.text().strip(), self.password.text()
        if not code or not password:
            self.sign_in_message.setText(self.tr("Please enter your clerk code and password."))
            return
        self.sign_in_button.setEnabled(False)

        def done(me: SignedIn) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self.sign_in_message.clear()
            self.clerk = me
            self.stack.setCurrentWidget(self.desk_page)
            self.signed_in.emit(me)
            if me.ticket_in_hand:
                self.say(self.tr("Ticket {n} is still in hand.").format(n=me.ticket_in_hand))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self.sign_in_message.setText(self._sentence(exc))

        self.db.submit(lambda: self.hall.sign_in(code, password, self.window_no), done, failed)

    def sign_out(self) -> None:
        if self.clerk is None:
            return
        code = self.clerk.clerk

        def done(_: None) -> None:
            self.clerk = None
            self.desk = None
            self.stack.setCurrentWidget(self.sign_in_page)
            self.code.setText(code)
            self.password.setFocus()

        self.db.submit(lambda: self.hall.sign_out(code, self.window_no), done, self._refused)

    # -- the operations ----------------------------------------------------------------

    def _run(self, op: Callable[[str], Any], spoken: bool = False) -> None:
        """One operation on the worker; the desk refreshed after it, its refusal said.
        An operation that answers None found nobody to call."""
        if self.clerk is None:
            return
        code = self.clerk.clerk

        def done(result: Any) -> None:
            if isinstance(result, TicketInfo) and spoken:
                self._announce(result)
            self.say("" if result is not None else self.tr("Nobody is waiting for this window."))
            self.refresh()

        self.db.submit(lambda: op(code), done, self._refused)

    def call_next(self) -> None:
        self._run(lambda c: self.hall.call_next(self.window_no, c), spoken=True)

    def recall(self) -> None:
        self._run(lambda c: self.hall.recall(self.window_no, c), spoken=True)

    def evaluate(self) -> None:
        """F3: the service is over. Until the citizen's rating comes (the reviews), it
        finishes the ticket, starting it first if it was only called."""
        self._run(lambda c: self.hall.end_service(self.window_no, c))

    def no_show(self) -> None:
        self._run(lambda c: self.hall.no_show(self.window_no, c))

    def pause(self) -> None:
        paused = self.desk is not None and self.desk.window.paused

        def run(code: str) -> object:
            if paused:
                return self.hall.resume(self.window_no, code)
            return self.hall.pause(self.window_no, code)

        self._run(run)

    def start(self) -> None:
        self._run(lambda c: self.hall.start(self.window_no, c))

    # -- compact bar, help requests -------------------------------------------------------

    @property
    def compact(self) -> bool:
        return self.stack.currentWidget() is self.compact_page

    def toggle_compact(self) -> None:
        """F12: the slim bar on top of every other window, or the full console."""
        if self.clerk is None:
            return
        compact = not self.compact
        if compact:
            self._full_size = self.size()
        self.stack.setCurrentWidget(self.compact_page if compact else self.desk_page)
        # The hidden pages must not hold the bar at their own height.
        for page in (self.sign_in_page, self.desk_page, self.compact_page):
            shown = (page is self.compact_page) == compact
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.updateGeometry()  # the window's minimum follows the page shown, now
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, compact)
        self.show()  # a window shows again after its flags change
        if compact:
            self.resize(self.compact_page.sizeHint().width(), self.compact_page.sizeHint().height())
        else:
            self.resize(self._full_size)

    def acknowledge_help(self) -> None:
        """The oldest open help request: this clerk goes (recorded with who and when)."""
        if self.clerk is None or self.desk is None or not self.desk.help:
            return
        request = self.desk.help[0]
        code = self.clerk.clerk

        def done(_: object) -> None:
            self.say(self.tr("Help at {kiosk} is yours.").format(kiosk=request.kiosk))
            self.refresh()

        self.db.submit(
            lambda: self.hall.acknowledge_help(request.request, code), done, self._refused
        )

    # -- the panels: transfer, hold, call back -------------------------------------------

    def close_panel(self) -> None:
        self.side.setCurrentWidget(self.line_page)

    def _need_ticket(self) -> bool:
        if self.desk is None or self.desk.ticket is None:
            self.say(self.tr("No ticket in hand."))
            return False
        return True

    def open_transfer(self) -> None:
        if self.clerk is None or not self._need_ticket():
            return
        self.transfer_to.clear()
        catalog = self._settings.catalog
        for sv in catalog.services:
            self.transfer_to.addItem(self.tr("Matter: {name}").format(name=sv.name), f"s:{sv.code}")
        for w in catalog.windows:
            if w.number != self.window_no:
                self.transfer_to.addItem(
                    self.tr("Window {n}").format(n=w.number) + f"  {w.name}", f"w:{w.number}"
                )
        self.transfer_reason.clear()
        self.side.setCurrentWidget(self.transfer_page)
        self.transfer_to.setFocus()

    def confirm_transfer(self) -> None:
        target = self.transfer_to.currentData()
        if not target:
            return
        kind, _, value = str(target).partition(":")  # s:SERVICE or w:WINDOW
        reason = self.transfer_reason.text().strip() or None
        self.close_panel()
        self._run(
            lambda c: self.hall.transfer(
                self.window_no,
                c,
                to_service=value if kind == "s" else None,
                to_window=int(value) if kind == "w" else None,
                reason=reason,
            )
        )

    def open_hold(self) -> None:
        if self.clerk is None or not self._need_ticket():
            return
        self.hold_reason.clear()
        self.side.setCurrentWidget(self.hold_page)
        self.hold_buttons[HOLD_KINDS[0][0]].setFocus()  # digits choose; Tab to the reason

    def confirm_hold(self, kind: str) -> None:
        if self.side.currentWidget() is not self.hold_page:
            return
        reason = self.hold_reason.text().strip() or None
        self.close_panel()
        self._run(lambda c: self.hall.hold(self.window_no, c, kind, reason))

    def open_call_back(self) -> None:
        if self.clerk is None:
            return
        self.held_list.clear()
        words = dict(HOLD_KINDS)
        for t in self.desk.held if self.desk is not None else ():
            kind = self.tr(str(words.get(t.hold_kind or "", ""))).lstrip("123 ")
            item = QListWidgetItem(f"{t.number}  {t.service_name}  · {kind}")
            item.setData(Qt.ItemDataRole.UserRole, t.number)
            self.held_list.addItem(item)
        if not self.held_list.count():
            self.say(self.tr("No held tickets to call back today."))
            return
        self.held_list.setCurrentRow(0)
        self.side.setCurrentWidget(self.call_back_page)
        self.held_list.setFocus()

    def confirm_call_back(self) -> None:
        item = self.held_list.currentItem()
        if item is None:
            return
        number = str(item.data(Qt.ItemDataRole.UserRole))
        self.close_panel()
        self._run(lambda c: self.hall.call_back(self.window_no, c, number), spoken=True)

    def finish(self) -> None:
        self._run(lambda c: self.hall.finish(self.window_no, c))

    def _announce(self, t: TicketInfo) -> None:
        if self.announcer is None or self._settings.voice.speaker != "counter":
            return
        try:
            self.announcer.announce(t.number, self.window_no)
        except Exception:  # the voice never stops the counter
            log.exception("announcing %s failed", t.number)

    # -- showing -----------------------------------------------------------------------

    def _refresh_soon(self) -> None:
        if self.clerk is None or self._refresh_pending:
            return
        self._refresh_pending = True
        QTimer.singleShot(150, self.refresh)

    def refresh(self) -> None:
        self._refresh_pending = False
        if self.clerk is None:
            return

        def read() -> tuple[Desk, HallSettings]:
            # The settings too, on the worker: the facade reads them again once a minute
            # old, and the GUI thread must never wait for the database.
            return self.hall.desk(self.window_no), self.hall.settings

        def got(answer: tuple[Desk, HallSettings]) -> None:
            desk, self._settings = answer
            self._show(desk)

        self.db.submit(read, got, self._refused)

    def _show(self, desk: Desk) -> None:
        me = self.clerk
        if me is not None and (not desk.signed_in or desk.window.clerk_code != me.clerk):
            # Signed in at another window or PC, or the day is over: sign in again here.
            self._signed_out_elsewhere(me.clerk)
            return
        self.desk = desk
        if me is not None:
            post = {"A": self.tr("A post"), "B": self.tr("B post")}.get(me.post or "", "")
            who = self.tr("Window {n} · {name}").format(n=self.window_no, name=me.name)
            paused = self.tr("Paused")
            self.who.setText(f"{who} {post}{' · ' + paused if desk.window.paused else ''}")
        self.served.setText(self.tr("Served today: {n}").format(n=desk.served_today))
        t = desk.ticket
        if t is None:
            self.number.setText("—")
            self.service.setText(self.tr("No ticket in hand: F1 calls the next"))
            self.state.setText("")
            self.marks.setText("")
        else:
            self.number.setText(t.number)
            self.service.setText(t.service_name)
            self.state.setText(self.tr(str(STATE_WORDS.get(t.state, t.state))))
            self.marks.setText(" ".join(self._marks(t)))
        self.marks.setVisible(bool(self.marks.text()))
        self._show_materials(t)
        self._show_minutes()
        lines = [f"{w.service_name}  {w.waiting}" for w in desk.waiting]
        self.waiting.setText("\n".join(lines) or self.tr("Nobody is waiting."))
        self.upcoming.setText(
            self.tr("Next: {numbers}").format(numbers="  ".join(desk.upcoming))
            if desk.upcoming
            else ""
        )
        waiting_total = sum(w.waiting for w in desk.waiting)
        self.compact_number.setText(t.number if t is not None else "—")
        self.compact_waiting.setText(self.tr("{n} waiting").format(n=waiting_total))
        self.compact_status.setText(self.status.text())
        if desk.help:
            asked = "、".join(
                f"{h.kiosk} {h.at.astimezone(self._settings.tz):%H:%M}" for h in desk.help
            )
            self.help_text.setText(self.tr("Help asked at: {list}").format(list=asked))
            self.help_button.setText(
                self.tr("Ctrl+H I'll go to {kiosk}").format(kiosk=desk.help[0].kiosk)
            )
            self.help_button.setAccessibleName(self.help_button.text())
        self.help_text.setVisible(bool(desk.help))
        self.help_button.setVisible(bool(desk.help))
        self.desk_shown.emit(desk)

    def _show_materials(self, t: TicketInfo | None) -> None:
        """A fresh checklist for each ticket; the ticks stay while it is in hand."""
        key = None if t is None else f"{t.number}/{t.service_code}"
        if key == self._materials_for:
            return
        self._materials_for = key
        clear(self.materials)
        names = () if t is None else self._settings.catalog.service(t.service_code).materials
        for name in names:
            box = QCheckBox(name)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click ticks; the keys stay F-keys
            self.materials.addWidget(box)
        self.materials_title.setVisible(bool(names))

    def _marks(self, t: TicketInfo) -> list[str]:
        marks = ticket_marks(t)
        if t.transfers:
            marks.append(self.tr("Transferred"))
        if t.hold_kind is not None:
            marks.append(self.tr("Back from hold"))
        if t.recalls:
            marks.append(self.tr("Recalled {n}×").format(n=t.recalls))
        return marks

    def _show_minutes(self) -> None:
        t = self.desk.ticket if self.desk is not None else None
        if t is None:
            self.minutes.setText("")
            return
        waited = (self.hall.now() - t.issued_at).total_seconds() / 60
        self.minutes.setText(self.tr("Waited {n} min").format(n=max(0, round(waited))))

    def say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.compact_status.setText(sentence)
        self.said.emit(sentence)

    def _sentence(self, exc: BaseException) -> str:
        if isinstance(exc, HallError | YimenError):
            return exc.message(self.lang)
        log.error("counter operation failed", exc_info=exc)
        return self.tr("That did not work; please try again or call the hall's IT.")

    def _refused(self, exc: BaseException) -> None:
        if self.clerk is not None and isinstance(exc, HallError) and exc.code in SIGNED_OUT:
            self._signed_out_elsewhere(self.clerk.clerk, self._sentence(exc))
            return
        self.say(self._sentence(exc))

    def _signed_out_elsewhere(self, code: str, sentence: str | None = None) -> None:
        """Back to the sign-in page, the clerk code filled in, with the reason."""
        if self.compact:
            self.toggle_compact()
        self.clerk = None
        self.desk = None
        self.close_panel()
        self.stack.setCurrentWidget(self.sign_in_page)
        self.code.setText(code)
        self.password.clear()
        self.password.setFocus()
        self.sign_in_message.setText(
            sentence
            or self.tr(
                "You are no longer signed in at this window (signed in elsewhere, or a new"
                " day). Please sign in again."
            )
        )
        self.said.emit(self.sign_in_message.text())

    def closeEvent(self, event: Any) -> None:
        self.db.close(wait=False)
        super().closeEvent(event)
