"""The supervisor's live floor, on SQLite and PostgreSQL: after 50 mixed operations of a
morning its figures, tiles and waiting equal a fresh count taken straight from the
tables; each tile says what a supervisor sees at the window; acting from the floor
(pause, reopen, move a waiting ticket) goes through the hall's rules."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall
from shared.store.model import Event, EventKind, Review, Ticket, TicketState

from .conftest import DEMO_PASSWORD, local

SERVICES = ("qy-sl", "qy-bg", "hj-qy", "bdc-dj", "gt-zc", "sb-cb")


def mixed_morning(hall: Hall, clock: FixedClock, seed: int, n: int = 50) -> Counter[str]:
    """``n`` operations a morning is made of, chosen at random but each allowed now."""
    rng = random.Random(seed)
    done: Counter[str] = Counter()
    windows = [w for w in hall.windows() if w.clerk_code]
    while sum(done.values()) < n:
        clock.advance(minutes=rng.randint(1, 4))
        w = rng.choice(windows)
        held = hall.desk(w.number).ticket
        op = rng.choice(("issue", "issue", "issue", "call", "call", "finish", "no_show", "rate"))
        try:
            if op == "issue":
                hall.issue_ticket(rng.choice(SERVICES), green=rng.random() < 0.1)
            elif op == "call" and held is None:
                if hall.call_next(w.number, w.clerk_code or "") is None:
                    continue
            elif op == "finish" and held is not None:
                hall.end_service(w.number, w.clerk_code or "")
            elif op == "no_show" and held is not None and held.state == "called":
                hall.no_show(w.number, w.clerk_code or "")
            elif op == "rate" and held is not None:
                finished = hall.ask_review(w.number, w.clerk_code or "")
                level = rng.choice(("very_satisfied", "satisfied", "dissatisfied"))
                hall.submit_review(finished.short_code, level, reasons=["slow"])
            else:
                continue
        except HallError as exc:  # a cap or a rule: part of a morning, not counted
            if exc.code not in ("service.cap_reached", "service.outside_slot"):
                raise
            continue
        done[op] += 1
    return done


def fresh_count(hall: Hall) -> dict[str, object]:
    """The figures counted straight from the tables, independently of the floor."""
    hall_id, day = hall.settings.id, hall.settings.business_day(hall.now())
    with hall.db.read() as s:
        tickets = s.scalars(
            select(Ticket).where(Ticket.hall_id == hall_id, Ticket.business_day == day)
        ).all()
        first_call = {
            ticket_id: at
            for ticket_id, at in s.execute(
                select(Event.ticket_id, func.min(Event.at))
                .where(Event.hall_id == hall_id, Event.kind == EventKind.CALLED)
                .group_by(Event.ticket_id)
            )
        }
        reviews = s.scalars(
            select(Review.level).where(Review.hall_id == hall_id, Review.business_day == day)
        ).all()
    by_id = {t.id: t for t in tickets}
    waits = [
        (at - by_id[i].issued_at).total_seconds() / 60 for i, at in first_call.items() if i in by_id
    ]
    served_at: Counter[int] = Counter(
        t.window_id for t in tickets if t.state == TicketState.DONE and t.window_id
    )
    waiting: Counter[int] = Counter(t.service_id for t in tickets if t.state == TicketState.WAITING)
    return {
        "issued": len(tickets),
        "served": sum(1 for t in tickets if t.state == TicketState.DONE),
        "no_shows": sum(1 for t in tickets if t.state == TicketState.NO_SHOW),
        "waiting": sum(waiting.values()),
        "mean_wait": sum(waits) / len(waits) if waits else None,
        "reviews": len(reviews),
        "good": sum(1 for lv in reviews if lv.value in ("very_satisfied", "satisfied")),
        "bad": sum(1 for lv in reviews if lv.value in ("dissatisfied", "very_dissatisfied")),
        "served_at": served_at,
        "waiting_by_service": waiting,
    }


def test_the_floor_equals_a_fresh_count_after_fifty_operations(
    hall: Hall, clock: FixedClock
) -> None:
    done = mixed_morning(hall, clock, seed=22)
    assert sum(done.values()) == 50 and done["issue"] and done["call"] and done["finish"]
    floor = hall.floor()
    want = fresh_count(hall)
    f = floor.figures
    assert (f.issued, f.served, f.no_shows, f.waiting) == (
        want["issued"],
        want["served"],
        want["no_shows"],
        want["waiting"],
    )
    assert f.mean_wait_minutes == pytest.approx(want["mean_wait"])
    assert (f.reviews, f.good, f.bad) == (want["reviews"], want["good"], want["bad"])
    assert f.reviews > 0 and f.satisfaction == pytest.approx(100 * f.good / f.reviews)
    cat = hall.settings.catalog
    served_at: Counter[int] = want["served_at"]  # type: ignore[assignment]
    assert {t.number: t.served_today for t in floor.tiles} == {
        w.number: served_at.get(w.id, 0) for w in cat.windows
    }
    by_service: Counter[int] = want["waiting_by_service"]  # type: ignore[assignment]
    shown = {sv.code: sv.waiting for z in floor.zones for sv in z.services}
    assert shown == {sv.code: by_service.get(sv.id, 0) for sv in cat.services}
    assert sum(z.waiting for z in floor.zones) == f.waiting
    # The tiles agree with the windows' own view (the counter's desk).
    for tile in floor.tiles:
        desk = hall.desk(tile.number)
        assert tile.ticket == (desk.ticket.number if desk.ticket else None)


def test_each_tile_says_what_is_at_the_window(unstaffed_hall: Hall, clock: FixedClock) -> None:
    hall = unstaffed_hall
    clock.set(local(24, 9, 0))
    for w in (1, 3, 4, 5):
        hall.sign_in(hall.post(w).a_code, DEMO_PASSWORD, w)  # type: ignore[union-attr]
    hall.issue_ticket("qy-sl")
    hall.issue_ticket("gt-zc")
    clock.set(local(24, 9, 10))
    hall.call_next(1, "1001")
    hall.call_next(3, "1003")
    hall.start(3, "1003")
    hall.pause(4, "1004", reason="系统故障")
    clock.set(local(24, 9, 20))
    hall.hand_over(5, "1005", "meeting", expected_return=local(24, 11, 0))
    tiles = {t.number: t for t in hall.floor().tiles}
    assert (tiles[1].state, tiles[1].ticket, tiles[1].post) == ("called", "A001", "A")
    assert tiles[1].ticket_since == local(24, 9, 10)
    assert (tiles[3].state, tiles[3].clerk_code) == ("serving", "1003")
    assert (tiles[4].state, tiles[4].paused_reason) == ("paused", "系统故障")
    assert tiles[4].since == local(24, 9, 10)
    assert tiles[5].state == "away"
    assert (tiles[5].away_reason, tiles[5].away_until) == ("meeting", local(24, 11, 0))
    assert tiles[5].away_name and tiles[5].clerk_code is None
    assert tiles[2].state == "empty"


def test_acting_from_the_floor_goes_through_the_rules(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    clock.set(local(24, 9, 0))
    token = hall.sign_in_supervisor("1016", DEMO_PASSWORD, "desk").token
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    hall.sign_in("1011", DEMO_PASSWORD, 11)
    first = hall.issue_ticket("gt-zc")
    second = hall.issue_ticket("qy-sl")
    hall.call_next(3, "1003")

    with pytest.raises(HallError) as busy:
        hall.pause_window(token, 3, reason="换人")
    assert busy.value.code == "window.ticket_in_hand"
    assert hall.pause_window(token, 11, reason="设备维护").paused
    with pytest.raises(HallError) as again:
        hall.pause_window(token, 11)
    assert again.value.code == "window.already_paused"
    assert hall.call_next(11, "1011") is not None  # the clerk's own key resumes it
    hall.end_service(11, "1011")
    hall.pause_window(token, 11)
    assert not hall.reopen_window(token, 11).paused

    with pytest.raises(HallError) as in_hand:
        hall.move_ticket(token, first.number, to_service="qy-sl")
    assert in_hand.value.code == "ticket.not_waiting"
    later = hall.issue_ticket("qy-sl")
    moved = hall.move_ticket(token, later.number, to_window=10, reason="跨省通办")
    assert moved.state == "waiting" and moved.transfers == 1
    assert later.number not in hall.desk(11).upcoming
    assert later.number in hall.desk(10).upcoming
    with pytest.raises(HallError) as clerk:
        hall.move_ticket("forged", second.number, to_window=10)
    assert clerk.value.code == "staff.signed_out"

    hall.request_help("K1")
    request = hall.help_requests()[0].request
    answered = hall.answer_help(token, request)
    assert answered.acknowledged_by == "1016" and hall.help_requests() == []

    clock.set(local(24, 17, 40))
    expired = hall.close_day_as(token)
    assert expired >= 1 and hall.floor().figures.waiting == 0
    with hall.db.read() as s:
        paused = s.scalars(
            select(Event).where(Event.kind == EventKind.PAUSED, Event.window_id.is_not(None))
        ).all()
    assert [e.clerk_id for e in paused][-1] == hall.settings.catalog.clerk("1016").id
