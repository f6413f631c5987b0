"""The old databases the upgrade tests start from (tests/test_upgrades.py), one for each
schema this project has released, each made by the code of its own time.

A released schema N is the database the program made at the commit just before migration
N+1 was added (``git log --follow shared/store/migrations/versions/00NN_*.py``; the
migrations lived in ``shared/migrations`` until commit f5e7f3c):

=================  ======  =========  ===================================================
file               schema  commit     that commit's program (the next migration's commit)
=================  ======  =========  ===================================================
schema-0001.db.gz  0001    a318631    the hall core (2d24195 adds 0002)
schema-0002.db.gz  0002    ab10a31    the hall's voice (f98ae64 adds 0003)
schema-0003.db.gz  0003    45135c7    the kiosk (be541a0 adds 0004)
schema-0004.db.gz  0004    1d288f2    signing in (6641afb adds 0005)
schema-0005.db.gz  0005    d2a6d6f    the lobby display (ed17d2c adds 0006)
schema-0006.db.gz  0006    2f3e191    the staffing rules (ede8256 adds 0007)
schema-0007.db.gz  0007    eea7315    reviews and cases (fb2e6d7 adds 0008)
schema-0008.db.gz  0008    88b1352    the supervisor's station (d031628 adds 0009)
schema-0009.db.gz  0009    35beb2a    the report's index (94820a3 adds 0010)
=================  ======  =========  ===================================================

How each was made: ``git worktree add --detach /tmp/yimen-schema-N COMMIT``; then this
file's ``play`` ran in that checkout, with this project's virtual environment and
``PYTHONPATH`` set to the checkout (those programs need nothing this environment lacks),
through that version's own facade (``Hall``) and nothing else, its password hashes made
at the cost the test suite uses (``cheap_passwords``):

* ``init_hall`` with that version's demo hall (``assets/demo-hall.toml``), as
  ``yimen init --demo`` does, on Monday 2026-11-23 at 16:00;
* Monday afternoon at windows 1 and 2: a few tickets, one served, one a no-show after a
  recall, one served past closing (17:30, 延时服务 from schema 0006 on, with a refused
  request to stay), and the close of day at 18:00 expiring the rest;
* Tuesday 2026-11-24: two appointments booked the evening before; that version's simulated
  morning (``yimen demo --morning``'s ``simulate_morning``: 36 citizens, windows 1-6,
  seed 7, 08:30-11:30, with its sign-ins from schema 0004 on);
* then, from 11:35 (Asia/Shanghai), what the morning did not do: tickets left waiting,
  one called, one in service, one held (with a one-time notice from 0006), a no-show put
  back in line, a call-back, a window paused, the appointment checked in, help requests
  and a printer fault (from 0003), an AB hand-over and hand-back and one still away (from
  0006), ratings with one bad one and its case started (from 0007), a supervisor's
  session, a daily cap and per-slot quotas changed, the alarms swept and one
  acknowledged (from 0008).

Each holds 50 tickets (Tuesday's: 34 done, 2 no-shows, 5 waiting, one called, one in
service, one held) and 190-250 events, its last at 11:53; the tests read it as at 11:58
(``FIXTURE_NOW``). Every file is VACUUMed and gzipped: 18-29 KB each.

Run by hand, from the repository's root, after a new schema is released (add its row
above and to ``COMMITS``):

    .venv/bin/python tests/data/schemas/make.py          # every file
    .venv/bin/python tests/data/schemas/make.py 8 9      # these schemas only
"""

from __future__ import annotations

import gzip
import importlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

#: The schema each commit released: the program at the commit before the next migration.
COMMITS = {
    1: "a318631",
    2: "ab10a31",
    3: "45135c7",
    4: "1d288f2",
    5: "d2a6d6f",
    6: "2f3e191",
    7: "eea7315",
    8: "88b1352",
    9: "35beb2a",
}

TZ = ZoneInfo("Asia/Shanghai")
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)
PASSWORD = "demo1234"  # every demo clerk's initial password


def fixture_path(rev: int) -> Path:
    return HERE / f"schema-{rev:04d}.db.gz"


# -- the parent: a checkout per schema, its program run, the file kept ---------------------


def make(rev: int) -> Path:
    """The database of schema ``rev``, made by the program of its commit."""
    checkout = Path(tempfile.gettempdir()) / f"yimen-schema-{rev}"
    if checkout.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT)
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(checkout), COMMITS[rev]], cwd=ROOT, check=True
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "hall.db"
            env = dict(os.environ, PYTHONPATH=str(checkout), YIMEN_LANG="zh")
            env.pop("YIMEN_DB", None)
            env.pop("YIMEN_NOW", None)
            subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--play", str(rev), str(db)],
                cwd=checkout,
                env=env,
                check=True,
            )
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            conn.execute("VACUUM")
            conn.close()
            out = fixture_path(rev)
            with open(db, "rb") as src, gzip.GzipFile(out, "wb", mtime=0) as dst:
                shutil.copyfileobj(src, dst)
            return out
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT)


