"""The keeper: a public station (kiosk, lobby display, evaluator) runs as a child of a
small parent process that starts it again when it ends by accident.

A kiosk stands alone in the hall; nobody is there to start it again after a crash, a
frozen screen (the watchdog ends it, `shared.qt.watchdog`) or a fault of the feed. The
keeper is plain Python, no Qt (it must not go down with what it keeps): it runs the
station's own command with ``--no-keeper``, waits, and looks at how it ended:

* 0: a deliberate exit (the maintenance panel's exit, or the window closed where it may
  be): the keeper ends too;
* `EXIT_REFUSED` (2): the station said why it cannot start (no such hall or window, a
  bad option); starting it again cannot help, so the keeper ends with the same status;
* `EXIT_RESTART` (75): the maintenance panel asked for a fresh start: again at once;
* anything else (a crash, `EXIT_FROZEN` from the watchdog, a signal): again after a
  pause that grows while it keeps failing (1, 2, 5, 10, then every 30 s), back to 1 s
  once it has run a minute.

SIGTERM or Ctrl-C to the keeper ends the station (SIGTERM, then a kill after a grace
period) and the keeper with it. On Linux the station also gets SIGTERM should the
keeper itself be killed outright; on Windows the station is put in a job object that
closes with the keeper.

The station's standard error goes through the keeper into the station's log file (and
to the keeper's own standard error, when it has one), so a crash's trace, the
watchdog's dump of every thread and each restart are found in one file.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("yimen.keeper")

#: How a station ends, as its exit status.
EXIT_OK = 0
EXIT_REFUSED = 2  # the station said why it cannot start: a person must act first
EXIT_RESTART = 75  # asked to start again (EX_TEMPFAIL)
EXIT_FROZEN = 86  # the watchdog found the screen frozen and ended it
EXIT_FEED_FAILED = 87  # the change feed stopped on a fault it cannot retry

#: The pauses before starting a failing station again, in seconds; the last repeats.
DELAYS: tuple[float, ...] = (1, 2, 5, 10, 30)
#: A station that ran this long before it failed starts again after the first pause.
STABLE_SECONDS = 60.0
#: How long a station asked to end (SIGTERM) may take before it is killed.
GRACE_SECONDS = 10.0
#: The station's log file: rotated at this size, this many old ones kept.
LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 3

#: The flag the keeper adds to the station's command, so that the child runs the
#: station itself (and the tests call a station's main in their own process).
NO_KEEPER = "--no-keeper"
#: Set in the child's environment: it runs under a keeper (it may end to be restarted).
KEPT_ENV = "YIMEN_KEPT"


def kept() -> bool:
    """Whether this process is a station run by a keeper (which starts it again)."""
    return os.environ.get(KEPT_ENV) == "1"


def describe(status: int) -> str:
    """How a station ended, in words for the log."""
    if status == EXIT_OK:
        return "a deliberate exit"
    if status == EXIT_REFUSED:
        return "it refused to start: its sentence is above"
    if status == EXIT_RESTART:
        return "a restart asked for"
    if status == EXIT_FROZEN:
        return "the screen was frozen: the watchdog ended it"
    if status == EXIT_FEED_FAILED:
        return "the change feed stopped on a fault"
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"a crash, exit status {status}"


def default_log_path(name: str) -> Path:
    """Where a station's log goes: the user's log folder (``~/.local/state/yimen/log``
    on Linux, ``%LOCALAPPDATA%\\yimen\\Logs`` on Windows), one file per station."""
    import platformdirs

    return Path(platformdirs.user_log_dir("yimen", appauthor=False)) / f"{name}.log"


class _Lines(logging.Formatter):
    """The station's own lines as they come (they carry their own time); the keeper's
    with the time and ``keeper:`` before them."""

    def format(self, record: logging.LogRecord) -> str:
        if record.name == "yimen.station":
            return record.getMessage()
        stamp = self.formatTime(record)
        return f"{stamp} keeper: {record.getMessage()}"


class Keeper:
    """Runs ``command`` and starts it again whenever it ends by accident (see the
    module's docstring). ``delays`` and ``grace`` are for the tests."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        log_file: Path | None = None,
        delays: Sequence[float] = DELAYS,
        stable_seconds: float = STABLE_SECONDS,
        grace: float = GRACE_SECONDS,
        env: dict[str, str] | None = None,
    ) -> None:
        self.command = list(command)
        self.delays = tuple(delays) or (0.0,)
        self.stable_seconds = stable_seconds
        self.grace = grace
        self.env = {**(os.environ if env is None else env), KEPT_ENV: "1"}
        self.starts = 0  # how many times the station was started
        self._stop = threading.Event()
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.RLock()  # a signal handler may take it on the same thread
        self._station_log = logging.getLogger("yimen.station")
        self._handlers: list[logging.Handler] = []
        self._log_file = log_file

    # -- the loop ----------------------------------------------------------------------

    def run(self) -> int:
        """Keep the station running; the status to end with once it is not restarted."""
        self._open_log()
        previous = on_end_signals(self._on_signal)
        failures = 0
        try:
            while True:
                started = time.monotonic()
                status = self._run_once()
                ran = time.monotonic() - started
                if self._stop.is_set():
                    log.info("stopped: the station ended (%s)", describe(status))
                    return EXIT_OK if status in (EXIT_OK, -signal.SIGTERM) else status
                if status in (EXIT_OK, EXIT_REFUSED):
                    log.info("the station ended (%s); not starting it again", describe(status))
                    return status
                if status == EXIT_RESTART:
                    log.info("the station asked to start again; starting it now")
                    failures = 0
                    continue
                if ran >= self.stable_seconds:
                    failures = 0
                delay = self.delays[min(failures, len(self.delays) - 1)]
                failures += 1
                log.warning(
                    "the station ended after %.0f s (%s); starting it again in %g s "
                    "(failure %d in a row)",
                    ran,
                    describe(status),
                    delay,
                    failures,
                )
                if self._stop.wait(delay):
                    log.info("stopped while waiting to start the station again")
                    return status
        finally:
            restore_signals(previous)
            self._close_log()

    def stop(self) -> None:
        """End the station and the keeper (from a signal handler or another thread)."""
        self._stop.set()
        with self._lock:
            child = self._child
        if child is not None and child.poll() is None:
            with contextlib.suppress(OSError):
                child.terminate()

    def _run_once(self) -> int:
        self.starts += 1
        log.info("starting the station (start %d): %s", self.starts, " ".join(self.command))
        try:
            child = subprocess.Popen(
                self.command,
                stderr=subprocess.PIPE,
                env=self.env,
                **_die_with_parent(),
            )
        except OSError as exc:
            log.error("the station could not be started: %s", exc)
            return 127
        _join_job(child)
        with self._lock:
            self._child = child
        if self._stop.is_set():  # a signal came while it was starting
            child.terminate()
        assert child.stderr is not None
        reader = threading.Thread(
            target=self._copy_lines, args=(child.stderr,), name="yimen-keeper-log", daemon=True
        )
        reader.start()
        status = self._wait(child)
        reader.join(5)
        with self._lock:
            self._child = None
        return status

    def _wait(self, child: subprocess.Popen[bytes]) -> int:
        """The child's exit status; in short waits, so that a signal is handled at once
        on every platform (Windows does not interrupt a wait for Ctrl-C)."""
        asked_at: float | None = None
        while True:
            try:
                return child.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
            if self._stop.is_set():
                asked_at = asked_at or time.monotonic()
                if time.monotonic() - asked_at > self.grace:
                    log.warning("the station did not end within %g s; killing it", self.grace)
                    child.kill()

    # -- the station's log ---------------------------------------------------------------

    def _copy_lines(self, stream: IO[bytes]) -> None:
        """Every line the station writes on its standard error, into the log."""
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            self._station_log.info(line)
        stream.close()

    def _open_log(self) -> None:
        formatter = _Lines()
        handlers: list[logging.Handler] = []
        if sys.stderr is not None:  # none under pythonw.exe
            handlers.append(logging.StreamHandler(sys.stderr))
        if self._log_file is not None:
            try:
                self._log_file.parent.mkdir(parents=True, exist_ok=True)
                handlers.append(
                    logging.handlers.RotatingFileHandler(
                        self._log_file,
                        maxBytes=LOG_BYTES,
                        backupCount=LOG_BACKUPS,
                        encoding="utf-8",
                    )
                )
            except OSError as exc:
                log.warning("cannot write the log file %s: %s", self._log_file, exc)
        for h in handlers:
            h.setFormatter(formatter)
        for logger in (log, self._station_log):
            logger.setLevel(logging.INFO)
            logger.propagate = False
            for h in handlers:
                logger.addHandler(h)
        self._handlers = handlers
        if self._log_file is not None:
            log.info("the station's log: %s", self._log_file)

    def _close_log(self) -> None:
        for logger in (log, self._station_log):
            for h in self._handlers:
                logger.removeHandler(h)
        for h in self._handlers:
            h.close()
        self._handlers = []

    # -- signals ---------------------------------------------------------------------------

    def _on_signal(self, signum: int) -> None:
        log.info("%s received: ending the station", signal.Signals(signum).name)
        self.stop()


