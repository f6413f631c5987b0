"""The feed-latency scenario: a call committed at a counter, received by a display.

Ten counter processes call, start and finish tickets at a paced, jittered rate (not flat
out: the point is latency, not throughput). Each notes ``time.time()`` right after its
``call_next`` returned, so after the commit. A display process reads
``Feed.connect(url).events(after=None)`` and notes ``time.time()`` as each event is
yielded. Processes on one Linux machine share the clock, so receive − commit is the
latency of a call reaching the hall's screens.

Tickets are issued before the start signal, by the counter processes themselves, each for
the services of its own window, from the bench's clock (a Tuesday, 10:00 Asia/Shanghai, in
real time from there). So during the measurement the feed carries only called, started
and finished events, and supply follows demand service by service.

On PostgreSQL a raw LISTEN/NOTIFY round trip is measured in the same run with psycopg 3:
one process LISTENs, another sends ``NOTIFY`` in a transaction of its own and notes the
time after its commit. Once during the feed run (the same load) and once on the idle
server afterwards. SQLite has no notification: the feed reads every
``shared.store.feed.POLL_SECONDS``, which is the expected bound.

The display's feed is `shared.store.feed.Feed` with one addition: it also notes when its wait
ended (a notification arrived, or the poll interval passed), which splits each latency
into commit → wake and wake → received (the read).
"""

from __future__ import annotations

import itertools
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import func, select

from bench.cpu import CpuMeter, CpuShare
from bench.databases import _plain
from bench.stats import Summary
from bench.workload import _gather, _Job, _reap, _run, _start, process_context
from shared.base.clock import OffsetClock
from shared.hall import Hall
from shared.store import feed as shared_feed
from shared.store.db import connect
from shared.store.feed import Feed, FeedEvent
from shared.store.model import Event

#: Windows 1–5 and 7–11 with their A-post clerks. Window 6 serves only bdc-dj, which has
#: a daily cap of 40 tickets, so it would fall silent within seconds; window 12 is the
#: help desk (the bench pauses and resumes it to check the display is listening).
FEED_WINDOWS = [(n, f"10{n:02d}") for n in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11)]
#: The services each window serves that have no daily cap (sfz-bl has time slots, open
#: at 10:00). Each counter issues its tickets for these, evenly.
_ALL = ["qy-bg", "qy-zx", "gt-zc", "sw-xb", "sb-cb", "yb-yd", "yl-dy", "sfz-bl", "tz-ba"]
WINDOW_SERVICES: dict[int, list[str]] = {
    1: ["qy-bg", "qy-zx", "gt-zc", "sw-xb"],
    2: ["qy-bg", "qy-zx", "gt-zc", "sw-xb"],
    3: ["gt-zc"],
    4: ["sb-cb", "yb-yd", "yl-dy", "sfz-bl"],
    5: ["sfz-bl"],
    7: ["tz-ba"],
    8: _ALL,
    9: _ALL,
    10: ["yb-yd", "sb-cb"],
    11: ["sw-xb", "sb-cb"],
}
PROBE_WINDOW = (12, "1012")
#: The raw NOTIFY sender pauses this long before each notification (about the rate at
#: which the hall's counters commit).
RAW_PAUSE_S = (0.005, 0.025)
RAW_CHANNEL = "yimen_bench_raw"

# The targets of the issue: p95 of commit → received.
FEED_P95_MS = {"PostgreSQL": 50.0, "SQLite": 300.0}


@dataclass(frozen=True)
class FeedPlan:
    seconds: float  # how long the counters call
    tickets_per_window: int  # issued by each counter before the start signal
    raw_idle: int  # raw notifications on the idle server afterwards
    #: Each counter pauses this long (uniformly random) before each call, start and finish.
    pause_s: tuple[float, float] = (0.05, 0.2)


FEED_QUICK = FeedPlan(seconds=5, tickets_per_window=20, raw_idle=200)
FEED_FULL = FeedPlan(seconds=60, tickets_per_window=300, raw_idle=2000)


# -- the processes ---------------------------------------------------------------------


@dataclass
class CounterLog:
    role: str
    name: str
    calls: list[tuple[str, float]] = field(default_factory=list)  # (number, time after commit)
    empty_calls: int = 0
    writes: int = 0  # calls that found a ticket, starts and finishes
    write_latencies: list[float] = field(default_factory=list)  # seconds, call to return
    issued: int = 0
    cpu_seconds: float = 0.0
    error: str | None = None


