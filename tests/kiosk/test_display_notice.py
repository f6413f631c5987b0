"""The lobby display's scrolling notice, offscreen, on both databases: it turns to the
noon duty's windows when the noon break begins, with no event to say so, and follows the
windows that stop serving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from kiosk.display import LobbyDisplay
from shared.base.clock import FixedClock
from shared.hall import Hall
from shared.qt.feed_bridge import FeedBridge

from ..conftest import local

pytestmark = pytest.mark.gui
WAIT = 15_000


@pytest.fixture
def bridge(db_url: str) -> Iterator[FeedBridge]:
    b = FeedBridge(db_url)
    yield b
    b.stop()


def test_the_marquee_names_the_noon_duty_windows_when_the_noon_break_begins(
    qtbot: QtBot, hall: Hall, clock: FixedClock, bridge: FeedBridge
) -> None:
    clock.set(local(24, 11, 50))
    for n in (1, 2, 3, 4, 5, 6, 7, 10, 11, 12):
        hall.sign_out(f"{1000 + n}", n)
    clock.set(local(24, 12, 0) - timedelta(seconds=1))
    d = LobbyDisplay(hall, bridge=bridge, size=QSize(1920, 1080))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.started_up, timeout=WAIT)
    own = hall.settings.display.notice
    assert d.notice.text() == own
    clock.set(local(24, 12, 0) + timedelta(seconds=1))  # no event: the clock alone
    qtbot.waitUntil(
        lambda: d.notice.text().startswith("午间值班：8号、9号窗口照常办理。"), timeout=WAIT
    )
    assert d.notice.text().endswith(own)
    hall.sign_out("1009", 9)  # the feed brings it: window 8 alone now
    qtbot.waitUntil(lambda: d.notice.text().startswith("午间值班：8号窗口照常办理。"), timeout=WAIT)
