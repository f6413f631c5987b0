"""The kiosk driven by touch (pytest-qt, offscreen), on SQLite and PostgreSQL: every way a
citizen takes a ticket, every way it can be refused, a printer that fails, a database that
goes away and comes back, and the same tap never giving two tickets."""

from __future__ import annotations

import subprocess
import threading
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.lines import WORD, WrapLabel, break_kinds
from kiosk.window import KioskWindow
from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault
from shared.devices.announcer import Announcer, MemoryOutput
from shared.devices.printing import PdfFolderPrinter, PrinterFault
from shared.devices.voice import Voice
from shared.hall import Hall, TicketInfo
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import TRANSLATIONS, set_language
from shared.store.db import Database
from shared.store.model import Event, EventKind, Ticket

from ..conftest import local
from ..test_announcer import ToneEngine

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent.parent
PORTRAIT = QSize(1080, 1920)
WAIT = 15_000


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def make_kiosk(qtbot: QtBot, hall: Hall, printer: object, **kw: object) -> KioskWindow:
    window = KioskWindow(hall, printer, kiosk="K1", size=PORTRAIT, **kw)  # type: ignore[arg-type]
    window.retry_ms = 50
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.services), timeout=WAIT)
    return window


@pytest.fixture
def slips(tmp_path: Path) -> Path:
    return tmp_path / "slips"


@pytest.fixture
def kiosk(qtbot: QtBot, hall: Hall, slips: Path) -> KioskWindow:
    return make_kiosk(qtbot, hall, PdfFolderPrinter(slips))


def tap(qtbot: QtBot, b: QPushButton) -> None:
    qtbot.waitUntil(b.isVisible, timeout=WAIT)  # a tile laid out a moment ago
    assert b.isEnabled(), b.accessibleName()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def take(qtbot: QtBot, kiosk: KioskWindow, zone: str, service: str) -> TicketInfo:
    tap(qtbot, kiosk.home.zone_buttons[zone])
    assert kiosk.stack.currentWidget() is kiosk.zone_screen
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT) as got:
        tap(qtbot, kiosk.zone_screen.buttons[service])
    t: TicketInfo = got.args[0]
    return t


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def count(hall: Hall, kind: EventKind | None = None) -> int:
    with hall.db.read() as s:
        if kind is None:
            return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)
        return int(s.scalar(select(func.count()).where(Event.kind == kind)) or 0)


def test_a_citizen_takes_a_ticket_in_three_taps_and_it_prints(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, slips: Path
) -> None:
    assert kiosk.home.zone_buttons["SS"].detail.text() == "0 人等候"
    # Each zone names a few of its matters: 商事经营 alone does not say where to tap.
    assert kiosk.home.zone_buttons["SS"].hint.text() == "企业设立登记、企业变更登记、企业注销登记等"
    with qtbot.waitSignal(kiosk.slip_printed, timeout=WAIT) as printed:
        t = take(qtbot, kiosk, "SS", "gt-zc")
    assert t.number == "B001" and t.service_name == "个体工商户注册登记"
    assert kiosk.stack.currentWidget() is kiosk.ticket
    assert kiosk.ticket.number.text() == "B001"
    assert kiosk.ticket.windows.text() == "受理窗口：1、2、3、8、9 号窗口"
    assert kiosk.ticket.wait.text().startswith("前面还有 0 人")
    # The QR code on the screen scans to the review address of this very ticket.
    png = slips.parent / "screen-qr.png"
    assert kiosk.ticket.qr.pixmap().save(str(png))
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert scanned.startswith(hall.settings.kiosk.review_url)
    assert hall.ticket_by_review_code(scanned.rsplit("/", 1)[1]).number == "B001"
    assert kiosk.ticket.printer.text() == "请从下方取走取号单"
    slip: Path = printed.args[0]
    assert slip.exists() and "B001" in pdf_text(slip) and "取号机 K1" in pdf_text(slip)
    with hall.db.read() as s:
        ticket = s.scalars(select(Ticket)).one()
    assert ticket.kiosk == "K1" and ticket.request_id
    tap(qtbot, kiosk.ticket.finish)
    assert kiosk.stack.currentWidget() is kiosk.home