@dataclass
class SubscriberLog:
    role: str
    name: str
    # (id, kind, number, received at, the feed's wait ended at), in the order yielded.
    events: list[tuple[int, str, str | None, float, float]] = field(default_factory=list)
    cpu_seconds: float = 0.0
    error: str | None = None


@dataclass
class RawLog:
    role: str
    name: str
    times: dict[int, float] = field(default_factory=dict)  # sequence number → time
    repeated: int = 0
    cpu_seconds: float = 0.0
    error: str | None = None


def paced_counter(
    url: str,
    window: int,
    clerk: str,
    start: datetime,
    tickets: int,
    seed: int,
    seconds: float,
    pause_s: tuple[float, float],
    ready: Any,
    go: Any,
) -> CounterLog:
    """Issue ``tickets`` for the window's services; after the start signal, for
    ``seconds``: pause, call, pause, start, pause, finish."""
    log = CounterLog("counter", f"window-{window}")
    rng = random.Random(seed)
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        services = WINDOW_SERVICES[window]
        for i in range(tickets):
            hall.issue_ticket(services[i % len(services)])
            log.issued += 1
        ready.release()
        go.wait()
        cpu0 = time.process_time()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(rng.uniform(*pause_s))
            began = time.perf_counter()
            t = hall.call_next(window, clerk)
            committed = time.time()
            if t is None:
                log.empty_calls += 1
                continue
            log.calls.append((t.number, committed))
            log.write_latencies.append(time.perf_counter() - began)
            for op in (hall.start, hall.finish):
                time.sleep(rng.uniform(*pause_s))
                began = time.perf_counter()
                op(window, clerk)
                log.write_latencies.append(time.perf_counter() - began)
        log.writes = len(log.write_latencies)
        log.cpu_seconds = time.process_time() - cpu0
    finally:
        hall.close()
    return log


class _TimedFeed(Feed):
    """`Feed`, noting when each wait for something new ended."""

    woke = 0.0

    def _wait(self) -> None:
        super()._wait()
        self.woke = time.time()


def subscriber(url: str, begin: Any, ready: Any, until: Any, stop: Any) -> SubscriberLog:
    """Once ``begin`` is set, read the feed from now on; ``ready`` is released at the
    first event. Ends once it has seen event id ``until`` (set by the parent when the
    counters are done), or when ``stop`` is set."""
    log = SubscriberLog("subscriber", "display")
    feed = _TimedFeed.connect(url)
    seen = [0]

    def closer() -> None:
        while not stop.wait(0.05):
            if until.value and seen[0] >= until.value:
                break
        feed.close()

    begin.wait()
    threading.Thread(target=closer, daemon=True).start()
    cpu0 = time.process_time()
    first = True
    for item in feed.events(after=None):
        if not isinstance(item, FeedEvent):
            log.events.append((0, item.kind, None, time.time(), 0.0))  # connection change
            continue
        received = time.time()
        log.events.append((item.id, item.kind, item.number, received, feed.woke or received))
        seen[0] = item.id
        if first:
            first = False
            ready.release()
    log.cpu_seconds = time.process_time() - cpu0
    return log


def raw_listener(url: str, ready: Any, expected: Any, stop: Any) -> RawLog:
    """LISTEN with psycopg 3; note when each notification arrives, until ``expected``
    (set by the sender's parent) have arrived, or ``stop``."""
    log = RawLog("raw-listener", "raw listener")
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute(f"LISTEN {RAW_CHANNEL}".encode())
        ready.release()
        cpu0 = time.process_time()
        while not stop.is_set():
            for n in conn.notifies(timeout=0.05):
                received = time.time()
                seq = int(n.payload)
                if seq in log.times:
                    log.repeated += 1
                log.times[seq] = received
            if expected.value and len(log.times) >= expected.value:
                break
        log.cpu_seconds = time.process_time() - cpu0
    return log


