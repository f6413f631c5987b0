"""Start in any order: every station started while its PostgreSQL server is stopped says
what it is trying, and is working within seconds of the server starting, by itself.

A power cut brings the hall's PCs back in whatever order they boot: the kiosk before the
server, the display before the network. Each station here is started exactly as the
``yimen`` command starts it (its ``main``, in this process, driven offscreen), against a
PostgreSQL server of this module's own that is stopped first. The test waits for the
station's "正在连接服务器…" window (what it tries and why it failed), starts the server,
and then uses the station as its person would: a clerk signs in and calls, a supervisor
signs in and sees the floor. ``yimen serve`` is started as a process, as IT's service
manager starts it, and answers the phone page once the server is up.

Nothing waits a fixed time: each step waits for its condition, with a deadline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter.supervisor_window import SupervisorWindow
from counter.window import CounterWindow
from shared.base.clock import FixedClock
from shared.base.messages import render
from shared.hall import Hall, TicketInfo, init_hall
from shared.qt.connecting import ConnectingWindow
from shared.qt.i18n import set_language
from shared.store.model import Ticket

from .conftest import DEMO_PASSWORD, ROOT, TUESDAY_0930
from .pgserver import ThrowawayPostgres

pytestmark = pytest.mark.gui

TUESDAY = "2026-11-24T09:30:00+08:00"
DEADLINE_S = 60.0
WAIT = 20_000
T = TypeVar("T")


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of this module's own, to stop and start."""
    with ThrowawayPostgres(tmp_path_factory.mktemp("late-pg")) as server:
        yield server


@pytest.fixture(scope="module")
def hall_url(own_server: ThrowawayPostgres, demo_config: Any) -> str:
    """The demo hall before anyone signs in, on the module's own server."""
    own_server.start()
    own_server.admin_execute("CREATE DATABASE yimen_late")
    url = own_server.url("yimen_late")
    init_hall(url, demo_config, FixedClock(TUESDAY_0930))
    return url


@pytest.fixture
def stopped(own_server: ThrowawayPostgres, hall_url: str) -> Iterator[ThrowawayPostgres]:
    """The server stopped, as when the station's PC boots first; running again after."""
    own_server.stop("fast")
    yield own_server
    own_server.start()


@pytest.fixture(autouse=True)
def tuesday_morning(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    """The stations' clock runs from 9:30 on an ordinary Tuesday; the screens in Chinese."""
    monkeypatch.setenv("YIMEN_NOW", TUESDAY)
    set_language("zh")


def _visible(kind: type[QWidget]) -> QWidget | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, kind) and w.isVisible():
            return w
    return None


def start_before_the_server(
    server: ThrowawayPostgres,
    main: Callable[[Sequence[str]], int],
    argv: Sequence[str],
    station: type[QWidget],
    use: Callable[[Any], None],
    *,
    public: bool = False,
) -> list[str]:
    """Run a station's ``main(argv)`` with the server stopped. Once it shows that it is
    connecting (and why it cannot), start the server; once the station's window is up,
    ``use`` it as its person would, then end the station. What the waiting window said."""
    said: list[str] = []
    failures: list[BaseException] = []
    started_at = time.monotonic()
    state = {"server": "stopped"}

    def step() -> None:
        try:
            if time.monotonic() - started_at > DEADLINE_S:
                raise AssertionError(f"{station.__name__} not working within {DEADLINE_S} s")
            if state["server"] == "stopped":
                waiting = _visible(ConnectingWindow)
                if isinstance(waiting, ConnectingWindow) and waiting.detail.text():
                    said.append(
                        f"{waiting.title.text()} | {waiting.target.text()} | "
                        f"{waiting.detail.text()}"
                    )
                    assert _visible(station) is None  # nothing of the station yet
                    # A public station waits on its whole screen, never a small window.
                    assert waiting.isFullScreen() == public
                    server.start()
                    state["server"] = "started"
            else:
                window = _visible(station)
                if window is not None:
                    use(window)
                    QApplication.exit(0)
                    return
        except BaseException as exc:  # handed to the test below
            failures.append(exc)
            QApplication.exit(0)
            return
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    status = main(argv)
    if failures:
        raise failures[0]
    assert status == 0
    assert state["server"] == "started", "the station never said it was connecting"
    return said


def aside(fn: Callable[[], T]) -> T:
    """``fn()`` on a thread of its own: what a citizen does elsewhere in the hall, while
    the station's event loop runs here (whose thread opens no database session)."""
    got: list[T] = []
    thread = threading.Thread(target=lambda: got.append(fn()))
    thread.start()
    thread.join(DEADLINE_S)
    assert got, "the citizen's ticket was not issued"
    return got[0]


def _issue(url: str, service: str) -> TicketInfo:
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as hall:
        return hall.issue_ticket(service)


