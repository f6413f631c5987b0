"""The supervisor's alarms through a scripted morning, on SQLite and PostgreSQL.

The demo hall on Tuesday 24 November 2026 (open 9:00–17:30, noon break 12:00–13:30, an
empty post after 30 minutes). A supervisor's station sweeps once a minute from 8:50 to
13:40 while the morning happens through the core: every alarm is raised exactly once,
at the first minute past its threshold, and resolved at the minute its cause ends;
nothing else is raised. Bad-review cases are followed over days, and acknowledging is
a supervisor's, recorded with who."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall

from .conftest import DEMO_PASSWORD, local

Key = tuple[str, str]


def morning_script(hall: Hall) -> dict[datetime, Callable[[], object]]:
    """What happens in the hall, minute by minute (before that minute's sweep)."""
    ticket: dict[str, str] = {}

    def open_hall() -> None:
        for w in hall.windows():
            if w.a_clerk and w.number != 4:  # window 4's A (1004) is late
                hall.sign_in(w.a_clerk, DEMO_PASSWORD, w.number)

    def issue_waiting() -> None:
        ticket["wait"] = hall.issue_ticket("bdc-dj").number  # window 6 does not call it yet

    def late_clerk() -> None:
        hall.sign_in("1004", DEMO_PASSWORD, 4)

    def call_waiting() -> None:
        called = hall.call_next(6, "1006")
        assert called is not None and called.number == ticket["wait"]
        hall.end_service(6, "1006")

    def issue_long() -> None:
        ticket["long"] = hall.issue_ticket("gt-zc").number  # window 3 serves it

    def call_long() -> None:
        called = hall.call_next(3, "1003")
        assert called is not None and called.number == ticket["long"]
        hall.start(3, "1003")

    def finish_long() -> None:
        hall.finish(3, "1003")

    return {
        local(24, 8, 50): open_hall,
        local(24, 9, 5): issue_waiting,
        local(24, 9, 45): late_clerk,
        local(24, 9, 50): call_waiting,
        local(24, 9, 58): issue_long,
        local(24, 10, 0): call_long,
        local(24, 10, 30): lambda: hall.hand_over(5, "1005", "meeting"),
        local(24, 10, 50): lambda: hall.sign_in("1005", DEMO_PASSWORD, 5),
        local(24, 11, 0): lambda: hall.request_help("K1"),
        local(24, 11, 10): lambda: hall.acknowledge_help(hall.help_requests()[0].request, "1012"),
        local(24, 11, 15): lambda: hall.report_printer_fault("K2", "printer.no_paper"),
        local(24, 11, 30): lambda: hall.report_printer_ok("K2"),
        local(24, 11, 40): finish_long,
        # Noon: zone SS's comprehensive windows (1, 2) and the hall's (8, 9) leave; the
        # last of them only with a reason; 1001 comes back at 12:20.
        local(24, 12, 5): lambda: [
            hall.sign_out("1001", 1),
            hall.sign_out("1002", 2),
            hall.sign_out("1008", 8),
            hall.sign_out("1009", 9, noon_reason="窗口设备故障，报修中"),
        ],
        local(24, 12, 20): lambda: hall.sign_in("1001", DEMO_PASSWORD, 1),
    }


def run_morning(hall: Hall, clock: FixedClock) -> dict[Key, list[tuple[str, datetime]]]:
    """Sweep every minute from 8:50 to 13:40; each alarm's raisings and resolutions."""
    script = morning_script(hall)
    seen: dict[Key, list[tuple[str, datetime]]] = {}
    at = local(24, 8, 50)
    while at <= local(24, 13, 40):
        clock.set(at)
        if at in script:
            script[at]()
        sweep = hall.sweep_alarms()
        for a in sweep.raised:
            seen.setdefault((a.kind, a.subject), []).append(("raised", at))
        for a in sweep.resolved:
            seen.setdefault((a.kind, a.subject), []).append(("resolved", at))
        at += timedelta(minutes=1)
    return seen


def test_a_scripted_morning_raises_each_alarm_once_at_its_minute(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    handling = hall.settings.catalog.service("gt-zc").handling_minutes
    factor = hall.settings.alarms.long_service_factor
    long_at = local(24, 10, 0) + timedelta(minutes=handling * factor + 1)
    assert long_at < local(24, 11, 40), "the long service must be long before it ends"
    seen = run_morning(hall, clock)
    expected: dict[Key, list[tuple[str, datetime]]] = {
        # window 4 nobody from 9:00: "longer than 30 minutes" is 9:31; 1004 at 9:45
        ("empty_post", "4"): [("raised", local(24, 9, 31)), ("resolved", local(24, 9, 45))],
        # the 9:05 ticket waits past 30 minutes at 9:36; called at 9:50
        ("long_wait", "bdc-dj"): [("raised", local(24, 9, 36)), ("resolved", local(24, 9, 50))],
        # A (1005) handed over at 10:30, B never came: 5 minutes later, 10:36; A back 10:50
        ("both_away", "5"): [("raised", local(24, 10, 36)), ("resolved", local(24, 10, 50))],
        ("help", _help_id(hall)): [("raised", local(24, 11, 4)), ("resolved", local(24, 11, 10))],
        ("printer", "K2"): [("raised", local(24, 11, 15)), ("resolved", local(24, 11, 30))],
        ("noon_gap", "SS"): [("raised", local(24, 12, 5)), ("resolved", local(24, 12, 20))],
    }
    long_key = next(k for k in seen if k[0] == "long_service")
    assert long_key[1].startswith("3:")
    expected[long_key] = [("raised", long_at), ("resolved", local(24, 11, 40))]
    assert seen == expected
    # Nothing is left open, and each alarm is one row of the record.
    assert hall.alarms() == []
    today = hall.alarms(since=local(24, 0, 0))
    assert sorted((a.kind, a.subject) for a in today) == sorted(expected)
    wait = next(a for a in today if a.kind == "long_wait")
    assert wait.detail("count") == 1 and wait.detail("limit") == 30
    said = {a.kind: (a.sentence("zh"), a.sentence("en")) for a in today}
    assert said["printer"] == (
        "K2 的打印机缺纸，自 11:15 起",
        "The printer of K2: out of paper, since 11:15",
    )
    assert said["both_away"][0] == "5号窗口 A 岗（陈静）与 B 岗（刘洋）都不在岗，自 10:30 起"
    assert said["noon_gap"][0] == "商事经营午间无综合窗口服务，自 12:05 起（至少需要 1 个）"
    assert said["empty_post"][0] == "4号窗口自 09:00 起无人在岗，已超过 30 分钟"


def _help_id(hall: Hall) -> str:
    return hall.help_requests(open_only=False)[0].request


def test_an_alarm_is_acknowledged_by_a_supervisor_only_and_stays_open(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    clock.set(local(24, 9, 0))
    hall.issue_ticket("qy-sl")
    clock.set(local(24, 9, 31))
    raised = hall.sweep_alarms().raised
    wait = next(a for a in raised if a.kind == "long_wait")
    assert wait.sentence("zh") == "企业设立登记：1 人等候超过 30 分钟，最长已等 31 分钟"
    assert "1 waiting over 30 min" in wait.sentence("en")

    with pytest.raises(HallError) as refused:
        hall.sign_in_supervisor("1001", DEMO_PASSWORD, "desk")
    assert refused.value.code == "staff.not_supervisor"
    with pytest.raises(HallError) as forged:
        hall.acknowledge_alarm("not-a-token", wait.id)
    assert forged.value.code == "staff.signed_out"

    token = hall.sign_in_supervisor("1015", DEMO_PASSWORD, "desk").token
    seen = hall.acknowledge_alarm(token, wait.id)
    assert (seen.acknowledged_by, seen.acknowledged_at) == ("1015", local(24, 9, 31))
    assert not seen.to_look_at and seen.open
    with pytest.raises(HallError) as twice:
        hall.acknowledge_alarm(token, wait.id)
    assert twice.value.code == "alarm.already_acknowledged"

    # Acknowledged, it is not raised again while its cause lasts; it ends with it.
    clock.set(local(24, 9, 50))
    sweep = hall.sweep_alarms()
    assert not [a for a in sweep.raised if a.kind == "long_wait"]
    assert next(a for a in sweep.open if a.kind == "long_wait").detail("longest") == 50
    hall.sign_in("1001", DEMO_PASSWORD, 1)
    hall.call_next(1, "1001")
    assert [a.kind for a in hall.sweep_alarms().resolved if a.id == wait.id] == ["long_wait"]


def test_a_supervisor_who_is_made_a_clerk_loses_the_right_at_once(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    boss = hall.sign_in_supervisor("1015", DEMO_PASSWORD, "desk").token
    other = hall.sign_in_supervisor("1016", DEMO_PASSWORD, "desk").token
    hall.update_clerk(boss, "1016", role="clerk")
    with pytest.raises(HallError) as refused:
        hall.set_daily_cap(other, "qy-sl", 10)
    assert refused.value.code == "staff.not_supervisor"
    hall.sign_out_supervisor(boss)
    with pytest.raises(HallError) as out:
        hall.set_daily_cap(boss, "qy-sl", 10)
    assert out.value.code == "staff.signed_out"
    # A session holds for its day only.
    again = hall.sign_in_supervisor("1015", DEMO_PASSWORD, "desk").token
    clock.set(local(25, 9, 0))
    with pytest.raises(HallError) as old:
        hall.set_daily_cap(again, "qy-sl", 10)
    assert old.value.code == "staff.session_old"


def test_wrong_passwords_at_the_supervisor_station_lock_as_at_a_window(
    unstaffed_hall: Hall,
) -> None:
    hall = unstaffed_hall
    codes = []
    for _ in range(5):
        with pytest.raises(HallError) as refused:
            hall.sign_in_supervisor("1015", "wrong-one", "desk")
        codes.append(refused.value.code)
    assert codes == ["clerk.bad_password"] * 4 + ["clerk.locked"]
    with pytest.raises(HallError) as locked:
        hall.sign_in_supervisor("1015", DEMO_PASSWORD, "desk")
    assert locked.value.code == "clerk.locked"


def test_a_bad_review_case_warns_before_its_deadline_then_when_overdue(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 9, 40))
    done_ticket = hall.issue_ticket("qy-sl")
    called = hall.call_next(1, "1001")
    assert called is not None and called.number == done_ticket.number
    clock.advance(minutes=8)
    finished = hall.ask_review(1, "1001")
    review = hall.submit_review(finished.short_code, "very_dissatisfied", reasons=["attitude"])
    case = hall.case(review.case_id or 0)
    warn = hall.settings.alarms.case_warn_days
    events: list[tuple[str, str, int]] = []
    day = local(24, 10, 0)
    while day.date() <= case.due + timedelta(days=2):
        clock.set(day)
        sweep = hall.sweep_alarms()
        left = (case.due - day.date()).days
        events += [("raised", a.kind, left) for a in sweep.raised if a.kind.startswith("case")]
        events += [("resolved", a.kind, left) for a in sweep.resolved if a.kind.startswith("case")]
        day += timedelta(days=1)
    assert events == [  # the same sweep: overdue raised, the warning resolved
        ("raised", "case_due", warn),
        ("raised", "case_overdue", -1),
        ("resolved", "case_due", -1),
    ]
