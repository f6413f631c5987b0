"""A clerk signs in at a window with a password, and out again; five wrong passwords lock
the clerk for five minutes on every PC. On SQLite and PostgreSQL, with an injected clock."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.hall import Hall
from shared.store.model import Event, EventKind

from .conftest import local

PASSWORD = "demo1234"  # the demo hall's initial password


@pytest.fixture
def db_url(unstaffed_db_url: str) -> str:
    """These tests start before anyone has signed in."""
    return unstaffed_db_url


def refused(code: str, call: object) -> HallError:
    with pytest.raises(HallError) as exc:
        call()  # type: ignore[operator]
    assert exc.value.code == code, exc.value.code
    return exc.value


def events(hall: Hall, kind: EventKind) -> list[Event]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def test_a_clerk_signs_in_on_the_a_post_and_the_window_is_staffed(hall: Hall) -> None:
    assert hall.staffed_windows() == []
    me = hall.sign_in("1003", PASSWORD, 3)
    assert (me.clerk, me.name, me.window, me.post, me.ticket_in_hand) == (
        "1003",
        hall.settings.catalog.clerk("1003").name,
        3,
        "A",
        None,
    )
    assert hall.staffed_windows() == [3]
    assert hall.sign_in("1013", PASSWORD, 4).post is None  # not a post of window 4
    (signed,) = [e for e in events(hall, EventKind.SIGNED_IN) if e.data]
    assert signed.data == {"post": "A"}
    hall.sign_out("1003", 3)
    assert hall.staffed_windows() == [4]
    assert len(events(hall, EventKind.SIGNED_OUT)) == 1


def test_the_b_post_is_recorded_too(hall: Hall) -> None:
    assert hall.sign_in("1013", PASSWORD, 3).post == "B"


def test_five_wrong_passwords_lock_the_clerk_for_five_minutes(
    hall: Hall, clock: FixedClock
) -> None:
    for left in (4, 3, 2, 1):
        err = refused("clerk.bad_password", lambda: hall.sign_in("1003", "wrong", 3))
        assert f"还可以再试 {left} 次" in err.message("zh")
    err = refused("clerk.locked", lambda: hall.sign_in("1003", "wrong", 3))
    assert "5 分钟后再试" in err.message("zh")
    # Locked: even the right password is refused, and says how long is left.
    clock.advance(minutes=3)
    err = refused("clerk.locked", lambda: hall.sign_in("1003", PASSWORD, 3))
    assert "2 分钟后再试" in err.message("zh")
    assert hall.staffed_windows() == []
    failed = events(hall, EventKind.SIGN_IN_FAILED)
    assert [e.data["attempts"] for e in failed if e.data] == [1, 2, 3, 4, 5]
    assert failed[-1].data == {"window": 3, "attempts": 5, "locked": True}
    # Five minutes after the lock, the right password works and the count starts again.
    clock.advance(minutes=2)
    assert hall.sign_in("1003", PASSWORD, 3).window == 3
    hall.sign_out("1003", 3)
    err = refused("clerk.bad_password", lambda: hall.sign_in("1003", "wrong", 3))
    assert "还可以再试 4 次" in err.message("zh")


def test_the_lock_holds_on_another_pc(hall: Hall, db_url: str, clock: FixedClock) -> None:
    other_pc = Hall.connect(db_url, clock=clock)
    try:
        for _ in range(5):
            with pytest.raises(HallError):
                hall.sign_in("1005", "wrong", 5)
        refused("clerk.locked", lambda: other_pc.sign_in("1005", PASSWORD, 5))
    finally:
        other_pc.close()


def test_a_right_password_clears_the_wrong_ones(hall: Hall) -> None:
    for _ in range(4):
        refused("clerk.bad_password", lambda: hall.sign_in("1004", "wrong", 4))
    hall.sign_in("1004", PASSWORD, 4)
    hall.sign_out("1004", 4)
    for _ in range(4):  # four again, not locked: the count started over
        refused("clerk.bad_password", lambda: hall.sign_in("1004", "wrong", 4))


def test_one_window_per_clerk_and_one_clerk_per_window(hall: Hall) -> None:
    hall.sign_in("1001", PASSWORD, 1)
    err = refused("window.signed_in_by_other", lambda: hall.sign_in("1002", PASSWORD, 1))
    assert hall.settings.catalog.clerk("1001").name in err.message("zh")
    hall.sign_in("1001", PASSWORD, 2)  # moving: signed out of window 1 on the way
    assert hall.staffed_windows() == [2]
    (moved,) = events(hall, EventKind.SIGNED_OUT)
    assert moved.reason == "signed in at window 2"
    hall.sign_in("1002", PASSWORD, 1)
    assert hall.staffed_windows() == [1, 2]


def test_a_ticket_in_hand_keeps_the_clerk_at_the_window(hall: Hall) -> None:
    hall.sign_in("1001", PASSWORD, 1)
    hall.issue_ticket("qy-sl")
    t = hall.call_next(1, "1001")
    assert t is not None
    err = refused("window.ticket_in_hand", lambda: hall.sign_out("1001", 1))
    assert t.number in err.message("zh")
    err = refused("clerk.ticket_at_other_window", lambda: hall.sign_in("1001", PASSWORD, 2))
    assert t.number in err.message("zh")
    hall.start(1, "1001")
    hall.finish(1, "1001")
    hall.sign_out("1001", 1)
    assert hall.staffed_windows() == []


def test_signing_in_again_finds_the_ticket_still_in_hand(hall: Hall) -> None:
    """The console was killed: the clerk signs in again and carries on with the ticket."""
    hall.sign_in("1001", PASSWORD, 1)
    hall.issue_ticket("qy-sl")
    t = hall.call_next(1, "1001")
    assert t is not None
    again = hall.sign_in("1001", PASSWORD, 1)
    assert again.ticket_in_hand == t.number
    hall.start(1, "1001")
    assert hall.finish(1, "1001").number == t.number


def test_signing_out_where_one_is_not_signed_in_is_refused(hall: Hall) -> None:
    refused("window.not_signed_in", lambda: hall.sign_out("1001", 1))
    hall.sign_in("1002", PASSWORD, 1)
    refused("window.not_signed_in", lambda: hall.sign_out("1001", 1))


def test_an_unknown_clerk_is_refused(hall: Hall) -> None:
    refused("clerk.unknown", lambda: hall.sign_in("9999", PASSWORD, 1))


def test_the_desk_shows_the_ticket_in_hand_the_line_and_the_day(hall: Hall) -> None:
    """What the counter console reads for its window in one go."""
    hall.sign_in("1003", PASSWORD, 3)
    first = hall.issue_ticket("gt-zc")
    second = hall.issue_ticket("sp-jy")
    third = hall.issue_ticket("gt-zc", green=True)
    hall.issue_ticket("qy-sl")  # not a service of window 3
    desk = hall.desk(3)
    assert desk.signed_in and desk.ticket is None and desk.served_today == 0
    assert desk.upcoming == (third.number, first.number, second.number)  # green ahead
    assert {w.service_code: w.waiting for w in desk.waiting} == {"gt-zc": 2, "sp-jy": 1}
    called = hall.call_next(3, "1003")
    assert called is not None and called.number == third.number
    hall.start(3, "1003")
    hall.finish(3, "1003")
    hall.call_next(3, "1003")
    desk = hall.desk(3)
    assert desk.ticket is not None and desk.ticket.number == first.number
    assert desk.ticket.state == "called"
    assert desk.upcoming == (second.number,) and desk.served_today == 1


def test_only_the_clerk_signed_in_at_a_window_works_it(hall: Hall) -> None:
    """A clerk code alone opens no window: call, recall and pause wait for a sign-in, and
    then only that clerk's keys work there."""
    hall.issue_ticket("gt-zc")
    err = refused("window.not_signed_in", lambda: hall.call_next(3, "1003"))
    assert "1003" in err.message("zh") and "登录" in err.message("zh")
    refused("window.not_signed_in", lambda: hall.pause(3, "1003"))
    hall.sign_in("1003", PASSWORD, 3)
    err = refused("window.signed_in_by_other", lambda: hall.call_next(3, "1013"))
    assert hall.settings.catalog.clerk("1003").name in err.message("zh")
    called = hall.call_next(3, "1003")
    assert called is not None and called.clerk_code == "1003"
    hall.start(3, "1003")
    hall.finish(3, "1003")
    hall.sign_out("1003", 3)
    refused("window.not_signed_in", lambda: hall.call_next(3, "1003"))


