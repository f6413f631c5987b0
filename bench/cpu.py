"""Where the machine's CPU went during a scenario (Linux; elsewhere nothing is measured).

A shared 2-core machine is noisy: other people's jobs take CPU the benchmark then lacks.
So each scenario reports the core-seconds it had (cores × wall time) split into the
benchmark's client processes, the PostgreSQL server (the postmaster and its backends),
everything else on the machine, and idle.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _machine_jiffies() -> tuple[int, int] | None:
    """(busy, idle) jiffies of all cores since boot, from /proc/stat."""
    try:
        first = Path("/proc/stat").read_text(encoding="ascii").splitlines()[0]
    except (OSError, IndexError):
        return None
    fields = [int(x) for x in first.split()[1:]]
    # user nice system idle iowait irq softirq steal [guest guest_nice: inside user/nice]
    idle = fields[3] + fields[4]
    busy = sum(fields[:8]) - idle
    return busy, idle


def _proc_stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may contain spaces.
    return text[text.rindex(")") + 2 :].split()


def _tree_seconds(root: int) -> float:
    """CPU seconds of a process, its reaped children, and its live children."""
    stat = _proc_stat(root)
    if stat is None:
        return 0.0
    # After the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    total = sum(int(x) for x in stat[11:15])
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        child = _proc_stat(int(entry.name))
        if child is not None and int(child[1]) == root:
            total += int(child[11]) + int(child[12])
    return total / _TICK


@dataclass(frozen=True)
class CpuShare:
    """Core-seconds of one scenario, by who used them."""

    cores: int
    wall_s: float
    clients_s: float  # the benchmark's client processes (as each measured itself)
    postgres_s: float | None  # None: not measured (a server of YIMEN_BENCH_PG_URL)
    others_s: float  # the rest of the machine
    idle_s: float

    def line(self) -> str:
        available = self.cores * self.wall_s
        parts = [("clients", self.clients_s)]
        if self.postgres_s is not None:
            parts.append(("PostgreSQL", self.postgres_s))
        parts += [("other processes", self.others_s), ("idle", self.idle_s)]
        shares = ", ".join(f"{name} {s:.1f} ({100 * s / available:.0f} %)" for name, s in parts)
        return f"CPU: {self.cores} cores × {self.wall_s:.1f} s = {available:.1f} core-s: {shares}"


class CpuMeter:
    """``start()`` at the start signal, ``stop()`` when the workers are done; the clients'
    CPU time is what the workers measured themselves (`WorkerResult.cpu_seconds`)."""

    def __init__(self, postmaster_pid: int | None = None) -> None:
        self.postmaster_pid = postmaster_pid
        self._machine: tuple[int, int] | None = None
        self._postgres = 0.0
        self._began = 0.0

    def start(self) -> None:
        self._machine = _machine_jiffies()
        self._postgres = self._postgres_seconds()
        self._began = time.perf_counter()

    def stop(self, clients_s: float) -> CpuShare | None:
        wall = time.perf_counter() - self._began
        end = _machine_jiffies()
        if end is None or self._machine is None:
            return None
        busy = (end[0] - self._machine[0]) / _TICK
        idle = (end[1] - self._machine[1]) / _TICK
        postgres = None
        if self.postmaster_pid is not None:
            postgres = self._postgres_seconds() - self._postgres
        return CpuShare(
            cores=os.cpu_count() or 1,
            wall_s=wall,
            clients_s=clients_s,
            postgres_s=postgres,
            others_s=max(0.0, busy - clients_s - (postgres or 0.0)),
            idle_s=idle,
        )

    def _postgres_seconds(self) -> float:
        return 0.0 if self.postmaster_pid is None else _tree_seconds(self.postmaster_pid)
