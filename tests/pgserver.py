"""A throwaway PostgreSQL server for the tests.

It runs the distribution's server binaries on a data directory of its own and touches no
system state: no system cluster, no /var/run socket, no service. Connections go over TCP on
127.0.0.1 with trust authentication, as user ``postgres`` without a password.

    with ThrowawayPostgres(tmp_path) as pg:
        pg.admin_execute("CREATE DATABASE yimen")
        engine = sqlalchemy.create_engine(pg.url("yimen"))

Layout, in ``base_dir/pg``: ``data/`` (the cluster), ``sock/`` (its Unix socket), and
``server.log``. Settings trade durability for speed (fsync off): fine for tests, and
committed data still survives ``stop("immediate")``, which simulates a server crash (not a
machine crash).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType

import psycopg

__all__ = ["PgServerError", "ThrowawayPostgres", "find_bindir"]

_BINDIR_GLOB = "/usr/lib/postgresql/*/bin/initdb"  # Debian and Ubuntu, one dir per version
_INSTALL_HINT = "install the Debian package postgresql (make test does this)"
_START_TIMEOUT_S = 60
_LOG_TAIL_LINES = 25
# A Unix socket path must fit in sockaddr_un.sun_path (108 bytes on Linux, 104 on macOS).
_MAX_SOCKET_PATH = 100

_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "max_connections": "200",  # 12+ test processes, each with a connection pool
    # Speed: nothing waits for the disk. A server crash (stop("immediate")) loses nothing,
    # since the WAL reaches the OS at each commit; only a machine crash would lose data.
    "fsync": "off",
    "full_page_writes": "off",
    # synchronous_commit stays on, on purpose: with fsync off it costs nothing measurable
    # (0.10 ms a commit either way), while off it lets a crash lose the commits of the last
    # few hundred ms (46 of 6,001 rows in a trial), which would make crash tests flaky.
    "synchronous_commit": "on",
}


class PgServerError(RuntimeError):
    """The throwaway server could not be set up, started or stopped.

    The message says what failed, how to fix it, and ends with the last lines of the log.
    """


#: The watchdog: a process of its own that outlives the test run. It waits for its
#: standard input to close; "done" first means the run closed the server itself,
#: anything else (the run was killed, even with SIGKILL: the pipe closes with it) means
#: stop the server at once and delete its files.
_WATCHDOG = """
import json, os, shutil, subprocess, sys
line = sys.stdin.readline()
if line.strip() != "done":
    stop, dirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    subprocess.run(stop, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60, check=False)
    for d in dirs:
        if os.path.islink(d):
            os.unlink(d)
        else:
            shutil.rmtree(d, ignore_errors=True)
