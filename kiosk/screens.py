"""The kiosk's screens, each a plain widget that shows what it is given and says what was
tapped through its signals. The window (`kiosk.window`) moves between them and does the
work; these know nothing of the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import qrcode
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shared.hall import ServiceInfo, TicketInfo
from shared.qt import widgets
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


def button(text: str, role: str | None = None, name: str | None = None) -> QPushButton:
    b = WrapButton(text)
    if role:
        b.setProperty("role", role)
    b.setAccessibleName(name or text.replace("\n", " "))
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touchscreen: no focus rings, no keyboard
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return b


class WrapButton(QPushButton):
    """A push button whose words wrap onto a second line rather than widen the screen:
    a long label (most of them in English) in elderly type would otherwise push the
    window past the edge of the panel."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.words = label(text, "buttonText")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 6, 12, 6)
        box.addWidget(self.words)

    def setText(self, text: str) -> None:
        self.words.setText(text)

    def text(self) -> str:
        return self.words.text()


class Tile(QPushButton):
    """A large touch tile: the name big, a detail line under it (e.g. 3 人等候)."""

    def __init__(self, name: str, detail: str = "", hint: str = "") -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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

    def set_hint(self, hint: str) -> None:
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def set_detail(self, detail: str) -> None:
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleDescription(detail)

    def text(self) -> str:  # what a test or a screen reader reads
        return f"{self.name.text()} {self.detail.text()}".strip()


def label(text: str = "", role: str | None = None, wrap: bool = True) -> QLabel:
    """A public screen's label: centred, like everything on the kiosk."""
    return widgets.label(text, role, wrap=wrap, centred=True)


