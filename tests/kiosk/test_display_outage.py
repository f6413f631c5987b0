"""The lobby display and a window screen while the connection is lost, offscreen: what
they show may be old, so it is dimmed and the newest call is marked as from before the
interruption, and the red band tells people where to follow the calls meanwhile; when the
connection is back everything is as before, in Chinese and in English."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.display import LobbyDisplay, WindowScreen
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge
from shared.qt.theme import DISPLAY

from .test_display_layout import assert_nothing_overlaps, opened, pixels, settled

pytestmark = pytest.mark.gui
WAIT = 15_000
SAYS = {
    "zh": ("叫号屏暂时中断，请留意语音广播和窗口屏，或到导服台咨询", "中断前的呼叫", "正在呼叫"),
    "en": (
        "The call display is interrupted for now: please listen to the announcements and"
        " watch the window screens, or ask at the help desk",
        "Called before the interruption",
        "Now calling",
    ),
}


def ink_colour(widget: QWidget) -> str:
    """The colour most of a text's ink is painted in (its letters' solid inside)."""
    rgb = pixels(widget.grab().toImage()).reshape(-1, 3)
    colours, counts = np.unique(rgb, axis=0, return_counts=True)
    order = counts.argsort()[::-1]
    background, ink = colours[order[0]], colours[order[1]]
    assert counts[order[1]] > 50, "no text painted"
    assert tuple(background) != tuple(ink)
    return "#{:02X}{:02X}{:02X}".format(*map(int, ink))


def unbroken(text: str, lang: str) -> str:
    return text.replace("\n", "" if lang == "zh" else " ")


def test_a_lost_connection_dims_the_calls_and_says_where_to_follow_them(
    qtbot: QtBot, hall: Hall, feed: FeedBridge, lang: str
) -> None:
    sentence, stale_title, title = SAYS[lang]
    for code in ("qy-sl", "gt-zc", "hj-qy"):
        hall.issue_ticket(code)
    first = hall.call_next(1, "1001")
    d = LobbyDisplay(hall, bridge=feed, size=QSize(1920, 1080), inches=55)
    opened(qtbot, d)
    assert isinstance(d, LobbyDisplay) and first is not None
    newest = hall.call_next(3, "1003")  # through the feed: it flashes
    assert newest is not None
    qtbot.waitUntil(lambda: d.newest_number.text() == newest.number and d.flashing, timeout=WAIT)
    (listed, _window), *_ = d.rows
    assert listed.text() == first.number

    feed.connection_lost.emit("the cable")
    qtbot.waitUntil(lambda: d.outage_band.isVisible(), timeout=WAIT)
    settled()
    # The old call is no longer presented as being called: marked and dimmed.
    assert d.now_calling.text() == stale_title and not d.flashing
    assert d.newest_number.text() == newest.number  # kept, for whoever just looked away
    for label in (d.newest_number, d.newest_window, listed):
        assert ink_colour(label) == DISPLAY["stale"], label.text()
    # The band says what to do, in place of the notice and the counts (old too).
    assert unbroken(d.outage_band.text(), lang) == sentence
    assert not d.notice.isVisible() and not d.waiting.isVisible()
    assert_nothing_overlaps(d, f"connection lost, {lang}")

    feed.connection_restored.emit()
    qtbot.waitUntil(lambda: not d.outage_band.isVisible(), timeout=WAIT)
    settled()
    assert d.now_calling.text() == title
    assert ink_colour(d.newest_number) == DISPLAY["number"]
    assert ink_colour(d.newest_window) == DISPLAY["window"]
    assert ink_colour(listed) == DISPLAY["number"]
    assert d.notice.isVisible() and d.waiting.isVisible()
    # The calls go on as before: a new one is called, bright.
    later = hall.call_next(5, "1005")
    assert later is not None
    qtbot.waitUntil(lambda: d.newest_number.text() == later.number, timeout=WAIT)
    assert d.now_calling.text() == title and d.flashing


def test_a_window_screen_dims_the_number_while_the_connection_is_lost(
    qtbot: QtBot, hall: Hall, feed: FeedBridge, lang: str
) -> None:
    hall.issue_ticket("gt-zc")
    called = hall.call_next(3, "1003")
    s = WindowScreen(hall, 3, bridge=feed, size=QSize(1366, 768))
    opened(qtbot, s)
    assert isinstance(s, WindowScreen) and called is not None
    assert s.number.text() == called.number
    assert ink_colour(s.number) == DISPLAY["number"]
    feed.connection_lost.emit("the cable")
    qtbot.waitUntil(lambda: s.outage_band.isVisible(), timeout=WAIT)
    settled()
    assert ink_colour(s.number) == DISPLAY["stale"]
    assert ink_colour(s.words) == DISPLAY["stale"]
    feed.connection_restored.emit()
    qtbot.waitUntil(lambda: not s.outage_band.isVisible(), timeout=WAIT)
    settled()
    assert ink_colour(s.number) == DISPLAY["number"]
