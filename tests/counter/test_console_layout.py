"""The console as a clerk sees it (pytest-qt, offscreen): which F-keys apply in each state
and which one is next, a size that holds on a 1366×768 desk screen whatever the ticket in
hand (windows 6 and 8 of the demo hall, whose services have the longest lists of
materials), information and refusals told apart, the line with only who waits and the
total, the compact bar with the state and the keys' names, and the hand-over panel's
fields whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from counter.window import DESK_SIZE, SMALLEST, CounterWindow
from shared.config.catalog import ServiceEntry
from shared.hall import Hall
from shared.qt.i18n import set_language
from shared.qt.theme import PUBLIC

from .test_counter import WAIT, key, sign_in

pytestmark = pytest.mark.gui

SCREEN = QSize(1366, 768)  # the desk PC's screen
CLERKS = {3: "1003", 6: "1006", 8: "1008"}
F_KEYS = ("call", "recall", "evaluate", "no_show", "pause")
F_KEYS += ("transfer", "hold", "call_back", "start", "finish")


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """The console signs its clerk in itself."""
    return unstaffed_db_url


def console_at(
    qtbot: QtBot, hall: Hall, window: int, size: QSize = DESK_SIZE, lang: str = "zh"
) -> CounterWindow:
    w = CounterWindow(hall, window, lang=lang)
    qtbot.addWidget(w)
    w.resize(size)
    w.show()
    qtbot.waitExposed(w)
    sign_in(qtbot, w, CLERKS[window])
    return w


def inside(w: CounterWindow, part: QWidget) -> QRect:
    """Where ``part`` is in the console."""
    return QRect(part.mapTo(w, part.rect().topLeft()), part.size())


def background(b: QPushButton) -> str:
    """The colour of a key's face, above its words and inside its border."""
    return b.grab().toImage().pixelColor(b.width() // 2, 6).name().upper()


def ink(line: QWidget) -> str:
    return line.palette().color(QPalette.ColorRole.WindowText).name().upper()


def states(w: CounterWindow) -> tuple[set[str], list[str]]:
    """The keys a clerk can press, and the one marked as next, on the desk and in the bar
    (the same on both)."""
    on = {n for n, b in w.keys.items() if b.isEnabled()}
    marked = [n for n, b in w.keys.items() if b.property("next")]
    assert {n for n, b in w.compact_keys.items() if b.isEnabled()} == on
    assert [n for n, b in w.compact_keys.items() if b.property("next")] == marked
    for n, b in w.keys.items():  # what the eye sees: brand for next, grey for off
        face = background(b)
        if n in marked:
            assert face == PUBLIC["brand"], n
        elif n in on:
            assert face == PUBLIC["card"], n
        else:
            assert face == PUBLIC["band"], n
    return on, marked


def test_the_keys_grey_what_does_not_apply_and_mark_the_next_one(qtbot: QtBot, hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    w = console_at(qtbot, hall, 3)
    # Nothing in hand: call the next (or pause); nothing to recall, start or finish.
    assert states(w) == ({"call", "pause"}, ["call"])
    # Called: start when the citizen comes; recall, no-show, evaluate, transfer, hold.
    key(qtbot, w, Qt.Key.Key_F1)
    assert states(w) == (
        {"recall", "evaluate", "no_show", "transfer", "hold", "start"},
        ["start"],
    )
    # Being served: evaluate (finish and ask the rating) is next; F9 no longer applies.
    key(qtbot, w, Qt.Key.Key_F9)
    assert states(w) == ({"evaluate", "transfer", "hold", "finish"}, ["evaluate"])
    assert not w.keys["start"].isEnabled() and not w.keys["call"].isEnabled()
    # On hold: the window is free again, and F8 can call the held ticket back.
    qtbot.keyClick(w, Qt.Key.Key_F7)
    with qtbot.waitSignal(w.desk_shown, timeout=WAIT):
        qtbot.keyClick(w.focusWidget(), Qt.Key.Key_1)
    assert states(w) == ({"call", "pause", "call_back"}, ["call"])
    # Paused: F5 says it resumes, and is the next key.
    key(qtbot, w, Qt.Key.Key_F5)
    assert states(w) == ({"call", "pause", "call_back"}, ["pause"])
    assert w.keys["pause"].text() == "F5 恢复"
    key(qtbot, w, Qt.Key.Key_F5)
    assert w.keys["pause"].text() == "F5 暂停"
    # A greyed key pressed all the same: nothing happens but the core's sentence.
    with qtbot.waitSignal(w.said, timeout=WAIT) as said:
        qtbot.keyClick(w, Qt.Key.Key_F10)
    assert said.args[0] and w.desk is not None and w.desk.ticket is None


def hardest_services(hall: Hall, window: int) -> list[ServiceEntry]:
    """The window's services with the most materials and with the longest one."""
    catalog = hall.settings.catalog
    served = [s for s in catalog.services if s.id in catalog.window(window).service_ids]
    most = max(served, key=lambda s: len(s.materials))
    longest = max(served, key=lambda s: max(len(m) for m in s.materials))
    return [most] if longest is most else [most, longest]


def assert_all_on_screen(w: CounterWindow, size: QSize) -> None:
    assert w.size() == size and size.width() <= SCREEN.width()
    assert size.height() <= SCREEN.height()
    frame = w.rect()
    for b in (*w.keys.values(), w.post_key, w.overtime_key, w.notice_key):
        assert frame.contains(inside(w, b)), b.text()
        assert b.isVisible() and b.width() >= b.sizeHint().width(), b.text()
        assert b.height() >= b.minimumSizeHint().height(), b.text()
    assert frame.contains(inside(w, w.status))


def assert_materials_whole(qtbot: QtBot, w: CounterWindow, service: ServiceEntry) -> None:
    """Every material of ``service`` listed, wrapped, never cut: in view at once on the
    desk screen, scrolled into view on a smaller one."""
    ticks = w.checklist.ticks()
    assert [t.text() for t in ticks] == list(service.materials)
    view = w.checklist.viewport()
    for t in ticks:
        w.checklist.ensureWidgetVisible(t, 0, 0)
        qtbot.waitUntil(
            lambda t=t: view.rect().contains(QRect(t.mapTo(view, t.rect().topLeft()), t.size()))
        )
        words = t.words
        assert words.height() >= words.heightForWidth(words.width())  # wrapped, not cut
        assert words.width() >= words.fontMetrics().horizontalAdvance(words.text()[:8])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [DESK_SIZE, SMALLEST], ids=["desk", "smallest"])
@pytest.mark.parametrize("window", [6, 8])
def test_the_console_keeps_its_size_with_the_longest_materials(
    qtbot: QtBot, hall: Hall, window: int, size: QSize, lang: str
) -> None:
    """The console opens at its size and keeps it, whatever the materials of the ticket
    in hand: every F-key inside the window, whole; every material to read and tick."""
    set_language(lang)
    services = hardest_services(hall, window)
    for s in services:
        hall.issue_ticket(s.code)
    w = console_at(qtbot, hall, window, size, lang)
    assert_all_on_screen(w, size)
    for s in services:
        desk = key(qtbot, w, Qt.Key.Key_F1)
        assert desk.ticket is not None and desk.ticket.service_code == s.code
        qtbot.waitUntil(lambda s=s: len(w.checklist.ticks()) == len(s.materials))
        assert_all_on_screen(w, size)
        assert_materials_whole(qtbot, w, s)
        if size == DESK_SIZE:  # on the desk screen the whole list shows without scrolling
            assert w.checklist.verticalScrollBar().maximum() == 0
        key(qtbot, w, Qt.Key.Key_F3)
        assert_all_on_screen(w, size)  # nor does it shrink back


def test_after_sign_in_the_desk_says_free_and_shows_no_empty_materials_heading(
    qtbot: QtBot, hall: Hall
) -> None:
    w = console_at(qtbot, hall, 3)
    assert not w.materials_title.isVisible() and not w.checklist.isVisible()
    assert w.service.text() == "当前空闲" and w.state.text() == "按 F1 呼叫下一位"
    assert not w.number.isVisible()
    hall.issue_ticket("gt-zc")
    key(qtbot, w, Qt.Key.Key_F1)
    assert w.materials_title.isVisible() and w.materials_title.text() == "申请材料"
    key(qtbot, w, Qt.Key.Key_F3)
    assert not w.materials_title.isVisible()


def test_information_is_said_plainly_and_refusals_in_the_alert_colour(
    qtbot: QtBot, hall: Hall
) -> None:
    w = console_at(qtbot, hall, 3)
    key(qtbot, w, Qt.Key.Key_F1)  # nobody waits: not an error
    assert w.status.text() == "没有人在等候本窗口。"
    assert ink(w.status) == PUBLIC["ink"] and not w.status.font().bold()
    with qtbot.waitSignal(w.said, timeout=WAIT):
        qtbot.keyClick(w, Qt.Key.Key_F10)  # nothing to finish: the core refuses
    assert "没有正在呼叫或办理的号码" in w.status.text()
    assert ink(w.status) == PUBLIC["alert"] and w.status.font().bold()
    assert ink(w.compact_status) == PUBLIC["alert"]
    qtbot.keyClick(w, Qt.Key.Key_F8)  # nothing held: information again
    assert w.status.text() == "今天没有可回呼的挂起号。" and ink(w.status) == PUBLIC["ink"]


def test_the_line_lists_who_waits_with_the_total_and_the_bar_says_the_state(
    qtbot: QtBot, hall: Hall
) -> None:
    for service in ("qy-sl", "qy-sl", "sp-jy"):
        hall.issue_ticket(service)
    w = console_at(qtbot, hall, 8)  # a comprehensive window: every service of the hall
    names = {s.code: s.name for s in hall.settings.catalog.services}
    assert w.waiting_title.text() == "本窗口等候：共 3 人"
    assert w.waiting.text().splitlines() == [f"{names['qy-sl']}  2", f"{names['sp-jy']}  1"]
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.compact
    assert w.compact_state.text() == "空闲" and w.compact_waiting.text() == "3 人等候"
    assert w.compact_keys["call"].text() == "F1\n顺呼"
    assert w.compact_keys["finish"].text() == "F10\n办结"
    assert w.compact_keys["call"].accessibleName() == "F1 顺呼"
    key(qtbot, w, Qt.Key.Key_F1)
    assert w.compact_state.text() == "已呼叫" and w.compact_waiting.text() == "2 人等候"
    key(qtbot, w, Qt.Key.Key_F9)
    assert w.compact_state.text() == "办理中"
    bar = w.rect()
    for b in w.compact_keys.values():  # every key and its name inside the bar, whole
        assert bar.contains(inside(w, b)) and b.height() >= b.sizeHint().height()
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.waiting_title.text() == "本窗口等候：共 2 人"


@pytest.mark.parametrize("size", [DESK_SIZE, SMALLEST], ids=["desk", "smallest"])
def test_the_hand_over_panel_shows_the_b_password_field_whole(
    qtbot: QtBot, hall: Hall, size: QSize
) -> None:
    w = console_at(qtbot, hall, 3, size)
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = w.post_panel
    assert w.side.currentWidget() is panel
    field, hint = panel.b_password, panel.b_hint
    field.setFocus()
    view = w.side_scroll.viewport()
    qtbot.waitUntil(
        lambda: view.rect().contains(QRect(field.mapTo(view, field.rect().topLeft()), field.size()))
    )
    assert field.height() >= field.sizeHint().height()
    assert not inside(w, field).intersects(inside(w, hint))
    for a, b in zip(
        (panel.reason, panel.back, panel.note, field),
        (panel.back, panel.note, field, hint),
        strict=True,
    ):  # one under the other, none over the next
        assert inside(w, a).bottom() < inside(w, b).top()
    assert w.size() == size
    assert_all_on_screen(w, size)
    qtbot.keyClick(w, Qt.Key.Key_Escape)


def test_the_step_in_box_does_not_accuse_a(qtbot: QtBot, hall: Hall) -> None:
    w = CounterWindow(hall, 3)
    qtbot.addWidget(w)
    assert w.step_in_box.text() == "B岗顶岗（A岗未办理交接）"
