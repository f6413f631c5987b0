"""A hall-year: a million tickets and their events, and the time the reports take on it.

``python -m bench.hallyear`` (``make bench-year``):

1. **Build** (once; kept in ``--workdir``): a city hall of 14 times the demo hall's floor
   (`bench.bighall`: 168 windows, about 4,500 citizens a weekday) simulated over 2026 with
   ``yimen simulate --bulk 1``: one day of each kind of opening hours played through the
   core's operations, the other open days written in bulk as copies of them
   (`shared.demo.bulk`). That is the SQLite file; the PostgreSQL database is the same
   rows copied table by table (COPY), its sequences set after them, then ANALYZE.
2. **Measure**, on each database: the day's notice (the figures of the busiest day and
   both rankings), the week's and the month's report (figures, rankings, and the PDF as
   `yimen report` writes it). Each is run three times on a warm database and the median
   is reported, with the counts of the range and the machine's conditions.

The goals (issue: a day's report < 3 s, a month's < 10 s, on each database) are printed
beside the numbers, never failed on: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from sqlalchemy import MetaData, create_engine, func, select

from bench.bighall import big_hall_toml
from bench.databases import _plain, machine, postgres
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.store.db import sqlite_url
from shared.store.model import Event, Ticket

COPIES = 14
FIRST = date(2026, 1, 5)  # the first Monday of the year after New Year's Day
LAST = date(2026, 12, 31)
SEED = "hall-year"
BULK = 1
#: The ranges measured: the busiest month's busiest Monday, its week and its month.
DAY = date(2026, 11, 23)
WEEK = (date(2026, 11, 23), date(2026, 11, 29))
MONTH = (date(2026, 11, 1), date(2026, 11, 30))
GOALS = {"day": 3.0, "month": 10.0}
REPEATS = 3
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # the year is over


def progress(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# -- building ---------------------------------------------------------------------------


def build_sqlite(path: Path, copies: int = COPIES, last: date = LAST) -> str:
    """The hall-year in a SQLite file (kept: building it takes most of an hour)."""
    url = sqlite_url(path)
    done = path.with_suffix(".done")
    if done.exists():
        progress(f"using the hall-year already built in {path}")
        _up_to_date(url)  # a newer checkout may have migrations to run on it
        return url
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    config = path.with_suffix(".toml")
    config.write_text(big_hall_toml(copies), encoding="utf-8")
    yimen = [sys.executable, "-m", "shared.cli", "--db", url]
    # The clerks' passwords hashed cheaply, as in the tests: the supervisor's steps on a
    # year's bad reviews each check a password, and the hall's real cost (argon2id, about
    # half a second a check here) is not what this measures.
    env = {**os.environ, "YIMEN_NOW": NOW.isoformat(), "YIMEN_PASSWORD_COST": "test"}
    subprocess.run([*yimen, "init", "--config", str(config)], check=True, env=env)
    days = _open_days(url, last)
    progress(f"simulating {days} open days from {FIRST} (one of each kind played, the rest copied)")
    subprocess.run(
        [
            *yimen,
            "simulate",
            "--days",
            str(days),
            "--from",
            FIRST.isoformat(),
            "--seed",
            SEED,
            "--bulk",
            str(BULK),
            "--password",
            "demo1234",
        ],
        check=True,
        env=env,
    )
    done.write_text(datetime.now().isoformat(), encoding="utf-8")
    _up_to_date(url)
    return url


def _up_to_date(url: str) -> None:
    from shared.store.db import connect
    from shared.store.schema import upgrade

    db = connect(url)
    try:
        upgrade(db)
    finally:
        db.dispose()


def _open_days(url: str, last: date) -> int:
    from shared.config.calendar import open_days

    with Hall.connect(url, clock=FixedClock(NOW)) as hall:
        return len(list(open_days(hall.settings.calendar, FIRST, last)))


def copy_to_postgres(sqlite: str, pg_url: str) -> None:
    """Every table of the SQLite file into an empty PostgreSQL database of the same
    schema (``yimen init`` made it), with COPY, parents before children."""
    from shared.store.db import connect
    from shared.store.schema import upgrade

    db = connect(pg_url)
    try:
        upgrade(db)
    finally:
        db.dispose()
    source = create_engine(sqlite)
    meta = MetaData()
    meta.reflect(source)
    tables = [t for t in meta.sorted_tables if t.name != "alembic_version"]
    with psycopg.connect(_plain(pg_url)) as pg:
        pg.execute("TRUNCATE " + ", ".join(t.name for t in tables) + " RESTART IDENTITY CASCADE")
        with source.connect() as conn:
            for t in tables:
                names = [c.name for c in t.columns]
                rows = conn.execute(select(t)).yield_per(20000)
                n = 0
                with pg.cursor().copy(f"COPY {t.name} ({', '.join(names)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(_pg_row(row))
                        n += 1
                progress(f"  {t.name}: {n} rows")
        for t in tables:
            if "id" in t.c and t.c.id.autoincrement is not False:
                pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {t.name}))"
                )
        pg.commit()
        pg.autocommit = True
        pg.execute("ANALYZE")
    source.dispose()


def _pg_row(row: Any) -> tuple[Any, ...]:
    """A SQLite row as COPY takes it: JSON as text, times as UTC."""
    out = []
    for v in row:
        if isinstance(v, (dict, list)):
            v = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, datetime) and v.tzinfo is None:
            v = v.isoformat() + "+00:00"
        out.append(v)
    return tuple(out)


# -- measuring --------------------------------------------------------------------------


def _median(fn: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure(url: str, name: str, workdir: Path) -> dict[str, Any]:
    with Hall.connect(url, clock=FixedClock(NOW)) as hall:
        with hall.db.read() as s:
            tickets = s.scalar(select(func.count()).select_from(Ticket))
            events = s.scalar(select(func.count()).select_from(Event))
            days = s.scalar(select(func.count(func.distinct(Ticket.business_day))))
        progress(f"{name}: {tickets:,} tickets, {events:,} events over {days} days")
        out: dict[str, Any] = {"tickets": tickets, "events": events, "days": days}

        def notice(first: date, last: date) -> int:
            report = hall.report(first, last)
            earlier: dict[date, Any] = {}  # a day's two days before, read once for both
            hall.ranking("window", first, last, report=report, earlier=earlier)
            hall.ranking("clerk", first, last, report=report, earlier=earlier)
            return report.hall.served

        for label, (first, last), option in (
            ("day", (DAY, DAY), ["--day", DAY.isoformat()]),
            ("week", WEEK, ["--week", f"{WEEK[0]:%G-W%V}"]),
            ("month", MONTH, ["--month", f"{MONTH[0]:%Y-%m}"]),
        ):
            hall.report(first, last)  # warm: the pages the range needs in the cache
            seconds, served = _median(lambda f=first, la=last: notice(f, la))
            terminal, _ = _median(lambda o=option: _report_command(url, o, workdir, files=False))
            command, _ = _median(lambda o=option: _report_command(url, o, workdir))
            out[label] = {
                "first": first.isoformat(),
                "last": last.isoformat(),
                "served": served,
                "figures_and_rankings_s": round(seconds, 2),
                "command_in_the_terminal_s": round(terminal, 2),
                "command_with_pdf_and_csv_s": round(command, 2),
            }
            goal = GOALS.get(label)
            met = (
                ""
                if goal is None
                else f" (goal < {goal:.0f} s: {'met' if seconds < goal else 'NOT met'})"
            )
            progress(
                f"{name} {label} {first}..{last}: {served:,} served; figures and rankings "
                f"{seconds:.2f} s{met}; yimen report {terminal:.2f} s in the terminal, "
                f"{command:.2f} s with its PDF and CSV"
            )
    return out


def _report_command(url: str, option: list[str], workdir: Path, *, files: bool = True) -> None:
    """``yimen report`` as a supervisor runs it: a new process; with ``files``, the PDF and
    the CSV written too."""
    env = {**os.environ, "YIMEN_NOW": NOW.isoformat()}
    written = ["--pdf", str(workdir / "report.pdf"), "--csv", str(workdir / "report.csv")]
    subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", url, "report", *option]
        + (written if files else []),
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hallyear", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "all"), default="all")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(os.environ.get("YIMEN_BENCH_YEAR_DIR", ".bench-year")),
        help="where the hall-year is kept between runs (default .bench-year)",
    )
    parser.add_argument(
        "--small",
        action="store_true",
        help="a try-out: the demo hall twice over, January's first three weeks",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(args.workdir)}
    if args.small:
        sqlite = build_sqlite(args.workdir / "small.db", copies=2, last=date(2026, 1, 24))
    else:
        sqlite = build_sqlite(args.workdir / "hall-year.db")
    if args.db in ("sqlite", "all"):
        results["SQLite"] = measure(sqlite, "SQLite", args.workdir)
    if args.db in ("postgresql", "all"):
        with postgres(args.workdir / "pg") as server, _database(server) as pg_url:
            progress("copying the hall-year into PostgreSQL")
            copy_to_postgres(sqlite, pg_url)
            results["PostgreSQL"] = measure(pg_url, "PostgreSQL", args.workdir)
            results["PostgreSQL"]["server"] = server.settings
    print(json.dumps(results, indent=2, default=str))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


def _database(server: Any) -> Any:
    return server.database("hall_year")


if __name__ == "__main__":
    sys.exit(main())
