"""A station opening its hall: the connection is made on a worker while the screen stays
alive; a server that does not answer yet is waited for, in view, and any other refusal
is the core's sentence at once."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shared.base.errors import EnvironmentFault, HallError
from shared.hall import Hall
from shared.qt import connecting
from shared.qt.connecting import ConnectingWindow, connect_waiting
from shared.qt.i18n import set_language

pytestmark = pytest.mark.gui


def _waiting_windows() -> list[ConnectingWindow]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ConnectingWindow) and w.isVisible()
    ]


def test_a_server_that_comes_late_is_waited_for_in_view(qtbot: QtBot, db_url: str) -> None:
    threads: set[str] = set()
    seen: list[str] = []
    tries = 0

    def open_hall() -> Hall:
        nonlocal tries
        tries += 1
        threads.add(threading.current_thread().name)
        if tries == 1:  # the server not up yet
            raise EnvironmentFault("db.unreachable", host="hall-server:5432")
        if tries == 2:  # up, but still starting
            raise EnvironmentFault("db.unavailable", host="hall-server:5432")
        return Hall.connect(db_url)

    def look() -> None:  # what the waiting window says between the tries
        seen.extend(
            f"{w.title.text()} | {w.target.text()} | {w.detail.text()}" for w in _waiting_windows()
        )
        if tries < 3:
            QTimer.singleShot(20, look)

    set_language("zh")
    QTimer.singleShot(0, look)
    hall = connect_waiting(open_hall, "postgresql://yimen@hall-server/yimen", "zh", again_ms=300)
    assert hall is not None
    try:
        assert hall.code == "QC"
    finally:
        hall.close()
    assert tries == 3 and "MainThread" not in threads
    assert any(
        "正在连接服务器" in s and "hall-server/yimen" in s and "hall-server:5432" in s for s in seen
    ), seen
    assert _waiting_windows() == []  # gone once the hall is open


def test_a_refusal_that_waiting_cannot_mend_is_raised_at_once(qtbot: QtBot) -> None:
    def open_hall() -> Hall:
        raise HallError("hall.not_found", hall="nowhere")

    with pytest.raises(HallError) as refused:
        connect_waiting(open_hall, "sqlite:///hall.db", "zh", again_ms=50)
    assert refused.value.code == "hall.not_found"
    assert _waiting_windows() == []


def test_closing_the_waiting_window_gives_up(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connecting, "SHOW_AFTER_MS", 0)

    def open_hall() -> Hall:
        raise EnvironmentFault("db.unavailable", host="hall-server:5432")

    def close_it() -> None:
        windows = _waiting_windows()
        if windows:
            windows[0].close()
        else:
            QTimer.singleShot(20, close_it)

    QTimer.singleShot(0, close_it)
    assert connect_waiting(open_hall, "postgresql://hall-server/yimen", "zh", again_ms=50) is None
