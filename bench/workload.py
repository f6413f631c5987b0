"""Many kiosks and counters at once, as separate processes, against one database.

Used by the concurrency tests (correctness: no number twice, no ticket called twice,
none lost) and by the benchmark (throughput and latency). Each process is a
kiosk issuing tickets, a counter calling, starting and finishing them, or a hall
display reading the queue, with its own connection, as on a hall's LAN.

Two ways to run them:

* `run`: kiosks issue a fixed number of tickets each; counters work until the kiosks
  are done and nobody waits any more (every ticket ends done).
* `run_timed`: a kiosk, counters and displays work for a fixed time, then stop
  wherever they are (the one-PC fairness check).

Every operation is timed from the call to the return, so the time spent queueing
for the database's write lock is part of it. ``fair=False`` replaces the SQLite
writers' fair OS lock (``Database._sqlite_writer_turn``) by nothing, in the worker
processes only, so that SQLite's own busy handler is all that remains: for
comparison only.
"""

from __future__ import annotations

import cProfile
import multiprocessing as mp
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.synchronize import Event as MpEvent
from queue import Empty
from typing import Any

from shared.base.clock import OffsetClock
from shared.base.errors import HallError
from shared.hall import Hall

#: Operation kinds, as keys of `WorkerResult.by_kind`.
ISSUE = "issue"
CALL = "call"
CALL_EMPTY = "call (nobody waiting)"
START = "start"
FINISH = "finish"
WAITING_COUNTS = "waiting_counts"
WINDOWS = "windows"
#: The operations that move a ticket along: the ones a throughput counts.
TICKET_OPS = (ISSUE, CALL, START, FINISH)


@dataclass
class WorkerResult:
    role: str
    name: str
    numbers: list[str] = field(default_factory=list)  # issued, or called
    latencies: list[float] = field(default_factory=list)  # seconds, one per operation
    refused: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    # The same latencies by operation kind (see ISSUE, CALL, ...).
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    # The longest operation: (seconds, kind, seconds since the start signal when it began).
    longest: tuple[float, str, float] | None = None
    # Seconds each write waited for the fair SQLite writer lock (when measured).
    lock_waits: list[float] = field(default_factory=list)
    # CPU seconds this process used from the start signal to its last operation.
    cpu_seconds: float = 0.0

    def record(self, kind: str, seconds: float, began_at: float = 0.0) -> None:
        self.latencies.append(seconds)
        self.by_kind.setdefault(kind, []).append(seconds)
        if self.longest is None or seconds > self.longest[0]:
            self.longest = (seconds, kind, began_at)


