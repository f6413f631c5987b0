"""Dated backups in a folder, the oldest beyond a number deleted; and a thread that
makes one every night for a long-running process (``yimen serve``).

A dated backup is named yimen-<hall or database>-YYYYMMDD-HHMM.<db|dump>, so the folder
lists them in order and two databases' backups can share it: the rotation deletes only
files of exactly that pattern and name, never a restore's saved database
(yimen-…-before-restore-…) nor anything else.
"""

from __future__ import annotations

import logging
import re
import threading
import time as timer
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path

from shared.base.clock import Clock, SystemClock
from shared.base.errors import YimenError
from shared.store.archive import Progress, quiet
from shared.store.backup import (
    EXTENSIONS,
    PART_PREFIX,
    PART_SUFFIX,
    BackupResult,
    discard,
    file_name,
    part_in,
    placed,
    write_checked,
)
from shared.store.db import connect

log = logging.getLogger("yimen.backup")

#: How many dated backups are kept by default: two weeks of nights.
KEEP = 14
#: A dated backup's name: yimen-<hall or database>-YYYYMMDD-HHMM.<db|dump>.
_DATED = re.compile(r"^yimen-(?P<name>.+)-(?P<stamp>\d{8}-\d{4})\.(?:db|dump)$")
_STAMP = "%Y%m%d-%H%M"


@dataclass(frozen=True)
class Rotated:
    """A dated backup in a folder, and the older ones deleted to keep ``keep``."""

    backup: BackupResult
    removed: tuple[Path, ...]
    keep: int


def dated_name(name: str, kind: str, at: datetime) -> str:
    """yimen-<name>-YYYYMMDD-HHMM.<db|dump>, at the local time of ``at``."""
    return f"yimen-{name}-{at.strftime(_STAMP)}.{EXTENSIONS[kind]}"


def dated_backups(folder: Path, name: str | None = None) -> list[Path]:
    """The dated backups in ``folder`` (of ``name`` only, when given), newest first."""
    found = []
    with suppress(OSError):
        for p in Path(folder).iterdir():
            m = _DATED.match(p.name)
            if m is not None and (name is None or m["name"] == name) and p.is_file():
                found.append((m["stamp"], p))
    return [p for _, p in sorted(found, reverse=True)]


def _rotate(folder: Path, name: str, keep: int) -> tuple[Path, ...]:
    """Delete the dated backups of ``name`` beyond the newest ``keep``, and temporary
    files a backup cut off a day ago or more left behind; never another file."""
    removed = []
    for old in dated_backups(folder, name)[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", old, exc)
    day_ago = timer.time() - 86400  # the files' own times are the real clock's
    for part in Path(folder).glob(f"{PART_PREFIX}*{PART_SUFFIX}"):
        with suppress(OSError):
            if part.stat().st_mtime < day_ago:
                part.unlink()
    return tuple(removed)


def backup_rotated(
    url: str,
    folder: Path,
    keep: int = KEEP,
    *,
    now: datetime | None = None,
    progress: Progress = quiet,
) -> Rotated:
    """A backup into ``folder`` named yimen-<hall>-YYYYMMDD-HHMM.<db|dump> (the time of
    ``now`` in its own zone; default: this PC's local time), then the oldest of the same
    name beyond ``keep`` deleted. Nothing is deleted when the backup failed."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    started = timer.perf_counter()
    folder = Path(folder)
    at = now if now is not None else datetime.now().astimezone()
    db = connect(url)
    try:
        part, contents = write_checked(db, folder, progress)
        name = file_name(contents, db)
        result = placed(db, part, folder / dated_name(name, db.dialect, at), contents, started)
        removed = _rotate(folder, name, keep)
    finally:
        db.dispose()
    return Rotated(result, removed, keep)


# -- every night --------------------------------------------------------------------------------


class Nightly:
    """A dated backup into ``folder`` every day at ``at`` (this PC's local time), keeping
    the newest ``keep``: a daemon thread for a long-running process (``yimen serve``).

    A backup that fails is logged (and handed to ``on_result``) and tried again the next
    night; nothing it meets ends the thread or its host. With ``catch_up``, a folder with
    no backup from the last 24 hours gets one at start (a PC switched off at night)."""

    def __init__(
        self,
        url: str,
        folder: Path | str,
        at: time = time(2, 0),
        keep: int = KEEP,
        *,
        catch_up: bool = True,
        on_result: Callable[[Rotated | Exception], None] | None = None,
        clock: Clock | None = None,
        zone: tzinfo | None = None,
        poll_seconds: float = 30.0,
    ) -> None:
        if keep < 1:
            raise ValueError("keep at least one backup")
        self.url = url
        self.folder = Path(folder)
        self.at = at
        self.keep = keep
        self.catch_up = catch_up
        self.on_result = on_result
        self.clock: Clock = clock or SystemClock()
        self.zone = zone
        self.poll_seconds = poll_seconds
        self.last: Rotated | Exception | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def now(self) -> datetime:
        """The local time the nightly goes by."""
        return self.clock.now().astimezone(self.zone)

    def next_run(self, after: datetime | None = None) -> datetime:
        """The first ``at`` strictly after ``after`` (default: now)."""
        after = after if after is not None else self.now()
        zone = after.tzinfo
        due = datetime.combine(after.date(), self.at, tzinfo=zone)
        if due <= after:
            due = datetime.combine(after.date() + timedelta(days=1), self.at, tzinfo=zone)
        return due

    def start(self) -> None:
        """Check the folder can be written to (or `EnvironmentFault`), then start."""
        discard(part_in(self.folder))
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="yimen-nightly-backup", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop waiting; a backup under way is let finish for up to ``timeout`` seconds."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run_once(self) -> Rotated | None:
        """One dated backup now, with the rotation. A failure is logged and returned in
        ``last``, never raised."""
        result: Rotated | Exception
        try:
            result = backup_rotated(self.url, self.folder, self.keep, now=self.now())
            log.info("nightly backup written: %s", result.backup.path)
        except YimenError as exc:
            log.error("nightly backup into %s failed: %s", self.folder, exc.message("en"))
            result = exc
        except Exception as exc:
            log.exception("nightly backup into %s failed", self.folder)
            result = exc
        self.last = result
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:
                log.exception("the nightly backup's report failed")
        return result if isinstance(result, Rotated) else None

    def _has_recent(self) -> bool:
        day_ago = (self.now() - timedelta(days=1)).replace(tzinfo=None)
        for p in dated_backups(self.folder):
            m = _DATED.match(p.name)
            if m is not None and datetime.strptime(m["stamp"], _STAMP) > day_ago:
                return True
        return False

    def _loop(self) -> None:
        if self.catch_up and not self._has_recent():
            self.run_once()
        # Times on the wall clock, without their offset: 02:00 stays 02:00 across a change
        # to or from summer time.
        due = self.next_run().replace(tzinfo=None)
        while not self._stop.is_set():
            now = self.now()
            wall = now.replace(tzinfo=None)
            if wall >= due:
                self.run_once()
                due = self.next_run(now).replace(tzinfo=None)
                continue
            # Never a long sleep: the wall clock is looked at again (a PC that slept, a
            # clock set right), and stop() is answered within the poll.
            self._stop.wait(min(self.poll_seconds, (due - wall).total_seconds()))
