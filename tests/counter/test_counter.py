"""The counter console driven from the keyboard (pytest-qt, offscreen), on SQLite and
PostgreSQL: sign in, F1 call next (spoken), F2 recall, F9 start, F10 finish, F3 evaluate,
F4 no-show, F5 pause; refusals as a line; the line of waiting people live."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.devices.announcer import Announcer, MemoryOutput
from shared.devices.voice import Voice
from shared.hall import Desk, Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.store.model import Event, EventKind, Ticket, Window

from ..conftest import local
from ..test_announcer import ToneEngine

pytestmark = pytest.mark.gui
WAIT = 15_000


@pytest.fixture(autouse=True)
def _chinese(qapp: object) -> Iterator[None]:
    set_language("zh")
    yield


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """The console signs its clerk in itself."""
    return unstaffed_db_url


@pytest.fixture
def spoken(tmp_path: Path) -> Iterator[tuple[Announcer, list[str]]]:
    voice = Voice(engine=ToneEngine(), cache_dir=tmp_path / "voice")
    said: list[str] = []
    announcer = Announcer(
        voice, MemoryOutput(), on_result=lambda r: said.append(r.announcement.words.text)
    )
    yield announcer, said
    announcer.close()
    voice.close()


@pytest.fixture
def console(qtbot: QtBot, hall: Hall, spoken: tuple[Announcer, list[str]]) -> CounterWindow:
    w = CounterWindow(hall, 3, announcer=spoken[0])
    qtbot.addWidget(w)
    w.show()
    return w


def sign_in(qtbot: QtBot, w: CounterWindow, code: str = "1003", password: str = "demo1234") -> None:
    if w.code.text() != code:  # the console fills in the last clerk's code
        w.code.clear()
        qtbot.keyClicks(w.code, code)
    qtbot.keyClicks(w.password, password)
    with qtbot.waitSignal(w.desk_shown, timeout=WAIT):
        qtbot.keyClick(w.password, Qt.Key.Key_Return)


def key(qtbot: QtBot, w: CounterWindow, k: Qt.Key) -> Desk:
    with qtbot.waitSignal(w.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(w, k)
    desk: Desk = shown.args[0]
    return desk


def test_a_clerk_signs_in_and_works_a_ticket_from_the_keyboard(
    qtbot: QtBot, console: CounterWindow, hall: Hall, spoken: tuple[Announcer, list[str]]
) -> None:
    first = hall.issue_ticket("gt-zc")
    second = hall.issue_ticket("sp-jy")
    sign_in(qtbot, console)
    assert console.stack.currentWidget() is console.desk_page
    assert "3 号窗口" in console.who.text() and "A岗" in console.who.text()
    assert console.upcoming.text() == f"下一位：{first.number}  {second.number}"
    desk = key(qtbot, console, Qt.Key.Key_F1)
    assert desk.ticket is not None and desk.ticket.number == first.number
    assert console.number.text() == first.number
    assert console.state.text() == "已呼叫"
    qtbot.waitUntil(lambda: f"请{first.number}号到3号窗口办理" in spoken[1], timeout=WAIT)
    desk = key(qtbot, console, Qt.Key.Key_F2)
    assert (
        desk.ticket is not None and desk.ticket.recalls == 1 and "重呼 1 次" in console.marks.text()
    )
    desk = key(qtbot, console, Qt.Key.Key_F9)
    assert console.state.text() == "办理中"
    desk = key(qtbot, console, Qt.Key.Key_F10)
    assert desk.ticket is None and desk.served_today == 1
    assert console.served.text() == "今日已办：1"
    desk = key(qtbot, console, Qt.Key.Key_F1)
    assert desk.ticket is not None and desk.ticket.number == second.number
    desk = key(qtbot, console, Qt.Key.Key_F3)  # evaluate: finishes a called ticket too
    assert desk.ticket is None and desk.served_today == 2
    key(qtbot, console, Qt.Key.Key_F1)
    assert console.status.text() == "没有人在等候本窗口。"


def test_a_no_show_and_a_refusal_are_lines_in_the_console(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.keyClick(console, Qt.Key.Key_F10)  # finish before start: the core refuses
    assert "不在办理中" in said.args[0] and console.status.text() == said.args[0]
    desk = key(qtbot, console, Qt.Key.Key_F4)
    assert desk.ticket is None


def test_f5_pauses_and_any_operation_key_resumes(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    sign_in(qtbot, console)
    desk = key(qtbot, console, Qt.Key.Key_F5)
    assert desk.window.paused and "暂停" in console.who.text()
    assert hall.staffed_windows() == []
    desk = key(qtbot, console, Qt.Key.Key_F1)  # nobody waits, but the window is open again
    assert not desk.window.paused and hall.staffed_windows() == [3]


def test_a_wrong_password_says_how_many_tries_are_left(
    qtbot: QtBot, console: CounterWindow
) -> None:
    qtbot.keyClicks(console.code, "1003")
    qtbot.keyClicks(console.password, "wrong")
    qtbot.keyClick(console.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "还可以再试 4 次" in console.sign_in_message.text(), timeout=WAIT)
    assert console.stack.currentWidget() is console.sign_in_page
    assert console.password.text() == ""


def test_signing_in_again_finds_the_ticket_in_hand(
    qtbot: QtBot, hall: Hall, spoken: tuple[Announcer, list[str]]
) -> None:
    """The console was killed with a ticket in hand: a new one picks it up."""
    t = hall.issue_ticket("gt-zc")
    hall.sign_in("1003", "demo1234", 3)
    hall.call_next(3, "1003")
    w = CounterWindow(hall, 3)
    qtbot.addWidget(w)
    w.show()
    sign_in(qtbot, w)
    assert w.number.text() == t.number
    assert w.status.text() == f"{t.number} 号仍在办理中。"


@pytest.fixture
def live_console(qtbot: QtBot, hall: Hall, db_url: str) -> Iterator[CounterWindow]:
    """The console at window 3 following the change feed, as in the hall."""
    bridge = FeedBridge(db_url)
    w = CounterWindow(hall, 3, bridge=bridge)
    qtbot.addWidget(w)
    w.show()
    bridge.start()
    yield w
    bridge.stop()


def test_the_line_follows_the_kiosks_live(
    qtbot: QtBot, hall: Hall, live_console: CounterWindow
) -> None:
    w = live_console
    sign_in(qtbot, w)
    assert w.upcoming.text() == ""
    hall.issue_ticket("gt-zc")  # a kiosk elsewhere
    qtbot.waitUntil(lambda: w.upcoming.text().startswith("下一位：B001"), timeout=WAIT)


def test_signed_in_at_another_window_the_console_asks_to_sign_in_again(
    qtbot: QtBot, hall: Hall, live_console: CounterWindow
) -> None:
    """The clerk moved to window 4 from another PC: this console's keys no longer act for
    them; it says so and waits on the sign-in page, the code filled in, even in the bar."""
    w = live_console
    sign_in(qtbot, w)
    w.toggle_compact()
    with qtbot.waitSignal(w.said, timeout=WAIT) as said:
        hall.sign_in("1003", "demo1234", 4)  # the other PC
    assert "请重新登录" in said.args[0]
    assert w.stack.currentWidget() is w.sign_in_page and not w.compact
    assert w.code.text() == "1003" and w.sign_in_message.text() == said.args[0]
    qtbot.keyClick(w, Qt.Key.Key_F1)  # nothing happens: nobody is signed in here
    assert hall.desk(3).window.clerk_code is None


def test_a_refused_operation_for_lack_of_a_sign_in_returns_to_the_sign_in_page(
    qtbot: QtBot, console: CounterWindow, hall: Hall, clock: FixedClock
) -> None:
    """The console left open overnight: the first key of the new day asks for a sign-in."""
    sign_in(qtbot, console)
    clock.set(local(25, 8, 55))
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.keyClick(console, Qt.Key.Key_F1)
    assert "今天没有在 3 号窗口登录" in said.args[0]
    assert console.stack.currentWidget() is console.sign_in_page
    sign_in(qtbot, console)
    assert console.stack.currentWidget() is console.desk_page


def test_every_key_has_an_accessible_name(console: CounterWindow) -> None:
    assert all(b.accessibleName().startswith("F") for b in console.keys.values())


def test_f6_transfers_the_ticket_to_another_matter(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    t = hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    qtbot.keyClick(console, Qt.Key.Key_F6)
    assert console.side.currentWidget() is console.transfer_page
    to = console.transfer_to.findData("s:sp-jy")
    assert to >= 0
    console.transfer_to.setCurrentIndex(to)
    console.transfer_reason.setText("需先办食品经营许可")  # typed with an input method
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(console.transfer_reason, Qt.Key.Key_Return)
    assert shown.args[0].ticket is None
    assert console.side.currentWidget() is console.line_page
    assert hall.ticket(t.number).service_code == "sp-jy"


def test_f7_holds_and_f8_calls_the_ticket_back(
    qtbot: QtBot, console: CounterWindow, hall: Hall, spoken: tuple[Announcer, list[str]]
) -> None:
    t = hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    qtbot.keyClick(console, Qt.Key.Key_F7)
    assert console.side.currentWidget() is console.hold_page
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(console.focusWidget(), Qt.Key.Key_2)  # materials stay at this window
    desk: Desk = shown.args[0]
    assert desk.ticket is None and [h.number for h in desk.held] == [t.number]
    assert hall.ticket(t.number).hold_kind == "materials_at_window"
    qtbot.keyClick(console, Qt.Key.Key_F8)
    assert console.side.currentWidget() is console.call_back_page
    assert console.held_list.currentItem().text().startswith(t.number)
    assert "材料留在本窗口" in console.held_list.currentItem().text()
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT) as shown:
        qtbot.keyClick(console.held_list, Qt.Key.Key_Return)
    assert shown.args[0].ticket is not None and shown.args[0].ticket.number == t.number
    qtbot.waitUntil(lambda: spoken[1].count(f"请{t.number}号到3号窗口办理") == 2, timeout=WAIT)


def test_the_panels_close_with_escape_and_need_a_ticket(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    sign_in(qtbot, console)
    qtbot.keyClick(console, Qt.Key.Key_F6)
    assert console.status.text() == "当前空闲：没有可转移或挂起的号。"
    assert console.side.currentWidget() is console.line_page
    qtbot.keyClick(console, Qt.Key.Key_F8)
    assert console.status.text() == "今天没有可回呼的挂起号。"
    hall.issue_ticket("gt-zc")
    key(qtbot, console, Qt.Key.Key_F1)
    qtbot.keyClick(console, Qt.Key.Key_F7)
    assert console.side.currentWidget() is console.hold_page
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert console.side.currentWidget() is console.line_page


def test_a_hold_with_a_reason_is_chosen_with_ctrl_and_its_digit(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    t = hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    qtbot.keyClick(console, Qt.Key.Key_F7)
    qtbot.keyClick(console.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: console.focusWidget() is console.hold_reason, timeout=WAIT)
    qtbot.keyClicks(console.hold_reason, "seal 3d")
    assert console.hold_reason.text() == "seal 3d"  # the digit went into the reason
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(console.hold_reason, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    held = hall.ticket(t.number)
    assert held.state == "held" and held.hold_kind == "awaiting_step"


def test_f12_keeps_a_slim_bar_on_top_and_the_keys_still_work(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    t = hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    full = console.size()
    qtbot.keyClick(console, Qt.Key.Key_F12)
    assert console.compact and console.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert console.height() < full.height() / 3
    assert console.compact_waiting.text() == "1 人等候"
    key(qtbot, console, Qt.Key.Key_F1)
    assert console.compact_number.text() == t.number
    qtbot.keyClick(console, Qt.Key.Key_F12)
    assert not console.compact and not console.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert console.height() >= full.height() and console.width() >= full.width()
    assert console.number.text() == t.number


def test_a_kiosks_help_request_is_shown_and_acknowledged(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    sign_in(qtbot, console)
    hall.request_help("K2")
    console.refresh()
    qtbot.waitUntil(lambda: console.help_button.isVisible(), timeout=WAIT)
    assert "K2" in console.help_text.text() and "K2" in console.help_button.text()
    with qtbot.waitSignal(console.said, timeout=WAIT) as said:
        qtbot.keyClick(console, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert said.args[0] == "已确认由您前往 K2 提供帮助。"
    (answered,) = hall.help_requests(open_only=False)
    assert answered.acknowledged_by == "1003"
    qtbot.waitUntil(lambda: not console.help_button.isVisible(), timeout=WAIT)


def test_the_ticket_in_hand_comes_with_its_materials_to_tick(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    key(qtbot, console, Qt.Key.Key_F1)
    boxes = console.checklist.ticks()
    needed = hall.settings.catalog.service("gt-zc").materials
    assert [b.text() for b in boxes] == list(needed) and needed
    assert [b.box.accessibleName() for b in boxes] == list(needed)
    qtbot.mouseClick(boxes[0].words, Qt.MouseButton.LeftButton)  # a click on its name ticks
    assert boxes[0].isChecked() and console.checklist.handed() == {needed[0]}
    key(qtbot, console, Qt.Key.Key_F2)  # the same ticket: the ticks stay
    assert console.checklist.ticks()[0].isChecked()
    key(qtbot, console, Qt.Key.Key_F3)
    key(qtbot, console, Qt.Key.Key_F1)  # the next citizen: a fresh list
    assert not console.checklist.ticks()[0].isChecked()


def _station(module: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YIMEN_NOW": "2026-11-24T09:30+08:00"}
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.counter.{module}", *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent.parent,
    )


def _lines(proc: subprocess.Popen[str], timeout: float = 120) -> list[str]:
    out, _ = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, out
    return out.splitlines()


@pytest.mark.both_databases
@pytest.mark.slow
def test_two_consoles_and_two_kiosks_in_their_own_processes_share_the_line(
    hall: Hall, db_url: str, tmp_path: Path
) -> None:
    """Windows 1 and 2 serve the same matters; two kiosks issue while both clerks call
    from the keyboard. Every number called comes into the hands of the console that
    called it, once, and no number is ever in the hands of both consoles."""
    stop = tmp_path / "kiosks-done"
    consoles = {
        n: _station("console_process", "serve", db_url, str(n), f"100{n}", "demo1234", str(stop))
        for n in (1, 2)
    }
    kiosks = [
        _station("kiosk_process", db_url, name, "25", services)
        for name, services in (("K1", "qy-sl,gt-zc,qy-bg"), ("K2", "qy-zx,qy-sl,sp-jy"))
    ]
    try:
        issued = [
            line.split()[1] for k in kiosks for line in _lines(k) if line.startswith("TICKET")
        ]
        stop.touch()
        hands = {n: _lines(c) for n, c in consoles.items()}
    finally:
        for p in [*consoles.values(), *kiosks]:
            p.kill()
    assert len(issued) == 50 and len(set(issued)) == 50
    for lines in hands.values():
        assert lines[-1] == "DONE"
    in_hand = {n: [line.split()[1] for line in lines[:-1]] for n, lines in hands.items()}
    assert all(len(numbers) == len(set(numbers)) for numbers in in_hand.values())  # once
    assert not set(in_hand[1]) & set(in_hand[2])  # never on both consoles
    with hall.db.read() as s:
        called = s.execute(
            select(Ticket.number, Window.number)
            .join(Event, Event.ticket_id == Ticket.id)
            .join(Window, Window.id == Event.window_id)
            .where(Event.kind == EventKind.CALLED)
        ).all()
    by_window = {n: sorted(t for t, w in called if w == n) for n in (1, 2)}
    assert by_window[1] == sorted(in_hand[1]) and by_window[2] == sorted(in_hand[2])
    assert sorted(in_hand[1] + in_hand[2]) == sorted(issued)  # all served, by one or other
    assert in_hand[1] and in_hand[2]  # both clerks worked


def test_with_global_keys_f1_calls_while_another_program_is_in_front(
    hall: Hall, db_url: str
) -> None:
    """On a real X server (xvfb): the approval system has focus, F1 is pressed on the
    desktop, and the console calls the next citizen, once."""
    t = hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    env = {**os.environ, "YIMEN_NOW": "2026-11-24T09:30+08:00", "QT_QPA_PLATFORM": "xcb"}
    run = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "tests.counter.global_keys_process", db_url],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent.parent,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "ACTIVE approval system" in lines
    assert f"IN HAND {t.number}" in lines and "SAID " in lines  # no refusal said
    assert hall.desk(3).ticket is not None and hall.desk(3).upcoming == ("B002",)


def test_global_keys_that_cannot_listen_say_so_and_the_keys_still_work(
    qtbot: QtBot, console: CounterWindow, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No desktop to listen to (a server, Wayland): one line says so; F1 in the console
    still calls."""
    from counter.hotkeys import GlobalKeys

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delitem(sys.modules, "pynput", raising=False)
    monkeypatch.delitem(sys.modules, "pynput.keyboard", raising=False)
    reason = GlobalKeys().start()
    assert reason
    console.say_global_keys_unavailable(reason)
    assert "其他程序" in console.status.text() and "仍可使用" in console.status.text()
    hall.issue_ticket("gt-zc")
    sign_in(qtbot, console)
    assert key(qtbot, console, Qt.Key.Key_F1).ticket is not None


