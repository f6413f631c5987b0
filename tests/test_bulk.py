"""A played day written again in bulk on another day (``yimen simulate --bulk``): the same
rows and events with their times moved, so the same report and ranking; what must be
unique made anew; the copied cases' later steps still taken through the core."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.demo.bulk import CopyRefused, copy_day
from shared.demo.traffic import Player, passwords_for, simulate
from shared.demo.traffic_plan import plan_day
from shared.hall import Hall
from shared.rules.figures import Figures
from shared.rules.notices import notice_serial
from shared.store.model import (
    Absence,
    Appointment,
    Event,
    EventClock,
    Notice,
    NumberCounter,
    Review,
    ReviewCase,
    Ticket,
)

MONDAY = date(2026, 11, 30)
NEXT_MONDAY = date(2026, 12, 7)
SEED = 5
SMALL = 0.3


def _player(hall: Hall) -> Player:
    clock = hall.clock
    assert isinstance(clock, FixedClock)
    passwords = passwords_for(hall.settings)
    assert passwords is not None
    return Player(hall, clock, passwords)


@pytest.fixture
def copied(unstaffed_hall: Hall) -> tuple[Hall, Player]:
    """Monday played through the core, then written again on the Monday after."""
    hall = unstaffed_hall
    player = _player(hall)
    plan = plan_day(hall.settings, MONDAY, SEED, staff=frozenset(player.passwords), scale=SMALL)
    assert plan is not None
    played = player.play(plan)
    copy = player.copy(played, NEXT_MONDAY)
    assert copy.copy_of == MONDAY and copy.issued == played.issued
    return hall, player


def _events(hall: Hall, day: date) -> list[tuple[Any, ...]]:
    """The day's events as a person comparing two days lists them: in id order, each
    at its time of day, with its ticket's number, its window and clerk by their ids."""
    start = hall.settings.day_start(day)
    end = hall.settings.day_end(day)
    with hall.db.read() as s:
        numbers = dict(
            s.execute(select(Ticket.id, Ticket.number).where(Ticket.business_day == day)).all()
        )
        rows = s.scalars(select(Event).order_by(Event.id)).all()
        out = []
        for e in rows:
            mine = e.ticket_id in numbers if e.ticket_id else start <= e.at < end
            if not mine:
                continue
            data = dict(e.data or {})
            for unique in ("request", "serial", "case"):
                data.pop(unique, None)
            moved = {k: v for k, v in data.items() if isinstance(v, str) and v[:4] == "2026"}
            for k in moved:
                data[k] = datetime.fromisoformat(v).time() if "T" in (v := moved[k]) else "day"
            out.append(
                (
                    e.kind,
                    hall.settings.local(e.at).time(),
                    numbers.get(e.ticket_id) if e.ticket_id else None,
                    e.window_id,
                    e.clerk_id,
                    e.from_state,
                    e.to_state,
                    re.sub(r"QC-\d{8}-\d{4}", "SERIAL", e.reason or ""),
                    sorted(data.items()),
                )
            )
    return out


def _tickets(hall: Hall, day: date) -> list[tuple[Any, ...]]:
    local = hall.settings.local
    with hall.db.read() as s:
        rows = s.scalars(
            select(Ticket).where(Ticket.business_day == day).order_by(Ticket.number)
        ).all()
        return [
            (
                t.number,
                t.service_id,
                t.issued_service_id,
                t.state,
                t.priority,
                local(t.issued_at).time(),
                t.called_at and local(t.called_at).time(),
                t.started_at and local(t.started_at).time(),
                t.finished_at and local(t.finished_at).time(),
                t.window_id,
                t.clerk_id,
                t.recalls,
                t.requeues,
                t.transfers,
                t.hold_kind,
                t.appointment_id is not None,
                t.id_hash,
            )
            for t in rows
        ]


