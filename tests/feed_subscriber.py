"""A lobby display in a process of its own: reads the feed and reports what it saw."""

from __future__ import annotations

import multiprocessing as mp
import threading
from dataclasses import dataclass
from typing import Any

from shared.store.feed import ConnectionChange, Feed


@dataclass(frozen=True)
class Seen:
    kind: str
    id: int | None


def subscribe(url: str, after: int | None, out: Any, stop: Any, ready: Any) -> None:
    """Send every item of the feed to ``out`` as `Seen` until ``stop`` is set."""
    feed = Feed.connect(url)
    threading.Thread(target=lambda: (stop.wait(), feed.close()), daemon=True).start()
    ready.set()
    try:
        for item in feed.events(after=after):
            if isinstance(item, ConnectionChange):
                out.put(Seen(item.kind, None))
            else:
                out.put(Seen(item.kind, item.id))
    except BaseException as exc:
        out.put(Seen(f"crashed: {exc!r}", None))
        raise
    finally:
        out.put(Seen("ended", None))


class Subscriber:
    """Start `subscribe` in a spawned process; collect what it reports."""

    def __init__(self, url: str, after: int | None = 0) -> None:
        ctx = mp.get_context("spawn")
        self.out = ctx.Queue()
        self.stop_flag = ctx.Event()
        self.ready = ctx.Event()
        self.proc = ctx.Process(
            target=subscribe, args=(url, after, self.out, self.stop_flag, self.ready)
        )
        self.seen: list[Seen] = []

    def start(self) -> Subscriber:
        self.proc.start()
        if not self.ready.wait(60):
            raise TimeoutError("the subscriber did not start")
        return self

    def wait_for(self, predicate: Any, timeout: float = 30.0) -> None:
        """Collect until ``predicate(self.seen)`` holds; TimeoutError otherwise."""
        import queue
        import time

        deadline = time.monotonic() + timeout
        while not predicate(self.seen):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"subscriber saw {len(self.seen)} items: {self.seen[-5:]}")
            try:
                self.seen.append(self.out.get(timeout=min(remaining, 1.0)))
            except queue.Empty:
                continue
            if self.seen[-1].kind.startswith("crashed"):
                raise RuntimeError(self.seen[-1].kind)

    @property
    def ids(self) -> list[int]:
        return [s.id for s in self.seen if s.id is not None]

    def close(self) -> None:
        self.stop_flag.set()
        try:
            self.wait_for(lambda seen: bool(seen) and seen[-1].kind == "ended", timeout=10)
        finally:
            self.proc.join(5)
            if self.proc.is_alive():
                self.proc.kill()