@pytest.mark.both_databases
def test_a_console_killed_with_a_ticket_in_hand_loses_nothing(
    qtbot: QtBot, hall: Hall, db_url: str
) -> None:
    """kill -9 (or a power cut) with a ticket in hand: a new console, a new sign-in, and
    the same ticket is in hand and can be finished."""
    t = hall.issue_ticket("gt-zc")
    proc = _station("console_process", "crash", db_url, "3", "1003", "demo1234")
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == f"READY {t.number}"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    w = CounterWindow(hall, 3)
    qtbot.addWidget(w)
    w.show()
    sign_in(qtbot, w)
    assert w.number.text() == t.number
    key(qtbot, w, Qt.Key.Key_F9)
    desk = key(qtbot, w, Qt.Key.Key_F10)
    assert desk.ticket is None and desk.served_today == 1


def test_a_global_key_reported_twice_acts_once_and_a_later_press_acts_again() -> None:
    """X11 can report one press of F1 twice, in either order with its release; a clerk
    pressing again a moment later is a new press."""
    import time

    from counter.hotkeys import REPEAT_SECONDS, GlobalKeys

    keys = GlobalKeys()
    got: list[int] = []
    keys.pressed.connect(got.append)
    for event in ("press", "release", "press", "release"):
        getattr(keys, f"_on_{event}")("f1")
    keys._on_press("f12")  # not one of the console's keys
    assert got == [1]
    time.sleep(REPEAT_SECONDS + 0.05)
    keys._on_press("f1")
    assert got == [1, 1]


