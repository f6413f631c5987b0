"""The supervisor's floor scenario: a call committed at a counter → the supervisor's
floor repainting that window's tile with the number, in another process.

The counters are those of the feed scenario (`bench.feedlatency`): ten processes
(windows 1–5 and 7–11) call, start and finish tickets at the same paced, jittered rate,
each noting ``time.time()`` right after its ``call_next`` returned, so after the commit.
The floor is the real one: `counter.floor_view.FloorView` at 1920×1080 inside a window,
with its `FeedBridge` and its database worker, offscreen, in a process of its own with
its own Qt event loop. It reads the whole floor (every window, the waiting, today's
figures) on its worker when the feed brings an event, one read at a time and one more
after it when events came meanwhile, as in the hall. For each call it notes:

* **received**: the bridge's feed yielded the event (in the bridge's thread);
* **painted**: the first paint of the window's tile's ticket label showing the number.

Reported: commit → painted, and its part commit → received; the goal is the lobby
display's (p95 < 50 ms on PostgreSQL, < 300 ms on SQLite), reported, never failed. A
ticket the counter called and finished before the floor's next read is never on a tile
(the floor shows what is, not every step): those are counted apart ("passed by").
Before the start the floor is warmed up with three calls at window 6, each once the
floor has painted the last (window 6 serves only bdc-dj, which no counter issues).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bench.cpu import CpuShare
from bench.feedlatency import (
    FEED_WINDOWS,
    CounterLog,
    FeedPlan,
    Rig,
    _line,
    print_conditions,
    run_paced,
)
from bench.stats import Summary
from shared.base.clock import OffsetClock
from shared.hall import Hall
from shared.store.feed import Feed, FeedEvent, FeedItem

FLOOR_P95_MS = {"PostgreSQL": 50.0, "SQLite": 300.0}
FLOOR_SIZE = (1920, 1080)
WARM_WINDOW = (6, "1006")
WARM_SERVICE = "bdc-dj"
WARM_CALLS = 3
LAST_PAINT_S = 2.0
SUPERVISOR = ("1015", "demo1234")


@dataclass
class Painted:
    number: str
    window: int
    received: float  # the feed yielded its call (0: not noted)
    painted: float  # the tile's label painted with it


@dataclass
class FloorLog:
    role: str
    name: str
    tiles: list[Painted] = field(default_factory=list)
    reads: int = 0  # floor reads shown
    cpu_seconds: float = 0.0
    error: str | None = None


class _FloorFeed(Feed):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: dict[str, float] = {}  # a called number → when its call came
        self.listening = threading.Event()

    def events(self, after: int | None = None) -> Iterator[FeedItem]:
        for item in super().events(after):
            if isinstance(item, FeedEvent) and item.kind == "called" and item.number:
                self.received.setdefault(item.number, time.time())
            yield item

    def _wait(self) -> None:
        self.listening.set()
        super()._wait()


def supervisor_floor(
    url: str, begin: Any, ready: Any, until: Any, stop: Any, start: datetime
) -> FloorLog:
    """The floor, offscreen, signed in as a supervisor; ``ready`` released once its feed
    listens and at each paint of a warm-up call. Ends once it has taken event ``until``
    and painted, or at ``stop``."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from counter.floor_view import FloorView
    from shared.qt.feed_bridge import FeedBridge
    from shared.qt.headless import quiet_platform
    from shared.qt.i18n import set_language
    from shared.qt.tasks import Worker

    log = FloorLog("display", "supervisor floor")
    app = QApplication.instance() or QApplication([])
    qInstallMessageHandler(quiet_platform)
    set_language("zh")
    begin.wait()
    hall = Hall.connect(url, clock=OffsetClock(start))
    token = hall.sign_in_supervisor(*SUPERVISOR, "bench").token
    connected = _FloorFeed.connect(url)
    assert isinstance(connected, _FloorFeed)
    feed: _FloorFeed = connected
    bridge = FeedBridge(url, feed_factory=lambda: feed)
    db = Worker("db")
    view = FloorView(hall, db=db, lang="zh")
    view.resize(*FLOOR_SIZE)
    bridge.event_received.connect(view.on_event)
    seen = [0]
    bridge.event_received.connect(lambda ev: seen.__setitem__(0, ev.id))
    painted: dict[str, Painted] = {}
    cpu0 = [time.process_time()]
    watched: set[int] = set()

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            obj.event(event)  # paint now, to note when it is painted
            done = time.time()
            number = obj.text()  # type: ignore[attr-defined]
            if number and number not in painted:
                window = int(obj.property("window"))
                received = feed.received.get(number, 0.0)
                painted[number] = Painted(number, window, received, done)
                log.tiles.append(painted[number])
                if window == WARM_WINDOW[0]:
                    cpu0[0] = time.process_time()
                    ready.release()
            return True

    watch = PaintWatch()

    def on_shown(_floor: object) -> None:
        log.reads += 1
        for n, tile in view.tiles.items():
            if id(tile.ticket) not in watched:
                watched.add(id(tile.ticket))
                tile.ticket.setProperty("window", n)
                tile.ticket.installEventFilter(watch)

    view.floor_shown.connect(on_shown)
    view.show()
    view.start(token)
    bridge.start()
    told = [False]
    reached = [0.0]

    def housekeeping() -> None:
        if not told[0] and feed.listening.is_set() and log.reads:
            told[0] = True
            ready.release()
        if stop.is_set():
            app.quit()
        elif until.value and seen[0] >= until.value:
            reached[0] = reached[0] or time.monotonic()
            if time.monotonic() - reached[0] > LAST_PAINT_S:
                app.quit()

    timer = QTimer()
    timer.timeout.connect(housekeeping)
    timer.start(50)
    try:
        app.exec()
        log.cpu_seconds = time.process_time() - cpu0[0]
    finally:
        timer.stop()
        bridge.stop()
        db.close()
        view.close()
        hall.close()
    return log


