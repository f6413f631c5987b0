"""AB posts (AB岗), on SQLite and PostgreSQL: A hands the window over to B with the ticket
in hand, B steps in unasked, B hands back with a report; A and B of one post are never
away at once; every move is on the record with who, when and why."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall
from shared.store.model import Event, EventKind, Ticket

from .conftest import DEMO_PASSWORD, local


def events(hall: Hall, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def data(ev: Event) -> dict[str, Any]:
    return dict(ev.data or {})


def ticket_clerk(hall: Hall, number: str) -> str | None:
    with hall.db.read() as s:
        t = s.scalars(select(Ticket).where(Ticket.number == number)).one()
        clerk = hall.settings.catalog.clerk_by_id(t.clerk_id)
        return clerk.code if clerk else None


def serving(hall: Hall, window: int, clerk: str) -> str:
    t = hall.call_next(window, clerk)
    assert t is not None
    hall.start(window, clerk)
    return t.number


def test_a_whole_day_of_hand_overs_at_window_3(hall: Hall, clock: FixedClock) -> None:
    for _ in range(4):
        hall.issue_ticket("gt-zc")
    clock.set(local(24, 10, 0))
    first = serving(hall, 3, "1003")

    # 10:05 A goes to a meeting; B (马俊, 1013) comes to the desk and takes the window.
    clock.set(local(24, 10, 5))
    moved = hall.hand_over(
        3, "1003", "meeting", expected_return=local(24, 11, 30), b_password=DEMO_PASSWORD
    )
    assert (moved.from_clerk, moved.to_clerk, moved.ticket) == ("1003", "1013", first)
    window = next(w for w in hall.windows() if w.number == 3)
    assert window.clerk_code == "1013"
    assert ticket_clerk(hall, first) == "1013"  # the citizen does not queue again
    post = hall.desk(3).post
    assert post is not None and post.away and post.reason == "meeting"
    assert post.covered_by == "1013" and post.expected_return == local(24, 11, 30)

    # B serves: finishes the ticket A started, then one more.
    clock.set(local(24, 10, 20))
    hall.finish(3, "1013")
    second = serving(hall, 3, "1013")
    clock.set(local(24, 10, 40))
    hall.finish(3, "1013")

    # 11:25 A is back; B hands back with a report, the record lists what B finished.
    clock.set(local(24, 11, 25))
    back = hall.hand_back(3, "1013", DEMO_PASSWORD, report="办结两件，无遗留")
    assert back.to_clerk == "1003" and back.served == (first, second)
    assert next(w for w in hall.windows() if w.number == 3).clerk_code == "1003"
    assert hall.absences() == []
    post = hall.desk(3).post
    assert post is not None and not post.away

    # 14:00 A leaves for training before B can come: the window waits for B.
    clock.set(local(24, 14, 0))
    left = hall.hand_over(3, "1003", "study", expected_return=local(24, 16, 0))
    assert left.to_clerk is None
    assert next(w for w in hall.windows() if w.number == 3).clerk_code is None
    clock.set(local(24, 14, 10))
    hall.sign_in("1013", DEMO_PASSWORD, 3)  # B's sign-in takes the post
    (away,) = hall.absences()
    assert away.covered_by == "1013" and away.reason == "study"
    third = serving(hall, 3, "1013")
    hall.finish(3, "1013")
    clock.set(local(24, 16, 5))
    back = hall.hand_back(3, "1013", DEMO_PASSWORD)
    assert back.served == (third,)

    handed = events(hall, EventKind.HANDED_OVER)
    assert [data(e)["why"] for e in handed] == ["meeting", "study"]
    assert data(handed[0])["to"] == "1013" and data(handed[0])["in_hand"] == first
    assert data(handed[0])["expected_return"].startswith("2026-11-24T03:30")  # 11:30 local
    assert data(handed[1])["awaited"] == "1013" and "to" not in data(handed[1])
    returned = events(hall, EventKind.HANDED_BACK)
    assert [data(e)["served"] for e in returned] == [[first, second], [third]]
    assert returned[0].reason == "办结两件，无遗留"
    assert data(returned[0])["away_minutes"] == 80
    # The staffing timeline sees no gap at a hand-over: A out and B in at the same moment.
    outs = [e for e in events(hall, EventKind.SIGNED_OUT) if e.at == local(24, 10, 5)]
    ins = [e for e in events(hall, EventKind.SIGNED_IN) if e.at == local(24, 10, 5)]
    assert len(outs) == 1 and len(ins) == 1 and data(ins[0])["post"] == "B"


def test_b_steps_in_when_a_left_with_a_citizen_at_the_desk(hall: Hall, clock: FixedClock) -> None:
    hall.issue_ticket("gt-zc")
    clock.set(local(24, 10, 0))
    number = serving(hall, 3, "1003")
    clock.set(local(24, 10, 12))  # A was called away; the citizen is still at the window
    moved = hall.step_in(3, "1013", DEMO_PASSWORD, "other", note="家中急事，来不及交接")
    assert moved.ticket == number and moved.to_clerk == "1013"
    assert ticket_clerk(hall, number) == "1013"
    hall.finish(3, "1013")
    (away,) = hall.absences()
    assert not away.asked and away.note == "家中急事，来不及交接"
    ev = events(hall, EventKind.HANDED_OVER)[-1]
    assert data(ev)["stepped_in"] is True and data(ev)["asked"] is False
    # A's session at the window was ended by B's step-in, on the record.
    out = events(hall, EventKind.SIGNED_OUT)[-1]
    assert out.reason == "B stepped in"


def test_a_and_b_are_never_away_at_once(hall: Hall, clock: FixedClock) -> None:
    # Window 1: A 王丽娟 1001, B 李建国 1002; window 2: A 1002, B 1001.
    clock.set(local(24, 10, 0))
    hall.hand_over(1, "1001", "leave", expected_return=local(25, 9, 0))
    clock.set(local(24, 10, 30))
    with pytest.raises(HallError) as refused:
        hall.hand_over(2, "1002", "meeting")
    assert refused.value.code == "post.both_away"
    sentence = refused.value.message("zh")
    assert "王丽娟" in sentence and "不能同时不在岗" in sentence and "10:00" in sentence
    # Nothing moved, and the supervisor has the warning on the record.
    assert next(w for w in hall.windows() if w.number == 2).clerk_code == "1002"
    assert [a.a_code for a in hall.absences()] == ["1001"]
    (warning,) = events(hall, EventKind.POST_CONFLICT)
    assert hall.settings.catalog.clerk_by_id(warning.clerk_id).code == "1002"  # type: ignore[union-attr]
    assert data(warning)["partner"] == "王丽娟"


def test_b_covering_may_not_leave_the_window_empty_in_open_hours(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 10, 0))
    hall.hand_over(3, "1003", "business_trip", b_password=DEMO_PASSWORD)
    clock.set(local(24, 11, 0))
    with pytest.raises(HallError) as refused:
        hall.sign_out("1013", 3)
    assert refused.value.code == "post.both_away"
    assert len(events(hall, EventKind.POST_CONFLICT)) == 1
    clock.set(local(24, 12, 10))  # the noon break: B may go to lunch
    hall.sign_out("1013", 3)


def test_a_wrong_password_of_b_changes_nothing_but_is_recorded(
    hall: Hall, clock: FixedClock
) -> None:
    clock.set(local(24, 10, 0))
    with pytest.raises(HallError) as refused:
        hall.hand_over(3, "1003", "meeting", b_password="wrong")
    assert refused.value.code == "clerk.bad_password"
    assert next(w for w in hall.windows() if w.number == 3).clerk_code == "1003"
    assert hall.absences() == []
    (failed,) = events(hall, EventKind.SIGN_IN_FAILED)
    assert data(failed)["window"] == 3


def test_refusals_say_what_to_do(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 10, 0))
    with pytest.raises(HallError) as other:
        hall.hand_over(3, "1003", "other")
    assert other.value.code == "post.reason_needed"
    with pytest.raises(HallError) as not_b:
        hall.step_in(3, "1014", DEMO_PASSWORD)
    assert not_b.value.code == "post.not_b"
    with pytest.raises(HallError) as nobody:
        hall.hand_back(3, "1003", DEMO_PASSWORD)
    assert nobody.value.code == "post.nobody_away"
    hall.issue_ticket("gt-zc")
    serving(hall, 3, "1003")
    with pytest.raises(HallError) as in_hand:
        hall.hand_over(3, "1003", "lunch")  # B is not here to take the citizen
    assert in_hand.value.code == "post.ticket_in_hand"
    assert "B 岗" in in_hand.value.message("zh")


def test_a_back_signing_in_ends_the_absence(hall: Hall, clock: FixedClock) -> None:
    clock.set(local(24, 10, 0))
    hall.hand_over(3, "1003", "lunch")
    clock.set(local(24, 10, 45))
    hall.sign_in("1003", DEMO_PASSWORD, 3)  # B never came; A is back
    assert hall.absences() == []
    back = events(hall, EventKind.HANDED_BACK)[-1]
    assert data(back)["by_sign_in"] is True and data(back)["away_minutes"] == 45


def test_the_command_hands_over_and_back_and_lists_who_is_away(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from shared.cli import main

    def yimen(*argv: str, password: str | None = None) -> tuple[int, str, str]:
        if password is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        code = main([*argv, "--db", db_url])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T10:00:00+08:00")
    code, out, _ = yimen(
        "hand-over", "3", "--clerk", "1003", "--reason", "meeting", "--back", "11:30",
        "--b-here", password=DEMO_PASSWORD,
    )  # fmt: skip
    assert code == 0 and out.strip() == "3 号窗口已由工号 1003 交给 B 岗 1013（会议）。"
    code, out, _ = yimen("posts")
    assert code == 0 and "张敏（1003）" in out and "预计 11-24 11:30 回" in out and "1013" in out
    code, out, _ = yimen("posts", "--json")
    (away,) = json.loads(out)
    assert away["reason"] == "meeting" and away["covered_by"] == "1013"
    code, _, err = yimen("hand-over", "1", "--clerk", "1001", "--reason", "other")
    assert code == 2 and err.strip() == "离岗原因选了“其他”，请写明具体原因。"
    monkeypatch.setenv("YIMEN_NOW", "2026-11-24T11:20:00+08:00")
    code, out, _ = yimen("hand-back", "3", "--clerk", "1013", "--report", "无", password="x")
    assert code == 2
    code, out, _ = yimen("hand-back", "3", "--clerk", "1013", password=DEMO_PASSWORD)
    assert code == 0 and "已交还 A 岗 1003" in out
    code, out, _ = yimen("posts", "--lang", "en")
    assert out.strip() == "Nobody is away."


def test_b_called_away_from_the_last_noon_window_of_a_zone_must_say_why(
    unstaffed_hall: Hall, clock: FixedClock
) -> None:
    """At noon, 1004 keeps 社会民生's noon duty alone at window 4 (8 and 9, the hall's
    comprehensive windows, have left). 1005 hands window 5 over to its B, 1004: taking
    1004 off window 4 would leave the zone uncovered, so it is refused without a reason,
    as 1004 leaving by themselves would be; with one, it goes ahead and is recorded."""
    hall = unstaffed_hall
    clock.set(local(24, 11, 50))
    for clerk, window in (("1001", 1), ("1004", 4), ("1005", 5), ("1007", 7), ("1008", 8)):
        hall.sign_in(clerk, DEMO_PASSWORD, window)
    hall.sign_in("1009", DEMO_PASSWORD, 9)
    clock.set(local(24, 12, 10))
    hall.sign_out("1008", 8)
    hall.sign_out("1009", 9)
    with pytest.raises(HallError) as refused:
        hall.hand_over(5, "1005", "meeting", b_password=DEMO_PASSWORD)
    assert refused.value.code == "noon.last_window"
    assert hall.post(5) is not None and not hall.post(5).away  # type: ignore[union-attr]
    assert hall.desk(4).signed_in and hall.noon_coverage().covered
    handed = hall.hand_over(
        5, "1005", "meeting", b_password=DEMO_PASSWORD, note="区里临时通知开会，5号窗口须有人"
    )
    assert handed.to_clerk == "1004"
    with hall.db.read() as s:
        warned = s.scalars(select(Event).where(Event.kind == EventKind.NOON_UNCOVERED)).all()
    assert [(e.reason, (e.data or {}).get("action")) for e in warned] == [
        ("区里临时通知开会，5号窗口须有人", "hand_over")
    ]
