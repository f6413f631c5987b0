"""A counter console in a process of its own (offscreen), as on a clerk's PC.

``crash`` mode: sign in at a window, call the next ticket, print ``READY <number>`` and
wait to be killed.

``serve`` mode: sign in, then from the keyboard F1 (call next), F9 (start), F10 (finish),
again and again, with the feed bridge running as in the hall; every number that comes
into the console's hands is printed as ``HAND <number>`` the moment it is shown. When the
file ``stop_flag`` exists and F1 finds nobody waiting, print ``DONE`` and end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter.window import CounterWindow
from shared.base.clock import clock_from_env
from shared.hall import Desk, Hall
from shared.qt.feed_bridge import FeedBridge


def main(mode: str, url: str, window_no: int, clerk: str, password: str, *rest: str) -> None:
    app = QApplication([])
    hall = Hall.connect(url, clock_from_env(runs=True))
    bridge = FeedBridge(url) if mode == "serve" else None
    w = CounterWindow(hall, window_no, bridge=bridge)
    w.show()
    if bridge is not None:
        bridge.start()

    def wait(until: Callable[[], bool], seconds: float = 30) -> None:
        end = time.monotonic() + seconds
        while not until():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.005)

    w.code.setText(clerk)
    w.password.setText(password)
    w.submit_sign_in()
    wait(lambda: w.desk is not None)
    if mode == "crash":
        w.call_next()
        wait(lambda: w.desk is not None and w.desk.ticket is not None)
        assert w.desk is not None and w.desk.ticket is not None
        print(f"READY {w.desk.ticket.number}", flush=True)
        while True:
            app.processEvents()
            time.sleep(0.05)

    stop_flag = Path(rest[0])
    shown: list[Desk] = []
    in_hand: list[str | None] = [None]

    def on_shown(desk: Desk) -> None:
        shown.append(desk)
        number = w.number.text() if desk.ticket is not None else None
        if number != in_hand[0]:
            in_hand[0] = number
            if number is not None:
                print(f"HAND {number}", flush=True)

    w.desk_shown.connect(on_shown)

    said: list[str] = []
    w.said.connect(said.append)

    def press(key: Qt.Key) -> Desk:
        """A key, and the desk read after its operation ended (the console says a line,
        maybe empty, when an operation ends, then reads its desk again)."""
        before = len(said)
        QTest.keyClick(w, key)
        wait(lambda: len(said) > before)
        after = len(shown)
        wait(lambda: len(shown) > after)
        return shown[-1]

    while True:
        if press(Qt.Key.Key_F1).ticket is None:  # nobody waiting, or the other was faster
            if stop_flag.exists():
                break
            time.sleep(0.02)
            continue
        assert press(Qt.Key.Key_F9).ticket is not None
        assert press(Qt.Key.Key_F10).ticket is None
    print("DONE", flush=True)
    if bridge is not None:
        bridge.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], *sys.argv[6:])