def test_the_copy_has_the_played_days_rows_at_the_same_times_and_new_unique_values(
    copied: tuple[Hall, Player],
) -> None:
    hall, _ = copied
    assert _tickets(hall, NEXT_MONDAY) == _tickets(hall, MONDAY)
    played, copy = _events(hall, MONDAY), _events(hall, NEXT_MONDAY)
    assert len(played) > 300
    assert copy == played
    with hall.db.read() as s:

        def count(model: Any, *where: Any) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        for model in (Review, Notice, Appointment):
            column = model.day if model is Appointment else model.business_day
            assert count(model, column == NEXT_MONDAY) == count(model, column == MONDAY) > 0
        counters = {
            (c.prefix, c.last_no)
            for c in s.scalars(select(NumberCounter).where(NumberCounter.business_day == MONDAY))
        }
        assert counters == {
            (c.prefix, c.last_no)
            for c in s.scalars(
                select(NumberCounter).where(NumberCounter.business_day == NEXT_MONDAY)
            )
        }
        start = hall.settings.day_start
        absences = [
            (a.window_id, a.clerk_id, a.reason, a.left_at - start(d), a.returned_at - start(d))
            for d in (MONDAY, NEXT_MONDAY)
            for a in s.scalars(
                select(Absence).where(
                    Absence.left_at >= start(d), Absence.left_at < start(d) + timedelta(days=1)
                )
            )
        ]
        assert absences and absences[: len(absences) // 2] == absences[len(absences) // 2 :]

    # What must be unique is made anew.
    with hall.db.read() as s:
        codes = s.scalars(select(Appointment.code)).all()
        assert len(codes) == len(set(codes))
        requests = [r for r in s.scalars(select(Ticket.request_id)) if r]
        assert len(requests) == len(set(requests))
        notices = s.scalars(select(Notice).where(Notice.business_day == NEXT_MONDAY)).all()
        for n in notices:
            given = s.scalar(
                select(Event.data).where(
                    Event.ticket_id == n.ticket_id, Event.kind == "notice_given"
                )
            )
            assert given["serial"] == notice_serial(hall.code, NEXT_MONDAY, n.id)
            held = s.scalars(
                select(Event.reason).where(Event.ticket_id == n.ticket_id, Event.kind == "held")
            ).all()
            assert all(given["serial"] in (r or "") for r in held)
        # The copy's events come after every event before them, as if written then.
        clock = s.scalar(select(EventClock.last_id))
        assert clock == s.scalar(select(func.max(Event.id)))
        helps = [
            e.data["request"]
            for e in s.scalars(select(Event).where(Event.kind == "help_requested"))
        ]
        assert len(helps) == len(set(helps)) > 0


def _figures(f: Figures) -> Figures:
    """The figures with their lists of minutes in order (a query's row order is free)."""
    return replace(f, waits=sorted(f.waits), handlings=sorted(f.handlings))


def test_the_copy_gives_the_played_days_report_ranking_and_cases(
    copied: tuple[Hall, Player],
) -> None:
    hall, player = copied
    played, copy = hall.report(MONDAY), hall.report(NEXT_MONDAY)
    assert played.hall.served > 30
    assert _figures(copy.hall) == _figures(played.hall)
    for group in ("window", "clerk", "service"):
        assert [_figures(f) for f in copy.group(group)] == [
            _figures(f) for f in played.group(group)
        ]
    assert {h: sorted(w) for h, w in copy.waits_by_hour.items()} == {
        h: sorted(w) for h, w in played.waits_by_hour.items()
    }
    for group in ("window", "clerk"):
        ranked = [
            [(r.figures.key, r.score, r.place, r.last) for r in hall.ranking(group, day).ranked]
            for day in (MONDAY, NEXT_MONDAY)
        ]
        assert ranked[0] == ranked[1] and len(ranked[0]) > 3

    # The copied cases stand as at closing, their later steps planned through the core.
    with hall.db.read() as s:
        cases = s.execute(
            select(ReviewCase.id, ReviewCase.state, ReviewCase.due)
            .join(Review, Review.id == ReviewCase.review_id)
            .where(Review.business_day == NEXT_MONDAY)
        ).all()
    assert cases, "the seed gives the day a bad review"
    assert {c.state.value for c in cases} == {"pending"}
    assert all(c.due > NEXT_MONDAY for c in cases)
    planned = {case_id for work in player.case_work.values() for case_id, _ in work}
    with_steps = {c.id for c in cases if player.case_plans.get(c.id)}
    assert with_steps <= planned

    # A copy is refused onto a day with tickets, or with other hours.
    with hall.db.write() as s:
        with pytest.raises(CopyRefused):
            copy_day(s, hall.settings, MONDAY, NEXT_MONDAY)
        with pytest.raises(CopyRefused):
            copy_day(s, hall.settings, MONDAY, date(2026, 12, 5))  # a Saturday morning


def test_a_bulk_run_plays_the_first_days_and_copies_the_rest(unstaffed_hall: Hall) -> None:
    hall = unstaffed_hall
    player = _player(hall)
    reports = simulate(hall, player.clock, MONDAY, 7, SEED, player.passwords, scale=0.1, bulk=1)
    assert [r.copy_of for r in reports] == [
        None,  # Monday, played
        MONDAY,
        MONDAY,
        MONDAY,
        MONDAY,
        None,  # Saturday morning: other hours, played
        MONDAY,  # the Monday after
    ]
    with hall.db.read() as s:
        issued = dict(
            s.execute(select(Ticket.business_day, func.count()).group_by(Ticket.business_day)).all()
        )
    assert [issued[r.day] for r in reports] == [r.issued for r in reports]
