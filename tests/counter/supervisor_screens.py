"""Screenshots of the supervisor's station on a realistic morning, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.counter.supervisor_screens [OUT]

(or under ``xvfb-run -s "-screen 0 1920x1080x24"``). OUT defaults to assets/screenshots;
it gets supervisor-floor-1920x1080.png, supervisor-floor-1366x768.png and
supervisor-alarms-1920x1080.png.

The demo hall in a temporary SQLite database, on a Tuesday with a moving FixedClock:
the A-post clerks of every window but 6 sign in before nine (6 becomes an empty post);
56 citizens take tickets between 8:50 and 10:00 (seeded, so every run tells the same
story); the windows call, serve and finish, ask for ratings; a help request at 9:20 is
answered at 9:27; another station sweeps for alarms every five minutes and its
supervisor (1016) acknowledges the empty post; at 9:40 window 3's A post leaves for a
meeting (B has not come yet: the tile is away, and soon A and B are both away); at 9:50
1016 pauses window 5; at 10:00 a citizen asks for help at another kiosk. At 10:05
supervisor 1015 signs in at the station, which sweeps as it starts.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("YIMEN_PASSWORD_COST", "test")  # a demo database, thrown away

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from counter.supervisor_window import SupervisorWindow
from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.devices.announcer import MemoryOutput
from shared.hall import Hall, init_hall
from shared.qt.i18n import set_language
from shared.rules.stations import HelpRequest
from shared.store.db import sqlite_url

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = datetime(2026, 11, 24, tzinfo=SHANGHAI)  # a Tuesday
PASSWORD = "demo1234"
#: The services citizens come for this morning, with how many in each hundred.
DEMAND = {
    "qy-sl": 14, "qy-bg": 8, "gt-zc": 10, "sp-jy": 5, "sw-xb": 6, "sb-cb": 7, "yb-yd": 5,
    "gjj-tq": 6, "hj-qy": 8, "sfz-bl": 12, "bdc-dj": 12, "tz-ba": 4, "yl-dy": 3,
}  # fmt: skip
#: Minutes a service takes at the window, about.
HANDLING = (9, 22)


def at(hour: int, minute: int) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def morning(hall: Hall, clock: FixedClock) -> None:
    """The hall from 8:50 to 10:05, through the core (see the module's notes)."""
    rng = random.Random(20261124)
    clock.set(at(8, 50))
    clerks: dict[int, str] = {}
    for w in hall.windows():
        if w.a_clerk and w.number != 6:  # 6's clerk is not in yet: an empty post
            hall.sign_in(w.a_clerk, PASSWORD, w.number)
            clerks[w.number] = w.a_clerk
    arrivals = sorted(at(8, 50) + timedelta(seconds=rng.randrange(0, 70 * 60)) for _ in range(56))
    services = list(DEMAND)
    weights = list(DEMAND.values())
    busy_until: dict[int, datetime] = {}
    called_at: dict[int, datetime] = {}
    served = 0
    supervisor = hall.sign_in_supervisor("1016", PASSWORD, "值班长").token
    events: dict[datetime, Callable[[], None]] = {
        at(9, 36): lambda: no_show(2),
        at(9, 40): lambda: leave(3),
        at(9, 50): lambda: pause(5),
        at(9, 20): lambda: helped.append(hall.request_help("取号机-1")),
        at(9, 27): lambda: hall.acknowledge_help(helped[0].request, "1012"),
        at(10, 0): lambda: hall.request_help("取号机-2"),
        at(10, 4): lambda: finish(7),
        at(10, 5): lambda: finish(10),  # and calls the next, who is on the way
    }
    helped: list[HelpRequest] = []

    def leave(window: int) -> None:
        finish(window)
        hall.hand_over(window, clerks.pop(window), "meeting", expected_return=at(11, 0))

    def no_show(window: int) -> None:
        t = hall.desk(window).ticket
        if t is not None and t.state == "called":  # called twice, nobody came
            hall.recall(window, clerks[window])
            hall.no_show(window, clerks[window])
            busy_until.pop(window, None)

    def pause(window: int) -> None:
        finish(window)
        hall.pause_window(supervisor, window, reason="高拍仪故障，等待技术人员")

    def finish(window: int) -> None:
        nonlocal served
        clerk = clerks.get(window)
        desk = hall.desk(window)
        if clerk is None or desk.ticket is None:
            return
        if desk.ticket.state == "called":
            hall.start(window, clerk)
        served += 1
        if served % 3 == 0:  # F3: the citizen is asked to rate
            done = hall.ask_review(window, clerk)
            level = rng.choice(["very_satisfied"] * 6 + ["satisfied"] * 3 + ["basically_satisfied"])
            hall.submit_review(done.short_code, level)
        else:
            hall.finish(window, clerk)
        busy_until.pop(window, None)

    minute = at(8, 50)
    while minute <= at(10, 5):
        clock.set(minute)
        while arrivals and arrivals[0] <= minute + timedelta(minutes=1):
            clock.set(arrivals.pop(0))
            with contextlib.suppress(HallError):  # a service's day may be full
                hall.issue_ticket(rng.choices(services, weights)[0])
        clock.set(minute)
        if minute in events:
            events[minute]()
        if minute >= at(9, 0):
            for window, clerk in sorted(clerks.items()):
                until = busy_until.get(window)
                if until is not None and minute >= until:
                    finish(window)
                desk = hall.desk(window)
                if desk.window.paused or desk.ticket is not None:
                    continue
                if minute >= at(10, 4) and window == 7:
                    continue  # just finished: free for a moment
                called = hall.call_next(window, clerk)
                if called is None:
                    continue
                called_at[window] = minute
                busy_until[window] = minute + timedelta(minutes=rng.randint(*HANDLING))
            for window, clerk in sorted(clerks.items()):  # the citizen called has come
                t = hall.desk(window).ticket
                since = called_at.get(window)
                if t is None or t.state != "called" or since is None:
                    continue
                if window == 2 and at(9, 30) <= minute < at(9, 37):
                    continue  # this citizen does not come: a no-show at 9:36
                if minute - since >= timedelta(minutes=1):
                    hall.start(window, clerk)
        if minute.minute % 5 == 0:  # another station sweeps; its supervisor looks
            for raised in hall.sweep_alarms().raised:
                if raised.kind == "empty_post":
                    hall.acknowledge_alarm(supervisor, raised.id)
        minute += timedelta(minutes=1)
    hall.sign_out_supervisor(supervisor)


def settle(app: QApplication, until: Callable[[], bool], seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the station did not answer")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, w: SupervisorWindow, size: QSize, path: Path) -> None:
    w.resize(size)
    settle(app, lambda: w.size() == size)
    w.grab().save(str(path))
    print(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "assets" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_language("zh")
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "hall.db")
        clock = FixedClock(at(8, 30))
        init_hall(url, load_hall_config(DEMO_HALL_PATH), clock)
        with Hall.connect(url, clock) as hall:
            morning(hall, clock)
            w = SupervisorWindow(
                hall, bridge=None, lang="zh", station="值班台", sound=MemoryOutput()
            )
            w.resize(1920, 1080)
            w.show()
            w.code.setText("1015")
            w.password.setText(PASSWORD)
            shown: list[object] = []
            listed: list[object] = []
            w.floor_view.floor_shown.connect(shown.append)
            w.alarms_panel.alarms_shown.connect(listed.append)
            w.submit_sign_in()
            settle(app, lambda: bool(shown and listed))
            w.floor_view.select(5)
            shoot(app, w, QSize(1920, 1080), out / "supervisor-floor-1920x1080.png")
            shoot(app, w, QSize(1366, 768), out / "supervisor-floor-1366x768.png")
            w.show_alarms()
            shoot(app, w, QSize(1920, 1080), out / "supervisor-alarms-1920x1080.png")
            reports: list[object] = []
            w.reports_page.shown.connect(reports.append)
            w.reports_page.group.setCurrentIndex(1)  # the clerks
            w.tabs.setCurrentWidget(w.reports_page)  # opening it reads today's notice
            settle(app, lambda: bool(reports))
            shoot(app, w, QSize(1920, 1080), out / "supervisor-reports-1920x1080.png")
            w.close()
            app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
