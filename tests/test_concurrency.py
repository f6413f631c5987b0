"""Eight kiosks and four counters at once, each its own process, on each database:
no number is issued twice, no ticket is called twice, none is lost."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from bench.workload import run
from shared.hall import Hall
from shared.store.model import Event, EventKind, Ticket, TicketState

from .conftest import local

# Services without a daily cap or time slots, across the three zones.
SERVICES = ["qy-bg", "qy-zx", "gt-zc", "sw-xb", "sb-cb", "yb-yd", "yl-dy", "tz-ba"]
# Two zone windows and the two hall-wide windows (8 全科, 9 绿色通道), with their A posts.
WINDOWS = [(1, "1001"), (4, "1004"), (8, "1008"), (9, "1009")]
KIOSKS = 8
TICKETS_PER_KIOSK = 40  # 320 tickets in all: every kiosk and counter contends throughout


@pytest.mark.slow
def test_many_kiosks_and_counters_at_once_lose_nothing_and_double_nothing(db_url: str) -> None:
    result = run(
        db_url,
        services=SERVICES,
        windows=WINDOWS,
        kiosks=KIOSKS,
        tickets_per_kiosk=TICKETS_PER_KIOSK,
        start=local(24, 10, 0),
    )
    issued = result.issued
    called = result.called
    assert sum(sum(k.refused.values()) for k in result.kiosks) == 0
    assert len(issued) == KIOSKS * TICKETS_PER_KIOSK
    duplicates = [n for n, c in Counter(issued).items() if c > 1]
    assert duplicates == [], f"numbers issued twice: {duplicates[:10]}"
    called_twice = [n for n, c in Counter(called).items() if c > 1]
    assert called_twice == [], f"tickets called twice: {called_twice[:10]}"
    assert sorted(called) == sorted(issued)  # every ticket was called, by exactly one window
    assert all(c.numbers for c in result.counters)  # every window took part

    with Hall.connect(db_url) as hall, hall.db.read() as s:
        states = dict(s.execute(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
        assert states == {TicketState.DONE: len(issued)}
        called_events = s.execute(
            select(Event.ticket_id, func.count())
            .where(Event.kind == EventKind.CALLED)
            .group_by(Event.ticket_id)
        ).all()
        assert len(called_events) == len(issued)
        assert {n for _, n in called_events} == {1}
        # Numbers of each prefix are 1..n without a gap.
        by_prefix: dict[str, list[int]] = {}
        for number in issued:
            by_prefix.setdefault(number[0], []).append(int(number[1:]))
        for numbers in by_prefix.values():
            assert sorted(numbers) == list(range(1, len(numbers) + 1))
        # The event log has one id per event, without a gap: commit order is total.
        ids = list(s.scalars(select(Event.id).order_by(Event.id)))
        assert ids == list(range(1, len(ids) + 1))
        ticket_events = s.scalar(select(func.count(Event.id)).where(Event.ticket_id.is_not(None)))
        assert ticket_events == 4 * len(issued)  # issued, called, started, finished
