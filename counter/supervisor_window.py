"""The supervisor's station (``yimen supervisor``): a hall manager's desk screen.

First a sign-in: a supervisor's code and password (Enter signs in); a refusal is the
core's sentence under the form, the password cleared and the code kept. Then a header
(the hall, the date and time, who is signed in, the alarm badge with the number of
alarms to look at, red while there are any, and a sign-out button) over three tabs:
现场 the live floor (`counter.floor_view`), 告警 the alarms (`counter.alarms_panel`)
and 设置 the hall's settings (`counter.settings`).

Every call to the hall runs on the station's one database worker; the change feed
(`FeedBridge`) tells each tab what happened. A refusal saying the sign-in no longer
holds (signed out elsewhere, a new day) brings the sign-in page back with that sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter.alarms_panel import AlarmsPanel
from counter.floor_tiles import restyle, sentence_of
from counter.floor_view import FloorView
from counter.reports_page import ReportsPage
from counter.settings import SettingsPages
from counter.window import STAFF_SCALE_SIDE, set_tone
from shared.base.messages import word
from shared.devices.announcer import Output
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.qt.widgets import label
from shared.rules.staff import StaffSignIn
from shared.store.feed import FeedEvent

#: The desk screen the station is laid out for, and the smallest it still works on.
DESK_SIZE = QSize(1920, 1080)
SMALLEST = QSize(1280, 720)
#: How long the badge blinks after a new alarm, and how fast.
BLINK_MS = 500
BLINKS = 20
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SupervisorWindow(QWidget):
    """``signed_in`` with the `StaffSignIn`; ``said`` with each sentence of the sign-in
    page's status line."""

    signed_in = Signal(object)
    said = Signal(str)

    def __init__(
        self,
        hall: Hall,
        *,
        bridge: FeedBridge | None,
        lang: str = "zh",
        station: str = "desk",
        sound: Output | None = None,
    ) -> None:
        super().__init__()
        self.hall = hall
        self.bridge = bridge
        self.lang = lang
        self.station = station
        self.me: StaffSignIn | None = None
        self.db = Worker("db", self)
        self.settings_pages: SettingsPages | None = None
        self._blinks = 0
        self._blinker = QTimer(self)  # the badge blinking after a new alarm
        self.setObjectName("supervisor")
        self.floor_view = FloorView(hall, db=self.db, lang=lang)
        self.alarms_panel = AlarmsPanel(hall, db=self.db, lang=lang, output=sound)
        self._build()
        self.setStyleSheet(stylesheet("staff", STAFF_SCALE_SIDE))
        self.retranslate()
        self.floor_view.session_ended.connect(self._session_ended)
        self.alarms_panel.session_ended.connect(self._session_ended)
        self.alarms_panel.count_changed.connect(self._show_badge)
        self.alarms_panel.raised.connect(lambda _n: self._blink())
        self._clock = QTimer(self)  # the header's clock: the time, not the tables
        self._clock.timeout.connect(self._show_clock)
        self._clock.start(1000)
        self._blinker.timeout.connect(self._blink_step)
        self._show_clock()
        if bridge is not None:
            bridge.event_received.connect(self._on_feed_event)
            bridge.connection_lost.connect(lambda _detail: self.banner.show())
            bridge.connection_restored.connect(self.banner.hide)
            bridge.connection_restored.connect(self._on_feed_restored)
        QTimer.singleShot(0, self.code.setFocus)

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        # Sign-in.
        self.sign_in_page = QWidget()
        self.sign_in_hall = label(role="hallName")
        self.sign_in_title = label(role="title")
        self.code_label, self.password_label = label(), label()
        self.code = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.code.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit_sign_in)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.clicked.connect(self.submit_sign_in)
        self.sign_in_message = label(role="status")
        form = QGridLayout()
        form.addWidget(self.code_label, 0, 0)
        form.addWidget(self.code, 0, 1)
        form.addWidget(self.password_label, 1, 0)
        form.addWidget(self.password, 1, 1)
        column = QWidget()
        column.setMaximumWidth(720)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addStretch(1)
        box.addWidget(self.sign_in_hall)
        box.addWidget(self.sign_in_title)
        box.addLayout(form)
        box.addWidget(self.sign_in_button)
        box.addWidget(self.sign_in_message)
        box.addStretch(2)
        around = QHBoxLayout(self.sign_in_page)
        around.setContentsMargins(24, 24, 24, 24)
        around.addStretch(1)
        around.addWidget(column, 100)
        around.addStretch(1)

        # Signed in: the header over the tabs.
        self.main_page = QWidget()
        self.hall_name = label(role="hallName", wrap=False)
        self.clock = label(role="clock", wrap=False)
        self.who = label(role="who", wrap=False)
        self.badge = QPushButton()
        self.badge.setObjectName("alarmBadge")
        self.badge.clicked.connect(self.show_alarms)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setProperty("role", "floorKey")
        self.sign_out_button.setProperty("compact", True)
        self.sign_out_button.clicked.connect(self.sign_out)
        head = QHBoxLayout()
        head.setContentsMargins(12, 6, 12, 0)
        head.setSpacing(16)
        head.addWidget(self.hall_name)
        head.addWidget(self.clock)
        head.addStretch(1)
        head.addWidget(self.who)
        head.addWidget(self.badge)
        head.addWidget(self.sign_out_button)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.floor_view, "")
        self.tabs.addTab(self.alarms_panel, "")
        self.reports_page = ReportsPage(self.hall, db=self.db, lang=self.lang)
        self.tabs.addTab(self.reports_page, "")
        self.settings_holder = QWidget()
        QVBoxLayout(self.settings_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.settings_holder, "")
        page = QVBoxLayout(self.main_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(4)
        page.addLayout(head)
        page.addWidget(self.tabs, 1)

        self.stack.addWidget(self.sign_in_page)
        self.stack.addWidget(self.main_page)
        self.banner = label(role="banner")
        self.banner.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addWidget(self.stack)

    def retranslate(self) -> None:
        name = self.hall.settings.name
        self.setWindowTitle(self.tr("{hall} · Supervisor").format(hall=name))
        self.sign_in_hall.setText(name)
        self.hall_name.setText(name)
        self.sign_in_title.setText(self.tr("Supervisor's sign-in"))
        self.code_label.setText(self.tr("Supervisor code"))
        self.password_label.setText(self.tr("Password"))
        self.code.setAccessibleName(self.code_label.text())
        self.password.setAccessibleName(self.password_label.text())
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setAccessibleName(self.sign_in_button.text())
        self.sign_out_button.setText(self.tr("Sign out"))
        self.sign_out_button.setAccessibleName(self.sign_out_button.text())
        self.tabs.setTabText(0, self.tr("Floor"))
        self.tabs.setTabText(1, self.tr("Alarms"))
        self.tabs.setTabText(2, self.tr("Reports"))
        self.tabs.setTabText(3, self.tr("Settings"))
        self.banner.setText(
            self.tr(
                "Connection to the hall's server lost, reconnecting… What is shown may be"
                " out of date, and nothing can be saved until it is back."
            )
        )
        self._show_badge(self._badge_count())
        self._show_who()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fit_to_screen(self) -> None:
        """The opening size: the desk screen's free area (never under SMALLEST)."""
        screen = self.screen()
        free = screen.availableGeometry().size() if screen is not None else DESK_SIZE
        self.resize(DESK_SIZE.boundedTo(free).expandedTo(SMALLEST))

    # -- signing in and out ------------------------------------------------------------

    def submit_sign_in(self) -> None:
        code, password = self.code.text().strip(), self.password.text()
        if not code or not password:
            self._say(self.tr("Please enter your supervisor code and password."), alert=True)
            return
        self.sign_in_button.setEnabled(False)

        def done(me: StaffSignIn) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self._say("")
            self.me = me
            self._show_who()
            self._open_settings(me.token)
            self.stack.setCurrentWidget(self.main_page)
            self.tabs.setCurrentWidget(self.floor_view)
            self.floor_view.start(me.token)
            self.alarms_panel.start(me.token)
            self.signed_in.emit(me)

        def failed(exc: BaseException) -> None:
            self.sign_in_button.setEnabled(True)
            self.password.clear()
            self.password.setFocus()
            sentence = sentence_of(exc, self.lang)
            self._say(
                sentence or self.tr("That did not work; please try again or call the hall's IT."),
                alert=True,
            )

        station = self.station
        self.db.submit(lambda: self.hall.sign_in_supervisor(code, password, station), done, failed)

    def sign_out(self) -> None:
        me = self.me
        if me is None:
            return

        def done(_: object) -> None:
            self._back_to_sign_in(me.clerk, "", alert=False)

        def failed(exc: BaseException) -> None:
            self._back_to_sign_in(me.clerk, sentence_of(exc, self.lang) or "", alert=True)

        self.db.submit(lambda: self.hall.sign_out_supervisor(me.token), done, failed)

    def _session_ended(self, sentence: str) -> None:
        if self.me is not None:
            self._back_to_sign_in(self.me.clerk, sentence, alert=True)

    def _back_to_sign_in(self, code: str, sentence: str, *, alert: bool) -> None:
        self.me = None
        self.floor_view.stop()
        self.alarms_panel.stop()
        self._close_settings()
        self._show_who()
        self.stack.setCurrentWidget(self.sign_in_page)
        self.code.setText(code)
        self.password.clear()
        self.password.setFocus()
        self._say(sentence, alert=alert)

    def _say(self, sentence: str, *, alert: bool = False) -> None:
        self.sign_in_message.setText(sentence)
        set_tone(self.sign_in_message, alert)
        self.said.emit(sentence)

    def _open_settings(self, token: str) -> None:
        """The settings tab for this sign-in (its pages act with the token)."""
        self._close_settings()
        holder = self.settings_holder.layout()
        assert holder is not None
        page = SettingsPages(
            self.hall, token=token, db=self.db, lang=self.lang, parent=self.settings_holder
        )
        holder.addWidget(page)
        self.settings_pages = page

    def _close_settings(self) -> None:
        page, self.settings_pages = self.settings_pages, None
        if page is not None:
            page.hide()
            page.deleteLater()

    # -- the header --------------------------------------------------------------------

    def _show_who(self) -> None:
        me = self.me
        self.who.setText(
            ""
            if me is None
            else self.tr("{name} ({code}) signed in").format(name=me.name, code=me.clerk)
        )

    def _show_clock(self) -> None:
        now = self.hall.settings.local(self.hall.now())
        day = word("weekday", WEEKDAYS[now.weekday()], self.lang)
        self.clock.setText(f"{now:%Y-%m-%d} {day} {now:%H:%M}")

    def _badge_count(self) -> int:
        return int(self.badge.property("count") or 0)

    def _show_badge(self, n: int) -> None:
        self.badge.setProperty("count", n)
        self.badge.setText(self.tr("Alarms: {n}").format(n=n))
        self.badge.setAccessibleName(self.badge.text())
        restyle(self.badge, "alert", n > 0)
        if n == 0:
            self._blinker.stop()
            restyle(self.badge, "blink", False)
        self.tabs.setTabText(1, self.tr("Alarms ({n})").format(n=n) if n else self.tr("Alarms"))

    def _blink(self) -> None:
        self._blinks = BLINKS
        self._blinker.start(BLINK_MS)

    def _blink_step(self) -> None:
        self._blinks -= 1
        on = self._blinks > 0 and self._blinks % 2 == 1
        restyle(self.badge, "blink", on)
        if self._blinks <= 0:
            self._blinker.stop()

    def show_alarms(self) -> None:
        self.tabs.setCurrentWidget(self.alarms_panel)

    # -- the feed ----------------------------------------------------------------------

    def _on_feed_event(self, ev: FeedEvent) -> None:
        if self.me is None:
            return
        self.floor_view.on_event(ev)
        self.alarms_panel.on_event(ev)
        if self.settings_pages is not None:
            self.settings_pages.on_event(ev)

    def _on_feed_restored(self) -> None:
        if self.me is None:
            return
        self.floor_view.refresh()
        self.alarms_panel.refresh()

    def closeEvent(self, event: Any) -> None:
        self._clock.stop()
        self._blinker.stop()
        self.alarms_panel.close_workers()
        self.db.close(wait=False)
        super().closeEvent(event)


__all__ = ["SupervisorWindow"]
