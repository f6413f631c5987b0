"""What the supervisor's settings pages share: how a recorded change reads, the tables
that list what a page edits, and ``_Page``, the base of every page (its title, hint,
status line and saves on the station's database worker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTime, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shared.base.errors import YimenError
from shared.config.export import Difference
from shared.config.halls import HallSettings
from shared.hall import Hall
from shared.qt.tasks import Worker
from shared.qt.widgets import label
from shared.rules.setup import SettingsChange, key_words

#: A list shorter than this is said whole (old → new); a longer one by what was added
#: and taken off (a year's holidays read as the one day that changed).
WHOLE_LIST = 8

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
            return QCoreApplication.translate("SettingsPages", "{path}: {what}").format(
                path=path, what=QCoreApplication.translate("SettingsPages", "; ").join(parts)
            )
    old, new = _said(d.path, d.old), _said(d.path, d.new)
    return QCoreApplication.translate("SettingsPages", "{path}: {old} → {new}").format(
        path=path, old=old, new=new
    )


def _said(path: str, value: Any) -> str:
    """A value in words where its key gives it a meaning: a slot's quota of 0 is no quota,
    a role is a clerk or a supervisor."""
    if path.endswith(".slot_caps") and isinstance(value, list):
        none = QCoreApplication.translate("SettingsPages", "no quota")
        return ", ".join(none if v == 0 else str(v) for v in value) if value else "—"
    if path.endswith(".role") and value in ("clerk", "supervisor"):
        if value == "clerk":
            return QCoreApplication.translate("SettingsPages", "clerk")
        return QCoreApplication.translate("SettingsPages", "supervisor")
    return shown_value(value)


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


class Owner(Protocol):
    """What a page uses of the pages it is one of (`counter.settings.pages.SettingsPages`):
    the hall, the sign-in it acts with, the database worker, the language, and where a
    save or a refusal is told."""

    hall: Hall
    token: str
    db: Worker
    lang: str

    @property
    def save_refused(self) -> SignalInstance: ...

    def sentence(self, exc: BaseException) -> str: ...

    def changes_saved(self, done: list[SettingsChange]) -> None: ...


class _Page(QWidget):
    """One settings page: its title and hint, what it shows, its status line and its
    saves. A page fills itself from ``hall.settings`` (`refresh`); a form being edited
    keeps what was typed unless the page is told to show the hall as saved."""

    def __init__(self, owner: Owner) -> None:
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