def test_a_tap_is_answered_at_once_even_when_the_database_is_slow(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = hall.issue_ticket

    def slow(*a: object, **kw: object) -> TicketInfo:
        assert release.wait(10)
        return real(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(hall, "issue_ticket", slow)
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    tap(qtbot, kiosk.zone_screen.buttons["gt-zc"])
    # The click has returned, the database has not: the screen already says so.
    assert kiosk.stack.currentWidget() is kiosk.message
    assert kiosk.message.headline.text() == "正在取号，请稍候…"
    tap(qtbot, kiosk.help)  # and the screen still answers
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT):
        release.set()


def test_the_green_channel_marks_the_ticket_and_puts_it_ahead(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    hall.issue_ticket("gt-zc")
    tap(qtbot, kiosk.home.green)
    assert "已选" in kiosk.home.green.text()
    t = take(qtbot, kiosk, "SS", "gt-zc")
    assert t.priority == "green" and t.ahead == 0
    assert kiosk.ticket.marks.isVisible() and kiosk.ticket.marks.text() == "绿色通道"
    assert "已选" not in kiosk.home.green.text()  # for one ticket only


def test_elderly_mode_has_large_type_six_choices_the_most_used_first_and_a_voice(
    qtbot: QtBot, hall: Hall, slips: Path, tmp_path: Path
) -> None:
    for _ in range(3):
        hall.issue_ticket("hj-qy")  # the most used of 社会民生 lately
    voice = Voice(engine=ToneEngine(), cache_dir=tmp_path / "voice")
    output = MemoryOutput()
    said: list[str] = []
    announcer = Announcer(
        voice, output, on_result=lambda r: said.append(r.announcement.words.speech)
    )
    try:
        kiosk = make_kiosk(qtbot, hall, PdfFolderPrinter(slips), announcer=announcer)
        normal = kiosk.home.zone_buttons["MS"].name.font().pixelSize()
        tap(qtbot, kiosk.home.elderly)
        assert kiosk.home.zone_buttons["MS"].name.font().pixelSize() >= normal * 1.4
        tap(qtbot, kiosk.home.zone_buttons["MS"])
        shown = list(kiosk.zone_screen.buttons)
        assert len(shown) == 6 and shown[0] == "hj-qy"
        assert kiosk.zone_screen.more.isVisible()  # the seventh on the next page
        tap(qtbot, kiosk.zone_screen.more)
        assert len(kiosk.zone_screen.buttons) >= 1 and not set(kiosk.zone_screen.buttons) & set(
            shown
        )
        tap(qtbot, kiosk.zone_screen.more)
        with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT) as got:
            tap(qtbot, kiosk.zone_screen.buttons["hj-qy"])
        t: TicketInfo = got.args[0]
        qtbot.waitUntil(lambda: any("您的号码是" in s for s in said), timeout=WAIT)
        assert f"您选择的是：{t.service_name}" in said
        letter, digits = t.number[0], t.number[1:]
        assert f"您的号码是{letter}" in said[-1] and "零零四" in said[-1] and digits == "004"
        assert output.max_active == 1
    finally:
        announcer.close()
        voice.close()


def test_an_appointment_is_checked_in_on_the_keypad(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, clock: FixedClock
) -> None:
    appt = hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强",
        id_number="11010519491231002X",
    )  # fmt: skip
    tap(qtbot, kiosk.home.appointment)
    assert kiosk.stack.currentWidget() is kiosk.keypad
    for digit in appt.code:
        tap(qtbot, kiosk.keypad.keys[digit])
    assert kiosk.keypad.field.text() == appt.code
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT) as got:
        tap(qtbot, kiosk.keypad.ok)
    assert got.args[0].priority == "appointment"
    assert kiosk.ticket.marks.text() == "预约"


@pytest.mark.parametrize(
    ("code", "at", "says"),
    [
        ("unknown", (24, 9, 30), "不存在"),
        ("too_early", (24, 8, 40), "请于 09:00 以后再来签到"),
        ("missed", (24, 10, 45), "已过"),
        ("used", (24, 9, 30), "已经签到取号"),
    ],
)
def test_each_bad_appointment_code_gets_its_own_sentence(
    qtbot: QtBot,
    kiosk: KioskWindow,
    hall: Hall,
    clock: FixedClock,
    code: str,
    at: tuple[int, int, int],
    says: str,
) -> None:
    appt = hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强",
        id_number="11010519491231002X",
    )  # fmt: skip
    if code == "used":
        hall.check_in(appt.code)
    clock.set(local(*at))
    tap(qtbot, kiosk.home.appointment)
    kiosk.keypad.field.setText("87654321" if code == "unknown" else appt.code)
    with qtbot.waitSignal(kiosk.refused, timeout=WAIT) as got:
        qtbot.keyClick(kiosk.keypad.field, Qt.Key.Key_Return)  # a scanner ends with Enter
    assert got.args[0] == f"appointment.{code}"
    assert kiosk.stack.currentWidget() is kiosk.message
    assert kiosk.message.title.text() == "预约签到"
    assert says in kiosk.message.headline.text()
    assert kiosk.message.next_step.text()  # and what to do next


