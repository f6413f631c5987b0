"""The screens' database worker: answers come back on the GUI thread, in order, and
none comes once the worker is closed or its screen is gone, whenever the work ends."""

from __future__ import annotations

import threading
import weakref

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from shared.qt.tasks import Worker

pytestmark = pytest.mark.gui


def _slow(running: threading.Event, release: threading.Event) -> str:
    running.set()
    release.wait(10)
    return "late"


def _worker_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("yimen-db")]


def test_answers_come_back_on_the_gui_thread_in_order(qtbot: QtBot) -> None:
    worker = Worker("db")
    got: list[tuple[int, QThread]] = []
    errors: list[BaseException] = []
    for n in range(5):
        worker.submit(lambda n=n: n, lambda r: got.append((r, QThread.currentThread())))
    worker.submit(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    assert got == [(n, gui) for n in range(5)]
    assert isinstance(errors[0], ZeroDivisionError)
    worker.close()


def test_work_that_ends_after_close_delivers_nothing(qtbot: QtBot) -> None:
    worker = Worker("db")
    running, release = threading.Event(), threading.Event()
    got: list[object] = []
    worker.submit(lambda: _slow(running, release), got.append, got.append)
    worker.submit(lambda: "queued", got.append)
    assert running.wait(10)
    worker.close(wait=False)
    release.set()
    qtbot.waitUntil(lambda: not _worker_threads(), timeout=10_000)
    qtbot.wait(50)  # anything posted would have arrived by now
    assert got == []


def test_a_screen_deleted_while_its_worker_runs_hears_nothing(qtbot: QtBot) -> None:
    screen = QWidget()
    worker = Worker("db", screen)
    running, release = threading.Event(), threading.Event()
    got: list[object] = []
    worker.submit(lambda: _slow(running, release), got.append, got.append)
    assert running.wait(10)
    screen.deleteLater()  # its worker goes with it, never closed
    qtbot.waitUntil(lambda: not _alive(screen), timeout=10_000)
    release.set()
    qtbot.wait(100)  # the late answer would be posted now, to a deleted object
    assert got == []


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:  # its C++ object is gone
        return False
    return True


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def test_the_stations_collector_frees_cycles_from_the_gui_thread(qtbot: QtBot) -> None:
    import gc
    import weakref

    from shared.qt.collector import GuiCollector

    collector = GuiCollector()
    try:
        assert not gc.isenabled()  # never in whatever thread allocates
        node = _Node()
        gone = weakref.ref(node)
        del node
        for _ in range(collector.threshold[0] * 2):  # enough allocations to pass gen 0
            _Node()
        qtbot.waitUntil(lambda: gone() is None, timeout=10_000)
    finally:
        collector.stop()


class _Screen:
    """Stands for a screen a job holds (``lambda: self.hall.…``)."""


@pytest.mark.parametrize("ends", ["answered", "failed", "closed meanwhile"])
def test_what_a_job_holds_is_let_go_on_the_gui_thread(qtbot: QtBot, ends: str) -> None:
    """A screen destroyed on the worker's thread would leave its timers to fire into freed
    memory; so the job, its callbacks and what they hold are released on the GUI thread,
    however the job ends."""
    worker = Worker("db")
    freed_on: list[str] = []
    running, release = threading.Event(), threading.Event()
    screen = _Screen()
    weakref.finalize(screen, lambda: freed_on.append(threading.current_thread().name))

    def job(s: _Screen = screen) -> str:
        running.set()
        release.wait(10)
        if ends == "failed":
            raise RuntimeError(str(s))
        return str(s)

    worker.submit(job, lambda _r, s=screen: None, lambda _e, s=screen: None)
    del job, screen
    assert running.wait(10)
    if ends == "closed meanwhile":
        worker._gate.close()
    release.set()
    qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
    assert freed_on == ["MainThread"]
    worker.close()
