"""The feed's Qt bridge: signals named as events arrive on the GUI thread, and the
screen stays responsive whatever the database does."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.store.feed import FeedEvent

pytestmark = pytest.mark.gui


@pytest.fixture
def bridge(db_url: str) -> Iterator[FeedBridge]:
    b = FeedBridge(db_url, after=0)
    yield b
    b.stop()


def test_a_call_reaches_a_label_on_the_gui_thread(
    qtbot: QtBot, hall: Hall, bridge: FeedBridge
) -> None:
    label = QLabel("欢迎光临")
    qtbot.addWidget(label)
    threads: list[QThread] = []

    def on_call_made(ev: FeedEvent) -> None:
        threads.append(QThread.currentThread())
        label.setText(f"请{ev.number}号到{ev.window_no}号窗口办理")

    bridge.call_made.connect(on_call_made)
    issued: list[FeedEvent] = []
    bridge.ticket_issued.connect(issued.append)
    bridge.start()
    with qtbot.waitSignal(bridge.call_made, timeout=10_000):
        hall.issue_ticket("gt-zc")
        hall.call_next(3, "1003")
    assert label.text() == "请B001号到3号窗口办理"
    assert threads == [QApplication.instance().thread()]  # type: ignore[union-attr]
    assert [e.number for e in issued] == ["B001"]
    with qtbot.waitSignal(bridge.call_made, timeout=10_000) as blocker:
        hall.recall(3, "1003")
    assert blocker.args[0].kind == "recalled"


def test_the_gui_keeps_running_while_the_feed_waits_for_a_silent_server(qtbot: QtBot) -> None:
    # A server that accepts the connection and never answers: connecting hangs.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    port = silent.getsockname()[1]
    bridge = FeedBridge(f"postgresql://nobody@127.0.0.1:{port}/hall")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    try:
        bridge.start()  # returns at once: connecting happens in the worker
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)  # the event loop runs
        assert bridge._thread is not None and bridge._thread.is_alive()  # still connecting
    finally:
        timer.stop()
        bridge.stop(timeout=0.5)
        silent.close()


def test_a_lost_connection_is_told_to_the_screen(qtbot: QtBot) -> None:
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    bridge = FeedBridge(f"postgresql://nobody@127.0.0.1:{port}/hall")
    try:
        with qtbot.waitSignal(bridge.connection_lost, timeout=10_000) as blocker:
            bridge.start()
        assert blocker.args[0]
    finally:
        bridge.stop()


def test_a_bad_address_fails_with_a_sentence(qtbot: QtBot) -> None:
    bridge = FeedBridge("mysql://x@y/z")
    with qtbot.waitSignal(bridge.failed, timeout=10_000) as blocker:
        bridge.start()
    assert "无法识别" in blocker.args[0]
    bridge.stop()


def test_a_sign_in_and_out_reach_the_screens(qtbot: QtBot, hall: Hall, bridge: FeedBridge) -> None:
    bridge.start()
    with qtbot.waitSignal(bridge.window_signed_out, timeout=10_000) as signed_out:
        hall.sign_out("1003", 3)
    assert (signed_out.args[0].window_no, signed_out.args[0].clerk_code) == (3, "1003")
    with qtbot.waitSignal(bridge.window_signed_in, timeout=10_000) as signed_in:
        hall.sign_in("1013", "demo1234", 3)  # the B post takes over
    assert (signed_in.args[0].window_no, signed_in.args[0].clerk_code) == (3, "1013")


def test_a_stopped_bridge_says_nothing_more_even_when_its_reader_ends_later(
    qtbot: QtBot,
) -> None:
    # The reader hangs in a connection attempt past stop()'s wait; when the server finally
    # goes away the attempt fails, and the bridge (maybe deleted by then) hears nothing.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    port = silent.getsockname()[1]
    bridge = FeedBridge(f"postgresql://nobody@127.0.0.1:{port}/hall")
    heard: list[object] = []
    for signal in (bridge.connection_lost, bridge.failed, bridge.stopped, bridge.event_received):
        signal.connect(heard.append)
    bridge.start()
    reader = bridge._thread
    assert reader is not None
    bridge.stop(timeout=0.1)
    assert reader.is_alive()  # stop() gave up waiting: the reader lives on
    bridge.deleteLater()
    silent.close()  # the attempt fails now; the reader gives up (the feed is closed)
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=20_000)
    qtbot.wait(50)  # anything posted would have arrived
    assert heard == []
