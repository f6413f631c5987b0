"""The AB post at the console (Ctrl+B), on SQLite and PostgreSQL: A hands window 3 over to
B at the desk with the citizen in hand, B gives it back with a report, and B steps in from
the sign-in page when A left without handing over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.i18n import set_language

from ..conftest import DEMO_PASSWORD, local
from .test_counter import WAIT, key, sign_in

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    return unstaffed_db_url


@pytest.fixture
def console(qtbot: QtBot, hall: Hall) -> CounterWindow:
    w = CounterWindow(hall, 3)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_hands_over_to_b_at_the_desk_and_b_gives_it_back(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    clock.set(local(24, 10, 0))
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    desk = key(qtbot, console, Qt.Key.Key_F9)
    assert desk.ticket is not None and desk.ticket.number == "B001"

    qtbot.keyClick(console, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = console.post_panel
    assert console.side.currentWidget() is panel
    assert panel.pages.currentWidget() is panel.over_page
    assert "马俊" in panel.b_label.text()  # who B is, named
    panel.reason.setCurrentIndex(panel.reason.findData("meeting"))
    qtbot.keyClicks(panel.b_password, DEMO_PASSWORD)
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(panel.b_password, Qt.Key.Key_Return)
    desk = shown.args[0]
    assert console.clerk is not None and console.clerk.clerk == "1013"
    assert desk.ticket is not None and desk.ticket.number == "B001"  # the citizen stays
    assert desk.post is not None and desk.post.away and desk.post.reason == "meeting"
    assert console.post_state.isVisible() and "张敏" in console.post_state.text()
    assert "B001" in console.status.text()

    clock.set(local(24, 10, 30))
    key(qtbot, console, Qt.Key.Key_F10)  # B finishes what A started
    clock.set(local(24, 11, 0))
    qtbot.keyClick(console, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert panel.pages.currentWidget() is panel.back_page
    panel.report.setText("办结一件")
    qtbot.keyClicks(panel.a_password, DEMO_PASSWORD)
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(panel.a_password, Qt.Key.Key_Return)
    desk = shown.args[0]
    assert console.clerk is not None and console.clerk.clerk == "1003"
    assert desk.post is not None and not desk.post.away
    assert not console.post_state.isVisible()
    assert "B001" in console.status.text()  # what B finished meanwhile
    assert hall.absences() == []


def test_a_wrong_b_password_keeps_a_at_the_window(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 10, 0))
    sign_in(qtbot, console)
    qtbot.keyClick(console, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(console.post_panel.b_password, "wrong")
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.keyClick(console.post_panel.b_password, Qt.Key.Key_Return)
    assert "密码" in said.args[0]
    assert console.clerk is not None and console.clerk.clerk == "1003"
    assert hall.absences() == []


def test_a_leaves_before_b_comes_and_the_console_waits_for_b(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 10, 0))
    sign_in(qtbot, console)
    qtbot.keyClick(console, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    console.post_panel.reason.setCurrentIndex(console.post_panel.reason.findData("lunch"))
    with qtbot.waitSignal(console.said, timeout=WAIT):
        console.post_panel.over_button.click()  # no B password: A leaves, B comes later
    assert console.stack.currentWidget() is console.sign_in_page
    assert console.code.text() == "1013"  # B's code filled in
    assert "马俊" in console.sign_in_message.text()
    sign_in(qtbot, console, "1013")
    (away,) = hall.absences()
    assert away.covered_by == "1013" and away.reason == "lunch"


def test_b_steps_in_from_the_sign_in_page(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 10, 0))
    hall.sign_in("1003", DEMO_PASSWORD, 3)  # at another PC of the window, then gone
    console.code.setText("1013")
    console.step_in_box.setChecked(True)
    assert console.step_in_form.isVisible()
    form = console.step_in_form
    form.reason.setCurrentIndex(form.reason.findData("other"))
    form.note.setText("突发不适，未及交接")
    qtbot.keyClicks(console.password, DEMO_PASSWORD)
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(console.password, Qt.Key.Key_Return)
    assert console.clerk is not None and console.clerk.clerk == "1013"
    (away,) = hall.absences()
    assert not away.asked and away.note == "突发不适，未及交接" and away.covered_by == "1013"
