"""窗口事项: the services a window serves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.settings.base import Owner, _fill, _key_of, _Page, _table
from shared.config.catalog import WindowEntry
from shared.qt.widgets import label


class SettingsWindowsPage(_Page):
    """窗口事项: pick a window, tick the services it serves."""

    def __init__(self, owner: Owner) -> None:
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
