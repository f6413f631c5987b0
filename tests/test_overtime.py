"""延时服务: a service running at closing time is finished, never cut off, and recorded by
itself with who, how long and why; a refusal needs a reason and a supervisor; the month
is counted per window and per clerk. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.cli import main
from shared.hall import Hall, TicketInfo
from shared.store.model import Event, EventKind, ExtendedService

from .conftest import DEMO_PASSWORD, SHANGHAI, local


def _events(hall: Hall, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def _in_service(
    hall: Hall, clock: FixedClock, window: int, clerk: str, service: str, at: datetime
) -> TicketInfo:
    """A ticket issued before the kiosk stops, called and in service at ``at``."""
    clock.set(at.replace(hour=16, minute=50) if at.hour >= 17 else at - timedelta(minutes=10))
    hall.issue_ticket(service)
    clock.set(at)
    called = hall.call_next(window, clerk)
    assert called is not None
    return hall.start(window, clerk)


def _refused(exc: pytest.ExceptionInfo[HallError]) -> tuple[str, str]:
    return exc.value.code, exc.value.message("zh")


# -- closing time ----------------------------------------------------------------------------


def test_a_service_in_hand_at_closing_is_finished_and_recorded_with_its_minutes(
    hall: Hall, clock: FixedClock
) -> None:
    t = _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 25))
    clock.set(local(24, 16, 59))
    left = hall.issue_ticket("gt-zc")  # still waiting at closing
    clock.set(local(24, 17, 30))
    assert hall.close_day() == 1
    assert hall.ticket(left.number).state == "expired"
    assert hall.ticket(t.number).state == "serving"  # never cut off
    clock.set(local(24, 17, 52))
    desk = hall.desk(3)
    assert desk.past_closing and desk.closing == local(24, 17, 30)
    assert desk.signed_in  # the sign-in holds past closing
    done = hall.finish(3, "1003")
    assert done.state == "done"

    (rec,) = hall.extended_services()
    assert (rec.number, rec.window_no, rec.clerk_code) == (t.number, 3, "1003")
    assert rec.trigger == "unfinished_at_closing" and rec.note is None
    assert rec.minutes == 22
    assert rec.closing == local(24, 17, 30) and rec.started_at == local(24, 17, 25)
    assert rec.ended_at == local(24, 17, 52) and rec.business_day == date(2026, 11, 24)
    (ev,) = _events(hall, EventKind.EXTENDED_SERVICE)
    assert ev.data is not None
    assert ev.data["trigger"] == "unfinished_at_closing" and ev.data["minutes"] == 22
    assert datetime.fromisoformat(ev.data["closing"]) == local(24, 17, 30)
    assert datetime.fromisoformat(ev.data["started_at"]) == local(24, 17, 25)
    assert datetime.fromisoformat(ev.data["ended_at"]) == local(24, 17, 52)
    with hall.db.read() as s:
        row = s.scalars(select(ExtendedService)).one()
        assert ev.ticket_id == row.ticket_id and ev.window_id == row.window_id
        assert ev.clerk_id == row.clerk_id


def test_a_service_ended_by_closing_time_is_not_extended(hall: Hall, clock: FixedClock) -> None:
    _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 10))
    clock.set(local(24, 17, 29))
    hall.finish(3, "1003")
    _in_service(hall, clock, 6, "1006", "bdc-dj", local(24, 17, 20))
    clock.set(local(24, 17, 30))  # the closing minute itself: not past it
    hall.end_service(6, "1006")
    assert not hall.desk(3).past_closing
    assert hall.extended_services() == []
    assert _events(hall, EventKind.EXTENDED_SERVICE) == []


def test_seconds_past_closing_count_as_a_whole_minute(hall: Hall, clock: FixedClock) -> None:
    _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 20))
    clock.set(local(24, 17, 30) + timedelta(seconds=20))
    hall.end_service(3, "1003")
    (rec,) = hall.extended_services()
    assert rec.minutes == 1


def test_on_saturday_the_hall_closes_at_noon(hall: Hall, clock: FixedClock) -> None:
    saturday = 28  # 2026-11-28, weekend service 9:00–12:00
    clock.set(local(saturday, 9, 0))
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    t = _in_service(hall, clock, 3, "1003", "gt-zc", local(saturday, 11, 50))
    clock.set(local(saturday, 11, 59))
    assert hall.desk(3).closing == local(saturday, 12, 0) and not hall.desk(3).past_closing
    clock.set(local(saturday, 12, 10))
    hall.finish(3, "1003")
    (rec,) = hall.extended_services()
    assert rec.number == t.number and rec.closing == local(saturday, 12, 0)
    assert rec.minutes == 10 and rec.trigger == "unfinished_at_closing"
    assert rec.business_day == date(2026, 11, saturday)


# -- why --------------------------------------------------------------------------------------


def test_the_clerk_marks_a_citizens_request_and_the_latest_mark_counts(
    hall: Hall, clock: FixedClock
) -> None:
    _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 20))
    clock.set(local(24, 17, 35))
    hall.mark_extended(3, "1003", "heavy_load")
    clock.set(local(24, 17, 36))
    hall.mark_extended(3, "1003", "citizen_request", "材料齐全，群众请求当天办结")
    clock.set(local(24, 17, 41))
    hall.finish(3, "1003")
    (rec,) = hall.extended_services()
    assert rec.trigger == "citizen_request" and rec.note == "材料齐全，群众请求当天办结"
    assert rec.minutes == 11
    marks = _events(hall, EventKind.EXTENDED_MARKED)
    assert [m.data["trigger"] for m in marks if m.data] == ["heavy_load", "citizen_request"]


def test_other_needs_a_note_and_is_recorded_with_it(hall: Hall, clock: FixedClock) -> None:
    _in_service(hall, clock, 6, "1006", "bdc-dj", local(24, 17, 25))
    clock.set(local(24, 17, 40))
    with pytest.raises(HallError) as exc:
        hall.mark_extended(6, "1006", "other", "   ")
    code, sentence = _refused(exc)
    assert code == "overtime.note_needed" and "原因" in sentence
    hall.mark_extended(6, "1006", "other", "不动产登记系统17:20起故障，恢复后补办")
    clock.set(local(24, 18, 5))
    hall.finish(6, "1006")
    (rec,) = hall.extended_services()
    assert rec.trigger == "other" and rec.note == "不动产登记系统17:20起故障，恢复后补办"
    assert rec.minutes == 35 and rec.clerk_code == "1006" and rec.window_no == 6


def test_a_ticket_called_after_closing_for_those_still_waiting_is_heavy_load(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 16, 58))
    t = hall.issue_ticket("qy-sl")
    clock.set(local(24, 17, 40))
    called = hall.call_next(1, "1001")
    assert called is not None and called.number == t.number
    clock.set(local(24, 17, 55))
    hall.end_service(1, "1001")  # F3: started and finished at once
    (rec,) = hall.extended_services()
    assert rec.trigger == "heavy_load" and rec.minutes == 25
    assert rec.started_at == local(24, 17, 55) and rec.window_no == 1


def test_a_ticket_called_before_closing_and_served_after_is_unfinished_at_closing(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 16, 50))
    hall.issue_ticket("sb-cb")
    clock.set(local(24, 17, 29))
    hall.call_next(4, "1004")  # the citizen walks up as the hall closes
    clock.set(local(24, 17, 31))
    hall.start(4, "1004")
    clock.set(local(24, 17, 45))
    hall.finish(4, "1004")
    (rec,) = hall.extended_services()
    assert rec.trigger == "unfinished_at_closing" and rec.started_at == local(24, 17, 31)


def test_marking_is_refused_before_closing_and_for_the_clocks_own_trigger(
    hall: Hall, clock: FixedClock
) -> None:
    _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 15))
    with pytest.raises(HallError) as exc:
        hall.mark_extended(3, "1003", "citizen_request")
    code, sentence = _refused(exc)
    assert code == "overtime.not_yet" and "17:30" in sentence
    clock.set(local(24, 17, 31))
    with pytest.raises(HallError) as exc:
        hall.mark_extended(3, "1003", "unfinished_at_closing")
    assert exc.value.code == "overtime.trigger_automatic"
    with pytest.raises(HallError) as exc:
        hall.mark_extended(5, "1005", "citizen_request")  # nothing in hand at window 5
    assert exc.value.code == "window.no_ticket"
    assert _events(hall, EventKind.EXTENDED_MARKED) == []


# -- declining ----------------------------------------------------------------------------------


def test_a_decline_needs_a_reason_and_a_supervisors_decision(hall: Hall, clock: FixedClock) -> None:
    t = _in_service(hall, clock, 3, "1003", "gt-zc", local(24, 17, 25))
    clock.set(local(24, 17, 40))
    with pytest.raises(HallError) as exc:
        hall.decline_extended(3, "1003", "  ", t.number)
    code, sentence = _refused(exc)
    assert code == "overtime.decline_reason" and "原因" in sentence and "主管" in sentence
    assert hall.declines() == []

    d = hall.decline_extended(3, "1003", "需现场核验的营业场所证明未带，今日无法办结", t.number)
    assert d.state == "pending" and d.number == t.number
    assert (d.window_no, d.clerk_code, d.at) == (3, "1003", local(24, 17, 40))
    assert [x.id for x in hall.declines()] == [d.id]
    (ev,) = _events(hall, EventKind.EXTENDED_DECLINED)
    assert ev.reason == d.reason and ev.data == {"decline": d.id}

    clock.set(local(24, 17, 50))
    with pytest.raises(HallError) as exc:
        hall.decide_decline(d.id, "1003", DEMO_PASSWORD, approved=True)
    assert exc.value.code == "overtime.not_supervisor"
    with pytest.raises(HallError) as exc:
        hall.decide_decline(d.id, "1015", "wrong", approved=True)
    assert exc.value.code == "overtime.bad_password"
    assert [x.state for x in hall.declines()] == ["pending"]

    decided = hall.decide_decline(d.id, "1015", DEMO_PASSWORD, approved=True, note="理由充分")
    assert decided.state == "approved" and decided.decided_by == "1015"
    assert decided.decided_at == local(24, 17, 50) and decided.decision_note == "理由充分"
    assert hall.declines() == []
    assert [x.state for x in hall.declines(pending_only=False)] == ["approved"]
    (ev,) = _events(hall, EventKind.DECLINE_DECIDED)
    assert ev.data == {"decline": d.id, "approved": True} and ev.reason == "理由充分"
    with pytest.raises(HallError) as exc:
        hall.decide_decline(d.id, "1016", DEMO_PASSWORD, approved=False)
    assert exc.value.code == "overtime.decline_decided"


def test_a_supervisor_may_overrule_a_decline_made_without_a_ticket(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 17, 45))
    d = hall.decline_extended(5, "1005", "群众17:45到厅，当日号源已停止发放")
    assert d.number is None
    decided = hall.decide_decline(d.id, "1016", DEMO_PASSWORD, approved=False)
    assert decided.state == "rejected" and decided.decided_by == "1016"


# -- the month ---------------------------------------------------------------------------------


def _serve_past_closing(
    hall: Hall, clock: FixedClock, day: datetime, window: int, clerk: str, service: str, end: int
) -> None:
    """On ``day``, the clerk signs in and finishes a ticket ``end`` minutes past 17:30."""
    clock.set(day.replace(hour=9, minute=0))
    hall.sign_in(clerk, DEMO_PASSWORD, window)
    _in_service(hall, clock, window, clerk, service, day.replace(hour=17, minute=20))
    clock.set(day.replace(hour=17, minute=30) + timedelta(minutes=end))
    hall.finish(window, clerk)


@pytest.fixture
def month(hall: Hall, clock: FixedClock) -> Hall:
    """Extended services on three November days and on the first of December, and one
    decline still pending."""
    _serve_past_closing(hall, clock, local(24, 0), 3, "1003", "gt-zc", 22)
    _serve_past_closing(hall, clock, local(24, 0), 6, "1006", "bdc-dj", 5)
    _serve_past_closing(hall, clock, local(25, 0), 3, "1003", "sp-jy", 14)
    _serve_past_closing(hall, clock, local(26, 0), 6, "1006", "bdc-dj", 40)
    clock.set(local(26, 17, 45))
    hall.decline_extended(6, "1006", "群众要求办理的事项需次日现场勘查")
    _serve_past_closing(hall, clock, local(1, 0, month=12), 3, "1003", "gt-zc", 9)
    return hall


def test_the_month_counts_per_window_and_per_clerk(month: Hall) -> None:
    hall = month
    days = [date(2026, 11, d) for d in (24, 25, 26)]
    services = [rec for day in days for rec in hall.extended_services(day)]
    report = hall.overtime_month(2026, 11)
    assert report.count == len(services) == 4
    assert report.minutes == sum(r.minutes for r in services) == 22 + 5 + 14 + 40
    assert sum(r.count for r in report.by_window) == report.count
    assert sum(r.minutes for r in report.by_window) == report.minutes
    assert sum(r.count for r in report.by_clerk) == report.count
    assert sum(r.minutes for r in report.by_clerk) == report.minutes
    window3 = next(r for r in report.by_window if r.key == "3")
    assert (window3.count, window3.minutes) == (2, 22 + 14)
    clerk1006 = next(r for r in report.by_clerk if r.key == "1006")
    assert (clerk1006.count, clerk1006.minutes) == (2, 5 + 40)
    assert [d.state for d in report.declines] == ["pending"]
    december = hall.overtime_month(2026, 12)
    assert (december.count, december.minutes, december.declines) == (1, 9, ())
    assert hall.overtime_month(2026, 10).count == 0


def test_the_command_prints_the_month(
    month: Hall,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("YIMEN_NOW", "2026-12-02T09:00+08:00")
    monkeypatch.delenv("YIMEN_DB", raising=False)
    report = month.overtime_month(2026, 11)

    assert main(["overtime", "--month", "2026-11", "--db", db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"11月份延时服务4件，共{report.minutes}分钟"
    clerk = next(r for r in report.by_clerk if r.key == "1003")
    assert any(
        clerk.name in line and "1003" in line and "2件" in line and f"{clerk.minutes}分钟" in line
        for line in lines
    )
    assert any(line.strip().startswith("6号窗口") and "2件" in line for line in lines)
    assert any("待审批" in line for line in lines)

    assert main(["overtime", "--month", "2026-11", "--db", db_url, "--lang", "en"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"November 2026: 4 extended services, {report.minutes} minutes in all"

    assert main(["overtime", "--db", db_url, "--json", "--month", "2026-12"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 1 and data["by_window"][0]["key"] == "3"

    assert main(["overtime", "--month", "2026-13", "--db", db_url]) == 2
    assert "2026-08" in capsys.readouterr().err


def test_the_command_lists_declines_and_a_supervisor_decides(
    month: Hall,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("YIMEN_NOW", "2026-11-27T09:00+08:00")
    monkeypatch.delenv("YIMEN_DB", raising=False)
    (pending,) = month.declines()

    assert main(["overtime", "--declines", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert f"#{pending.id}" in out and pending.reason in out and "6号窗口" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main(["overtime", "approve", str(pending.id), "--clerk", "1015", "--db", db_url]) == 2
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{DEMO_PASSWORD}\n"))
    argv = ["overtime", "reject", str(pending.id), "--clerk", "1016", "--note", "应当延时办理"]
    assert main([*argv, "--db", db_url]) == 0
    assert f"#{pending.id}" in capsys.readouterr().out
    (decided,) = month.declines(pending_only=False)
    assert decided.state == "rejected" and decided.decided_by == "1016"
    assert decided.decision_note == "应当延时办理"
    assert decided.decided_at == datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI)

    assert main(["overtime", "--declines", "--db", db_url]) == 0
    assert "没有待审批" in capsys.readouterr().out