def test_the_marks_say_a_ticket_was_transferred_or_is_back_from_a_hold(
    qtbot: QtBot, console: CounterWindow, hall: Hall
) -> None:
    """The clerk sees at once that the citizen has been here before: sent on by another
    window (转移), or back after fetching a document (挂起)."""
    hall.sign_in("1001", "demo1234", 1)
    sent = hall.issue_ticket("qy-sl")  # window 1's matter, sent on to window 3's
    hall.call_next(1, "1001")
    hall.transfer(1, "1001", to_service="gt-zc", reason="应办个体工商户注册")
    sign_in(qtbot, console)
    desk = key(qtbot, console, Qt.Key.Key_F1)
    assert desk.ticket is not None and desk.ticket.number == sent.number
    assert console.marks.isVisible() and console.marks.text() == "已转移"
    qtbot.keyClick(console, Qt.Key.Key_F7)
    key_in_panel = console.focusWidget()
    with qtbot.waitSignal(console.desk_shown, timeout=WAIT):
        qtbot.keyClick(key_in_panel, Qt.Key.Key_1)  # the citizen fetches a document
    hall.return_from_hold(sent.number)
    desk = key(qtbot, console, Qt.Key.Key_F1)  # back ahead of the line
    assert desk.ticket is not None and desk.ticket.number == sent.number
    assert console.marks.text() == "已转移 挂起后返回"
