"""The lobby display against clerks in another process, as in the hall: 200 calls, each
on the screen once and in commit order, on SQLite, and on PostgreSQL across a restart
of the server in the middle (the screen says the connection is lost, then shows what it
missed, in order)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.display import LobbyDisplay
from shared.base.clock import FixedClock
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.hall import Hall, init_hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language
from shared.rules.lobby import LobbyCall
from shared.store.db import sqlite_url

from ..conftest import TUESDAY_0930, open_the_hall
from ..pgserver import ThrowawayPostgres

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent.parent
CALLS = 200


class Callers:
    """The caller process, its output read as it comes."""

    def __init__(self, url: str, pause_at: int, go: Path) -> None:
        env = {**os.environ, "YIMEN_NOW": TUESDAY_0930.isoformat()}
        argv = [sys.executable, "-m", "tests.kiosk.caller_process", url, str(CALLS)]
        self.proc = subprocess.Popen(
            [*argv, str(pause_at), str(go)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    @property
    def calls(self) -> list[tuple[str, int, str]]:
        out = []
        for line in self.lines:
            if line.startswith("CALL "):
                _, number, window, kind = line.split()
                out.append((number, int(window), kind))
        return out

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)


@pytest.fixture
def halls(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[str, ThrowawayPostgres | None]]:
    config = load_hall_config(DEMO_HALL_PATH)
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "hall.db")
        init_hall(url, config, FixedClock(TUESDAY_0930))
        open_the_hall(url)
        yield url, None
        return
    with ThrowawayPostgres(tmp_path / "pg") as server:
        server.admin_execute("CREATE DATABASE hall")
        url = server.url("hall")
        init_hall(url, config, FixedClock(TUESDAY_0930))
        open_the_hall(url)
        yield url, server


@pytest.mark.parametrize("halls", ["sqlite", "postgresql"], indirect=True)
def test_every_call_from_another_process_is_shown_once_and_in_order(
    qtbot: QtBot, qapp: object, halls: tuple[str, ThrowawayPostgres | None], tmp_path: Path
) -> None:
    set_language("zh")
    url, server = halls
    hall = Hall.connect(url, FixedClock(TUESDAY_0930))
    bridge = FeedBridge(url)
    go = tmp_path / "go"
    callers = Callers(url, CALLS // 2, go)
    try:
        d = LobbyDisplay(hall, bridge=bridge, size=QSize(1920, 1080))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitUntil(lambda: d.started_up, timeout=30_000)
        shown: list[LobbyCall] = []
        outages: list[bool] = []
        d.call_shown.connect(shown.append)
        d.outage_changed.connect(outages.append)
        qtbot.waitUntil(lambda: "PAUSED" in callers.lines, timeout=120_000)
        qtbot.waitUntil(lambda: len(shown) == CALLS // 2, timeout=30_000)
        if server is not None:
            server.stop()  # the server restarts while the display is on
            qtbot.waitUntil(lambda: outages == [True], timeout=30_000)
            assert d.outage_band.isVisible() and not d.notice.isVisible()
            said = d.outage_band.text().replace("\n", "")
            assert said == "叫号屏暂时中断，请留意语音广播和窗口屏，或到导服台咨询"
            server.start()
        go.touch()  # the clerks go on (the display may still be reconnecting)
        qtbot.waitUntil(lambda: "DONE" in callers.lines, timeout=120_000)
        expected = callers.calls
        assert len(expected) == CALLS
        qtbot.waitUntil(lambda: len(shown) >= CALLS, timeout=60_000)
        qtbot.wait(300)  # nothing more comes
        assert [(c.number, c.window_no, c.kind) for c in shown] == expected
        assert len({c.event_id for c in shown}) == CALLS
        last = expected[-1]
        assert d.newest_number.text() == last[0]
        assert d.newest_window.text() == f"{last[1]}号窗口"
        if server is not None:
            assert outages == [True, False] and not d.outage_band.isVisible()
    finally:
        callers.close()
        bridge.stop()
        hall.close()
