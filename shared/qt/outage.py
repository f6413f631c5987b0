"""Whether a station's database is away, as every screen tells it: the change feed says
when its connection is lost and back, and a screen's own operation that failed because
the server is away says so too. Each screen shows it in its own words (the kiosk's
banner 暂停取号，正在重新连接, the evaluator's, the counter's); none needs a restart: the
feed reconnects by itself and says when it is back."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from shared.base.errors import EnvironmentFault
from shared.qt.feed_bridge import FeedBridge

log = logging.getLogger(__name__)


def server_away(exc: BaseException) -> bool:
    """Whether an operation failed because the database cannot be reached now."""
    return isinstance(exc, EnvironmentFault) and exc.code.startswith("db.")


class OutageWatch(QObject):
    """Down or up, from the feed and from the screen's own operations."""

    changed = Signal(bool)  # True: the server is away; False: it is back

    def __init__(self, bridge: FeedBridge | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.down = False
        if bridge is not None:
            bridge.connection_lost.connect(self._on_bridge_connection_lost)
            bridge.connection_restored.connect(self._on_bridge_connection_restored)

    def set(self, down: bool) -> None:
        if down == self.down:
            return
        self.down = down
        self.changed.emit(down)

    def failed(self, exc: BaseException) -> bool:
        """An operation failed: down when the server is away (True), else nothing."""
        if server_away(exc):
            self.set(True)
            return True
        return False

    def _on_bridge_connection_lost(self, detail: str) -> None:
        log.warning("the connection to the hall's database was lost (%s)", detail)
        self.set(True)

    def _on_bridge_connection_restored(self) -> None:
        log.info("the connection to the hall's database is back")
        self.set(False)


__all__ = ["OutageWatch", "server_away"]
