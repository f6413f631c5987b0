"""The change feed for Qt screens: a QObject that reads the feed off the GUI thread and
emits signals, named as events, on the GUI thread.

Screens use only this (no polling loops in widgets)::

    bridge = FeedBridge(url, hall_code="QC")
    bridge.call_made.connect(self._on_feed_call_made)
    bridge.connection_lost.connect(self._on_feed_connection_lost)
    bridge.start()
    …
    bridge.stop()

Each ticket signal carries a `shared.store.feed.FeedEvent` (a frozen dataclass); slots run on
the GUI thread (the bridge lives there, and cross-thread emissions are queued).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from shared.qt.tasks import Gate
from shared.store.feed import ConnectionChange, Feed, FeedEvent

log = logging.getLogger(__name__)

#: Which signal each event kind goes to (besides ``event_received``, which gets all).
_SIGNAL_OF = {
    "issued": "ticket_issued",
    "reprinted": "ticket_reprinted",
    "called": "call_made",
    "recalled": "call_made",
    "called_back": "call_made",
    "started": "service_started",
    "finished": "service_finished",
    "no_show": "ticket_no_show",
    "requeued": "ticket_requeued",
    "held": "ticket_held",
    "returned": "ticket_returned",
    "transferred": "ticket_transferred",
    "expired": "ticket_expired",
    "paused": "window_paused",
    "resumed": "window_resumed",
    "help_requested": "help_requested",
    "help_acknowledged": "help_acknowledged",
    "printer_fault": "printer_fault",
    "signed_in": "window_signed_in",
    "signed_out": "window_signed_out",
}


class FeedBridge(QObject):
    """Runs `Feed.events` in a worker thread; re-emits on the GUI thread."""

    event_received = Signal(object)  # every FeedEvent
    ticket_issued = Signal(object)
    ticket_reprinted = Signal(object)
    call_made = Signal(object)  # called, recalled or called back: the lobby announces it
    service_started = Signal(object)
    service_finished = Signal(object)
    ticket_no_show = Signal(object)
    ticket_requeued = Signal(object)
    ticket_held = Signal(object)
    ticket_returned = Signal(object)
    ticket_transferred = Signal(object)
    ticket_expired = Signal(object)
    window_paused = Signal(object)
    window_resumed = Signal(object)
    help_requested = Signal(object)  # a citizen pressed 需要帮助 at a kiosk
    help_acknowledged = Signal(object)
    printer_fault = Signal(object)
    window_signed_in = Signal(object)  # a clerk signed in at a window: it is staffed
    window_signed_out = Signal(object)
    connection_lost = Signal(str)  # a sentence of detail, for the log
    connection_restored = Signal()
    failed = Signal(str)  # the feed stopped on an error that is not a lost connection
    stopped = Signal()

    def __init__(
        self,
        url: str,
        *,
        hall_code: str | None = None,
        after: int | None = None,
        feed_factory: Callable[[], Feed] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = feed_factory or (lambda: Feed.connect(url, hall_code=hall_code))
        self._after = after
        self._feed: Feed | None = None
        self._thread: threading.Thread | None = None
        self._gate = Gate()  # closed by stop(): the reader posts nothing after that
        self.destroyed.connect(self._gate.close)
        self.last_id: int | None = after

    def start(self, after: int | None = None) -> None:
        """Start reading (after event id ``after`` when given: a screen that read a
        snapshot at that position); returns at once (connecting happens in the worker).
        A bridge already started, or stopped, is left as it is."""
        if self._thread is not None or not self._gate.open:
            return
        if after is not None:
            self._after = self.last_id = after
        self._thread = threading.Thread(target=self._run, name="yimen-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop reading: once this returns no signal comes from the reader any more (it
        may be deleted), and the reader is asked to end (waited for up to ``timeout``;
        a reader stuck in a connection attempt ends by itself, saying nothing)."""
        self._gate.close()  # before looking at _feed: see _run
        feed, thread = self._feed, self._thread
        if feed is not None:
            feed.close()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.info("feed bridge: the reader is still ending; it will say nothing more")

    def _run(self) -> None:
        gate = self._gate
        feed: Feed | None = None
        try:
            feed = self._feed = self._factory()
            if not gate.open:
                return
            for item in feed.events(after=self._after):
                if not gate.open:
                    return
                if isinstance(item, ConnectionChange):
                    if item.kind == "connection_lost":
                        gate.post(partial(self.connection_lost.emit, item.detail))
                    else:
                        gate.post(self.connection_restored.emit)
                    continue
                self._emit(item)
        except Exception as exc:  # a bug or a fault the feed cannot retry: tell the screen
            if gate.open:
                log.exception("feed bridge stopped")
            gate.post(partial(self.failed.emit, str(exc)))
        finally:
            if feed is not None:
                feed.close()
            gate.post(self.stopped.emit)

    def _emit(self, ev: FeedEvent) -> None:
        name = _SIGNAL_OF.get(ev.kind)

        def emit() -> None:
            self.last_id = ev.id
            self.event_received.emit(ev)
            if name is not None:
                getattr(self, name).emit(ev)

        self._gate.post(emit)
