"""The kiosk as a citizen sees and hears it: lines that end between words, bold that stays
bold in elderly type, six choices in elderly mode, 8 mm between targets, the ticket
screen's success and countdown, and a keypad and a screen reader moving through it all.

Portrait 1080×1920 and landscape 1920×1080, Chinese and English, standard and elderly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.lines import WrapLabel, break_lines
from kiosk.screens import gap_px
from kiosk.window import KioskWindow
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.devices.printing import PdfFolderPrinter
from shared.hall import Hall
from shared.qt.i18n import set_language
from shared.qt.theme import sizes

from .test_kiosk import PORTRAIT, WAIT, make_kiosk, take, tap

pytestmark = pytest.mark.gui
LANDSCAPE = QSize(1920, 1080)
SIZES = pytest.mark.parametrize("size", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])

#: The demo hall's service names as a reader splits them into words: a line may end
#: between two of these, never inside one.
WORDS = {
    "企业设立登记": "企业 设立 登记",
    "企业变更登记": "企业 变更 登记",
    "企业注销登记": "企业 注销 登记",
    "个体工商户注册登记": "个体工商户 注册 登记",
    "食品经营许可": "食品 经营 许可",
    "新办纳税人涉税事项": "新办 纳税人 涉税 事项",
    "社保参保登记": "社保 参保 登记",
    "医保异地就医备案": "医保 异地 就医 备案",
    "城乡居民养老保险待遇申领": "城乡 居民 养老 保险 待遇 申领",
    "住房公积金提取": "住房 公积金 提取",
    "户籍迁移": "户籍 迁移",
    "居民身份证办理": "居民身份证 办理",
    "不动产登记": "不动产 登记",
    "企业投资项目备案": "企业 投资 项目 备案",
    "建设工程规划许可": "建设 工程 规划 许可",
    "建筑工程施工许可": "建筑 工程 施工 许可",
    "商事经营": "商事 经营",
    "社会民生": "社会 民生",
    "投资项目": "投资 项目",
}


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


def sized(qtbot: QtBot, hall: Hall, slips: Path, size: QSize) -> KioskWindow:
    window = KioskWindow(hall, PdfFolderPrinter(slips), kiosk="K1", size=size)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.services), timeout=WAIT)
    return window


def allowed_ends(text: str) -> set[int]:
    """Where a line of ``text`` may end: after 、，。 and spaces, between the words of the
    demo's names (`WORDS`), and at the end."""
    ends = {len(text)}
    for i, c in enumerate(text):
        if c in "、，。；： ":
            ends.update({i + 1, i})
    for name, words in WORDS.items():
        start = text.find(name)
        while start >= 0:
            at = start
            for word in words.split():
                at += len(word)
                ends.add(at)
            ends.add(start)
            start = text.find(name, start + 1)
    # Inside a name no line may end, whatever else the text says there.
    for name, words in WORDS.items():
        start = text.find(name)
        while start >= 0:
            inside = set(range(start + 1, start + len(name)))
            at = start
            for word in words.split():
                at += len(word)
                inside.discard(at)
            ends -= inside
            start = text.find(name, start + 1)
    return ends


def mid_word_breaks(label: WrapLabel) -> list[str]:
    """The lines of ``label`` (as drawn) that end inside a word."""
    text, lines = label.text(), label.lines()
    ends, at, found = allowed_ends(text), 0, []
    for line in lines[:-1]:
        at = text.index(line, at) + len(line)
        if at not in ends:
            found.append(f"{text!r} broken after {line!r}")
    return found