class HomeScreen(QWidget):
    """The zones as large tiles with their waiting counts; appointment check-in, the green
    channel, rating a service, elderly mode and the language underneath."""

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
        self.grid.setSpacing(24)
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
        # Three a row above (what a citizen came for), two below (how the kiosk speaks).
        extra = QGridLayout()
        extra.setSpacing(24)
        extra.addWidget(self.appointment, 0, 0, 1, 2)
        extra.addWidget(self.green, 0, 2, 1, 2)
        extra.addWidget(self.rate, 0, 4, 1, 2)
        extra.addWidget(self.elderly, 1, 0, 1, 3)
        extra.addWidget(self.language, 1, 3, 1, 3)
        for column in range(6):
            extra.setColumnStretch(column, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(24)
        box.addWidget(self.title)
        box.addLayout(self.grid, 1)
        box.addLayout(extra)
        self.zone_buttons: dict[str, Tile] = {}
        self._columns = 0

    def show_zones(
        self, zones: Sequence[Zone], columns: int, waiting_text: str, hints: Sequence[str]
    ) -> None:
        """The zone tiles: name, a few of its services (``hints``), how many wait."""
        if [z.code for z in zones] == list(self.zone_buttons) and columns == self._columns:
            for z, hint in zip(zones, hints, strict=True):  # the same tiles: no flicker
                self.zone_buttons[z.code].name.setText(z.name)
                self.zone_buttons[z.code].set_hint(hint)
                self.zone_buttons[z.code].set_detail(waiting_text.format(n=z.waiting))
            return
        self._columns = columns
        clear(self.grid)
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

    def __init__(self) -> None:
        super().__init__()
        self.title = label(role="title")
        self.hint = label(role="hint")
        self.list = QGridLayout()
        self.list.setSpacing(20)
        inner = QWidget()
        box_inner = QVBoxLayout(inner)
        box_inner.setContentsMargins(0, 0, 0, 0)
        box_inner.addLayout(self.list)
        box_inner.addStretch(1)
        self.list_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = button("", "primary")
        self.more.clicked.connect(self._next_page)
        keep = self.more.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the page keeps its height with one page or many
        self.more.setSizePolicy(keep)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(16)
        box.addWidget(self.title)
        box.addWidget(self.hint)
        box.addWidget(self.list_area, 1)
        box.addWidget(self.more)
        self.buttons: dict[str, Tile] = {}
        self._services: list[ServiceInfo] = []
        self._first = 0  # the index of the first service on the page shown
        self._shown = 0
        self._per_page = 0  # 0: all of them, scrolling
        self._columns = 1
        self._waiting_text = ""

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
        probe = Tile("测试", self._waiting_text)
        probe.setProperty("role", "service")
        probe.setParent(self)  # styled like the real ones, never shown
        probe.ensurePolished()
        tile = max(probe.minimumSizeHint().height(), probe.box.minimumSize().height())
        probe.setParent(None)
        probe.deleteLater()
        space = self.list.spacing()
        # The scroll area's height, not its viewport's: a page not yet shown has had its
        # geometry set by the layout, but the viewport learns it only when shown.
        layout = self.layout()
        if layout is not None:
            layout.activate()
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
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, code=sv.code: self.service_chosen.emit(code))
            self.list.addWidget(b, i // self._columns, i % self._columns)
            self.buttons[sv.code] = b
        self.more.setVisible(size < len(self._services))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new height (the outage banner came or went, a new type size): the page
        holds as many as now fit, starting from the same service."""
        super().resizeEvent(event)
        if self._per_page and self._services and self.page_size() != self._shown:
            self._fill()

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
    """The ticket just taken: number large, service, windows, people ahead, the wait, the
    QR code, and whether the slip printed."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.marks = label(role="mark", wrap=False)
        self.number = label(role="number", wrap=False)
        self.service = label(role="title")
        self.windows = label(role="info")
        self.wait = label(role="info")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.short_code = label(role="shortCode", wrap=False)  # 评价短码 57-483920, to type
        self.qr_hint = label(role="hint")
        self.printer = label(role="hint")
        self.notice = label(role="hint")
        self.finish = button("", "primary")
        self.finish.clicked.connect(self.done)
        info = QVBoxLayout()
        info.setSpacing(24)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.marks)
        top.addStretch(1)
        info.addLayout(top)
        for w in (self.number, self.service, self.windows, self.wait):
            info.addWidget(w)
        code = QVBoxLayout()
        code.setSpacing(12)
        code.addStretch(1)  # the QR code with its short code and hint right under it
        for w in (self.qr, self.short_code, self.qr_hint):
            code.addWidget(w)
        code.addStretch(1)
        for w in (self.printer, self.notice):
            code.addWidget(w)
        # Portrait: the QR code under the number; landscape: beside it (set_landscape).
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(24)
        self.body.addLayout(info, 3)
        self.body.addLayout(code, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(12)
        box.addLayout(self.body, 1)
        box.addWidget(self.finish)

    def set_landscape(self, landscape: bool) -> None:
        side_by_side(self.body, landscape, (3, 2) if landscape else (0, 1))

    def show_ticket(
        self,
        t: TicketInfo,
        marks: Sequence[str],
        windows: str,
        wait: str,
        qr: Sequence[Sequence[bool]],
        qr_side: int,
    ) -> None:
        self.marks.setText("  ".join(marks))
        self.marks.setVisible(bool(marks))
        self.number.setText(t.number)
        self.service.setText(t.service_name)
        self.windows.setText(windows)
        self.wait.setText(wait)
        self.qr.setPixmap(qr_pixmap(qr, qr_side))
        self.set_printer("", alert=False)

    def set_printer(self, text: str, alert: bool) -> None:
        self.printer.setText(text)
        self.printer.setProperty("role", "printer" if alert else "hint")
        self.printer.style().unpolish(self.printer)
        self.printer.style().polish(self.printer)


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
        self.field.setAccessibleName("appointment code")
        grid = QGridLayout()
        grid.setSpacing(16)
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

    def set_landscape(self, landscape: bool) -> None:
        side_by_side(self.body, landscape, (3, 2) if landscape else (0, 1))

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


class MessageScreen(QWidget):
    """One sentence large (a refusal, the help confirmation, 正在取号), what to do next,
    and a way home."""

    home = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.headline = label(role="title")
        self.sentence = label(role="info")
        self.next_step = label(role="hint")
        self.back = button("", "primary")
        self.back.clicked.connect(self.home)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.setSpacing(24)
        box.addStretch(1)
        for w in (self.headline, self.sentence, self.next_step):
            box.addWidget(w)
        box.addStretch(1)
        box.addWidget(self.back)

    def show_message(self, headline: str, sentence: str, next_step: str, refusal: bool) -> None:
        self.headline.setText(headline)
        self.headline.setProperty("role", "refusal" if refusal else "title")
        self.headline.style().unpolish(self.headline)
        self.headline.style().polish(self.headline)
        self.sentence.setText(sentence)
        self.next_step.setText(next_step)
        self.next_step.setVisible(bool(next_step))
