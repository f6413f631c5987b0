"""The counter console: a clerk signs in at a window and works the line from the keyboard.

F1 call next (顺呼), F2 recall (重呼), F3 evaluate (评价: finishes the ticket, and the
window's evaluator shows the citizen the five faces), F4 no-show (过号), F5 pause (暂停;
any operation key resumes), F9 start (开始办理), F10 finish (办结). Every operation goes
to the core on the database worker, never on the GUI thread; a refusal is the core's
sentence in the status line, never a dialog that would eat the next key. A call or recall
is spoken through the station's announcer when the hall has counters speak; the console
never waits for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter.cases_panel import CasesPanel
from counter.hotkeys import GlobalKeys
from counter.materials import Checklist, ScrollColumn
from counter.noon_panel import NoonPanel
from counter.notice_panel import NoticePanel
from counter.overtime_panel import OvertimePanel, closing_words
from counter.post_panel import PostPanel, StepInForm, reason_words
from shared.base.errors import HallError, YimenError
from shared.config.halls import HallSettings
from shared.devices.announcer import Announcer
from shared.devices.printing import PdfFolderPrinter, Printer, default_notice_folder
from shared.hall import Desk, Hall, TicketInfo
from shared.qt.feed_bridge import FeedBridge
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.qt.widgets import label
from shared.qt.words import ticket_marks
from shared.rules.posts import Handed
from shared.rules.signin import SignedIn

log = logging.getLogger(__name__)

#: The console's type is sized as on a screen of this short side: a desk at 60 cm.
STAFF_SCALE_SIDE = 720
#: The kinds of hold (F7), by their number key.
HOLD_KINDS = (
    ("fetch_materials", QT_TRANSLATE_NOOP("CounterWindow", "1  Citizen fetches materials")),
    ("materials_at_window", QT_TRANSLATE_NOOP("CounterWindow", "2  Materials stay here")),
    ("awaiting_step", QT_TRANSLATE_NOOP("CounterWindow", "3  Waits for another step")),
)
#: Refusals meaning this console's clerk is no longer signed in at its window.
SIGNED_OUT = ("window.not_signed_in", "window.signed_in_by_other")
#: The state in a word, on the desk and in the compact bar.
STATE_WORD = {
    "called": QT_TRANSLATE_NOOP("CounterWindow", "Called"),
    "serving": QT_TRANSLATE_NOOP("CounterWindow", "In service"),
    "free": QT_TRANSLATE_NOOP("CounterWindow", "Free"),
    "paused": QT_TRANSLATE_NOOP("CounterWindow", "Paused"),
}
#: The console's size as it opens: a 1366×768 desk screen less its taskbar, the window's
#: title and borders (or the screen's free area when smaller). Its parts never ask for
#: more than SMALLEST, whatever the ticket in hand, the line or the open panel.
DESK_SIZE = QSize(1340, 680)
SMALLEST = QSize(900, 620)
#: What the window manager adds around the console: the title bar and the borders.
FRAME = QSize(16, 40)


class SidePages(QStackedWidget):
    """The side's pages. The scroll area around them gives the page showing the whole
    height of the side, or its minimum when that is more (then it scrolls): never the
    height its wrapped words would like, nor another page's."""

    def hasHeightForWidth(self) -> bool:
        return False


def set_tone(line: QLabel, alert: bool) -> None:
    """A status line's style: information plain (``tone`` info), a refusal or a fault in
    the alert colour (``tone`` alert)."""
    tone = "alert" if alert else "info"
    if line.property("tone") != tone:
        line.setProperty("tone", tone)
        line.style().unpolish(line)
        line.style().polish(line)