def raw_notifier(
    url: str, count: int | None, seconds: float | None, seed: int, ready: Any, go: Any
) -> RawLog:
    """After ``go``: pause, ``NOTIFY`` in a transaction of its own, note the time after
    the commit; ``count`` times, or for ``seconds``."""
    log = RawLog("raw-notifier", "raw notifier")
    rng = random.Random(seed)
    with psycopg.connect(_plain(url)) as conn:
        ready.release()
        go.wait()
        cpu0 = time.process_time()
        deadline = time.monotonic() + (seconds or 0.0)
        seq = 0
        while (count is not None and seq < count) or (
            count is None and time.monotonic() < deadline
        ):
            time.sleep(rng.uniform(*RAW_PAUSE_S))
            seq += 1
            conn.execute(f"NOTIFY {RAW_CHANNEL}, '{seq}'".encode())
            conn.commit()
            log.times[seq] = time.time()
        log.cpu_seconds = time.process_time() - cpu0
    return log


# -- the results -----------------------------------------------------------------------


@dataclass
class RawResult:
    label: str
    sent: int
    received: int
    missing: int
    repeated: int
    latency: Summary


@dataclass
class FeedLatency:
    database: str
    settings: dict[str, str]
    windows: list[int]
    seconds: float
    pause_ms: tuple[float, float]
    issued: int
    calls: int
    empty_calls: int
    by_window: dict[str, list[int]]  # window → [calls, calls that found nobody]
    writes: int
    calls_per_s: float
    writes_per_s: float
    write_latency: Summary  # call/start/finish, call to return, in the counters
    latency: Summary  # commit → received, the calls
    commit_to_wake: Summary
    wake_to_received: Summary
    negative: int  # received before the counter noted its commit had returned
    events: int  # events the display received after its first
    missing_events: int  # in the database after the display's first event, not received
    repeated_ids: int
    out_of_order: int  # ids not strictly increasing
    calls_missing: int  # calls a counter made that the display never received as called
    calls_repeated: int  # calls received more than once
    calls_unknown: int  # called events received that no counter reported
    connection_changes: int
    poll_ms: float | None  # SQLite: the feed's poll interval
    raw: list[RawResult]
    load_average_before: list[float]
    load_average_after: list[float]
    cpu: CpuShare | None = None

    @property
    def target_ms(self) -> float:
        return FEED_P95_MS[self.database]

    @property
    def correct(self) -> bool:
        return not (
            self.missing_events
            or self.repeated_ids
            or self.out_of_order
            or self.calls_missing
            or self.calls_repeated
            or self.calls_unknown
        )

    def failures(self) -> list[str]:
        bad = []
        if not self.correct:
            bad.append(
                f"feed on {self.database}: {self.missing_events} events missing, "
                f"{self.repeated_ids} repeated, {self.out_of_order} out of order; calls "
                f"{self.calls_missing} missing, {self.calls_repeated} repeated, "
                f"{self.calls_unknown} unknown"
            )
        if self.latency.p95_ms >= self.target_ms:
            bad.append(
                f"feed on {self.database}: p95 commit → received {self.latency.p95_ms:.0f} ms "
                f"≥ {self.target_ms:.0f} ms"
            )
        return bad


# -- running it ------------------------------------------------------------------------


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _raw_result(label: str, sender: RawLog, listener: RawLog) -> RawResult:
    got = [listener.times[k] - t for k, t in sender.times.items() if k in listener.times]
    return RawResult(
        label=label,
        sent=len(sender.times),
        received=len(listener.times),
        missing=sum(1 for k in sender.times if k not in listener.times),
        repeated=listener.repeated,
        latency=Summary.of(got),
    )


def _max_event_id(url: str) -> int:
    db = connect(url, pool_size=1)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0)
    finally:
        db.dispose()


def _event_ids_after(url: str, after: int) -> list[int]:
    db = connect(url, pool_size=1)
    try:
        with db.read() as s:
            return list(s.scalars(select(Event.id).where(Event.id > after).order_by(Event.id)))
    finally:
        db.dispose()


def _probe_until_seen(url: str, ready: Any, timeout: float = 60) -> None:
    """Pause and resume the help desk until the display has received an event: then it
    is listening, and every later commit reaches it."""
    window, clerk = PROBE_WINDOW
    deadline = time.monotonic() + timeout
    with Hall.connect(url, pool_size=1) as hall:
        while not ready.acquire(timeout=0.3):
            if time.monotonic() > deadline:
                raise TimeoutError("the display received nothing")
            hall.pause(window, clerk, "bench probe")
            hall.resume(window, clerk)


