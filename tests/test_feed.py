"""The change feed: a display in another process learns of every event, once, in
commit order, on both databases, and through a PostgreSQL restart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.workload import run
from shared.base.clock import FixedClock
from shared.base.errors import EnvironmentFault
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.hall import Hall, init_hall
from shared.store.db import connect
from shared.store.feed import ConnectionChange, Feed, FeedEvent
from shared.store.model import Event

from .conftest import TUESDAY_0930, local
from .feed_subscriber import Subscriber
from .pgserver import ThrowawayPostgres


def event_ids(url: str) -> list[int]:
    db = connect(url)
    try:
        with db.read() as s:
            return list(s.scalars(select(Event.id).order_by(Event.id)))
    finally:
        db.dispose()


@pytest.mark.slow
def test_a_display_in_another_process_gets_every_event_once_in_commit_order(
    db_url: str,
) -> None:
    display = Subscriber(db_url, after=0).start()
    try:
        result = run(
            db_url,
            services=["gt-zc", "qy-bg", "sb-cb", "sw-xb"],
            windows=[(1, "1001"), (8, "1008")],
            kiosks=2,
            tickets_per_kiosk=130,
            start=local(24, 10, 0),
        )
        assert len(result.issued) == 260
        expected = event_ids(db_url)
        assert len(expected) >= 1000  # issued, called, started, finished: 4 per ticket
        display.wait_for(lambda seen: len([s for s in seen if s.id]) >= len(expected))
    finally:
        display.close()
    assert display.ids == expected  # each once, in commit order, none missing


def test_the_feed_starts_from_now_or_replays_from_an_id(hall: Hall) -> None:
    hall.issue_ticket("gt-zc")
    hall.issue_ticket("gt-zc")
    first_id = event_ids_from(hall)[-2]  # the first ticket's issue (after the sign-ins)

    got: list[FeedEvent] = []
    feed = Feed.connect(hall.db.url.render_as_string(hide_password=False))

    def read() -> None:
        for item in feed.events():
            if isinstance(item, FeedEvent):
                got.append(item)

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.5)  # the reader has taken "now"
    hall.call_next(3, "1003")
    _wait_until(lambda: len(got) >= 1)
    feed.close()
    reader.join(3)
    assert not reader.is_alive()
    assert [(e.kind, e.number, e.window_no, e.clerk_code) for e in got] == [
        ("called", "B001", 3, "1003")
    ]
    assert got[0].local_at() == TUESDAY_0930

    replay = Feed.connect(hall.db.url.render_as_string(hide_password=False))
    items = replay.events(after=first_id)
    again = [next(items), next(items)]
    replay.close()
    assert [e.kind for e in again if isinstance(e, FeedEvent)] == ["issued", "called"]
    assert list(items) == []  # closing ends the iteration cleanly


def test_a_window_pause_reaches_the_feed_without_a_ticket(hall: Hall) -> None:
    feed = Feed.connect(hall.db.url.render_as_string(hide_password=False))
    items = feed.events(after=0)
    hall.pause(5, "1005", reason="参加业务培训")
    ev = next(e for e in items if isinstance(e, FeedEvent) and e.kind != "signed_in")
    feed.close()
    assert isinstance(ev, FeedEvent)
    assert (ev.kind, ev.number, ev.window_no, ev.reason) == ("paused", None, 5, "参加业务培训")


def test_the_postgresql_feed_survives_a_server_restart(tmp_path: Path) -> None:
    with ThrowawayPostgres(tmp_path / "restart") as server:
        server.admin_execute("CREATE DATABASE hall")
        url = server.url("hall")
        init_hall(url, load_hall_config(DEMO_HALL_PATH), FixedClock(TUESDAY_0930))
        display = Subscriber(url, after=0).start()
        try:
            with Hall.connect(url, clock=FixedClock(TUESDAY_0930)) as hall:
                for _ in range(120):
                    hall.issue_ticket("gt-zc")
                display.wait_for(lambda seen: len(seen) >= 120)
                server.stop()
                display.wait_for(lambda seen: seen[-1].kind == "connection_lost")
                server.start()
                display.wait_for(lambda seen: seen[-1].kind == "connection_restored")
                for _ in range(120):
                    hall.issue_ticket("gt-zc")
            expected = event_ids(url)
            display.wait_for(lambda seen: len([s for s in seen if s.id]) >= len(expected))
        finally:
            display.close()
        kinds = [s.kind for s in display.seen]
        assert kinds.count("connection_lost") == 1 and kinds.count("connection_restored") == 1
        assert kinds.index("connection_lost") == 120  # after the first 120, before the rest
        assert display.ids == expected and len(expected) == 240


def test_an_unreachable_server_is_reported_as_lost_and_closing_still_ends(
    pg_admin_url: str,
) -> None:
    url = make_url(pg_admin_url).set(port=1).render_as_string(hide_password=False)
    feed = Feed.connect(url)
    items = feed.events()
    first = next(items)
    assert isinstance(first, ConnectionChange) and first.kind == "connection_lost"
    closer = threading.Timer(0.3, feed.close)
    closer.start()
    assert list(items) == []


def test_an_unknown_hall_is_an_error_not_a_retry(db_url: str) -> None:
    feed = Feed.connect(db_url, hall_code="NOPE")
    with pytest.raises(Exception) as exc:
        next(feed.events())
    assert getattr(exc.value, "code", None) == "hall.not_found"


def test_a_bad_url_is_refused_at_once() -> None:
    with pytest.raises(EnvironmentFault) as exc:
        Feed.connect("mysql://x@y/z")
    assert exc.value.code == "db.bad_url"


def test_yimen_watch_prints_each_event_and_ends_cleanly_on_ctrl_c(db_url: str) -> None:
    env = {**os.environ, "YIMEN_NOW": "2026-11-24T09:30:00+08:00"}
    watch = subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "watch", "--db", db_url, "--json", "--after", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        # Ctrl-C as at a terminal: a test process may run with SIGINT ignored (a pytest
        # worker, a background job), and a child inherits that.
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    try:
        with Hall.connect(db_url, clock=FixedClock(TUESDAY_0930)) as hall:
            hall.issue_ticket("gt-zc")
            hall.call_next(3, "1003")
        assert watch.stdout is not None
        events: list[dict[str, object]] = []
        while len(events) < 2:  # the replay starts with the clerks' sign-ins at 9:30
            event = json.loads(watch.stdout.readline())
            if event["kind"] != "signed_in":
                events.append(event)
    finally:
        watch.send_signal(signal.SIGINT)
        try:
            _, err = watch.communicate(timeout=60)
        finally:
            watch.kill()  # never left running, whatever failed above
    assert [(e["kind"], e["number"]) for e in events] == [("issued", "B001"), ("called", "B001")]
    assert events[1]["window_no"] == 3
    assert watch.returncode == 0 and "Traceback" not in err


# -- helpers ------------------------------------------------------------------------------


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def event_ids_from(hall: Hall) -> list[int]:
    with hall.db.read() as s:
        return list(s.scalars(select(Event.id).order_by(Event.id)))


def _wait_until(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.02)
