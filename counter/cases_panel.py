"""The supervisor's bad-review cases at the console (差评整改, Ctrl+R).

A supervisor signed in at a window opens the panel beside the desk: the open cases,
overdue first, each with the days left (in red once overdue), the ticket, the service, the
window and clerk, the level and the reasons. Enter on a case shows its steps and offers the
steps its state allows (start, complete, callback with its result, the applications,
approve or reject, one extension), each with a note; Enter records the step. The steps go
to the core on the console's database worker, signed in at this window (no password); a
refusal is the core's sentence in the panel. The list is read again when the panel opens
and whenever a review or a case step is committed anywhere in the hall (the feed).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.console import Console
from shared.base.errors import HallError
from shared.base.messages import render, word
from shared.qt.theme import PUBLIC
from shared.qt.widgets import label
from shared.rules.reviews import (
    ACTIONS,
    CALLBACK_RESULTS,
    CaseInfo,
    level_words,
    reason_words,
    step_words,
)
from shared.rules.signin import SignedIn
from shared.store.feed import FeedEvent
from shared.store.model import CaseState, Role

log = logging.getLogger(__name__)

#: The feed's events after which the list is read again.
CASE_EVENTS = ("case_updated", "reviewed")
#: The order the steps are offered in: the usual path first.
ACTION_ORDER = (
    "start",
    "callback",
    "complete",
    "approve",
    "reject",
    "extend",
    "apply_invalid",
    "apply_unrectifiable",
)
#: The console's refusals that mean its clerk is no longer signed in here.
_SIGNED_OUT = ("window.not_signed_in", "window.signed_in_by_other")


class _KeepsColour(QStyledItemDelegate):
    """Draws a selected row's coloured text in its colour (an overdue case stays red)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:
        super().initStyleOption(option, index)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(brush, QBrush):
            option.palette.setBrush(QPalette.ColorRole.HighlightedText, brush)


def _window_words() -> str:
    """``Window {n}`` in the console's own words (its translation context)."""
    return QCoreApplication.translate("CounterWindow", "Window {n}")


def actions_for(case: CaseInfo) -> list[str]:
    """The steps a supervisor may take on ``case`` now: those its state allows, the
    callback only for a real-name review, the extension only once."""
    state = CaseState(case.state)
    out = []
    for action in ACTION_ORDER:
        starts = ACTIONS[action][0]
        if state not in starts:
            continue
        if action == "callback" and not case.callback_needed:
            continue
        if action == "extend" and case.extended_days:
            continue
        out.append(action)
    return out


