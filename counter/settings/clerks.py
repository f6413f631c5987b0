"""工作人员: the hall's clerks (add, rename, disable or enable, reset a password)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from counter.settings.base import Owner, _fill, _key_of, _Page, _table
from shared.config.catalog import ClerkEntry
from shared.qt.widgets import label
from shared.rules.setup import SettingsChange
from shared.store.model import Role


class SettingsClerksPage(_Page):
    """工作人员: the hall's clerks; add one, rename, change the role, disable or enable,
    reset a password (typed twice)."""

    def __init__(self, owner: Owner) -> None:
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