def raw_idle(url: str, count: int, timeout: float = 600) -> RawResult:
    """The raw LISTEN/NOTIFY round trip on the otherwise idle server."""
    ctx = process_context("bench.feedlatency")
    out, go, ready, stop = ctx.Queue(), ctx.Event(), ctx.Semaphore(0), ctx.Event()
    expected = ctx.Value("q", 0)
    procs = _start(
        ctx,
        [
            _Job(raw_listener, (url, ready, expected, stop)),
            _Job(raw_notifier, (url, count, None, 2, ready, go)),
        ],
        out,
        ready,
        timeout,
    )
    go.set()
    expected.value = count
    try:
        results = _gather(procs, out, timeout)
    finally:
        stop.set()
    by_role = {r.role: r for r in results}
    return _raw_result("raw NOTIFY, idle server", by_role["raw-notifier"], by_role["raw-listener"])


@dataclass
class Rig:
    """What the run's processes share: the result queue and the signals."""

    ctx: Any
    out: Any  # each process's result
    go: Any  # the counters' start signal
    ready: Any  # released by each counter (and extra process) once it is ready
    begin: Any  # the display may start reading
    display_ready: Any  # released by the display (see `run_paced`)
    stop: Any  # end now (a timeout, or an error)
    until: Any  # the display ends once it has seen this event id

    @classmethod
    def make(cls) -> Rig:
        ctx = process_context("bench.feedlatency")
        return cls(
            ctx,
            ctx.Queue(),
            ctx.Event(),
            ctx.Semaphore(0),
            ctx.Event(),
            ctx.Semaphore(0),
            ctx.Event(),
            ctx.Value("q", 0),
        )


@dataclass
class PacedRun:
    results: list[Any]  # every process's log
    cpu: CpuShare | None
    load_before: list[float]
    load_after: list[float]


def run_paced(
    rig: Rig,
    url: str,
    plan: FeedPlan,
    start: datetime,
    display: Callable[..., Any],
    listening: Callable[[str, Any], None],
    *,
    display_args: tuple[Any, ...] = (),
    extra: list[_Job] | None = None,
    on_result: Callable[[list[Any]], None] = lambda _done: None,
    calling: str = "",
    postmaster_pid: int | None = None,
    progress: Any = print,
    timeout: float = 900,
) -> PacedRun:
    """The paced counters of `FEED_WINDOWS` around a display process: the display is
    ``display(url, begin, display_ready, until, stop, *display_args)``, started apart;
    the counters (and the ``extra`` jobs) issue their tickets; then ``begin`` is set and
    ``listening(url, display_ready)`` returns once the display listens; ``calling`` is
    said and the counters start. Once they are done, ``until`` is set to the newest event
    id; every result goes to ``on_result`` as it comes."""
    ready, go = rig.ready, rig.go
    counters = [
        _Job(
            paced_counter,
            (url, w, c, start, plan.tickets_per_window, i, plan.seconds, plan.pause_s, ready, go),
        )
        for i, (w, c) in enumerate(FEED_WINDOWS)
    ]
    # The display is started apart, first: `listening` says when it is ready.
    args = (url, rig.begin, rig.display_ready, rig.until, rig.stop, *display_args)
    proc = rig.ctx.Process(target=_run, args=(display, args, rig.out))
    proc.start()
    procs = [proc]
    try:
        procs += _start(rig.ctx, counters + (extra or []), rig.out, rig.ready, timeout)
        rig.begin.set()
        listening(url, rig.display_ready)
        progress(calling)
        meter = CpuMeter(postmaster_pid)
        load_before = _load()
        meter.start()
        rig.go.set()
        deadline = time.monotonic() + timeout
        # If something is never received, end the display and the listener anyway.
        timer = threading.Timer(timeout, rig.stop.set)
        measured: dict[str, Any] = {}

        def counted(done: list[Any]) -> None:
            roles = [r.role for r in done]
            if roles.count("counter") == len(FEED_WINDOWS) and not rig.until.value:
                # CPU and load while the counters worked (not while the processes exit).
                measured["cpu"] = meter.stop(sum(r.cpu_seconds for r in done))
                measured["load"] = _load()
                rig.until.value = _max_event_id(url)  # the display ends once it has this one
                timer.interval = 10.0
                timer.start()
            on_result(done)

        try:
            results = _gather(procs, rig.out, max(1.0, deadline - time.monotonic()), counted)
        finally:
            timer.cancel()
    finally:
        rig.stop.set()
        _reap(procs)
    load_after: list[float] = measured.get("load", _load())
    cpu: CpuShare | None = measured.get("cpu")
    if cpu is not None:  # the display and the listener ended later: count them as clients
        late = sum(r.cpu_seconds for r in results) - cpu.clients_s
        cpu = replace(cpu, clients_s=cpu.clients_s + late, others_s=max(0.0, cpu.others_s - late))
    return PacedRun(results, cpu, load_before, load_after)