@SIZES
def test_no_line_of_a_service_zone_or_hint_ends_inside_a_word(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    """Every demo service's tile, every zone's tile with its examples, at both sizes and
    in standard and elderly type: a line ends at 、 or between two words, never inside
    one (注销登/记等, 城乡居/民养老, 建筑工/程施工许可 were what Qt did)."""
    kiosk = sized(qtbot, hall, slips, size)
    broken: list[str] = []
    wrapped = 0
    for elderly in (False, True):
        kiosk.go_home()
        if elderly:
            tap(qtbot, kiosk.home.elderly)
        for zone in ("SS", "MS", "TZ"):
            kiosk.go_home()
            tile = kiosk.home.zone_buttons[zone]
            qtbot.waitUntil(tile.isVisible, timeout=WAIT)
            for lb in (tile.name, tile.hint):
                broken += mid_word_breaks(lb)
                wrapped += len(lb.lines()) > 1
            kiosk._on_home_zone_chosen(zone)
            while True:
                for b in kiosk.zone_screen.buttons.values():
                    qtbot.waitUntil(b.isVisible, timeout=WAIT)
                    broken += mid_word_breaks(b.name)
                if not kiosk.zone_screen.more.isVisible() or kiosk.zone_screen._first + len(
                    kiosk.zone_screen.buttons
                ) >= len(kiosk.zone_screen._services):
                    break
                tap(qtbot, kiosk.zone_screen.more)
    assert wrapped, "nothing wrapped: the test would see no break at all"
    assert not broken, broken


def test_a_name_too_long_for_its_line_breaks_between_its_words() -> None:
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(45)
    fm = QFontMetricsF(font)
    name = "城乡居民养老保险待遇申领"
    lines = break_lines(name, fm.horizontalAdvance(name) * 0.7, fm.horizontalAdvance)
    assert lines == ["城乡居民养老保险", "待遇申领"]
    hint = "企业设立登记、企业变更登记、企业注销登记等"
    lines = break_lines(hint, fm.horizontalAdvance(hint) * 0.8, fm.horizontalAdvance)
    assert lines == ["企业设立登记、企业变更登记、", "企业注销登记等"]  # 等 stays with its word
    # The green channel's words: a line ends at 、, never with a dot left behind.
    who = "老人、残疾人、孕妇"
    lines = break_lines(who, fm.horizontalAdvance(who) * 0.85, fm.horizontalAdvance)
    assert lines == ["老人、残疾人、", "孕妇"]
    # Latin words break at spaces only: never "check-" / "in".
    words = "Appointment check-in"
    lines = break_lines(words, fm.horizontalAdvance("Appointment "), fm.horizontalAdvance)
    assert lines == ["Appointment", "check-in"]


def ink(widget: QWidget) -> int:
    """How many pixels of ``widget`` are darker than half (its type's ink)."""
    image: QImage = widget.grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )


