"""The console with ``--global-keys`` on a real X server (run under xvfb-run): signed in
at window 3, another program's window in front, F1 pressed on the desktop's keyboard
(XTest). Prints ``ACTIVE <title>`` (who is in front) and ``IN HAND <number>``."""

from __future__ import annotations

import sys
import time

from pynput import keyboard
from PySide6.QtWidgets import QApplication, QLineEdit

from counter.hotkeys import GlobalKeys
from counter.window import CounterWindow
from shared.base.clock import clock_from_env
from shared.hall import Hall
from shared.qt.headless import wait_until


def main(url: str) -> None:
    app = QApplication([])
    hall = Hall.connect(url, clock_from_env(runs=True))
    keys = GlobalKeys()
    assert keys.start() is None
    w = CounterWindow(hall, 3, global_keys=keys)
    w.show()
    w.code.setText("1003")
    w.password.setText("demo1234")
    w.submit_sign_in()
    wait_until(app, lambda: w.desk is not None)
    approval = QLineEdit()  # the department's approval system, where the clerk types
    approval.setWindowTitle("approval system")
    approval.show()
    approval.activateWindow()
    wait_until(app, lambda: QApplication.activeWindow() is approval, 10)
    print(f"ACTIVE {QApplication.activeWindow().windowTitle()}", flush=True)
    time.sleep(0.3)
    typing = keyboard.Controller()
    typing.press(keyboard.Key.f1)
    typing.release(keyboard.Key.f1)
    wait_until(app, lambda: w.desk is not None and w.desk.ticket is not None, 20)
    time.sleep(0.5)  # a second F1 would be refused now: a ticket is in hand
    for _ in range(20):
        app.processEvents()
    assert w.desk is not None and w.desk.ticket is not None
    print(f"IN HAND {w.desk.ticket.number}", flush=True)
    print(f"SAID {w.status.text()}", flush=True)
    keys.stop()


if __name__ == "__main__":
    main(sys.argv[1])