def restart_under(qtbot: QtBot, server: ThrowawayPostgres, banner: QWidget) -> None:
    """The server stops under a running station, which says so in its banner, and
    starts again, after which the banner goes by itself."""
    server.stop("fast")
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    server.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT)


def _says_what_it_tries(said: list[str], url: str, server: ThrowawayPostgres) -> None:
    assert said, "no waiting window"
    text = said[0]
    assert text.startswith("正在连接服务器")
    assert "yimen_late" in text  # which database it tries …
    assert render("db.unreachable", "zh", host=f"127.0.0.1:{server.port}") in text  # and why
    assert text.endswith("每隔几秒自动重试；连接成功后本窗口自动关闭。")  # it keeps trying


def test_a_counter_started_before_the_server_works_once_the_server_is_up(
    qtbot: QtBot, stopped: ThrowawayPostgres, hall_url: str
) -> None:
    called: list[str] = []

    def use(w: CounterWindow) -> None:
        if w.code.text() != "1003":
            w.code.clear()
            qtbot.keyClicks(w.code, "1003")
        qtbot.keyClicks(w.password, DEMO_PASSWORD)
        with qtbot.waitSignal(w.desk_shown, timeout=WAIT):
            qtbot.keyClick(w.password, Qt.Key.Key_Return)
        assert "3 号窗口" in w.who.text()
        ticket = aside(lambda: _issue(hall_url, "gt-zc"))
        with qtbot.waitSignal(w.desk_shown, timeout=WAIT):
            qtbot.keyClick(w, Qt.Key.Key_F1)
        called.append(w.number.text())
        assert w.number.text() == ticket.number
        # Later in the day the server restarts under the running console: it says so,
        # and carries on by itself once the server is back.
        restart_under(qtbot, stopped, w.banner)
        qtbot.keyClick(w, Qt.Key.Key_F2)  # recall: a write, after the restart
        qtbot.waitUntil(lambda: "重呼 1 次" in w.marks.text(), timeout=WAIT)

    from counter.app import main

    said = start_before_the_server(
        stopped, main, ["--window", "3", "--db", hall_url, "--silent"], CounterWindow, use
    )
    _says_what_it_tries(said, hall_url, stopped)
    assert called


def test_a_supervisor_started_before_the_server_sees_the_floor_once_it_is_up(
    qtbot: QtBot, stopped: ThrowawayPostgres, hall_url: str
) -> None:
    def use(w: SupervisorWindow) -> None:
        w.code.clear()
        qtbot.keyClicks(w.code, "1015")
        qtbot.keyClicks(w.password, DEMO_PASSWORD)
        with qtbot.waitSignals(
            [w.floor_view.floor_shown, w.alarms_panel.alarms_shown], timeout=WAIT
        ):
            qtbot.keyClick(w.password, Qt.Key.Key_Return)
        assert w.floor_view.tiles  # every window of the hall, read from the server
        restart_under(qtbot, stopped, w.banner)

    from counter.supervisor import main

    said = start_before_the_server(
        stopped, main, ["--db", hall_url, "--size", "1366x768"], SupervisorWindow, use
    )
    _says_what_it_tries(said, hall_url, stopped)


def test_a_kiosk_started_before_the_server_issues_tickets_once_it_is_up(
    qtbot: QtBot, stopped: ThrowawayPostgres, hall_url: str, tmp_path: Path
) -> None:
    from kiosk.app import main
    from kiosk.window import KioskWindow

    issued: list[TicketInfo] = []

    def use(k: KioskWindow) -> None:
        zone = k.home.zone_buttons["SS"]
        qtbot.waitUntil(lambda: zone.isVisible() and zone.isEnabled(), timeout=WAIT)
        qtbot.mouseClick(zone, Qt.MouseButton.LeftButton)
        service = k.zone_screen.buttons["gt-zc"]
        qtbot.waitUntil(service.isVisible, timeout=WAIT)
        with qtbot.waitSignal(k.ticket_shown, timeout=WAIT) as shown:
            qtbot.mouseClick(service, Qt.MouseButton.LeftButton)
        issued.append(shown.args[0])

    argv = ["--db", hall_url, "--no-keeper", "--silent", "--kiosk", "K9",
            "--printer", f"pdf:{tmp_path / 'slips'}"]  # fmt: skip
    said = start_before_the_server(stopped, main, argv, KioskWindow, use, public=True)
    _says_what_it_tries(said, hall_url, stopped)
    assert issued and issued[0].service_code == "gt-zc"
    assert aside(lambda: _kiosk_of(hall_url, issued[0].number)) == "K9"


def _kiosk_of(url: str, number: str) -> str | None:
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as hall, hall.db.read() as s:
        return s.scalar(select(Ticket.kiosk).where(Ticket.number == number))


