"""A ticket's life in the demo hall, on SQLite and on PostgreSQL.

The demo hall (assets/demo-hall.toml): window 3 serves only 个体工商户 (gt-zc, B) and
食品经营许可 (sp-jy, B); windows 1 and 2 every 商事经营 service (A, B, C); window 6 only
不动产登记 (bdc-dj, G); window 8 the whole hall. Clerk 100N is the A post of window N.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall
from shared.store.model import Event, EventKind, Ticket

from .conftest import DEMO_PASSWORD, local


def codes(exc: pytest.ExceptionInfo[HallError]) -> str:
    return exc.value.code


def events_of(hall: Hall, number: str) -> list[str]:
    with hall.db.read() as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.number == number))
        return [
            e.kind.value
            for e in s.scalars(select(Event).where(Event.ticket_id == ticket_id).order_by(Event.id))
        ]


# -- numbers ---------------------------------------------------------------------------


def test_numbers_count_up_per_prefix_and_restart_the_next_business_day(
    hall: Hall, clock: FixedClock
) -> None:
    assert hall.issue_ticket("qy-sl").number == "A001"
    assert hall.issue_ticket("qy-bg").number == "A002"  # same prefix, same sequence
    assert hall.issue_ticket("gt-zc").number == "B001"
    assert hall.issue_ticket("qy-sl").number == "A003"
    clock.set(local(25, 9, 0))  # Wednesday
    assert hall.issue_ticket("qy-sl").number == "A001"
    assert hall.issue_ticket("gt-zc").number == "B001"


def test_a_ticket_taken_before_opening_counts_the_time_until_the_hall_opens(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 8, 35))  # the kiosk issues from 08:30, the windows open at 09:00
    t = hall.issue_ticket("bdc-dj")
    assert t.ahead == 0 and t.estimated_wait_minutes == 25


def test_a_new_ticket_shows_service_windows_people_ahead_and_a_wait(hall: Hall) -> None:
    for _ in range(3):
        hall.issue_ticket("bdc-dj")
    t = hall.issue_ticket("bdc-dj")
    assert (t.number, t.service_name, t.state) == ("G004", "不动产登记", "waiting")
    assert t.ahead == 3
    assert 6 in t.windows and 3 not in t.windows
    # Four idle windows serve 不动产登记 (4, 6, 8 and 9): the three ahead and this one are
    # called at once.
    assert t.estimated_wait_minutes == 0 and t.wait_today
    assert t.issued_at == hall.now()
    assert t.review_code.startswith("QC.")


def test_the_wait_plays_the_line_on_the_open_windows_with_recent_handling_times(
    hall: Hall, clock: FixedClock
) -> None:
    # One window (6, 不动产登记 only) serves two citizens in 12 and 8 minutes.
    for _ in range(2):
        hall.issue_ticket("bdc-dj")
        hall.call_next(6, "1006")
        hall.start(6, "1006")
        clock.advance(minutes=12 if _ == 0 else 8)
        hall.finish(6, "1006")
    for _ in range(4):
        hall.issue_ticket("bdc-dj")
    # Windows serving bdc-dj: 4 (社会民生综合), 6, 8, 9 (hall-wide); only 6 stays open.
    for window in (4, 8, 9):
        hall.sign_out(f"100{window}", window)
    t = hall.issue_ticket("bdc-dj")
    assert t.ahead == 4
    # Four ahead at one window, each 8 or 12 minutes: 32 to 48, about 40.
    assert t.estimated_wait_minutes is not None and 34 <= t.estimated_wait_minutes <= 46
    # The range is said with it: at least ten minutes wide, around the point.
    assert t.wait_range is not None
    low, high = t.wait_range
    assert 28 <= low < t.estimated_wait_minutes < high <= 52 and high - low >= 10
    hall.sign_in("1004", DEMO_PASSWORD, 4)  # a second window opens
    hall.call_next(4, "1004")  # (and takes one citizen)
    t = hall.issue_ticket("bdc-dj")
    assert t.ahead == 4
    # Two windows now, one of them busy with the citizen it called: about half as long.
    assert t.estimated_wait_minutes is not None and 14 <= t.estimated_wait_minutes <= 26


# -- the kiosk's guards ------------------------------------------------------------------


def test_no_tickets_on_a_sunday_or_before_the_kiosk_opens(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(29, 10, 0))  # Sunday
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("qy-sl")
    assert codes(exc) == "hall.closed_today"
    assert "今天不办公" in exc.value.message("zh")
    clock.set(local(24, 8, 0))  # Tuesday, before 08:30
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("qy-sl")
    assert codes(exc) == "hall.closed_now"
    assert "08:30–17:00" in exc.value.message("zh")


def test_a_service_with_time_slots_refuses_tickets_outside_them(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 12, 0))  # 户籍迁移 takes tickets 08:30–11:30 and 13:30–16:30
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("hj-qy")
    assert codes(exc) == "service.outside_slot"
    assert exc.value.message("zh").startswith("当前时间段不能取号")
    clock.set(local(24, 13, 30))
    assert hall.issue_ticket("hj-qy").number == "F001"


def test_the_daily_cap_refuses_with_the_halls_sentence(hall: Hall) -> None:
    for _ in range(30):  # 食品经营许可: 30 a day
        hall.issue_ticket("sp-jy")
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("sp-jy")
    assert codes(exc) == "service.cap_reached"
    assert exc.value.message("zh") == "今日号已取完，若窗口空闲可直接到窗口办理。"
    assert hall.issue_ticket("gt-zc").number == "B031"  # the shared prefix goes on


def test_an_unknown_service_is_refused(hall: Hall) -> None:
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("nope")
    assert codes(exc) == "service.unknown"


def test_a_second_request_with_the_same_id_reprints_the_open_ticket(hall: Hall) -> None:
    first = hall.issue_ticket("gt-zc", id_number="11010519491231002X")
    again = hall.issue_ticket("gt-zc", id_number="110105 19491231002x")
    assert again.number == first.number and again.reprint and not first.reprint
    assert first.id_last6 == "31002X"
    other_service = hall.issue_ticket("sw-xb", id_number="11010519491231002X")
    assert other_service.number == "C001" and not other_service.reprint
    assert events_of(hall, first.number) == ["issued", "reprinted"]


def test_an_id_number_is_kept_only_as_a_hash_and_its_last_six_digits(hall: Hall) -> None:
    hall.issue_ticket("gt-zc", id_number="11010519491231002X")
    with hall.db.read() as s:
        row = s.scalars(select(Ticket)).one()
        assert row.id_hash and "11010519491231002X" not in row.id_hash
        assert row.id_last6 == "31002X"


def test_an_id_number_with_a_wrong_check_digit_is_refused(hall: Hall) -> None:
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("gt-zc", id_number="110105194912310021")
    assert codes(exc) == "id.invalid"


def test_after_the_first_ticket_is_done_the_same_person_gets_a_new_one(hall: Hall) -> None:
    first = hall.issue_ticket("gt-zc", id_number="11010519491231002X")
    hall.call_next(3, "1003")
    hall.start(3, "1003")
    hall.finish(3, "1003")
    second = hall.issue_ticket("gt-zc", id_number="11010519491231002X")
    assert second.number != first.number and not second.reprint


# -- calling order -----------------------------------------------------------------------


def test_a_window_calls_only_the_services_it_serves(hall: Hall) -> None:
    hall.issue_ticket("qy-sl")  # A: not served at window 3
    assert hall.call_next(3, "1003") is None
    hall.issue_ticket("gt-zc")
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == "B001" and called.window_no == 3


def test_a_comprehensive_window_calls_every_service_of_its_zone_in_issue_order(
    hall: Hall, clock: FixedClock
) -> None:
    for code in ("gt-zc", "qy-sl", "sw-xb", "sb-cb"):  # sb-cb is 社会民生, not 商事经营
        hall.issue_ticket(code)
        clock.advance(minutes=1)
    called = []
    for _ in range(4):
        t = hall.call_next(1, "1001")
        if t is None:
            break
        called.append(t.number)
        hall.start(1, "1001")
        hall.finish(1, "1001")
    assert called == ["B001", "A001", "C001"]


def test_green_channel_ticket_is_called_before_ordinary_ones(hall: Hall, clock: FixedClock) -> None:
    hall.issue_ticket("gt-zc")
    clock.advance(minutes=5)
    green = hall.issue_ticket("gt-zc", green=True)
    assert green.priority == "green"
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == green.number


def test_the_green_channel_window_calls_green_tickets_first_then_the_others(
    hall: Hall, clock: FixedClock
) -> None:
    ordinary = hall.issue_ticket("gt-zc")
    clock.advance(minutes=40)  # far beyond the head start
    green = hall.issue_ticket("sb-cb", green=True)
    first = hall.call_next(9, "1009")  # 绿色通道窗口, serves the whole hall
    assert first is not None and first.number == green.number
    hall.start(9, "1009")
    hall.finish(9, "1009")
    second = hall.call_next(9, "1009")
    assert second is not None and second.number == ordinary.number


def test_an_ordinary_ticket_that_waited_longer_than_the_head_start_is_not_starved(
    hall: Hall, clock: FixedClock
) -> None:
    # Head start in the demo hall: 15 minutes. The ordinary ticket waits 16 minutes
    # longer than every green ticket that keeps arriving.
    ordinary = hall.issue_ticket("gt-zc")
    clock.advance(minutes=16)
    for _ in range(3):
        hall.issue_ticket("gt-zc", green=True)
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == ordinary.number


def test_a_due_appointment_goes_before_ordinary_tickets_but_not_before_its_slot(
    hall: Hall, clock: FixedClock
) -> None:
    appt = hall.book_appointment(
        "gt-zc",
        local(24, 10, 30),
        local(24, 11, 0),
        citizen_name="李明",
        id_number="11010519491231002X",
    )
    clock.set(local(24, 9, 30))
    early = hall.issue_ticket("gt-zc", appointment_code=appt.code)  # an hour early
    assert early.priority == "appointment"
    clock.set(local(24, 9, 40))
    walk_in = hall.issue_ticket("gt-zc")
    first = hall.call_next(3, "1003")
    assert first is not None and first.number == walk_in.number  # the slot is not due yet
    hall.start(3, "1003")
    hall.finish(3, "1003")
    clock.set(local(24, 10, 20))
    hall.issue_ticket("gt-zc")
    second = hall.call_next(3, "1003")
    assert second is not None and second.number == early.number


def test_an_appointment_code_is_checked_in_once(hall: Hall, clock: FixedClock) -> None:
    appt = hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强",
        id_number="11010519491231002X",
    )  # fmt: skip
    t = hall.issue_ticket("gt-zc", appointment_code=appt.code)
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("gt-zc", appointment_code=appt.code)
    assert codes(exc) == "appointment.used" and t.number in exc.value.message("zh")
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("gt-zc", appointment_code="00000000")
    assert codes(exc) == "appointment.unknown"


def test_a_missed_appointment_slot_is_refused(hall: Hall, clock: FixedClock) -> None:
    appt = hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强",
        id_number="11010519491231002X",
    )  # fmt: skip
    clock.set(local(24, 11, 0))
    with pytest.raises(HallError) as exc:
        hall.issue_ticket("gt-zc", appointment_code=appt.code)
    assert codes(exc) == "appointment.missed"


def test_one_appointment_per_person_per_day(hall: Hall) -> None:
    hall.book_appointment(
        "gt-zc", local(24, 10, 0), local(24, 10, 30), citizen_name="王强",
        id_number="11010519491231002X",
    )  # fmt: skip
    with pytest.raises(HallError) as exc:
        hall.book_appointment(
            "sw-xb", local(24, 14, 0), local(24, 14, 30), citizen_name="王强",
            id_number="11010519491231002X",
        )  # fmt: skip
    assert codes(exc) == "appointment.duplicate"


# -- the window's operations -----------------------------------------------------------


def test_a_ticket_goes_waiting_called_serving_done_with_an_event_each(hall: Hall) -> None:
    t = hall.issue_ticket("gt-zc")
    assert hall.call_next(3, "1003").state == "called"  # type: ignore[union-attr]
    assert hall.start(3, "1003").state == "serving"
    done = hall.finish(3, "1003")
    assert done.state == "done" and done.number == t.number
    assert events_of(hall, t.number) == ["issued", "called", "started", "finished"]


def test_an_illegal_transition_is_refused_with_a_code_and_changes_nothing(hall: Hall) -> None:
    t = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.finish(3, "1003")  # not started
    assert codes(exc) == "ticket.not_serving"
    assert "已呼叫" in exc.value.message("zh")
    assert hall.ticket(t.number).state == "called"
    assert events_of(hall, t.number) == ["issued", "called"]
    with pytest.raises(HallError) as exc:
        hall.start(5, "1005")  # nothing in hand at window 5
    assert codes(exc) == "window.no_ticket"


def test_call_next_refuses_while_a_ticket_is_still_in_hand(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.call_next(3, "1003")
    assert codes(exc) == "window.ticket_in_hand"
    assert "B001" in exc.value.message("zh")


def test_a_second_clerk_cannot_operate_a_window_serving_a_ticket(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.start(3, "1013")
    assert codes(exc) == "window.signed_in_by_other"
    assert "张敏" in exc.value.message("zh")


def test_unknown_window_and_clerk_are_refused(hall: Hall) -> None:
    with pytest.raises(HallError) as exc:
        hall.call_next(99, "1003")
    assert codes(exc) == "window.unknown"
    with pytest.raises(HallError) as exc:
        hall.call_next(3, "9999")
    assert codes(exc) == "clerk.unknown"


def test_recall_repeats_at_most_five_times(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    for n in range(1, 6):
        assert hall.recall(3, "1003").recalls == n
    with pytest.raises(HallError) as exc:
        hall.recall(3, "1003")
    assert codes(exc) == "ticket.recall_limit"
    assert hall.ticket("B001").recalls == 5


def test_a_no_show_may_be_put_back_in_line_once_at_the_back(hall: Hall, clock: FixedClock) -> None:
    late = hall.issue_ticket("gt-zc")
    clock.advance(minutes=1)
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    assert hall.no_show(3, "1003").state == "no_show"
    clock.advance(minutes=5)
    assert hall.requeue(late.number).state == "waiting"
    nxt = hall.call_next(3, "1003")
    assert nxt is not None and nxt.number == "B002"  # the back of the line
    hall.start(3, "1003")
    hall.finish(3, "1003")
    again = hall.call_next(3, "1003")
    assert again is not None and again.number == late.number
    hall.no_show(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.requeue(late.number)
    assert codes(exc) == "ticket.requeue_limit"


def test_a_citizen_back_with_missing_materials_is_served_ahead_of_the_line_anywhere(
    hall: Hall, clock: FixedClock
) -> None:
    first = hall.issue_ticket("gt-zc")
    for _ in range(3):
        hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    hall.start(3, "1003")
    held = hall.hold(3, "1003", "fetch_materials", reason="缺营业执照复印件")
    assert held.state == "held" and held.hold_kind == "fetch_materials"
    hall.call_next(3, "1003")  # the window goes on with B002
    clock.advance(minutes=30)
    hall.return_from_hold(first.number)
    # Another window serving 个体工商户 (window 1) calls the returned citizen first.
    nxt = hall.call_next(1, "1001")
    assert nxt is not None and nxt.number == first.number
    assert events_of(hall, first.number) == [
        "issued", "called", "started", "held", "returned", "called",
    ]  # fmt: skip


def test_materials_left_at_a_window_bring_the_citizen_back_to_that_window(
    hall: Hall, clock: FixedClock
) -> None:
    t = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    hall.hold(3, "1003", "materials_at_window")
    with pytest.raises(HallError) as exc:
        hall.call_back(1, "1001", t.number)
    assert codes(exc) == "ticket.wrong_window"
    hall.return_from_hold(t.number)
    assert hall.call_next(1, "1001") is None  # only window 3 may call it
    back = hall.call_back(3, "1003", t.number)
    assert back.state == "called" and back.window_no == 3


def test_a_held_ticket_can_be_called_back_the_same_day_only(hall: Hall, clock: FixedClock) -> None:
    t = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    hall.hold(3, "1003", "awaiting_step", reason="等待刻章")
    clock.set(local(25, 9, 30))
    hall.sign_in("1003", DEMO_PASSWORD, 3)  # a new day, a new sign-in
    with pytest.raises(HallError) as exc:
        hall.call_back(3, "1003", t.number)
    assert codes(exc) == "ticket.not_today"


def test_a_transfer_keeps_the_citizens_place_in_the_new_line(hall: Hall, clock: FixedClock) -> None:
    transferred = hall.issue_ticket("qy-sl")  # 09:30
    clock.advance(minutes=10)
    hall.issue_ticket("gt-zc")  # 09:40, already waiting for 个体工商户
    hall.call_next(1, "1001")
    hall.start(1, "1001")
    t = hall.transfer(1, "1001", to_service="gt-zc", reason="应办个体工商户登记")
    assert (t.state, t.service_code) == ("waiting", "gt-zc")
    nxt = hall.call_next(3, "1003")
    assert nxt is not None and nxt.number == transferred.number  # issued earlier, goes first
    assert "transferred" in events_of(hall, transferred.number)


def test_a_transfer_to_a_window_is_called_only_by_that_window(hall: Hall) -> None:
    t = hall.issue_ticket("qy-sl")
    hall.call_next(1, "1001")
    hall.transfer(1, "1001", to_window=11)
    assert hall.call_next(2, "1002") is None
    called = hall.call_next(11, "1011")
    assert called is not None and called.number == t.number


def test_a_transfer_needs_one_target(hall: Hall) -> None:
    hall.issue_ticket("qy-sl")
    hall.call_next(1, "1001")
    with pytest.raises(HallError) as exc:
        hall.transfer(1, "1001")
    assert codes(exc) == "ticket.transfer_target"


def test_a_paused_window_resumes_with_any_operation(hall: Hall) -> None:
    w = hall.pause(3, "1003", reason="临时离开")
    assert w.paused
    with pytest.raises(HallError) as exc:
        hall.pause(3, "1003")
    assert codes(exc) == "window.already_paused"
    hall.issue_ticket("gt-zc")
    assert hall.call_next(3, "1003") is not None
    assert not next(w for w in hall.windows() if w.number == 3).paused


def test_a_window_cannot_pause_with_a_ticket_in_hand(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.pause(3, "1003")
    assert codes(exc) == "window.ticket_in_hand"


# -- close of day ------------------------------------------------------------------------


def test_close_of_day_expires_waiting_tickets_and_keeps_the_one_in_service(
    hall: Hall, clock: FixedClock
) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    hall.start(3, "1003")
    clock.set(local(24, 17, 30))
    assert hall.close_day() == 1
    assert hall.ticket("B002").state == "expired"
    assert hall.ticket("B001").state == "serving"  # 延时服务: finished after closing
    hall.finish(3, "1003")
    with hall.db.read() as s:
        assert len(s.scalars(select(Ticket)).all()) == 2  # never deleted


def test_close_of_day_leaves_a_citizen_called_just_before_closing(
    hall: Hall, clock: FixedClock
) -> None:
    hall.issue_ticket("gt-zc")
    clock.set(local(24, 17, 29))
    hall.call_next(3, "1003")  # the citizen is walking up
    clock.set(local(24, 17, 30))
    assert hall.close_day() == 0
    clock.set(local(24, 17, 31))
    assert hall.start(3, "1003").state == "serving"


def test_the_first_ticket_of_a_day_expires_what_yesterday_left_waiting(
    hall: Hall, clock: FixedClock
) -> None:
    hall.issue_ticket("gt-zc")
    clock.set(local(25, 9, 0))
    hall.issue_ticket("qy-sl")
    assert hall.ticket("B001", day=local(24, 9, 0).date()).state == "expired"
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    assert hall.call_next(3, "1003") is None


# -- review codes and events -------------------------------------------------------------


def test_a_review_code_finds_its_ticket_and_cannot_be_altered(hall: Hall) -> None:
    t = hall.issue_ticket("gt-zc")
    other = hall.issue_ticket("gt-zc")
    assert hall.ticket_by_review_code(t.review_code).number == t.number
    hall_code, _ticket_id, mac = t.review_code.split(".")
    forged = f"{hall_code}.{other.review_code.split('.')[1]}.{mac}"
    for bad in (forged, t.review_code[:-1] + ("A" if t.review_code[-1] != "A" else "B"), "xyz"):
        with pytest.raises(HallError) as exc:
            hall.ticket_by_review_code(bad)
        assert codes(exc) == "review.invalid"


def test_event_ids_follow_commit_order(hall: Hall, clock: FixedClock) -> None:
    with hall.db.read() as s:
        before = s.scalar(select(func.max(Event.id))) or 0  # the clerks' sign-ins
    hall.issue_ticket("gt-zc")
    clock.advance(seconds=5)
    hall.call_next(3, "1003")
    clock.advance(seconds=5)
    hall.start(3, "1003")
    with hall.db.read() as s:
        rows = s.scalars(select(Event).where(Event.id > before).order_by(Event.id)).all()
        assert [e.kind for e in rows] == [EventKind.ISSUED, EventKind.CALLED, EventKind.STARTED]
        assert [e.id for e in rows] == [before + 1, before + 2, before + 3]
        assert rows[1].at - rows[0].at == timedelta(seconds=5)


def test_waiting_counts_per_service(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("qy-sl")
    counts = {c.service_code: c.waiting for c in hall.waiting_counts()}
    assert counts["gt-zc"] == 2 and counts["qy-sl"] == 1 and counts["bdc-dj"] == 0


def test_ending_a_service_starts_a_ticket_only_called_then_finishes_it(hall: Hall) -> None:
    """The counter's 评价 key and ``yimen finish``: one step, whether the clerk pressed
    start or not; the log still says when it started."""
    first = hall.issue_ticket("gt-zc")
    second = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    assert hall.end_service(3, "1003").state == "done"
    hall.call_next(3, "1003")
    hall.start(3, "1003")
    assert hall.end_service(3, "1003").state == "done"
    with hall.db.read() as s:
        kinds = {
            number: [
                e.kind
                for e in s.scalars(
                    select(Event).join(Ticket).where(Ticket.number == number).order_by(Event.id)
                )
            ]
            for number in (first.number, second.number)
        }
    steps = [EventKind.ISSUED, EventKind.CALLED, EventKind.STARTED, EventKind.FINISHED]
    assert kinds == {first.number: steps, second.number: steps}
    with pytest.raises(HallError) as exc:
        hall.end_service(3, "1003")
    assert codes(exc) == "window.no_ticket"