"""

#: A role that must log in with a password (see ``_initdb``); tests create it.
PASSWORD_ROLE = "yimen_pw"


def _version_key(initdb: str) -> tuple[int, ...]:
    version = Path(initdb).parent.parent.name  # /usr/lib/postgresql/15/bin/initdb -> "15"
    return tuple(int(part) for part in re.findall(r"\d+", version))


def find_bindir() -> Path:
    """The directory of initdb and pg_ctl: the highest Debian version, else pg_config's."""
    candidates = sorted(glob.glob(_BINDIR_GLOB), key=_version_key)
    if candidates:
        return Path(candidates[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and (bindir / "initdb").exists():
            return bindir
    # Other systems put initdb on PATH (Fedora, Homebrew).
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PgServerError(f"PostgreSQL server binaries not found: {_INSTALL_HINT}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # absent on Windows
    return geteuid is not None and geteuid() == 0


class ThrowawayPostgres:
    """A PostgreSQL server in ``base_dir/pg``, listening on 127.0.0.1:``port``.

    ``port=None`` picks a free port. ``start()`` creates the cluster the first time and
    restarts the same one, on the same port, after a ``stop()``. ``close()`` stops it and
    deletes its files; a context manager does both.
    """

    def __init__(self, base_dir: Path, port: int | None = None) -> None:
        self.base_dir = Path(base_dir)
        self._auto_port = port is None
        self.port: int = _free_port() if port is None else port
        # The working directory; when running as root it may live elsewhere (see _prepare_dir)
        # with base_dir/pg a symlink to it.
        self.dir = self.base_dir / "pg"
        self._relocated: Path | None = None
        self._socket_tmp: Path | None = None
        self._bindir: Path | None = None
        self._as_postgres = _is_root()
        self._initialised = False
        self._started_once = False
        self._atexit_registered = False
        self._watchdog: subprocess.Popen[bytes] | None = None

    # -- paths ---------------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self.dir / "data"

    @property
    def log_path(self) -> Path:
        return self.dir / "server.log"

    @property
    def socket_dir(self) -> Path:
        return self._socket_tmp or self.dir / "sock"

    # -- public API ----------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) of a database on this server, over TCP."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    @property
    def running(self) -> bool:
        if not self._initialised:
            return False
        return self._pg_ctl("status").returncode == 0

    def start(self) -> None:
        """Create the cluster on the first call, then start it and wait until it accepts."""
        if not self._initialised:
            self._initdb()
        if self.running:
            return
        for attempt in range(3):
            self._write_settings()
            result = self._pg_ctl("start", "-l", str(self.log_path))
            if result.returncode == 0:
                self._started_once = True
                self._watch()
                return
            # A port picked free may be taken by the time the server binds it: pick another.
            # Only before the first start: afterwards the port must stay (URLs are out).
            in_use = "already in use" in self._log_tail()
            if self._auto_port and not self._started_once and in_use and attempt < 2:
                self.port = _free_port()
                continue
            self._stop_quietly()  # pg_ctl may give up waiting on a server that is running
            raise self._error(f"PostgreSQL did not start on 127.0.0.1:{self.port}", result)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: "smart", "fast" (default) or "immediate" (simulates a crash)."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(f"unknown shutdown mode {mode!r}")
        if not self.running:
            return
        result = self._pg_ctl("stop", "-m", mode)
        if result.returncode != 0:
            raise self._error(f"PostgreSQL did not stop (mode {mode})", result)

    def restart(self) -> None:
        self.stop()
        self.start()

    def admin_execute(self, sql: str) -> None:
        """Run one statement as postgres in autocommit mode (e.g. CREATE DATABASE)."""
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        ) as conn:
            # As bytes: psycopg's type hints accept a str only if it is a literal.
            conn.execute(sql.encode())

    def close(self) -> None:
        """Stop the server if it runs and delete all its files. Safe to call twice."""
        try:
            if self._initialised:
                self._stop_quietly()
        finally:
            self._unwatch()
            self._initialised = False
            if self._atexit_registered:
                atexit.unregister(self.close)
                self._atexit_registered = False
            link = self.base_dir / "pg"
            if self._relocated is not None:
                shutil.rmtree(self._relocated, ignore_errors=True)
                self._relocated = None
                self.dir = link
            if link.is_symlink():
                link.unlink()
            else:
                shutil.rmtree(link, ignore_errors=True)
            if self._socket_tmp is not None:
                shutil.rmtree(self._socket_tmp, ignore_errors=True)
                self._socket_tmp = None

    def __enter__(self) -> ThrowawayPostgres:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ThrowawayPostgres 127.0.0.1:{self.port} {self.dir}>"

    # -- internals -----------------------------------------------------------------------

    def _watch(self) -> None:
        """Start the watchdog that stops this server if the run dies without close()."""
        if self._watchdog is not None:
            return
        assert self._bindir is not None
        stop = [str(self._bindir / "pg_ctl"), "stop", "-m", "immediate", "-D", str(self.data_dir)]
        if self._as_postgres:
            stop = ["runuser", "-u", "postgres", "--", *stop]
        dirs = [str(d) for d in (self.dir, self.base_dir / "pg", self._socket_tmp) if d]
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, json.dumps(stop), json.dumps(dirs)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd="/",
            start_new_session=True,  # not killed with the run's process group
        )

    def _unwatch(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is None or watchdog.stdin is None:
            return
        with contextlib.suppress(OSError):
            watchdog.stdin.write(b"done\n")
            watchdog.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            watchdog.wait(10)

    def _initdb(self) -> None:
        self._bindir = find_bindir()
        self._prepare_dir()
        # Never leave a server running behind a test run that forgot close().
        atexit.register(self.close)
        self._atexit_registered = True
        self._initialised = True
        options = ["--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C"]
        result = self._run(["initdb", "-D", str(self.data_dir), *options, "--no-sync"])
        if result.returncode != 0:
            self._initialised = False
            raise self._error("initdb failed", result)
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# Throwaway test server (tests/pgserver.py)\n")
            conf.write("include_if_exists = 'throwaway.conf'\n")
        # One role must give a password over TCP, as a hall's server does, so a test can
        # see what a wrong password looks like; every other role is trusted.
        hba = self.data_dir / "pg_hba.conf"
        hba.write_text(
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            + hba.read_text(encoding="utf-8"),
            encoding="utf-8",
        )

    def _write_settings(self) -> None:
        """Settings in a file of their own, rewritten before each start (the port may move)."""
        settings = {
            **_SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": f"'{self._socket_dir_for(self.port)}'",
        }
        path = self.data_dir / "throwaway.conf"
        path.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()), encoding="utf-8")
        self._give_to_postgres(path)

    def _socket_dir_for(self, port: int) -> Path:
        """The socket goes in the working dir unless that path is too long for a socket."""
        sock_dir = self.dir / "sock"
        if len(str(sock_dir / f".s.PGSQL.{port}.lock")) > _MAX_SOCKET_PATH:
            if self._socket_tmp is None:
                self._socket_tmp = Path(tempfile.mkdtemp(prefix="pgsock-", dir="/tmp"))
                self._socket_tmp.chmod(0o755)
                self._give_to_postgres(self._socket_tmp)
            sock_dir = self._socket_tmp
        return sock_dir

    def _prepare_dir(self) -> None:
        """Create the working dir, owned by the user the server runs as.

        As root, the server must run as the ``postgres`` user (PostgreSQL refuses root), and
        that user must be able to reach its files. base_dir is often not reachable for it:
        pytest's tmp_path lives under /tmp/pytest-of-root/, mode 700. Rather than loosening
        the permissions of dirs that are not ours, the working dir then goes in a fresh
        ``mkdtemp()`` dir (mode 700, given to postgres) under a parent every user may
        traverse, such as /tmp, and base_dir/pg becomes a symlink to it, so the data and the
        log are still found from base_dir. Whether postgres can reach a dir is asked of the
        system (``runuser -u postgres -- test -w``) rather than worked out from permission
        bits, so ACLs and the like are taken into account.
        """
        self.base_dir.mkdir(parents=True, exist_ok=True)
        if self.dir.is_symlink() or self.dir.exists():
            raise PgServerError(
                f"{self.dir} already exists: a ThrowawayPostgres needs a fresh directory"
            )
        self.dir.mkdir(mode=0o700)
        if not self._as_postgres:
            (self.dir / "sock").mkdir(mode=0o755)
            return
        self._check_postgres_user()
        self._give_to_postgres(self.dir)
        if not self._postgres_can_write(self.dir):
            self.dir.rmdir()
            self._relocated = self._reachable_tmpdir()
            self.dir.symlink_to(self._relocated, target_is_directory=True)
            self.dir = self._relocated
        sock = self.dir / "sock"
        sock.mkdir(mode=0o755)
        self._give_to_postgres(sock)

    def _reachable_tmpdir(self) -> Path:
        parents = dict.fromkeys([tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"])
        for parent in parents:
            if not os.path.isdir(parent):
                continue
            candidate = Path(tempfile.mkdtemp(prefix="yimen-pg-", dir=parent))
            self._give_to_postgres(candidate)
            if self._postgres_can_write(candidate):
                return candidate
            shutil.rmtree(candidate, ignore_errors=True)
        raise PgServerError(
            f"the postgres user cannot reach {self.base_dir} nor any of {', '.join(parents)}: "
            "give it a writable directory, or run the tests as a normal user"
        )

    def _check_postgres_user(self) -> None:
        try:
            import pwd  # POSIX only, and only needed as root

            pwd.getpwnam("postgres")
        except KeyError:
            raise PgServerError(
                "running as root, and PostgreSQL refuses to run as root, but there is no "
                f"'postgres' user to run it as: {_INSTALL_HINT}, or run the tests as a "
                "normal user"
            ) from None
        if shutil.which("runuser") is None:
            raise PgServerError(
                "running as root needs runuser (Debian package util-linux) to run PostgreSQL "
                "as the postgres user, or run the tests as a normal user"
            )

    def _give_to_postgres(self, path: Path) -> None:
        if self._as_postgres:
            shutil.chown(path, user="postgres", group="postgres")

    def _postgres_can_write(self, path: Path) -> bool:
        probe = subprocess.run(
            ["runuser", "-u", "postgres", "--", "test", "-w", str(path), "-a", "-x", str(path)],
            cwd="/",
            check=False,
        )
        return probe.returncode == 0

    def _pg_ctl(self, action: str, *args: str) -> subprocess.CompletedProcess[str]:
        """pg_ctl on our data dir; start and stop wait until done (-w), within a limit."""
        wait = ["-w", "-t", str(_START_TIMEOUT_S)] if action != "status" else []
        return self._run(["pg_ctl", action, "-D", str(self.data_dir), *wait, *args])

    def _run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        """Run a server program (initdb, pg_ctl) as the user the server runs as.

        Returns its exit status and output (stdout and stderr together) without raising,
        except PgServerError when it cannot be run at all.
        """
        assert self._bindir is not None
        program = str(self._bindir / argv[0])
        cmd = [program, *argv[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}  # messages in English, for the log
        for name in ("PGDATA", "PGPORT", "PGHOST", "PGOPTIONS"):
            env.pop(name, None)
        try:
            # Output to a file, not a pipe: the server, started by pg_ctl, could keep a pipe
            # open and make this wait for it to exit.
            with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as out:
                result = subprocess.run(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    cwd=self.dir,  # somewhere postgres may be (not /root)
                    env=env,
                    timeout=_START_TIMEOUT_S + 30,
                    check=False,
                )
                out.seek(0)
                output = out.read()
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PgServerError(f"could not run {' '.join(cmd)}: {exc}") from exc
        return subprocess.CompletedProcess(cmd, result.returncode, output, "")

    def _stop_quietly(self) -> None:
        for mode in ("fast", "immediate"):
            with contextlib.suppress(PgServerError):
                self.stop(mode)
                if not self.running:
                    return

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-_LOG_TAIL_LINES:])

    def _error(
        self, what: str, result: subprocess.CompletedProcess[str] | None = None
    ) -> PgServerError:
        parts = [f"{what} (data dir {self.data_dir})."]
        if result is not None:
            parts.append(f"$ {' '.join(result.args)}  -> exit {result.returncode}")
            if result.stdout.strip():
                parts.append(result.stdout.strip())
        tail = self._log_tail()
        if tail:
            parts.append(f"Last lines of {self.log_path}:\n{tail}")
        parts.append(
            f"If the server binaries are missing or broken: {_INSTALL_HINT}. "
            "If the port is taken, pass another port or none (a free one is picked)."
        )
        return PgServerError("\n".join(parts))