def _call_at(url: str, window: int, clerk: str) -> TicketInfo:
    """A clerk signs in at ``window`` and calls a citizen who has just taken a ticket for
    one of its services."""
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as hall:
        [at] = [w for w in hall.windows() if w.number == window]
        if at.clerk_code != clerk:
            hall.sign_in(clerk, DEMO_PASSWORD, window)
        hall.issue_ticket(at.services[0])
        called = hall.call_next(window, clerk)
        assert called is not None
        return called


def test_the_lobby_display_started_before_the_server_shows_calls_once_it_is_up(
    qtbot: QtBot, stopped: ThrowawayPostgres, hall_url: str
) -> None:
    from kiosk.display import LobbyDisplay
    from kiosk.display_app import main

    def use(d: LobbyDisplay) -> None:
        qtbot.waitUntil(lambda: d.hall_name.text() == "青川区政务服务中心", timeout=WAIT)
        called = aside(lambda: _call_at(hall_url, 1, "1001"))
        qtbot.waitUntil(lambda: d.newest_number.text() == called.number, timeout=WAIT)
        assert d.newest_window.text() == "1号窗口"

    argv = ["--db", hall_url, "--no-keeper", "--silent"]
    said = start_before_the_server(stopped, main, argv, LobbyDisplay, use, public=True)
    _says_what_it_tries(said, hall_url, stopped)


def test_an_evaluator_started_before_the_server_asks_for_a_rating_once_it_is_up(
    qtbot: QtBot, stopped: ThrowawayPostgres, hall_url: str
) -> None:
    from kiosk.evaluator import Evaluator, main

    def use(pad: Evaluator) -> None:
        qtbot.waitUntil(lambda: pad.hall_name.text() == "青川区政务服务中心", timeout=WAIT)
        with qtbot.waitSignal(pad.asked, timeout=WAIT):
            aside(lambda: _serve_and_ask(hall_url, 5, "1005"))  # the clerk's F3
        assert pad.stack.currentWidget() is pad.asking

    argv = ["--window", "5", "--db", hall_url, "--no-keeper", "--fullscreen"]
    said = start_before_the_server(stopped, main, argv, Evaluator, use, public=True)
    _says_what_it_tries(said, hall_url, stopped)


def _serve_and_ask(url: str, window: int, clerk: str) -> None:
    _call_at(url, window, clerk)
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as hall:
        hall.start(window, clerk)
        hall.ask_review(window, clerk)


# -- yimen serve: a process, as the service manager starts it ---------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Lines:
    """A process's standard error, read line by line on a thread (never blocks the test)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert proc.stderr is not None
        stream = proc.stderr
        self._thread = threading.Thread(
            target=lambda: self.lines.extend(iter(stream.readline, "")), daemon=True
        )
        self._thread.start()

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            joined = "".join(self.lines)
            if text in joined:
                return joined
            time.sleep(0.05)
        raise AssertionError(f"not said within {DEADLINE_S:.0f} s: {text!r}: {self.lines}")


def test_the_phone_page_server_started_before_the_database_serves_once_it_is_up(
    stopped: ThrowawayPostgres, hall_url: str, tmp_path: Path
) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("YIMEN_DB", "YIMEN_LANG")}
    env["YIMEN_NOW"] = TUESDAY
    proc = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "serve", "--host", "127.0.0.1",
         "--port", str(port), "--db", hall_url, "--backup-dir", str(tmp_path / "nightly")],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        err = _Lines(proc)
        waiting = err.wait_for("每 3 秒重试一次")
        host = f"127.0.0.1:{stopped.port}"
        assert f"正在连接服务器 {hall_url}…" in waiting and "yimen_late" in waiting
        assert render("db.unreachable", "zh", host=host) in waiting
        assert proc.poll() is None  # still there, waiting: it did not exit
        stopped.start()
        with Hall.connect(hall_url, clock=FixedClock(TUESDAY_0930)) as hall:
            code = hall.issue_ticket("qy-sl").review_code
        err.wait_for("已连接服务器")
        deadline = time.monotonic() + DEADLINE_S
        status = 0
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            while time.monotonic() < deadline:
                try:
                    status = client.get(f"/r/{code}/status").status_code
                except httpx.TransportError:
                    status = 0  # not listening yet
                if status == 200:
                    break
                time.sleep(0.1)
        assert status == 200
        # With --backup-dir it keeps a dated backup a day: the first one at once, since
        # the folder has none of the last day.
        while time.monotonic() < deadline and not list((tmp_path / "nightly").glob("*.dump")):
            time.sleep(0.1)
        names = [p.name for p in (tmp_path / "nightly").glob("*.dump")]
        assert names and all(n.startswith("yimen-QC-") for n in names), names
        assert "Traceback" not in "".join(err.lines)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
