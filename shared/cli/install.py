"""``yimen`` commands for the hall's IT (install): ``yimen startup``, the entries that start
a station or the phone page by themselves when the PC starts, and the version of this
copy of yimen.

    yimen startup install --role kiosk --db postgresql://…     # this PC is a kiosk
    yimen startup install --role counter --window 3 --db …     # window 3's console
    sudo yimen startup install --role server --db …            # the phone page, a service
    yimen startup show                                          # what this PC starts
    yimen startup remove [--role counter --window 3]            # …and taking it away

Where each goes, and why:

* **A station on Linux** (kiosk, counter, display, evaluator, supervisor) is an XDG
  autostart entry (``~/.config/autostart/yimen-<role>[-N].desktop``). The desktop session
  of the user who logs in (automatically, on a kiosk) starts it once the screen is there,
  with the session's display, sound and input method, on GNOME, KDE, Xfce, LXQt and the
  rest alike. A station restarts itself after a crash (its keeper) and waits for the
  database by itself, so the entry needs neither a restart rule nor an ordering. With
  ``--systemd`` it is a systemd user unit instead
  (``~/.config/systemd/user/yimen-<role>[-N].service``), for desktops that activate
  ``graphical-session.target`` and hand their DISPLAY over (GNOME, KDE Plasma; Xfce and
  LXQt do not).
* **The phone page on Linux** (``yimen serve``) is a system service
  (``/etc/systemd/system/yimen-server.service``): it runs from boot without a login,
  after the network (and after PostgreSQL when the database is PostgreSQL), and systemd
  restarts it whenever it exits. The database's address, which may hold a password, is
  in ``/etc/yimen/server.env``, readable by root alone.
* **On Windows**, a shortcut in the user's Startup folder
  (``%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup``), made through
  PowerShell's WScript.Shell object: the bundle's ``yimenw.exe`` for a station (no
  console window behind it), ``yimen.exe`` minimised for the phone page.

The entries start this same copy of yimen: the bundle's program when this is the bundle
(``make dist``), else the ``yimen`` script of this Python environment.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import getpass
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any

from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.cli.common import EXIT_REFUSED, Out
from shared.store.db import parse_url

#: The roles a PC can have, and the ``yimen`` sub-command each one runs.
COMMANDS = {
    "kiosk": "kiosk",
    "counter": "counter",
    "display": "display",
    "evaluator": "evaluator",
    "supervisor": "supervisor",
    "server": "serve",
}
ROLES = tuple(COMMANDS)
#: Roles whose station serves one window (the display's window number is optional: without
#: it, it is the lobby's display).
NEEDS_WINDOW = frozenset({"counter", "evaluator"})
TAKES_WINDOW = NEEDS_WINDOW | {"display"}
#: Every entry's name starts so; nothing else is ever touched.
PREFIX = "yimen-"
TEMPLATES = Path(__file__).resolve().parent.parent.parent / "assets" / "packaging" / "systemd"
#: The file the bundle's spec writes the version into (a bundle may carry no metadata).
BAKED_VERSION = "yimen-version.txt"


def version() -> str:
    """The version of this copy of yimen: in a bundle, the one baked in when it was built
    (with its commit and day); else the installed package's."""
    if getattr(sys, "frozen", False):
        baked = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / BAKED_VERSION
        try:
            return baked.read_text(encoding="utf-8").strip()
        except OSError:
            pass
    try:
        return metadata.version("yimen")
    except metadata.PackageNotFoundError:
        return "unknown"


# -- where entries go, and what they start ---------------------------------------------------


@dataclass(frozen=True)
class Places:
    """The folders the entries go in (the tests point them at a temporary folder)."""

    autostart: PurePath  # Linux: this user's XDG autostart folder
    system_units: PurePath  # Linux: systemd's folder for the administrator's units
    user_units: PurePath  # Linux: systemd's folder for this user's units (--systemd)
    system_config: PurePath  # Linux: the service's environment file, readable by root only
    startup: PurePath  # Windows: this user's Startup folder


