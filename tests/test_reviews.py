"""好差评 in the core, on SQLite and PostgreSQL: a finished service is rated once, by the
ticket's signed code; codes that were altered, cut short, forged, are another hall's or too
old are refused with their sentence; a bad review opens a case that is followed to its end
with its working-day deadline, one extension and the callback of a real-name review.

Demo hall: window 3 (clerk 1003 张敏) serves 食品经营许可 (sp-jy, prefix B); 1015 and 1016
are supervisors; Tuesday 2026-11-24, 9:30.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall, TicketInfo
from shared.rules.reviews import export_code, make_review_code
from shared.store.model import CaseStep, Event, EventKind, Review

from .conftest import DEMO_PASSWORD, local

FOOD = "sp-jy"


def served(hall: Hall, *, asked: bool = True) -> TicketInfo:
    """A citizen of 食品经营许可 served at window 3 and finished (F3, or F10 without)."""
    number = hall.issue_ticket(FOOD).number
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == number
    if asked:
        hall.ask_review(3, "1003")
    else:
        hall.end_service(3, "1003")
    return hall.review_ticket(called.review_code).ticket


def refusal(exc: pytest.ExceptionInfo[HallError]) -> tuple[str, str]:
    return exc.value.code, exc.value.message("zh")


def reviews_in(hall: Hall) -> int:
    with hall.db.read() as s:
        return s.scalar(select(func.count(Review.id))) or 0


# -- the rating ---------------------------------------------------------------------------


def test_a_finished_service_is_rated_once_and_linked_to_its_window_and_clerk(
    hall: Hall, clock: FixedClock
) -> None:
    t = served(hall)
    clock.advance(minutes=2)
    review = hall.submit_review(
        t.review_code, "satisfied", dimensions={"attitude": "very_satisfied"}
    )
    assert (review.number, review.service_code, review.window_no, review.clerk_code) == (
        t.number,
        FOOD,
        3,
        "1003",
    )
    assert (review.level, review.channel, review.case_id) == ("satisfied", "qr", None)
    assert review.dimensions == (("attitude", "very_satisfied"),)
    assert review.real_name is False
    with hall.db.read() as s:
        row = s.scalars(select(Review)).one()
        assert row.level.value == "satisfied"  # by name, no number anywhere
        assert (row.name, row.phone, row.text) == (None, None, None)
        kinds = [e.kind for e in s.scalars(select(Event).order_by(Event.id))]
    assert kinds[-2:] == [EventKind.REVIEW_ASKED, EventKind.REVIEWED]
    shown = hall.review_ticket(t.review_code)
    assert shown.review is not None and shown.review.level == "satisfied"
    assert not shown.can_rate
    assert [r.number for r in hall.reviews(date(2026, 11, 24))] == [t.number]


def test_levels_get_numbers_only_at_export_on_either_scale() -> None:
    assert [export_code(lv) for lv in ("very_satisfied", "very_dissatisfied")] == [5, 1]
    assert [export_code(lv, "1-5") for lv in ("very_satisfied", "very_dissatisfied")] == [1, 5]
    assert export_code("basically_satisfied") == export_code("basically_satisfied", "1-5") == 3


def test_the_short_code_and_a_scanned_address_find_the_same_ticket(hall: Hall) -> None:
    t = served(hall)
    scanned = hall.settings.kiosk.review_url + t.review_code
    assert hall.review_ticket(scanned).ticket.number == t.number
    assert hall.review_ticket(t.short_code.replace("-", "")).ticket.number == t.number
    review = hall.submit_review(t.short_code, "very_satisfied", channel="kiosk")
    assert review.channel == "kiosk"


def _altered(code: str) -> str:
    return code[:-1] + ("A" if code[-1] != "A" else "B")


BAD_CODES = {
    "altered": (lambda t: _altered(t.review_code), "review.invalid"),
    "truncated": (lambda t: t.review_code[:-3], "review.invalid"),
    "another ticket's number": (
        lambda t: t.review_code.replace(".1.", ".2.", 1),
        "review.invalid",
    ),
    "forged with another key": (
        lambda t: make_review_code(b"not the hall's secret", "QC", 1),
        "review.invalid",
    ),
    "another hall's": (
        lambda t: "XX." + t.review_code.split(".", 1)[1],
        "review.other_hall",
    ),
    "a wrong short code": (
        lambda t: t.short_code[:-1] + ("0" if t.short_code[-1] != "0" else "1"),
        "review.invalid",
    ),
    "empty": (lambda t: "", "review.invalid"),
    "garbage": (lambda t: "<script>alert(1)</script>", "review.invalid"),
}


@pytest.mark.parametrize("case", list(BAD_CODES))
def test_a_code_that_is_not_genuine_is_refused_with_its_sentence(hall: Hall, case: str) -> None:
    t = served(hall)
    make, code = BAD_CODES[case]
    bad = make(t)
    with pytest.raises(HallError) as exc:
        hall.review_ticket(bad)
    assert exc.value.code == code
    with pytest.raises(HallError) as exc:
        hall.submit_review(bad, "satisfied")
    assert exc.value.code == code
    sentence = exc.value.message("zh")
    assert "二维码" in sentence or "其他服务中心" in sentence
    assert reviews_in(hall) == 0


def test_a_code_older_than_the_setting_is_refused(hall: Hall, clock: FixedClock) -> None:
    t = served(hall)
    clock.set(local(24, 9, 29) + timedelta(days=7))  # issued 9:30: still within 7 days
    assert hall.review_ticket(t.review_code).can_rate
    clock.advance(minutes=2)
    with pytest.raises(HallError) as exc:
        hall.submit_review(t.review_code, "satisfied")
    assert refusal(exc) == (
        "review.expired",
        "评价已过期：票据只能在取号后 7 天内评价。如有意见，请拨打 12345 热线。",
    )


def test_only_a_finished_ticket_can_be_rated(hall: Hall) -> None:
    waiting = hall.issue_ticket(FOOD)
    with pytest.raises(HallError) as exc:
        hall.submit_review(waiting.review_code, "satisfied")
    assert refusal(exc) == (
        "review.not_finished",
        f"{waiting.number} 号还没有办结（等候中），办结后才能评价。",
    )
    hall.call_next(3, "1003")
    hall.no_show(3, "1003")
    with pytest.raises(HallError) as exc:
        hall.submit_review(waiting.review_code, "satisfied")
    assert exc.value.code == "review.not_finished"
    assert reviews_in(hall) == 0


BAD_RATINGS = {
    "a level out of range": (dict(level="6"), "review.level"),
    "a level by number": (dict(level="5"), "review.level"),
    "a bad level without a reason": (dict(level="dissatisfied"), "review.reason_needed"),
    "'other' without words": (
        dict(level="very_dissatisfied", reasons=["other"]),
        "review.reason_words",
    ),
    "an unknown reason": (dict(level="dissatisfied", reasons=["hacked"]), "review.unknown_reason"),
    "too many words": (dict(level="satisfied", text="慢" * 501), "review.text_long"),
    "an unknown dimension": (
        dict(level="satisfied", dimensions={"price": "satisfied"}),
        "review.dimension",
    ),
    "a dimension out of range": (
        dict(level="satisfied", dimensions={"attitude": "great"}),
        "review.level",
    ),
    "a phone that is not one": (dict(level="satisfied", phone="call me"), "review.phone"),
    "a name too long": (dict(level="satisfied", name="名" * 51), "review.name_long"),
}


@pytest.mark.parametrize("case", list(BAD_RATINGS))
def test_a_rating_that_does_not_hold_is_refused_and_nothing_is_kept(hall: Hall, case: str) -> None:
    t = served(hall)
    given, code = BAD_RATINGS[case]
    fields = dict(given)
    level = str(fields.pop("level"))
    with pytest.raises(HallError) as exc:
        hall.submit_review(t.review_code, level, **fields)  # type: ignore[arg-type]
    assert exc.value.code == code
    assert exc.value.message("zh") and exc.value.message("en")
    assert reviews_in(hall) == 0
    assert hall.review_ticket(t.review_code).can_rate  # and the citizen may try again


def test_a_second_rating_is_refused_whatever_the_channel(hall: Hall) -> None:
    t = served(hall)
    hall.submit_review(t.review_code, "very_satisfied", channel="evaluator")
    for code, channel in ((t.review_code, "qr"), (t.short_code, "kiosk")):
        with pytest.raises(HallError) as exc:
            hall.submit_review(code, "very_dissatisfied", channel=channel, reasons=["slow"])
        assert refusal(exc) == (
            "review.already",
            f"{t.number} 号已经评价过了，每次办理只能评价一次。谢谢您！",
        )
    assert reviews_in(hall) == 1
    assert hall.cases() == []


def test_twenty_submissions_at_once_make_exactly_one_review(db_url: str, clock: FixedClock) -> None:
    with Hall.connect(db_url, clock=clock, pool_size=20) as hall:
        t = served(hall)
        start = threading.Barrier(20)
        outcomes: list[str] = []

        def submit(i: int) -> None:
            start.wait()
            try:
                level = "very_dissatisfied" if i % 2 else "satisfied"
                hall.submit_review(t.review_code, level, reasons=["slow"])
                outcomes.append("rated")
            except HallError as exc:
                outcomes.append(exc.code)

        threads = [threading.Thread(target=submit, args=(i,)) for i in range(20)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert sorted(outcomes) == ["rated"] + ["review.already"] * 19
        assert reviews_in(hall) == 1
        with hall.db.read() as s:
            rated = s.scalar(select(func.count(Event.id)).where(Event.kind == EventKind.REVIEWED))
        assert rated == 1
        review = hall.reviews(date(2026, 11, 24))[0]
        assert len(hall.cases()) == (1 if review.level == "very_dissatisfied" else 0)


# -- the window's evaluator (F3) ------------------------------------------------------------


def test_the_evaluator_shows_the_ticket_of_f3_for_its_seconds_and_until_rated(
    hall: Hall, clock: FixedClock
) -> None:
    t = served(hall)
    asked = hall.review_request(3)
    assert asked is not None and asked.ticket.number == t.number and asked.can_rate
    assert hall.review_request(1) is None  # another window's evaluator stays idle
    clock.advance(seconds=31)
    assert hall.review_request(3) is None  # the faces are gone after 30 s
    later = served(hall)
    hall.submit_review(later.review_code, "satisfied", channel="evaluator")
    assert hall.review_request(3) is None  # rated: nothing more to show
    f10 = served(hall, asked=False)  # F10 finishes without asking the evaluator
    assert hall.review_request(3) is None
    assert hall.review_ticket(f10.review_code).can_rate  # the QR code still can


# -- bad-review cases (差评整改) ---------------------------------------------------------------


def bad_review(hall: Hall, *, phone: str | None = None) -> int:
    t = served(hall)
    review = hall.submit_review(
        t.review_code,
        "very_dissatisfied",
        reasons=["attitude"],
        text="窗口人员态度生硬",
        phone=phone,
    )
    assert review.case_id is not None
    return review.case_id


def act(hall: Hall, case_id: int, action: str, clerk: str = "1015", **kw: object) -> str:
    return hall.case_action(case_id, action, clerk, password=DEMO_PASSWORD, **kw).state  # type: ignore[arg-type]


def test_a_bad_review_opens_a_case_due_in_fifteen_working_days(hall: Hall) -> None:
    case_id = bad_review(hall)
    case = hall.case(case_id)
    assert case.state == "pending"
    # Tuesday 24 November + 15 working days (weekends not counted) = Tuesday 15 December.
    assert case.due == date(2026, 12, 15) and case.days_left == 21
    assert not case.callback_needed  # nobody left a name or phone
    assert (case.review.number, case.review.window_no, case.review.clerk_code) == (
        case.review.number,
        3,
        "1003",
    )
    assert case.review.reasons == ("attitude",) and case.review.text == "窗口人员态度生硬"
    assert [(s.action, s.to_state, s.clerk_code) for s in case.steps] == [
        ("opened", "pending", None)
    ]


def test_a_case_is_rectified_step_by_step_and_every_step_says_who_and_when(
    hall: Hall, clock: FixedClock
) -> None:
    case_id = bad_review(hall)
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "complete", note="已整改")
    assert exc.value.code == "case.wrong_state"
    assert "待整改" in exc.value.message("zh")
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "start")
    assert exc.value.code == "case.note_needed"
    clock.advance(hours=1)
    assert act(hall, case_id, "start", "1003", note="约谈窗口人员，学习服务规范") == "rectifying"
    clock.advance(days=2)
    assert act(hall, case_id, "complete", "1003", note="已整改，窗口人员书面检讨") == "rectified"
    case = hall.case(case_id)
    assert case.closed_at == clock.now() and not case.open
    assert [(s.action, s.from_state, s.to_state, s.clerk_code) for s in case.steps] == [
        ("opened", None, "pending", None),
        ("start", "pending", "rectifying", "1003"),
        ("complete", "rectifying", "rectified", "1003"),
    ]
    assert case.steps[1].at == local(24, 10, 30) and case.steps[2].at == local(26, 10, 30)
    assert hall.cases() == [] and [c.id for c in hall.cases(open_only=False)] == [case_id]


def test_a_real_name_review_is_called_back_before_its_case_is_completed(hall: Hall) -> None:
    case_id = bad_review(hall, phone="138 0000 0000")
    assert hall.case(case_id).callback_needed
    assert hall.case(case_id).phone == "138 0000 0000"
    act(hall, case_id, "start", note="整改")
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "complete", note="已整改")
    assert exc.value.code == "case.callback_first"
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "callback")
    assert exc.value.code == "case.callback_result"
    act(hall, case_id, "callback", callback_result="satisfied", note="电话回访，群众表示认可")
    assert act(hall, case_id, "complete", note="已整改") == "rectified"
    case = hall.case(case_id)
    assert case.callback_result == "satisfied" and case.called_back_at is not None


def test_an_invalid_review_needs_a_supervisor_and_a_rejection_goes_back(hall: Hall) -> None:
    case_id = bad_review(hall)
    act(hall, case_id, "start", "1003", note="核实中")
    assert act(hall, case_id, "apply_invalid", "1003", note="群众误评：事项属其他部门") == (
        "invalid_applied"
    )
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "approve", "1003")
    assert refusal(exc) == ("case.not_supervisor", "工号 1003 不是主管，审批和延期须由主管办理。")
    with pytest.raises(HallError) as exc:
        act(hall, case_id, "reject", "1015")
    assert exc.value.code == "case.note_needed"
    assert act(hall, case_id, "reject", "1015", note="证据不足") == "rectifying"  # back
    act(hall, case_id, "apply_invalid", "1003", note="补充录像证据")
    assert act(hall, case_id, "approve", "1016") == "invalid"
    assert not hall.case(case_id).open


def test_a_case_that_cannot_be_rectified_is_closed_when_approved(hall: Hall) -> None:
    case_id = bad_review(hall)
    assert act(hall, case_id, "apply_unrectifiable", "1003", note="诉求超出法定权限") == (
        "unrectifiable_applied"
    )
    assert act(hall, case_id, "approve") == "unrectifiable"
    assert hall.case(case_id).closed_at is not None


def test_one_extension_of_working_days_and_overdue_cases_come_first(
    hall: Hall, clock: FixedClock
) -> None:
    first = bad_review(hall)
    clock.advance(days=1)  # Wednesday
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    second = bad_review(hall)
    assert hall.case(second).due == date(2026, 12, 16)
    with pytest.raises(HallError) as exc:
        act(hall, second, "extend", note="需外单位协查", days=16)
    assert refusal(exc) == ("case.extension_days", "延期天数须为 1 至 15 个工作日。")
    with pytest.raises(HallError) as exc:
        act(hall, second, "extend", "1003", note="需外单位协查", days=5)
    assert exc.value.code == "case.not_supervisor"
    act(hall, second, "extend", note="需外单位协查", days=5)
    case = hall.case(second)
    assert case.due == date(2026, 12, 23) and case.extended_days == 5  # Wed 16 + 5 working
    with pytest.raises(HallError) as exc:
        act(hall, second, "extend", note="再延", days=1)
    assert exc.value.code == "case.extended_once"
    clock.set(local(17, 9, 0, month=12))  # the first is overdue, the second not
    listed = hall.cases()
    assert [c.id for c in listed] == [first, second]
    assert listed[0].overdue and listed[0].days_left == -2
    assert not listed[1].overdue and listed[1].days_left == 6


def test_a_case_step_needs_the_clerks_password(hall: Hall) -> None:
    case_id = bad_review(hall)
    with pytest.raises(HallError) as exc:
        hall.case_action(case_id, "start", "1015", password="wrong", note="x")
    assert refusal(exc) == ("case.bad_password", "工号 1015 的密码不正确。")
    with pytest.raises(HallError) as exc:
        hall.case_action(case_id, "start", "1015", window_no=3, note="x")  # 1003 is there
    assert exc.value.code == "case.not_signed_in"
    hall.case_action(case_id, "start", "1003", window_no=3, note="signed in at window 3")
    with hall.db.read() as s:
        steps = s.scalar(select(func.count(CaseStep.id)))
    assert steps == 2