@SIZES
def test_elderly_type_is_half_as_large_again_and_headings_stay_bold(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    """UI.md's 1.5× on both panels (a landscape one had 1.2×); a heading of 69 px is as
    bold as one of 46 px (Qt drew its made-up bold from 64 px up as thin outlines)."""
    kiosk = sized(qtbot, hall, slips, size)
    standard = sizes(min(size.width(), size.height()))
    title = kiosk.home.title
    assert title.font().pixelSize() == standard["heading"]
    tap(qtbot, kiosk.home.elderly)
    assert title.font().pixelSize() >= 1.5 * standard["heading"] - 1
    assert kiosk.help.words.font().pixelSize() >= 1.5 * standard["body"] - 1
    assert title.font().pixelSize() >= 64  # where Qt loses a made-up bold
    qtbot.waitUntil(title.isVisible, timeout=WAIT)
    regular = QLabel(title.text())
    regular.setFont(title.font())
    regular.setStyleSheet("font-weight: normal; background: white; color: black;")
    bold = WrapLabel(title.text())
    bold.setFont(title.font())
    bold.setStyleSheet("font-weight: bold; background: white; color: black;")
    for lb in (regular, bold):
        qtbot.addWidget(lb)
        lb.show()
        lb.resize(lb.sizeHint())
    assert bold.font().bold() and not regular.font().bold()
    assert ink(bold) > 1.25 * ink(regular)


@SIZES
def test_elderly_home_offers_six_choices_at_most(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    kiosk = sized(qtbot, hall, slips, size)

    def targets() -> list[str]:
        return [
            b.accessibleName()
            for b in kiosk.findChildren(QPushButton)
            if b.isVisible() and b.isEnabled()
        ]

    standard = targets()
    tap(qtbot, kiosk.home.elderly)
    elderly = targets()
    assert len(elderly) <= 6, elderly
    assert {"预约签到", "需要帮助"} <= set(elderly) and len(elderly) < len(standard)
    assert all(kiosk.home.zone_buttons[z].isVisible() for z in ("SS", "MS", "TZ"))
    # Back and home do nothing on home: not shown there, on any screen but home.
    assert not kiosk.back.isVisible() and not kiosk.home_button.isVisible()
    tap(qtbot, kiosk.home.zone_buttons["MS"])
    assert kiosk.back.isVisible() and kiosk.home_button.isVisible()


@SIZES
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_halls_name_keeps_apart_from_the_clock(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize, lang: str
) -> None:
    kiosk = sized(qtbot, hall, slips, size)
    if lang == "en":
        tap(qtbot, kiosk.home.language)
    for elderly in (False, True):  # standard, then elderly type
        if elderly:
            tap(qtbot, kiosk.home.elderly)
        QApplication.processEvents()
        name, clock = kiosk.hall_name, kiosk.clock
        fm_name, fm_clock = QFontMetricsF(name.font()), QFontMetricsF(clock.font())
        name_right = name.mapTo(kiosk, QPoint(0, 0)).x() + max(
            fm_name.horizontalAdvance(line) for line in name.lines()
        )
        clock_left = clock.mapTo(kiosk, QPoint(clock.width(), 0)).x() - max(
            fm_clock.horizontalAdvance(line) for line in clock.text().split("\n")
        )
        assert clock_left - name_right >= gap_px(min(size.width(), size.height())) - 1


def gaps(buttons: list[QWidget], window: QWidget) -> list[int]:
    """The free space between each target and its nearest neighbour in its row or
    column."""
    boxes = [QRect(b.mapTo(window, QPoint(0, 0)), b.size()) for b in buttons]
    found = []
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes):
            if i == j:
                continue
            if a.top() < b.bottom() and b.top() < a.bottom() and b.left() > a.right():
                found.append(b.left() - a.right() - 1)
            if a.left() < b.right() and b.left() < a.right() and b.top() > a.bottom():
                found.append(b.top() - a.bottom() - 1)
    return found


@SIZES
def test_targets_are_8_mm_apart_and_the_services_fill_the_screen(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    """8 mm between targets (32 px on a 21.5" panel, 1080 px across); a zone's services
    use the screen's height, not its top half."""
    kiosk = sized(qtbot, hall, slips, size)
    eight_mm = gap_px(min(size.width(), size.height()))
    assert eight_mm == 32
    for elderly in (False, True):
        kiosk.go_home()
        if elderly:
            tap(qtbot, kiosk.home.elderly)
        home = [*kiosk.home.zone_buttons.values(), *kiosk.home.targets()]
        qtbot.waitUntil(lambda: all(b.isVisible() for b in kiosk.home.targets()), timeout=WAIT)
        assert min(gaps(list({id(b): b for b in home}.values()), kiosk)) >= eight_mm
        tap(qtbot, kiosk.home.zone_buttons["MS"])
        tiles = list(kiosk.zone_screen.buttons.values())
        for t in tiles:
            qtbot.waitUntil(t.isVisible, timeout=WAIT)
        assert min(gaps(tiles, kiosk)) >= eight_mm
        area = kiosk.zone_screen.list_area
        top = area.mapTo(kiosk, QPoint(0, 0)).y()
        bottom = max(t.mapTo(kiosk, QPoint(0, t.height())).y() for t in tiles)
        assert bottom - top >= 0.8 * area.height(), (bottom - top, area.height())
        bar = [kiosk.back, kiosk.home_button, kiosk.help]
        assert min(gaps(bar, kiosk)) >= eight_mm


@SIZES
def test_the_ticket_says_success_and_take_the_slip_at_the_top_and_counts_down(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    kiosk = sized(qtbot, hall, slips, size)
    with qtbot.waitSignal(kiosk.slip_printed, timeout=WAIT):
        take(qtbot, kiosk, "SS", "gt-zc")
    ticket = kiosk.ticket
    assert ticket.success.text() == "取号成功"
    assert ticket.printer.text() == "请从下方取走取号单"
    body = sizes(min(size.width(), size.height()))["body"]
    assert ticket.success.font().pixelSize() > body and ticket.printer.font().pixelSize() > body

    def top(w: QWidget) -> int:
        return w.mapTo(kiosk, QPoint(0, 0)).y()

    # Both above the number, in the top part of the screen.
    assert top(ticket.printer) < top(ticket.number)
    assert top(ticket.printer) + ticket.printer.height() < 0.25 * size.height()
    # The countdown home shows from the start (the idle time, less the seconds the
    # clock has ticked since) and counts down.
    idle = hall.settings.kiosk.idle_seconds
    shown = ticket.countdown.text()
    assert ticket.countdown.isVisible() and shown.endswith(" 秒后返回首页")
    left = int(shown.split()[0])
    assert idle - 5 < left <= idle
    kiosk._tick()
    assert ticket.countdown.text() in (f"{left - 1} 秒后返回首页", f"{left - 2} 秒后返回首页")
    # The rating code: small, labelled, with the QR code, away from the number.
    assert ticket.short_code.text().startswith("评价短码")
    assert ticket.short_code.font().pixelSize() <= body < ticket.number.font().pixelSize() / 4
    number = QRect(ticket.number.mapTo(kiosk, QPoint(0, 0)), ticket.number.size())
    code = QRect(ticket.short_code.mapTo(kiosk, QPoint(0, 0)), ticket.short_code.size())
    assert not number.intersects(code.adjusted(-100, -100, 100, 100))


def test_the_elderly_ticket_page_is_left_in_standard_mode_for_the_next_citizen(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    tap(qtbot, kiosk.home.elderly)
    assert kiosk.elderly
    take(qtbot, kiosk, "SS", "gt-zc")
    tap(qtbot, kiosk.ticket.finish)
    assert not kiosk.elderly and kiosk.home.rate.isVisible()


# -- a keypad and a screen reader ------------------------------------------------------------


def test_every_button_is_reached_by_a_keypad_in_reading_order(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    buttons = kiosk.findChildren(QPushButton)
    assert buttons and all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    # A tap gives no focus: a touchscreen shows no focus frame.
    tap(qtbot, kiosk.home.zone_buttons["SS"])
    assert not isinstance(QApplication.focusWidget(), QPushButton)
    tap(qtbot, kiosk.home_button)
    kiosk.activateWindow()
    seen: list[str] = []
    for _ in range(10):
        qtbot.keyClick(QApplication.focusWidget() or kiosk, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused.accessibleName())
    assert seen[:9] == [
        "商事经营",
        "社会民生",
        "投资项目",
        "预约签到",
        "绿色通道 老人、残疾人、孕妇",
        "评价服务",
        "老年人模式（大字、语音）",
        "English",
        "需要帮助",
    ]
    assert seen[9] == "商事经营"  # round again
    # Enter on a zone opens it; the keypad goes on with the first service.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.zone_screen, timeout=WAIT)
    first = next(iter(kiosk.zone_screen.buttons.values()))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=WAIT)


def test_a_ticket_taken_is_announced_to_a_screen_reader_in_every_mode(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    with qtbot.waitSignal(kiosk.announced, timeout=WAIT) as said:
        t = take(qtbot, kiosk, "SS", "gt-zc")
    words: str = said.args[0]
    assert t.number in words and "个体工商户注册登记" in words
    assert all(str(w) in words for w in t.windows) and "前面还有" in words
    assert kiosk.ticket.accessibleName() == "取号成功"
    assert t.number in kiosk.ticket.accessibleDescription()
    assert kiosk.ticket.qr.accessibleName() == "二维码：扫码查看排队进度、评价服务"


def test_a_refusal_is_announced_too(qtbot: QtBot, kiosk: KioskWindow, hall: Hall) -> None:
    for _ in range(40):
        hall.issue_ticket("bdc-dj")
    tap(qtbot, kiosk.home.zone_buttons["MS"])
    with qtbot.waitSignal(kiosk.announced, timeout=WAIT) as said:
        tap(qtbot, kiosk.zone_screen.buttons["bdc-dj"])
    assert "不动产登记" in said.args[0] and "今日号已取完" in said.args[0]


def test_the_code_fields_are_named_in_the_language_shown(qtbot: QtBot, kiosk: KioskWindow) -> None:
    assert kiosk.keypad.field.accessibleName() == "预约码"
    assert kiosk.rate_keypad.field.accessibleName() == "评价短码"
    tap(qtbot, kiosk.home.language)
    assert kiosk.keypad.field.accessibleName() == "Appointment code"
    assert kiosk.home.appointment.accessibleName() == "Check in"


# -- English names -----------------------------------------------------------------------------


def test_every_demo_name_has_its_english_and_a_missing_one_falls_back_to_chinese() -> None:
    config = load_hall_config(DEMO_HALL_PATH)
    assert config.hall.name_en and all(z.name_en for z in config.zones)
    assert all(sv.name_en for sv in config.services)
    names = config.kiosk
    assert names.service_name("bdc-dj", "不动产登记", "en") == "Real estate registration"
    assert names.service_name("bdc-dj", "不动产登记", "zh") == "不动产登记"
    assert names.service_name("nope", "某事项", "en") == "某事项"
    assert names.zone_name("MS", "社会民生", "en") == "Social services"


def test_the_english_names_reach_the_kiosk_through_the_database(hall: Hall) -> None:
    entry = hall.settings.catalog.service("yl-dy")
    assert entry.name_in("en") == "Residents' pension claim"
    assert entry.zone_name_in("en") == "Social services"
    assert entry.name_in("zh") == "城乡居民养老保险待遇申领"
    assert hall.settings.kiosk.hall_name(hall.settings.name, "en").startswith("Qingchuan")


@pytest.fixture
def slips(tmp_path: Path) -> Path:
    return tmp_path / "slips"


@pytest.fixture
def kiosk(qtbot: QtBot, hall: Hall, slips: Path) -> KioskWindow:
    return make_kiosk(qtbot, hall, PdfFolderPrinter(slips))