def test_a_refusal_names_the_service_says_why_once_and_offers_booking_and_online(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, tmp_path: Path
) -> None:
    for _ in range(40):
        hall.issue_ticket("bdc-dj")  # capped at 40 a day
    tap(qtbot, kiosk.home.zone_buttons["MS"])
    with qtbot.waitSignal(kiosk.refused, timeout=WAIT) as got:
        tap(qtbot, kiosk.zone_screen.buttons["bdc-dj"])
    assert got.args[0] == "service.cap_reached"
    message = kiosk.message
    assert message.title.text() == "不动产登记"
    # Gone for today, said once (no 暂时 over it), and no invitation to skip the queue.
    assert message.headline.text() == "今日号已取完。"
    shown = [w.text() for w in (message.title, message.headline, message.sentence)]
    assert not any("暂时" in t or "窗口空闲" in t for t in shown)
    # The hall books 不动产登记 and does it online: both offered, as QR codes to scan.
    offered = [(qr, words) for qr, words in message.options if words.isVisible()]
    assert [words.text() for _, words in offered] == ["扫码预约其他日期", "扫码网上办理"]
    for (qr, _), url in zip(offered, ("book/bdc-dj", "zwfw"), strict=True):
        png = tmp_path / f"{url.replace('/', '-')}.png"
        assert qr.pixmap().save(str(png)) and qr.accessibleName()
        scanned = subprocess.run(
            ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert url in scanned
    assert message.next_step.text() == "也可以下一个工作日再来取号，或咨询导服人员。"
    tap(qtbot, message.back)
    assert kiosk.stack.currentWidget() is kiosk.home


def test_a_refused_service_without_other_ways_offers_none(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    for _ in range(30):
        hall.issue_ticket("sp-jy")  # 食品经营许可: 30 a day, neither booked nor online
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    with qtbot.waitSignal(kiosk.refused, timeout=WAIT):
        tap(qtbot, kiosk.zone_screen.buttons["sp-jy"])
    assert kiosk.message.title.text() == "食品经营许可"
    assert not any(words.isVisible() or qr.isVisible() for qr, words in kiosk.message.options)


def test_help_is_asked_from_any_screen_and_recorded_with_the_kiosk(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    tap(qtbot, kiosk.home.zone_buttons["MS"])
    with qtbot.waitSignal(kiosk.help_sent, timeout=WAIT):
        tap(qtbot, kiosk.help)
    assert kiosk.message.headline.text() == "导服人员马上就来"
    assert [h.kiosk for h in hall.help_requests()] == ["K1"]


class BrokenPrinter:
    description = "out of paper"

    def print_pdf(self, pdf: bytes, name: str) -> None:
        raise PrinterFault("printer.no_paper", printer="test")


def test_a_printer_out_of_paper_still_gives_the_ticket_on_screen_and_tells_staff(
    qtbot: QtBot, hall: Hall
) -> None:
    kiosk = make_kiosk(qtbot, hall, BrokenPrinter())
    with qtbot.waitSignal(kiosk.printer_failed, timeout=WAIT) as failed:
        t = take(qtbot, kiosk, "SS", "gt-zc")
    assert failed.args[0] == "printer.no_paper"
    assert kiosk.ticket.number.text() == t.number
    assert "缺纸" in kiosk.ticket.printer.text() and "号码已经取到" in kiosk.ticket.printer.text()
    qtbot.waitUntil(lambda: count(hall, EventKind.PRINTER_FAULT) == 1, timeout=WAIT)
    qtbot.waitSignal(kiosk.ticket_shown, timeout=100, raising=False)
    t2 = take_again(qtbot, kiosk)  # and the kiosk keeps working
    assert t2.number != t.number


def take_again(qtbot: QtBot, kiosk: KioskWindow) -> TicketInfo:
    tap(qtbot, kiosk.ticket.finish)
    return take(qtbot, kiosk, "SS", "gt-zc")


def test_a_database_outage_pauses_tickets_and_the_same_tap_resumes_without_a_twin(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server goes away right after committing the first try: the kiosk says so,
    retries the same tap by itself, and shows the one ticket that was issued."""
    real = Database.run_write
    failures = {"left": 3, "committed": False}

    def flaky(self: Database, fn, attempts: int = 3):  # type: ignore[no-untyped-def]
        if failures["left"] > 0:
            failures["left"] -= 1
            if not failures["committed"]:
                failures["committed"] = True
                real(self, fn, attempts)  # committed, then the reply is lost
            raise EnvironmentFault("db.unreachable", host="hall-server")
        return real(self, fn, attempts)

    monkeypatch.setattr(Database, "run_write", flaky)
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    with qtbot.waitSignal(kiosk.outage_changed, timeout=WAIT) as down:
        tap(qtbot, kiosk.zone_screen.buttons["qy-sl"])
    assert down.args == [True] and kiosk.banner.isVisible()
    assert kiosk.banner.text() == "暂停取号，正在重新连接…"
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT) as got:
        pass
    assert got.args[0].number == "A001"
    assert not kiosk.banner.isVisible()
    assert count(hall) == 1


def test_the_kiosk_goes_home_by_itself_after_the_idle_time(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    idle = kiosk.hall.settings.kiosk.idle_seconds
    for _ in range(idle - 5):
        kiosk._tick()
    assert kiosk.idle_hint.text() == "5 秒后返回首页"
    assert kiosk.stack.currentWidget() is kiosk.zone_screen
    for _ in range(5):
        kiosk._tick()
    assert kiosk.stack.currentWidget() is kiosk.home


def test_back_and_home_work_from_every_screen(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    tap(qtbot, kiosk.back)
    assert kiosk.stack.currentWidget() is kiosk.home
    tap(qtbot, kiosk.home.appointment)
    tap(qtbot, kiosk.home_button)
    assert kiosk.stack.currentWidget() is kiosk.home


def test_english_is_complete_and_chinese_comes_back(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap(qtbot, kiosk.home.language)
    assert kiosk.home.title.text() == "Choose a service"
    assert kiosk.home.appointment.text() == "Check in"
    assert kiosk.help.text() == "Need help"
    # The hall's, the zones' and the services' own English names.
    assert kiosk.hall_name.text() == "Qingchuan District Government Service Center"
    assert kiosk.home.zone_buttons["SS"].name.text() == "Business and commerce"
    assert kiosk.home.zone_buttons["SS"].hint.text().startswith("Company registration, ")
    assert kiosk.home.zone_buttons["SS"].detail.text() == "0 waiting"
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    assert kiosk.zone_screen.title.text() == "Business and commerce"
    assert kiosk.zone_screen.buttons["gt-zc"].name.text() == "Sole trader registration"
    tap(qtbot, kiosk.home_button)
    t = take(qtbot, kiosk, "SS", "gt-zc")
    assert kiosk.ticket.service.text() == "Sole trader registration"
    assert kiosk.ticket.wait.text() == f"{t.ahead} ahead of you, you are next"
    tap(qtbot, kiosk.ticket.finish)
    # Done: the next citizen finds the kiosk in its own language again.
    assert (
        kiosk.help.text() == "需要帮助" and kiosk.home.zone_buttons["SS"].name.text() == "商事经营"
    )


def one_piece(line: str) -> bool:
    """A line that cannot be broken at all (one long word): it may be cut, nothing else."""
    return not any(kind <= WORD for kind in break_kinds(line).values())


def ancestors(w: QWidget) -> Iterator[QWidget]:
    parent = w.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def cut_off(window: QWidget) -> list[str]:
    """What a citizen would see cut off on the screen showing now: text clipped by its
    label or button, a widget squeezed below its size or overlapping its neighbour, or
    anything outside the glass."""
    problems: list[str] = []
    glass = window.rect()
    shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and w.isVisible()]
    for w in shown:
        name = f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        box = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        scrolled = any(isinstance(a, QScrollArea) for a in ancestors(w))
        if not scrolled and not glass.contains(box):
            problems.append(f"{name} is outside the screen")
        if isinstance(w, WrapLabel) and w.text():  # each line as drawn, within the label
            fm = QFontMetricsF(w.font())
            room = w.contentsRect().width()
            for line in w.lines():
                if fm.horizontalAdvance(line) > room + 1 and not one_piece(line):
                    problems.append(f"{name}: {line!r} is wider than its {room} px")
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 1:
                    problems.append(f"{name} needs {need} px, has {w.height()}")
            elif w.sizeHint().width() > w.width() + 1:
                problems.append(f"{name} needs {w.sizeHint().width()} px wide, has {w.width()}")
        if isinstance(w, QPushButton) and w.height() < w.minimumSizeHint().height():
            problems.append(f"{name} squeezed to {w.height()} px")
    for w in shown:  # siblings in one layout must not overlap
        kids = [k for k in shown if k.parentWidget() is w.parentWidget() and k is not w]
        for k in kids:
            if w.geometry().intersects(k.geometry()) and not (
                isinstance(w.parentWidget(), QStackedWidget)
            ):
                problems.append(f"{type(w).__name__} overlaps {type(k).__name__}")
    return problems


@pytest.mark.parametrize("size", [PORTRAIT, QSize(1920, 1080)], ids=["portrait", "landscape"])
def test_every_screen_fits_the_panel_in_both_languages_and_elderly_type(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    """Nothing cut off, squeezed or off the glass: every screen, with the outage banner
    and the idle countdown both showing, in Chinese and English, standard and elderly."""
    kiosk = KioskWindow(hall, PdfFolderPrinter(slips), kiosk="K1", size=size)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.services), timeout=WAIT)
    for _ in range(40):
        hall.issue_ticket("bdc-dj")  # 不动产登记 is refused from now on
    kiosk._set_outage(True)
    found: dict[str, list[str]] = {}
    for lang, elderly in (("zh", False), ("zh", True), ("en", True), ("en", False)):
        kiosk.next_citizen()
        if lang != kiosk.lang:
            tap(qtbot, kiosk.home.language)
        if elderly:
            tap(qtbot, kiosk.home.elderly)
        tap(qtbot, kiosk.home.green)
        take(qtbot, kiosk, "MS", "sb-cb")  # a marked ticket on the ticket screen
        tap(qtbot, kiosk.home_button)
        tap(qtbot, kiosk.home.zone_buttons["MS"])
        with qtbot.waitSignal(kiosk.refused, timeout=WAIT):
            tap(qtbot, kiosk.zone_screen.buttons["bdc-dj"])  # a refusal on the message screen
        kiosk._on_home_zone_chosen("MS")
        kiosk._set_idle_hint(kiosk.tr("Back to home in {n} s").format(n=30))
        for page in (kiosk.home, kiosk.zone_screen, kiosk.ticket, kiosk.keypad, kiosk.message):
            kiosk.stack.setCurrentWidget(page)
            qtbot.wait(20)  # the layouts settle
            problems = cut_off(kiosk)
            bar = kiosk.zone_screen.list_area.verticalScrollBar()
            if page is kiosk.zone_screen and kiosk.elderly and bar.maximum() > 0:
                problems.append("elderly type: the matters of a page need scrolling")
            if problems:
                found[f"{lang} elderly={elderly} {type(page).__name__}"] = problems
        assert kiosk.size() == size
    assert not found, found


def test_every_button_has_an_accessible_name(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    buttons = kiosk.findChildren(QPushButton)
    assert len(buttons) > 15
    assert all(b.accessibleName() for b in buttons)


@pytest.mark.both_databases
def test_waiting_counts_follow_the_feed_without_polling(
    qtbot: QtBot, hall: Hall, slips: Path, db_url: str
) -> None:
    bridge = FeedBridge(db_url)
    try:
        kiosk = make_kiosk(qtbot, hall, PdfFolderPrinter(slips), bridge=bridge)
        bridge.start()
        other = Hall.connect(db_url, FixedClock(local(24, 9, 31)))
        try:
            with qtbot.waitSignal(kiosk.waiting_updated, timeout=WAIT):
                other.issue_ticket("sb-cb", request_id=uuid.uuid4().hex, kiosk="K2")
        finally:
            other.close()
        qtbot.waitUntil(
            lambda: kiosk.home.zone_buttons["MS"].detail.text() == "1 人等候", timeout=WAIT
        )
    finally:
        bridge.stop()


def test_the_committed_translation_is_complete_and_up_to_date(tmp_path: Path) -> None:
    ts = TRANSLATIONS / "yimen_zh_CN.ts"
    tree = ET.parse(ts)
    sources = {m.findtext("source") for m in tree.iter("message")}
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.text, message.findtext("source")
        assert translation.get("type") not in ("unfinished", "obsolete"), message.findtext("source")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(Path(subprocess.sys.executable).with_name("pyside6-lupdate")),  # type: ignore[attr-defined]
            *sorted(str(p) for d in ("kiosk", "counter") for p in (ROOT / d).glob("*.py")),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_code = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    assert in_code <= sources, f"run pyside6-lupdate: new texts {in_code - sources}"
