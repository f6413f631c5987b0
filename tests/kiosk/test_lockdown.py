"""A public station locked for the hall, offscreen: no key, close request, long press or
minimise takes the kiosk off the glass; five taps in the corner and a supervisor's code
(checked by the hall, on the station's worker) open the maintenance panel, whose exit
and restart leave with the status the keeper reads, whose reprint prints the last slip
again marked 补打, and which shows the printer's fault."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.maintenance import MaintenanceGate
from kiosk.window import KioskWindow
from shared.devices.printing import EscPosPrinter, PdfFolderPrinter, PrinterFault
from shared.hall import Hall
from shared.qt.i18n import set_language
from shared.qt.keeper import EXIT_RESTART
from shared.qt.lockdown import Lockdown
from shared.store.model import Event, EventKind

from .test_display_layout import settled
from .test_kiosk import (
    PORTRAIT,
    WAIT,
    _chinese,  # noqa: F401  (the fixture: the screens in Chinese)
    cut_off,
    make_kiosk,
    pdf_text,
    take,
    tap,
)
from .test_rating import _delete_held, held  # noqa: F401  (the fixture deletes them)

pytestmark = pytest.mark.gui
SUPERVISOR, PASSWORD = "1015", "demo1234"


@pytest.fixture
def lockdown(qapp: object) -> Iterator[Lockdown]:
    lock = Lockdown()
    yield lock
    lock.release()  # the test's windows may close again


@pytest.fixture
def slips(tmp_path: Path) -> Path:
    return tmp_path / "slips"


@pytest.fixture
def kiosk(qtbot: QtBot, hall: Hall, slips: Path, lockdown: Lockdown) -> KioskWindow:
    window = held(make_kiosk(qtbot, hall, PdfFolderPrinter(slips)))
    lockdown.show(window)
    qtbot.waitUntil(window.isFullScreen, timeout=WAIT)
    return window


def gate_of(kiosk: KioskWindow, lockdown: Lockdown, **kw: object) -> MaintenanceGate:
    return MaintenanceGate(
        kiosk,
        kiosk.hall,
        kiosk.db,
        lockdown,
        station="kiosk K1",
        lang=lambda: kiosk.lang,
        desk=kiosk,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def gate(kiosk: KioskWindow, lockdown: Lockdown) -> MaintenanceGate:
    return gate_of(kiosk, lockdown)


def open_pad(qtbot: QtBot, gate: MaintenanceGate) -> None:
    with qtbot.waitSignal(gate.opened, timeout=WAIT):
        for _ in range(5):
            qtbot.mouseClick(gate.corner, Qt.MouseButton.LeftButton)
    assert gate.overlay.isVisible() and gate.pad.isVisible()


def type_on_keys(qtbot: QtBot, gate: MaintenanceGate, text: str) -> None:
    """``text`` typed on the pad's own keys, as a supervisor's finger would."""
    pad = gate.pad
    for ch in text:
        want_marks = not ch.isalnum()
        if pad.marks != want_marks:
            tap(qtbot, pad.keys[(3, 9)])
        if ch.isalpha() and ch.isupper() != pad.shifted:
            tap(qtbot, pad.keys[(3, 8)])
        key = next(b for b in pad.keys.values() if b.text() == ch and b.isVisible())
        tap(qtbot, key)


def enter_code(qtbot: QtBot, gate: MaintenanceGate, code: str, password: str) -> None:
    qtbot.mouseClick(gate.pad.code, Qt.MouseButton.LeftButton)
    type_on_keys(qtbot, gate, code)
    qtbot.mouseClick(gate.pad.password, Qt.MouseButton.LeftButton)
    type_on_keys(qtbot, gate, password)
    assert (gate.pad.code.text(), gate.pad.password.text()) == (code, password)
    tap(qtbot, gate.pad.ok)


def sign_in(qtbot: QtBot, gate: MaintenanceGate) -> None:
    open_pad(qtbot, gate)
    with qtbot.waitSignal(gate.signed_in, timeout=WAIT):
        enter_code(qtbot, gate, SUPERVISOR, PASSWORD)
    assert gate.panel.isVisible()


def cut_off_on(gate: MaintenanceGate) -> list[str]:
    """What is cut off or overlapping on the pad or the panel, once laid out."""
    settled()
    return cut_off(gate.overlay)


def events(hall: Hall, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind)))


# -- the lock ------------------------------------------------------------------------------


def test_no_key_and_no_close_request_takes_a_locked_kiosk_off_the_screen(
    qtbot: QtBot, kiosk: KioskWindow, lockdown: Lockdown
) -> None:
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert kiosk.isFullScreen()
    # Shortcuts such as an app or a desktop might bind: none of them fires.
    fired: list[str] = []
    for keys in ("Esc", "Alt+F4", "Ctrl+W", "Ctrl+Q", "F11"):
        probe = QShortcut(QKeySequence(keys), kiosk)
        probe.activated.connect(lambda k=keys: fired.append(k))
    kiosk.activateWindow()
    assert QTest.qWaitForWindowActive(kiosk)
    presses = [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ]
    for key, modifiers in presses:
        QTest.keyClick(kiosk, key, modifiers)
    assert fired == []
    # The window manager's Alt+F4 or a taskbar's close is a close request: refused.
    request = QCloseEvent()
    QCoreApplication.sendEvent(kiosk, request)
    assert not request.isAccepted()
    assert kiosk.close() is False
    assert kiosk.isVisible() and kiosk.isFullScreen()
    # The kiosk's own keys still work: a scanner types the appointment code and Enter.
    tap(qtbot, kiosk.home.appointment)
    QTest.keyClicks(kiosk.keypad.field, "12345678")
    assert kiosk.keypad.field.text() == "12345678"
    # Unlocked (the panel's exit), the same keys reach their shortcuts again.
    lockdown.release()
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    assert fired == ["Esc"]


def test_a_long_press_opens_no_menu_and_a_minimised_kiosk_comes_back(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    tap(qtbot, kiosk.home.appointment)
    field = kiosk.keypad.field
    # A long press on a touchscreen arrives as a context menu request.
    at = QPoint(5, 5)
    press = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, field.mapToGlobal(at))
    QCoreApplication.sendEvent(field, press)
    QApplication.processEvents()
    assert QApplication.activePopupWidget() is None
    # Minimised by something the application did not see first: full screen again.
    kiosk.showMinimized()
    qtbot.waitUntil(
        lambda: kiosk.isFullScreen() and not kiosk.isMinimized() and kiosk.isVisible(),
        timeout=WAIT,
    )


# -- the way in ----------------------------------------------------------------------------


def test_five_quick_taps_in_the_corner_open_the_code_pad_and_slow_ones_do_not(
    qtbot: QtBot, kiosk: KioskWindow, lockdown: Lockdown
) -> None:
    now = [0.0]
    gate = gate_of(kiosk, lockdown, clock=lambda: now[0])
    for _ in range(6):  # a tap a second: never five within three seconds
        qtbot.mouseClick(gate.corner, Qt.MouseButton.LeftButton)
        now[0] += 1.0
    assert not gate.overlay.isVisible()
    now[0] += 10.0
    open_pad(qtbot, gate)
    assert gate.pad.title.text() == "维护（仅限管理人员）"
    assert kiosk.focusWidget() is gate.pad.code  # a keyboard types the code at once
    assert gate.overlay.geometry() == kiosk.rect()  # the whole of the kiosk's screen
    tap(qtbot, gate.pad.cancel)
    assert not gate.overlay.isVisible()


def test_a_wrong_code_gets_its_sentence_and_three_in_a_row_make_the_pad_wait(
    qtbot: QtBot, kiosk: KioskWindow, gate: MaintenanceGate, hall: Hall
) -> None:
    open_pad(qtbot, gate)
    with qtbot.waitSignal(gate.refused, timeout=WAIT) as refused:
        enter_code(qtbot, gate, SUPERVISOR, "demo12")
    assert refused.args == ["clerk.bad_password"]
    assert gate.pad.sentence.text() == "密码不正确，还可以再试 4 次；连续输错 5 次将锁定 5 分钟。"
    assert gate.pad.password.text() == ""  # the code stays, the password goes
    assert not gate.panel.isVisible()
    # A clerk who is not a supervisor, with the right password: refused too.
    gate.pad.code.clear()
    with qtbot.waitSignal(gate.refused, timeout=WAIT) as refused:
        enter_code(qtbot, gate, "1001", PASSWORD)
    assert refused.args == ["staff.not_supervisor"]
    assert "不是管理人员" in gate.pad.sentence.text()
    # The third wrong code in a row: the pad waits before it takes another.
    gate.pad.code.clear()
    seen: list[str] = []
    gate.refused.connect(seen.append)
    enter_code(qtbot, gate, "9999", "x")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT)
    assert seen == ["clerk.unknown", "maintenance.wait"]
    assert gate.pad.sentence.text() == "输错次数过多，请 30 秒后再试。"
    assert not gate.pad.ok.isEnabled() and not gate.pad.keys[(0, 0)].isEnabled()
    # The hall counted the wrong password, as at any sign-in.
    assert len(events(hall, EventKind.SIGN_IN_FAILED)) >= 1


def test_the_right_code_opens_the_panel_and_exit_leaves_the_screen_for_good(
    qtbot: QtBot, kiosk: KioskWindow, gate: MaintenanceGate, lockdown: Lockdown, hall: Hall
) -> None:
    sign_in(qtbot, gate)
    assert gate.panel.who.text() == "管理人员：胡振华（1015）"
    opened = events(hall, EventKind.STAFF_SIGNED_IN)
    assert [(e.data or {}).get("station") for e in opened] == ["kiosk K1"]
    # One tap by mistake ends nothing; the second ends the kiosk with status 0.
    tap(qtbot, gate.panel.exit)
    assert gate.panel.exit.text() == "再点一次退出"
    assert not lockdown.leaving
    with qtbot.waitSignal(lockdown.left, timeout=WAIT) as left:
        tap(qtbot, gate.panel.exit)
    assert left.args == [0]
    qtbot.waitUntil(lambda: len(events(hall, EventKind.STAFF_SIGNED_OUT)) == 1, timeout=WAIT)
    assert kiosk.close() is True  # the lock is open: the station's window closes


def test_restart_leaves_with_the_status_the_keeper_starts_again_on(
    qtbot: QtBot, gate: MaintenanceGate, lockdown: Lockdown
) -> None:
    sign_in(qtbot, gate)
    with qtbot.waitSignal(lockdown.left, timeout=WAIT) as left:
        tap(qtbot, gate.panel.restart)
    assert left.args == [EXIT_RESTART]


def test_the_panel_closes_itself_untouched_and_signs_the_supervisor_out(
    qtbot: QtBot, kiosk: KioskWindow, lockdown: Lockdown, hall: Hall
) -> None:
    gate = gate_of(kiosk, lockdown, idle_seconds=2)
    sign_in(qtbot, gate)
    with qtbot.waitSignal(gate.closed, timeout=WAIT):
        pass
    assert not gate.overlay.isVisible() and not lockdown.leaving
    qtbot.waitUntil(lambda: len(events(hall, EventKind.STAFF_SIGNED_OUT)) == 1, timeout=WAIT)


# -- the slips -----------------------------------------------------------------------------


def test_reprint_prints_the_last_slip_again_marked_as_a_reprint(
    qtbot: QtBot, kiosk: KioskWindow, gate: MaintenanceGate, slips: Path
) -> None:
    with qtbot.waitSignal(kiosk.slip_printed, timeout=WAIT) as printed:
        t = take(qtbot, kiosk, "SS", "gt-zc")
    first: Path = printed.args[0]
    tap(qtbot, kiosk.ticket.finish)
    sign_in(qtbot, gate)
    assert gate.panel.reprint.text() == f"补打上一张取号单（{t.number}）"
    assert "正常" in gate.panel.paper.text()
    with qtbot.waitSignal(gate.reprinted, timeout=WAIT) as reprinted:
        tap(qtbot, gate.panel.reprint)
    assert reprinted.args == [None]
    assert gate.panel.result.text() == f"已补打 {t.number}（标有“补打”）。"
    again = [p for p in slips.glob("*.pdf") if p != first]
    assert len(again) == 1 and first.exists()  # the first slip's file is kept
    text = pdf_text(again[0])
    assert t.number in text and "补打" in text and "补打" not in pdf_text(first)


def test_the_panel_shows_the_printers_fault(qtbot: QtBot, hall: Hall, lockdown: Lockdown) -> None:
    class NoPaper:
        description = "ESC/POS usb:0x0416:0x5011"

        def print_pdf(self, pdf: bytes, name: str) -> None:
            raise PrinterFault("printer.no_paper", printer="usb:0x0416:0x5011")

    kiosk = held(make_kiosk(qtbot, hall, NoPaper()))
    lockdown.show(kiosk)
    gate = gate_of(kiosk, lockdown)
    with qtbot.waitSignal(kiosk.printer_failed, timeout=WAIT):
        take(qtbot, kiosk, "SS", "gt-zc")
    sign_in(qtbot, gate)
    assert gate.panel.printer.text() == "打印机：ESC/POS usb:0x0416:0x5011"
    assert gate.panel.paper.text().startswith("纸张与打印机：缺纸（09:30）")
    # Reprinting on an empty printer says it did not print, in the panel.
    with qtbot.waitSignal(gate.reprinted, timeout=WAIT) as reprinted:
        tap(qtbot, gate.panel.reprint)
    assert reprinted.args == ["printer.no_paper"]
    assert gate.panel.result.text() == "B001 没有补打出来：缺纸"


def test_the_panel_asks_a_receipt_printer_for_its_paper_when_it_opens(
    qtbot: QtBot, hall: Hall, lockdown: Lockdown
) -> None:
    """A supervisor who just put a roll in (or suspects the roll is out) sees what the
    printer itself says, not what the last slip found."""
    from tests.test_doctor import FakeReceiptPrinter

    printer = FakeReceiptPrinter(paper=30)  # the sensor: near its end
    try:
        escpos = EscPosPrinter(f"tcp:127.0.0.1:{printer.port}")
        kiosk = held(make_kiosk(qtbot, hall, escpos))
        lockdown.show(kiosk)
        gate = gate_of(kiosk, lockdown)
        sign_in(qtbot, gate)
        qtbot.waitUntil(lambda: "纸快用完" in gate.panel.paper.text(), timeout=WAIT)
        assert (
            gate.panel.paper.text() == "纸张与打印机：在线，纸快用完了（09:30）\n请尽快换上新纸卷。"
        )
        tap(qtbot, gate.panel.back)
        printer.paper = 114  # out
        sign_in(qtbot, gate)
        qtbot.waitUntil(lambda: "缺纸" in gate.panel.paper.text(), timeout=WAIT)
        assert kiosk.printer_state().fault == "printer.no_paper"
        printer.paper = 18  # a new roll
        tap(qtbot, gate.panel.back)
        sign_in(qtbot, gate)
        qtbot.waitUntil(lambda: "有纸" in gate.panel.paper.text(), timeout=WAIT)
        assert gate.panel.paper.text() == "纸张与打印机：在线，有纸（09:30）"
        printer.close()  # switched off
        tap(qtbot, gate.panel.back)
        sign_in(qtbot, gate)
        qtbot.waitUntil(lambda: "未连接" in gate.panel.paper.text(), timeout=WAIT)
    finally:
        printer.close()


@pytest.mark.parametrize("size", [PORTRAIT, QSize(1920, 1080)], ids=["portrait", "landscape"])
def test_the_pad_and_the_panel_fit_the_kiosk_in_both_languages(
    qtbot: QtBot, hall: Hall, slips: Path, size: QSize
) -> None:
    # At its real size: the offscreen screen is smaller than a kiosk, so not full screen.
    lockdown = Lockdown(locked=False)
    kiosk = held(KioskWindow(hall, PdfFolderPrinter(slips), kiosk="K1", size=size))
    qtbot.addWidget(kiosk)
    lockdown.show(kiosk)
    qtbot.waitUntil(lambda: bool(kiosk.services), timeout=WAIT)
    gate = gate_of(kiosk, lockdown)
    with qtbot.waitSignal(kiosk.slip_printed, timeout=WAIT):
        take(qtbot, kiosk, "SS", "gt-zc")  # a slip to reprint: the longest button
    for lang in ("zh", "en"):
        set_language(lang)
        open_pad(qtbot, gate)
        tap(qtbot, gate.pad.keys[(3, 9)])  # the marks on the keys
        enter_code(qtbot, gate, "9999", "x")  # a refusal's sentence on the pad
        qtbot.waitUntil(lambda: gate.pad.ok.isEnabled(), timeout=WAIT)
        assert gate.overlay.geometry() == kiosk.rect()
        assert cut_off_on(gate) == [], lang
        gate.pad.code.clear()
        with qtbot.waitSignal(gate.signed_in, timeout=WAIT):
            enter_code(qtbot, gate, SUPERVISOR, PASSWORD)
        tap(qtbot, gate.panel.exit)  # the confirmation's words
        assert cut_off_on(gate) == [], lang
        gate.close()


# -- the station as `yimen kiosk` starts it ---------------------------------------------------


def test_yimen_kiosk_runs_locked_and_the_panels_restart_ends_it_for_its_keeper(
    qtbot: QtBot, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kiosk's ``main`` in this process (what the keeper runs, ``--no-keeper``),
    driven offscreen: locked full screen; the supervisor's restart ends it with 75."""
    from kiosk.app import main

    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T09:30:00+08:00")
    seen: dict[str, object] = {}
    failures: list[BaseException] = []
    deadline = time.monotonic() + 60

    def step() -> None:
        if "ended" in seen:
            return  # the station is gone: no more steps into the next test
        try:
            assert time.monotonic() < deadline, "the kiosk did not get to its panel"
            window = next(
                (w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow)), None
            )
            if window is not None and window.isVisible() and window.services:
                gate = window.findChild(MaintenanceGate)
                assert gate is not None
                if "locked" not in seen:
                    seen["locked"] = (
                        window.isFullScreen(),
                        bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint),
                        window.close(),
                    )
                    gate.open()
                    gate.pad.code.setText(SUPERVISOR)
                    gate.pad.password.setText(PASSWORD)
                    gate.pad.ok.click()
                elif gate.signin is not None and "restart" not in seen:
                    seen["restart"] = True
                    gate.panel.restart.click()
        except BaseException as exc:  # handed to the test below
            failures.append(exc)
            QApplication.exit(1)
            return
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    status = main(["--no-keeper", "--db", db_url, "--kiosk", "K1", "--silent",
                   "--printer", f"pdf:{tmp_path / 'slips'}"])  # fmt: skip
    seen["ended"] = True
    if failures:
        raise failures[0]
    assert seen["locked"] == (True, True, False)  # full screen, frameless, not closable
    assert status == EXIT_RESTART
    stations = [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow)]
    assert stations and not any(w.isVisible() for w in stations)
    for w in stations:  # what a process that ends would free: nothing left for the next test
        shiboken6.delete(w)