def key_states(desk: Desk | None, max_recalls: int) -> tuple[frozenset[str], str | None]:
    """The F-keys that apply to the window as ``desk`` shows it (the others are greyed:
    the core would refuse them), and the key the clerk presses next.

    Nothing in hand: call (the next citizen), pause or resume, call back a held ticket.
    Called: start (the citizen has come), recall, no-show, evaluate, transfer, hold.
    Being served: evaluate (finish and ask for the rating, 一次一评), finish, transfer, hold.
    """
    if desk is None:
        return frozenset(), None
    t = desk.ticket
    if t is None:
        free = {"call", "pause"} | ({"call_back"} if desk.held else set())
        return frozenset(free), "pause" if desk.window.paused else "call"
    if t.state == "called":
        called = {"start", "recall", "no_show", "evaluate", "transfer", "hold"}
        if t.recalls >= max_recalls:
            called.discard("recall")
        return frozenset(called), "start"
    return frozenset({"evaluate", "finish", "transfer", "hold"}), "evaluate"


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
        printer: Printer | None = None,
    ) -> None:
        super().__init__()
        self.hall = hall
        self.window_no = window_no
        # Where the one-time notices print (Ctrl+N): by default PDFs in a folder.
        self.printer = printer or PdfFolderPrinter(default_notice_folder())
        self.announcer = announcer
        self.lang = lang
        self.clerk: SignedIn | None = None
        self.desk: Desk | None = None
        self.settings = hall.settings  # then with each desk, read on the worker
        self.db = Worker("db", self)
        self._refresh_pending = False
        self.setObjectName("counter")
        self._build()
        self.setStyleSheet(stylesheet("staff", STAFF_SCALE_SIDE))
        for line in (self.status, self.compact_status):  # a line kept for what is said
            line.ensurePolished()
            line.setMinimumHeight(line.fontMetrics().height())
        self.retranslate()
        self._show_keys()  # nothing applies until the desk is read
        self._ticker = QTimer(self)  # minutes waited, counted on
        self._ticker.timeout.connect(self._show_minutes)
        self._ticker.start(15_000)
        QTimer.singleShot(0, self.code.setFocus)  # the clerk types the code at once
        self.global_keys = global_keys
        if global_keys is not None:
            global_keys.pressed.connect(self._global_key)
        if bridge is not None:
            bridge.event_received.connect(lambda _ev: self._refresh_soon())
            bridge.event_received.connect(self.cases_panel.on_event)  # Ctrl+R's list
            bridge.connection_restored.connect(self._refresh_soon)
            bridge.connection_lost.connect(lambda _detail: self.banner.show())
            bridge.connection_restored.connect(self.banner.hide)

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
        self.sign_in_message = label(role="status")  # a refusal, but after a hand-over
        # B steps in for an A who left without handing over (AB岗).
        self.step_in_box = QCheckBox()
        self.step_in_box.setAccessibleName("step in as B")
        self.step_in_form = StepInForm()
        self.step_in_form.setVisible(False)
        self.step_in_box.toggled.connect(self.step_in_form.setVisible)
        self.code.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit_sign_in)
        self.sign_in_button.clicked.connect(self.submit_sign_in)
        self.code_label, self.password_label = label(), label()
        form = QGridLayout()
        form.addWidget(self.code_label, 0, 0)
        form.addWidget(self.code, 0, 1)
        form.addWidget(self.password_label, 1, 0)
        form.addWidget(self.password, 1, 1)
        column = QWidget()  # the form as wide as a form, in the middle of the screen
        column.setMaximumWidth(720)
        around = QHBoxLayout(self.sign_in_page)
        around.setContentsMargins(24, 24, 24, 24)
        around.addStretch(1)
        around.addWidget(column, 100)
        around.addStretch(1)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.sign_in_title)
        box.addLayout(form)
        box.addWidget(self.step_in_box)
        box.addWidget(self.step_in_form)
        box.addWidget(self.sign_in_button)
        box.addWidget(self.sign_in_message)
        box.addStretch(1)

        # The desk: a layout of fixed parts for a 1366×768 screen (the console never grows
        # with what it shows): the ticket in hand and its materials on the left, the line
        # or the open panel on the right, both scrolling inside their place; the status
        # line and the keys under them, always on the screen.
        self.desk_page = QWidget()
        self.who = label(role="who")
        self.served = label(role="hint", wrap=False)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setProperty("role", "ruleKey")
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
        about = QVBoxLayout()  # beside the number: what it is, where it stands
        about.setSpacing(2)
        for w in (self.service, self.state, self.marks, self.minutes):
            about.addWidget(w)
        about.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(about, 1)
        # The service's materials, ticked off as the citizen hands them over (一次性告知).
        self.materials_title = label(role="heading")
        self.checklist = Checklist()
        self.materials_title.setVisible(False)  # nothing in hand yet
        self.checklist.setVisible(False)
        hand = QVBoxLayout()
        hand.addLayout(top)
        hand.addWidget(self.materials_title)
        hand.addWidget(self.checklist, 1)
        self._materials_for: str | None = None  # the ticket the checklist is for
        hand_frame = QFrame()
        hand_frame.setObjectName("inHand")
        hand_frame.setLayout(hand)
        self.waiting_title = label(role="heading")
        self.waiting = label()
        self.upcoming = label(role="hint")
        self.help_text = label(role="refusal")
        self.help_button = QPushButton()
        self.help_button.setProperty("role", "primary")
        self.help_button.clicked.connect(self.acknowledge_help)
        line_page = QWidget()
        line = QVBoxLayout(line_page)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.help_text)  # a citizen at a kiosk first: never scrolled away
        line.addWidget(self.help_button)
        line.addWidget(self.waiting_title)
        line.addWidget(self.waiting)
        line.addWidget(self.upcoming)
        line.addStretch(1)
        # The line, or the panel of F6, F7 or F8 (never modal).
        self.side: QStackedWidget = SidePages()
        self.line_page = line_page
        self.side.addWidget(line_page)
        self.side.currentChanged.connect(self._on_side_changed)
        # The side scrolls when a panel is taller than its place: it never pushes the keys
        # off the screen, and no field is squeezed under another.
        self.side_scroll = ScrollColumn()
        self.side_scroll.setObjectName("side")
        holder = QWidget()
        held = QVBoxLayout(holder)
        held.setContentsMargins(0, 0, 0, 0)
        held.addWidget(self.side)
        self.side_scroll.setWidget(holder)
        # The staffing rules' keys (Ctrl+…), under the F-keys: each opens its side panel.
        self.rule_keys = QHBoxLayout()
        self._build_panels()
        middle = self.middle = QHBoxLayout()  # the desk 3 : the side 2 (a wide panel: 1 : 1)
        middle.addWidget(hand_frame, 3)
        middle.addWidget(self.side_scroll, 2)
        self.status = label(role="status")
        self.keys: dict[str, QPushButton] = {}
        keys = QGridLayout()
        for i, (name, key, run) in enumerate(self._operations()):
            b = QPushButton()
            b.setProperty("role", "fkey")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the shortcuts
            b.clicked.connect(run)
            keys.addWidget(b, i // 5, i % 5)  # F1–F5 over F6–F10
            self.keys[name] = b
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(run)
        box = QVBoxLayout(self.desk_page)
        box.setContentsMargins(16, 8, 16, 8)
        box.setSpacing(6)
        box.addLayout(head)
        self.post_state = label(role="hint")  # AB岗: A away, who covers
        self.post_state.setVisible(False)
        box.addWidget(self.post_state)
        box.addWidget(self.closed_note)  # after closing time: extended hours
        box.addLayout(middle, 1)
        box.addWidget(self.status)
        box.addLayout(keys)
        box.addLayout(self.rule_keys)

        # The compact bar: the number in hand, who waits, the keys; kept on top of the
        # approval system the clerk works in.
        self.compact_page = QWidget()
        self.compact_number = label(role="compactNumber", wrap=False)
        self.compact_state = label(role="compactState", wrap=False)  # 办理中, 空闲 …
        self.compact_waiting = label(role="hint", wrap=False)
        self.compact_status = label(role="status")
        self.compact_keys: dict[str, QPushButton] = {}
        bar = QHBoxLayout(self.compact_page)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.compact_number)
        bar.addWidget(self.compact_state)
        bar.addWidget(self.compact_waiting)
        bar.addWidget(self.compact_status, 1)
        for name, _key, run in self._operations():
            b = QPushButton()  # the key over its name, as on the full desk
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
        for b in (*self.compact_keys.values(), self.expand_button):  # all as tall as two lines
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.compact_button = QPushButton()
        self.compact_button.setProperty("role", "ruleKey")
        self.compact_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.compact_button.clicked.connect(self.toggle_compact)
        head.insertWidget(2, self.compact_button)
        for combo, act in (("F12", self.toggle_compact), ("Ctrl+H", self.acknowledge_help)):
            shortcut = QShortcut(QKeySequence(combo), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(act)
        self._full_size = DESK_SIZE

        self.stack.addWidget(self.sign_in_page)
        self.stack.addWidget(self.desk_page)
        self.stack.addWidget(self.compact_page)
        ignored = QSizePolicy.Policy.Ignored  # until F12: the bar does not widen the console
        self.compact_page.setSizePolicy(ignored, ignored)
        # The server away: said at once, above whatever page is showing, until it is back.
        self.banner = label(role="banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(self.stack)
        self._on_side_changed()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

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
        # Ctrl+B: the AB post's hand-over and hand-back.
        self.post_panel = PostPanel()
        self.post_panel.hand_over.connect(self.confirm_hand_over)
        self.post_panel.hand_back.connect(self.confirm_hand_back)
        for page in (self.transfer_page, self.hold_page, self.call_back_page, self.post_panel):
            self.side.addWidget(page)
        self.post_key = self._rule_key("Ctrl+B", self.open_post)
        self._build_overtime()  # Ctrl+E: extended hours (延时服务)
        self.noon_panel = NoonPanel()  # noon duty: the last window says why it stops
        self.noon_panel.confirmed.connect(lambda _reason: self.close_panel())
        self.side.addWidget(self.noon_panel)
        # Ctrl+N: the one-time notice (一次性告知)
        self.notice_panel: NoticePanel = NoticePanel(self)
        self.side.addWidget(self.notice_panel)
        self.notice_key = self._rule_key("Ctrl+N", self.notice_panel.open)
        self.cases_panel: CasesPanel = CasesPanel(self)  # Ctrl+R: bad-review cases (差评整改)
        self.side.addWidget(self.cases_panel)
        self.cases_key = self._rule_key("Ctrl+R", self.cases_panel.open)
        self.cases_key.setVisible(False)  # a supervisor's key: shown when one signs in
        self.signed_in.connect(self.cases_panel.clerk_changed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self.close_panel)

    def _on_side_changed(self, _index: int = 0) -> None:
        """Only the page showing counts for the side's size (a tall panel closed leaves
        no scroll bar behind); a panel opens at its top."""
        shown = self.side.currentWidget()
        for page in (self.side.widget(i) for i in range(self.side.count())):
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.side.updateGeometry()
        scroll = getattr(self, "side_scroll", None)
        if scroll is not None:
            scroll.verticalScrollBar().setValue(0)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field of a panel taking the focus scrolls into view."""
        if now is not None and self.side_scroll.isAncestorOf(now):
            self.side_scroll.ensureWidgetVisible(now)

    def _rule_key(self, keys: str, run: Callable[[], None]) -> QPushButton:
        """A staffing rule's key in the row under the F-keys, and its Ctrl+ shortcut; the
        row is lower than the F-keys, so the console still fits a 768-line screen."""
        button = QPushButton()
        button.setProperty("role", "ruleKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(run)
        self.rule_keys.addWidget(button)
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(run)
        return button

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
            ).format(reason=reason),
            alert=True,
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Window {n}").format(n=self.window_no))
        self.sign_in_title.setText(self.tr("Sign in at window {n}").format(n=self.window_no))
        self.code_label.setText(self.tr("Clerk code"))
        self.password_label.setText(self.tr("Password"))
        self.code.setAccessibleName(self.code_label.text())
        self.password.setAccessibleName(self.password_label.text())
        self.sign_in_button.setText(self.tr("Sign in"))
        self.banner.setText(
            self.tr(
                "Connection to the hall's server lost, reconnecting… Calls and other "
                "actions cannot be saved until it is back."
            )
        )
        self.step_in_box.setText(self.tr("Step in as B post (A post not handed over)"))
        self.step_in_box.setAccessibleName(self.step_in_box.text())
        self.step_in_form.retranslate()
        self.post_panel.retranslate()
        self.post_key.setText(self.tr("Ctrl+B AB post"))
        self.post_key.setAccessibleName(self.post_key.text())
        self.overtime_key.setText(self.tr("Ctrl+E Extended hours"))
        self.overtime_key.setAccessibleName(self.overtime_key.text())
        self.notice_key.setText(self.tr("Ctrl+N One-time notice"))
        self.notice_key.setAccessibleName(self.notice_key.text())
        self.cases_key.setText(self.tr("Ctrl+R Bad-review cases"))
        self.cases_key.setAccessibleName(self.cases_key.text())
        self.sign_out_button.setText(self.tr("Sign out"))
        self.waiting_title.setText(self.tr("Waiting for this window"))
        self.materials_title.setText(self.tr("Materials"))
        for name, b in self.keys.items():
            text = self._key_words(name)
            b.setText(text)
            b.setAccessibleName(text)
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
        self.expand_button.setText(self.tr("F12 Full").replace(" ", "\n", 1))
        for name, b in self.compact_keys.items():
            text = self._key_words(name)
            b.setText(text.replace(" ", "\n", 1))  # F1 over 顺呼
            b.setAccessibleName(text)
            b.setToolTip(text)
        for b in (self.compact_button, self.expand_button):
            b.setAccessibleName(b.text().replace("\n", " "))
        self.sign_in_button.setAccessibleName(self.sign_in_button.text())
        self.sign_out_button.setAccessibleName(self.sign_out_button.text())

    def _key_words(self, name: str) -> str:
        """The key and what it does (F5 says Resume while the window is paused)."""
        paused = self.desk is not None and self.desk.window.paused
        return {
            "call": self.tr("F1 Call next"),
            "recall": self.tr("F2 Recall"),
            "evaluate": self.tr("F3 Evaluate"),
            "no_show": self.tr("F4 No-show"),
            "pause": self.tr("F5 Resume") if paused else self.tr("F5 Pause"),
            "transfer": self.tr("F6 Transfer"),
            "hold": self.tr("F7 Hold"),
            "call_back": self.tr("F8 Call back"),
            "start": self.tr("F9 Start"),
            "finish": self.tr("F10 Finish"),
        }[name]

    def _show_keys(self) -> None:
        """Grey the keys that do not apply now; mark the one pressed next (its ``next``
        property, which the staff theme shows in the brand colour). The shortcuts still
        act on a greyed key: the core then says why it does not apply."""
        on, expected = key_states(self.desk, self.settings.rules.max_recalls)
        for name in self.keys:
            words = self._key_words(name)
            for b, text in (
                (self.keys[name], words),
                (self.compact_keys[name], words.replace(" ", "\n", 1)),
            ):
                b.setText(text)
                b.setAccessibleName(words)
                b.setEnabled(name in on)
                nxt = name == expected
                if b.property("next") != nxt:
                    b.setProperty("next", nxt)
                    b.style().unpolish(b)
                    b.style().polish(b)
                b.setAccessibleDescription(self.tr("the key to press next") if nxt else "")

    # -- signing in and out ------------------------------------------------------------

    def submit_sign_in(self) -> None:
        code, password = self.code.text().strip(), self.password.text()
        if not code or not password:
            self.sign_in_message.setText(self.tr("Please enter your clerk code and password."))
            set_tone(self.sign_in_message, True)
            return
        self.sign_in_button.setEnabled(False)
        if self.step_in_box.isChecked():
            self._step_in(code, password)
            return

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
            self.sign_in_message.setText(self.sentence(exc))
            set_tone(self.sign_in_message, True)

        self.db.submit(lambda: self.hall.sign_in(code, password, self.window_no), done, failed)

    def _step_in(self, code: str, password: str) -> None:
        reason = str(self.step_in_form.reason.currentData())
        note = self.step_in_form.note.text().strip() or None

        def done(moved: Handed) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self.sign_in_message.clear()
            self.step_in_box.setChecked(False)
            self.step_in_form.note.clear()
            self._become(code, "B", moved.ticket)
            self.say(
                self.tr("You stepped in for the A post at window {n}.").format(n=self.window_no)
            )

        def failed(exc: BaseException) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self.sign_in_message.setText(self.sentence(exc))
            set_tone(self.sign_in_message, True)

        self.db.submit(
            lambda: self.hall.step_in(self.window_no, code, password, reason, note=note),
            done,
            failed,
        )

    def _become(self, code: str, post: str | None, ticket: str | None) -> None:
        """The console is now the session of ``code`` (a hand-over, step-in or hand-back
        signed them in at this window)."""
        entry = self.settings.catalog.clerk(code)
        self.clerk = SignedIn(
            clerk=code,
            name=entry.name,
            role=entry.role,
            window=self.window_no,
            post=post,
            at=self.hall.now(),
            ticket_in_hand=ticket,
        )
        self.close_panel()
        self.stack.setCurrentWidget(self.desk_page)
        self.signed_in.emit(self.clerk)
        self.refresh()

    # -- AB posts (Ctrl+B) ---------------------------------------------------------------

    def open_post(self) -> None:
        if self.clerk is None or self.desk is None:
            return
        post = self.desk.post
        if post is None:
            self.say(self.tr("Window {n} has no AB post.").format(n=self.window_no), alert=True)
            return
        me = self.clerk.clerk
        if post.away and post.covered_by == me:
            self.post_panel.open_hand_back(post, self.settings.tz)
        elif post.a_code == me and not post.away:
            self.post_panel.open_hand_over(post, self.settings.local(self.hall.now()))
        else:
            self.say(
                self.tr("Only the A post hands this window over: {name} ({code}).").format(
                    name=post.a_name, code=post.a_code
                ),
                alert=True,
            )
            return
        self.side.setCurrentWidget(self.post_panel)

    def confirm_hand_over(
        self, reason: str, back: object, note: str, b_password: str | None
    ) -> None:
        if self.clerk is None or self.desk is None or self.desk.post is None:
            return
        code, post = self.clerk.clerk, self.desk.post
        tz = self.settings.tz
        expected = back.replace(tzinfo=tz) if isinstance(back, datetime) else None

        def done(moved: Handed) -> None:
            if moved.to_clerk is not None:
                self._become(moved.to_clerk, "B", moved.ticket)
                sentence = self.tr("Window {n} is now {name}'s (B post).").format(
                    n=self.window_no, name=post.b_name
                )
                if moved.ticket:
                    sentence += " " + self.tr("{number} moved with the window.").format(
                        number=moved.ticket
                    )
                self.say(sentence)
                return
            self._signed_out_elsewhere(
                post.b_code,
                self.tr(
                    "{name} has left ({reason}). B post {b}: please sign in to take over."
                ).format(name=post.a_name, reason=reason_words(reason), b=post.b_name),
                alert=False,
            )

        self.db.submit(
            lambda: self.hall.hand_over(
                self.window_no,
                code,
                reason,
                expected_return=expected,
                note=note or None,
                b_password=b_password,
            ),
            done,
            self.refused,
        )

    def confirm_hand_back(self, report: str, a_password: str) -> None:
        if self.clerk is None or self.desk is None or self.desk.post is None:
            return
        code, post = self.clerk.clerk, self.desk.post

        def done(moved: Handed) -> None:
            self._become(post.a_code, "A", moved.ticket)
            served = "、".join(moved.served) or self.tr("none")
            self.say(
                self.tr("Window {n} is back with {name}. Finished meanwhile: {served}.").format(
                    n=self.window_no, name=post.a_name, served=served
                )
            )

        self.db.submit(
            lambda: self.hall.hand_back(self.window_no, code, a_password, report=report or None),
            done,
            self.refused,
        )

    def sign_out(self) -> None:
        if self.clerk is None:
            return
        code = self.clerk.clerk

        def done(_: None) -> None:
            self.clerk = None
            self.desk = None
            self._show_keys()  # nothing applies until the desk is read
            self.stack.setCurrentWidget(self.sign_in_page)
            self.code.setText(code)
            self.password.setFocus()

        def leave(noon_reason: str | None = None) -> None:
            self.db.submit(
                lambda: self.hall.sign_out(code, self.window_no, noon_reason=noon_reason),
                done,
                self._noon_refused(leave),
            )

        leave()

    # -- the operations ----------------------------------------------------------------

    def _run(
        self,
        op: Callable[[str], Any],
        spoken: bool = False,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """One operation on the worker; the desk refreshed after it, its refusal said
        (or given to ``failed``). An operation that answers None found nobody to call."""
        if self.clerk is None:
            return
        code = self.clerk.clerk

        def done(result: Any) -> None:
            if isinstance(result, TicketInfo) and spoken:
                self._announce(result)
            self.say("" if result is not None else self.tr("Nobody is waiting for this window."))
            self.refresh()

        self.db.submit(lambda: op(code), done, failed or self.refused)

    def call_next(self) -> None:
        self._run(lambda c: self.hall.call_next(self.window_no, c), spoken=True)

    def recall(self) -> None:
        self._run(lambda c: self.hall.recall(self.window_no, c), spoken=True)

    def evaluate(self) -> None:
        """F3: the service is over and the citizen is asked to rate it: the ticket is
        finished (started first if it was only called) and the window's evaluator
        (``yimen evaluator``) shows the five faces."""
        self._run(lambda c: self.hall.ask_review(self.window_no, c))

    def no_show(self) -> None:
        self._run(lambda c: self.hall.no_show(self.window_no, c))

    def pause(self) -> None:
        paused = self.desk is not None and self.desk.window.paused

        def run(code: str) -> object:
            if paused:
                return self.hall.resume(self.window_no, code)
            return self.hall.pause(self.window_no, code)

        def pause_saying_why(reason: str) -> None:
            self._run(
                lambda c: self.hall.pause(self.window_no, c, noon_reason=reason),
                failed=self._noon_refused(pause_saying_why),
            )

        self._run(run, failed=self._noon_refused(pause_saying_why))

    def _noon_refused(self, retry: Callable[[str], None]) -> Callable[[BaseException], None]:
        """A refusal handler: the last window serving a zone at noon is asked why in the
        noon panel (confirming runs ``retry`` with the reason); other refusals are said."""

        def failed(exc: BaseException) -> None:
            if not (isinstance(exc, HallError) and exc.code == "noon.last_window"):
                self.refused(exc)
                return
            if self.compact:
                self.toggle_compact()
            self.say("")  # the sentence is in the panel
            self.noon_panel.ask(self.sentence(exc), retry)
            self.side.setCurrentWidget(self.noon_panel)
            self.noon_panel.reason.setFocus()

        return failed

    def start(self) -> None:
        self._run(lambda c: self.hall.start(self.window_no, c))

    # -- the console's size, compact bar, help requests ------------------------------------

    def fit_to_screen(self) -> None:
        """The opening size: DESK_SIZE, or the free area of a smaller screen (never under
        SMALLEST, which every part of the console fits)."""
        screen = self.screen()
        free = screen.availableGeometry().size() - FRAME if screen is not None else DESK_SIZE
        self.resize(DESK_SIZE.boundedTo(free).expandedTo(SMALLEST))

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
            self.resize(self.compact_page.sizeHint())
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
            lambda: self.hall.acknowledge_help(request.request, code), done, self.refused
        )

    # -- extended hours (Ctrl+E, 延时服务) ------------------------------------------------

    def _build_overtime(self) -> None:
        self.overtime_panel = OvertimePanel()
        self.overtime_panel.mark.connect(self.confirm_mark_extended)
        self.overtime_panel.decline.connect(self.confirm_decline_extended)
        self.side.addWidget(self.overtime_panel)
        self.overtime_key = self._rule_key("Ctrl+E", self.open_overtime)
        self.closed_note = label(role="mark")  # the hall has closed: extended hours
        self.closed_note.setVisible(False)

    def _closing_hhmm(self) -> str | None:
        """Today's closing time (HH:MM) once it has passed, else None."""
        closing = self.desk.closing if self.desk is not None else None
        if closing is None or self.hall.now() <= closing:
            return None
        return f"{closing.astimezone(self.settings.tz):%H:%M}"

    def _show_closing(self) -> None:
        closed_at = self._closing_hhmm()
        if closed_at is not None and self.desk is not None:
            t = self.desk.ticket
            self.closed_note.setText(closing_words(closed_at, t.number if t else None))
        self.closed_note.setVisible(closed_at is not None)

    def open_overtime(self) -> None:
        """Ctrl+E: after closing, why the ticket in hand is served on, or a citizen's
        request declined; before closing, when extended hours start."""
        if self.clerk is None or self.desk is None:
            return
        closing = self.desk.closing
        if closing is None:
            self.say(self.tr("The hall does not open today: there are no extended hours."))
            return
        closed_at = self._closing_hhmm()
        if closed_at is None:
            starts = f"{closing.astimezone(self.settings.tz):%H:%M}"
            sentence = self.tr("Extended hours start at {time}, when the hall closes.")
            self.say(sentence.format(time=starts))
            return
        t = self.desk.ticket
        self.overtime_panel.open(closed_at, t.number if t else None)
        self.side.setCurrentWidget(self.overtime_panel)

    def _overtime_op(self, op: Callable[[str], object], sentence: str) -> None:
        """Send what the panel collected; on success the panel closes, on a refusal it
        stays open with the core's sentence in the status line."""
        if self.clerk is None:
            return
        code = self.clerk.clerk

        def done(_: object) -> None:
            self.close_panel()
            self.say(sentence)
            self.refresh()

        self.db.submit(lambda: op(code), done, self.refused)

    def confirm_mark_extended(self, trigger: str, note: str) -> None:
        self._overtime_op(
            lambda c: self.hall.mark_extended(self.window_no, c, trigger, note or None),
            self.tr("Recorded: why this service runs past closing."),
        )

    def confirm_decline_extended(self, number: str, reason: str) -> None:
        self._overtime_op(
            lambda c: self.hall.decline_extended(self.window_no, c, reason, number or None),
            self.tr("Declined; the reason was sent to a supervisor for approval."),
        )

    # -- the panels: transfer, hold, call back -------------------------------------------

    def close_panel(self) -> None:
        self.side.setCurrentWidget(self.line_page)

    def _need_ticket(self) -> bool:
        if self.desk is None or self.desk.ticket is None:
            self.say(self.tr("Free: no ticket in hand to transfer or hold."), alert=True)
            return False
        return True

    def open_transfer(self) -> None:
        if self.clerk is None or not self._need_ticket():
            return
        self.transfer_to.clear()
        catalog = self.settings.catalog
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
        if self.announcer is None or self.settings.voice.speaker != "counter":
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
            desk, self.settings = answer
            self._show(desk)

        self.db.submit(read, got, self.refused)

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
        self._show_post(desk)
        t = desk.ticket
        if t is None:  # 当前空闲 (or paused), and the key that changes it
            self.number.setText("")
            stopped = desk.window.paused
            self.service.setText(self.tr("Paused") if stopped else self.tr("Free", "the desk"))
            self.state.setText(
                self.tr("F5 resumes calling") if stopped else self.tr("F1 calls the next")
            )
            self.marks.setText("")
        else:
            self.number.setText(t.number)
            self.service.setText(t.service_name)
            self.state.setText(self.tr(str(STATE_WORD.get(t.state, t.state))))
            self.marks.setText(" ".join(self._marks(t)))
        self.number.setVisible(t is not None)
        self.marks.setVisible(bool(self.marks.text()))
        self._show_materials(t)
        self._show_minutes()
        # Who waits: the services with someone waiting, and how many in all.
        waiting = [w for w in desk.waiting if w.waiting > 0]
        total = sum(w.waiting for w in waiting)
        self.waiting_title.setText(self.tr("Waiting for this window: {n}").format(n=total))
        self.waiting.setText("\n".join(f"{w.service_name}  {w.waiting}" for w in waiting))
        self.waiting.setVisible(bool(waiting))  # none: the heading's 0 says it
        self.upcoming.setText(
            self.tr("Next: {numbers}").format(numbers="  ".join(desk.upcoming))
            if desk.upcoming
            else ""
        )
        self.upcoming.setVisible(bool(desk.upcoming))
        self.compact_number.setText(t.number if t is not None else "—")
        word = t.state if t is not None else "paused" if desk.window.paused else "free"
        self.compact_state.setText(self.tr(str(STATE_WORD.get(word, word))))
        self.compact_waiting.setText(self.tr("{n} waiting").format(n=total))
        self._show_keys()
        if desk.help:
            asked = "、".join(
                f"{h.kiosk} {h.at.astimezone(self.settings.tz):%H:%M}" for h in desk.help
            )
            self.help_text.setText(self.tr("Help asked at: {list}").format(list=asked))
            self.help_button.setText(
                self.tr("Ctrl+H I'll go to {kiosk}").format(kiosk=desk.help[0].kiosk)
            )
            self.help_button.setAccessibleName(self.help_button.text())
        self.help_text.setVisible(bool(desk.help))
        self.help_button.setVisible(bool(desk.help))
        self.desk_shown.emit(desk)

    def _show_post(self, desk: Desk) -> None:
        """A line under the head while the window's A post is away: why, since and until
        when, and who covers."""
        post = desk.post
        if post is None or not post.away:
            self.post_state.setVisible(False)
            return
        tz = self.settings.tz
        since = f"{post.left_at.astimezone(tz):%H:%M}" if post.left_at else ""
        line = self.tr("A post {name} away since {since} ({reason})").format(
            name=post.a_name, since=since, reason=reason_words(post.reason)
        )
        if post.expected_return is not None:
            line += self.tr(", back about {time}").format(
                time=f"{post.expected_return.astimezone(tz):%m-%d %H:%M}"
            )
        if post.covered_by == (self.clerk.clerk if self.clerk else None):
            line += self.tr(" · you cover the window; Ctrl+B gives it back")
        self.post_state.setText(line)
        self.post_state.setVisible(True)

    def _show_materials(self, t: TicketInfo | None) -> None:
        """A fresh checklist for each ticket; the ticks stay while it is in hand. Nothing
        in hand: no heading either."""
        key = None if t is None else f"{t.number}/{t.service_code}"
        names = () if t is None else self.settings.catalog.service(t.service_code).materials
        self.materials_title.setVisible(bool(names))
        self.checklist.setVisible(bool(names))
        if key == self._materials_for:
            return
        self._materials_for = key
        self.checklist.show_names(names)

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
        self._show_closing()  # on the ticker too: the line appears at closing time
        t = self.desk.ticket if self.desk is not None else None
        if t is None:
            self.minutes.setText("")
            return
        waited = (self.hall.now() - t.issued_at).total_seconds() / 60
        self.minutes.setText(self.tr("Waited {n} min").format(n=max(0, round(waited))))

    def say(self, sentence: str, *, alert: bool = False) -> None:
        """One line in the status: information in the plain style, a refusal or a fault
        (``alert``) in the alert style; the compact bar says the same."""
        for line in (self.status, self.compact_status):
            line.setText(sentence)
            set_tone(line, alert)
        self.said.emit(sentence)

    def sentence(self, exc: BaseException) -> str:
        if isinstance(exc, HallError | YimenError):
            return exc.message(self.lang)
        log.error("counter operation failed", exc_info=exc)
        return self.tr("That did not work; please try again or call the hall's IT.")

    def refused(self, exc: BaseException) -> None:
        if self.clerk is not None and isinstance(exc, HallError) and exc.code in SIGNED_OUT:
            self._signed_out_elsewhere(self.clerk.clerk, self.sentence(exc))
            return
        self.say(self.sentence(exc), alert=True)

    def _signed_out_elsewhere(
        self, code: str, sentence: str | None = None, *, alert: bool = True
    ) -> None:
        """Back to the sign-in page, the clerk code filled in, with the reason (a refusal,
        or with ``alert`` False the information that the window waits for this clerk)."""
        if self.compact:
            self.toggle_compact()
        self.clerk = None
        self.desk = None
        self._show_keys()  # nothing applies until the desk is read
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
        set_tone(self.sign_in_message, alert)
        self.said.emit(self.sign_in_message.text())

    def closeEvent(self, event: Any) -> None:
        self.db.close(wait=False)
        self.notice_panel.close_worker()
        super().closeEvent(event)
