"""The AB post panel of the console (Ctrl+B): A hands the window over before leaving,
or B, covering, gives it back when A returns. The step-in form lives on the sign-in page
(`StepInForm`): B takes a window whose A left without handing over.

The panels only collect what the clerk says; the console sends it to the core and shows
the core's sentence when it is refused.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shared.hall import PostInfo
from shared.qt.widgets import label

#: The reasons, in the order a clerk picks them (the core's values).
REASONS = ("meeting", "lunch", "leave", "study", "business_trip", "other")


def reason_words(reason: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    words = {
        "meeting": QCoreApplication.translate("PostPanel", "Meeting"),
        "lunch": QCoreApplication.translate("PostPanel", "Lunch"),
        "leave": QCoreApplication.translate("PostPanel", "Leave"),
        "study": QCoreApplication.translate("PostPanel", "Study or training"),
        "business_trip": QCoreApplication.translate("PostPanel", "Business trip"),
        "other": QCoreApplication.translate("PostPanel", "Other"),
    }
    return words.get(reason or "", reason or "")


def _reasons(combo: QComboBox) -> None:
    combo.clear()
    for r in REASONS:
        combo.addItem(reason_words(r), r)


def _quarter_hour_after(now: datetime, hours: int = 1) -> datetime:
    later = now + timedelta(hours=hours)
    minutes = (15 - later.minute % 15) % 15
    return (later + timedelta(minutes=minutes)).replace(second=0, microsecond=0)


class PostPanel(QWidget):
    """Hand over (A at the window) or hand back (B covering). ``hand_over`` carries
    (reason, expected return, note, B's password or None); ``hand_back`` (report, A's
    password)."""

    hand_over = Signal(str, object, str, object)
    hand_back = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.post: PostInfo | None = None
        self.pages = QStackedWidget()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.pages)

        # A hands over.
        self.over_page = QWidget()
        self.over_title = label(role="heading")
        self.reason_label = label(role="hint")
        self.reason = QComboBox()
        self.reason.setAccessibleName("reason")
        self.back_label = label(role="hint")
        self.back = QDateTimeEdit()
        self.back.setDisplayFormat("MM-dd HH:mm")
        self.back.setAccessibleName("expected return")
        self.note_label = label(role="hint")
        self.note = QLineEdit()
        self.note.setAccessibleName("note")
        self.b_label = label(role="hint")
        self.b_hint = label(role="hint")
        self.b_password = QLineEdit()
        self.b_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.b_password.setAccessibleName("B password")
        self.over_button = QPushButton()
        self.over_button.setProperty("role", "primary")
        self.over_button.clicked.connect(self._submit_over)
        self.b_password.returnPressed.connect(self._submit_over)
        self.note.returnPressed.connect(self.b_password.setFocus)
        box = QVBoxLayout(self.over_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.over_title)
        form = QFormLayout()  # labels beside their fields: the panel fits a desk screen
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.back_label, self.back)
        form.addRow(self.note_label, self.note)
        form.addRow(self.b_label, self.b_password)
        box.addLayout(form)
        box.addWidget(self.b_hint)
        box.addWidget(self.over_button)
        box.addStretch(1)

        # B gives it back.
        self.back_page = QWidget()
        self.back_title = label(role="heading")
        self.away_line = label()
        self.report_label = label(role="hint")
        self.report = QLineEdit()
        self.report.setAccessibleName("report")
        self.a_label = label(role="hint")
        self.a_password = QLineEdit()
        self.a_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.a_password.setAccessibleName("A password")
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self._submit_back)
        self.a_password.returnPressed.connect(self._submit_back)
        self.report.returnPressed.connect(self.a_password.setFocus)
        box = QVBoxLayout(self.back_page)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.back_title,
            self.away_line,
            self.report_label,
            self.report,
            self.a_label,
            self.a_password,
            self.back_button,
        ):
            box.addWidget(w)
        box.addStretch(1)
        self.pages.addWidget(self.over_page)
        self.pages.addWidget(self.back_page)
        self.retranslate()

    def retranslate(self) -> None:
        self.over_title.setText(self.tr("Ctrl+B Hand the window over to your B post"))
        self.reason_label.setText(self.tr("Reason"))
        self.back_label.setText(self.tr("Back at"))
        self.note_label.setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("needed for “Other”"))
        self.over_button.setText(self.tr("Hand over"))
        self.back_title.setText(self.tr("Ctrl+B Give the window back to A"))
        self.report_label.setText(self.tr("Report of what was done meanwhile"))
        self.back_button.setText(self.tr("Give back"))
        for b in (self.over_button, self.back_button):
            b.setAccessibleName(b.text())
        current = self.reason.currentData()
        _reasons(self.reason)
        if current:
            self.reason.setCurrentIndex(max(0, self.reason.findData(current)))
        self._describe()

    def open_hand_over(self, post: PostInfo, now: datetime) -> None:
        self.post = post
        self.reason.setCurrentIndex(0)
        back = _quarter_hour_after(now)
        self.back.setDateTime(
            QDateTime(QDate(back.year, back.month, back.day), QTime(back.hour, back.minute))
        )
        self.note.clear()
        self.b_password.clear()
        self._describe()
        self.pages.setCurrentWidget(self.over_page)
        self.reason.setFocus()

    def open_hand_back(self, post: PostInfo, tz: object) -> None:
        self.post = post
        self.report.clear()
        self.a_password.clear()
        self._describe(tz)
        self.pages.setCurrentWidget(self.back_page)
        self.report.setFocus()

    def _describe(self, tz: object = None) -> None:
        p = self.post
        if p is None:
            return
        self.b_label.setText(self.tr("B post {name}").format(name=p.b_name))
        self.b_password.setPlaceholderText(self.tr("{code}'s password").format(code=p.b_code))
        self.b_hint.setText(
            self.tr(
                "B at the desk takes the window and the citizen now; left empty, it waits for B."
            )
        )
        self.a_label.setText(
            self.tr("A post {name} ({code}): enter your password to take the window back.").format(
                name=p.a_name, code=p.a_code
            )
        )
        if p.left_at is not None:
            left = p.left_at.astimezone(tz) if tz is not None else p.left_at  # type: ignore[arg-type]
            self.away_line.setText(
                self.tr("{name} away since {time}: {reason}").format(
                    name=p.a_name, time=f"{left:%H:%M}", reason=reason_words(p.reason)
                )
            )

    def _submit_over(self) -> None:
        back = self.back.dateTime().toPython()
        password = self.b_password.text() or None
        self.b_password.clear()
        self.hand_over.emit(
            str(self.reason.currentData()), back, self.note.text().strip(), password
        )

    def _submit_back(self) -> None:
        password = self.a_password.text()
        self.a_password.clear()
        self.hand_back.emit(self.report.text().strip(), password)


class StepInForm(QWidget):
    """On the sign-in page: B steps in for an A who left without handing over."""

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="hint")
        self.reason = QComboBox()
        self.reason.setAccessibleName("reason A left")
        self.note = QLineEdit()
        self.note.setAccessibleName("note")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.title, self.reason, self.note):
            box.addWidget(w)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Step in as B: why is A away? (if you know)"))
        self.note.setPlaceholderText(self.tr("Note"))
        current = self.reason.currentData()
        _reasons(self.reason)
        self.reason.setCurrentIndex(max(0, self.reason.findData(current or "other")))
