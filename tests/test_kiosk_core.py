"""What the kiosk needs of the core, on SQLite and PostgreSQL: one tap gives one ticket
even when the reply is lost and the kiosk asks again; an appointment checked in by its
code alone, with a sentence for every way a code can be wrong; help requests and printer
faults as events on the feed."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault, HallError
from shared.config.hall_file import parse_hall_config
from shared.hall import Hall, init_hall
from shared.store.db import Database
from shared.store.feed import Feed, FeedEvent
from shared.store.model import Event, EventKind, Ticket

from .conftest import local
from .test_config import SMALL_HALL

ID = "11010519491231002X"


def tickets_in(hall: Hall) -> int:
    with hall.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)


def test_a_retried_tap_gets_the_ticket_already_issued_not_a_second_one(hall: Hall) -> None:
    tap = uuid.uuid4().hex
    first = hall.issue_ticket("qy-sl", request_id=tap, kiosk="K1")
    again = hall.issue_ticket("qy-sl", request_id=tap, kiosk="K1")
    assert again.number == first.number == "A001"
    assert again.review_code == first.review_code
    assert tickets_in(hall) == 1
    other = hall.issue_ticket("qy-sl", request_id=uuid.uuid4().hex, kiosk="K1")
    assert other.number == "A002"


def test_the_reply_lost_after_commit_then_the_retry_finds_the_ticket(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection is cut between the commit and the reply: the kiosk sees an error,
    retries the same tap, and gets the ticket that was committed; nothing twice."""
    real = Database.run_write
    cut = {"armed": True}

    def commit_then_lose_the_reply(self: Database, fn, attempts: int = 3):  # type: ignore[no-untyped-def]
        result = real(self, fn, attempts)
        if cut["armed"]:
            cut["armed"] = False
            raise EnvironmentFault("db.unreachable", host="hall-server")
        return result

    monkeypatch.setattr(Database, "run_write", commit_then_lose_the_reply)
    tap = uuid.uuid4().hex
    with pytest.raises(EnvironmentFault):
        hall.issue_ticket("gt-zc", request_id=tap, kiosk="K2")
    retried = hall.issue_ticket("gt-zc", request_id=tap, kiosk="K2")
    assert retried.number == "B001"
    assert tickets_in(hall) == 1
    with hall.db.read() as s:
        issued = s.scalars(select(Event).where(Event.kind == EventKind.ISSUED)).all()
    assert len(issued) == 1 and (issued[0].data or {}).get("kiosk") == "K2"


def test_a_retried_tap_still_gets_its_ticket_after_the_cap_is_reached(
    hall: Hall, clock: FixedClock
) -> None:
    taps = [uuid.uuid4().hex for _ in range(40)]
    for tap in taps:  # bdc-dj is capped at 40 a day
        hall.issue_ticket("bdc-dj", request_id=tap)
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("bdc-dj", request_id=uuid.uuid4().hex)
    assert exc.value.code == "service.cap_reached"
    assert hall.issue_ticket("bdc-dj", request_id=taps[-1]).number == "G040"


def test_the_same_tap_from_two_threads_at_once_is_one_ticket(hall: Hall) -> None:
    tap = uuid.uuid4().hex
    numbers: list[str] = []
    start = threading.Barrier(4)

    def tap_it() -> None:
        start.wait()
        numbers.append(hall.issue_ticket("sw-xb", request_id=tap).number)

    threads = [threading.Thread(target=tap_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(numbers)) == 1 and len(numbers) == 4
    assert tickets_in(hall) == 1


# -- appointments at the kiosk ---------------------------------------------------------


def book(hall: Hall, start: int = 10) -> str:
    appt = hall.book_appointment(
        "gt-zc", local(24, start, 0), local(24, start, 30), citizen_name="王强", id_number=ID
    )
    return appt.code


def test_a_due_appointment_is_checked_in_by_its_code_alone(hall: Hall, clock: FixedClock) -> None:
    code = book(hall)
    clock.set(local(24, 9, 45))
    t = hall.check_in(code, kiosk="K1")
    assert t.priority == "appointment" and t.service_code == "gt-zc" and t.number == "B001"
    assert t.id_last6 == ID[-6:]


@pytest.mark.parametrize(
    ("at", "code", "says"),
    [
        ((24, 8, 55), "too_early", "请于 09:00 以后再来签到"),
        ((24, 10, 31), "missed", "10:00–10:30 已过"),
        ((25, 9, 30), "not_today", "不是今天"),
    ],
)
def test_an_appointment_at_the_wrong_time_is_told_when(
    hall: Hall, clock: FixedClock, at: tuple[int, int, int], code: str, says: str
) -> None:
    booked = book(hall)
    clock.set(local(*at))
    with pytest.raises(HallError) as exc:
        hall.check_in(booked)
    assert exc.value.code == f"appointment.{code}"
    assert says in exc.value.message("zh")


def test_an_appointment_code_used_unknown_or_of_another_hall_is_refused(
    hall: Hall, db_url: str, clock: FixedClock
) -> None:
    code = book(hall)
    t = hall.check_in(code)
    with pytest.raises(HallError) as exc:
        hall.check_in(code)
    assert exc.value.code == "appointment.used" and t.number in exc.value.message("zh")
    with pytest.raises(HallError) as exc:
        hall.check_in("12345678")
    assert exc.value.code == "appointment.unknown"

    init_hall(db_url, parse_hall_config(SMALL_HALL), clock)
    with Hall.connect(db_url, clock, hall_code="T1") as town, pytest.raises(HallError) as exc:
        town.check_in(code)
    assert exc.value.code == "appointment.other_hall"
    assert "青川区政务服务中心" in exc.value.message("zh")


def test_a_retried_check_in_gets_the_same_ticket(hall: Hall) -> None:
    code = book(hall)
    tap = uuid.uuid4().hex
    first = hall.check_in(code, request_id=tap)
    assert hall.check_in(code, request_id=tap).number == first.number


# -- help and printer faults --------------------------------------------------------------


def test_help_asked_at_a_kiosk_waits_until_a_clerk_answers_it(
    hall: Hall, clock: FixedClock
) -> None:
    asked = hall.request_help("K1")
    hall.request_help("K2")
    assert [h.kiosk for h in hall.help_requests()] == ["K1", "K2"]
    clock.set(local(24, 9, 32))
    answered = hall.acknowledge_help(asked.request, "1012")
    assert answered.acknowledged_by == "1012" and answered.acknowledged_at == local(24, 9, 32)
    assert [h.kiosk for h in hall.help_requests()] == ["K2"]
    assert len(hall.help_requests(open_only=False)) == 2
    with pytest.raises(HallError) as exc:
        hall.acknowledge_help(asked.request, "1001")
    assert exc.value.code == "help.already_answered" and "1012" in exc.value.message("zh")
    clock.set(local(25, 9, 0))  # a new day starts with none open
    assert hall.help_requests() == []


def test_help_and_printer_faults_reach_the_feed_with_the_kiosk(db_url: str, hall: Hall) -> None:
    hall.request_help("K3")
    hall.report_printer_fault("K3", "printer.no_paper", "paper out")
    feed = Feed.connect(db_url)
    try:
        got: list[FeedEvent] = []
        for item in feed.events(after=0):
            if isinstance(item, FeedEvent) and item.kind != "signed_in":  # the clerks at 9:30
                got.append(item)
            if len(got) == 2:
                break
    finally:
        feed.close()
    assert [e.kind for e in got] == ["help_requested", "printer_fault"]
    assert all(e.detail("kiosk") == "K3" for e in got)
    assert got[1].detail("code") == "printer.no_paper" and got[1].reason == "paper out"
