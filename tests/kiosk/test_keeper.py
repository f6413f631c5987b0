"""The keeper that runs a public station as its child: started again after a crash, with
a growing pause while it keeps failing; not after a deliberate exit or a refusal; at once
after the maintenance panel's restart; and SIGTERM ends the station and the keeper. The
children here are tiny scripts (no Qt): what the keeper sees of a station is its exit
status and its standard error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from shared.qt.keeper import EXIT_FROZEN, EXIT_REFUSED, EXIT_RESTART, Keeper

#: A station that ends with the statuses given, one per start (the last one again after
#: them), counting its starts in a file and saying on standard error what it does.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    count, statuses = Path(sys.argv[1]), [int(s) for s in sys.argv[2:]]
    n = int(count.read_text()) if count.exists() else 0
    count.write_text(str(n + 1))
    status = statuses[min(n, len(statuses) - 1)]
    print(f"station start {n + 1}, ending with {status}", file=sys.stderr)
    sys.exit(status)
    """
)
QUICK = (0.01, 0.02, 0.05)  # the pauses, shortened: the order is what is tested


@pytest.fixture
def child(tmp_path: Path) -> Path:
    script = tmp_path / "station.py"
    script.write_text(CHILD)
    return script


def keeper_of(child: Path, tmp_path: Path, *statuses: int) -> Keeper:
    command = [sys.executable, str(child), str(tmp_path / "starts"), *map(str, statuses)]
    return Keeper(command, log_file=tmp_path / "station.log", delays=QUICK)


def starts(tmp_path: Path) -> int:
    return int((tmp_path / "starts").read_text())


def test_a_station_that_crashes_is_started_again_and_its_end_ends_the_keeper(
    child: Path, tmp_path: Path
) -> None:
    keeper = keeper_of(child, tmp_path, 1, 0)
    assert keeper.run() == 0
    assert starts(tmp_path) == 2
    log = (tmp_path / "station.log").read_text(encoding="utf-8")
    # The station's own lines and the keeper's, in one file, in order.
    assert log.index("station start 1, ending with 1") < log.index("a crash, exit status 1")
    assert "starting it again in 0.01 s (failure 1 in a row)" in log
    assert log.index("a crash, exit status 1") < log.index("station start 2, ending with 0")
    assert "(a deliberate exit); not starting it again" in log


def test_a_deliberate_exit_or_a_refusal_is_not_started_again(child: Path, tmp_path: Path) -> None:
    assert keeper_of(child, tmp_path, 0, 1).run() == 0
    assert starts(tmp_path) == 1
    (tmp_path / "starts").unlink()
    assert keeper_of(child, tmp_path, EXIT_REFUSED, 0).run() == EXIT_REFUSED  # a bad option
    assert starts(tmp_path) == 1


def test_repeated_failures_wait_longer_each_time_and_a_restart_asked_for_waits_not(
    child: Path, tmp_path: Path
) -> None:
    keeper = keeper_of(child, tmp_path, EXIT_FROZEN, 70, 1, 1, EXIT_RESTART, 1, 0)
    assert keeper.run() == 0
    assert starts(tmp_path) == 7
    log = (tmp_path / "station.log").read_text(encoding="utf-8")
    pauses = [
        line.split("starting it again in ")[1].split(" s")[0]
        for line in log.splitlines()
        if "starting it again in" in line
    ]
    # 1, 2, 5 … (shortened), the last repeating; after the restart asked for, from the start.
    assert pauses == ["0.01", "0.02", "0.05", "0.05", "0.01"]
    assert "the screen was frozen: the watchdog ended it" in log
    assert "the station asked to start again; starting it now" in log


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_ends_the_station_and_the_keeper(tmp_path: Path) -> None:
    """The keeper in a process of its own, as `yimen kiosk` runs it; its station waits
    until it is told to end, and says it got SIGTERM."""
    station = tmp_path / "station.py"
    station.write_text(
        textwrap.dedent(
            """
            import signal, sys, time
            from pathlib import Path

            def end(signum, frame):
                Path(sys.argv[1]).write_text("SIGTERM")
                sys.exit(0)

            signal.signal(signal.SIGTERM, end)
            Path(sys.argv[2]).write_text("up")
            while True:
                time.sleep(0.05)
            """
        )
    )
    told, up = tmp_path / "told", tmp_path / "up"
    run_keeper = (
        "import sys; from shared.qt.keeper import Keeper; "
        f"sys.exit(Keeper([sys.executable, {str(station)!r}, {str(told)!r}, {str(up)!r}],"
        " delays=(0.01,)).run())"
    )
    keeper = subprocess.Popen(
        [sys.executable, "-c", run_keeper],
        cwd=Path(__file__).resolve().parents[2],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not up.exists():
        assert keeper.poll() is None, keeper.communicate()[1]
        assert time.monotonic() < deadline, "the station did not start"
        time.sleep(0.05)
    os.kill(keeper.pid, signal.SIGTERM)
    _out, err = keeper.communicate(timeout=30)
    assert keeper.returncode == 0, err
    assert told.read_text() == "SIGTERM"
    assert "SIGTERM received: ending the station" in err
    assert "starting the station (start 2" not in err  # not started again
