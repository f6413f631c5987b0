"""The display scenario: a call committed at a counter → the lobby display's repaint
showing it, in another process.

The counters are those of the feed scenario (`bench.feedlatency`): ten processes
(windows 1–5 and 7–11) call, start and finish tickets at the same paced, jittered rate,
each noting ``time.time()`` right after its ``call_next`` returned, so after the commit.
The display is the real one: `kiosk.display.LobbyDisplay` at 1920×1080 with its
`FeedBridge`, offscreen, in a process of its own with its own Qt event loop
(``app.exec()``, as in the hall). Processes on one Linux machine share the clock. For each
call the display notes:

* **received**: the bridge's feed (`shared.store.feed.Feed`, in the bridge's thread) yielded
  the event: the feed scenario's figure, here inside the display's own process;
* **shown**: the display emitted ``call_shown`` (its labels set, on the GUI thread);
* **painted**: the first paint of the newest call's number (the ``newest_number`` label)
  after that. An event filter on the label paints it on ``QEvent.Paint`` and notes the
  time once the label is painted;
* **copied to the screen**: that repaint of the window was done (every changed widget
  painted) and copied to the screen: an event filter on the window does its
  ``UpdateRequest`` and notes the time after.

Reported: commit → painted, split into those steps, and commit → on the screen; the goals
(p95 < 50 ms on PostgreSQL, < 300 ms on SQLite) are reported, never failed. When calls
come faster than the display repaints, several are shown before one paint: the earlier
numbers are then painted in the list of recent calls, not as the newest. They are timed
at that same paint and counted apart ("coalesced"). Not measured: a real screen's
refresh (up to 16.7 ms at 60 Hz) and its own input lag.

Every call a counter made must be shown once (else the run fails, as a lost feed event
does); the display's CPU time is reported.

The display reads the hall once the counters have issued their tickets (as the feed
scenario's display does), so the feed then carries the calls, starts and finishes. Before
the start it is warmed up: once its feed has done its first read, the bench calls three
tickets at window 6, one at a time, each once the display has painted the last. Window
6 serves only bdc-dj, which no counter issues, and each warm-up ticket is called at once,
so no counter ever sees one. The display does not speak (the voice scenario measures
that).
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

#: The goals of the issue for p95 (reported, never failed).
DISPLAY_P95_MS = {"PostgreSQL": 50.0, "SQLite": 300.0}
DISPLAY_SIZE = (1920, 1080)
#: The warm-up calls: window 6 with its A-post clerk, for its only service.
WARM_WINDOW = (6, "1006")
WARM_SERVICE = "bdc-dj"
WARM_CALLS = 3
#: The display, once it has seen the last event, waits at most this long for a paint.
LAST_PAINT_S = 2.0


# -- the display process ---------------------------------------------------------------


@dataclass
class Shown:
    """One call on the display, its times by the shared clock (``time.time()``)."""

    event_id: int
    number: str
    window: int
    received: float  # the feed yielded the event (0: not noted)
    shown: float  # call_shown: the labels set
    paint_began: float = 0.0  # the paint of the newest number began (0: never painted)
    painted: float = 0.0  # ... and was done
    framed: float = 0.0  # that repaint was done and copied to the screen (0: not noted)
    painted_as: str = ""  # "newest"; "list": in the recent calls, a later call the newest


@dataclass
class DisplayLog:
    role: str
    name: str
    calls: list[Shown] = field(default_factory=list)
    paints: int = 0  # paints of the newest number that showed a call for the first time
    cpu_seconds: float = 0.0
    error: str | None = None


class _DisplayFeed(Feed):
    """The display's feed: `shared.store.feed.Feed`, also noting when it yielded each event and
    when its first read was done (from then on every commit reaches it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: dict[int, float] = {}  # event id → when it was yielded
        self.listening = threading.Event()

    def events(self, after: int | None = None) -> Iterator[FeedItem]:
        for item in super().events(after):
            if isinstance(item, FeedEvent):
                self.received[item.id] = time.time()
            yield item

    def _wait(self) -> None:
        self.listening.set()
        super()._wait()


def lobby_display(
    url: str, begin: Any, ready: Any, until: Any, stop: Any, start: datetime
) -> DisplayLog:
    """The lobby display, offscreen. Once ``begin`` is set it reads the hall and follows
    the feed; ``ready`` is released once its feed has done its first read, and again at
    each paint that shows a warm-up call. Ends once it has taken event id ``until`` (set
    by the parent when the counters are done) and painted what it showed, or at ``stop``."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window on the desk
    from PySide6.QtCore import QEvent, QObject, QSize, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.display import LobbyDisplay
    from shared.qt.feed_bridge import FeedBridge
    from shared.qt.headless import quiet_platform
    from shared.qt.i18n import set_language
    from shared.rules.lobby import LobbyCall

    log = DisplayLog("display", "lobby display")
    app = QApplication.instance() or QApplication([])
    qInstallMessageHandler(quiet_platform)
    set_language("zh")
    begin.wait()
    hall = Hall.connect(url, clock=OffsetClock(start))
    feed = _DisplayFeed.connect(url)
    assert isinstance(feed, _DisplayFeed)
    bridge = FeedBridge(url, feed_factory=lambda: feed)
    display = LobbyDisplay(hall, bridge=bridge, size=QSize(*DISPLAY_SIZE))
    label = display.newest_number
    pending: list[Shown] = []  # shown, not painted yet
    unframed: list[Shown] = []  # painted in the repaint under way
    cpu0 = [time.process_time()]  # from the last warm-up call's paint on: the run
    seen = [0]  # the last event id the display has taken (on the GUI thread)

    def on_shown(call: LobbyCall) -> None:
        received = feed.received.get(call.event_id, 0.0)
        s = Shown(call.event_id, call.number, call.window_no, received, time.time())
        log.calls.append(s)
        pending.append(s)

    def on_event(ev: FeedEvent) -> None:
        seen[0] = ev.id

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not pending:
                return False
            if event.type() == QEvent.Type.UpdateRequest:  # the window's repaint
                watched.event(event)  # paint what changed, copy it to the screen
                done = time.time()
                for s in unframed:
                    s.framed = done
                unframed.clear()
                return True
            if event.type() != QEvent.Type.Paint or watched is not label:
                return False
            began = time.time()
            watched.event(event)  # paint the label now, to note when it is painted
            done = time.time()
            newest = label.text()
            listed = {number.text() for number, _window in display.rows}
            for s in pending:
                s.paint_began, s.painted = began, done
                if s.number == newest:
                    s.painted_as = "newest"
                elif s.number in listed:
                    s.painted_as = "list"
            if any(s.window == WARM_WINDOW[0] for s in pending):
                cpu0[0] = time.process_time()
                ready.release()
            unframed.extend(pending)
            pending.clear()
            log.paints += 1
            return True  # painted here, once

    watch = PaintWatch()
    label.installEventFilter(watch)
    display.installEventFilter(watch)
    display.call_shown.connect(on_shown)
    bridge.event_received.connect(on_event)  # after the display's own slot
    display.show()
    told = [False]
    reached = [0.0]

    def housekeeping() -> None:
        if not told[0] and feed.listening.is_set():  # our slots are connected by now
            told[0] = True
            ready.release()
        if stop.is_set():
            app.quit()
        elif until.value and seen[0] >= until.value:
            reached[0] = reached[0] or time.monotonic()
            if not pending or time.monotonic() - reached[0] > LAST_PAINT_S:
                app.quit()

    timer = QTimer()
    timer.timeout.connect(housekeeping)
    timer.start(50)
    try:
        app.exec()
        log.cpu_seconds = time.process_time() - cpu0[0]
    finally:
        timer.stop()
        label.removeEventFilter(watch)
        display.removeEventFilter(watch)
        bridge.stop()
        display.close()
        hall.close()
    return log


# -- the warm-up, in the parent ----------------------------------------------------------


def _warm_up(url: str, ready: Any, start: datetime, timeout: float = 120) -> None:
    """Wait until the display listens, then call `WARM_CALLS` tickets at window 6, each
    once the display has painted the last."""
    if not ready.acquire(timeout=timeout):
        raise TimeoutError("the display did not start listening")
    window, clerk = WARM_WINDOW
    with Hall.connect(url, clock=OffsetClock(start), pool_size=1) as hall:
        for _ in range(WARM_CALLS):
            hall.issue_ticket(WARM_SERVICE)
            hall.call_next(window, clerk)
            if not ready.acquire(timeout=timeout):
                raise TimeoutError("the display did not paint a warm-up call")
            hall.end_service(window, clerk)


# -- the result --------------------------------------------------------------------------


@dataclass
class DisplayLatency:
    database: str
    settings: dict[str, str]
    windows: list[int]
    seconds: float
    pause_ms: tuple[float, float]
    size: tuple[int, int]
    calls: int  # calls the counters made
    calls_per_s: float
    writes_per_s: float
    latency: Summary  # commit → painted, every call the display showed and painted
    latency_on_screen: Summary  # commit → that repaint done and copied to the screen
    commit_to_received: Summary  # the display's own feed yielded the event
    received_to_shown: Summary  # the GUI thread took it and set the labels
    shown_to_painted: Summary  # the first paint of the newest number after that
    label_paint: Summary  # that paint itself
    painted_to_framed: Summary  # the rest of that repaint and its copy to the screen
    shown: int  # counter calls shown
    painted_as_newest: int
    coalesced: int  # painted only in the list: a later call was already the newest
    painted_off_list: int  # so many later calls before the paint that it was not listed
    paints: int  # paints of the newest number that showed a call for the first time
    never_painted: int  # shown, but no paint came before the display ended
    missing: int  # calls a counter made that the display never showed
    repeated: int  # calls shown more than once
    unknown: int  # calls shown that no counter made (besides the warm-up calls)
    warm_up: int  # the warm-up calls shown
    negative: int  # received before the counter had noted its commit
    display_cpu_s: float
    load_average_before: list[float]
    load_average_after: list[float]
    cpu: CpuShare | None = None
    #: The feed scenario's p95 (a bare `Feed` in a process of its own), when it ran in
    #: the same invocation.
    feed_scenario_p95_ms: float | None = None

    @property
    def goal_ms(self) -> float:
        return DISPLAY_P95_MS[self.database]

    @property
    def correct(self) -> bool:
        return not (self.missing or self.repeated or self.unknown)

    def failures(self) -> list[str]:
        """A call not shown, or shown twice; speed goals are reported, not failed."""
        if self.correct:
            return []
        return [
            f"display on {self.database}: calls {self.missing} not shown, {self.repeated} "
            f"shown twice, {self.unknown} unknown"
        ]


def _analyse(
    database: str,
    settings: dict[str, str],
    plan: FeedPlan,
    logs: list[CounterLog],
    display: DisplayLog,
) -> DisplayLatency:
    made = {number: at for log in logs for number, at in log.calls}
    calls = sum(len(log.calls) for log in logs)
    writes = sum(log.writes for log in logs)
    by_number: dict[str, list[Shown]] = {}
    for s in display.calls:
        by_number.setdefault(s.number, []).append(s)
    timed = [
        (committed, by_number[number][0])
        for number, committed in made.items()
        if number in by_number and by_number[number][0].painted
    ]
    noted = [(c, s) for c, s in timed if s.received]
    ours = [got[0] for number, got in by_number.items() if number in made]
    warm = [s for s in display.calls if s.number not in made and s.window == WARM_WINDOW[0]]
    return DisplayLatency(
        database=database,
        settings=settings,
        windows=[w for w, _c in FEED_WINDOWS],
        seconds=plan.seconds,
        pause_ms=(plan.pause_s[0] * 1000, plan.pause_s[1] * 1000),
        size=DISPLAY_SIZE,
        calls=calls,
        calls_per_s=calls / plan.seconds,
        writes_per_s=writes / plan.seconds,
        latency=Summary.of([s.painted - c for c, s in timed]),
        latency_on_screen=Summary.of([s.framed - c for c, s in timed if s.framed]),
        commit_to_received=Summary.of([s.received - c for c, s in noted]),
        received_to_shown=Summary.of([s.shown - s.received for _c, s in noted]),
        shown_to_painted=Summary.of([s.painted - s.shown for _c, s in timed]),
        label_paint=Summary.of([s.painted - s.paint_began for _c, s in timed]),
        painted_to_framed=Summary.of([s.framed - s.painted for _c, s in timed if s.framed]),
        shown=len(ours),
        painted_as_newest=sum(1 for s in ours if s.painted_as == "newest"),
        coalesced=sum(1 for s in ours if s.painted_as == "list"),
        painted_off_list=sum(1 for s in ours if s.painted and not s.painted_as),
        paints=display.paints,
        never_painted=sum(1 for s in ours if not s.painted),
        missing=sum(1 for n in made if n not in by_number) + (calls - len(made)),
        repeated=sum(1 for got in by_number.values() if len(got) > 1),
        unknown=sum(1 for n in by_number if n not in made) - len(warm),
        warm_up=len(warm),
        negative=sum(1 for c, s in noted if s.received < c),
        display_cpu_s=display.cpu_seconds,
        load_average_before=[],
        load_average_after=[],
    )


# -- running it --------------------------------------------------------------------------


def display_latency(
    database: str,
    url: str,
    settings: dict[str, str],
    plan: FeedPlan,
    start: datetime,
    *,
    postmaster_pid: int | None = None,
    progress: Any = print,
    timeout: float = 900,
) -> DisplayLatency:
    progress(
        f"display latency on {database}: {len(FEED_WINDOWS)} counters issue "
        f"{plan.tickets_per_window} tickets each, then call for {plan.seconds:.0f} s; "
        "the lobby display, offscreen ..."
    )
    run = run_paced(
        Rig.make(),
        url,
        plan,
        start,
        lobby_display,
        lambda url, ready: _warm_up(url, ready, start),
        display_args=(start,),
        calling=f"display latency on {database}: the display painted its warm-up calls; "
        "calling ...",
        postmaster_pid=postmaster_pid,
        progress=progress,
        timeout=timeout,
    )
    logs = [r for r in run.results if r.role == "counter"]
    display = next(r for r in run.results if r.role == "display")
    outcome = _analyse(database, settings, plan, logs, display)
    outcome.cpu = run.cpu
    outcome.load_average_before, outcome.load_average_after = run.load_before, run.load_after
    progress(
        f"display latency on {database}: {outcome.shown} calls shown, p95 commit → painted "
        f"{outcome.latency.p95_ms:.1f} ms"
    )
    return outcome


# -- the report --------------------------------------------------------------------------


def print_display(r: DisplayLatency) -> None:
    goal = f"{r.goal_ms:.0f} ms"
    met = "met" if r.latency.p95_ms < r.goal_ms else "MISSED"
    on_screen = "met" if r.latency_on_screen.p95_ms < r.goal_ms else "MISSED"
    windows = ", ".join(str(w) for w in r.windows)
    print()
    print(
        f"Lobby display on {r.database}: commit at a counter → the display's repaint showing "
        f"it (another process), {len(r.windows)} counters, {r.seconds:.0f} s"
    )
    print(
        f"  windows {windows}; each pauses {r.pause_ms[0]:.0f}–{r.pause_ms[1]:.0f} ms "
        f"(uniform) before each call, start and finish: {r.calls} calls = "
        f"{r.calls_per_s:.1f} calls/s, {r.writes_per_s:.1f} writes/s"
    )
    print(
        f"  the display: kiosk.display.LobbyDisplay {r.size[0]}×{r.size[1]}, offscreen, its "
        f"own process and event loop; {r.display_cpu_s:.1f} s CPU "
        f"({100 * r.display_cpu_s / r.seconds:.0f} % of a core over the run's {r.seconds:.0f} s)"
    )
    print_conditions(r.settings, r.load_average_before, r.load_average_after)
    print(_line("display: commit → painted", r.latency) + f"   [goal p95 < {goal}: {met}]")
    print(_line("  commit → received (its feed)", r.commit_to_received))
    print(_line("  received → shown (GUI)", r.received_to_shown))
    print(_line("  shown → painted", r.shown_to_painted))
    print(_line("  of which the label's paint", r.label_paint))
    print(_line("  then → repaint on the screen", r.painted_to_framed))
    print(
        _line("display: commit → on screen", r.latency_on_screen)
        + f"   [goal p95 < {goal}: {on_screen}]"
    )
    if r.feed_scenario_p95_ms is None:
        print(
            "  the feed scenario (a bare Feed in a process of its own) did not run in this "
            "invocation; `--scenario all` runs both"
        )
    else:
        print(
            f"  the feed scenario in this invocation (a bare Feed in a process of its own): "
            f"p95 commit → received {r.feed_scenario_p95_ms:.1f} ms"
        )
    good = "ok" if r.correct else "MISSED"
    print(
        f"  calls: {r.shown} shown by the display in {r.paints} paints; {r.painted_as_newest} "
        f"painted as the newest, {r.coalesced} coalesced (painted in the list, a later call "
        f"already the newest), {r.painted_off_list} off the list by then, {r.never_painted} "
        f"never painted; {r.missing} not shown, "
        f"{r.repeated} shown twice, {r.unknown} unknown   [each once: {good}]"
    )
    if r.negative:
        print(
            f"  received before the counter had noted its commit (clock reading order): "
            f"{r.negative} calls"
        )
    if r.cpu is not None:
        print(f"  {r.cpu.line()}")