# -- the child: runs inside the old checkout, on its own code ------------------------------


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def cheap_passwords() -> None:
    """The old program's password hashes at the cost the test suite gives this one's
    (``YIMEN_PASSWORD_COST=test``: argon2id, 1 pass, 64 KiB), which the old programs had
    no setting for: an upgraded database's sign-ins then cost the tests what others do
    (``yimen init`` checks every clerk's password against the hall's file)."""
    import argon2

    class Cheap(argon2.PasswordHasher):
        def __init__(self, *_args: Any, **_kwargs: Any) -> None:
            super().__init__(time_cost=1, memory_cost=64, parallelism=1)

    argon2.PasswordHasher = Cheap  # type: ignore[misc]


def play(rev: int, path: Path) -> None:
    """One Monday afternoon and one Tuesday morning of the demo hall, through the facade
    of the program in ``sys.path`` (schema ``rev``)."""
    cheap_passwords()
    sim: Any = importlib.import_module("shared.demo.simulate" if rev >= 7 else "shared.simulate")
    url = sim.sqlite_url(path)
    config = sim.load_hall_config(sim.DEMO_HALL_PATH)
    clock = sim.FixedClock(at(MONDAY, 16))
    sim.init_hall(url, config, clock)
    with sim.Hall.connect(url, clock=clock) as hall:
        monday(hall, clock, rev)
        code = _book(hall, clock)
        clock.set(at(TUESDAY, 8, 30))
        if rev >= 4:
            passwords = {c.code: c.password for c in config.clerks if c.password}
            report = sim.simulate_morning(
                hall, clock, TUESDAY, passwords, citizens=36, windows=6, seed=7
            )
        else:
            report = sim.simulate_morning(hall, clock, TUESDAY, citizens=36, windows=6, seed=7)
        print(f"schema {rev:04d}: {report.summary('en')}")
        tuesday_noon(hall, clock, rev, code)


def _step(clock: Any, when: datetime) -> None:
    clock.set(when)


def monday(hall: Any, clock: Any, rev: int) -> None:
    """Windows 1 and 2 in the afternoon: served, a no-show, one served past closing, a
    refused request to stay, then the close of day."""
    if rev >= 4:
        hall.sign_in("1001", PASSWORD, 1)
        hall.sign_in("1002", PASSWORD, 2)
    for minute, service in enumerate(("qy-sl", "qy-bg", "gt-zc", "qy-sl", "sw-xb", "qy-zx")):
        _step(clock, at(MONDAY, 16, 5 + minute))
        hall.issue_ticket(service, green=minute == 4)
    _step(clock, at(MONDAY, 16, 15))
    hall.call_next(1, "1001")
    _step(clock, at(MONDAY, 16, 16))
    hall.start(1, "1001")
    _step(clock, at(MONDAY, 16, 40))
    hall.finish(1, "1001")
    _step(clock, at(MONDAY, 16, 41))
    hall.call_next(2, "1002")
    _step(clock, at(MONDAY, 16, 43))
    hall.recall(2, "1002")
    _step(clock, at(MONDAY, 16, 47))
    hall.no_show(2, "1002")
    _step(clock, at(MONDAY, 17, 20))
    hall.call_next(1, "1001")
    _step(clock, at(MONDAY, 17, 21))
    hall.start(1, "1001")
    if rev >= 6:
        _step(clock, at(MONDAY, 17, 35))
        hall.mark_extended(1, "1001", "citizen_request", "材料已齐，群众要求当天办结")
        _step(clock, at(MONDAY, 17, 36))
        hall.decline_extended(2, "1002", "系统已关闭，无法受理", None)
    _step(clock, at(MONDAY, 17, 44))
    hall.finish(1, "1001")
    if rev >= 4:
        _step(clock, at(MONDAY, 17, 50))
        hall.sign_out("1001", 1)
        hall.sign_out("1002", 2)
    _step(clock, at(MONDAY, 18, 0))
    hall.close_day()


def _book(hall: Any, clock: Any) -> str:
    """An appointment for Tuesday 10:00-12:00, booked on Monday evening."""
    _step(clock, at(MONDAY, 20, 0))
    booked = hall.book_appointment(
        "gt-zc",
        at(TUESDAY, 10),
        at(TUESDAY, 12),
        citizen_name="王强",
        id_number="110101199003071233",
    )
    hall.book_appointment(
        "sp-jy",
        at(TUESDAY, 14),
        at(TUESDAY, 15),
        citizen_name="李娜",
        id_number="110101198512120027",
    )
    return str(booked.code)


