"""AB岗: each window's A and B."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.settings.base import Owner, _fill, _key_of, _Page, _table
from shared.base.messages import render
from shared.qt.widgets import label


class SettingsPostsPage(_Page):
    """AB岗: a window's A (holds the post) and B (covers when A is away)."""

    def __init__(self, owner: Owner) -> None:
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
