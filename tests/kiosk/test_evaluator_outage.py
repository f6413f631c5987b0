"""The window's evaluator while the hall's server is away, on SQLite and PostgreSQL with a
real change feed: a red band says rating is paused, a rating asked for meanwhile is not
lost, and when the server is back the pad finds it and the band goes, by itself."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.evaluator import Evaluator
from shared.base.errors import EnvironmentFault
from shared.hall import Hall, ReviewTicket
from shared.qt.feed_bridge import FeedBridge

from .test_display_layout import settled
from .test_evaluator import WAIT, _chinese, in_hand, open_pad  # noqa: F401  (the fixture)
from .test_kiosk import cut_off
from .test_rating import _delete_held  # noqa: F401  (the fixture deletes the pads)

# With a real change feed on both databases (LISTEN/NOTIFY on PostgreSQL, polling on SQLite).
pytestmark = [pytest.mark.gui, pytest.mark.both_databases]


def test_the_pad_says_when_the_server_is_away_and_goes_on_by_itself_when_it_is_back(
    qtbot: QtBot, hall: Hall, feed: FeedBridge, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = open_pad(qtbot, hall, bridge=feed)
    qtbot.waitUntil(lambda: feed.last_id is not None, timeout=WAIT)  # following the feed
    assert not pad.banner.isVisible()
    # The pad's own first question answered (its worker runs in order): nothing of it
    # can reach the stand-in below.
    drained: list[bool] = []
    pad.db.submit(lambda: None, lambda _r: drained.append(True), lambda _e: None)
    qtbot.waitUntil(lambda: bool(drained), timeout=WAIT)
    t = in_hand(hall)
    # The server goes away: the feed says so, and the pad's reads fail.
    real = hall.review_request
    tried: list[int] = []

    def away(window_no: int) -> ReviewTicket | None:
        tried.append(window_no)
        raise EnvironmentFault("db.unreachable", host="hall-server")

    monkeypatch.setattr(hall, "review_request", away)
    with qtbot.waitSignal(pad.outage_changed, timeout=WAIT) as down:
        feed.connection_lost.emit("the cable")
    assert down.args == [True] and pad.banner.isVisible()
    assert pad.banner.text() == "暂停评价，正在重新连接服务器…"
    settled()
    assert cut_off(pad) == []
    # The clerk presses F3 meanwhile: the pad hears it, and cannot read which ticket.
    hall.ask_review(3, "1003")
    qtbot.waitUntil(lambda: tried == [3], timeout=WAIT)
    assert pad.stack.currentWidget() is pad.idle and pad.banner.isVisible()
    # The server is back: the feed says so, the pad asks again and finds the rating.
    monkeypatch.setattr(hall, "review_request", real)
    with qtbot.waitSignal(pad.asked, timeout=WAIT) as asked:
        feed.connection_restored.emit()
    assert asked.args[0].ticket.number == t.number
    assert pad.stack.currentWidget() is pad.asking
    assert not pad.banner.isVisible()


def test_a_pad_started_while_the_server_is_away_says_so_until_it_answers(
    qtbot: QtBot, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = hall.review_request
    failures = [2]

    def flaky(window_no: int) -> ReviewTicket | None:
        if failures[0] > 0:
            failures[0] -= 1
            raise EnvironmentFault("db.unreachable", host="hall-server")
        return real(window_no)

    monkeypatch.setattr(hall, "review_request", flaky)
    pad: Evaluator = open_pad(qtbot, hall)  # no feed: it asks once at the start
    qtbot.waitUntil(pad.banner.isVisible, timeout=WAIT)
    pad.ask()  # its next question (after a feed's reconnection, in a station)
    pad.ask()
    qtbot.waitUntil(lambda: not pad.banner.isVisible(), timeout=WAIT)
    assert failures == [0]