def tuesday_noon(hall: Any, clock: Any, rev: int, code: str) -> None:
    """What the simulated morning leaves out, from 11:35 to 11:59."""
    minute = iter(range(35, 60))

    def tick() -> None:
        _step(clock, at(TUESDAY, 11, next(minute)))

    tick()
    for n, service in enumerate(("qy-sl", "gt-zc", "sb-cb", "yb-yd", "bdc-dj", "qy-bg", "sp-jy")):
        if rev >= 3:
            hall.issue_ticket(service, request_id=f"K1-noon-{n}", kiosk="K1")
        else:
            hall.issue_ticket(service, id_number="110101197001010016" if n == 0 else None)
    tick()
    if rev >= 3:
        hall.check_in(code, request_id="K1-appt", kiosk="K1")
    else:
        hall.issue_ticket("gt-zc", appointment_code=code)
    no_shows = _numbers_in(hall, "no_show")
    if no_shows:  # a no-show of the morning back, put in line again
        tick()
        hall.requeue(no_shows[0])
    tick()
    hall.call_next(1, "1001")  # called, the citizen walking up
    tick()
    hall.call_next(2, "1002")
    tick()
    hall.start(2, "1002")  # in service
    tick()
    hall.call_next(3, "1003")
    tick()
    in_hand = hall.start(3, "1003")
    if rev >= 6:
        tick()
        listed = next(sv.materials for sv in hall.services() if sv.code == in_hand.service_code)
        hall.give_notice(3, "1003", list(listed[:2]), "加盖公章")  # and held
    else:
        tick()
        hall.hold(3, "1003", "fetch_materials", reason="缺营业执照复印件")  # held
    tick()
    hall.call_next(4, "1004")
    tick()
    held = hall.start(4, "1004")
    hall.hold(4, "1004", "materials_at_window", reason="现场补填申请表")
    tick()
    hall.call_back(4, "1004", held.number)  # back at the window once the form is filled
    hall.start(4, "1004")
    tick()
    hall.finish(4, "1004")
    tick()
    hall.pause(5, "1005", reason="系统维护")
    if rev >= 3:
        tick()
        first = hall.request_help("K1")
        hall.request_help("K2")
        hall.acknowledge_help(first.request, "1012")
        hall.report_printer_fault("K2", "printer.no_paper", "缺纸")
    if rev >= 6:
        tick()
        hall.hand_over(6, "1006", "study", b_password=PASSWORD)  # B (1014) takes it
        tick()
        hall.hand_back(6, "1014", PASSWORD, report="接待1人")
        hall.sign_in("1007", PASSWORD, 7)
        hall.hand_over(
            7, "1007", "meeting", expected_return=at(TUESDAY, 14, 30), b_password=PASSWORD
        )  # still away at noon
    if rev >= 7:
        tick()
        _rate(hall, rev)
    if rev >= 8:
        tick()
        staff = hall.sign_in_supervisor("1015", PASSWORD, "supervisor-1")
        hall.set_daily_cap(staff.token, "qy-sl", 120)
        hall.set_time_slots(staff.token, "hj-qy", [("08:30", "11:30"), ("13:30", "16:30")], [30, 0])
        hall.report_printer_ok("K2")
        sweep = hall.sweep_alarms()
        if sweep.open:
            hall.acknowledge_alarm(staff.token, sweep.open[-1].id)


def _numbers_in(hall: Any, state: str) -> list[str]:
    """Tuesday's ticket numbers in ``state``, read through the facade's ticket look-up."""
    found = []
    for prefix in "ABCDEFGH":
        for n in range(1, 40):
            number = f"{prefix}{n:03d}"
            try:
                t = hall.ticket(number)
            except Exception:  # no such ticket (the old program's HallError): next prefix
                break
            if t.state == state:
                found.append(number)
    return found


def _rate(hall: Any, rev: int) -> None:
    """Five of the morning's finished tickets rated, one badly with a reason (a case),
    and the case taken up by the centre's director."""
    done = _numbers_in(hall, "done")
    levels = ("very_satisfied", "satisfied", "very_satisfied", "basically_satisfied")
    for number, level in zip(done, levels, strict=False):
        hall.submit_review(hall.ticket(number).review_code, level, channel="evaluator")
    bad = hall.submit_review(
        hall.ticket(done[len(levels)]).review_code,
        "dissatisfied",
        channel="qr",
        reasons=["slow"],
        text="等了很久",
        phone="13800138000",
    )
    hall.case_action(bad.case_id, "start", "1015", password=PASSWORD, note="已联系窗口负责人")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--play"]:
        play(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        for rev in [int(a) for a in sys.argv[1:]] or sorted(COMMITS):
            print(f"{make(rev)}: {fixture_path(rev).stat().st_size:,} bytes")
