"""The ticket kiosk (自助取号机): a citizen takes a numbered ticket by touch, and it prints.

Home → zone → service → the ticket on screen while it prints; appointment check-in by code;
the green channel; elderly mode (larger type, six choices a screen, the most used first,
the choice and the number read aloud); help. Back and home on every screen and home again
after the hall's idle time. Nothing waits on the GUI thread: the database and the printer
each have a worker thread; waiting counts follow the change feed.

A tap carries a request id that the core keeps with the ticket: when the database goes
away between the commit and the reply, the kiosk says 暂停取号，正在重新连接, retries the
same tap until it gets through, and so gets the ticket already issued, never a second.
"""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.maintenance import PrinterState
from kiosk.rating import FORM_REFUSALS, RATE_NEXT_STEP, RateScreen, level_text, refusal_of
from kiosk.screens import (
    HomeScreen,
    KeypadScreen,
    MessageScreen,
    Option,
    ServicesScreen,
    TicketScreen,
    Tile,
    button,
    examples,
    gap_px,
    label,
    qr_modules,
    zones_of,
)
from shared.base.errors import HallError, YimenError
from shared.config.halls import HallSettings
from shared.devices.announcer import Announcer
from shared.devices.printing import Paper, Printer, PrinterFault, slip_pdf, ticket_slip
from shared.devices.speech import spoken_number
from shared.hall import Hall, ReviewTicket, ServiceInfo, TicketInfo
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.qt.outage import OutageWatch
from shared.qt.tasks import Worker
from shared.qt.theme import stylesheet
from shared.qt.words import ticket_marks
from shared.rules.reviews import ReviewInfo

log = logging.getLogger(__name__)

RETRY_MS = 3000  # how soon a tap is tried again while the database is away (retry_ms)
ELDERLY_SCALE = 1.5  # type half as large again (UI.md), on a portrait and a landscape panel
ELDERLY_PER_PAGE = 6
THANKS_MS = 6000  # how long 谢谢您的评价 stays before home
#: What a citizen can do next, after each refusal of the core.
NEXT_STEP = {
    "service.cap_reached": QT_TRANSLATE_NOOP(
        "KioskWindow", "You can also take a number on the next working day, or ask a hall guide."
    ),
    "service.outside_slot": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please come back in the service's hours, or ask a hall guide."
    ),
    "hall.closed_now": QT_TRANSLATE_NOOP("KioskWindow", "Please come back in the ticket hours."),
    "hall.closed_today": QT_TRANSLATE_NOOP("KioskWindow", "Please come back on a working day."),
    "appointment.too_early": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please come back at the time shown."
    ),
    "appointment.missed": QT_TRANSLATE_NOOP("KioskWindow", "Please take an ordinary ticket."),
    "appointment.cancelled": QT_TRANSLATE_NOOP("KioskWindow", "Please take an ordinary ticket."),
    "appointment.unknown": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please check the code and try again, or ask a hall guide."
    ),
    "appointment.used": QT_TRANSLATE_NOOP(
        "KioskWindow", "Your ticket was already issued; please keep it."
    ),
    "appointment.not_today": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please come on the day of your appointment."
    ),
    "appointment.other_hall": QT_TRANSLATE_NOOP(
        "KioskWindow", "Please go to the hall where you booked."
    ),
    "id.invalid": QT_TRANSLATE_NOOP("KioskWindow", "Please check the ID number."),
}
OTHER_STEP = QT_TRANSLATE_NOOP("KioskWindow", "Please ask a hall guide.")
#: The kiosk's own sentence for a refusal, where the core's says more than a citizen at
#: the kiosk should act on (a free window is not an invitation to skip the queue).
KIOSK_SENTENCE = {
    "service.cap_reached": QT_TRANSLATE_NOOP(
        "KioskWindow", "Today's numbers for this service are all taken."
    ),
}
# Refusals after which the service's other ways (预约, 网上办) are offered.
OTHER_WAYS = frozenset(
    {"service.cap_reached", "service.outside_slot", "hall.closed_now", "hall.closed_today"}
)


@lru_cache(maxsize=64)
def url_qr(url: str) -> list[list[bool]]:
    """The QR code of an address the kiosk offers (预约, 网上办): worked out once, on the
    worker when the settings are read."""
    return qr_modules(url)


@dataclass
class _Tap:
    """One tap that asks for a ticket; retried with the same id until it gets an answer."""

    request_id: str
    run: Callable[[], Issued]
    service_name: str
    service_code: str | None = None  # None: an appointment's check-in


@dataclass(frozen=True)
class Issued:
    """A ticket as the worker hands it back: with its QR code already worked out (a few
    ms of pure Python the GUI thread need not spend)."""

    ticket: TicketInfo
    qr: list[list[bool]]


