"""``yimen`` commands for the hall's IT (upkeep): backup and restore.

``yimen backup FILE`` writes one backup file; ``yimen backup --dir FOLDER --keep N``
writes a dated one into a folder and deletes the oldest beyond N (what a nightly timer or
scheduled task runs); ``yimen restore FILE`` replaces the database with a backup. The work
is the store's (`shared.store.backup`); this module reads the options, tells each step on
standard error as it starts, asks before replacing data at a terminal, and prints what the
file holds. `add_nightly_options` and `start_nightly` give ``yimen serve`` its nightly
backup.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

from shared.base.errors import YimenError
from shared.cli.common import EXIT_REFUSED, Out, bad_option, clock, plain, positive
from shared.hall import default_url
from shared.store.archive import Archive, Contents, HallName, Progress
from shared.store.backup import BackupResult, backup, restore
from shared.store.db import parse_url
from shared.store.nightly import KEEP, Nightly, Rotated, backup_rotated


def at_arg(text: str) -> time:
    """``02:00`` as a time of day."""
    try:
        hour, minute = (int(part) for part in text.strip().split(":"))
        return time(hour, minute)
    except ValueError:
        raise bad_option("cli.backup.bad_at", text) from None


def size_text(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def seconds_text(seconds: float) -> str:
    """0.04 and 17.9: two places under a second, one above."""
    return f"{seconds:.2f}" if seconds < 1 else f"{seconds:.1f}"


def _steps(out: Out) -> Progress:
    """Each step of a long task, one line on standard error as it starts (not in JSON)."""

    def tell(code: str, /, **params: Any) -> None:
        if not out.json:
            print(out.say(code, **params), file=sys.stderr, flush=True)

    return tell


def _halls_text(out: Out, halls: tuple[HallName, ...]) -> str:
    if not halls:
        return out.say("cli.backup.no_halls")
    return out.listed(out.say("cli.backup.hall", name=h.name, code=h.code) for h in halls)


def contents_text(out: Out, c: Contents) -> str:
    days = (
        out.say("cli.backup.days", first=c.first_day, last=c.last_day)
        if c.first_day is not None
        else out.say("cli.backup.no_days")
    )
    return out.say(
        "cli.backup.contents",
        halls=_halls_text(out, c.halls),
        tickets=c.tickets,
        days=days,
        events=c.events,
        last=c.last_event_text,
        revision=c.revision or "—",
    )


def contents_data(c: Contents) -> dict[str, Any]:
    local = c.last_event_local
    return {
        "revision": c.revision,
        "halls": [{"code": h.code, "name": h.name} for h in c.halls],
        "tickets": c.tickets,
        "first_day": c.first_day,
        "last_day": c.last_day,
        "events": c.events,
        "last_event_at": local.isoformat() if local is not None else None,
    }


def _backup_data(r: BackupResult) -> dict[str, Any]:
    return {
        "file": str(r.path),
        "kind": r.kind,
        "bytes": r.bytes,
        "seconds": round(r.seconds, 2),
        "database": r.database,
        **contents_data(r.contents),
    }


def _backup_lines(out: Out, r: BackupResult) -> list[str]:
    return [
        out.say(
            "cli.backup.done",
            path=r.path,
            kind=out.say(f"cli.backup.kind.{r.kind}"),
            size=size_text(r.bytes),
            seconds=seconds_text(r.seconds),
        ),
        contents_text(out, r.contents),
    ]


def _removed_line(out: Out, rotated: Rotated) -> str:
    return out.say_count(
        len(rotated.removed),
        "cli.backup.removed.one",
        "cli.backup.removed.other",
        keep=rotated.keep,
        names=out.listed(p.name for p in rotated.removed),
    )


def cmd_backup(args: argparse.Namespace, out: Out) -> int:
    if (args.file is None) == (args.dir is None):
        print(out.say("cli.backup.need_target"), file=sys.stderr)
        return EXIT_REFUSED
    url = args.db or default_url()
    if args.dir is None:
        if args.keep is not None:
            print(out.say("cli.backup.keep_needs_dir"), file=sys.stderr)
            return EXIT_REFUSED
        result = backup(url, Path(args.file), replace=args.yes, progress=_steps(out))
        out.emit(_backup_data(result), "\n".join(_backup_lines(out, result)))
        return 0
    keep = args.keep if args.keep is not None else KEEP
    rotated = backup_rotated(
        url, Path(args.dir), keep, now=clock().now().astimezone(), progress=_steps(out)
    )
    lines = _backup_lines(out, rotated.backup)
    if rotated.removed:
        lines.append(_removed_line(out, rotated))
    data = {
        **_backup_data(rotated.backup),
        "keep": keep,
        "removed": [str(p) for p in rotated.removed],
    }
    out.emit(data, "\n".join(lines))
    return 0


def _archive_line(out: Out, a: Archive) -> str:
    return out.say(
        "cli.restore.archive",
        kind=out.say(f"cli.backup.kind.{a.kind}"),
        size=size_text(a.bytes),
        halls=_halls_text(out, a.halls),
        revision=a.revision,
        created=out.say("cli.restore.created", at=a.created) if a.created else "",
    )


def _ask(out: Out, args: argparse.Namespace) -> Callable[[Archive, Contents], bool] | None:
    """At a terminal, the question before data is replaced; elsewhere None (the store
    then refuses with the sentence that says to add --yes)."""
    if args.yes or out.json or not sys.stdin.isatty():
        return None

    def confirm(archive: Archive, current: Contents) -> bool:
        question = out.say(
            "cli.restore.confirm",
            database=database_text(args),
            halls=_halls_text(out, current.halls),
            tickets=current.tickets,
            last=current.last_event_text,
            path=archive.path,
        )
        print(question, end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline().strip().lower()
        return answer in out.say("cli.restore.yes_words").split("/")

    return confirm


def database_text(args: argparse.Namespace) -> str:
    """The database restored into, as the command names it (without its password)."""
    return parse_url(args.db or default_url()).render_as_string(hide_password=True)


def _undo_command(args: argparse.Namespace, undo: Path, database: str) -> str:
    """The command that restores ``undo``, naming ``database`` (without its password) when
    the restore named it with ``--db``."""
    words = ["yimen", "restore", str(undo), "--yes"]
    if args.db:
        words += ["--db", database]
    return shlex.join(words)


def cmd_restore(args: argparse.Namespace, out: Out) -> int:
    url = args.db or default_url()

    def seen(archive: Archive) -> None:
        if not out.json:
            print(_archive_line(out, archive), file=sys.stderr, flush=True)

    result = restore(
        url,
        Path(args.file),
        replace=args.yes,
        undo_dir=Path(args.undo_dir) if args.undo_dir else None,
        now=clock().now().astimezone(),
        progress=_steps(out),
        seen=seen,
        confirm=_ask(out, args),
    )
    lines = [
        out.say(
            "cli.restore.done",
            path=result.path,
            database=result.database,
            seconds=seconds_text(result.seconds),
        ),
        contents_text(out, result.contents),
    ]
    if result.upgraded_from is not None:
        lines.append(
            out.say("cli.restore.upgraded", old=result.upgraded_from, new=result.contents.revision)
        )
    if result.copied:
        lines.append(out.say("cli.restore.copied"))
    if result.undo is not None:
        lines.append(
            out.say(
                "cli.restore.undo",
                path=result.undo,
                command=_undo_command(args, result.undo, result.database),
            )
        )
    lines.append(out.say("cli.restore.restart"))
    data = {
        "file": str(result.path),
        "kind": result.kind,
        "database": result.database,
        "seconds": round(result.seconds, 2),
        "undo": str(result.undo) if result.undo is not None else None,
        "upgraded_from": result.upgraded_from,
        "copied": result.copied,
        **contents_data(result.contents),
    }
    out.emit(data, "\n".join(lines))
    return 0


# -- the nightly backup of a long-running command (yimen serve) ----------------------------------


def add_nightly_options(p: argparse.ArgumentParser) -> None:
    """``--backup-dir FOLDER --backup-at 02:00 --keep 14`` on a long-running command."""
    p.add_argument(
        "--backup-dir",
        metavar="FOLDER",
        default=None,
        help="每天自动备份到这个文件夹 (a dated backup into FOLDER every day)",
    )
    p.add_argument(
        "--backup-at",
        metavar="HH:MM",
        type=at_arg,
        default=time(2, 0),
        help="每天备份的时间，本机时间 (the time of day, this PC's; default 02:00)",
    )
    p.add_argument(
        "--keep",
        type=positive(int, "cli.backup.positive"),
        default=KEEP,
        metavar="N",
        help=f"保留最新的几个备份 (how many dated backups to keep; default {KEEP})",
    )


def start_nightly(args: argparse.Namespace, out: Out) -> Nightly | None:
    """The nightly backup the options of `add_nightly_options` ask for, started (None
    without ``--backup-dir``); the caller stops it when it ends. Each night's outcome is
    printed as a line. An unusable folder is an `EnvironmentFault` before anything starts."""
    if not args.backup_dir:
        return None
    folder = Path(args.backup_dir)

    def report(result: Rotated | Exception) -> None:
        at = f"{datetime.now():%Y-%m-%d %H:%M}"
        if out.json:
            failed = not isinstance(result, Rotated)
            data = (
                {"nightly_backup": _backup_data(result.backup), "removed": len(result.removed)}
                if isinstance(result, Rotated)
                else {"nightly_backup": None, "error": getattr(result, "code", repr(result))}
            )
            print(
                json.dumps(plain(data), ensure_ascii=False),
                flush=True,
                file=sys.stderr if failed else sys.stdout,
            )
            return
        if isinstance(result, Rotated):
            line = out.say(
                "cli.nightly.done",
                at=at,
                path=result.backup.path,
                size=size_text(result.backup.bytes),
            )
        else:
            reason = result.message(out.lang) if isinstance(result, YimenError) else repr(result)
            line = out.say("cli.nightly.failed", at=at, reason=reason, folder=folder)
        print(line, file=sys.stderr if not isinstance(result, Rotated) else sys.stdout, flush=True)

    nightly = Nightly(
        args.db or default_url(), folder, at=args.backup_at, keep=args.keep, on_result=report
    )
    nightly.start()
    if not out.json:
        print(
            out.say(
                "cli.nightly.started",
                at=f"{args.backup_at:%H:%M}",
                folder=folder,
                keep=args.keep,
                next=f"{nightly.next_run():%Y-%m-%d %H:%M}",
            ),
            flush=True,
        )
    return nightly


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="备份数据库 (back up the database: one file, or dated files in a folder)",
        description="SQLite：写出一个 SQLite 数据库文件；PostgreSQL：pg_dump 自定义格式。"
        "运行中的工作站不受影响。",
    )
    p.add_argument("file", nargs="?", default=None, help="备份文件 (the backup file)")
    p.add_argument(
        "--dir",
        metavar="FOLDER",
        default=None,
        help="按日期命名写入这个文件夹 yimen-<中心>-YYYYMMDD-HHMM (dated, into FOLDER)",
    )
    p.add_argument(
        "--keep",
        type=positive(int, "cli.backup.positive"),
        default=None,
        metavar="N",
        help=f"与 --dir 同用：保留最新的 N 个 (with --dir: keep the newest N; default {KEEP})",
    )
    p.add_argument(
        "--yes", action="store_true", help="覆盖已有的备份文件 (replace an existing FILE)"
    )
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="从备份恢复数据库 (replace the database with a backup)",
        description="恢复前先把现在的数据库另存一份，可以撤销；恢复后请重新启动各工作站。",
    )
    p.add_argument("file", help="备份文件 (the backup file)")
    p.add_argument(
        "--yes",
        action="store_true",
        help="数据库里已有数据时也恢复，不再询问 (replace data without asking)",
    )
    p.add_argument(
        "--undo-dir",
        metavar="FOLDER",
        default=None,
        help="恢复前的数据库另存到这里 (where the database as it was is saved; default: "
        "beside the SQLite file, or beside FILE)",
    )
    p.set_defaults(run=cmd_restore)
