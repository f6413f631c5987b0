"""Many kiosks and counters at once, as separate processes, against one database.

Used by the concurrency tests (correctness: no number twice, no ticket called twice,
none lost) and by the benchmark (throughput and latency). Each process is a
kiosk issuing tickets or a counter calling, starting and finishing them, with its
own connection, as on a hall's LAN.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import time
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.synchronize import Event as MpEvent
from queue import Empty
from typing import Any

from shared.clock import OffsetClock
from shared.errors import HallError
from shared.hall import Hall


@dataclass
class WorkerResult:
    role: str
    name: str
    numbers: list[str] = field(default_factory=list)  # issued, or called
    latencies: list[float] = field(default_factory=list)  # seconds, one per operation
    refused: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def kiosk(
    url: str,
    services: list[str],
    count: int,
    start: datetime,
    seed: int,
    ready: Any,
    go: MpEvent,
) -> WorkerResult:
    """Issue ``count`` tickets for random services."""
    result = WorkerResult("kiosk", f"kiosk-{seed}")
    rng = random.Random(seed)
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        ready.release()
        go.wait()
        for _ in range(count):
            began = time.perf_counter()
            try:
                t = hall.issue_ticket(rng.choice(services))
            except HallError as exc:
                result.refused[exc.code] = result.refused.get(exc.code, 0) + 1
                continue
            finally:
                result.latencies.append(time.perf_counter() - began)
            result.numbers.append(t.number)
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
) -> WorkerResult:
    """Call, start and finish until the kiosks are done and nobody waits."""
    result = WorkerResult("counter", f"window-{window}")
    hall = Hall.connect(url, clock=OffsetClock(start), pool_size=1)
    try:
        ready.release()
        go.wait()
        while True:
            began = time.perf_counter()
            t = hall.call_next(window, clerk)
            result.latencies.append(time.perf_counter() - began)
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
            for op in (hall.start, hall.finish):
                began = time.perf_counter()
                op(window, clerk)
                result.latencies.append(time.perf_counter() - began)
    finally:
        hall.close()
    return result


def _run(target: Any, args: tuple[Any, ...], out: Any) -> None:
    try:
        out.put(target(*args))
    except BaseException as exc:  # reported to the parent, which fails loudly
        out.put(WorkerResult("crashed", str(target.__name__), error=repr(exc)))


@dataclass
class RunResult:
    kiosks: list[WorkerResult]
    counters: list[WorkerResult]
    seconds: float

    @property
    def issued(self) -> list[str]:
        return [n for k in self.kiosks for n in k.numbers]

    @property
    def called(self) -> list[str]:
        return [n for c in self.counters for n in c.numbers]

    @property
    def operations(self) -> int:
        return sum(len(w.latencies) for w in self.kiosks + self.counters)


def run(
    url: str,
    *,
    services: list[str],
    windows: list[tuple[int, str]],
    kiosks: int,
    tickets_per_kiosk: int,
    start: datetime,
    timeout: float = 600,
) -> RunResult:
    """Start the kiosk and counter processes together and collect what each did."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    go = ctx.Event()
    ready = ctx.Semaphore(0)
    kiosks_done = ctx.Event()
    procs = [
        ctx.Process(
            target=_run, args=(kiosk, (url, services, tickets_per_kiosk, start, i, ready, go), out)
        )
        for i in range(kiosks)
    ] + [
        ctx.Process(target=_run, args=(counter, (url, w, c, start, kiosks_done, ready, go), out))
        for w, c in windows
    ]
    for p in procs:
        p.start()
    for _ in procs:  # every process has imported and connected before the start signal
        if not ready.acquire(timeout=timeout):
            raise TimeoutError("workers did not start")
    began = time.perf_counter()
    go.set()
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
            if sum(1 for x in results if x.role == "kiosk") == kiosks:
                kiosks_done.set()
    finally:
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
    seconds = time.perf_counter() - began
    return RunResult(
        kiosks=[r for r in results if r.role == "kiosk"],
        counters=[r for r in results if r.role == "counter"],
        seconds=seconds,
    )