class _Timer:
    """Times operations of one worker, relative to the start signal."""

    def __init__(self, result: WorkerResult) -> None:
        self.result = result
        self.origin = time.perf_counter()
        self.cpu_origin = time.process_time()

    def begin(self) -> None:
        self.origin = time.perf_counter()
        self.cpu_origin = time.process_time()

    def end(self) -> None:
        self.result.cpu_seconds = time.process_time() - self.cpu_origin

    @contextmanager
    def op(self, kind: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            ended = time.perf_counter()
            self.result.record(kind, ended - began, began - self.origin)


@contextmanager
def _no_writer_turn(_db: Any) -> Iterator[None]:
    yield


def _prepare_process(result: WorkerResult, *, fair: bool, measure_lock: bool) -> None:
    """Patch the SQLite writer lock of this worker process, if asked (never in the parent)."""
    from shared.store.db import Database

    if not fair:
        Database._sqlite_writer_turn = _no_writer_turn  # type: ignore[method-assign,assignment]
        return
    if not measure_lock:
        return
    original = Database._sqlite_writer_turn

    @contextmanager
    def timed_turn(db: Database) -> Iterator[None]:
        began = time.perf_counter()
        with original(db):
            result.lock_waits.append(time.perf_counter() - began)
            yield

    Database._sqlite_writer_turn = timed_turn  # type: ignore[method-assign,assignment]


def kiosk(
    url: str,
    services: list[str],
    count: int | None,
    start: datetime,
    seed: int,
    ready: Any,
    go: MpEvent,
    stop: MpEvent | None = None,
    fair: bool = True,
    measure_lock: bool = False,
) -> WorkerResult:
    """Issue ``count`` tickets for random services (or, with ``count=None``, until
    ``stop`` is set)."""
    result = WorkerResult("kiosk", f"kiosk-{seed}")
    _prepare_process(result, fair=fair, measure_lock=measure_lock)
    timer = _Timer(result)
    rng = random.Random(seed)
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        ready.release()
        go.wait()
        timer.begin()
        done = 0
        while (count is None or done < count) and not (stop is not None and stop.is_set()):
            done += 1
            try:
                with timer.op(ISSUE):
                    t = hall.issue_ticket(rng.choice(services))
            except HallError as exc:
                result.refused[exc.code] = result.refused.get(exc.code, 0) + 1
                continue
            result.numbers.append(t.number)
        timer.end()
    finally:
        hall.close()
    return result


def counter(
    url: str,
    window: int,
    clerk: str,
    start: datetime,
    kiosks_done: MpEvent,
    ready: Any,
    go: MpEvent,
    drain: bool = True,
    fair: bool = True,
    measure_lock: bool = False,
) -> WorkerResult:
    """Call, start and finish until the kiosks are done and nobody waits (or, with
    ``drain=False``, until ``kiosks_done`` is set, leaving whoever still waits)."""
    result = WorkerResult("counter", f"window-{window}")
    _prepare_process(result, fair=fair, measure_lock=measure_lock)
    timer = _Timer(result)
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        ready.release()
        go.wait()
        timer.begin()
        while True:
            if not drain and kiosks_done.is_set():
                break
            began = time.perf_counter()
            t = hall.call_next(window, clerk)
            ended = time.perf_counter()
            result.record(
                CALL if t is not None else CALL_EMPTY, ended - began, began - timer.origin
            )
            if t is None:
                if kiosks_done.is_set():
                    # One more look: a kiosk may have committed just before the flag.
                    t = hall.call_next(window, clerk)
                    if t is None:
                        break
                else:
                    time.sleep(0.002)
                    continue
            result.numbers.append(t.number)
            for kind, op in ((START, hall.start), (FINISH, hall.finish)):
                with timer.op(kind):
                    op(window, clerk)
        timer.end()
    finally:
        hall.close()
    return result


def display(
    url: str,
    start: datetime,
    seed: int,
    ready: Any,
    go: MpEvent,
    stop: MpEvent,
    pause: tuple[float, float] = (0.1, 0.2),
    fair: bool = True,
) -> WorkerResult:
    """A hall display: the waiting counts and the windows, again every 100–200 ms."""
    result = WorkerResult("display", f"display-{seed}")
    _prepare_process(result, fair=fair, measure_lock=False)
    timer = _Timer(result)
    rng = random.Random(seed)
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        ready.release()
        go.wait()
        timer.begin()
        while not stop.is_set():
            with timer.op(WAITING_COUNTS):
                hall.waiting_counts()
            with timer.op(WINDOWS):
                hall.windows()
            stop.wait(rng.uniform(*pause))
        timer.end()
    finally:
        hall.close()
    return result


def _run(
    target: Callable[..., WorkerResult],
    args: tuple[Any, ...],
    out: Any,
    profile_path: str | None = None,
) -> None:
    try:
        if profile_path is None:
            out.put(target(*args))
            return
        profiler = cProfile.Profile(time.process_time)  # CPU time: robust on a busy machine
        result = profiler.runcall(target, *args)
        profiler.dump_stats(profile_path)
        out.put(result)
    except BaseException as exc:  # reported to the parent, which fails loudly
        out.put(WorkerResult("crashed", str(target.__name__), error=repr(exc)))


@dataclass
class RunResult:
    kiosks: list[WorkerResult]
    counters: list[WorkerResult]
    seconds: float
    displays: list[WorkerResult] = field(default_factory=list)

    @property
    def issued(self) -> list[str]:
        return [n for k in self.kiosks for n in k.numbers]

    @property
    def called(self) -> list[str]:
        return [n for c in self.counters for n in c.numbers]

    @property
    def operations(self) -> int:
        return sum(len(w.latencies) for w in self.kiosks + self.counters)

    @property
    def workers(self) -> list[WorkerResult]:
        return self.kiosks + self.counters + self.displays


def process_context(preload: str = "bench.workload") -> Any:
    """How worker processes start: forked from a server process that has imported the
    hall core once (module ``preload``), so each starts at once rather than importing
    SQLAlchemy and the hall afresh, which takes seconds for a dozen processes on two
    cores and is no part of what is measured or tested; spawned where there is no fork
    server (Windows). Each worker opens its own connections after it starts."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([preload])
    return ctx


@dataclass
class _Job:
    target: Callable[..., WorkerResult]
    args: tuple[Any, ...]
    profile_path: str | None = None


def _start(ctx: Any, jobs: list[_Job], out: Any, ready: Any, timeout: float) -> list[Any]:
    """Start a process per job and wait until each has imported and connected."""
    procs = [
        ctx.Process(target=_run, args=(job.target, job.args, out, job.profile_path)) for job in jobs
    ]
    for p in procs:
        p.start()
    try:
        for _ in procs:  # every process has imported and connected before the start signal
            if not ready.acquire(timeout=timeout):
                raise TimeoutError("workers did not start")
    except BaseException:
        _reap(procs)
        raise
    return procs


def _gather(
    procs: list[Any],
    out: Any,
    timeout: float,
    on_result: Callable[[list[WorkerResult]], None] = lambda _results: None,
) -> list[WorkerResult]:
    """Each process's result; raises if one crashed or they take longer than ``timeout``."""
    results: list[WorkerResult] = []
    deadline = time.monotonic() + timeout
    try:
        while len(results) < len(procs):
            try:
                r = out.get(timeout=max(0.1, deadline - time.monotonic()))
            except Empty:
                raise TimeoutError(f"workers did not finish in {timeout} s") from None
            results.append(r)
            if r.role == "crashed":
                raise RuntimeError(f"{r.name} crashed: {r.error}")
            on_result(results)
    finally:
        _reap(procs)
    return results


def _reap(procs: list[Any]) -> None:
    for p in procs:
        p.join(timeout=5)
        if p.is_alive():
            p.kill()


def _profile_path(profile_dir: str | None, name: str) -> str | None:
    return None if profile_dir is None else f"{profile_dir}/{name}.prof"


def run(
    url: str,
    *,
    services: list[str],
    windows: list[tuple[int, str]],
    kiosks: int,
    tickets_per_kiosk: int,
    start: datetime,
    timeout: float = 600,
    fair: bool = True,
    measure_lock: bool = False,
    profile_dir: str | None = None,
    on_go: Callable[[], None] | None = None,
) -> RunResult:
    """Start the kiosk and counter processes together and collect what each did.

    ``measure_lock``: also record each write's wait for the fair SQLite writer lock.
    ``profile_dir``: run the first kiosk and the first counter under cProfile (CPU time)
    and write ``kiosk.prof`` and ``counter.prof`` there (a profiled run is slower).
    ``on_go``: called just before the start signal (e.g. to start measuring).
    """
    ctx = process_context()
    out = ctx.Queue()
    go = ctx.Event()
    ready = ctx.Semaphore(0)
    kiosks_done = ctx.Event()
    jobs = [
        _Job(
            kiosk,
            (url, services, tickets_per_kiosk, start, i, ready, go, None, fair, measure_lock),
            _profile_path(profile_dir, "kiosk") if i == 0 else None,
        )
        for i in range(kiosks)
    ] + [
        _Job(
            counter,
            (url, w, c, start, kiosks_done, ready, go, True, fair, measure_lock),
            _profile_path(profile_dir, "counter") if i == 0 else None,
        )
        for i, (w, c) in enumerate(windows)
    ]
    procs = _start(ctx, jobs, out, ready, timeout)
    if on_go is not None:
        on_go()
    began = time.perf_counter()
    go.set()

    def on_result(results: list[WorkerResult]) -> None:
        if sum(1 for x in results if x.role == "kiosk") == kiosks:
            kiosks_done.set()

    results = _gather(procs, out, timeout, on_result)
    seconds = time.perf_counter() - began
    return RunResult(
        kiosks=[r for r in results if r.role == "kiosk"],
        counters=[r for r in results if r.role == "counter"],
        seconds=seconds,
    )


def run_timed(
    url: str,
    *,
    services: list[str],
    windows: list[tuple[int, str]],
    kiosks: int,
    displays: int,
    seconds: float,
    start: datetime,
    fair: bool = True,
    measure_lock: bool = False,
    timeout: float = 600,
    on_go: Callable[[], None] | None = None,
) -> RunResult:
    """Kiosks issuing back to back, counters calling, starting and finishing back to back,
    and displays reading every 100–200 ms, all for ``seconds``; then each stops after the
    operation in hand. ``measure_lock``: also record each write's wait for the fair lock."""
    ctx = process_context()
    out = ctx.Queue()
    go = ctx.Event()
    ready = ctx.Semaphore(0)
    stop = ctx.Event()
    jobs = (
        [
            _Job(kiosk, (url, services, None, start, i, ready, go, stop, fair, measure_lock))
            for i in range(kiosks)
        ]
        + [
            _Job(counter, (url, w, c, start, stop, ready, go, False, fair, measure_lock))
            for w, c in windows
        ]
        + [
            _Job(display, (url, start, i, ready, go, stop, (0.1, 0.2), fair))
            for i in range(displays)
        ]
    )
    procs = _start(ctx, jobs, out, ready, timeout)
    if on_go is not None:
        on_go()
    began = time.perf_counter()
    go.set()
    try:
        time.sleep(seconds)
    finally:
        stop.set()
    results = _gather(procs, out, timeout)
    elapsed = time.perf_counter() - began
    return RunResult(
        kiosks=[r for r in results if r.role == "kiosk"],
        counters=[r for r in results if r.role == "counter"],
        seconds=elapsed,
        displays=[r for r in results if r.role == "display"],
    )
