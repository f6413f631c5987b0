"""What the lobby sees (`Hall.lobby`, `shared.rules.lobby.Board`), on both databases: the
board a display keeps from the feed agrees with a fresh look at the hall, event by
event, and the day ends at midnight in the hall's time zone."""

from __future__ import annotations

from datetime import timedelta

from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.rules.lobby import Board, Lobby
from shared.store.feed import Feed, FeedEvent

from .conftest import DEMO_PASSWORD, local


def feed_events(url: str, after: int) -> list[FeedEvent]:
    """Every event after ``after`` as a display's feed brings them."""
    feed = Feed.connect(url)
    out: list[FeedEvent] = []
    feed._open()  # the feed's own read, without its waiting loop
    try:
        out = list(feed._read(after))
    finally:
        feed._drop()
        feed.db.dispose()
    return out


def zones(lobby: Lobby) -> dict[str, int]:
    return {z.name: z.waiting for z in lobby.zones}


def test_the_lobby_shows_todays_calls_newest_first_and_every_window(hall: Hall) -> None:
    for code in ("qy-sl", "gt-zc", "bdc-dj", "tz-ba"):
        hall.issue_ticket(code)
    a = hall.call_next(1, "1001")
    b = hall.call_next(3, "1003")
    hall.recall(3, "1003")
    hall.pause(7, "1007", "午间休息")
    assert a is not None and b is not None
    lobby = hall.lobby()
    assert [(c.kind, c.number, c.window_no) for c in lobby.calls] == [
        ("recalled", b.number, 3),
        ("called", b.number, 3),
        ("called", a.number, 1),
    ]
    windows = {w.number: w for w in lobby.windows}
    assert windows[1].ticket == a.number and windows[1].ticket_state == "called"
    assert windows[3].clerk_name and windows[3].clerk_code == "1003" and windows[3].staffed
    assert windows[7].paused and not windows[7].open
    assert windows[6].open and windows[6].ticket is None
    assert zones(lobby) == {"商事经营": 0, "社会民生": 1, "投资项目": 1}
    assert lobby.waiting == 2


def test_a_board_kept_from_the_feed_agrees_with_a_fresh_look(
    db_url: str, hall: Hall, clock: FixedClock
) -> None:
    start = hall.lobby()
    board = Board(hall.settings.catalog, keep=8)
    board.start(start)
    for code in ("qy-sl", "gt-zc", "sp-jy", "bdc-dj", "hj-qy", "qy-sl"):
        hall.issue_ticket(code)
    hall.call_next(1, "1001")
    hall.call_next(3, "1003")
    hall.end_service(3, "1003")
    hall.call_next(3, "1003")
    hall.recall(3, "1003")
    hall.no_show(3, "1003")
    hall.call_next(6, "1006")
    hall.hold(6, "1006", reason="缺少身份证复印件")
    hall.pause(5, "1005")
    hall.sign_out("1004", 4)
    hall.call_next(2, "1002")
    hall.transfer(2, "1002", to_service="sb-cb")

    changes = [board.apply(ev) for ev in feed_events(db_url, start.last_event_id)]
    fresh = hall.lobby(calls=8)
    assert [c.event_id for c in board.calls] == [c.event_id for c in fresh.calls]
    assert board.windows == {w.number: w for w in fresh.windows}
    shown = [c.call.number for c in changes if c.call is not None]
    assert shown == [c.number for c in reversed(fresh.calls)]  # each once, in order
    assert any(c.waiting for c in changes)
    assert board.windows[4].staffed is False and board.windows[5].paused
    # The same events again (a feed that repeats itself) change nothing.
    again = [board.apply(ev) for ev in feed_events(db_url, start.last_event_id)]
    assert all(c.call is None and c.window is None for c in again)


def test_a_later_snapshot_does_not_take_back_what_the_feed_brought(db_url: str, hall: Hall) -> None:
    board = Board(hall.settings.catalog, keep=8)
    old = hall.lobby()
    board.start(old)
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    for ev in feed_events(db_url, old.last_event_id):
        board.apply(ev)
    board.refresh(old)  # read before the call, delivered after it
    assert board.windows[3].ticket is not None
    assert board.newest is not None and board.newest.window_no == 3


def test_the_day_ends_at_midnight_in_the_halls_time_zone(
    db_url: str, hall: Hall, clock: FixedClock
) -> None:
    hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    board = Board(hall.settings.catalog, keep=8)
    board.start(hall.lobby())
    assert board.newest is not None and board.windows[3].ticket is not None
    # 23:59:59 in Shanghai is still the same day, whatever the UTC date says.
    assert not board.roll_day(hall.settings.business_day(local(24, 23, 59) + timedelta(seconds=59)))
    assert board.newest is not None
    clock.set(local(25, 0, 0))
    assert board.roll_day(hall.settings.business_day(clock.now()))
    assert board.newest is None and not board.calls
    assert board.windows[3].ticket is None and not board.windows[3].staffed
    # The next morning the numbers restart, and the board shows them.
    clock.set(local(25, 9, 0))
    after = hall.lobby().last_event_id
    hall.sign_in("1003", DEMO_PASSWORD, 3)
    first = hall.issue_ticket("gt-zc")
    hall.call_next(3, "1003")
    for ev in feed_events(db_url, after):
        board.apply(ev)
    assert board.newest is not None and board.newest.number == first.number == "B001"
    assert board.windows[3].staffed and board.windows[3].ticket == "B001"