def platform_name() -> str:
    """``linux``, ``windows``, or the platform's own name where there is no start-up entry
    yimen knows how to make."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform


def places() -> Places:
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    return Places(
        autostart=Path(config_home) / "autostart",
        system_units=Path("/etc/systemd/system"),
        user_units=Path(config_home) / "systemd" / "user",
        system_config=Path("/etc/yimen"),
        startup=PureWindowsPath(appdata)
        / "Microsoft"
        / "Windows"
        / "Start Menu"
        / "Programs"
        / "Startup",
    )


def program(system: str, console: bool) -> list[str]:
    """The command line that starts this copy of yimen. In the bundle, its own program
    (on Windows ``yimenw.exe``, without a console window, unless ``console``); else the
    ``yimen`` script beside this Python, or this Python with ``-m shared.cli`` (on
    Windows ``pythonw.exe`` for a station)."""
    # Paths of the other system are only written, never looked at (the tests' Windows).
    native = (system == "windows") == (os.name == "nt")
    exe: PurePath = Path(sys.executable) if native else PureWindowsPath(sys.executable)
    if getattr(sys, "frozen", False):
        if system == "windows" and not console:
            windowed = exe.with_name("yimenw.exe")
            if not native or Path(windowed).exists():
                return [str(windowed)]
        return [str(exe)]
    if system == "windows":
        python = exe if console else exe.with_name("pythonw.exe")
        return [str(python), "-m", "shared.cli"]
    script = Path(sys.executable).absolute().with_name("yimen")
    if script.is_file():
        return [str(script)]
    return [str(Path(sys.executable).absolute()), "-m", "shared.cli"]


def run_tool(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run systemctl or PowerShell (the tests replace this)."""
    return subprocess.run(list(argv), capture_output=True, text=True, check=False, timeout=120)


# -- the entries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Wanted:
    """One entry, as the command was asked for it."""

    role: str
    window: int | None = None
    db: str | None = None
    hall: str | None = None
    extra: tuple[str, ...] = ()  # the station's own options, passed on
    run_as: str | None = None  # the phone page's user (Linux)
    systemd: bool = False  # a station as a systemd user service, not an autostart entry

    @property
    def stem(self) -> str:
        return f"{PREFIX}{self.role}" + (f"-{self.window}" if self.window is not None else "")

    def name(self, lang: str) -> str:
        return role_name(self.role, self.window, lang)

    def command(self, prog: Sequence[str], db: bool = True) -> list[str]:
        argv = [*prog, COMMANDS[self.role]]
        if self.window is not None:
            argv += ["--window", str(self.window)]
        if self.db and db:
            argv += ["--db", self.db]
        if self.hall:
            argv += ["--hall", self.hall]
        return [*argv, *self.extra]


def role_name(role: str, window: int | None, lang: str) -> str:
    code = "install.role.display_window" if role == "display" and window else f"install.role.{role}"
    return render(code, lang, window=window)


@dataclass(frozen=True)
class File:
    path: PurePath
    content: str
    mode: int  # permission bits: 0o600 where it may hold the database's password


@dataclass(frozen=True)
class Plan:
    """What installing one entry writes and runs, shown by ``--print``, done otherwise."""

    name: str  # what the entry starts, in the reader's language
    command: list[str]  # the command line the entry starts
    files: list[File] = field(default_factory=list)
    then: list[list[str]] = field(default_factory=list)  # run after the files are written
    shortcut: PurePath | None = None  # Windows: the .lnk the script in `then` makes
    script: str = ""  # Windows: that script


