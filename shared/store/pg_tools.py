"""PostgreSQL's own backup programs, driven for the hall: ``pg_dump`` and ``pg_restore``.

A custom-format dump (``pg_dump -Fc``) is what PostgreSQL's people trust for a database's
backup: one compressed file, consistent at one moment, restored table by table in the
right order by ``pg_restore``. What the hall adds around the two programs:

* **Which program.** The one on ``PATH`` first, then the highest version installed in
  PostgreSQL's usual folders (``/usr/lib/postgresql/<version>/bin`` on Debian and Ubuntu,
  ``C:\\Program Files\\PostgreSQL\\<version>\\bin`` on Windows). A ``pg_dump`` older than
  the server refuses to dump it; that is said in a sentence naming both versions, before
  it is run. Debian's ``/usr/bin`` wrapper is passed over for the versioned folders it
  would pick from (it may pick an older client for a local cluster).
* **How it connects.** The SQLAlchemy URL becomes libpq's own parameters (``host=…
  port=… user=… dbname=…`` and the URL's query, e.g. ``sslmode``); the password goes in
  the ``PGPASSWORD`` variable of the child process, never on its command line, where
  every user of the PC could read it.
* **What it says.** Its errors become the hall's sentences (wrong password, server
  unreachable, program too old); anything else is said with its last lines.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import make_conninfo
from sqlalchemy.engine import URL

from shared.base.errors import EnvironmentFault
from shared.store.db import server_address

#: Where PostgreSQL's programs live when they are not on PATH, one folder per version.
VERSIONED_DIRS = (
    "/usr/lib/postgresql/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",
)
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
#: How long a dump or a restore may wait for a table another program holds locked (a
#: schema upgrade) before it gives up, rather than hang the night through.
LOCK_WAIT = "60s"


@dataclass(frozen=True)
class Program:
    """One of PostgreSQL's client programs and its major version."""

    path: Path
    major: int


def _version(path: Path) -> int | None:
    try:
        done = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = _VERSION.search(done.stdout)
    return int(m[1]) if m and done.returncode == 0 else None


def _is_debian_wrapper(path: Path) -> bool:
    """Debian's ``/usr/bin/pg_dump`` is a link to ``pg_wrapper``, which picks one of the
    versioned folders by the local clusters: the folders are asked directly instead."""
    return "postgresql-common" in str(path.resolve())


def _versioned(name: str) -> list[Path]:
    found = []
    for pattern in VERSIONED_DIRS:
        for folder in glob.glob(pattern):
            for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
                if candidate.is_file():
                    found.append(candidate)

    def key(p: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", p.parent.parent.name))

    return sorted(found, key=key, reverse=True)


def candidates(name: str) -> list[Path]:
    """Where ``name`` may be, in the order it is tried: PATH, then the highest version."""
    found: list[Path] = []
    on_path = shutil.which(name)
    if on_path is not None and not _is_debian_wrapper(Path(on_path)):
        found.append(Path(on_path))
    found += [p for p in _versioned(name) if p not in found]
    return found


def find_program(name: str, server_major: int | None = None) -> Program:
    """``pg_dump`` or ``pg_restore``, of at least the server's major version when it is
    given: the first of `candidates` that is. None found at all, or only older ones: the
    sentence that says what to install."""
    seen: list[Program] = []
    for path in candidates(name):
        major = _version(path)
        if major is None:
            continue
        program = Program(path, major)
        if server_major is None or major >= server_major:
            return program
        seen.append(program)
    if not seen:
        raise EnvironmentFault("backup.pg_missing", program=name)
    newest = max(seen, key=lambda p: p.major)
    raise EnvironmentFault(
        "backup.pg_too_old",
        program=name,
        version=newest.major,
        server=server_major,
        path=str(newest.path),
    )


def conninfo(url: URL) -> str:
    """libpq's connection string for the URL, without its password."""
    params: dict[str, str | int] = {}
    if url.host:
        params["host"] = url.host
    if url.port:
        params["port"] = url.port
    if url.username:
        params["user"] = url.username
    if url.database:
        params["dbname"] = url.database
    for key, value in url.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    params.setdefault("connect_timeout", 10)
    params.setdefault("application_name", "yimen-backup")
    return make_conninfo(**params)  # type: ignore[arg-type]


def environment(url: URL) -> dict[str, str]:
    """The child's environment: this one, with the URL's password in ``PGPASSWORD``."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    env["LC_MESSAGES"] = "C"  # its errors in English, which `fault` reads
    return env


def run(
    program: Program, args: Sequence[str], url: URL | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the program with ``args``; its standard output and errors are returned, and a
    failure becomes the hall's sentence (`fault`)."""
    env = environment(url) if url is not None else dict(os.environ, LC_MESSAGES="C")
    try:
        done = subprocess.run(
            [str(program.path), *args],
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError as exc:
        raise EnvironmentFault(
            "backup.pg_failed", program=program.path.name, detail=str(exc)
        ) from None
    if done.returncode != 0:
        raise fault(program, done.stderr, url)
    return done


def fault(program: Program, stderr: str, url: URL | None) -> EnvironmentFault:
    """The sentence for what the program wrote on its way out."""
    text = stderr.strip()
    host = server_address(url) if url is not None else ""
    if "password authentication failed" in text or "no password supplied" in text:
        return EnvironmentFault("db.auth_failed", host=host)
    if "server version mismatch" in text:
        server = re.search(r"server version:\s*(\d+)", text)
        return EnvironmentFault(
            "backup.pg_too_old",
            program=program.path.name,
            version=program.major,
            server=server[1] if server else "?",
            path=str(program.path),
        )
    if "unsupported version" in text and "file header" in text:
        return EnvironmentFault(
            "backup.pg_archive_newer", program=program.path.name, version=program.major
        )
    if "database" in text and "does not exist" in text and url is not None:
        return EnvironmentFault("db.no_database", database=url.database)
    if any(
        what in text
        for what in ("could not connect", "Connection refused", "could not translate host")
    ):
        return EnvironmentFault("db.unreachable", host=host)
    if "lock" in text and "timeout" in text:
        return EnvironmentFault("db.busy")
    lines = [line for line in text.splitlines() if line.strip()][-3:]
    return EnvironmentFault(
        "backup.pg_failed", program=program.path.name, detail=" / ".join(lines) or "?"
    )