class KioskWindow(QWidget):
    """The whole kiosk, one window; it receives everything it uses."""

    ticket_shown = Signal(object)  # TicketInfo, on screen
    refused = Signal(str)  # the core's code
    slip_printed = Signal(object)  # the file written, or None
    printer_failed = Signal(str)  # the printer fault's code
    outage_changed = Signal(bool)  # the database went away (True) or came back
    help_sent = Signal()
    waiting_updated = Signal()
    rating_shown = Signal(object)  # the ReviewTicket whose faces are on screen
    reviewed = Signal(object)  # the ReviewInfo recorded
    announced = Signal(str)  # said to a screen reader (the ticket taken, a refusal)

    def __init__(
        self,
        hall: Hall,
        printer: Printer,
        *,
        kiosk: str,
        bridge: FeedBridge | None = None,
        announcer: Announcer | None = None,
        size: QSize | None = None,
        lang: str = "zh",
    ) -> None:
        super().__init__()
        self.hall = hall
        self.printer = printer
        self.kiosk = kiosk
        self.bridge = bridge
        self.announcer = announcer
        self.lang = lang
        self.default_lang = lang  # what the next citizen finds
        self.elderly = False
        self.green = False
        self.services: list[ServiceInfo] = []
        self.zone: str | None = None
        self.db = Worker("db", self)
        self.printing = Worker("printer", self)
        # A fault reported and not yet followed by a good print (at start: perhaps one
        # from before a restart; the core records "printing again" only after a fault).
        self._printer_faulted = True
        # What the maintenance panel shows and reprints: the last slip, the printer's state.
        self._last_ticket: TicketInfo | None = None
        self._printer_state = PrinterState(
            str(getattr(printer, "description", type(printer).__name__)), None, None
        )
        self._reprints = itertools.count(1)
        self._tap: _Tap | None = None
        self.retry_ms = RETRY_MS
        self.thanks_ms = THANKS_MS
        # The database away: the banner (the feed's lost connection, or a failed tap).
        self.outage = OutageWatch(bridge, self)
        self.outage.changed.connect(self._on_outage_changed)
        self._keyboard = False  # a keypad's Tab was used since the last touch
        self._idle_left = 0
        self._history: list[QWidget] = []
        self._refresh_pending = False
        self._rate_code: str | None = None  # the review code of the ticket being rated
        # Read on the worker with each refresh of the counts (the facade reads them again
        # once a minute old), so the GUI thread never waits for the database for them.
        self._settings = hall.settings
        self.setObjectName("kiosk")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds the focus between screens
        self.setWindowTitle(self._settings.name)
        screen = size or QApplication.primaryScreen().size()
        self._short_side = min(screen.width(), screen.height())
        self._gap = gap_px(self._short_side)
        self._landscape = screen.width() > screen.height()
        self._columns = 3 if self._landscape else 1  # portrait: one column
        # The panel's size, fixed: the window never grows past the glass because some
        # text wants more room (the screens are laid out to fit; a test measures it).
        self.setFixedSize(screen)

        self._build()
        self.ticket.set_landscape(self._landscape)
        self.message.set_landscape(self._landscape)
        self.keypad.set_landscape(self._landscape)
        self.rate_keypad.set_landscape(self._landscape)
        self.apply_style()
        self.retranslate()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self._tick()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        if bridge is not None:
            for signal in (
                bridge.ticket_issued,
                bridge.call_made,
                bridge.ticket_transferred,
                bridge.ticket_returned,
                bridge.ticket_requeued,
                bridge.ticket_expired,
            ):
                signal.connect(self._on_feed_changed)
            bridge.connection_restored.connect(self.refresh_waiting)
        self.refresh_waiting()
        self.go_home()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        top = QFrame()
        top.setObjectName("topBar")
        self.hall_name = label(self._settings.name)
        self.hall_name.setObjectName("hallName")
        self.hall_name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Under the hall's name, the idle countdown (5 秒后返回首页) when it runs.
        self.idle_hint = QLabel()
        self.idle_hint.setObjectName("idleHint")
        name = QVBoxLayout()
        name.setSpacing(0)
        name.addWidget(self.hall_name)
        name.addWidget(self.idle_hint)
        row = QHBoxLayout(top)
        row.setContentsMargins(32, 12, 32, 12)
        row.setSpacing(self._gap)  # the name never runs into the date
        row.addLayout(name, 1)
        row.addWidget(self.clock)

        self.banner = QLabel()
        self.banner.setProperty("role", "banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.stack = QStackedWidget()
        self.home = HomeScreen()
        self.zone_screen = ServicesScreen()
        self.ticket = TicketScreen()
        self.keypad = KeypadScreen()
        self.message = MessageScreen()
        self.rate_keypad = KeypadScreen()  # the short code typed, or the slip's QR scanned
        self.rate_keypad.field.setMaxLength(200)  # a scanned address is long
        self.rating = RateScreen()
        for screen in (self.home, self.zone_screen, self.ticket, self.keypad, self.message):
            self.stack.addWidget(screen)
        self.stack.addWidget(self.rate_keypad)
        self.stack.addWidget(self.rating)
        self.home.rate_chosen.connect(self._on_home_rate_chosen)
        self.rate_keypad.submitted.connect(self._on_rate_code)
        self.rating.form.submitted.connect(self._on_rating_submitted)
        self.rating.form.level_chosen.connect(self._on_rating_level_chosen)
        self.home.zone_chosen.connect(self._on_home_zone_chosen)
        self.home.appointment_chosen.connect(self._on_home_appointment_chosen)
        self.home.green_chosen.connect(self._on_home_green_chosen)
        self.home.elderly_toggled.connect(self._on_home_elderly_toggled)
        self.home.language_toggled.connect(self._on_home_language_toggled)
        self.zone_screen.service_chosen.connect(self._on_services_chosen)
        self.zone_screen.filled.connect(self._order_focus)
        self.ticket.done.connect(self.next_citizen)
        self.keypad.submitted.connect(self._on_keypad_submitted)
        self.message.home.connect(self.go_home)

        bottom = QFrame()
        bottom.setObjectName("bottomBar")
        self.back = button("")
        self.home_button = button("")
        self.help = button("", "help")
        self.back.clicked.connect(self.go_back)
        self.home_button.clicked.connect(self.go_home)
        self.help.clicked.connect(self.ask_for_help)
        keys = QHBoxLayout(bottom)
        keys.setContentsMargins(32, 16, 32, 16)
        keys.setSpacing(self._gap)
        for b in (self.back, self.home_button, self.help):
            keys.addWidget(b)
        for b in (self.back, self.home_button):  # hidden on home, where they do nothing
            keep = b.sizePolicy()
            keep.setRetainSizeWhenHidden(True)  # 需要帮助 stays where it always is
            b.setSizePolicy(keep)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(top)
        box.addWidget(self.banner)
        box.addWidget(self.stack, 1)
        box.addWidget(bottom)

    def apply_style(self) -> None:
        scale = ELDERLY_SCALE if self.elderly else 1.0
        self.setStyleSheet(stylesheet("public", self._short_side, scale))
        self.hall_name.setProperty("elderly", self.elderly)  # its size unscaled (QSS)
        self.hall_name.style().unpolish(self.hall_name)
        self.hall_name.style().polish(self.hall_name)
        self.rating.fit(self._landscape, self.elderly)
        self.home.set_elderly(self.elderly)
        self.home.set_gap(self._gap)
        self.keypad.set_gap(self._gap)
        self.rate_keypad.set_gap(self._gap)
        # A service's tile grows to fill the list, up to twice a touch target.
        self.zone_screen.set_gap(self._gap, round(2 * 96 * self._short_side / 1080 * scale))
        self.message.qr_side = round(self._short_side * (0.2 if self._landscape else 0.24))
        self.rating.form.set_gap(self._gap)

    def retranslate(self) -> None:
        """Every text of the kiosk in the current language."""
        names = self._settings.kiosk
        self.hall_name.setText(names.hall_name(self._settings.name, self.lang))
        self.setWindowTitle(self.hall_name.text())
        self.home.title.setText(self.tr("Choose a service"))
        self.home.appointment.setText(self.tr("Check in"))
        self._show_green()
        self.home.elderly.setText(
            self.tr("Standard mode") if self.elderly else self.tr("Large text, read aloud")
        )
        self.home.language.setText("中文" if self.lang == "en" else "English")
        self.back.setText(self.tr("Back"))
        self.home_button.setText(self.tr("Home"))
        self.help.setText(self.tr("Need help"))
        self.zone_screen.hint.setText(self.tr("Tap a service to take a number"))
        self.zone_screen.more.setText(self.tr("More services"))
        self.keypad.title.setText(self.tr("Appointment check-in"))
        self.keypad.hint.setText(self.tr("Type your 8-digit appointment code, or scan it"))
        self.keypad.field.setAccessibleName(self.tr("Appointment code"))
        self.keypad.delete.setText(self.tr("Delete"))
        self.keypad.ok.setText(self.tr("OK"))
        self.home.rate.setText(self.tr("Rate a service"))
        self.rate_keypad.title.setText(self.tr("Rate a service"))
        self.rate_keypad.hint.setText(
            self.tr("Please scan the QR code on your slip, or type the rating code printed on it")
        )
        self.rate_keypad.field.setAccessibleName(self.tr("Rating code"))
        self.rate_keypad.delete.setText(self.tr("Delete"))
        self.rate_keypad.ok.setText(self.tr("OK"))
        self.rating.title.setText(self.tr("Please rate this service"))
        self.rating.form.set_language(self.lang)
        self.ticket.success.setText(self.tr("Your number is taken"))
        self.ticket.finish.setText(self.tr("Done"))
        self.ticket.qr_hint.setText(self.tr("Scan to follow the queue and rate the service"))
        self.ticket.qr.setAccessibleName(self.tr("QR code: follow the queue and rate the service"))
        self.ticket.notice.setText(
            self._settings.kiosk.slip_notice
            if self.lang == "zh"
            else self.tr("Please listen for your number; a missed number must be taken again")
        )
        self.message.back.setText(self.tr("Back to home"))
        self.banner.setText(self.tr("Tickets paused: reconnecting to the hall's server…"))
        for b in self.findChildren(QPushButton):
            if not isinstance(b, Tile):  # a tile is named by its matter
                b.setAccessibleName(b.text())
        self._show_zones()
        self._order_focus()

    def _show_green(self) -> None:
        self.home.green.setText(
            (self.tr("Green channel: on") if self.green else self.tr("Green channel"))
            + "\n"
            + self.tr("Elderly, disabled, pregnant")
        )
        self.home.green.setAccessibleName(self.home.green.text().replace("\n", " "))

    def _shown(self, services: list[ServiceInfo]) -> list[ServiceInfo]:
        """The services with their zones' and their own names in the kiosk's language
        (the Chinese ones where the hall gave no English)."""
        if self.lang == "zh":
            return services
        names = self._settings.kiosk
        return [
            replace(
                sv,
                name=names.service_name(sv.code, sv.name, self.lang),
                zone_name=names.zone_name(sv.zone_code, sv.zone_name, self.lang),
            )
            for sv in services
        ]

    def _service_name(self, code: str, name: str) -> str:
        return self._settings.kiosk.service_name(code, name, self.lang)

    def _order_focus(self) -> None:
        """The tab chain of the screen showing, in reading order, then the bar: a keypad
        (or a screen reader's next and previous) moves through them as they are read."""
        screen = self.stack.currentWidget()
        targets = getattr(screen, "targets", None)
        chain = [*(targets() if targets else []), self.back, self.home_button, self.help]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _settle_focus(self) -> None:
        """Where the focus goes on a new screen: to its first target while a keypad is
        in use (the citizen goes on with it); otherwise to the window itself, so that a
        touchscreen shows no focus frame (the code field keeps it: a scanner types)."""
        screen = self.stack.currentWidget()
        field = getattr(screen, "field", None)
        if isinstance(field, QLineEdit):
            field.setFocus()
            return
        if self._keyboard:
            targets = getattr(screen, "targets", None)
            shown = [w for w in (targets() if targets else []) if w.isVisibleTo(self)]
            (shown or [self.help])[0].setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab with the focus on the window itself (after a tap): the screen's first
        target (Shift+Tab: help, the last)."""
        if QApplication.focusWidget() in (self, None):
            screen = self.stack.currentWidget()
            targets = getattr(screen, "targets", None)
            shown = [w for w in (targets() if targets else []) if w.isVisibleTo(self)]
            bar = [b for b in (self.back, self.home_button, self.help) if b.isVisibleTo(self)]
            chain = [*shown, *bar]
            if chain:
                (chain[0] if next else chain[-1]).setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    def _announce(self, page: QWidget, text: str) -> None:
        """Say ``text`` to a screen reader, as the page's description and as an
        announcement (in every mode: the voice of elderly mode is for everyone in
        earshot, this is for the citizen's own reader)."""
        page.setAccessibleDescription(text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(page, text))
        self.announced.emit(text)

    # -- moving between screens ---------------------------------------------------------

    def show_screen(self, screen: QWidget, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if (
            remember
            and current is not screen
            and current in (self.home, self.zone_screen, self.keypad, self.rate_keypad)
        ):
            self._history.append(current)
        self.stack.setCurrentWidget(screen)
        self._show_bar()
        self._reset_idle()
        self._order_focus()
        self._settle_focus()

    def _show_bar(self) -> None:
        """Back and home, except on home (where they would do nothing); help always."""
        home = self.stack.currentWidget() is self.home
        self.back.setVisible(not home)
        self.home_button.setVisible(not home)
        self.back.setEnabled(bool(self._history))

    def go_home(self) -> None:
        """Home, as the next citizen should find it: the green channel off again."""
        self._history.clear()
        self.zone = None
        self.green = False
        self._show_green()
        self.stack.setCurrentWidget(self.home)
        self._show_bar()
        self._idle_left = 0
        self._set_idle_hint("")
        self._show_zones()
        self._order_focus()
        self._settle_focus()

    def next_citizen(self) -> None:
        """This citizen is done (Done on the ticket, or nobody touched the kiosk for the
        idle time): home in the kiosk's own language and standard type again."""
        if self.elderly:
            self.elderly = False
            self.apply_style()
        if self.lang != self.default_lang:
            self.lang = self.default_lang
            set_language(self.lang)
        self.retranslate()
        self.go_home()

    def go_back(self) -> None:
        if not self._history:
            self.go_home()
            return
        screen = self._history.pop()
        if screen is self.home:
            self.go_home()
            return
        self.stack.setCurrentWidget(screen)
        self._show_bar()
        self._reset_idle()
        self._order_focus()
        self._settle_focus()

    # -- the home screen ---------------------------------------------------------------

    def _show_zones(self) -> None:
        waiting = self.tr("{n} waiting")
        zones = zones_of(self._shown(self.services))
        sep, more = self.tr(", "), self.tr(" and more")
        hints = [examples(z.services, sep, more) for z in zones]
        self.home.show_zones(zones, self._columns, waiting, hints)
        if self.stack.currentWidget() is self.home:
            self._order_focus()

    def _on_home_zone_chosen(self, code: str) -> None:
        self.zone = code
        chosen = [sv for sv in self._shown(self.services) if sv.zone_code == code]
        if self.elderly:  # the most used first, six a screen
            chosen.sort(key=lambda sv: -sv.issued_recently)
        title = chosen[0].zone_name if chosen else ""
        if self.green:
            title += "  " + self.tr("(green channel)")
        self.zone_screen.show_services(
            title,
            chosen,
            ELDERLY_PER_PAGE if self.elderly else 0,
            2 if self._landscape else 1,
            self.tr("{n} waiting"),
            self.tr("More services"),
        )
        self.show_screen(self.zone_screen)
        if self.elderly:
            self._say(self.tr("Please choose a service"))

    def _on_home_appointment_chosen(self) -> None:
        self.keypad.reset()
        self.show_screen(self.keypad)

    def _on_home_green_chosen(self) -> None:
        self.green = not self.green
        self._show_green()
        self._reset_idle()

    def _on_home_elderly_toggled(self) -> None:
        self.elderly = not self.elderly
        self.apply_style()
        self.retranslate()
        self._reset_idle()
        if self.elderly:
            self._say(self.tr("Large text is on. Please choose a service."))

    def _on_home_language_toggled(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        set_language(self.lang)
        self.retranslate()
        self._reset_idle()

    # -- taking a ticket -----------------------------------------------------------------

    def _on_services_chosen(self, code: str) -> None:
        service = next(sv for sv in self.services if sv.code == code)
        name = self._service_name(code, service.name)
        green = self.green
        if self.elderly:
            self._say(self.tr("You chose: {name}").format(name=name))
        self._start_tap(
            lambda rid: self.hall.issue_ticket(code, green=green, request_id=rid, kiosk=self.kiosk),
            name,
            code,
        )

    def _on_keypad_submitted(self, code: str) -> None:
        self._start_tap(
            lambda rid: self.hall.check_in(code, request_id=rid, kiosk=self.kiosk),
            self.tr("Appointment check-in"),
        )

    def _start_tap(
        self, ask: Callable[[str], TicketInfo], name: str, service_code: str | None = None
    ) -> None:
        if self._tap is not None:
            return  # one ticket at a time: a second tap while the first is on its way
        rid = uuid.uuid4().hex
        review_url = self._settings.kiosk.review_url

        def run() -> Issued:
            t = ask(rid)
            return Issued(t, qr_modules(review_url + t.review_code))

        self._tap = _Tap(rid, run, name, service_code)
        self.message.show_message(self.tr("Taking your number…"), name, "", refusal=False)
        self.message.back.hide()
        self.show_screen(self.message, remember=False)
        self._send_tap()

    def _send_tap(self) -> None:
        tap = self._tap
        if tap is None:
            return
        self.db.submit(tap.run, self._on_tap_done, self._on_tap_failed)

    def _on_tap_done(self, issued: Issued) -> None:
        self._tap = None
        self.green = False  # for one ticket only
        self._show_green()
        self._set_outage(False)
        self.message.back.show()
        self._show_ticket(issued.ticket, issued.qr)
        self.refresh_waiting()

    def _on_tap_failed(self, exc: BaseException) -> None:
        if self.outage.failed(exc):
            # The server is away: the same tap again in a moment, with the same id.
            QTimer.singleShot(self.retry_ms, self._send_tap)
            return
        tap, self._tap = self._tap, None
        self.message.back.show()
        if isinstance(exc, HallError | YimenError):
            self._set_outage(False)
            self.refused.emit(exc.code)
            self._show_refusal(exc, tap)
            return
        log.error("taking a ticket failed", exc_info=exc)
        self.message.show_message(
            self.tr("Sorry, something went wrong"),
            self.tr("Please try again, or ask a hall guide."),
            "",
            refusal=True,
        )
        self._order_focus()

    def _show_refusal(self, exc: HallError | YimenError, tap: _Tap | None) -> None:
        """Why no number: under the service's name (or 预约签到), one sentence that says
        it (today's numbers are gone, not "for now"), the other ways to the service the
        hall offers (预约, 网上办) as QR codes, and what else to do."""
        kiosk_sentence = KIOSK_SENTENCE.get(exc.code)
        sentence = self.tr(str(kiosk_sentence)) if kiosk_sentence else exc.message(self.lang)
        options: list[Option] = []
        code = tap.service_code if tap else None
        if code is not None and exc.code in OTHER_WAYS:
            service = self._settings.kiosk.service(code)
            if service.booking_url:
                words = self.tr("Scan to book another day")
                options.append(Option(words, url_qr(service.booking_url)))
            if service.online_url:
                words = self.tr("Scan to do it online")
                options.append(Option(words, url_qr(service.online_url)))
        next_step = self.tr(str(NEXT_STEP.get(exc.code, OTHER_STEP)))
        self.message.show_message(
            sentence,
            "",
            next_step,
            refusal=True,
            title=tap.service_name if tap else "",
            options=options,
        )
        self._order_focus()
        said = " ".join([*([tap.service_name] if tap else []), sentence, next_step])
        self._announce(self.message, said)
        if self.elderly:
            self._say(sentence)

    def _show_ticket(self, t: TicketInfo, qr: list[list[bool]]) -> None:
        marks = ticket_marks(t)
        sep = self.tr(", ")
        windows = (
            self.tr("Windows: {list}").format(list=sep.join(str(w) for w in t.windows))
            if t.windows
            else self.tr("Please ask a hall guide which window")
        )
        if t.estimated_wait_minutes is None:
            wait = self.tr("{n} ahead of you").format(n=t.ahead)
        elif not t.wait_today:
            wait = self.tr("{n} ahead of you, you may not be reached today").format(n=t.ahead)
        elif t.wait_range is not None and t.estimated_wait_minutes > 0:
            wait = self.tr("{n} ahead of you, about {low}–{high} min").format(
                n=t.ahead, low=t.wait_range[0], high=t.wait_range[1]
            )
        elif t.estimated_wait_minutes == 0:
            wait = self.tr("{n} ahead of you, you are next").format(n=t.ahead)
        else:
            wait = self.tr("{n} ahead of you, about {m} min").format(
                n=t.ahead, m=t.estimated_wait_minutes
            )
        qr_side = round(self._short_side * (0.22 if self._landscape else 0.3))
        name = self._service_name(t.service_code, t.service_name)
        self.ticket.show_ticket(t, name, marks, windows, wait, qr, qr_side)
        self.ticket.short_code.setText(self.tr("Rating code {code}").format(code=t.short_code))
        self.ticket.set_printer(self.tr("Printing your slip…"), alert=False)
        self.show_screen(self.ticket, remember=False)
        self._history.clear()
        self._show_bar()
        self._show_countdown()
        self.ticket_shown.emit(t)
        self.ticket.setAccessibleName(self.tr("Your number is taken"))
        self._announce(
            self.ticket,
            " ".join(
                [
                    self.tr("Your number is {number}").format(number=t.number),
                    *marks,
                    name,
                    windows,
                    wait,
                ]
            ),
        )
        if self.elderly:
            self._say(
                self.tr("Your number is {number}").format(
                    number=spoken_number(t.number, "zh", self._settings.voice.one)
                )
            )
        self._print(t)

    def _print(self, t: TicketInfo) -> None:
        self._last_ticket = t

        def done(path: Path | None) -> None:
            self.ticket.set_printer(self.tr("Please take your slip below"), alert=False)
            self.slip_printed.emit(path)

        def failed(code: str, sentence: str) -> None:
            self.ticket.set_printer(sentence, alert=True)
            self.printer_failed.emit(code)

        self._send_slip(t, "", done, failed)

    def _send_slip(
        self,
        t: TicketInfo,
        suffix: str,
        on_done: Callable[[Path | None], None],
        on_failed: Callable[[str, str], None],
    ) -> None:
        """The slip of ``t`` to the printer (on its worker); what the kiosk knows of the
        printer follows, and the hall learns of a fault and of printing again."""
        slip = ticket_slip(t, self._settings.kiosk, self._settings.tz, self.kiosk)
        where = self._printer_state.description

        def work() -> Path | None:
            name = f"{slip.file_stem}-{self.kiosk}{suffix}"
            return self.printer.print_pdf(slip_pdf(slip), name)

        def done(path: Path | None) -> None:
            self._printer_state = PrinterState(where, None, self.hall.now())
            on_done(path)
            if self._printer_faulted:  # printing again: the supervisor's alarm ends
                self._printer_faulted = False
                self.db.submit(
                    lambda: self.hall.report_printer_ok(self.kiosk),
                    None,
                    lambda e: log.warning("could not record the printer back: %s", e),
                )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PrinterFault):
                code, sentence = exc.code, exc.message(self.lang)
            else:
                log.error("printing failed", exc_info=exc)
                code, sentence = (
                    "printer.failed",
                    self.tr("The slip could not be printed; please note your number."),
                )
            said = str(getattr(exc, "params", {}).get("detail", ""))  # the driver's words
            detail = said or str(exc)
            self._printer_state = PrinterState(where, code, self.hall.now(), said)
            on_failed(code, sentence)
            self._printer_faulted = True
            self.db.submit(
                lambda: self.hall.report_printer_fault(self.kiosk, code, detail),
                None,
                lambda e: log.warning("could not record the printer fault: %s", e),
            )

        self.printing.submit(work, done, failed)

    # -- the maintenance panel's slip desk (kiosk.maintenance.SlipDesk) ------------------------

    def last_slip_number(self) -> str | None:
        return self._last_ticket.number if self._last_ticket is not None else None

    def printer_state(self) -> PrinterState:
        return self._printer_state

    def ask_paper(self, done: Callable[[PrinterState], None]) -> bool:
        """Ask a receipt printer now, on the printer's worker, whether it is on line and
        has paper (as before every slip); what it says becomes what the kiosk knows of its
        printer. False for a printer that cannot be asked (a PDF folder, a system printer):
        the last slip's outcome is all there is."""
        ask: Callable[[], Paper] | None = getattr(self.printer, "paper", None)
        if ask is None:
            return False
        where = self._printer_state.description

        def answered(paper: Paper) -> None:
            fault = "printer.no_paper" if paper is Paper.OUT else None
            self._printer_state = PrinterState(where, fault, self.hall.now(), paper=paper.value)
            done(self._printer_state)

        def failed(exc: BaseException) -> None:
            code = exc.code if isinstance(exc, PrinterFault) else "printer.offline"
            said = str(getattr(exc, "params", {}).get("detail", "")) or str(exc)
            self._printer_state = PrinterState(where, code, self.hall.now(), said)
            done(self._printer_state)

        self.printing.submit(ask, answered, failed)
        return True

    def reprint_last(self, done: Callable[[str | None], None]) -> bool:
        """The last slip again, marked 补打 (a supervisor's reprint from the maintenance
        panel: the citizen's ticket as it was issued, in a file of its own)."""
        t = self._last_ticket
        if t is None:
            return False
        suffix = f"-reprint{next(self._reprints)}"
        self._send_slip(
            replace(t, reprint=True),
            suffix,
            lambda _path: done(None),
            lambda code, _sentence: done(code),
        )
        return True

    # -- rating a service (好差评) ----------------------------------------------------------

    def _on_home_rate_chosen(self) -> None:
        self.rate_keypad.reset()  # the field has the focus: a scanner types into it
        self.show_screen(self.rate_keypad)
        if self.elderly:
            self._say(self.rate_keypad.hint.text())

    def _on_rate_code(self, code: str) -> None:
        """A short code typed or a slip's QR code scanned (the code or its whole address):
        the ticket is looked up on the worker."""
        self.db.submit(
            lambda: self.hall.review_ticket(code), self._on_rate_ticket, self._on_rate_refused
        )

    def _on_rate_ticket(self, rt: ReviewTicket) -> None:
        refusal = refusal_of(rt)
        if refusal is not None:
            self._on_rate_refused(refusal)
            return
        self._rate_code = rt.code
        t = rt.ticket
        window = [self.tr("Window {n}").format(n=t.window_no)] if t.window_no else []
        self.rating.show_ticket(t, window)
        self.show_screen(self.rating)
        self.rating_shown.emit(rt)
        if self.elderly:
            self._say(self.tr("Please rate this service"))

    def _on_rate_refused(self, exc: BaseException) -> None:
        """The core's sentence for a code that cannot be rated, and what to do next."""
        if isinstance(exc, HallError):
            self.refused.emit(exc.code)
            sentence = exc.message(self.lang)
            next_step = RATE_NEXT_STEP.get(exc.code)
        else:  # the database away, or a bug: nothing the citizen can put right
            log.warning("looking up a review code failed", exc_info=exc)
            sentence, next_step = self.tr("Please try again, or ask a hall guide."), None
        self.message.show_message(
            self.tr("Sorry, this ticket cannot be rated here"),
            sentence,
            self.tr(str(next_step)) if next_step else "",
            refusal=True,
        )
        self.message.back.show()
        self.show_screen(self.message)
        if self.elderly:
            self._say(sentence)

    def _on_rating_level_chosen(self, level: str) -> None:
        if self.elderly:
            self._say(self.tr("You chose: {name}").format(name=level_text(level, self.lang)))

    def _on_rating_submitted(self, level: str, reasons: list[str], text: str) -> None:
        code = self._rate_code
        if code is None:
            return
        self.db.submit(
            lambda: self.hall.submit_review(
                code, level, channel="kiosk", reasons=reasons, text=text or None
            ),
            self._on_rated,
            self._on_rating_refused,
        )

    def _on_rated(self, review: ReviewInfo) -> None:
        self._rate_code = None
        self.reviewed.emit(review)
        if self.stack.currentWidget() is not self.rating:
            return  # the citizen went home meanwhile: the rating is kept all the same
        bad = review.case_id is not None  # a bad rating opened its case
        self.message.show_message(
            self.tr("Thank you for your rating"),
            self.tr("Your opinion goes to the hall's supervisor, who will follow it up.")
            if bad
            else self.tr("Your rating helps the hall serve you better."),
            "",
            refusal=False,
        )
        self.message.back.show()
        self.show_screen(self.message, remember=False)
        self._history.clear()
        self._show_bar()
        if self.elderly:
            self._say(self.tr("Thank you for your rating"))
        QTimer.singleShot(self.thanks_ms, self._home_after_thanks)

    def _home_after_thanks(self) -> None:
        thanks = self.tr("Thank you for your rating")
        if self.stack.currentWidget() is self.message and self.message.headline.text() == thanks:
            self.next_citizen()  # unless the citizen moved on meanwhile

    def _on_rating_refused(self, exc: BaseException) -> None:
        """A choice to put right stays on the form with the core's sentence; a ticket
        that can no longer be rated (rated meanwhile, expired) goes to the message screen."""
        if isinstance(exc, HallError) and exc.code not in FORM_REFUSALS:
            self._rate_code = None
            self.rating.form.set_busy(False)
            self._on_rate_refused(exc)
            return
        if isinstance(exc, HallError):
            self.refused.emit(exc.code)
            sentence = exc.message(self.lang)
        else:  # the database away, or a bug: the choices stay for another try
            log.warning("recording a rating failed", exc_info=exc)
            sentence = self.tr("Please try again, or ask a hall guide.")
        self.rating.form.show_refusal(sentence)
        if self.elderly:
            self._say(sentence)

    # -- help ------------------------------------------------------------------------------

    def ask_for_help(self) -> None:
        self.message.show_message(
            self.tr("A hall guide is on the way"),
            self.tr("Please wait here; someone will come to help you."),
            "",
            refusal=False,
        )
        self.message.back.show()
        self.show_screen(self.message)
        if self.elderly:
            self._say(self.tr("A hall guide is on the way"))

        def sent(_: object) -> None:
            self.help_sent.emit()

        def failed(exc: BaseException) -> None:
            log.warning("help request not recorded: %s", exc)
            self.message.next_step.setText(self.tr("Please wave to a member of staff."))
            self.message.next_step.show()

        self.db.submit(lambda: self.hall.request_help(self.kiosk), sent, failed)

    # -- live waiting counts ---------------------------------------------------------------

    def _on_feed_changed(self, _event: object) -> None:
        if not self._refresh_pending:  # a burst of events, one read
            self._refresh_pending = True
            QTimer.singleShot(200, self.refresh_waiting)

    def refresh_waiting(self) -> None:
        self._refresh_pending = False

        def read() -> tuple[list[ServiceInfo], HallSettings]:
            services, settings = self.hall.services(), self.hall.settings
            for service in settings.kiosk.services.values():  # the QR codes offered
                for url in (service.booking_url, service.online_url):
                    if url:
                        url_qr(url)
            return services, settings

        def got(answer: tuple[list[ServiceInfo], HallSettings]) -> None:
            services, self._settings = answer
            self.hall_name.setText(self._settings.kiosk.hall_name(self._settings.name, self.lang))
            self.services = services
            if self.stack.currentWidget() is self.home:
                self._show_zones()
            else:
                for z in zones_of(services):
                    b = self.home.zone_buttons.get(z.code)
                    if b is not None:
                        b.set_detail(self.tr("{n} waiting").format(n=z.waiting))
            self.zone_screen.update_waiting(services)
            self.waiting_updated.emit()

        self.db.submit(read, got, lambda e: log.warning("waiting counts: %s", e))

    def _set_outage(self, down: bool) -> None:
        self.outage.set(down)

    def _on_outage_changed(self, down: bool) -> None:
        self.banner.setVisible(down)
        self.outage_changed.emit(down)

    # -- clock, idle, speech ------------------------------------------------------------------

    def _set_idle_hint(self, text: str) -> None:
        self.idle_hint.setText(text)
        self.idle_hint.setVisible(bool(text))  # no empty row under the hall's name

    def _tick(self) -> None:
        now = self.hall.now().astimezone(self._settings.tz)
        weekday = self.tr("Mon Tue Wed Thu Fri Sat Sun").split()[now.weekday()]
        # One line on a landscape panel (its rows are few, its width plenty); two on a
        # portrait one, where the hall's name needs the width.
        sep = "   " if self._landscape else "\n"
        self.clock.setText(f"{now:%H:%M:%S}{sep}{now:%Y-%m-%d} {weekday}")
        if self.stack.currentWidget() is self.home or self._tap is not None:
            return
        self._idle_left -= 1
        if self._idle_left <= 0:
            self.next_citizen()
        elif self.stack.currentWidget() is self.ticket:
            self._show_countdown()  # on the ticket all the time, by the Done button
        elif self._idle_left <= 10:
            self._set_idle_hint(self.tr("Back to home in {n} s").format(n=self._idle_left))

    def _show_countdown(self) -> None:
        self.ticket.countdown.setText(
            self.tr("Back to home in {n} s").format(n=max(self._idle_left, 0))
        )

    def _reset_idle(self) -> None:
        self._idle_left = self._settings.kiosk.idle_seconds
        self._set_idle_hint("")
        if self.stack.currentWidget() is self.ticket:
            self._show_countdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._keyboard = False
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self._keyboard = True  # a keypad (or a reader's keys) moves through it
        touched = kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.KeyPress,
        )
        if touched and self.stack.currentWidget() is not self.home:
            self._reset_idle()
        return False

    def _say(self, text: str) -> None:
        if self.announcer is not None:
            self.announcer.say(text, lang=self.lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        self.db.close(wait=False)
        self.printing.close(wait=False)
        super().closeEvent(event)
