"""The kiosk's screens, each a plain widget that shows what it is given and says what was
tapped through its signals. The window (`kiosk.window`) moves between them and does the
work; these know nothing of the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import qrcode
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.lines import WrapLabel, wrap_label
from shared.hall import ServiceInfo, TicketInfo
from shared.qt.widgets import clear


@dataclass(frozen=True)
class Zone:
    code: str
    name: str
    waiting: int
    services: tuple[str, ...] = ()  # its services' names, in the hall's order


def zones_of(services: Sequence[ServiceInfo]) -> list[Zone]:
    """The hall's zones in the order their services come, with how many wait in each."""
    order: dict[str, Zone] = {}
    for sv in services:
        z = order.get(sv.zone_code) or Zone(sv.zone_code, sv.zone_name, 0)
        order[sv.zone_code] = Zone(z.code, z.name, z.waiting + sv.waiting, (*z.services, sv.name))
    return list(order.values())


def examples(names: Sequence[str], sep: str, more: str, count: int = 3) -> str:
    """A zone's first services, so a citizen who does not know what 商事经营 means still
    finds 个体工商户注册登记 under it: 企业设立登记、企业变更登记、企业注销登记等."""
    shown = sep.join(names[:count])
    return shown + more if len(names) > count else shown


#: Qt's "no limit" for a widget's size (NO_LIMIT).
NO_LIMIT = (1 << 24) - 1


def gap_px(short_side: int) -> int:
    """The gap between two touch targets: 8 mm, 32 px on a 21.5" panel 1080 px across
    its short side (UI.md), in proportion on any other."""
    return round(32 * short_side / 1080)


def button(text: str, role: str | None = None, name: str | None = None) -> WrapButton:
    b = WrapButton(text)
    if role:
        b.setProperty("role", role)
    b.setAccessibleName(name or text.replace("\n", " "))
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return b


class Target(QPushButton):
    """A touch target a keypad and a screen reader can reach too: in the tab chain (a
    tap gives it no focus, so a touchscreen shows no focus ring), Enter or Space presses
    it, and it is as tall as the words laid out in it (``box``) need, however long
    they are (a push button's own size knows nothing of a layout inside it)."""

    box: QVBoxLayout

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            return
        super().keyPressEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.box.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.box.totalSizeHint().expandedTo(super().sizeHint())
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(hint.width())))

    def minimumSizeHint(self) -> QSize:
        return self.box.totalMinimumSize().expandedTo(QSize(0, self.minimumHeight()))


class WrapButton(Target):
    """A push button whose words wrap onto a second line rather than widen the screen:
    a long label (most of them in English) in elderly type would otherwise push the
    window past the edge of the panel."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.words = label(text, "buttonText")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 10)
        box.addWidget(self.words)

    def setText(self, text: str) -> None:
        self.words.setText(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.words.text()


class Tile(Target):
    """A large touch tile: the name big, a detail line under it (e.g. 3 人等候)."""

    def __init__(self, name: str, detail: str = "", hint: str = "") -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.name = label(name, "tileName")
        self.hint = label(hint, "tileHint")
        self.detail = label(detail, "tileDetail")
        for lb in (self.name, self.hint, self.detail):
            lb.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addStretch(1)
        box.addWidget(self.name)
        box.addWidget(self.hint)
        box.addWidget(self.detail)
        box.addStretch(1)
        self.set_hint(hint)
        self.set_detail(detail)
        self.setAccessibleName(name)

    def set_name(self, name: str) -> None:
        self.name.setText(name)
        self.setAccessibleName(name)

    def set_hint(self, hint: str) -> None:
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._describe()
        if hint and self.isVisible():
            self._fit_hint()

    def set_detail(self, detail: str) -> None:
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._describe()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The examples under a zone's name only while the tile has the room for them
        (a landscape panel in elderly type and English may not): its name and count
        always."""
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        if not self.hint.text():
            return
        m = self.box.contentsMargins()
        inner = self.width() - m.left() - m.right()
        parts = [self.name, self.hint] + ([self.detail] if self.detail.text() else [])
        need = sum(w.heightForWidth(inner) for w in parts)
        need += self.box.spacing() * (len(parts) - 1) + m.top() + m.bottom()
        fits = need <= self.height()
        if fits != self.hint.isVisibleTo(self):
            self.hint.setVisible(fits)

    def _describe(self) -> None:
        """What a screen reader says after the name: the waiting count, then the hint."""
        self.setAccessibleDescription(
            "; ".join(t for t in (self.detail.text(), self.hint.text()) if t)
        )

    def text(self) -> str:  # what a test or a screen reader reads
        return f"{self.name.text()} {self.detail.text()}".strip()


