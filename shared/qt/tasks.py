"""Background work for the Qt apps: the GUI thread never waits for the database, a printer
or a speech engine.

`Worker` is one thread (a single-worker executor) for one kind of slow work: the apps keep
one for the database, so their calls run one at a time and in order, and one for the
printer. A result or an error comes back as a call on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class Worker(QObject):
    """Runs functions on its own thread, in order; reports back on the GUI thread."""

    _finished = Signal(object, object, object)  # the callback, the result, the error

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"yimen-{name}")
        self._finished.connect(self._deliver)
        self._closed = False

    def submit(
        self,
        fn: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[None]:
        """Run ``fn`` on the worker's thread; then ``on_result(result)`` or
        ``on_error(exception)`` on the GUI thread (an error nobody handles is logged)."""

        def run() -> None:
            try:
                result = fn()
            except BaseException as exc:  # delivered, not lost with the thread
                if not self._closed:
                    self._finished.emit(on_error, None, exc)
                return
            if not self._closed:
                self._finished.emit(on_result, result, None)

        if self._closed:  # the app is closing: late work is dropped, not an error
            done: Future[None] = Future()
            done.set_result(None)
            return done
        return self._executor.submit(run)

    def close(self, wait: bool = True) -> None:
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)

    def _deliver(self, callback: Any, result: Any, error: BaseException | None) -> None:
        if error is None:
            if callback is not None:
                callback(result)
        elif callback is not None:
            callback(error)
        else:
            log.error("%s: unhandled error", self.name, exc_info=error)
