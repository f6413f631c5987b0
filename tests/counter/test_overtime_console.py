"""The console after closing time (延时服务), on SQLite and PostgreSQL: it says the hall has
closed and the service in hand is extended service; Ctrl+E says why, or declines a
citizen's request with a reason for a supervisor. Shown in English, the source language of
the console's texts; the core's sentences in English too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.i18n import set_language

from ..conftest import local
from .test_counter import WAIT, key, sign_in

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english(qapp: object) -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """The console signs its clerk in itself."""
    return unstaffed_db_url


@pytest.fixture
def console(qtbot: QtBot, hall: Hall) -> CounterWindow:
    w = CounterWindow(hall, 3, lang="en")
    qtbot.addWidget(w)
    w.show()
    return w


def _in_service_at_closing(qtbot: QtBot, w: CounterWindow, hall: Hall, clock: FixedClock) -> str:
    """Signed in in the morning; a ticket called at 17:20 and in service."""
    sign_in(qtbot, w)
    clock.set(local(24, 16, 55))
    t = hall.issue_ticket("gt-zc")
    clock.set(local(24, 17, 20))
    key(qtbot, w, Qt.Key.Key_F1)
    key(qtbot, w, Qt.Key.Key_F9)
    return t.number


def _ctrl_e(qtbot: QtBot, w: CounterWindow) -> None:
    qtbot.keyClick(w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def test_after_closing_the_console_says_the_service_in_hand_is_extended(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    number = _in_service_at_closing(qtbot, console, hall, clock)
    assert not console.closed_note.isVisible()
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        _ctrl_e(qtbot, console)  # before closing: when extended hours start
    assert said.args[0] == "Extended hours start at 17:30, when the hall closes."
    assert console.side.currentWidget() is console.line_page

    clock.set(local(24, 17, 31))
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        console.refresh()  # any event in the hall, or the console's minute ticker
    assert console.closed_note.isVisible()
    assert "closed at 17:30" in console.closed_note.text()
    assert f"Ticket {number} counts as extended service" in console.closed_note.text()


def test_ctrl_e_marks_the_citizens_request_and_the_finish_records_it(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    number = _in_service_at_closing(qtbot, console, hall, clock)
    clock.set(local(24, 17, 40))
    _ctrl_e(qtbot, console)
    assert console.side.currentWidget() is console.overtime_panel
    assert number in console.overtime_panel.about.text()
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(console.focusWidget(), Qt.Key.Key_1)  # the citizen asked
    assert console.side.currentWidget() is console.line_page
    assert console.status.text() == "Recorded: why this service runs past closing."
    clock.set(local(24, 17, 48))
    desk = key(qtbot, console, Qt.Key.Key_F10)
    assert desk.ticket is None
    (rec,) = hall.extended_services()
    assert rec.number == number and rec.trigger == "citizen_request"
    assert rec.clerk_code == "1003" and rec.window_no == 3 and rec.minutes == 18


def test_other_without_a_note_is_refused_on_screen_and_the_panel_stays(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    _in_service_at_closing(qtbot, console, hall, clock)
    clock.set(local(24, 17, 40))
    _ctrl_e(qtbot, console)
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.keyClick(console.focusWidget(), Qt.Key.Key_3)
    assert "write why" in said.args[0]
    assert console.side.currentWidget() is console.overtime_panel
    assert console.focusWidget() is console.overtime_panel.note
    console.overtime_panel.note.setText("系统故障，恢复后办结")  # typed with an input method
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(console.overtime_panel.note, Qt.Key.Key_Return)
    clock.set(local(24, 17, 50))
    key(qtbot, console, Qt.Key.Key_F10)
    (rec,) = hall.extended_services()
    assert rec.trigger == "other" and rec.note == "系统故障，恢复后办结"


def test_a_decline_needs_a_reason_and_goes_to_a_supervisor(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    number = _in_service_at_closing(qtbot, console, hall, clock)
    clock.set(local(24, 17, 40))
    _ctrl_e(qtbot, console)
    panel = console.overtime_panel
    qtbot.keyClick(console.focusWidget(), Qt.Key.Key_4)
    assert panel.pages.currentWidget() is panel.decline_page
    assert console.focusWidget() is panel.reason and panel.number.text() == number
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.mouseClick(panel.decline_button, Qt.MouseButton.LeftButton)
    assert "needs a reason" in said.args[0] and "supervisor" in said.args[0]
    assert console.side.currentWidget() is panel
    assert hall.declines() == []

    panel.reason.setText("营业场所需现场核验，今日无法办结")
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    assert "sent to a supervisor" in console.status.text()
    assert console.side.currentWidget() is console.line_page
    (pending,) = hall.declines()
    assert pending.number == number and pending.reason == "营业场所需现场核验，今日无法办结"
    assert pending.state == "pending" and pending.clerk_code == "1003"


def test_the_key_is_under_the_f_keys_with_its_name(console: CounterWindow) -> None:
    assert console.overtime_key.text() == "Ctrl+E Extended hours"
    assert console.overtime_key.accessibleName() == "Ctrl+E Extended hours"
    keys = console.rule_keys
    assert any(keys.itemAt(i).widget() is console.overtime_key for i in range(keys.count()))


def test_without_a_ticket_in_hand_ctrl_e_opens_on_declining(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    sign_in(qtbot, console)
    clock.set(local(24, 17, 45))
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        console.refresh()
    assert console.closed_note.text() == "The hall closed at 17:30: extended hours."
    _ctrl_e(qtbot, console)
    panel = console.overtime_panel
    assert console.side.currentWidget() is panel
    qtbot.keyClick(console, Qt.Key.Key_Escape)  # Esc closes it, Ctrl+E opens it again
    assert console.side.currentWidget() is console.line_page
    _ctrl_e(qtbot, console)
    assert panel.pages.currentWidget() is panel.decline_page and panel.number.text() == ""
    panel.reason.setText("群众17:45到厅，所需事项当日已停止受理")
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    (pending,) = hall.declines()
    assert pending.number is None and pending.window_no == 3
    assert console.side.currentWidget() is console.line_page
