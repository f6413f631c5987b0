"""The noon-duty panel of the console (中午值班): the last window serving a zone at noon.

During the noon break each zone keeps at least one comprehensive window serving. When the
clerk of the last one pauses (F5) or signs out, the core refuses with ``noon.last_window``
and the console opens this panel beside the desk: the core's sentence, a field for the
reason, and a button that pauses or signs out after all, with the reason recorded for the
supervisor. Esc closes it and nothing happens: the window keeps serving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from shared.qt.widgets import label


class NoonPanel(QWidget):
    """``confirmed`` carries the reason given, as the refused operation runs again with it."""

    confirmed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._retry: Callable[[str], None] | None = None
        self.title = label(role="heading")
        self.sentence = label(role="refusal")  # the core's sentence: which zone, until when
        self.reason_label = label(role="hint")
        self.reason = QLineEdit()
        self.reason.returnPressed.connect(self.confirm)
        self.reason.textChanged.connect(self._enable)
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.clicked.connect(self.confirm)
        self.hint = label(role="hint")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.title,
            self.sentence,
            self.reason_label,
            self.reason,
            self.confirm_button,
            self.hint,
        ):
            box.addWidget(w)
        box.addStretch(1)
        self.retranslate()
        self._enable()

    def ask(self, sentence: str, retry: Callable[[str], None]) -> None:
        """Show the refusal; confirming calls ``retry`` with the reason typed."""
        self._retry = retry
        self.sentence.setText(sentence)
        self.reason.clear()
        self._enable()

    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason or self._retry is None:
            self.reason.setFocus()  # a reason is what the rule asks for
            return
        retry, self._retry = self._retry, None
        self.confirmed.emit(reason)
        retry(reason)

    def _enable(self) -> None:
        self.confirm_button.setEnabled(bool(self.reason.text().strip()))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Noon duty: the last window serving"))
        self.reason_label.setText(self.tr("Why must the window stop? (the supervisor sees it)"))
        self.reason.setAccessibleName(self.reason_label.text())
        self.confirm_button.setText(self.tr("Confirm: stop serving"))
        self.confirm_button.setAccessibleName(self.confirm_button.text())
        self.hint.setText(self.tr("Enter confirms; Esc cancels and the window keeps serving."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