def test_a_sign_in_holds_for_its_day_only(hall: Hall, clock: FixedClock) -> None:
    """Clerks sign in each morning: yesterday's sign-in, never signed out, neither works
    the window today nor keeps the next clerk out, and does not count as staffing it."""
    hall.sign_in("1003", PASSWORD, 3)
    assert hall.staffed_windows() == [3]
    clock.set(local(25, 8, 50))
    assert hall.staffed_windows() == []
    assert not hall.desk(3).signed_in
    hall.issue_ticket("gt-zc")
    refused("window.not_signed_in", lambda: hall.call_next(3, "1003"))
    assert hall.sign_in("1013", PASSWORD, 3).post == "B"  # yesterday's clerk is signed out
    (stale,) = events(hall, EventKind.SIGNED_OUT)
    assert stale.reason == "signed in on an earlier day"
    assert hall.call_next(3, "1013") is not None


def test_the_estimate_counts_the_windows_really_staffed(hall: Hall) -> None:
    """Before anyone signs in, the posts on paper give the estimate (the kiosk at 8:30);
    once clerks sign in, only the signed-in, unpaused windows count."""
    catalog = hall.settings.catalog
    service = catalog.service("bdc-dj")
    on_paper = [w for w in catalog.windows_serving(service.id) if w.a_clerk_id is not None]
    assert len(on_paper) >= 3  # window 6 and the comprehensive ones
    for _ in range(12):
        hall.issue_ticket("bdc-dj")  # 12 ahead of the next one

    def estimate() -> int:
        minutes = hall.issue_ticket("bdc-dj").estimated_wait_minutes
        assert minutes is not None
        return minutes

    on_paper = estimate()  # 12 ahead, the windows with posts
    hall.sign_in("1006", PASSWORD, 6)
    # 13 ahead, one window really open; the other posts, late, are expected within the
    # hall's empty-post limit (30 minutes).
    one = estimate()
    assert one > on_paper + 15
    hall.sign_in("1004", PASSWORD, 4)
    two = estimate()  # 14 ahead, two windows open now
    assert two < one
    hall.pause(6, "1006", "会议")
    paused = estimate()  # 15 ahead, and window 6 paused for a while
    assert paused > two
    hall.sign_out("1004", 4)  # left during the day: closed for it
    assert estimate() > paused + 30


_HASH_ONE = "from shared.config.halls import hash_password; print(hash_password('demo1234'))"


@pytest.mark.parametrize(
    ("cost", "parameters"),
    [
        (None, "$m=65536,t=3,p=4$"),  # a hall's PCs: argon2id's recommended profile
        ("fast", "$m=65536,t=3,p=4$"),  # any other value changes nothing
        ("test", "$m=64,t=1,p=1$"),  # the tests, and only they
    ],
)
def test_passwords_are_hashed_at_production_cost_outside_the_tests(
    cost: str | None, parameters: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "YIMEN_PASSWORD_COST"}
    if cost is not None:
        env["YIMEN_PASSWORD_COST"] = cost
    hashed = subprocess.run(
        [sys.executable, "-c", _HASH_ONE], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert hashed.startswith("$argon2id$") and parameters in hashed