def feed_latency(
    database: str,
    url: str,
    settings: dict[str, str],
    plan: FeedPlan,
    start: datetime,
    *,
    postmaster_pid: int | None = None,
    progress: Any = print,
    timeout: float = 900,
) -> FeedLatency:
    postgres = database == "PostgreSQL"
    progress(
        f"feed latency on {database}: {len(FEED_WINDOWS)} counters issue "
        f"{plan.tickets_per_window} tickets each, then call for {plan.seconds:.0f} s ..."
    )
    rig = Rig.make()
    raw_expected = rig.ctx.Value("q", 0)
    extra = []
    if postgres:
        extra = [
            _Job(raw_listener, (url, rig.ready, raw_expected, rig.stop)),
            _Job(raw_notifier, (url, None, plan.seconds, 1, rig.ready, rig.go)),
        ]

    def on_result(done: list[Any]) -> None:
        for r in done:
            if r.role == "raw-notifier":
                raw_expected.value = len(r.times)

    run = run_paced(
        rig,
        url,
        plan,
        start,
        subscriber,
        _probe_until_seen,
        extra=extra,
        on_result=on_result,
        calling=f"feed latency on {database}: tickets issued, the display listens; calling ...",
        postmaster_pid=postmaster_pid,
        progress=progress,
        timeout=timeout,
    )
    results = run.results
    logs = [r for r in results if r.role == "counter"]
    sub = next(r for r in results if r.role == "subscriber")
    raw: list[RawResult] = []
    if postgres:
        by_role = {r.role: r for r in results}
        raw.append(
            _raw_result(
                "raw NOTIFY, during the run", by_role["raw-notifier"], by_role["raw-listener"]
            )
        )
        if plan.raw_idle:
            progress(f"raw LISTEN/NOTIFY on the idle server: {plan.raw_idle} notifications ...")
            raw.append(raw_idle(url, plan.raw_idle))
    outcome = _analyse(database, url, settings, plan, logs, sub, raw, run.cpu)
    outcome.load_average_before, outcome.load_average_after = run.load_before, run.load_after
    progress(
        f"feed latency on {database}: {outcome.calls} calls, p95 {outcome.latency.p95_ms:.1f} ms"
    )
    return outcome


def _analyse(
    database: str,
    url: str,
    settings: dict[str, str],
    plan: FeedPlan,
    logs: list[CounterLog],
    sub: SubscriberLog,
    raw: list[RawResult],
    cpu: CpuShare | None,
) -> FeedLatency:
    events = [e for e in sub.events if e[0]]
    ids = [e[0] for e in events]
    first = ids[0] if ids else 0
    in_db = _event_ids_after(url, first - 1) if ids else []
    received_ids = set(ids)
    # Calls: (number, called) is one ticket's one call (a day's numbers are unique).
    received: dict[str, list[tuple[float, float]]] = {}
    for _id, kind, number, at, woke in events:
        if kind == "called" and number is not None:
            received.setdefault(number, []).append((at, woke))
    made = {number: at for log in logs for number, at in log.calls}
    latencies, to_wake, to_received = [], [], []
    for number, committed in made.items():
        got = received.get(number)
        if got:
            at, woke = got[0]
            latencies.append(at - committed)
            to_wake.append(woke - committed)
            to_received.append(at - woke)
    calls = sum(len(log.calls) for log in logs)
    writes = sum(log.writes for log in logs)
    return FeedLatency(
        database=database,
        settings=settings,
        windows=[w for w, _c in FEED_WINDOWS],
        seconds=plan.seconds,
        pause_ms=(plan.pause_s[0] * 1000, plan.pause_s[1] * 1000),
        issued=sum(log.issued for log in logs),
        calls=calls,
        empty_calls=sum(log.empty_calls for log in logs),
        by_window={log.name: [len(log.calls), log.empty_calls] for log in logs},
        writes=writes,
        calls_per_s=calls / plan.seconds,
        writes_per_s=writes / plan.seconds,
        write_latency=Summary.of([x for log in logs for x in log.write_latencies]),
        latency=Summary.of(latencies),
        commit_to_wake=Summary.of(to_wake),
        wake_to_received=Summary.of(to_received),
        negative=sum(1 for x in latencies if x < 0),
        events=len(ids),
        missing_events=sum(1 for i in in_db if i not in received_ids),
        repeated_ids=len(ids) - len(received_ids),
        out_of_order=sum(1 for a, b in itertools.pairwise(ids) if b <= a),
        calls_missing=sum(1 for n in made if n not in received) + (calls - len(made)),
        calls_repeated=sum(1 for got in received.values() if len(got) > 1),
        calls_unknown=sum(1 for n in received if n not in made),
        connection_changes=sum(1 for e in sub.events if not e[0]),
        poll_ms=None if database == "PostgreSQL" else shared_feed.POLL_SECONDS * 1000,
        raw=raw,
        load_average_before=[],
        load_average_after=[],
        cpu=cpu,
    )


