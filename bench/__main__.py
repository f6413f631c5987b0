"""The benchmark: ``python -m bench`` (or ``make bench``); on demand, never in CI.

Scenarios, each with every client a process of its own and every operation one
transaction through the `shared.hall.Hall` facade:

* "8 clients", on PostgreSQL and on SQLite: 4 kiosks issue tickets and 4 counters
  (windows 1, 4, 8, 9) call, start and finish them until all are done. Reports the
  throughput of issue + call + start + finish, latencies per operation, and
  duplicates, tickets called twice and tickets lost.
* "one PC", SQLite only: a kiosk issuing back to back, two counters working back to
  back and a hall display reading every 100–200 ms, for a fixed time. Reports each
  process's longest single operation: nobody may starve. Run twice: with the fair
  writer lock of shared/store/db.py, and with SQLite's default busy handler (for comparison).
* "feed latency", on PostgreSQL and on SQLite (`bench.feedlatency`): 10 counters call,
  start and finish at a paced rate while a display in another process reads the change
  feed; the time from a call's commit to its receipt, beside a raw LISTEN/NOTIFY round
  trip on PostgreSQL; and that every event arrived once, in order.
* "display" (`bench.displaylatency`), on PostgreSQL and on SQLite: the same 10 counters;
  the real lobby display (1920×1080, offscreen) in another process: a call's commit → the
  first repaint of the display's newest number after it took the call, split into its
  feed, its GUI thread and the paint; and that every call was shown once.
* "floor" (`bench.floorlatency`), on PostgreSQL and on SQLite: the same 10 counters; the
  supervisor's floor (1920×1080, offscreen) in another process: a call's commit → the
  repaint of that window's tile with the number (the whole floor read per burst of events).
* "voice" (`bench.voicelatency`, no database): a call handed to the station's announcer →
  its first sample handed to the sound output (PortAudio on a private ALSA file device),
  warm (words cached) and cold (words rendered by espeak-ng), p50/p95/p99/max.
* "kiosk" (`bench.kiosklatency`), on SQLite and PostgreSQL: the real kiosk window,
  offscreen, tapped: tap → ticket on screen and → slip PDF ready; the longest the GUI
  thread is blocked (10 ms heartbeat) at rest, with three other writing processes, and
  through a 5 s database outage whose tap must still get exactly one ticket.
* "counter" (`bench.counterlatency`), on SQLite and PostgreSQL: the clerk's console
  signed in at window 3, F1 pressed 100 times: F1 → ticket on the console, and → the
  call's first sample handed to the sound output (the real speech engine).

Prints a table and writes everything to bench/results/bench-<time>.json. Exits with 1
if a number was issued twice, a ticket called twice or lost, the feed lost, repeated or
reordered an event, or the display missed or repeated a call; missed speed targets are
reported, not failed. ``--scenario 8-clients|one-pc|feed|display|floor|voice|kiosk|counter``
runs one scenario alone. ``--quick`` runs small counts (under a minute); ``--profile``
also profiles one kiosk and one counter of the 8-clients scenario with cProfile, in CPU
time (the run is then slower).
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench import databases
from bench.counterlatency import CounterLatency, print_counter
from bench.counterlatency import run_all as counter_runs
from bench.cpu import CpuMeter, CpuShare
from bench.displaylatency import DisplayLatency, display_latency, print_display
from bench.feedlatency import (
    FEED_FULL,
    FEED_QUICK,
    FeedLatency,
    FeedPlan,
    feed_latency,
    print_feed,
)
from bench.floorlatency import FloorLatency, floor_latency, print_floor
from bench.kiosklatency import KioskLatency, print_kiosk
from bench.kiosklatency import run_all as kiosk_runs
from bench.stats import Summary
from bench.voicelatency import VoiceLatency, print_voice, run_isolated
from bench.workload import (
    CALL,
    CALL_EMPTY,
    FINISH,
    ISSUE,
    START,
    TICKET_OPS,
    WAITING_COUNTS,
    WINDOWS,
    WorkerResult,
    run,
    run_timed,
)
from shared.hall import Hall
from shared.store.model import Ticket, TicketState

RESULTS_DIR = Path(__file__).resolve().parent / "results"
# Demo-hall services without a daily cap or time slots, across the three zones.
SERVICES = ["qy-bg", "qy-zx", "gt-zc", "sw-xb", "sb-cb", "yb-yd", "yl-dy", "tz-ba"]
# Two zone windows and the two hall-wide ones (8 全科, 9 绿色通道), with their A-post clerks.
EIGHT_WINDOWS = [(1, "1001"), (4, "1004"), (8, "1008"), (9, "1009")]
ONE_PC_WINDOWS = [(1, "1001"), (8, "1008")]

# The targets of the issue.
PG_OPS_PER_S = 300
PG_P95_MS = 50.0
LONGEST_WAIT_MS = 500.0

FAIR_LABEL = "fair writer lock (shared/store/db.py)"
DEFAULT_LABEL = "SQLite's default busy handler (for comparison)"


@dataclass(frozen=True)
class Plan:
    name: str
    kiosks: int
    tickets_per_kiosk: int
    one_pc_seconds: float
    feed: FeedPlan


QUICK = Plan("quick", kiosks=4, tickets_per_kiosk=30, one_pc_seconds=4, feed=FEED_QUICK)
FULL = Plan("full", kiosks=4, tickets_per_kiosk=500, one_pc_seconds=20, feed=FEED_FULL)
SCENARIOS = (
    "all",
    "8-clients",
    "one-pc",
    "feed",
    "display",
    "floor",
    "voice",
    "kiosk",
    "counter",
)


def progress(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# -- results ---------------------------------------------------------------------------


@dataclass
class EightClients:
    database: str
    settings: dict[str, str]
    kiosks: int
    counters: int
    tickets_per_kiosk: int
    seconds: float
    operations: int  # issue + call + start + finish
    ops_per_s: float
    empty_calls: int  # calls that found nobody waiting (not counted above)
    by_kind: dict[str, Summary]
    duplicates: int
    called_twice: int
    lost: int
    refused: int
    states: dict[str, int]
    lock_waits: Summary | None = None
    cpu: CpuShare | None = None
    profiles: dict[str, str] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return not (self.duplicates or self.called_twice or self.lost or self.refused)

    def failures(self, targets: bool) -> list[str]:
        bad = []
        if not self.correct:
            bad.append(
                f"{self.database}: {self.duplicates} duplicates, {self.called_twice} called "
                f"twice, {self.lost} lost, {self.refused} refused"
            )
        if targets and self.ops_per_s < PG_OPS_PER_S:
            bad.append(f"{self.database}: {self.ops_per_s:.0f} ops/s < {PG_OPS_PER_S}")
        if targets:
            slow = [k for k in TICKET_OPS if self.by_kind[k].p95_ms >= PG_P95_MS]
            if slow:
                bad.append(f"{self.database}: p95 ≥ {PG_P95_MS:.0f} ms for {', '.join(slow)}")
        return bad


@dataclass
class ProcessRow:
    name: str
    operations: int
    ops_per_s: float
    p50_ms: float
    p95_ms: float
    longest_ms: float
    longest_op: str
    longest_at_s: float  # seconds after the start signal
    over_limit: int  # operations longer than LONGEST_WAIT_MS
    by_kind: dict[str, Summary]


@dataclass
class OnePc:
    label: str
    fair: bool
    seconds: float
    processes: list[ProcessRow]
    longest_ms: float
    longest_by: str
    issued: int
    called: int
    duplicates: int
    called_twice: int
    lock_waits: Summary | None
    cpu: CpuShare | None = None

    @property
    def correct(self) -> bool:
        return not (self.duplicates or self.called_twice)

    def failures(self) -> list[str]:
        bad = []
        if not self.correct:
            bad.append(f"one PC ({self.label}): {self.duplicates} duplicates")
        if self.fair and self.longest_ms >= LONGEST_WAIT_MS:
            bad.append(
                f"one PC ({self.label}): longest operation {self.longest_ms:.0f} ms "
                f"({self.longest_by}) ≥ {LONGEST_WAIT_MS:.0f} ms"
            )
        return bad


def _by_kind(workers: list[WorkerResult], kinds: tuple[str, ...]) -> dict[str, Summary]:
    out: dict[str, Summary] = {}
    for kind in kinds:
        values = [x for w in workers for x in w.by_kind.get(kind, [])]
        if values:
            out[kind] = Summary.of(values)
    return out


def _lock_waits(workers: list[WorkerResult]) -> Summary | None:
    waits = [x for w in workers for x in w.lock_waits]
    return Summary.of(waits) if waits else None


def _repeated(values: list[str]) -> int:
    return sum(1 for _n, c in Counter(values).items() if c > 1)


def _states(url: str) -> dict[str, int]:
    with Hall.connect(url) as hall, hall.db.read() as s:
        rows = s.execute(select(Ticket.state, func.count()).group_by(Ticket.state)).all()
        return {TicketState(state).value: int(n) for state, n in rows}


# -- scenarios -------------------------------------------------------------------------


def eight_clients(
    database: str,
    url: str,
    settings: dict[str, str],
    plan: Plan,
    *,
    postmaster_pid: int | None = None,
    profile_dir: Path | None = None,
) -> EightClients:
    progress(
        f"8 clients on {database}: {plan.kiosks} kiosks × {plan.tickets_per_kiosk} tickets, "
        f"{len(EIGHT_WINDOWS)} counters ..."
    )
    if profile_dir is not None:
        profile_dir.mkdir(parents=True, exist_ok=True)
    meter = CpuMeter(postmaster_pid)
    result = run(
        url,
        services=SERVICES,
        windows=EIGHT_WINDOWS,
        kiosks=plan.kiosks,
        tickets_per_kiosk=plan.tickets_per_kiosk,
        start=databases.CLIENTS_START,
        measure_lock=database == "SQLite",
        profile_dir=None if profile_dir is None else str(profile_dir),
        on_go=meter.start,
    )
    workers = result.kiosks + result.counters
    cpu = meter.stop(sum(w.cpu_seconds for w in workers))
    by_kind = _by_kind(workers, (*TICKET_OPS, CALL_EMPTY))
    operations = sum(by_kind[k].count for k in TICKET_OPS if k in by_kind)
    by_kind["all four"] = Summary.of(
        [x for w in workers for k in TICKET_OPS for x in w.by_kind.get(k, [])]
    )
    states = _states(url)
    issued, called = result.issued, result.called
    outcome = EightClients(
        database=database,
        settings=settings,
        kiosks=plan.kiosks,
        counters=len(EIGHT_WINDOWS),
        tickets_per_kiosk=plan.tickets_per_kiosk,
        seconds=result.seconds,
        operations=operations,
        ops_per_s=operations / result.seconds,
        empty_calls=by_kind[CALL_EMPTY].count if CALL_EMPTY in by_kind else 0,
        by_kind=by_kind,
        duplicates=_repeated(issued),
        called_twice=_repeated(called),
        lost=sum(n for state, n in states.items() if state != TicketState.DONE.value)
        + len(set(issued) - set(called)),
        refused=sum(sum(k.refused.values()) for k in result.kiosks),
        states=states,
        lock_waits=_lock_waits(workers),
        cpu=cpu,
    )
    if profile_dir is not None:
        outcome.profiles = {
            role: str(profile_dir / f"{role}.prof")
            for role in ("kiosk", "counter")
            if (profile_dir / f"{role}.prof").exists()
        }
    progress(
        f"8 clients on {database}: done in {result.seconds:.1f} s, {outcome.ops_per_s:.0f} ops/s"
    )
    return outcome


def one_pc(url: str, *, fair: bool, plan: Plan) -> OnePc:
    label = FAIR_LABEL if fair else DEFAULT_LABEL
    meter = CpuMeter()
    progress(
        f"one PC on SQLite, {label}: 1 kiosk, 2 counters, 1 display for "
        f"{plan.one_pc_seconds:.0f} s ..."
    )
    result = run_timed(
        url,
        services=SERVICES,
        windows=ONE_PC_WINDOWS,
        kiosks=1,
        displays=1,
        seconds=plan.one_pc_seconds,
        start=databases.CLIENTS_START,
        fair=fair,
        measure_lock=fair,
        on_go=meter.start,
    )
    cpu = meter.stop(sum(w.cpu_seconds for w in result.workers))
    rows = [_process_row(w, plan.one_pc_seconds) for w in result.workers]
    worst = max(rows, key=lambda r: r.longest_ms)
    outcome = OnePc(
        label=label,
        fair=fair,
        seconds=plan.one_pc_seconds,
        processes=rows,
        longest_ms=worst.longest_ms,
        longest_by=f"{worst.name}, {worst.longest_op} at {worst.longest_at_s:.1f} s",
        issued=len(result.issued),
        called=len(result.called),
        duplicates=_repeated(result.issued),
        called_twice=_repeated(result.called),
        lock_waits=_lock_waits(result.workers),
        cpu=cpu,
    )
    progress(
        f"one PC, {label}: done, longest operation {outcome.longest_ms:.0f} ms "
        f"({outcome.longest_by})"
    )
    return outcome


def _process_row(w: WorkerResult, seconds: float) -> ProcessRow:
    summary = Summary.of(w.latencies)
    longest_ms, kind, at = (0.0, "-", 0.0) if w.longest is None else w.longest
    return ProcessRow(
        name=w.name,
        operations=summary.count,
        ops_per_s=summary.count / seconds,
        p50_ms=summary.p50_ms,
        p95_ms=summary.p95_ms,
        longest_ms=longest_ms * 1000,
        longest_op=kind,
        longest_at_s=at,
        over_limit=sum(1 for x in w.latencies if x * 1000 >= LONGEST_WAIT_MS),
        by_kind=_by_kind([w], (ISSUE, CALL, CALL_EMPTY, START, FINISH, WAITING_COUNTS, WINDOWS)),
    )


# -- the report ------------------------------------------------------------------------


def _ok(good: bool) -> str:
    return "ok" if good else "MISSED"


def print_machine(info: dict[str, Any]) -> None:
    print(f"yimen benchmark, {info['date']} ({info['plan']} run)")
    print(f"  machine: {info['cores']} cores, {info['cpu']}, {info['os']}")
    print(f"  Python {info['python']}, SQLAlchemy {info['sqlalchemy']}, psycopg {info['psycopg']}")
    print(f"  SQLite {info['sqlite']}: {_settings(info['sqlite_settings'])}")
    pg = info.get("postgresql")
    if pg:
        print(f"  PostgreSQL {pg['version']} ({pg['origin']}): {_settings(pg['settings'])}")
    print(
        f"  database files on {info['filesystem']}; load average (1, 5, 15 min) at start "
        f"{', '.join(str(x) for x in info['load_average_at_start'])}, at end "
        f"{', '.join(str(x) for x in info['load_average_at_end'])}"
    )


def _settings(settings: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in settings.items())


def _summary_line(name: str, s: Summary) -> str:
    return (
        f"  {name:<22} {s.count:>7} {s.p50_ms:>8.1f} {s.p95_ms:>8.1f} "
        f"{s.p99_ms:>8.1f} {s.max_ms:>8.1f}"
    )


def print_eight(r: EightClients, targets: bool) -> None:
    print()
    print(
        f"8 clients on {r.database}: {r.kiosks} kiosks × {r.tickets_per_kiosk} tickets, "
        f"{r.counters} counters"
    )
    verdict = f"   [target ≥ {PG_OPS_PER_S}: {_ok(r.ops_per_s >= PG_OPS_PER_S)}]" if targets else ""
    print(
        f"  {r.operations} operations (issue+call+start+finish) in {r.seconds:.1f} s = "
        f"{r.ops_per_s:.0f} ops/s{verdict}"
    )
    print(
        f"  {'operation':<22} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for kind in (*TICKET_OPS, "all four"):
        line = _summary_line(kind, r.by_kind[kind])
        if targets:
            line += f"   [p95 < {PG_P95_MS:.0f} ms: {_ok(r.by_kind[kind].p95_ms < PG_P95_MS)}]"
        print(line)
    if CALL_EMPTY in r.by_kind:
        print(_summary_line(CALL_EMPTY, r.by_kind[CALL_EMPTY]) + "   (not counted above)")
    clean = r.correct
    print(
        f"  duplicate numbers {r.duplicates}, called twice {r.called_twice}, "
        f"lost {r.lost}, refused {r.refused}   [zero: {_ok(clean)}]"
        f"   (end states: {_settings({k: str(v) for k, v in r.states.items()})})"
    )
    _print_lock_waits(r.lock_waits)
    if r.cpu is not None:
        print(f"  {r.cpu.line()}")
        clients_ms = 1000 * r.cpu.clients_s / r.operations
        if r.database == "SQLite":
            print(
                f"  CPU per operation: clients {clients_ms:.1f} ms; writers take turns (the "
                f"whole transaction under the lock), so at most ≈ {1000 / clients_ms:.0f} "
                "ops/s however many cores"
            )
        elif r.cpu.postgres_s is None:
            print(
                f"  CPU per operation: clients {clients_ms:.1f} ms (the server's CPU is not "
                "measured: it is not ours, and counts as other processes)"
            )
        else:
            used = r.cpu.clients_s + (r.cpu.postgres_s or 0.0)
            per_op = [f"clients {clients_ms:.1f} ms"]
            if r.cpu.postgres_s is not None:
                per_op.append(f"PostgreSQL {1000 * r.cpu.postgres_s / r.operations:.1f} ms")
            print(
                f"  CPU per operation: {', '.join(per_op)}; so {r.cpu.cores} idle cores "
                f"could do at most ≈ {r.cpu.cores * r.operations / used:.0f} ops/s"
            )


def _print_lock_waits(w: Summary | None) -> None:
    if w is not None:
        print(
            f"  of which waiting for the fair writer lock: {w.count} writes, p50 {w.p50_ms:.1f} "
            f"ms, p95 {w.p95_ms:.1f} ms, p99 {w.p99_ms:.1f} ms, max {w.max_ms:.1f} ms"
        )


def print_one_pc(r: OnePc) -> None:
    print()
    print(f"One PC on SQLite, {r.label}: 1 kiosk, 2 counters, 1 display, {r.seconds:.0f} s")
    print(
        f"  {'process':<11} {'ops':>6} {'ops/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'longest ms':>11} {'≥0.5 s':>7}  longest was"
    )
    for p in r.processes:
        print(
            f"  {p.name:<11} {p.operations:>6} {p.ops_per_s:>7.1f} {p.p50_ms:>8.1f} "
            f"{p.p95_ms:>8.1f} {p.longest_ms:>11.1f} {p.over_limit:>7}  "
            f"{p.longest_op} at {p.longest_at_s:.1f} s"
        )
    verdict = (
        f"   [target < {LONGEST_WAIT_MS:.0f} ms: {_ok(r.longest_ms < LONGEST_WAIT_MS)}]"
        if r.fair
        else ""
    )
    print(f"  longest single operation: {r.longest_ms:.0f} ms ({r.longest_by}){verdict}")
    _print_lock_waits(r.lock_waits)
    print(
        f"  issued {r.issued}, called {r.called}; duplicate numbers {r.duplicates}, "
        f"called twice {r.called_twice}"
    )
    if r.cpu is not None:
        print(f"  {r.cpu.line()}")


#: Functions whose cumulative time says which part of an operation the CPU went to.
PARTS = (
    (
        "shared/rules/tickets.py",
        ("issue", "call_next", "start", "finish"),
        "the use case (tickets.*)",
    ),
    ("shared/hall.py", ("_info",), "building the reply (Hall._info)"),
    ("shared/store/db.py", ("_before_commit",), "numbering events at commit"),
    ("sqlalchemy/orm/session.py", ("commit",), "commit (flush + COMMIT)"),
)


def print_profiles(profiles: dict[str, str], database: str) -> None:
    """Where one kiosk's and one counter's CPU time went (profiled with cProfile)."""
    for role, path in profiles.items():
        raw: dict[Any, Any] = pstats.Stats(path).stats  # type: ignore[attr-defined]
        total = sum(entry[2] for entry in raw.values()) or 1.0
        print()
        print(f"CPU profile of one {role} on {database}: {total:.1f} s CPU ({path})")
        parts = []
        for suffix, names, label in PARTS:
            seconds = sum(
                entry[3]
                for (filename, _line, name), entry in raw.items()
                if filename.endswith(suffix) and name in names
            )
            if seconds:
                parts.append(f"{label} {100 * seconds / total:.0f} %")
        print(f"  inclusive: {'; '.join(parts)}")
        buckets: dict[str, float] = {}
        for (filename, _line, name), entry in raw.items():
            bucket = _bucket(filename, name)
            buckets[bucket] = buckets.get(bucket, 0.0) + entry[2]
        shares = sorted(buckets.items(), key=lambda kv: -kv[1])
        print("  own time: " + "; ".join(f"{b} {100 * t / total:.0f} %" for b, t in shares))
        top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:6]
        print("  top functions by own time:")
        for (filename, line, name), entry in top:
            short = "/".join(Path(filename).parts[-2:]) if filename != "~" else ""
            print(f"    {100 * entry[2] / total:5.1f} %  {name} ({short}:{line})")


def _bucket(filename: str, name: str) -> str:
    if "sqlite3." in name:
        return "SQLite (C)"
    if "psycopg" in filename:
        return "psycopg"
    if "sqlalchemy" in filename:
        return "SQLAlchemy"
    if "/shared/" in filename:
        return "yimen shared/"
    return "other (stdlib, builtins)"


# -- main ------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Throughput and latency of the hall core on PostgreSQL and SQLite.",
    )
    parser.add_argument("--quick", action="store_true", help="small counts, under a minute")
    parser.add_argument(
        "--db",
        choices=("all", "postgresql", "sqlite"),
        default="all",
        help="which database(s) to run on (default: all)",
    )
    parser.add_argument(
        "--scenario",
        choices=SCENARIOS,
        default="all",
        help="run one scenario alone (default: all)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile one kiosk and one counter of the 8-clients runs (slower timings)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="the JSON file (default: bench/results/)"
    )
    return parser.parse_args(argv)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Summary):
        return value.as_json()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


Result = (
    EightClients
    | OnePc
    | FeedLatency
    | DisplayLatency
    | FloorLatency
    | VoiceLatency
    | KioskLatency
    | CounterLatency
)


def _as_dict(result: Result) -> dict[str, Any]:
    out: dict[str, Any] = _jsonable(asdict(result))  # nested Summary objects become dicts
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    began = time.perf_counter()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out_path: Path = args.out or RESULTS_DIR / f"bench-{stamp}{'-quick' if args.quick else ''}.json"
    profile_root = RESULTS_DIR / f"profile-{stamp}" if args.profile else None
    eights: list[EightClients] = []
    one_pcs: list[OnePc] = []
    feeds: list[FeedLatency] = []
    displays: list[DisplayLatency] = []
    floors: list[FloorLatency] = []
    # The latency scenarios take the same arguments: each on a database of its own.
    latencies: list[tuple[str, Callable[..., Any], list[Any]]] = [
        ("feed", feed_latency, feeds),
        ("display", display_latency, displays),
        ("floor", floor_latency, floors),
    ]
    voices: list[VoiceLatency] = []
    kiosks: list[KioskLatency] = []
    counters: list[CounterLatency] = []

    def wanted(scenario: str) -> bool:
        return args.scenario in ("all", scenario)

    with tempfile.TemporaryDirectory(prefix="yimen-bench-") as tmp:
        workdir = Path(tmp)
        info = databases.machine(workdir)
        info["plan"] = plan.name
        progress(f"{plan.name} run; temporary files in {workdir} ({info['filesystem']})")

        if wanted("voice"):
            progress("voice: announcer latency with the real speech engine ...")
            voices.append(run_isolated(args.quick))
        if wanted("kiosk"):
            kiosks += kiosk_runs(args.quick, args.db, workdir, progress)
        if wanted("counter"):
            counters += counter_runs(args.quick, args.db, workdir, progress)

        if args.db in ("all", "postgresql") and (
            wanted("8-clients") or wanted("feed") or wanted("display") or wanted("floor")
        ):
            progress("starting PostgreSQL ...")
            with databases.postgres(workdir) as server:
                info["postgresql"] = {
                    "version": server.version,
                    "origin": server.origin,
                    "settings": server.settings,
                }
                name = f"yimen_bench_{stamp.replace('-', '_')}"
                if wanted("8-clients"):
                    with server.database(name) as url:
                        eights.append(
                            eight_clients(
                                "PostgreSQL",
                                url,
                                server.settings,
                                plan,
                                postmaster_pid=server.postmaster_pid,
                                profile_dir=None
                                if profile_root is None
                                else profile_root / "postgresql",
                            )
                        )
                for scenario, latency, results in latencies:
                    if wanted(scenario):
                        with server.database(name) as url:
                            results.append(
                                latency(
                                    "PostgreSQL",
                                    url,
                                    server.settings,
                                    plan.feed,
                                    databases.CLIENTS_START,
                                    postmaster_pid=server.postmaster_pid,
                                    progress=progress,
                                )
                            )

        template = databases.sqlite_template(workdir)
        info["sqlite_settings"] = databases.sqlite_settings(
            databases.fresh_sqlite(template, workdir / "settings.db")
        )
        if args.db in ("all", "sqlite") and wanted("8-clients"):
            url = databases.fresh_sqlite(template, workdir / "eight.db")
            eights.append(
                eight_clients(
                    "SQLite",
                    url,
                    info["sqlite_settings"],
                    plan,
                    profile_dir=None if profile_root is None else profile_root / "sqlite",
                )
            )
        if args.db in ("all", "sqlite") and wanted("one-pc"):
            for fair in (True, False):
                url = databases.fresh_sqlite(template, workdir / f"one-pc-{fair}.db")
                one_pcs.append(one_pc(url, fair=fair, plan=plan))
        for scenario, latency, results in latencies:
            if args.db in ("all", "sqlite") and wanted(scenario):
                url = databases.fresh_sqlite(template, workdir / f"{scenario}.db")
                results.append(
                    latency(
                        "SQLite",
                        url,
                        info["sqlite_settings"],
                        plan.feed,
                        databases.CLIENTS_START,
                        progress=progress,
                    )
                )

    for d in displays:  # the bare feed's figure beside the display's, when it ran too
        d.feed_scenario_p95_ms = next(
            (f.latency.p95_ms for f in feeds if f.database == d.database), None
        )
    info["seconds"] = round(time.perf_counter() - began, 1)
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    failures = [f for r in eights for f in r.failures(r.database == "PostgreSQL")]
    failures += [f for pc in one_pcs for f in pc.failures()]
    failures += [f for r in feeds for f in r.failures()]
    failures += [f for d in displays for f in d.failures()]
    failures += [f for v in voices for f in v.failures()]
    failures += [f for k in kiosks for f in k.failures()]

    print_machine(info)
    for r in eights:
        print_eight(r, targets=r.database == "PostgreSQL")
        if r.profiles:
            print_profiles(r.profiles, r.database)
    for pc in one_pcs:
        print_one_pc(pc)
    for fr in feeds:
        print_feed(fr)
    for d in displays:
        print_display(d)
    for fl in floors:
        print_floor(fl)
    for v in voices:
        print_voice(v)
    for k in kiosks:
        print_kiosk(k)
    for c in counters:
        print_counter(c)
    print()
    if failures:
        print("Targets missed:")
        for f in failures:
            print(f"  - {f}")
    else:
        print("All targets met.")
    report = {
        "machine": info,
        "eight_clients": [_as_dict(r) for r in eights],
        "one_pc": [_as_dict(r) for r in one_pcs],
        "feed_latency": [_as_dict(r) for r in feeds],
        "display_latency": [_as_dict(d) for d in displays],
        "floor_latency": [_as_dict(fl) for fl in floors],
        "voice_latency": [_as_dict(v) for v in voices],
        "kiosk_latency": [_as_dict(k) for k in kiosks],
        "counter_latency": [_as_dict(c) for c in counters],
        "targets_missed": failures,
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Total {info['seconds']} s. Results: {out_path}")
    # Missed speed targets are findings; a ticket numbered, called or lost wrongly is a bug.
    correct = [r.correct for r in eights] + [pc.correct for pc in one_pcs]
    correct += [not k.failures() for k in kiosks]  # one tap, one ticket through an outage
    correct += [r.correct for r in feeds] + [d.correct for d in displays]
    return 0 if all(correct) else 1


if __name__ == "__main__":
    sys.exit(main())