def systemd_quote(arg: str) -> str:
    """One word of an ExecStart= line: ``%`` and ``$`` kept literal (systemd expands both),
    quoted where it holds anything but plain characters."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if arg and all(ch.isalnum() or ch in "-_./:=@+,%" for ch in arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Characters that make a word of a desktop entry's Exec= need quotes (the spec's list).
_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec(argv: Sequence[str]) -> str:
    """The Exec= value of a desktop entry (freedesktop's Desktop Entry spec): ``%`` doubled,
    a word with a reserved character in double quotes with ``"`$\\`` escaped, and then
    every backslash doubled again, as Exec= is itself a string with escapes."""

    def word(arg: str) -> str:
        arg = arg.replace("%", "%%")
        if arg and not _DESKTOP_RESERVED.intersection(arg):
            return arg
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'

    return " ".join(word(arg) for arg in argv).replace("\\", "\\\\")


def environment_file_value(value: str) -> str:
    """A value in a systemd EnvironmentFile, taken literally: in single quotes, where
    nothing is special; a value holding a single quote goes in double quotes with the
    shell's specials escaped (systemd's parser reads both as the shell would)."""
    if "'" not in value:
        return f"'{value}'"
    return '"' + "".join("\\" + ch if ch in '"\\`$' else ch for ch in value) + '"'


def _template(template: str, **fields: object) -> str:
    """A template of assets/packaging/systemd with its blanks filled."""
    return (TEMPLATES / template).read_text(encoding="utf-8").format(**fields)


def linux_plan(wanted: Wanted, where: Places, lang: str) -> Plan:
    prog = program("linux", console=True)
    if wanted.role != "server" and wanted.systemd:
        command = wanted.command(prog)
        unit = f"{wanted.stem}.service"
        content = _template(
            "yimen-station.service",
            role=wanted.role,
            unit=unit,
            description=f"{wanted.name('en')} (yimen {COMMANDS[wanted.role]})",
            exec_start=" ".join(systemd_quote(arg) for arg in command),
        )
        then = [
            ["systemctl", "--user", "daemon-reload"],
            ["systemctl", "--user", "enable", "--now", unit],
        ]
        files = [File(where.user_units / unit, content, 0o600)]  # it may hold a password
        return Plan(wanted.name(lang), command, files=files, then=then)
    if wanted.role != "server":
        command = wanted.command(prog)
        content = _template(
            "yimen-station.desktop",
            role=wanted.role,
            name=wanted.name("zh"),
            name_en=wanted.name("en"),
            exec=desktop_exec(command),
        )
        path = where.autostart / f"{wanted.stem}.desktop"
        return Plan(wanted.name(lang), command, files=[File(path, content, 0o600)])
    # The phone page: the database's address goes into the environment file, readable by
    # root alone, not onto ExecStart= (which systemctl shows to anyone).
    command = wanted.command(prog, db=False)
    unit = f"{wanted.stem}.service"
    env_path = where.system_config / "server.env"
    postgresql = bool(wanted.db) and parse_url(wanted.db or "").get_backend_name() == "postgresql"
    content = _template(
        "yimen-server.service",
        description=wanted.name("en") + " (yimen serve)",
        after="network-online.target" + (" postgresql.service" if postgresql else ""),
        user=wanted.run_as or os.environ.get("SUDO_USER") or getpass.getuser(),
        environment_file=env_path,
        exec_start=" ".join(systemd_quote(arg) for arg in command),
    )
    files = [File(where.system_units / unit, content, 0o644)]
    if wanted.db:
        value = environment_file_value(wanted.db)
        files.insert(0, File(env_path, f"YIMEN_DB={value}\n", 0o600))
    then = [["systemctl", "daemon-reload"], ["systemctl", "enable", "--now", unit]]
    return Plan(wanted.name(lang), command, files=files, then=then)


def powershell_quote(text: str) -> str:
    """A PowerShell string literal: single quotes, taken as they are but for ``'``."""
    return "'" + text.replace("'", "''") + "'"


def powershell(script: str) -> list[str]:
    """The command line that runs ``script``: passed as UTF-16 in base64, so that Chinese
    and quotes arrive as written whatever the console's code page."""
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    options = ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass"]
    return ["powershell.exe", *options, "-EncodedCommand", encoded]


def windows_plan(wanted: Wanted, where: Places, lang: str) -> Plan:
    """A shortcut made by WScript.Shell's CreateShortcut. The phone page keeps a console
    (minimised) to show its address and what it logs; a station has none."""
    server = wanted.role == "server"
    command = wanted.command(program("windows", console=server))
    link = PureWindowsPath(str(where.startup)) / f"{wanted.stem}.lnk"
    target = command[0]
    script = "\n".join(
        [
            "$ErrorActionPreference = 'Stop'",
            "$shell = New-Object -ComObject WScript.Shell",
            f"$link = $shell.CreateShortcut({powershell_quote(str(link))})",
            f"$link.TargetPath = {powershell_quote(target)}",
            f"$link.Arguments = {powershell_quote(subprocess.list2cmdline(command[1:]))}",
            f"$link.WorkingDirectory = {powershell_quote(str(PureWindowsPath(target).parent))}",
            f"$link.Description = {powershell_quote(wanted.name('zh'))}",
            f"$link.WindowStyle = {7 if server else 1}",  # 7: minimised, 1: a normal window
            "$link.Save()",
        ]
    )
    return Plan(wanted.name(lang), command, then=[powershell(script)], shortcut=link, script=script)


# -- doing it -------------------------------------------------------------------------------


