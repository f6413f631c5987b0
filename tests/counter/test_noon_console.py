"""The console at noon (中午值班), offscreen, on both databases: the last window serving a
zone presses F5 (or signs out), the side panel asks why; confirming stops the window with
the reason recorded, Esc leaves it serving."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.i18n import set_language
from shared.store.model import Event, EventKind

from ..conftest import local
from .test_counter import sign_in

pytestmark = pytest.mark.gui
WAIT = 15_000


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """Nobody else is signed in: window 7 is the only one serving 投资项目."""
    return unstaffed_db_url


@pytest.fixture
def console(qtbot: QtBot, hall: Hall, clock: FixedClock) -> CounterWindow:
    clock.set(local(24, 12, 5))
    w = CounterWindow(hall, 7)
    qtbot.addWidget(w)
    w.show()
    sign_in(qtbot, w, "1007")
    clock.set(local(24, 12, 10))
    return w


def noon_events(hall: Hall) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == EventKind.NOON_UNCOVERED)))


def window_7_paused(hall: Hall) -> bool:
    return next(w for w in hall.windows() if w.number == 7).paused


def asked_why(qtbot: QtBot, console: CounterWindow) -> None:
    qtbot.waitUntil(lambda: console.side.currentWidget() is console.noon_panel, timeout=WAIT)
    assert "7 号窗口是投资项目午间最后一个照常办理的综合窗口" in console.noon_panel.sentence.text()
    assert "13:30" in console.noon_panel.sentence.text()
    assert not console.noon_panel.confirm_button.isEnabled()  # not without a reason


def test_f5_at_noon_asks_why_and_confirming_pauses_with_the_reason(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    qtbot.keyClick(console, Qt.Key.Key_F5)
    asked_why(qtbot, console)
    assert not window_7_paused(hall) and noon_events(hall) == []
    console.noon_panel.reason.setText("到二楼核验项目原件")
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(console.noon_panel.confirm_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].window.paused and window_7_paused(hall)
    assert console.side.currentWidget() is console.line_page
    [ev] = noon_events(hall)
    assert ev.reason == "到二楼核验项目原件"
    assert ev.data is not None and ev.data["zones"] == ["TZ"] and ev.data["action"] == "pause"


def test_esc_cancels_and_the_window_keeps_serving(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    qtbot.keyClick(console, Qt.Key.Key_F5)
    asked_why(qtbot, console)
    console.noon_panel.reason.setText("午饭")
    qtbot.keyClick(console.noon_panel.reason, Qt.Key.Key_Escape)
    assert console.side.currentWidget() is console.line_page
    assert not window_7_paused(hall) and noon_events(hall) == []


def test_signing_out_at_noon_asks_why_too(qtbot: QtBot, console: CounterWindow, hall: Hall) -> None:
    qtbot.mouseClick(console.sign_out_button, Qt.MouseButton.LeftButton)
    asked_why(qtbot, console)
    assert console.clerk is not None
    console.noon_panel.reason.setText("身体不适，已报告主任")
    qtbot.keyClick(console.noon_panel.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: console.stack.currentWidget() is console.sign_in_page, timeout=WAIT)
    assert next(w for w in hall.windows() if w.number == 7).clerk_code is None
    [ev] = noon_events(hall)
    assert ev.reason == "身体不适，已报告主任" and ev.data is not None
    assert ev.data["action"] == "sign_out"
