"""The extended-hours panel of the console (Ctrl+E, 延时服务), open after closing time.

The clerk says why the ticket in hand is served past closing (the citizen asked, heavy
load or urgency, or another reason written out), or declines a citizen's request to be
served past closing, with the reason a supervisor will decide on. The panel only collects
what the clerk says; the console sends it to the core and shows the core's sentence when
it is refused (an empty reason, "other" without a note), keeping the panel open.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shared.qt.widgets import label

#: The reasons a clerk states, by their digit key (the core's values).
TRIGGERS = (
    ("citizen_request", QT_TRANSLATE_NOOP("OvertimePanel", "1  The citizen asked")),
    ("heavy_load", QT_TRANSLATE_NOOP("OvertimePanel", "2  Heavy load or urgency")),
    ("other", QT_TRANSLATE_NOOP("OvertimePanel", "3  Other: write the reason below")),
)


def closing_words(closed_at: str, number: str | None) -> str:
    """The line the console shows once the hall has closed (``closed_at``: HH:MM)."""
    text = QCoreApplication.translate(
        "OvertimePanel", "The hall closed at {time}: extended hours."
    ).format(time=closed_at)
    if number is not None:
        text += " " + QCoreApplication.translate(
            "OvertimePanel", "Ticket {n} counts as extended service (Ctrl+E: say why)."
        ).format(n=number)
    return text


class OvertimePanel(QWidget):
    """Two pages: why the ticket in hand runs past closing (1, 2, 3), or 4 a citizen's
    request declined. ``mark`` carries (trigger, note); ``decline`` (ticket number or "",
    reason)."""

    mark = Signal(str, str)
    decline = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._closed_at = ""
        self._number: str | None = None
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        # Why the service in hand runs past closing.
        self.mark_page = QWidget()
        self.title = label(role="heading")
        self.about = label(role="hint")
        self.trigger_buttons: dict[str, QPushButton] = {}
        box = QVBoxLayout(self.mark_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.about)
        for trigger, _text in TRIGGERS:
            b = QPushButton()
            b.setProperty("role", "option")
            b.clicked.connect(lambda _=False, t=trigger: self.choose(t))
            box.addWidget(b)
            self.trigger_buttons[trigger] = b
        self.note = QLineEdit()  # the reason for "other"
        self.note.returnPressed.connect(lambda: self.choose("other"))
        box.addWidget(self.note)
        self.to_decline = QPushButton()
        self.to_decline.setProperty("role", "option")
        self.to_decline.clicked.connect(self.show_decline)
        box.addWidget(self.to_decline)
        box.addStretch(1)
        # The digit alone, or with Ctrl while typing the note (the field takes digits).
        acts = [*((lambda t=t: self.choose(t)) for t, _ in TRIGGERS), self.show_decline]
        for i, act in enumerate(acts, 1):
            for keys in (str(i), f"Ctrl+{i}"):
                shortcut = QShortcut(QKeySequence(keys), self.mark_page)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(act)

        # A citizen's request declined, with the reason a supervisor decides on.
        self.decline_page = QWidget()
        self.decline_title = label(role="heading")
        self.decline_hint = label(role="hint")
        self.number = QLineEdit()
        self.reason = QLineEdit()
        self.reason.returnPressed.connect(self.submit_decline)
        self.decline_button = QPushButton()
        self.decline_button.setProperty("role", "primary")
        self.decline_button.clicked.connect(self.submit_decline)
        self.number_label = label(role="hint", wrap=False)
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(self.number_label)
        ticket_row.addWidget(self.number, 1)
        box = QVBoxLayout(self.decline_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.decline_title)
        box.addWidget(self.decline_hint)
        box.addLayout(ticket_row)
        box.addWidget(self.reason)
        box.addWidget(self.decline_button)
        box.addStretch(1)
        self.pages.addWidget(self.mark_page)
        self.pages.addWidget(self.decline_page)
        self.retranslate()

    def open(self, closed_at: str, number: str | None) -> None:
        """Fresh for the ticket in hand (``number``); without one, straight to declining."""
        self._closed_at, self._number = closed_at, number
        self.note.clear()
        self.reason.clear()
        self.number.setText(number or "")
        self._show_about()
        if number is None:
            self.show_decline()
            return
        self.pages.setCurrentWidget(self.mark_page)
        self.trigger_buttons[TRIGGERS[0][0]].setFocus()  # digits choose

    def show_decline(self) -> None:
        self.pages.setCurrentWidget(self.decline_page)
        self.reason.setFocus()

    def choose(self, trigger: str) -> None:
        if self._number is None or self.pages.currentWidget() is not self.mark_page:
            return
        note = self.note.text().strip()
        if trigger == "other" and not note:
            self.note.setFocus()  # the core says a note is needed; the clerk writes it here
        self.mark.emit(trigger, note)

    def submit_decline(self) -> None:
        self.decline.emit(self.number.text().strip().upper(), self.reason.text().strip())

    def _show_about(self) -> None:
        text = self.tr("The hall closed at {time}. Ticket {n} is extended service: why?")
        self.about.setText(text.format(time=self._closed_at, n=self._number or ""))
        hint = self.tr("The hall closed at {time}. A reason is required; a supervisor decides.")
        self.decline_hint.setText(hint.format(time=self._closed_at))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ctrl+E Extended hours: press 1, 2, 3 or 4 (Esc closes)"))
        for trigger, words in TRIGGERS:
            b = self.trigger_buttons[trigger]
            b.setText(self.tr(str(words)))
            b.setAccessibleName(b.text())
        self.note.setPlaceholderText(self.tr("Reason for “other”, then Enter"))
        self.note.setAccessibleName(self.note.placeholderText())
        self.to_decline.setText(self.tr("4  Decline a citizen's request"))
        self.to_decline.setAccessibleName(self.to_decline.text())
        self.decline_title.setText(self.tr("Decline a citizen's request (Esc closes)"))
        self.number_label.setText(self.tr("Ticket"))
        self.number.setPlaceholderText(self.tr("The citizen's ticket, if any"))
        self.number.setAccessibleName(self.number.placeholderText())
        self.reason.setPlaceholderText(self.tr("Reason (required), then Enter"))
        self.reason.setAccessibleName(self.reason.placeholderText())
        self.decline_button.setText(self.tr("Decline and send to a supervisor"))
        self.decline_button.setAccessibleName(self.decline_button.text())
        self._show_about()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
