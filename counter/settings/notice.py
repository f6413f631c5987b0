"""大厅屏通知: the notice at the foot of the lobby display."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit

from counter.settings.base import Owner, _Page


class SettingsNoticePage(_Page):
    """大厅屏通知: the line that scrolls at the foot of the lobby display."""

    def __init__(self, owner: Owner) -> None:
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
