"""The report's totals on a simulated week equal counts taken straight from the tickets,
events and other tables (on SQLite and PostgreSQL): the figures are the hall's record,
counted once, whatever path they took through the core."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.cli import main
from shared.hall import Hall
from shared.store.model import (
    Event,
    EventKind,
    ExtendedService,
    Notice,
    Review,
    Ticket,
    TicketState,
)

FIRST, LAST = date(2026, 11, 23), date(2026, 11, 29)  # Monday to Sunday: a week


@pytest.fixture
def week(unstaffed_db_url: str, monkeypatch: pytest.MonkeyPatch, clock: FixedClock) -> Hall:
    monkeypatch.setenv("YIMEN_NOW", "2026-12-03T08:00+08:00")
    # A weekday and the Saturday played through the core, the other days their copies
    # (yimen simulate --bulk): the report counts what the tables hold, however it got there.
    argv = ["simulate", "--days", "7", "--from", FIRST.isoformat(), "--seed", "3", "--bulk", "1"]
    assert main([*argv, "--scale", "0.2", "--db", unstaffed_db_url]) == 0
    clock.set(clock.at.replace(year=2026, month=12, day=3))
    return Hall.connect(unstaffed_db_url, clock=clock)


def test_the_weeks_report_is_the_tables_own_count(week: Hall) -> None:
    hall = week
    try:
        report = hall.report(FIRST, LAST)
        h = report.hall
        start, end = hall.settings.day_start(FIRST), hall.settings.day_end(LAST)
        with hall.db.read() as s:
            in_days = (
                Ticket.hall_id == hall.settings.id,
                Ticket.business_day >= FIRST,
                Ticket.business_day <= LAST,
            )
            done = (
                s.execute(
                    select(Ticket.window_id).where(*in_days, Ticket.state == TicketState.DONE)
                )
                .scalars()
                .all()
            )
            events = Counter(
                kind
                for kind, window_id in s.execute(
                    select(Event.kind, Event.window_id).where(
                        Event.hall_id == hall.settings.id, Event.at >= start, Event.at < end
                    )
                )
                if not (kind == EventKind.TRANSFERRED and window_id is None)
            )
            levels = Counter(
                s.scalars(
                    select(Review.level).where(
                        Review.business_day >= FIRST, Review.business_day <= LAST
                    )
                )
            )
            extended, extended_minutes = s.execute(
                select(func.count(), func.coalesce(func.sum(ExtendedService.minutes), 0)).where(
                    ExtendedService.business_day >= FIRST, ExtendedService.business_day <= LAST
                )
            ).one()
            notices = s.scalar(
                select(func.count()).where(
                    Notice.business_day >= FIRST, Notice.business_day <= LAST
                )
            )
            empty = sum(
                int((data or {}).get("minutes", 0))
                for data in s.scalars(
                    select(Event.data).where(
                        Event.kind == EventKind.EMPTY_POST, Event.at >= start, Event.at < end
                    )
                )
            )
        assert h.served == len(done) > 300
        assert (h.no_shows, h.transfers, h.holds, h.call_backs) == (
            events[EventKind.NO_SHOW],
            events[EventKind.TRANSFERRED],
            events[EventKind.HELD],
            events[EventKind.CALLED_BACK],
        )
        assert h.no_shows and h.transfers and h.holds
        assert h.handovers == events[EventKind.HANDED_OVER] > 0
        assert h.reviews == sum(levels.values()) > 0
        assert h.bad == levels["dissatisfied"] + levels["very_dissatisfied"] > 0
        assert (h.extended, h.extended_minutes) == (extended, extended_minutes) and extended
        assert h.notices == notices
        assert h.empty_post_minutes == empty
        by_window = Counter(done)
        cat = hall.settings.catalog
        assert {k: f.served for k, f in report.windows.items() if f.served} == {
            str(cat.window_by_id(w).number): n  # type: ignore[union-attr]
            for w, n in by_window.items()
        }
        # The windows' and the clerks' served add up to the hall's.
        assert sum(f.served for f in report.windows.values()) == h.served
        assert sum(f.served for f in report.clerks.values()) == h.served
        # A week's report is the sum of its days'.
        days = [hall.report(FIRST.replace(day=d)) for d in range(23, 30)]
        assert sum(d.hall.served for d in days) == h.served
        assert sum(len(d.hall.waits) for d in days) == len(h.waits)
    finally:
        hall.close()
