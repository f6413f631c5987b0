"""The supervisor's settings pages (设置), in the Settings tab of the supervisor's station.

A list of pages on the left, one page at a time on the right: 放号 (daily caps, ticket
slots and their quotas), 窗口事项 (the services a window serves), 工作人员 (the clerks:
add, rename, disable or enable, reset a password), AB岗 (each window's A and B), 大厅屏通知
(the lobby display's notice), 节假日 (holidays and 调休 working days), 告警阈值 (when an alarm
is raised) and 修改记录 (the record of every change: when, who, what, old → new).

Every save goes to the core on the station's database worker, signed with the
supervisor's token; the core checks the change as it checks a configuration file. Saved:
the page says what changed (key by key, old → new) and shows the hall as it now is.
Refused: the core's sentence on the page's status line, and the form keeps what was
typed. A change made anywhere in the hall arrives through the feed (``setting_changed``):
the hall's settings are read again and every page shows them, a form being edited
keeping what its supervisor typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSignalBlocker, QSize, Qt, QTime, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shared.base.errors import YimenError
from shared.base.messages import render
from shared.config.catalog import ClerkEntry, ServiceEntry, WindowEntry
from shared.config.export import Difference
from shared.config.halls import HallSettings
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.qt.widgets import clear, label
from shared.rules import setup as su
from shared.rules.setup import SettingsChange, key_words
from shared.store.feed import FeedEvent
from shared.store.model import Role

log = logging.getLogger(__name__)

#: The feed's events after which the pages read the hall's settings again.
SETTING_EVENTS = ("setting_changed",)
#: The thresholds of the alarms page: the key's path in the hall's configuration.
ALARM_KEYS = (
    "alarms.wait_minutes",
    "alarms.long_service_factor",
    "alarms.both_away_minutes",
    "alarms.help_minutes",
    "alarms.case_warn_days",
    "staffing.empty_post_minutes",
)
#: A list shorter than this is said whole (old → new); a longer one by what was added
#: and taken off (a year's holidays read as the one day that changed).
WHOLE_LIST = 8
#: How many recorded changes the change log shows.
LOG_LIMIT = 200

Step = Callable[[], SettingsChange]


# -- how a change reads ---------------------------------------------------------------------


def shown_value(value: Any) -> str:
    """One value of a recorded change as a supervisor reads it."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SettingsPages", "yes")
            if value
            else QCoreApplication.translate("SettingsPages", "no")
        )
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(isinstance(v, str) and ":" in v for v in value):
            return f"{value[0]}–{value[1]}"  # a time slot
        return ", ".join(shown_value(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} = {shown_value(v)}" for k, v in value.items())
    return str(value)


def difference_line(d: Difference, named: Callable[[str], str] = str) -> str:
    """``path: old → new``; an entry added or taken off says so; a long list says what it
    gained and lost. ``named`` says the key in words."""
    path = named(d.path)
    if d.old is None and d.new == "":
        return QCoreApplication.translate("SettingsPages", "{path}: added").format(path=path)
    if d.new is None and d.old == "":
        return QCoreApplication.translate("SettingsPages", "{path}: taken off").format(path=path)
    if isinstance(d.old, list) and isinstance(d.new, list) and len(d.old) + len(d.new) > WHOLE_LIST:
        added = [v for v in d.new if v not in d.old]
        gone = [v for v in d.old if v not in d.new]
        parts = []
        if added:
            parts.append(
                QCoreApplication.translate("SettingsPages", "added {items}").format(
                    items=shown_value(added)
                )
            )
        if gone:
            parts.append(
                QCoreApplication.translate("SettingsPages", "taken off {items}").format(
                    items=shown_value(gone)
                )
            )
        if parts:
            return f"{path}: " + "; ".join(parts)
    return f"{path}: {shown_value(d.old)} → {shown_value(d.new)}"


def _item(text: str, key: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item


def _table(columns: int, stretch: int) -> QTableWidget:
    """A read-only list of rows: a click picks one to edit. Each column as wide as what
    it holds, column ``stretch`` taking the room left."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)  # a cell's lines are its own (a service's slots, one a line)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    return table


def _fill(table: QTableWidget, rows: Sequence[tuple[Any, Sequence[str]]], keep: Any) -> None:
    """The table's rows (key, cells), the row of ``keep`` selected again."""
    with QSignalBlocker(table):
        table.clearSelection()
        table.setRowCount(len(rows))
        for r, (key, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                table.setItem(r, c, _item(text, key if c == 0 else None))
        table.resizeRowsToContents()
        for r, (key, _cells) in enumerate(rows):
            if key == keep:
                table.selectRow(r)


def _key_of(table: QTableWidget) -> Any:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _hhmm(t: QTime) -> str:
    return t.toString("HH:mm")


def _qtime(text: str) -> QTime:
    return QTime.fromString(text[:5], "HH:mm")


# -- one page ---------------------------------------------------------------------------------


class _Page(QWidget):
    """One settings page: its title and hint, what it shows, its status line and its
    saves. A page fills itself from ``hall.settings`` (`refresh`); a form being edited
    keeps what was typed unless the page is told to show the hall as saved."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__()
        self.owner = owner
        self.title = label(role="title")
        self.hint = label(role="hint")
        self.status = label(role="status")
        self.status.setObjectName("settingsStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = False  # a save is on its way to the core
        self.keys: list[QPushButton] = []  # disabled while a save is in flight
        self._loaded: Any = None  # the form as last filled from the hall
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.title)
        self.box.addWidget(self.hint)

    def finish_layout(self, into: QBoxLayout | None = None) -> None:
        """The status line under the page's last key (``into``: the form beside a table)."""
        (into or self.box).addWidget(self.status)

    @property
    def hall(self) -> Hall:
        return self.owner.hall

    @property
    def settings(self) -> HallSettings:
        return self.owner.hall.settings

    @property
    def lang(self) -> str:
        return self.owner.lang

    @property
    def token(self) -> str:
        return self.owner.token

    def key_words(self, path: str) -> str:
        """A recorded key as the supervisor reads it (企业设立登记（qy-sl）· 每日放号上限)."""
        return key_words(path, self.lang, self.settings)

    def button(self, role: str | None = None) -> QPushButton:
        b = QPushButton()
        if role:
            b.setProperty("role", role)
        self.keys.append(b)
        return b

    # -- what it shows ----------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> None:
        """Show the hall's settings as they are now; ``force``: the form too, even if edited."""

    def form(self) -> Any:
        """What the form holds now (compared with what it was filled with)."""
        return None

    @property
    def edited(self) -> bool:
        return self._loaded is not None and self.form() != self._loaded

    def mark_loaded(self) -> None:
        self._loaded = self.form()

    def retranslate(self) -> None:
        """The page's own words (each page its own context)."""

    # -- saving -------------------------------------------------------------------------------

    def can(self, button: QPushButton) -> bool:
        """Whether ``button`` applies to what the page shows (apart from a save in flight)."""
        return True

    def update_actions(self) -> None:
        for b in self.keys:
            b.setEnabled(not self.busy and self.can(b))

    def save(
        self, steps: Sequence[Step], then: Callable[[list[SettingsChange]], None] | None = None
    ) -> None:
        """Run ``steps`` (each one change of the core) in order on the worker, stopping at a
        refusal; say what was saved or the core's sentence."""
        if self.busy or not steps:
            return
        self.busy = True
        self.update_actions()
        todo = list(steps)

        def run() -> tuple[list[SettingsChange], BaseException | None]:
            done: list[SettingsChange] = []
            for step in todo:
                try:
                    done.append(step())
                except YimenError as exc:
                    if not done:
                        raise
                    return done, exc
            return done, None

        def finished(answer: tuple[list[SettingsChange], BaseException | None]) -> None:
            done, refusal = answer
            self.busy = False
            saved = self.saved_words(done)
            if refusal is None:
                self.say(saved, "done")
                self.refresh(force=True)
                if then is not None:
                    then(done)
            else:  # a part saved, the rest refused: the form keeps what was typed
                self.say(saved + "\n" + self.owner.sentence(refusal), "alert")
                self.refresh()
            self.update_actions()
            self.owner.changes_saved(done)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.refuse(self.owner.sentence(exc))
            self.update_actions()

        self.owner.db.submit(run, finished, failed)

    def saved_words(self, done: Sequence[SettingsChange]) -> str:
        lines = [difference_line(d, self.key_words) for change in done for d in change.changes]
        if not lines:
            return QCoreApplication.translate("SettingsPages", "Saved: nothing changed.")
        return QCoreApplication.translate("SettingsPages", "Saved: {changes}").format(
            changes="\n".join(lines)
        )

    def refuse(self, sentence: str) -> None:
        """A refusal on the status line; what was typed stays."""
        self.say(sentence, "alert")
        self.owner.save_refused.emit(sentence)

    def say(self, text: str, tone: str = "") -> None:
        self.status.setText(text)
        self.status.setProperty("tone", tone)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# -- 放号: daily caps, ticket slots and their quotas ----------------------------------------


class _SlotRow(QWidget):
    """One ticket slot of the service being edited: start, end, quota, and its removal."""

    def __init__(self, start: str, end: str, quota: int) -> None:
        super().__init__()
        self.start = QTimeEdit(_qtime(start))
        self.end = QTimeEdit(_qtime(end))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.quota = QSpinBox()
        self.quota.setRange(0, 9999)
        self.quota.setValue(quota)
        self.dash = label("–", wrap=False)
        self.remove = QPushButton()
        self.remove.setProperty("role", "settingsSmall")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start, 2)
        row.addWidget(self.dash)
        row.addWidget(self.end, 2)
        row.addWidget(self.quota, 2)
        row.addWidget(self.remove, 1)

    def value(self) -> tuple[str, str, int]:
        return _hhmm(self.start.time()), _hhmm(self.end.time()), self.quota.value()


class SettingsCapsPage(_Page):
    """放号: every service's daily cap and ticket slots; one service edited at a time."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.table = _table(5, 1)
        self.table.itemSelectionChanged.connect(self._picked)
        self.service: str | None = None  # the code of the service in the editor
        self.editor = QWidget()
        self.editor.setObjectName("settingsEditor")
        self.heading = label(role="heading")
        self.cap_label = label()
        self.cap = QLineEdit()
        self.cap.setValidator(QIntValidator(0, 999999, self.cap))
        self.slots_label = label()
        self.slot_head = QWidget()
        self.head_start, self.head_end, self.head_quota = label(), label(), label()
        head = QHBoxLayout(self.slot_head)
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.head_start, 2)
        head.addWidget(label("", wrap=False))
        head.addWidget(self.head_end, 2)
        head.addWidget(self.head_quota, 2)
        head.addWidget(label(), 1)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows: list[_SlotRow] = []
        self.no_slots = label(role="hint")
        self.add_slot = self.button()
        self.add_slot.clicked.connect(self._new_row)
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.takes_effect = label(role="hint")
        form = QVBoxLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.heading)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.cap_label)
        cap_row.addWidget(self.cap, 1)
        form.addLayout(cap_row)
        form.addWidget(self.slots_label)
        form.addWidget(self.slot_head)
        form.addLayout(self.rows_box)
        form.addWidget(self.no_slots)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_slot)
        add_row.addStretch(1)
        form.addLayout(add_row)
        form.addSpacing(self.fontMetrics().height())
        form.addWidget(self.takes_effect)
        form.addWidget(self.save_button)
        self.finish_layout(form)
        form.addStretch(1)
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addWidget(self.editor, 2)
        self.box.addLayout(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Caps and ticket slots"))
        self.hint.setText(
            self.tr(
                "Pick a service to change its daily cap or its ticket slots. A change takes "
                "effect at once: the tickets already issued today count toward it."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Service"),
                self.tr("Zone"),
                self.tr("Daily cap"),
                self.tr("Ticket slots (quota)"),
            ]
        )
        self.table.setAccessibleName(self.tr("Services with their caps and slots"))
        self.cap_label.setText(self.tr("Daily cap"))
        self.cap.setPlaceholderText(self.tr("empty: no cap"))
        self.cap.setAccessibleName(self.tr("Daily cap (empty: no cap)"))
        self.slots_label.setText(self.tr("Ticket slots"))
        self.head_start.setText(self.tr("From"))
        self.head_end.setText(self.tr("Until"))
        self.head_quota.setText(self.tr("Quota"))
        self.no_slots.setText(self.tr("No slots: tickets whenever the hall issues them."))
        self.add_slot.setText(self.tr("Add a slot"))
        self.add_slot.setAccessibleName(self.add_slot.text())
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the cap and the slots"))
        self.takes_effect.setText(
            self.tr("Takes effect at once; today's tickets already issued count toward it.")
        )
        self._name_rows()
        self.refresh()

    def _name_rows(self) -> None:
        for n, row in enumerate(self.rows, 1):
            row.start.setAccessibleName(self.tr("Slot {n} from").format(n=n))
            row.end.setAccessibleName(self.tr("Slot {n} until").format(n=n))
            row.quota.setAccessibleName(self.tr("Slot {n} quota (0: no quota)").format(n=n))
            row.quota.setSpecialValueText(self.tr("no quota"))
            row.remove.setText(self.tr("Remove"))
            row.remove.setAccessibleName(self.tr("Remove slot {n}").format(n=n))
        self.no_slots.setVisible(not self.rows)
        self.slot_head.setVisible(bool(self.rows))

    def _slots_words(self, sv: ServiceEntry) -> str:
        if not sv.time_slots:
            return self.tr("all day")
        lines = []
        for i, (start, end) in enumerate(sv.time_slots):
            quota = sv.slot_caps[i] if i < len(sv.slot_caps) else 0
            line = f"{start}–{end}"
            if quota:
                line += " " + self.tr("({n})").format(n=quota)
            lines.append(line)
        return "\n".join(lines)

    def refresh(self, *, force: bool = False) -> None:
        services = self.settings.catalog.services
        rows = [
            (
                sv.code,
                [
                    sv.code,
                    sv.name_in(self.lang),
                    sv.zone_name_in(self.lang),
                    str(sv.daily_cap) if sv.daily_cap else self.tr("no cap"),
                    self._slots_words(sv),
                ],
            )
            for sv in services
        ]
        _fill(self.table, rows, self.service)
        known = {sv.code for sv in services}
        if self.service not in known:
            self.service = None
            self._loaded = None
        if force or not self.edited:
            self._show_service()
        self.update_actions()

    def _picked(self) -> None:
        code = _key_of(self.table)
        if code is None or code == self.service:
            return
        self.service = code
        self._show_service()
        self.say("")

    def _show_service(self) -> None:
        self.editor.setVisible(self.service is not None)
        if self.service is None:
            return
        sv = self.settings.catalog.service(self.service)
        self.heading.setText(
            render("person.with_code", self.lang, name=sv.name_in(self.lang), code=sv.code)
        )
        self.cap.setText(str(sv.daily_cap) if sv.daily_cap is not None else "")
        self.rows = []
        clear(self.rows_box)
        for i, (start, end) in enumerate(sv.time_slots):
            self._add_row(start, end, sv.slot_caps[i] if i < len(sv.slot_caps) else 0)
        self._name_rows()
        self.mark_loaded()
        self.update_actions()

    def _add_row(self, start: str, end: str, quota: int, *, focus: bool = False) -> None:
        row = _SlotRow(start, end, quota)
        row.remove.clicked.connect(lambda: self._remove_row(row))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.show()  # a child added to a shown form is not shown by the layout
        self._name_rows()
        if focus:
            row.start.setFocus()

    def _new_row(self) -> None:
        """A slot after the last one (an hour long), to be set as wanted."""
        start = self.rows[-1].end.time() if self.rows else QTime(9, 0)
        end = start.addSecs(3600) if start < QTime(23, 0) else QTime(23, 59)
        self._add_row(_hhmm(start), _hhmm(end), 0, focus=True)

    def _remove_row(self, row: _SlotRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.hide()
            row.deleteLater()
            self._name_rows()

    def form(self) -> Any:
        if self.service is None:
            return None
        return self.service, self.cap.text().strip(), tuple(r.value() for r in self.rows)

    def can(self, button: QPushButton) -> bool:
        return self.service is not None

    def submit(self) -> None:
        if self.service is None:
            return
        code, hall, token = self.service, self.hall, self.token
        sv = self.settings.catalog.service(code)
        text = self.cap.text().strip()
        cap = int(text) if text else None
        values = [r.value() for r in self.rows]
        slots = [(start, end) for start, end, _ in values]
        quotas = [quota for _, _, quota in values]
        had = (tuple(sv.time_slots), tuple(sv.slot_caps) if any(sv.slot_caps) else ())
        now = (tuple(slots), tuple(quotas) if any(quotas) else ())
        steps: list[Step] = []
        if now != had:
            steps.append(lambda: hall.set_time_slots(token, code, slots, caps=quotas))
        if cap != sv.daily_cap or not steps:
            steps.append(lambda: hall.set_daily_cap(token, code, cap))
        self.save(steps)


# -- 窗口事项: the services a window serves ----------------------------------------------------


class SettingsWindowsPage(_Page):
    """窗口事项: pick a window, tick the services it serves."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.table = _table(4, 3)
        self.table.itemSelectionChanged.connect(self._picked)
        self.number: int | None = None
        self.editor = QWidget()
        self.heading = label(role="heading")
        self.about = label(role="hint")
        self.services = QListWidget()
        self.services.setObjectName("settingsChecklist")
        self.services.itemChanged.connect(lambda _item: self.update_actions())
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        form = QVBoxLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.heading)
        form.addWidget(self.about)
        form.addWidget(self.services, 1)
        form.addWidget(self.save_button)
        self.finish_layout(form)
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addWidget(self.editor, 2)
        self.box.addLayout(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Window services"))
        self.hint.setText(
            self.tr("Pick a window and tick the services it serves; a change takes effect at once.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Window"), self.tr("Name"), self.tr("Zone"), self.tr("Serves")]
        )
        self.table.setAccessibleName(self.tr("Windows and the services they serve"))
        self.services.setAccessibleName(self.tr("Services the window serves"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the window's services"))
        self.refresh()

    def _serves(self, w: WindowEntry) -> str:
        if w.comprehensive:
            return (
                self.tr("all of its zone's services")
                if w.zone_code
                else self.tr("all of the hall's services")
            )
        if not w.service_ids:
            return self.tr("none")
        return ", ".join(sv.code for sv in self.settings.catalog.services if sv.id in w.service_ids)

    def refresh(self, *, force: bool = False) -> None:
        cat = self.settings.catalog
        rows = [
            (w.number, [str(w.number), w.name, self._zone(w), self._serves(w)]) for w in cat.windows
        ]
        _fill(self.table, rows, self.number)
        if self.number not in {w.number for w in cat.windows}:
            self.number = None
            self._loaded = None
        if force or not self.edited:
            self._show_window()
        self.update_actions()

    def _zone(self, w: WindowEntry) -> str:
        if w.zone_code is None:
            return self.tr("whole hall")
        for sv in self.settings.catalog.services:
            if sv.zone_code == w.zone_code:
                return sv.zone_name_in(self.lang)
        return w.zone_name or w.zone_code

    def _picked(self) -> None:
        number = _key_of(self.table)
        if number is None or number == self.number:
            return
        self.number = number
        self._show_window()
        self.say("")

    def _show_window(self) -> None:
        self.editor.setVisible(self.number is not None)
        if self.number is None:
            return
        w = self.settings.catalog.window(self.number)
        self.heading.setText(self.tr("Window {n} · {name}").format(n=w.number, name=w.name))
        if w.comprehensive:
            self.about.setText(
                self.tr(
                    "A comprehensive window serves every service of {zone}; its services "
                    "are not listed one by one."
                ).format(zone=self._zone(w))
            )
        else:
            self.about.setText(self.tr("Tick every service this window serves."))
        with QSignalBlocker(self.services):
            self.services.clear()
            for sv in self.settings.catalog.services:
                item = QListWidgetItem(
                    f"{sv.name_in(self.lang)}  {sv.code} · {sv.zone_name_in(self.lang)}"
                )
                item.setData(Qt.ItemDataRole.UserRole, sv.code)
                flags = Qt.ItemFlag.ItemIsEnabled
                if not w.comprehensive:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags)
                ticked = sv.id in w.service_ids
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.services.addItem(item)
        self.mark_loaded()
        self.update_actions()

    def ticked(self) -> list[str]:
        out = []
        for i in range(self.services.count()):
            item = self.services.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def form(self) -> Any:
        return None if self.number is None else (self.number, tuple(self.ticked()))

    def can(self, button: QPushButton) -> bool:
        if self.number is None:
            return False
        return not self.settings.catalog.window(self.number).comprehensive

    def submit(self) -> None:
        if self.number is None:
            return
        hall, token, number, codes = self.hall, self.token, self.number, self.ticked()
        self.save([lambda: hall.set_window_services(token, number, codes)])


# -- 工作人员: the clerks ---------------------------------------------------------------------


class SettingsClerksPage(_Page):
    """工作人员: the hall's clerks; add one, rename, change the role, disable or enable,
    reset a password (typed twice)."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.table = _table(4, 1)
        self.table.itemSelectionChanged.connect(self._picked)
        self.code = QLineEdit()
        self.code.textChanged.connect(lambda _text: self.update_actions())
        self.name = QLineEdit()
        self.role = QComboBox()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_label, self.name_label, self.role_label = label(), label(), label()
        self.password_label, self.again_label = label(), label()
        self.add_button = self.button()
        self.add_button.clicked.connect(self.add)
        self.update_button = self.button("primary")
        self.update_button.clicked.connect(self.update_clerk)
        self.active_button = self.button()
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = self.button()
        self.reset_button.clicked.connect(self.reset_password)
        self.password_hint = label(role="hint")
        self.editor = QWidget()
        form = QFormLayout()
        form.addRow(self.code_label, self.code)
        form.addRow(self.name_label, self.name)
        form.addRow(self.role_label, self.role)
        keys = QHBoxLayout()
        keys.addWidget(self.update_button)
        keys.addWidget(self.add_button)
        keys.addWidget(self.active_button)
        keys.addStretch(1)
        form.addRow(keys)
        form.addItem(QSpacerItem(0, self.fontMetrics().height()))
        form.addRow(self.password_label, self.password)
        form.addRow(self.again_label, self.again)
        form.addRow(self.password_hint)
        reset = QHBoxLayout()
        reset.addWidget(self.reset_button)
        reset.addStretch(1)
        form.addRow(reset)
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addLayout(form)
        self.finish_layout(editor)
        editor.addStretch(1)
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addWidget(self.editor, 2)
        self.box.addLayout(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Clerks"))
        self.hint.setText(
            self.tr(
                "Pick a clerk to change the name or role, disable or enable them, or set a "
                "new password; type a new code to add a clerk."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setAccessibleName(self.tr("The hall's clerks"))
        self.code_label.setText(self.tr("Code"))
        self.name_label.setText(self.tr("Name"))
        self.role_label.setText(self.tr("Role"))
        self.password_label.setText(self.tr("Password"))
        self.again_label.setText(self.tr("Once more"))
        self.code.setAccessibleName(self.tr("Clerk's code"))
        self.name.setAccessibleName(self.tr("Clerk's name"))
        self.role.setAccessibleName(self.tr("Clerk's role"))
        self.password.setAccessibleName(self.tr("Password"))
        self.again.setAccessibleName(self.tr("Password once more"))
        role = self.role.currentData()
        with QSignalBlocker(self.role):
            self.role.clear()
            self.role.addItem(self.tr("Clerk"), Role.CLERK.value)
            self.role.addItem(self.tr("Supervisor"), Role.SUPERVISOR.value)
            self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.add_button.setText(self.tr("Add as a new clerk"))
        self.update_button.setText(self.tr("Save name and role"))
        self.reset_button.setText(self.tr("Set this password"))
        self.password_hint.setText(
            self.tr(
                "A new clerk's initial password, or a new password for the clerk picked "
                "(at least as long as the hall requires); typed twice, the same."
            )
        )
        for b in (self.add_button, self.update_button, self.reset_button):
            b.setAccessibleName(b.text())
        self.refresh()

    def _role_words(self, role: Role) -> str:
        return self.tr("Supervisor") if role == Role.SUPERVISOR else self.tr("Clerk")

    def _clerk(self, code: str) -> ClerkEntry | None:
        for c in self.settings.catalog.clerks:
            if c.code == code:
                return c
        return None

    def refresh(self, *, force: bool = False) -> None:
        clerks = self.settings.catalog.clerks
        rows = [
            (
                c.code,
                [
                    c.code,
                    c.name,
                    self._role_words(c.role),
                    self.tr("in use") if c.active else self.tr("disabled"),
                ],
            )
            for c in clerks
        ]
        keep = self.code.text().strip() or None
        _fill(self.table, rows, keep)
        if force or not self.edited:
            clerk = self._clerk(keep) if keep else None
            if clerk is not None:
                self._show_clerk(clerk)
        self.update_actions()

    def _picked(self) -> None:
        code = _key_of(self.table)
        clerk = self._clerk(code) if code is not None else None
        if clerk is None:
            return
        self._show_clerk(clerk)
        self.say("")

    def _show_clerk(self, clerk: ClerkEntry) -> None:
        with QSignalBlocker(self.code):
            self.code.setText(clerk.code)
        self.name.setText(clerk.name)
        self.role.setCurrentIndex(max(0, self.role.findData(clerk.role.value)))
        self.password.clear()
        self.again.clear()
        self.mark_loaded()
        self.update_actions()

    def form(self) -> Any:
        return (
            self.code.text().strip(),
            self.name.text().strip(),
            self.role.currentData(),
            self.password.text(),
            self.again.text(),
        )

    def can(self, button: QPushButton) -> bool:
        code = self.code.text().strip()
        clerk = self._clerk(code) if code else None
        if button is self.add_button:
            return bool(code) and clerk is None
        if button is self.active_button:
            return clerk is not None
        if button is self.update_button:
            return clerk is not None and clerk.active
        if button is self.reset_button:
            return clerk is not None and clerk.active
        return True

    def update_actions(self) -> None:
        code = self.code.text().strip()
        clerk = self._clerk(code) if code else None
        enable = clerk is not None and not clerk.active
        self.active_button.setText(self.tr("Enable") if enable else self.tr("Disable"))
        self.active_button.setAccessibleName(self.active_button.text())
        super().update_actions()

    def _passwords(self) -> str | None:
        """The password typed twice, "" when none; None (and the reason said) when the two
        differ."""
        first, second = self.password.text(), self.again.text()
        if first != second:
            self.refuse(self.tr("The two passwords differ: type the same password twice."))
            return None
        return first

    def _after(self, done: list[SettingsChange]) -> None:
        self.password.clear()
        self.again.clear()
        self.mark_loaded()

    def add(self) -> None:
        password = self._passwords()
        if password is None:
            return
        hall, token = self.hall, self.token
        code, name, role = self.code.text().strip(), self.name.text().strip(), self.role_value()
        self.save([lambda: hall.add_clerk(token, code, name, role, password or None)], self._after)

    def role_value(self) -> str:
        return str(self.role.currentData() or Role.CLERK.value)

    def update_clerk(self) -> None:
        hall, token = self.hall, self.token
        code, name, role = self.code.text().strip(), self.name.text().strip(), self.role_value()
        self.save([lambda: hall.update_clerk(token, code, name=name, role=role)])

    def toggle_active(self) -> None:
        code = self.code.text().strip()
        clerk = self._clerk(code)
        if clerk is None:
            return
        hall, token = self.hall, self.token
        if clerk.active:
            self.save([lambda: hall.disable_clerk(token, code)])
        else:
            self.save([lambda: hall.enable_clerk(token, code)])

    def reset_password(self) -> None:
        password = self._passwords()
        if password is None:
            return
        hall, token, code = self.hall, self.token, self.code.text().strip()
        self.save([lambda: hall.reset_password(token, code, password)], self._after)


# -- AB岗: each window's A and B ----------------------------------------------------------------


class SettingsPostsPage(_Page):
    """AB岗: a window's A (holds the post) and B (covers when A is away)."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.table = _table(4, 1)
        self.table.itemSelectionChanged.connect(self._picked)
        self.number: int | None = None
        self.editor = QWidget()
        self.heading = label(role="heading")
        self.a_label, self.b_label = label(), label()
        self.a = QComboBox()
        self.b = QComboBox()
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.remove_button = self.button()
        self.remove_button.clicked.connect(self.remove)
        form = QFormLayout()
        form.addRow(self.a_label, self.a)
        form.addRow(self.b_label, self.b)
        keys = QHBoxLayout()
        keys.addWidget(self.save_button)
        keys.addWidget(self.remove_button)
        keys.addStretch(1)
        editor = QVBoxLayout(self.editor)
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addWidget(self.heading)
        editor.addLayout(form)
        editor.addLayout(keys)
        self.finish_layout(editor)
        editor.addStretch(1)
        split = QHBoxLayout()
        split.addWidget(self.table, 3)
        split.addWidget(self.editor, 2)
        self.box.addLayout(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("AB posts"))
        self.hint.setText(
            self.tr(
                "A holds the window's post; B covers it while A is away. Pick a window, "
                "choose A and B from the clerks in use."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Window"), self.tr("Name"), self.tr("A post"), self.tr("B post")]
        )
        self.table.setAccessibleName(self.tr("Windows and their AB posts"))
        self.a_label.setText(self.tr("A post"))
        self.b_label.setText(self.tr("B post"))
        self.a.setAccessibleName(self.tr("A post"))
        self.b.setAccessibleName(self.tr("B post"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the AB post"))
        self.remove_button.setText(self.tr("Remove the post"))
        self.remove_button.setAccessibleName(self.remove_button.text())
        self.refresh()

    def _person(self, clerk_id: int | None) -> str:
        c = self.settings.catalog.clerk_by_id(clerk_id)
        if c is None:
            return "—"
        return render("person.with_code", self.lang, name=c.name, code=c.code)

    def refresh(self, *, force: bool = False) -> None:
        cat = self.settings.catalog
        rows = [
            (
                w.number,
                [str(w.number), w.name, self._person(w.a_clerk_id), self._person(w.b_clerk_id)],
            )
            for w in cat.windows
        ]
        _fill(self.table, rows, self.number)
        if self.number not in {w.number for w in cat.windows}:
            self.number = None
            self._loaded = None
        if force or not self.edited:
            self._show_window()
        self.update_actions()

    def _picked(self) -> None:
        number = _key_of(self.table)
        if number is None or number == self.number:
            return
        self.number = number
        self._show_window()
        self.say("")

    def _show_window(self) -> None:
        self.editor.setVisible(self.number is not None)
        if self.number is None:
            return
        cat = self.settings.catalog
        w = cat.window(self.number)
        self.heading.setText(self.tr("Window {n} · {name}").format(n=w.number, name=w.name))
        in_use = [c for c in cat.clerks if c.active]
        for combo, clerk_id in ((self.a, w.a_clerk_id), (self.b, w.b_clerk_id)):
            with QSignalBlocker(combo):
                combo.clear()
                for c in in_use:
                    combo.addItem(
                        render("person.with_code", self.lang, name=c.name, code=c.code), c.code
                    )
                now = cat.clerk_by_id(clerk_id)
                combo.setCurrentIndex(combo.findData(now.code) if now is not None else -1)
        self.mark_loaded()
        self.update_actions()

    def form(self) -> Any:
        if self.number is None:
            return None
        return self.number, self.a.currentData(), self.b.currentData()

    def can(self, button: QPushButton) -> bool:
        if self.number is None:
            return False
        if button is self.remove_button:
            w = self.settings.catalog.window(self.number)
            return w.a_clerk_id is not None or w.b_clerk_id is not None
        return True

    def submit(self) -> None:
        if self.number is None:
            return
        a, b = self.a.currentData(), self.b.currentData()
        if a is None or b is None:
            self.refuse(self.tr("Choose both A and B."))
            return
        hall, token, number = self.hall, self.token, self.number
        self.save([lambda: hall.set_post(token, number, str(a), str(b))])

    def remove(self) -> None:
        if self.number is None:
            return
        hall, token, number = self.hall, self.token, self.number
        self.save([lambda: hall.set_post(token, number, None, None)])


# -- 大厅屏通知: the lobby display's notice -------------------------------------------------------


class SettingsNoticePage(_Page):
    """大厅屏通知: the line that scrolls at the foot of the lobby display."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.text = QPlainTextEdit()
        self.text.setObjectName("settingsNotice")
        self.text.textChanged.connect(self.update_actions)
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.box.addWidget(self.text, 1)
        keys = QHBoxLayout()
        keys.addWidget(self.save_button)
        keys.addStretch(1)
        self.box.addLayout(keys)
        self.finish_layout()
        self.box.addStretch(2)  # a notice is a line or two: the box need not fill the page
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Display notice"))
        self.hint.setText(
            self.tr("The notice scrolls at the foot of the lobby display; saved, it shows at once.")
        )
        self.text.setAccessibleName(self.tr("Notice on the lobby display"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the notice"))
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        if force or not self.edited:
            with QSignalBlocker(self.text):
                self.text.setPlainText(self.settings.display.notice)
            self.mark_loaded()
        self.update_actions()

    def form(self) -> Any:
        return self.text.toPlainText()

    def submit(self) -> None:
        hall, token, text = self.hall, self.token, self.text.toPlainText()
        self.save([lambda: hall.set_display_notice(token, text)])


# -- 节假日: holidays and 调休 working days --------------------------------------------------------


class _DayList(QWidget):
    """One list of dates with its date picker: add the date picked, remove the one selected."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = label(role="heading")
        self.days = QListWidget()
        self.days.setObjectName("settingsDays")
        self.pick = QDateEdit()
        self.pick.setCalendarPopup(True)
        self.pick.setDisplayFormat("yyyy-MM-dd")
        self.add = QPushButton()
        self.remove = QPushButton()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.days, 1)
        row = QHBoxLayout()
        row.addWidget(self.pick, 1)
        row.addWidget(self.add)
        box.addLayout(row)
        box.addWidget(self.remove)

    def chosen(self) -> date | None:
        item = self.days.currentItem()
        if item is None or not item.isSelected():
            return None
        day: date = item.data(Qt.ItemDataRole.UserRole)
        return day


class SettingsHolidaysPage(_Page):
    """节假日: the days the hall is closed, and the weekend days that are working days."""

    KINDS = ("holidays", "workday_swaps")

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.lists = {kind: _DayList() for kind in self.KINDS}
        today = self.hall.now().astimezone(self.settings.tz).date()
        split = QHBoxLayout()
        for kind, days in self.lists.items():
            days.pick.setDate(QDate(today.year, today.month, today.day))
            self.keys.extend((days.add, days.remove))
            days.add.clicked.connect(lambda _=False, k=kind: self.add(k))
            days.remove.clicked.connect(lambda _=False, k=kind: self.remove(k))
            days.days.itemSelectionChanged.connect(self.update_actions)
            split.addWidget(days, 1)
        self.box.addLayout(split, 1)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Holidays and swapped working days"))
        self.hint.setText(
            self.tr(
                "On a holiday the hall is closed, even on a weekday; a swapped working day "
                "is a weekend day the hall opens as on a weekday."
            )
        )
        holidays, swaps = self.lists["holidays"], self.lists["workday_swaps"]
        holidays.heading.setText(self.tr("Holidays (closed)"))
        swaps.heading.setText(self.tr("Swapped working days (open)"))
        holidays.days.setAccessibleName(self.tr("Holidays"))
        swaps.days.setAccessibleName(self.tr("Swapped working days"))
        holidays.pick.setAccessibleName(self.tr("Holiday to add"))
        swaps.pick.setAccessibleName(self.tr("Swapped working day to add"))
        for days in self.lists.values():
            days.add.setText(self.tr("Add"))
            days.remove.setText(self.tr("Remove the day selected"))
        holidays.add.setAccessibleName(self.tr("Add the holiday"))
        swaps.add.setAccessibleName(self.tr("Add the swapped working day"))
        holidays.remove.setAccessibleName(self.tr("Remove the holiday selected"))
        swaps.remove.setAccessibleName(self.tr("Remove the swapped working day selected"))
        self.refresh()

    def _dates(self, kind: str) -> tuple[date, ...]:
        cal = self.settings.calendar
        return tuple(cal.holidays if kind == "holidays" else cal.workday_swaps)

    def refresh(self, *, force: bool = False) -> None:
        for kind, days in self.lists.items():
            keep = days.chosen()
            with QSignalBlocker(days.days):
                days.days.clear()
                for day in self._dates(kind):
                    weekday = render(f"weekday.{day.strftime('%a').lower()}", self.lang)
                    item = QListWidgetItem(f"{day.isoformat()}  {weekday}")
                    item.setData(Qt.ItemDataRole.UserRole, day)
                    days.days.addItem(item)
                    if day == keep:
                        days.days.setCurrentItem(item)
        self.update_actions()

    def can(self, button: QPushButton) -> bool:
        for days in self.lists.values():
            if button is days.remove:
                return days.chosen() is not None
        return True

    def add(self, kind: str) -> None:
        day = self.lists[kind].pick.date().toPython()
        assert isinstance(day, date)
        hall, token = self.hall, self.token
        self.save([lambda: hall.set_calendar_day(token, kind, day, True)])

    def remove(self, kind: str) -> None:
        day = self.lists[kind].chosen()
        if day is None:
            return
        hall, token = self.hall, self.token
        self.save([lambda: hall.set_calendar_day(token, kind, day, False)])


# -- 告警阈值: when the supervisor's station raises an alarm --------------------------------------


class SettingsAlarmsPage(_Page):
    """告警阈值: the thresholds of the alarms and the chime; saved as one change."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.spins: dict[str, QSpinBox] = {}
        self.labels: dict[str, Any] = {}
        grid = QGridLayout()
        for row, path in enumerate(ALARM_KEYS):
            spin = QSpinBox()
            spin.setRange(0, 999)  # the core says what a threshold may be
            self.spins[path] = spin
            self.labels[path] = label(wrap=False)
            grid.addWidget(self.labels[path], row, 0)
            grid.addWidget(spin, row, 1)
        self.sound = QCheckBox()
        grid.addWidget(self.sound, len(ALARM_KEYS), 0, 1, 2)
        grid.setColumnStretch(2, 1)
        self.save_button = self.button("primary")
        self.save_button.clicked.connect(self.submit)
        self.box.addLayout(grid)
        keys = QHBoxLayout()
        keys.addWidget(self.save_button)
        keys.addStretch(1)
        self.box.addLayout(keys)
        self.finish_layout()
        self.box.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Alarm thresholds"))
        self.hint.setText(
            self.tr("When the supervisor's station raises an alarm; saved, it applies at once.")
        )
        words = {
            "alarms.wait_minutes": self.tr("A ticket waits longer than"),
            "alarms.long_service_factor": self.tr("One ticket at a window longer than"),
            "alarms.both_away_minutes": self.tr("A and B of a post both away for"),
            "alarms.help_minutes": self.tr("A help request unanswered for"),
            "alarms.case_warn_days": self.tr("A bad-review case due within"),
            "staffing.empty_post_minutes": self.tr("A post's window empty for"),
        }
        units = {
            "alarms.wait_minutes": self.tr(" minutes"),
            "alarms.long_service_factor": self.tr(" × its handling time"),
            "alarms.both_away_minutes": self.tr(" minutes"),
            "alarms.help_minutes": self.tr(" minutes"),
            "alarms.case_warn_days": self.tr(" days"),
            "staffing.empty_post_minutes": self.tr(" minutes"),
        }
        for path, spin in self.spins.items():
            self.labels[path].setText(words[path])
            spin.setSuffix(units[path])
            spin.setAccessibleName(words[path] + units[path])
        self.sound.setText(self.tr("Chime when an alarm is raised"))
        self.sound.setAccessibleName(self.sound.text())
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the alarm thresholds"))
        self.refresh()

    def _current(self) -> dict[str, Any]:
        s = self.settings
        values: dict[str, Any] = {}
        for path in ALARM_KEYS:
            section, key = path.split(".")
            values[path] = getattr(s.alarms if section == "alarms" else s.staffing, key)
        values["alarms.sound"] = s.alarms.sound
        return values

    def refresh(self, *, force: bool = False) -> None:
        if force or not self.edited:
            for path, value in self._current().items():
                if path == "alarms.sound":
                    self.sound.setChecked(bool(value))
                else:
                    self.spins[path].setValue(int(value))
            self.mark_loaded()
        self.update_actions()

    def form(self) -> Any:
        values: dict[str, Any] = {path: spin.value() for path, spin in self.spins.items()}
        values["alarms.sound"] = self.sound.isChecked()
        return values

    def submit(self) -> None:
        now, typed = self._current(), self.form()
        edits = [su.setting(path, value) for path, value in typed.items() if now[path] != value]
        hall, token = self.hall, self.token
        self.save([lambda: hall.change_settings(token, "alarms", edits)])


# -- 修改记录: the record of the changes -----------------------------------------------------------


class SettingsLogPage(_Page):
    """修改记录: every recorded change, newest first: when, who, what, and old → new."""

    def __init__(self, owner: SettingsPages) -> None:
        super().__init__(owner)
        self.changes: list[SettingsChange] = []
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.box.addWidget(self.tree, 1)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Change log"))
        self.hint.setText(self.tr("Every change of the hall's settings, newest first."))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.tree.setAccessibleName(self.tr("Changes of the hall's settings"))
        self.show_changes(self.changes)

    def show_changes(self, changes: list[SettingsChange]) -> None:
        self.changes = changes
        tz = self.settings.tz
        self.tree.clear()
        for change in changes:
            who = (
                render("person.with_code", self.lang, name=change.by_name, code=change.by)
                if change.by
                else render("setup.nobody", self.lang)
            )
            what = render(f"setup.what.{change.what}", self.lang)
            item = QTreeWidgetItem([f"{change.at.astimezone(tz):%Y-%m-%d %H:%M}", who, what])
            for d in change.changes:
                line = QTreeWidgetItem(["", "", difference_line(d, self.key_words)])
                line.setToolTip(2, line.text(2))
                item.addChild(line)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if not changes:
            self.say(self.tr("No change recorded yet."))
        else:
            self.say("")


# -- the pages together -------------------------------------------------------------------------


class _Nav(QListWidget):
    """The list of pages, as wide as its longest name in the font the stylesheet gives it."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        texts = [self.item(i).text() for i in range(self.count())]
        widest = max((self.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
        return QSize(widest + 3 * self.fontMetrics().height(), hint.height())


class SettingsPages(QWidget):
    """The settings of the hall a supervisor may change, one page each, and the record."""

    #: Saved: the core's answers (one SettingsChange per change made).
    settings_saved = Signal(object)
    #: Refused: the sentence shown.
    save_refused = Signal(str)
    #: The record of the changes read (after a change anywhere in the hall).
    changes_read = Signal(object)

    def __init__(
        self,
        hall: Hall,
        *,
        token: str,
        db: Worker,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPages")
        self.hall = hall
        self.token = token
        self.db = db
        self.lang = lang
        self.nav = _Nav()
        self.nav.setObjectName("settingsNav")
        self.stack = QStackedWidget()
        self.caps = SettingsCapsPage(self)
        self.windows = SettingsWindowsPage(self)
        self.clerks = SettingsClerksPage(self)
        self.posts = SettingsPostsPage(self)
        self.notice = SettingsNoticePage(self)
        self.holidays = SettingsHolidaysPage(self)
        self.alarms = SettingsAlarmsPage(self)
        self.log = SettingsLogPage(self)
        self.pages: tuple[_Page, ...] = (
            self.caps,
            self.windows,
            self.clerks,
            self.posts,
            self.notice,
            self.holidays,
            self.alarms,
            self.log,
        )
        for page in self.pages:
            self.stack.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        row = QHBoxLayout(self)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.retranslate()
        self.read_changes()

    def retranslate(self) -> None:
        names = (
            self.tr("Caps and slots"),
            self.tr("Window services"),
            self.tr("Clerks"),
            self.tr("AB posts"),
            self.tr("Display notice"),
            self.tr("Holidays"),
            self.tr("Alarm thresholds"),
            self.tr("Change log"),
        )
        for i, name in enumerate(names):
            item = self.nav.item(i)
            if item is not None:
                item.setText(name)
        self.nav.setAccessibleName(self.tr("Settings pages"))
        self.nav.updateGeometry()

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(page))

    def on_event(self, ev: FeedEvent) -> None:
        """Every feed event; a ``setting_changed`` one makes the pages read again."""
        if ev.kind in SETTING_EVENTS:
            self.reload()

    def reload(self) -> None:
        """The hall's settings and the record read again (on the worker), then shown."""
        hall = self.hall

        def read() -> list[SettingsChange]:
            hall.reload()
            return hall.setting_changes(limit=LOG_LIMIT)

        self.db.submit(read, self._read, self._read_failed)

    def read_changes(self) -> None:
        hall = self.hall
        self.db.submit(lambda: hall.setting_changes(limit=LOG_LIMIT), self._read, self._read_failed)

    def _read(self, changes: list[SettingsChange]) -> None:
        for page in self.pages:
            page.refresh()
        self.log.show_changes(changes)
        self.changes_read.emit(changes)

    def _read_failed(self, exc: BaseException) -> None:
        self.log.say(self.sentence(exc), "alert")

    def changes_saved(self, done: list[SettingsChange]) -> None:
        """A page saved: the other pages show the hall as it now is, the record is read."""
        for page in self.pages:
            page.refresh()
        self.settings_saved.emit(done)
        self.read_changes()

    def sentence(self, exc: BaseException) -> str:
        if isinstance(exc, YimenError):
            return exc.message(self.lang)
        log.error("settings operation failed", exc_info=exc)
        return self.tr("That did not work; please try again or call the hall's IT.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
