"""What the station benchmarks (kiosk, counter) share: the Qt event loop pumped until an
answer comes, the measurement run offscreen in a process of its own, its result carried
back as JSON, and the run on a fresh demo hall in SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from bench.stats import Summary

T = TypeVar("T")


def pump(app: Any, until: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Run the Qt event loop until ``until()`` holds (``what`` did not answer: raise),
    looking often enough not to add to what is measured."""
    from shared.qt.headless import wait_until

    wait_until(app, until, seconds, what=what, poll=0.0005)


def as_json(result: Any) -> dict[str, Any]:
    """A result dataclass as JSON, its latency summaries rounded."""
    return {
        k: (Summary(**v).as_json() if isinstance(v, dict) and "p95_ms" in v else v)
        for k, v in asdict(result).items()
    }


def from_json(cls: Callable[..., T], data: dict[str, Any]) -> T:
    return cls(
        **{k: Summary(**v) if isinstance(v, dict) and "p95_ms" in v else v for k, v in data.items()}
    )


def run_isolated(module: str, url: str, quick: bool, start_iso: str, folder_option: str) -> Any:
    """``python -m MODULE --db URL --json`` offscreen, with a temporary folder for its
    files (``folder_option``); the JSON it prints last."""
    with tempfile.TemporaryDirectory(prefix="yimen-station-bench-") as tmp:
        argv = [sys.executable, "-m", module, "--db", url, "--json", "--start", start_iso]
        argv += [folder_option, tmp] + (["--quick"] if quick else [])
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def on_databases(
    name: str, which: str, workdir: Path, progress: Callable[[str], None], run: Callable[[str], T]
) -> list[T]:
    """``run(url)`` on a fresh demo hall in SQLite and/or PostgreSQL (``which``: all,
    sqlite or postgresql)."""
    from bench import databases

    results = []
    if which in ("all", "sqlite"):
        progress(f"{name} on SQLite ...")
        template = databases.sqlite_template(workdir)
        results.append(run(databases.fresh_sqlite(template, workdir / f"{name}.db")))
    if which in ("all", "postgresql"):
        progress(f"{name} on PostgreSQL ...")
        with databases.postgres(workdir) as server:
            url = server.fresh_database(f"yimen_bench_{name}")
            try:
                results.append(run(url))
            finally:
                server.drop_database(f"yimen_bench_{name}")
    return results