class CasesPanel(QWidget):
    """The Ctrl+R side panel: the list of open cases, or one case with its steps."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console
        self.case: CaseInfo | None = None  # the case shown on the case page
        self._busy = False  # a step is on its way to the core
        self.title = label(role="heading")
        self.back_button = QPushButton()  # from a case back to the list
        self.back_button.setProperty("role", "ruleKey")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.show_list)
        self.pages = QStackedWidget()

        # The list: days left, the ticket and service; window and clerk, level, reasons.
        self.list_page = QWidget()
        self.summary = label(role="dense")
        self.cases = QTreeWidget()
        self.cases.setProperty("role", "dense")
        self.cases.setColumnCount(2)
        self.cases.setHeaderHidden(True)
        self.cases.setRootIsDecorated(False)
        self.cases.setIndentation(0)
        self.cases.setWordWrap(True)
        self.cases.setUniformRowHeights(False)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole row as its tip
        self.cases.setItemDelegateForColumn(0, _KeepsColour(self.cases))
        header = self.cases.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.cases.itemActivated.connect(lambda item, _col: self.show_case_of(item))
        self.cases.itemClicked.connect(lambda item, _col: self.show_case_of(item))
        box = QVBoxLayout(self.list_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.title)
        box.addWidget(self.summary)
        box.addWidget(self.cases, 1)

        # One case: what was said, its steps, and the next step with its note.
        self.case_page = QWidget()
        self.case_head = label(role="heading")  # the ticket and service
        self.case_state = label()  # state, days left (red once overdue), deadline
        self.about = label(role="dense")  # window and clerk, level, reasons, words, callback
        self.steps = QListWidget()
        self.steps.setProperty("role", "dense")
        self.steps.setWordWrap(True)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps.setMinimumHeight(1)  # it gives way first: the console fits its screen
        self.action = QComboBox()
        self.action.currentIndexChanged.connect(self._action_chosen)
        self.days = QSpinBox()  # extend: working days
        self.result = QComboBox()  # callback: how it went
        for result in CALLBACK_RESULTS:
            self.result.addItem(word("callback", result, console.lang), result)
        choose = QHBoxLayout()
        choose.addWidget(self.action, 1)
        choose.addWidget(self.days)
        choose.addWidget(self.result, 1)
        self.note = QLineEdit()
        self.record_button = QPushButton()
        self.record_button.setProperty("role", "primary")
        self.record_button.clicked.connect(self.record)
        write = QHBoxLayout()
        write.addWidget(self.note, 1)
        write.addWidget(self.record_button)
        self.closed = label(role="hint")  # no step applies: the case is closed
        self.refusal = label(role="refusal")  # the core's sentence
        self.refusal.setVisible(False)
        box = QVBoxLayout(self.case_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        top = QHBoxLayout()  # the ticket, and the way back to the list
        top.addWidget(self.case_head, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        box.addWidget(self.case_state)
        box.addWidget(self.about)
        box.addWidget(self.steps, 1)
        box.addLayout(choose)
        box.addLayout(write)
        box.addWidget(self.closed)
        box.addWidget(self.refusal)
        # Enter records the step from anywhere on the case page (the list has its own).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.case_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.record)

        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.case_page)
        self.hint = label(role="dense")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.hint)
        # While the panel is open the side column takes half the desk: the cases need room.
        console.side.currentChanged.connect(self._widen)
        self.retranslate()
        self.show_list()

    def _widen(self, _index: int = 0) -> None:
        middle = getattr(self.console, "middle", None)
        if middle is None:
            return
        wide = self.console.side.currentWidget() is self
        middle.setStretch(0, 1 if wide else 3)
        middle.setStretch(1, 1 if wide else 2)

    # -- who may open it -----------------------------------------------------------------

    @property
    def allowed(self) -> bool:
        me = self.console.clerk
        return me is not None and me.role == Role.SUPERVISOR

    def clerk_changed(self, me: SignedIn | None) -> None:
        """A clerk signed in at the console: the key is a supervisor's only."""
        self.console.cases_key.setVisible(me is not None and me.role == Role.SUPERVISOR)
        if not self.allowed and self.console.side.currentWidget() is self:
            self.console.close_panel()

    # -- opening and reading ---------------------------------------------------------------

    def open(self) -> None:
        """Ctrl+R: the list (from a case: back to the list); nothing for other clerks."""
        c = self.console
        if not self.allowed:
            return
        if c.compact:
            c.toggle_compact()  # the panel lives beside the full desk
        self.show_list()
        c.side.setCurrentWidget(self)
        self.cases.setFocus()
        self.load()

    def on_event(self, ev: FeedEvent) -> None:
        """A committed event of the hall: a review or a case step reads the panel again."""
        if ev.kind in CASE_EVENTS and self.console.side.currentWidget() is self and self.allowed:
            self.load()

    def load(self) -> None:
        c = self.console
        shown = self.case.id if self.case is not None else None

        def read() -> tuple[list[CaseInfo], CaseInfo | None]:
            cases = c.hall.cases()
            return cases, c.hall.case(shown) if shown is not None else None

        def got(answer: tuple[list[CaseInfo], CaseInfo | None]) -> None:
            cases, case = answer
            self._show_cases(cases)
            if case is not None and self.case is not None and case.id == self.case.id:
                self._show_case(case, keep_form=True)

        c.db.submit(read, got, self._failed)

    def _show_cases(self, cases: list[CaseInfo]) -> None:
        lang = self.console.lang
        current = self.cases.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.cases.clear()
        alert = QBrush(QColor(PUBLIC["alert"]))
        for case in cases:
            r = case.review
            where = _window_words().format(n=r.window_no) if r.window_no else ""
            who = f"{where} {r.clerk_name or ''}".strip()
            why = level_words(r.level, lang)
            reasons = reason_words(r.reasons, lang) or (r.text or "")
            if reasons:
                why = render("review_words.level_and_reasons", lang, level=r.level, reasons=reasons)
            item = QTreeWidgetItem(
                [self._days(case.days_left), f"{r.number}  {r.service_name}\n{who}\n{why}"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case.id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if case.overdue:
                item.setForeground(0, alert)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setToolTip(1, item.text(1))
            self.cases.addTopLevelItem(item)
            if case.id == keep:
                self.cases.setCurrentItem(item)
        first = self.cases.topLevelItem(0)
        if self.cases.currentItem() is None and first is not None:
            self.cases.setCurrentItem(first)
        late = sum(1 for case in cases if case.overdue)
        self.summary.setText(
            self.tr("{n} open, {late} overdue; Enter shows a case's steps.").format(
                n=len(cases), late=late
            )
            if cases
            else self.tr("No open bad-review cases.")
        )

    def _days(self, days_left: int) -> str:
        if days_left < -1:
            return self.tr("{n} days overdue").format(n=-days_left)
        if days_left == -1:
            return self.tr("1 day overdue")
        if days_left == 0:
            return self.tr("Due today")
        if days_left == 1:
            return self.tr("1 day left")
        return self.tr("{n} days left").format(n=days_left)

    # -- one case ------------------------------------------------------------------------------

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.hint.setVisible(True)
        self.cases.setFocus()

    def show_case_of(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        case_id = int(item.data(0, Qt.ItemDataRole.UserRole))
        c = self.console
        c.db.submit(lambda: c.hall.case(case_id), self._opened, self._failed)

    def _opened(self, case: CaseInfo) -> None:
        self._show_case(case)
        self.refusal.clear()
        self.refusal.setVisible(False)
        self.pages.setCurrentWidget(self.case_page)
        self.hint.setVisible(False)  # the buttons name their keys: room for the steps
        (self.action if self.action.isVisible() else self.back_button).setFocus()

    def _show_case(self, case: CaseInfo, *, keep_form: bool = False) -> None:
        """The case's words and steps; the steps its state allows in the form."""
        c = self.console
        lang, tz = c.lang, c.settings.tz
        self.case = case
        r = case.review
        state = word("case_state", case.state, lang)
        when = (
            self._days(case.days_left)
            + " "
            + self.tr("(due {day})").format(day=f"{case.due:%Y-%m-%d}")
            if case.open
            else self.tr("closed")
        )
        self.case_head.setText(f"{r.number} {r.service_name}")
        self.case_state.setText(f"{state[:1].upper()}{state[1:]} · {when}")  # a line's start
        self.case_state.setProperty("role", "overdue" if case.overdue else None)
        self.case_state.style().unpolish(self.case_state)
        self.case_state.style().polish(self.case_state)
        who = _window_words().format(n=r.window_no) if r.window_no else ""
        if r.clerk_code:
            who += " " + render("person.with_code", lang, name=r.clerk_name, code=r.clerk_code)
        reasons = reason_words(r.reasons, lang)
        said = (
            render("review_words.level_and_reasons", lang, level=r.level, reasons=reasons)
            if reasons
            else level_words(r.level, lang)
        )
        about = [f"{who.strip()} · {said}"]
        if r.text:
            about.append(f"“{r.text}”")
        if case.callback_needed:
            contact = " ".join(p for p in (case.name, case.phone) if p)
            done = case.called_back_at is not None
            about.append(
                (self.tr("Called back: {who}") if done else self.tr("Callback due: {who}")).format(
                    who=contact
                )
            )
        self.about.setText("\n".join(about))
        self.steps.clear()
        for step in case.steps:
            at = f"{step.at.astimezone(tz):%m-%d %H:%M}"
            by = (
                render("person.with_code", lang, name=step.clerk_name, code=step.clerk_code)
                if step.clerk_code
                else self.tr("the citizen's review")
            )
            action = word("case_action", step.action, lang)
            to = word("case_state", step.to_state, lang)
            note = step_words(step, lang)
            line = f"{at} {by} · {action} → {to}"
            self.steps.addItem(line + (f"\n{note}" if note else ""))
        self.steps.scrollToBottom()
        chosen = self.action.currentData() if keep_form else None
        self.action.blockSignals(True)
        self.action.clear()
        for action in actions_for(case):
            words = word("case_action", action, lang)
            self.action.addItem(words[:1].upper() + words[1:], action)  # a choice of its own
        index = self.action.findData(chosen) if chosen is not None else -1
        self.action.setCurrentIndex(max(0, index))
        self.action.blockSignals(False)
        if not keep_form:
            self.note.clear()
        self.days.setRange(1, c.settings.reviews.extension_working_days)
        any_step = self.action.count() > 0
        for w in (self.action, self.note, self.record_button):
            w.setVisible(any_step)
        self.closed.setText("" if any_step else self.tr("No step applies: the case is closed."))
        self.closed.setVisible(not any_step)
        self._action_chosen()

    def _action_chosen(self, _index: int = 0) -> None:
        action = self.action.currentData()
        self.days.setVisible(action == "extend")
        self.result.setVisible(action == "callback")
        rule = ACTIONS.get(str(action))
        needed = rule is not None and rule[2]
        self.note.setPlaceholderText(
            self.tr("Note (required)") if needed else self.tr("Note, if any")
        )

    # -- a step ----------------------------------------------------------------------------

    def record(self) -> None:
        """Enter: the chosen step of the case shown, by the clerk signed in here."""
        c = self.console
        case, action = self.case, self.action.currentData()
        if (
            c.clerk is None
            or not self.allowed
            or case is None
            or action is None
            or self._busy
            or c.side.currentWidget() is not self
            or self.pages.currentWidget() is not self.case_page
        ):
            return
        code, window_no = c.clerk.clerk, c.window_no
        note = self.note.text().strip() or None
        days = self.days.value() if action == "extend" else None
        result = self.result.currentData() if action == "callback" else None
        self._busy = True
        self.record_button.setEnabled(False)

        def step() -> CaseInfo:
            return c.hall.case_action(
                case.id, str(action), code, window_no=window_no, note=note, days=days,
                callback_result=result,
            )  # fmt: skip

        def done(updated: CaseInfo) -> None:
            self._busy = False
            self.record_button.setEnabled(True)
            self.refusal.clear()
            self.refusal.setVisible(False)
            self._show_case(updated)
            words = word("case_action", str(action), c.lang)
            state = word("case_state", updated.state, c.lang)
            c.say(
                self.tr("Case of {number}: “{action}” recorded; now “{state}”.").format(
                    number=updated.review.number, action=words, state=state
                )
            )
            self.load()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.record_button.setEnabled(True)
            self._failed(exc)

        c.db.submit(step, done, failed)

    def _failed(self, exc: BaseException) -> None:
        """The core's sentence in the panel (the console handles being signed out)."""
        c = self.console
        if isinstance(exc, HallError) and exc.code in _SIGNED_OUT:
            c.refused(exc)
            return
        self.refusal.setText(c.sentence(exc))
        self.refusal.setVisible(True)
        if self.pages.currentWidget() is not self.case_page:
            c.say(self.refusal.text(), alert=True)

    # -- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ctrl+R Bad-review cases"))
        self.cases.setAccessibleName(self.tr("Open bad-review cases, overdue first"))
        self.steps.setAccessibleName(self.tr("Steps of the case"))
        self.action.setAccessibleName(self.tr("Next step"))
        self.days.setAccessibleName(self.tr("Working days to extend by"))
        self.days.setSuffix(self.tr(" working days"))
        self.result.setAccessibleName(self.tr("Result of the callback"))
        self.note.setAccessibleName(self.tr("Note"))
        self.record_button.setText(self.tr("Record (Enter)"))
        self.record_button.setAccessibleName(self.tr("Record the step"))
        self.back_button.setText(self.tr("Ctrl+R All cases"))
        self.back_button.setAccessibleName(self.back_button.text())
        self._action_chosen()
        self.hint.setText(self.tr("Esc closes."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
