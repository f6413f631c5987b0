"""Background work for the Qt apps: the GUI thread never waits for the database, a printer
or a speech engine.

`Worker` is one thread (a single-worker executor) for one kind of slow work: the apps keep
one for the database, so their calls run one at a time and in order, and one for the
printer. A result or an error comes back as a call on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class Gate:
    """Open until closed: whether a thread may still hand a result to a QObject. The lock
    makes "still open? then post it" one step, so nothing is posted once ``close``
    returns (the object may be deleted right after), and a post under way finishes
    before ``close`` does."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = True

    @property
    def open(self) -> bool:
        return self._open

    def close(self) -> None:
        with self._lock:
            self._open = False

    def post(self, emit: Callable[[], None]) -> bool:
        """Run ``emit`` (which posts to the GUI thread) if the gate is open."""
        with self._lock:
            if not self._open:
                return False
            emit()
            return True


class _Keeper(QObject):
    """Where a worker's thread hands what it no longer needs, to be let go on the GUI
    thread. A work function or a callback often holds a screen (``lambda:
    self.hall.…``); were its last reference dropped on the worker's thread, the screen
    would be destroyed there, and Qt cannot stop a GUI object's timers from another
    thread: they would fire later into freed memory."""

    _take = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._take.connect(self._let_go)

    def take(self, things: object) -> None:
        self._take.emit(things)  # queued: released when the GUI thread delivers it

    def _let_go(self, things: object) -> None:
        del things


_keeper: _Keeper | None = None


def _the_keeper() -> _Keeper:
    """The one keeper, made on the GUI thread (by the first worker) and kept for good."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


class Worker(QObject):
    """Runs functions on its own thread, in order; reports back on the GUI thread."""

    _finished = Signal(object, object, object)  # the callback, the result, the error

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"yimen-{name}")
        self._finished.connect(self._deliver)
        self._gate = Gate()
        self._keeper = _the_keeper()
        # Deleted with its screen before anyone closed it: no answer may be posted to it.
        self.destroyed.connect(self._gate.close)

    def submit(
        self,
        fn: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[None]:
        """Run ``fn`` on the worker's thread; then ``on_result(result)`` or
        ``on_error(exception)`` on the GUI thread (an error nobody handles is logged).
        After ``close`` nothing more is run or delivered. The worker's thread keeps no
        reference to ``fn`` or the callbacks once it is done: they are let go on the GUI
        thread, whatever they hold."""
        gate, finished, keeper = self._gate, self._finished, self._keeper
        held: list[Any] = [fn, on_result, on_error]

        def run() -> None:
            work, ok, failed = held
            held.clear()
            try:
                if not gate.open:
                    return
                try:
                    result = work()
                except BaseException as exc:  # delivered, not lost with the thread
                    gate.post(partial(finished.emit, failed, None, exc))
                else:
                    gate.post(partial(finished.emit, ok, result, None))
            finally:
                keeper.take((work, ok, failed))
                del work, ok, failed

        if not gate.open:  # the app is closing: late work is dropped, not an error
            done: Future[None] = Future()
            done.set_result(None)
            return done
        return self._executor.submit(run)

    def close(self, wait: bool = True) -> None:
        """No more answers: once this returns, nothing is delivered; work not started
        is dropped, and ``wait`` waits for the one running to end."""
        self._gate.close()
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def _deliver(self, callback: Any, result: Any, error: BaseException | None) -> None:
        if not self._gate.open:
            return
        if error is None:
            if callback is not None:
                callback(result)
        elif callback is not None:
            callback(error)
        else:
            log.error("%s: unhandled error", self.name, exc_info=error)