def label(text: str = "", role: str | None = None, wrap: bool = True) -> WrapLabel:
    """A public screen's label: centred, like everything on the kiosk, its lines ended
    between words (`kiosk.lines`)."""
    return wrap_label(text, role, wrap=wrap)


class HomeScreen(QWidget):
    """The zones as large tiles with their waiting counts; appointment check-in, the green
    channel, rating a service, elderly mode and the language underneath. In elderly mode
    six choices at most: the zones, check-in and the green channel (help is in the bar
    below); rating, the language and the mode itself wait for the next citizen (the
    kiosk returns to its standard mode when this one is done)."""

    zone_chosen = Signal(str)
    appointment_chosen = Signal()
    green_chosen = Signal()
    rate_chosen = Signal()
    elderly_toggled = Signal()
    language_toggled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.grid = QGridLayout()
        self.appointment = button("", "primary")
        self.green = button("", "green")
        self.elderly = button("", "primary")
        self.language = button("")
        self.rate = button("", "primary")
        self.appointment.clicked.connect(self.appointment_chosen)
        self.green.clicked.connect(self.green_chosen)
        self.rate.clicked.connect(self.rate_chosen)
        self.elderly.clicked.connect(self.elderly_toggled)
        self.language.clicked.connect(self.language_toggled)
        self.extra = QGridLayout()
        for column in range(6):
            self.extra.setColumnStretch(column, 1)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addWidget(self.title)
        box.addLayout(self.grid, 1)
        box.addLayout(self.extra)
        self.zone_buttons: dict[str, Tile] = {}
        self._columns = 0
        self.set_elderly(False)
        self.set_gap(gap_px(1080))

    def set_gap(self, gap: int) -> None:
        for layout in (self.grid, self.extra, self.box):
            layout.setSpacing(gap)

    def set_elderly(self, elderly: bool) -> None:
        for b in (self.appointment, self.green, self.rate, self.elderly, self.language):
            self.extra.removeWidget(b)
        if elderly:  # two choices under the zones
            self.extra.addWidget(self.appointment, 0, 0, 1, 3)
            self.extra.addWidget(self.green, 0, 3, 1, 3)
        else:  # three a row above (what a citizen came for), two below (how it speaks)
            self.extra.addWidget(self.appointment, 0, 0, 1, 2)
            self.extra.addWidget(self.green, 0, 2, 1, 2)
            self.extra.addWidget(self.rate, 0, 4, 1, 2)
            self.extra.addWidget(self.elderly, 1, 0, 1, 3)
            self.extra.addWidget(self.language, 1, 3, 1, 3)
        for b in (self.rate, self.elderly, self.language):
            b.setVisible(not elderly)

    def targets(self) -> list[QWidget]:
        """What a keypad's Tab reaches, in reading order."""
        extra = [self.appointment, self.green, self.rate, self.elderly, self.language]
        return [*self.zone_buttons.values(), *(b for b in extra if not b.isHidden())]

    def show_zones(
        self, zones: Sequence[Zone], columns: int, waiting_text: str, hints: Sequence[str]
    ) -> None:
        """The zone tiles: name, a few of its services (``hints``), how many wait."""
        if [z.code for z in zones] == list(self.zone_buttons) and columns == self._columns:
            for z, hint in zip(zones, hints, strict=True):  # the same tiles: no flicker
                self.zone_buttons[z.code].set_name(z.name)
                self.zone_buttons[z.code].set_hint(hint)
                self.zone_buttons[z.code].set_detail(waiting_text.format(n=z.waiting))
            return
        self._columns = columns
        clear(self.grid)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for column in range(columns):  # the zones equally wide, whatever their words
            self.grid.setColumnStretch(column, 1)
        self.zone_buttons = {}
        for i, (z, hint) in enumerate(zip(zones, hints, strict=True)):
            b = Tile(z.name, waiting_text.format(n=z.waiting), hint)
            b.clicked.connect(lambda _=False, code=z.code: self.zone_chosen.emit(code))
            self.grid.addWidget(b, i // columns, i % columns)
            self.zone_buttons[z.code] = b


class ServicesScreen(QWidget):
    """The services of one zone: name and how many wait. In elderly mode a page at a time:
    at most ``per_page``, fewer if the panel cannot show that many without scrolling."""

    service_chosen = Signal(str)
    filled = Signal()  # a page of tiles laid out anew

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.hint = label(role="hint")
        self.list = QGridLayout()
        inner = QWidget()
        box_inner = QVBoxLayout(inner)
        box_inner.setContentsMargins(0, 0, 0, 0)
        box_inner.addLayout(self.list, 1)  # the tiles grow to fill the list's height …
        box_inner.addStretch(0)  # … up to their tallest, then the rest stays below
        self.list_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.installEventFilter(self)  # its height changes with the type: a new page size
        self.more = button("", "primary")
        self.more.clicked.connect(self._next_page)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.addWidget(self.title)
        box.addWidget(self.hint)
        box.addWidget(self.list_area, 1)
        box.addWidget(self.more)
        self.buttons: dict[str, Tile] = {}
        self._tallest = 0  # a tile's greatest height; 0: no limit
        self.set_gap(gap_px(1080))
        self._services: list[ServiceInfo] = []
        self._first = 0  # the index of the first service on the page shown
        self._shown = 0
        self._per_page = 0  # 0: all of them, scrolling
        self._columns = 1
        self._waiting_text = ""

    def set_gap(self, gap: int, tallest: int = 0) -> None:
        """The gap between tiles (and above and below the list), and how tall a tile
        may grow when the zone has few services."""
        self.list.setSpacing(gap)
        self.box.setSpacing(gap // 2)
        self._tallest = tallest
        for b in self.buttons.values():
            b.setMaximumHeight(tallest or NO_LIMIT)

    def targets(self) -> list[QWidget]:
        """What a keypad's Tab reaches, in reading order."""
        return [*self.buttons.values(), *([self.more] if not self.more.isHidden() else [])]

    def show_services(
        self,
        title: str,
        services: Sequence[ServiceInfo],
        per_page: int,
        columns: int,
        waiting_text: str,
        more_text: str,
    ) -> None:
        self.title.setText(title)
        same = (
            [sv.code for sv in services] == [sv.code for sv in self._services]
            and (per_page, columns, waiting_text)
            == (self._per_page, self._columns, self._waiting_text)
            and self._first == 0
            and [sv.name for sv in services] == [sv.name for sv in self._services]
        )
        self._services = list(services)
        # A page at a time: the page keeps its height with one page or many (room kept
        # for "more" when hidden); scrolling: no such button, no room kept for it.
        keep = self.more.sizePolicy()
        keep.setRetainSizeWhenHidden(bool(per_page))
        self.more.setSizePolicy(keep)
        self._per_page = per_page
        self._columns = columns
        self._waiting_text = waiting_text
        self.more.setText(more_text)
        if same:  # the zone shown last time: its tiles stay, with today's counts
            self.update_waiting(services)
            return
        self._first = 0
        self._fill()

    def update_waiting(self, services: Sequence[ServiceInfo]) -> None:
        by_code = {sv.code: sv for sv in services}
        self._services = [by_code.get(sv.code, sv) for sv in self._services]
        for sv in self._services:
            b = self.buttons.get(sv.code)
            if b is not None:
                b.set_detail(self._waiting_text.format(n=sv.waiting))

    def page_size(self) -> int:
        """How many services a page shows: all when scrolling; else ``per_page``, or as
        many whole rows as the list's height holds (at least one row)."""
        if not self._per_page:
            return len(self._services)
        space = self.list.spacing()
        # The scroll area's size, not its viewport's: a page not yet shown has had its
        # geometry set by the layout, but the viewport learns it only when shown.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        # A tile as tall as the longest name makes it (two lines in elderly type).
        longest = max((sv.name for sv in self._services), key=len, default="")
        probe = Tile(longest, self._waiting_text)
        probe.setParent(self)  # styled like the real ones
        probe.hide()  # never shown; Qt owns it (its parent), deletes it when it may
        probe.setProperty("role", "service")
        probe.ensurePolished()
        width = (self.list_area.width() - space * (self._columns - 1)) // self._columns
        tile = max(probe.minimumSizeHint().height(), probe.heightForWidth(width))
        probe.deleteLater()
        rows = max(1, (self.list_area.height() + space) // (tile + space))
        return min(self._per_page, rows * self._columns)

    def _fill(self) -> None:
        clear(self.list)
        self.buttons = {}
        size = self.page_size()
        self._shown = size
        shown = self._services[self._first : self._first + size]
        for i, sv in enumerate(shown):
            b = Tile(sv.name, self._waiting_text.format(n=sv.waiting))
            b.setProperty("role", "service")
            b.setMaximumHeight(self._tallest or NO_LIMIT)
            b.clicked.connect(lambda _=False, code=sv.code: self.service_chosen.emit(code))
            self.list.addWidget(b, i // self._columns, i % self._columns)
            self.buttons[sv.code] = b
        self.more.setVisible(size < len(self._services))
        self.filled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The list's new height (the outage banner came or went, a new type size): the
        page holds as many as now fit, starting from the same service."""
        if (
            watched is self.list_area
            and event.type() == QEvent.Type.Resize
            and self._per_page
            and self._services
            and self.page_size() != self._shown
        ):
            self._fill()
        return False

    def _next_page(self) -> None:
        self._first += self._shown
        if self._first >= len(self._services):
            self._first = 0
        self._fill()


def side_by_side(body: QBoxLayout, landscape: bool, stretch: tuple[int, int]) -> None:
    """A screen's two parts side by side on a landscape panel, one above the other on a
    portrait one, sharing the room as ``stretch`` says."""
    body.setDirection(
        QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
    )
    for i, n in enumerate(stretch):
        body.setStretch(i, n)


class TicketScreen(QWidget):
    """The ticket just taken. At the top, large, in a band: the number is taken, and
    the slip to take from the printer below (or why it did not print). Then the number
    large, its marks, the service, the windows, the people ahead and the wait; the QR
    code with what it is for and the rating code, small and labelled, away from the
    number; the hall's line; and Done with the seconds left before home."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.head = QFrame()
        self.head.setObjectName("ticketHead")
        self.head.setProperty("alert", False)
        self.success = label(role="success")  # 取号成功
        self.printer = label(role="takeSlip")  # 请从下方出纸口取走取号单, or the fault
        self.head_box = head = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.head)
        head.setContentsMargins(24, 12, 24, 12)
        head.setSpacing(4)
        head.addWidget(self.success)
        head.addWidget(self.printer)
        self.marks = label(role="mark", wrap=False)
        self.number = label(role="number", wrap=False)
        self.service = label(role="title")
        self.windows = label(role="info")
        self.wait = label(role="info")
        self.qr = QrCode()
        self.qr_hint = label(role="hint")
        self.short_code = label(role="shortCode")  # 评价短码 57-483920, to type at a kiosk
        self.notice = label(role="hint")
        self.countdown = label(role="hint")  # 28 秒后返回首页
        self.finish = button("", "primary")
        self.finish.clicked.connect(self.done)
        info = QVBoxLayout()
        info.setSpacing(16)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.marks)
        top.addStretch(1)
        info.addLayout(top)
        for w in (self.number, self.service, self.windows, self.wait):
            info.addWidget(w)
        info.addStretch(1)
        self.code = code = QVBoxLayout()
        code.setSpacing(8)
        code.addStretch(1)  # the QR code with what it is for and the rating code under it
        for part in (self.qr, self.qr_hint, self.short_code):
            code.addWidget(part)
        code.addStretch(1)
        code.addWidget(self.notice)
        # Portrait: the QR code under the number; landscape: beside it (set_landscape).
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        self.body.addLayout(info, 3)
        self.body.addLayout(code, 2)
        self.foot = QWidget()
        foot = QHBoxLayout(self.foot)
        foot.setContentsMargins(0, 0, 0, 0)
        foot.setSpacing(24)
        foot.addWidget(self.countdown, 1)
        foot.addWidget(self.finish, 1)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(12)
        box.addWidget(self.head)
        box.addLayout(self.body, 1)
        box.addWidget(self.foot)

    def set_landscape(self, landscape: bool) -> None:
        """A landscape panel has few rows: the band's two lines side by side, Done with
        its countdown under the QR code, beside the number, and the hall's line under
        both."""
        side_by_side(self.body, landscape, (3, 2))
        self.head_box.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        for w in (self.notice, self.foot):
            self.box.removeWidget(w)
            self.code.removeWidget(w)
        if landscape:  # the hall's line across the screen, one line under both halves
            self.box.addWidget(self.notice)
            self.code.addWidget(self.foot)
        else:
            self.code.addWidget(self.notice)
            self.box.addWidget(self.foot)

    def targets(self) -> list[QWidget]:
        return [self.finish]

    def show_ticket(
        self,
        t: TicketInfo,
        service_name: str,
        marks: Sequence[str],
        windows: str,
        wait: str,
        qr: Sequence[Sequence[bool]],
        qr_side: int,
    ) -> None:
        self.marks.setText("  ".join(marks))
        self.marks.setVisible(bool(marks))
        self.number.setText(t.number)
        self.service.setText(service_name)
        self.windows.setText(windows)
        self.wait.setText(wait)
        self.qr.set_modules(qr, qr_side)
        self.set_printer("", alert=False)

    def set_printer(self, text: str, alert: bool) -> None:
        """What became of the slip, in the band at the top: printing, take it, or why
        it did not print (the band turns red)."""
        self.printer.setText(text)
        self.printer.setVisible(bool(text))
        self.head.setProperty("alert", alert)
        for w in (self.head, self.success, self.printer):
            w.style().unpolish(w)
            w.style().polish(w)


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` as rows of dark (True) and light modules, with a quiet
    zone of two. Pure computation (a few ms): the kiosk runs it off the GUI thread."""
    code = qrcode.QRCode(border=2)
    code.add_data(payload)
    return [list(row) for row in code.get_matrix()]


def qr_pixmap(modules: Sequence[Sequence[bool]], side: int) -> QPixmap:
    """The modules drawn black on white, ``side`` pixels square, edges kept sharp."""
    n = len(modules)
    # A binary PGM (one byte a module), which Qt reads natively: no pixel-by-pixel calls,
    # and Qt owns the image's memory from the start.
    pgm = b"P5 %d %d 255\n" % (n, n) + bytes(0 if d else 255 for row in modules for d in row)
    image = QImage.fromData(pgm, "PGM")  # type: ignore[arg-type]  # the stubs say bytes; it takes str
    scaled = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,  # whole modules, no blur
    )
    return QPixmap.fromImage(scaled)


class QrCode(QWidget):
    """A QR code drawn black on white, ``side`` pixels square when there is the room,
    smaller when there is not (never below 3 px a module, about 0.75 mm, still read by a
    phone at arm's length); whole pixels a module, so its edges stay sharp."""

    SMALLEST_MODULE = 3

    def __init__(self) -> None:
        super().__init__()
        self._modules: Sequence[Sequence[bool]] = ()
        self._side = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_modules(self, modules: Sequence[Sequence[bool]], side: int) -> None:
        self._modules = modules
        self._side = side
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def minimumSizeHint(self) -> QSize:
        side = min(self._side, len(self._modules) * self.SMALLEST_MODULE)
        return QSize(side, side)

    def drawn_side(self) -> int:
        """The code's side as drawn now, in whole modules."""
        n = len(self._modules)
        if not n:
            return 0
        room = min(self.width(), self.height(), self._side)
        return max(1, room // n) * n

    def pixmap(self) -> QPixmap:
        """The code as drawn (a test scans it)."""
        return qr_pixmap(self._modules, self.drawn_side())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._modules:
            return
        picture = self.pixmap()
        p = QPainter(self)
        p.drawPixmap(
            (self.width() - picture.width()) // 2, (self.height() - picture.height()) // 2, picture
        )
        p.end()


class KeypadScreen(QWidget):
    """An appointment code typed on large keys, or scanned (a scanner types like a
    keyboard and ends with Enter)."""

    submitted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.hint = label(role="hint")
        self.field = QLineEdit()
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMaxLength(16)
        self.field.returnPressed.connect(self._submit)
        self.grid = grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate("123456789"):
            self._key(grid, key, i // 3, i % 3)
        self.delete = button("", "key")
        self.delete.clicked.connect(self.field.backspace)
        grid.addWidget(self.delete, 3, 0)
        self._key(grid, "0", 3, 1)
        self.ok = button("", "okKey")
        self.ok.clicked.connect(self._submit)
        grid.addWidget(self.ok, 3, 2)
        for b in (self.delete, self.ok):
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        entry = QVBoxLayout()
        entry.setSpacing(20)
        entry.addWidget(self.title)
        entry.addWidget(self.hint)
        entry.addWidget(self.field)
        entry.addStretch(1)
        # Portrait: the keys under the code; landscape: beside it (set_landscape).
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(48, 24, 48, 24)
        self.body.setSpacing(32)
        self.body.addLayout(entry, 2)
        self.body.addLayout(grid, 3)
        self.set_gap(gap_px(1080))

    def set_gap(self, gap: int) -> None:
        self.grid.setSpacing(gap)
        self.body.setSpacing(gap)

    def set_landscape(self, landscape: bool) -> None:
        side_by_side(self.body, landscape, (3, 2) if landscape else (0, 1))

    def targets(self) -> list[QWidget]:
        """The field first (a scanner types into it), then the keys as they are laid out."""
        keys = [self.keys[k] for k in "123456789"]
        return [self.field, *keys, self.delete, self.keys["0"], self.ok]

    def _key(self, grid: QGridLayout, key: str, row: int, col: int) -> None:
        b = button(key, "key")
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        b.clicked.connect(lambda _=False, k=key: self.field.insert(k))
        grid.addWidget(b, row, col)
        self.keys[key] = b

    def reset(self) -> None:
        self.field.clear()
        self.field.setFocus()

    def _submit(self) -> None:
        code = self.field.text().strip()
        if code:
            self.submitted.emit(code)


@dataclass(frozen=True)
class Option:
    """Another way to get a service done, shown with a refusal: what it is (扫码预约其他
    日期) and the QR code of its address."""

    words: str
    qr: Sequence[Sequence[bool]]


class MessageScreen(QWidget):
    """One sentence large (a refusal, the help confirmation, 正在取号), what to do next,
    and a way home. A refusal of a service names the service above it (``title``) and
    may offer other ways (`Option`: 预约, 网上办) as QR codes to scan with a phone."""

    home = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.headline = label(role="title")
        self.sentence = label(role="info")
        self.next_step = label(role="hint")
        self.options_box = QHBoxLayout()
        self.options_box.setSpacing(48)
        self.options: list[tuple[QrCode, WrapLabel]] = []
        for _ in range(2):
            qr = QrCode()
            words = label(role="info")
            column = QVBoxLayout()
            column.setSpacing(8)
            column.addWidget(qr)
            column.addWidget(words)
            self.options_box.addLayout(column)
            self.options.append((qr, words))
        self.back = button("", "primary")
        self.back.clicked.connect(self.home)
        said = QVBoxLayout()
        said.setSpacing(24)
        for w in (self.title, self.headline, self.sentence):
            said.addWidget(w)
        # Portrait: the other ways under the sentence; landscape: beside it.
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        self.body.addLayout(said)
        self.body.addLayout(self.options_box)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.setSpacing(24)
        box.addStretch(1)
        box.addLayout(self.body)
        box.addWidget(self.next_step)
        box.addStretch(1)
        box.addWidget(self.back)
        self.qr_side = 240

    def set_landscape(self, landscape: bool) -> None:
        side_by_side(self.body, landscape, (1, 1))

    def targets(self) -> list[QWidget]:
        return [self.back] if not self.back.isHidden() else []

    def show_message(
        self,
        headline: str,
        sentence: str,
        next_step: str,
        refusal: bool,
        *,
        title: str = "",
        options: Sequence[Option] = (),
    ) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.headline.setText(headline)
        self.headline.setProperty("role", "refusal" if refusal else "title")
        self.headline.style().unpolish(self.headline)
        self.headline.style().polish(self.headline)
        self.sentence.setText(sentence)
        self.sentence.setVisible(bool(sentence))
        self.next_step.setText(next_step)
        self.next_step.setVisible(bool(next_step))
        for i, (qr, words) in enumerate(self.options):
            option = options[i] if i < len(options) else None
            qr.setVisible(option is not None)
            words.setVisible(option is not None)
            if option is not None:
                qr.set_modules(option.qr, self.qr_side)
                qr.setAccessibleName(option.words)
                words.setText(option.words)
        # Who reads the screen aloud hears it as one message.
        self.setAccessibleName(" ".join(t for t in (title, headline, sentence) if t))
        self.setAccessibleDescription(" ".join([*(o.words for o in options), next_step]).strip())