def _warm_up(url: str, ready: Any, start: datetime, timeout: float = 120) -> None:
    if not ready.acquire(timeout=timeout):
        raise TimeoutError("the floor did not start listening")
    window, clerk = WARM_WINDOW
    with Hall.connect(url, clock=OffsetClock(start), pool_size=1) as hall:
        for _ in range(WARM_CALLS):
            hall.issue_ticket(WARM_SERVICE)
            hall.call_next(window, clerk)
            if not ready.acquire(timeout=timeout):
                raise TimeoutError("the floor did not paint a warm-up call")
            hall.end_service(window, clerk)


@dataclass
class FloorLatency:
    database: str
    settings: dict[str, str]
    windows: list[int]
    seconds: float
    calls: int
    calls_per_s: float
    latency: Summary  # commit → the tile painted with the number
    commit_to_received: Summary
    received_to_painted: Summary
    painted: int  # calls painted on their tile
    passed_by: int  # called and gone before a read showed them
    reads: int  # floor reads shown
    floor_cpu_s: float
    load_average_before: list[float]
    load_average_after: list[float]
    cpu: CpuShare | None = None

    @property
    def goal_ms(self) -> float:
        return FLOOR_P95_MS[self.database]

    @property
    def correct(self) -> bool:
        return True  # what a tile shows is the floor now; nothing can be lost

    def failures(self) -> list[str]:
        return []


def _analyse(
    database: str, settings: dict[str, str], plan: FeedPlan, logs: list[CounterLog], floor: FloorLog
) -> FloorLatency:
    made = {number: at for log in logs for number, at in log.calls}
    by_number = {p.number: p for p in floor.tiles}
    timed = [(at, by_number[n]) for n, at in made.items() if n in by_number]
    noted = [(c, p) for c, p in timed if p.received]
    calls = sum(len(log.calls) for log in logs)
    return FloorLatency(
        database=database,
        settings=settings,
        windows=[w for w, _c in FEED_WINDOWS],
        seconds=plan.seconds,
        calls=calls,
        calls_per_s=calls / plan.seconds,
        latency=Summary.of([p.painted - c for c, p in timed]),
        commit_to_received=Summary.of([p.received - c for c, p in noted]),
        received_to_painted=Summary.of([p.painted - p.received for _c, p in noted]),
        painted=len(timed),
        passed_by=len(made) - len(timed),
        reads=floor.reads,
        floor_cpu_s=floor.cpu_seconds,
        load_average_before=[],
        load_average_after=[],
    )


def floor_latency(
    database: str,
    url: str,
    settings: dict[str, str],
    plan: FeedPlan,
    start: datetime,
    *,
    postmaster_pid: int | None = None,
    progress: Any = print,
    timeout: float = 900,
) -> FloorLatency:
    progress(
        f"floor latency on {database}: {len(FEED_WINDOWS)} counters issue "
        f"{plan.tickets_per_window} tickets each, then call for {plan.seconds:.0f} s; "
        "the supervisor's floor, offscreen ..."
    )
    run = run_paced(
        Rig.make(),
        url,
        plan,
        start,
        supervisor_floor,
        lambda url, ready: _warm_up(url, ready, start),
        display_args=(start,),
        calling=f"floor latency on {database}: the floor painted its warm-up calls; calling ...",
        postmaster_pid=postmaster_pid,
        progress=progress,
        timeout=timeout,
    )
    logs = [r for r in run.results if r.role == "counter"]
    floor = next(r for r in run.results if r.role == "display")
    if floor.error:
        raise RuntimeError(f"the floor failed: {floor.error}")
    outcome = _analyse(database, settings, plan, logs, floor)
    outcome.cpu = run.cpu
    outcome.load_average_before, outcome.load_average_after = run.load_before, run.load_after
    progress(
        f"floor latency on {database}: {outcome.painted} calls painted, p95 commit → painted "
        f"{outcome.latency.p95_ms:.1f} ms"
    )
    return outcome


def print_floor(r: FloorLatency) -> None:
    met = "met" if r.latency.p95_ms < r.goal_ms else "MISSED"
    print()
    print(
        f"Supervisor's floor on {r.database}: commit at a counter → the window's tile "
        f"repainted with the number (another process), {len(r.windows)} counters, "
        f"{r.seconds:.0f} s, {r.calls} calls = {r.calls_per_s:.1f} calls/s"
    )
    print(
        f"  the floor: counter.floor_view.FloorView {FLOOR_SIZE[0]}×{FLOOR_SIZE[1]}, offscreen, "
        f"the whole floor read per burst of events ({r.reads} reads); "
        f"{r.floor_cpu_s:.1f} s CPU"
    )
    print_conditions(r.settings, r.load_average_before, r.load_average_after)
    print(
        _line("floor: commit → tile painted", r.latency)
        + f"   [goal p95 < {r.goal_ms:.0f} ms: {met}]"
    )
    print(_line("  commit → received (its feed)", r.commit_to_received))
    print(_line("  received → tile painted", r.received_to_painted))
    print(
        f"  calls: {r.painted} painted on their tile; {r.passed_by} called and finished "
        "before the next read (never on a tile)"
    )
    if r.cpu is not None:
        print(f"  {r.cpu.line()}")
