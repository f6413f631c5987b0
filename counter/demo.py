"""The counters of the demo hall working a simulated morning, for the demo and the
README: ``python -m counter.demo --db URL --out DIR``.

One console per demo window that has a clerk. The simulated morning (`shared.demo.simulate`)
decides what each clerk does and when; the consoles do it from their keys, as the clerk's
fingers would (F1 call, F9 start, F10 finish, F2 recall, F4 no-show, F7 hold, F6
transfer), and wait for each answer. At 09:50 every console is saved as a PNG, full, and
the first one as the compact bar too. Run it under ``QT_QPA_PLATFORM=offscreen`` on a
machine with no screen, or under xvfb for a real one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter.window import DESK_SIZE, HOLD_KINDS, CounterWindow
from shared.base.clock import FixedClock, clock_from_env
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.simulate import initial_passwords, next_open_day, simulate_morning
from shared.hall import Desk, Hall, TicketInfo
from shared.qt.headless import save_screens, settle, wait_until
from shared.rules.signin import SignedIn

LOOK_AT = time(9, 50)  # the line at its longest, every window at work
BUSY_MORNING = 200  # citizens at most, one every 1.2 min on average: a busy morning


class ConsoleHands:
    """The simulated clerks' hands on the consoles' keys (`shared.demo.simulate.Hands`)."""

    def __init__(self, app: QApplication, hall: Hall, consoles: dict[int, CounterWindow]):
        self.app, self.hall, self.consoles = app, hall, consoles
        self._said: dict[int, int] = dict.fromkeys(consoles, 0)
        self._shown: dict[int, list[Desk]] = {n: [] for n in consoles}
        for n, w in consoles.items():
            w.said.connect(lambda _s, n=n: self._count_said(n))
            w.desk_shown.connect(self._shown[n].append)

    def _count_said(self, n: int) -> None:
        self._said[n] += 1

    def _do(self, n: int, act: Callable[[CounterWindow], None]) -> Desk:
        """An operation by key, then the desk as read after it ended (the console says a
        line when an operation ends, then reads its desk)."""
        w = self.consoles[n]
        said = self._said[n]
        self._bring_to_front(w)
        act(w)
        wait_until(self.app, lambda: self._said[n] > said)
        shown = len(self._shown[n])
        wait_until(self.app, lambda: len(self._shown[n]) > shown)
        return self._shown[n][-1]

    def _hand_over(self, n: int, act: Callable[[CounterWindow], None]) -> TicketInfo:
        """An operation that takes the ticket out of the window's hands; what became of it."""
        number = self._in_hand(n)
        desk = self._do(n, act)
        if desk.ticket is not None and desk.ticket.number == number:
            raise RuntimeError(f"window {n}: {self.consoles[n].status.text()}")
        return self.hall.ticket(number)

    def _bring_to_front(self, w: CounterWindow) -> None:
        """The keys act on the window in front, as on the clerk's PC."""
        if QApplication.activeWindow() is not w:
            w.activateWindow()
            wait_until(self.app, lambda: QApplication.activeWindow() is w, 5)

    def _key(self, n: int, key: Qt.Key) -> Desk:
        return self._do(n, lambda w: QTest.keyClick(w, key))

    def _in_hand(self, n: int) -> str:
        desk = self.consoles[n].desk
        assert desk is not None and desk.ticket is not None
        return desk.ticket.number

    def sign_in(self, clerk_code: str, password: str, window_no: int) -> SignedIn:
        w = self.consoles[window_no]
        got: list[SignedIn] = []
        w.signed_in.connect(got.append)
        self._bring_to_front(w)
        w.code.setText(clerk_code)
        w.password.setText(password)
        QTest.keyClick(w.password, Qt.Key.Key_Return)
        wait_until(self.app, lambda: bool(got) and w.desk is not None)
        return got[0]

    def call_next(self, window_no: int, clerk_code: str) -> TicketInfo | None:
        return self._key(window_no, Qt.Key.Key_F1).ticket

    def recall(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._ticket(self._key(window_no, Qt.Key.Key_F2))

    def start(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._ticket(self._key(window_no, Qt.Key.Key_F9))

    def finish(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._hand_over(window_no, lambda w: QTest.keyClick(w, Qt.Key.Key_F10))

    def no_show(self, window_no: int, clerk_code: str) -> TicketInfo:
        return self._hand_over(window_no, lambda w: QTest.keyClick(w, Qt.Key.Key_F4))

    def hold(
        self, window_no: int, clerk_code: str, kind: str, reason: str | None = None
    ) -> TicketInfo:
        digit = Qt.Key(Qt.Key.Key_1.value + [k for k, _ in HOLD_KINDS].index(kind))

        def act(w: CounterWindow) -> None:
            QTest.keyClick(w, Qt.Key.Key_F7)
            w.hold_reason.setText(reason or "")  # typed with an input method
            QTest.keyClick(w.hold_reason, digit, Qt.KeyboardModifier.ControlModifier)

        return self._hand_over(window_no, act)

    def transfer(
        self,
        window_no: int,
        clerk_code: str,
        *,
        to_service: str | None = None,
        to_window: int | None = None,
        reason: str | None = None,
    ) -> TicketInfo:
        target = f"s:{to_service}" if to_service else f"w:{to_window}"

        def act(w: CounterWindow) -> None:
            QTest.keyClick(w, Qt.Key.Key_F6)
            w.transfer_to.setCurrentIndex(w.transfer_to.findData(target))
            w.transfer_reason.setText(reason or "")
            QTest.keyClick(w.transfer_reason, Qt.Key.Key_Return)

        return self._hand_over(window_no, act)

    def _ticket(self, desk: Desk) -> TicketInfo:
        if desk.ticket is None:
            raise RuntimeError(
                f"window {desk.window.number}: {self.consoles[desk.window.number].status.text()}"
            )
        return desk.ticket


def work_a_morning(hall: Hall, clock: FixedClock, out: Path, app: QApplication) -> list[Path]:
    consoles = {
        w.number: CounterWindow(hall, w.number) for w in hall.windows() if w.a_clerk is not None
    }
    for w in consoles.values():
        w.resize(DESK_SIZE)  # the console on a 1366×768 desk screen
        w.show()
    hands = ConsoleHands(app, hall, consoles)
    saved: list[Path] = []

    def look() -> None:
        for w in consoles.values():
            w.refresh()  # the kiosks' tickets since each console's last key
        settle(app, lambda: all(w.desk is not None for w in consoles.values()))
        settle(app)
        for n, w in consoles.items():
            path = out / f"counter-window{n}.png"
            w.grab().save(str(path))
            saved.append(path)
        first = next(iter(consoles.values()))
        first.toggle_compact()
        settle(app)
        path = out / f"counter-window{first.window_no}-compact.png"
        first.grab().save(str(path))
        saved.append(path)
        first.toggle_compact()
        at = hall.settings.local(clock.now())
        print(f"  {at:%H:%M}：{len(saved)} 张窗口截图 {out}/counter-*.png", flush=True)

    day = next_open_day(hall, hall.settings.business_day(clock.now()) + timedelta(days=1))
    passwords = initial_passwords(load_hall_config(DEMO_HALL_PATH))
    report = simulate_morning(
        hall,
        clock,
        day,
        passwords,
        citizens=BUSY_MORNING,
        minutes_between_arrivals=1.2,
        windows=len(consoles),
        hands=hands,
        pause_at=(LOOK_AT, look),
    )
    print(f"  {day} 上午（模拟，{len(consoles)} 个窗口用键盘办理）：{report.summary('zh')}")
    for w in consoles.values():
        w.close()
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    clock = FixedClock(clock_from_env(runs=False).now())  # the morning moves it on

    def work(hall: Hall, out: Path, app: QApplication) -> None:
        work_a_morning(hall, clock, out, app)

    return save_screens("counter.demo", argv, lambda: clock, work)


if __name__ == "__main__":
    sys.exit(main())