def _shown(argv: Sequence[str], system: str) -> str:
    """A command line as the reader would type it on this system."""
    return subprocess.list2cmdline(list(argv)) if system == "windows" else shlex.join(argv)


def _write(file: File) -> None:
    path = Path(file.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, file.mode)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(file.content)
    os.chmod(partial, file.mode)
    os.replace(partial, path)


def _this_command(args: argparse.Namespace) -> str:
    """The command the reader gave, to repeat it under sudo or as another user."""
    argv = ["yimen", "startup", args.startup_action]
    if getattr(args, "role", None):
        argv += ["--role", args.role]
    if getattr(args, "window", None) is not None:
        argv += ["--window", str(args.window)]
    if getattr(args, "db", None) and args.startup_action == "install":
        argv += ["--db", args.db]
    return shlex.join([*argv, *getattr(args, "app_args", [])])


def absolute_db(db: str | None) -> str | None:
    """The database's URL checked (a bad one is refused now, not at the next start), with
    a relative SQLite file made absolute: an entry starts in another folder."""
    if not db:
        return db
    url = parse_url(db)
    name = url.database
    if url.drivername == "sqlite" and name and name != ":memory:" and not Path(name).is_absolute():
        return url.set(database=str(Path(name).absolute())).render_as_string(hide_password=False)
    return db


def _wanted(args: argparse.Namespace) -> Wanted:
    """The entry asked for, checked. Options given after a station's own are still this
    command's (argparse's REMAINDER takes everything from the first unknown option on)."""
    mine = argparse.ArgumentParser(add_help=False)
    mine.add_argument("--db", default=args.db)
    mine.add_argument("--hall", default=args.hall)
    mine.add_argument("--window", type=int, default=args.window)
    mine.add_argument("--print", action="store_true", default=args.print)
    mine.add_argument("--run-as", default=args.run_as)
    mine.add_argument("--systemd", action="store_true", default=args.systemd)
    late, extra = mine.parse_known_args(args.app_args)
    args.db, args.hall, args.window, args.print = late.db, late.hall, late.window, late.print
    args.app_args = extra
    if args.role in NEEDS_WINDOW and args.window is None:
        raise EnvironmentFault("install.needs_window", role=args.role)
    if args.role not in TAKES_WINDOW and args.window is not None:
        raise EnvironmentFault("install.takes_no_window", role=args.role)
    return Wanted(
        args.role,
        args.window,
        absolute_db(args.db),
        args.hall,
        tuple(extra),
        late.run_as,
        systemd=late.systemd and args.role != "server",
    )


def cmd_install(args: argparse.Namespace, out: Out) -> int:
    system = platform_name()
    if system not in ("linux", "windows"):
        raise EnvironmentFault("install.unsupported", system=system)
    wanted = _wanted(args)
    if system == "windows":
        plan = windows_plan(wanted, places(), out.lang)
    elif wanted.role != "server" and os.environ.get("SUDO_USER") and not args.print:
        raise EnvironmentFault("install.not_under_sudo", command=_this_command(args))
    else:
        plan = linux_plan(wanted, places(), out.lang)
    data: dict[str, Any] = {
        "role": wanted.role,
        "window": wanted.window,
        "platform": system,
        "name": plan.name,
        "command": plan.command,
        "files": [{"path": str(f.path), "content": f.content} for f in plan.files],
        "shortcut": str(plan.shortcut) if plan.shortcut else None,
        "script": plan.script or None,
        "then": plan.then,
        "written": not args.print,
    }
    lines: list[str] = []
    if args.print:
        for f in plan.files:
            lines += [out.say("install.would_write", path=f.path), f.content.rstrip("\n"), ""]
        if plan.shortcut is not None:
            lines += [out.say("install.would_make_shortcut", path=plan.shortcut), plan.script]
        else:
            lines += [out.say("install.would_run", command=shlex.join(a)) for a in plan.then]
        out.emit(data, "\n".join(lines).rstrip("\n"))
        return 0

    for f in plan.files:
        try:
            _write(f)
        except PermissionError:
            command = _this_command(args)
            raise EnvironmentFault("install.needs_root", path=f.path, command=command) from None
        except OSError as exc:
            raise EnvironmentFault("install.cannot_write", path=f.path, detail=exc) from None
        lines.append(out.say("install.written", path=f.path))
    failed = _run_all(plan, system, out, lines)
    shown = _shown(plan.command, system)
    if failed is None and system == "windows":
        lines.append(out.say("install.written", path=plan.shortcut))
        lines.append(out.say("install.shortcut_made", name=plan.name, command=shown))
    elif failed is None and wanted.role == "server":
        unit = Path(plan.files[-1].path).name
        lines.append(out.say("install.service_enabled", name=plan.name, unit=unit))
    elif failed is None and wanted.systemd:
        unit = Path(plan.files[-1].path).name
        lines.append(out.say("install.user_service_enabled", name=plan.name, unit=unit))
    elif failed is None:
        lines.append(out.say("install.starts_at_login", name=plan.name, command=shown))
    out.emit(data, "\n".join(lines))
    if failed is not None:
        print(failed, file=sys.stderr)
        return EXIT_REFUSED
    return 0


