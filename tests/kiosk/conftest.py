"""Fixtures of the lobby display's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shared.qt.feed_bridge import FeedBridge
from shared.qt.i18n import set_language


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    """The screens in Chinese, then in English; Chinese again after."""
    set_language(request.param)
    yield str(request.param)
    set_language("zh")


@pytest.fixture
def feed(db_url: str) -> Iterator[FeedBridge]:
    """The display's feed, not started: the test says when the connection is lost and back."""
    b = FeedBridge(db_url)
    yield b
    b.stop()