#: The signals that end a station, or its keeper: SIGTERM (the keeper, the system shutting
#: down), Ctrl-C, a closed terminal and Ctrl-Break on Windows, where they exist.
END_SIGNALS = tuple(
    getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK") if hasattr(signal, n)
)


def on_end_signals(handle: Callable[[int], None]) -> dict[int, Any]:
    """``handle(signum)`` on each of `END_SIGNALS`; the handlers it replaced, for
    `restore_signals`. Only the main thread may set handlers: elsewhere (a test's thread)
    nothing is set."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for sig in END_SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            previous[sig] = signal.signal(sig, lambda signum, _frame: handle(signum))
    return previous


def restore_signals(previous: dict[int, Any]) -> None:
    """The handlers `on_end_signals` replaced, back."""
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def _die_with_parent() -> dict[str, Any]:
    """Popen's options that end the station should the keeper be killed outright
    (SIGKILL, 'End task'): on Linux, the parent-death signal."""
    if not sys.platform.startswith("linux"):
        return {}

    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork
    pr_set_pdeathsig = 1

    def set_parent_death_signal() -> None:
        prctl(pr_set_pdeathsig, int(signal.SIGTERM))

    return {"preexec_fn": set_parent_death_signal}


#: The job object the stations are put in on Windows (kept open while the keeper lives).
_job: Any = None


def _join_job(child: subprocess.Popen[bytes]) -> None:
    """On Windows: the station in a job object that is closed, and the station ended,
    when the keeper ends however it ends (pywin32, installed on Windows with the package)."""
    global _job
    if sys.platform != "win32":
        return
    try:
        import importlib

        win32api, win32con, win32job = (
            importlib.import_module(m) for m in ("win32api", "win32con", "win32job")
        )

        if _job is None:
            job = win32job.CreateJobObject(None, "")
            info = win32job.QueryInformationJobObject(
                job, win32job.JobObjectExtendedLimitInformation
            )
            info["BasicLimitInformation"]["LimitFlags"] |= (
                win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            )
            win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
            _job = job
        handle = win32api.OpenProcess(
            win32con.PROCESS_SET_QUOTA | win32con.PROCESS_TERMINATE, False, child.pid
        )
        win32job.AssignProcessToJobObject(_job, handle)
    except Exception as exc:  # no pywin32, or a job the system refuses: still kept
        log.info("the station is not tied to the keeper's life on this PC (%s)", exc)


def keep(
    module: str,
    argv: Sequence[str],
    *,
    name: str,
    log_file: Path | None = None,
) -> int:
    """Run ``python -m module argv --no-keeper`` under a keeper until it ends for good;
    its log in ``log_file`` (default: the user's log folder, ``name``.log)."""
    command = [sys.executable, "-m", module, *argv, NO_KEEPER]
    return Keeper(command, log_file=log_file or default_log_path(name)).run()


__all__ = [
    "DELAYS",
    "EXIT_FEED_FAILED",
    "EXIT_FROZEN",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_RESTART",
    "NO_KEEPER",
    "Keeper",
    "default_log_path",
    "describe",
    "keep",
    "kept",
    "on_end_signals",
    "restore_signals",
]