def _run_all(plan: Plan, system: str, out: Out, lines: list[str]) -> str | None:
    """Run the plan's commands in order; the sentence of the first that fails, if any."""
    for argv in plan.then:
        try:
            done = run_tool(argv)
            detail = (done.stderr or done.stdout or "").strip() or f"exit {done.returncode}"
            failed = done.returncode != 0
        except FileNotFoundError:
            if system == "linux":
                command = _shown(plan.command, system)
                return out.say("install.no_systemctl", path=plan.files[-1].path, command=command)
            detail, failed = argv[0], True
        except (OSError, subprocess.TimeoutExpired) as exc:
            detail, failed = str(exc), True
        if failed and system == "windows":
            command = _shown(plan.command, system)
            return out.say(
                "install.powershell_failed", path=plan.shortcut, detail=detail, command=command
            )
        if failed:
            shown = _shown(argv, system)
            path = plan.files[-1].path
            return out.say("install.systemctl_failed", path=path, command=shown, detail=detail)
        if system == "linux":  # the shortcut's script says nothing a reader needs
            lines.append(out.say("install.ran", command=_shown(argv, system)))
    return None


# -- what is there ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A start-up entry of yimen found on this PC."""

    role: str
    window: int | None
    path: PurePath
    command: str  # as the entry has it (Exec=, ExecStart=), or "" for a shortcut
    service: bool  # a system service (the phone page on Linux)
    user: bool = False  # a user service (a station installed with --systemd)


def _role_of(stem: str) -> tuple[str, int | None] | None:
    rest = stem.removeprefix(PREFIX)
    role, _, number = rest.partition("-")
    if role not in ROLES:
        return None
    if not number:
        return role, None
    return (role, int(number)) if number.isdigit() else None


def _line_value(content: str, key: str) -> str:
    for line in content.splitlines():
        if line.startswith(key + "="):
            return line[len(key) + 1 :]
    return ""


def _listdir(folder: PurePath) -> list[Path]:
    try:
        return sorted(Path(folder).iterdir())
    except OSError:
        return []


def found_entries(system: str, where: Places) -> list[Found]:
    found: list[Found] = []
    if system == "windows":
        for path in _listdir(where.startup):
            parsed = _role_of(path.stem) if path.suffix == ".lnk" else None
            if path.name.startswith(PREFIX) and parsed:
                found.append(Found(*parsed, path, "", service=False))
        return found
    for folder, suffix, key, service, user in (
        (where.autostart, ".desktop", "Exec", False, False),
        (where.system_units, ".service", "ExecStart", True, False),
        (where.user_units, ".service", "ExecStart", False, True),
    ):
        for path in _listdir(folder):
            parsed = _role_of(path.stem) if path.suffix == suffix else None
            if not (path.name.startswith(PREFIX) and parsed):
                continue
            try:
                command = _line_value(path.read_text(encoding="utf-8"), key)
            except OSError:
                command = ""
            found.append(Found(*parsed, path, command, service=service, user=user))
    return found


def _service_state(unit: str, user: bool = False) -> str | None:
    try:
        done = run_tool(["systemctl", *(["--user"] if user else []), "is-active", unit])
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None