# -- the report ------------------------------------------------------------------------


def _line(name: str, s: Summary) -> str:
    return (
        f"  {name:<30} {s.count:>6} {s.p50_ms:>8.1f} {s.p95_ms:>8.1f} "
        f"{s.p99_ms:>8.1f} {s.max_ms:>8.1f}"
    )


def print_feed(r: FeedLatency) -> None:
    ok = "ok" if r.latency.p95_ms < r.target_ms else "MISSED"
    windows = ", ".join(str(w) for w in r.windows)
    dry = ", ".join(f"{name}: {empty}" for name, (_n, empty) in r.by_window.items() if empty)
    print()
    print(
        f"Feed latency on {r.database}: commit at a counter → received by a display "
        f"(another process), {len(r.windows)} counters, {r.seconds:.0f} s"
    )
    print(
        f"  windows {windows}; each pauses {r.pause_ms[0]:.0f}–{r.pause_ms[1]:.0f} ms "
        f"(uniform) before each call, start and finish; {r.issued} tickets issued beforehand"
    )
    print(
        f"  pace: {r.calls} calls = {r.calls_per_s:.1f} calls/s, {r.writes} writes = "
        f"{r.writes_per_s:.1f} writes/s in the hall; {r.empty_calls} calls found nobody waiting"
        + (f" ({dry})" if dry else "")
    )
    print_conditions(r.settings, r.load_average_before, r.load_average_after)
    print(_line("feed: commit → received", r.latency) + f"   [p95 < {r.target_ms:.0f} ms: {ok}]")
    print(_line("  of which commit → wake", r.commit_to_wake))
    print(_line("  of which wake → received", r.wake_to_received))
    for raw in r.raw:
        print(_line(raw.label, raw.latency))
    print(_line("call/start/finish (in counter)", r.write_latency))
    if r.poll_ms is not None:
        print(
            f"  no raw baseline on SQLite: the feed reads every {r.poll_ms:.0f} ms, so the "
            f"expected bound is {r.poll_ms:.0f} ms plus the read"
        )
    for raw in r.raw:
        if raw.missing or raw.repeated:
            print(f"  {raw.label}: {raw.missing} missing, {raw.repeated} repeated of {raw.sent}")
    good = "ok" if r.correct else "MISSED"
    print(
        f"  delivery: {r.events} events received, {r.missing_events} missing, "
        f"{r.repeated_ids} repeated, {r.out_of_order} out of order; calls {r.calls_missing} "
        f"missing, {r.calls_repeated} repeated, {r.calls_unknown} unknown   "
        f"[each once, in order: {good}]"
    )
    if r.negative or r.connection_changes:
        print(
            f"  received before the counter had noted its commit (clock reading order): "
            f"{r.negative} calls; connection changes: {r.connection_changes}"
        )
    if r.cpu is not None:
        print(f"  {r.cpu.line()}")


def print_conditions(
    settings: dict[str, str], load_before: list[float], load_after: list[float]
) -> None:
    """The database's durability settings, the load average around the run, and the head
    of the latency table (the feed and display scenarios print the same)."""
    print(
        f"  durability: {', '.join(f'{k}={v}' for k, v in settings.items())}; load average "
        f"(1, 5, 15 min) before {', '.join(map(str, load_before))}, after "
        f"{', '.join(map(str, load_after))}"
    )
    print(
        f"  {'measurement':<30} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8}"
    )
