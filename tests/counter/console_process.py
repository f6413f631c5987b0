"""A counter console in a process of its own, for the crash test: signs in at a window,
calls the next ticket, prints ``READY <number>`` and waits to be killed."""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication

from counter.window import CounterWindow
from shared.clock import clock_from_env
from shared.hall import Hall


def main(url: str, window_no: int, clerk: str, password: str) -> None:
    app = QApplication([])
    hall = Hall.connect(url, clock_from_env(runs=True))
    w = CounterWindow(hall, window_no)
    w.show()

    def wait(until: object) -> None:
        end = time.monotonic() + 30
        while not until():  # type: ignore[operator]
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.01)

    w.code.setText(clerk)
    w.password.setText(password)
    w.submit_sign_in()
    wait(lambda: w.desk is not None)
    w.call_next()
    wait(lambda: w.desk is not None and w.desk.ticket is not None)
    assert w.desk is not None and w.desk.ticket is not None
    print(f"READY {w.desk.ticket.number}", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