def cmd_show(args: argparse.Namespace, out: Out) -> int:
    system = platform_name()
    entries = found_entries(system, places())
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for entry in entries:
        name = role_name(entry.role, entry.window, out.lang)
        state = (
            _service_state(Path(entry.path).name, user=entry.user)
            if entry.service or entry.user
            else None
        )
        rows.append(
            {
                "role": entry.role,
                "window": entry.window,
                "name": name,
                "path": str(entry.path),
                "command": entry.command,
                "service_state": state,
            }
        )
        lines.append(out.say("install.entry", name=name, path=entry.path))
        if entry.command:
            lines.append(out.say("install.entry.command", command=entry.command))
        if state:
            lines.append(out.say("install.entry.state", state=state))
    out.emit(rows, "\n".join(lines) if lines else out.say("install.none"))
    return 0


def cmd_remove(args: argparse.Namespace, out: Out) -> int:
    system = platform_name()
    where = places()
    entries = [
        e
        for e in found_entries(system, where)
        if args.role is None
        or (e.role == args.role and (args.window is None or e.window == args.window))
    ]
    if not entries:
        name = role_name(args.role, args.window, out.lang) if args.role else ""
        text = (
            out.say("install.nothing_to_remove", name=name)
            if args.role
            else out.say("install.none")
        )
        out.emit({"removed": []}, text)
        return 0
    removed: list[str] = []
    lines: list[str] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.service:
            env = Path(where.system_config) / "server.env"
            if not os.access(path.parent, os.W_OK):
                raise EnvironmentFault(
                    "install.remove_needs_root", path=path, command=_this_command(args)
                )
            _quietly(["systemctl", "disable", "--now", path.name])
            for gone in (path, env):
                if gone.exists():
                    gone.unlink()
                    removed.append(str(gone))
                    lines.append(out.say("install.removed", path=gone))
            _quietly(["systemctl", "daemon-reload"])
            continue
        if entry.user:
            _quietly(["systemctl", "--user", "disable", "--now", path.name])
        path.unlink(missing_ok=True)
        removed.append(str(path))
        lines.append(out.say("install.removed", path=path))
        if entry.user:
            _quietly(["systemctl", "--user", "daemon-reload"])
    out.emit({"removed": removed}, "\n".join(lines))
    return 0


def _quietly(argv: list[str]) -> None:
    """systemctl, where there is one; removing the files is what counts."""
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        run_tool(argv)


# -- the parser -------------------------------------------------------------------------------


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
    p = sub.add_parser(
        "startup",
        parents=[common],
        help="开机自动启动 (start-up entries: a station or the phone page starts with the PC)",
        description="开机自动启动：Linux 的自动启动项或系统服务，Windows 的“启动”快捷方式 "
        "(start-up entries: XDG autostart or a systemd service on Linux, a Startup "
        "shortcut on Windows)",
    )
    actions = p.add_subparsers(dest="startup_action", required=True)

    q = actions.add_parser(
        "install",
        parents=[common],
        help="本机开机启动一个工作站或手机评价页 (start a station or the phone page at start-up)",
    )
    q.add_argument("--role", required=True, choices=ROLES, help="本机的角色 (this PC's role)")
    q.add_argument(
        "--window",
        type=int,
        default=None,
        help="窗口号：counter、evaluator 必填，display 可选 (the window: needed by counter and "
        "evaluator; a display with it is that window's screen)",
    )
    q.add_argument(
        "--print",
        action="store_true",
        help="只显示将写入的内容，不写入 (show what would be written, write nothing)",
    )
    q.add_argument(
        "--systemd",
        action="store_true",
        help="Linux 工作站：用 systemd 用户服务启动，而不是桌面的自动启动项（GNOME、KDE 等提供 "
        "graphical-session.target 的桌面）(a systemd user service instead of an autostart entry)",
    )
    q.add_argument(
        "--run-as",
        default=None,
        metavar="USER",
        help="手机评价页服务以哪个用户运行 (the server's user; default: the sudo user)",
    )
    q.add_argument(
        "app_args",
        nargs=argparse.REMAINDER,
        help="交给工作站的其他选项，例如 --printer escpos:usb:… (passed on to the station)",
    )
    q.set_defaults(run=cmd_install)

    q = actions.add_parser("show", parents=[common], help="本机的开机启动项 (this PC's entries)")
    q.set_defaults(run=cmd_show)

    q = actions.add_parser(
        "remove", parents=[common], help="删除开机启动项 (remove start-up entries)"
    )
    q.add_argument("--role", choices=ROLES, default=None, help="只删除这个角色的 (only this role)")
    q.add_argument("--window", type=int, default=None, help="窗口号 (the window number)")
    q.set_defaults(run=cmd_remove)
