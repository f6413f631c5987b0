"""``yimen simulate``: days of the demo hall's traffic played through the core, each carrying
what the reports count, the same days again from the same seed, the days the hall is
closed left out."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.cli import main
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.demo.traffic import DayReport, passwords_for, simulate
from shared.demo.traffic_plan import default_first_day, open_days, plan_day
from shared.hall import Hall, init_hall
from shared.store.db import sqlite_url
from shared.store.model import Ticket

from .conftest import SHANGHAI, TUESDAY_0930

MONDAY = date(2026, 11, 30)
TUESDAY = date(2026, 12, 1)
SEED = 3
#: A small share of a usual day's citizens (about 60 of them): every kind of thing still
#: happens, in a second or two.
SMALL = 0.15


def demo_passwords(hall: Hall) -> dict[str, str]:
    passwords = passwords_for(hall.settings)
    assert passwords is not None
    return passwords


def run(
    hall: Hall, first: date, days: int, seed: int | str = SEED, scale: float = SMALL
) -> list[DayReport]:
    clock = hall.clock
    assert isinstance(clock, FixedClock)
    return simulate(hall, clock, first, days, seed, demo_passwords(hall), scale=scale)


def tickets_of(hall: Hall) -> list[tuple[object, ...]]:
    """Every ticket of the hall as a person comparing two halls would list it."""
    cat = hall.settings.catalog
    with hall.db.read() as s:
        rows = s.scalars(select(Ticket).order_by(Ticket.business_day, Ticket.number)).all()
        out = []
        for t in rows:
            window = cat.window_by_id(t.window_id)
            clerk = cat.clerk_by_id(t.clerk_id)
            out.append(
                (
                    t.business_day,
                    t.number,
                    cat.service_of(s, t.service_id).code,
                    t.state.value,
                    t.priority.value,
                    t.issued_at,
                    t.called_at,
                    t.finished_at,
                    window.number if window else None,
                    clerk.code if clerk else None,
                    t.transfers,
                    t.requeues,
                )
            )
    return out


@pytest.fixture
def simulated(unstaffed_hall: Hall) -> Iterator[tuple[Hall, list[DayReport]]]:
    """Monday and Tuesday in the demo hall, a small day each."""
    yield unstaffed_hall, run(unstaffed_hall, MONDAY, 2)


def test_a_simulated_day_carries_every_thing_a_report_counts(
    simulated: tuple[Hall, list[DayReport]],
) -> None:
    hall, reports = simulated
    monday, tuesday = reports
    assert [r.day for r in reports] == [MONDAY, TUESDAY]
    plan = plan_day(hall.settings, MONDAY, SEED, staff=frozenset(demo_passwords(hall)), scale=SMALL)
    assert plan is not None
    # Everyone of the plan who came took a ticket or was refused one; appointments booked
    # the day before and never come for stay unused.
    came = [c for c in plan.citizens if c.booking is None or c.at < c.booking.slot_end]
    assert monday.issued + monday.refused == len(came)
    assert monday.booked == len(plan.bookings)

    states = Counter(t[3] for t in tickets_of(hall) if t[0] == MONDAY)
    # After the close of day nothing is left waiting, called, in service or held.
    assert set(states) <= {"done", "no_show", "expired"}
    assert states["done"] == monday.served
    assert states["expired"] == monday.expired
    assert states["no_show"] == monday.no_shows - monday.requeued
    assert sum(states.values()) == monday.issued
    assert tuesday.issued == len({t[1] for t in tickets_of(hall) if t[0] == TUESDAY})

    # Every kind of thing, every day.
    for r in (monday, tuesday):
        assert r.issued > 35 and r.served > 30
        assert r.no_shows >= 1 and r.requeued >= 1 and r.recalls >= 2
        assert r.held >= 2 and r.notices >= 1 and r.returned >= 2
        assert r.transferred >= 1
        assert r.green >= 1 and r.checked_in >= 1
        assert r.reviews >= 1 and r.bad_reviews >= 1 and r.cases_opened == r.bad_reviews
        assert r.noon_covered is True and r.noon_duty
        assert r.extended >= 1
    # What the core reads back of the days.
    assert len(hall.notices(MONDAY)) == monday.notices
    assert len(hall.extended_services(MONDAY)) == monday.extended
    assert len(hall.extended_services(TUESDAY)) == tuesday.extended
    noon = hall.noon_coverage(MONDAY)
    assert noon.state == "over" and noon.covered
    reviews = hall.reviews(MONDAY)
    assert len(reviews) == monday.reviews
    bad = [r for r in reviews if r.level in ("dissatisfied", "very_dissatisfied")]
    assert len(bad) == monday.bad_reviews and all(r.case_id for r in bad)
    assert all(r.reasons or r.text for r in bad)
    # AB posts: every A who handed over got the window back.
    absences = hall.absences(open_only=False)
    assert absences and not any(a.away for a in absences)
    assert len(absences) == monday.hand_overs + tuesday.hand_overs
    assert monday.hand_backs == monday.hand_overs and tuesday.hand_backs == tuesday.hand_overs
    assert {a.reason for a in absences} <= {"meeting", "study", "lunch"}
    assert all(a.covered_by == a.b_code for a in absences)


def test_the_supervisor_works_on_monday_s_cases_on_tuesday(
    simulated: tuple[Hall, list[DayReport]],
) -> None:
    hall, (monday, tuesday) = simulated
    assert monday.case_steps == 0 and tuesday.case_steps >= 1
    monday_cases = [c for c in hall.cases(open_only=False) if c.review.business_day == MONDAY]
    assert len(monday_cases) == monday.cases_opened
    worked = [hall.case(c.id) for c in monday_cases if c.state != "pending"]
    assert worked
    for case in worked:
        steps = [s for s in case.steps if s.clerk_code is not None]
        assert steps and {s.clerk_code for s in steps} == {"1015"}
        assert all(hall.settings.business_day(s.at) == TUESDAY for s in steps)


def test_the_same_seed_gives_the_same_tickets(
    unstaffed_hall: Hall, tmp_path: Path, demo_config: object
) -> None:
    """On another copy of the hall, on another database, the seed plays the same day."""
    run(unstaffed_hall, MONDAY, 1, scale=0.1)
    url = sqlite_url(tmp_path / "again.db")
    init_hall(url, load_hall_config(DEMO_HALL_PATH), FixedClock(TUESDAY_0930))
    with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as again:
        run(again, MONDAY, 1, scale=0.1)
        other_url = sqlite_url(tmp_path / "other.db")
        init_hall(other_url, load_hall_config(DEMO_HALL_PATH), FixedClock(TUESDAY_0930))
        first = tickets_of(unstaffed_hall)
        assert len(first) > 25
        assert tickets_of(again) == first
    with Hall.connect(other_url, clock=FixedClock(TUESDAY_0930)) as other:
        run(other, MONDAY, 1, seed=SEED + 1, scale=0.1)
        assert tickets_of(other) != first


def test_closed_days_are_left_out_and_a_swapped_weekend_day_is_a_workday(
    unstaffed_hall: Hall,
) -> None:
    settings = unstaffed_hall.settings
    # 国庆节: 1–7 October closed; Saturday 10 October is a workday (调休); the demo hall
    # opens on Saturday mornings (5+2), never on Sundays.
    days = list(open_days(settings, date(2026, 9, 30)))[:6]
    assert days == [
        date(2026, 9, 30),
        date(2026, 10, 8),
        date(2026, 10, 9),
        date(2026, 10, 10),
        date(2026, 10, 12),
        date(2026, 10, 13),
    ]
    staff = frozenset(demo_passwords(unstaffed_hall))
    swapped = plan_day(settings, date(2026, 10, 10), SEED, staff=staff)
    saturday = plan_day(settings, date(2026, 10, 17), SEED, staff=staff)
    assert plan_day(settings, date(2026, 10, 11), SEED, staff=staff) is None
    assert plan_day(settings, date(2026, 10, 1), SEED, staff=staff) is None
    assert swapped is not None and saturday is not None
    assert swapped.opening.noon_break is not None and len(swapped.windows) == 12
    # A Saturday morning: the comprehensive windows alone, three hours, fewer citizens.
    assert saturday.opening.close == time(12, 0) and saturday.opening.noon_break is None
    assert saturday.windows == (1, 2, 4, 7, 8, 9)
    assert len(saturday.citizens) < len(swapped.citizens) / 3
    # --from by default: the 30th day the hall opened before today.
    assert default_first_day(settings, date(2026, 10, 14), back=5) == date(2026, 10, 8)


def test_a_holiday_between_two_days_gets_no_tickets(unstaffed_hall: Hall) -> None:
    reports = run(unstaffed_hall, date(2026, 9, 30), 2, scale=0.05)
    assert [r.day for r in reports] == [date(2026, 9, 30), date(2026, 10, 8)]
    days = {t[0] for t in tickets_of(unstaffed_hall)}
    assert days == {date(2026, 9, 30), date(2026, 10, 8)}


def test_citizens_come_in_a_morning_peak_a_noon_dip_and_an_afternoon_peak(
    unstaffed_hall: Hall,
) -> None:
    settings = unstaffed_hall.settings
    staff = frozenset(demo_passwords(unstaffed_hall))
    per_hour: Counter[float] = Counter()
    for day in (MONDAY, TUESDAY, date(2026, 12, 2), date(2026, 12, 3)):
        plan = plan_day(settings, day, SEED, staff=staff)
        assert plan is not None
        for c in plan.citizens:
            if c.booking is None:
                t = settings.local(c.at).time()
                per_hour[t.hour + (t.minute >= 30) / 2] += 1
    morning = (per_hour[9] + per_hour[9.5] + per_hour[10]) / 3  # 9:00–10:30
    noon = (per_hour[12] + per_hour[12.5] + per_hour[13]) / 3  # 12:00–13:30
    afternoon = (per_hour[13.5] + per_hour[14] + per_hour[14.5]) / 3  # 13:30–15:00
    late = (per_hour[15] + per_hour[15.5] + per_hour[16]) / 3
    assert morning > afternoon > late > noon
    # A usual day of the demo hall: some 300–400 citizens (what its windows can serve).
    plan = plan_day(settings, TUESDAY, SEED, staff=staff)
    assert plan is not None and 280 <= len(plan.citizens) <= 420


# -- the command ----------------------------------------------------------------------


def yimen(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    at = datetime(2026, 12, 2, 8, 0, tzinfo=SHANGHAI)
    monkeypatch.setenv("YIMEN_NOW", at.isoformat())
    return at


def test_the_command_says_each_day_and_the_totals(
    empty_db_url: str, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    assert yimen("init", "--demo", "--db", empty_db_url) == 0
    capsys.readouterr()
    status = yimen(
        "simulate", "--days", "2", "--from", "2026-11-30", "--scale", "0.05",
        "--db", empty_db_url, "--lang", "en",
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert status == 0
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-11-30 Monday: ") and lines[1].startswith("2026-12-01 ")
    assert " issued, " in lines[0] and lines[0].endswith(" s")
    assert out.startswith("Simulated 2 open days (2026-11-30 to 2026-12-01, seed 1): ")
    assert "operations of the core" in out
    # Again on the same days: refused, the hall already has them.
    assert yimen("simulate", "--days", "1", "--from", "2026-11-30", "--db", empty_db_url) == 2
    assert "已有号票" in capsys.readouterr().err


def test_the_command_s_json_and_its_default_first_day(
    empty_db_url: str, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    assert yimen("init", "--demo", "--db", empty_db_url) == 0
    capsys.readouterr()
    status = yimen(
        "simulate", "--days", "1", "--scale", "0.05", "--seed", "9", "--db", empty_db_url,
        "--json",
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    data = json.loads(out)
    # The 30th day the demo hall opened before Wednesday 2 December (Saturdays count).
    assert data["first"] == data["last"] == "2026-10-28"
    assert data["seed"] == "9" and data["hall"] == "QC"
    [day] = data["days"]
    assert data["totals"]["issued"] == day["issued"] > 0
    assert data["totals"]["served"] == day["served"]


def test_another_hall_needs_its_clerks_password(
    empty_db_url: str, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DEMO_HALL_PATH.read_text(encoding="utf-8").replace('code = "QC"', 'code = "XY"', 1)
    config = tmp_path / "xy.toml"
    config.write_text(text, encoding="utf-8")
    assert yimen("init", "--config", str(config), "--db", empty_db_url) == 0
    capsys.readouterr()
    args = ("simulate", "--days", "1", "--from", "2026-11-30", "--scale", "0.05")
    assert yimen(*args, "--db", empty_db_url) == 2
    err = capsys.readouterr().err
    assert "--password" in err and "XY" in err
    assert yimen(*args, "--db", empty_db_url, "--password", "demo1234") == 0
    assert "2026-11-30 周一" in capsys.readouterr().err
