"""``yimen doctor``: can this PC do its job in the hall? For the hall's IT person setting up
or looking after a kiosk, a counter, the lobby display, an evaluator, the supervisor's
station or the database server.

    yimen doctor                          # every check
    yimen doctor --role kiosk             # what a kiosk needs: database, clock, fonts,
                                          # voice, sound, printer and paper, screen
    yimen doctor --role kiosk --printer escpos:usb:0x0416:0x5011
    yimen doctor --config hall.toml       # the hall's file, before yimen init loads it
    yimen doctor --json                   # for a program: one object per check

One line per check: OK, or the problem and what to do. Exit status 0 when every check
is OK, 1 when any found a problem (2 stays: the command itself was refused).
"""

from __future__ import annotations

import argparse
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from shared.cli.common import Out, cells, clock, pad
from shared.devices.checks import ROLES, Finding, Probes, Station
from shared.devices.doctor import examine
from shared.hall import default_url

#: Some check found a problem (or could not look): the PC is not ready.
EXIT_PROBLEM = 1


def cmd_doctor(args: argparse.Namespace, out: Out) -> int:
    from shared.qt import probe  # Qt itself only in the probe's own process, or a printer's

    url = args.db or default_url()
    pc = Station(
        role=args.role,
        url=url,
        lang=out.lang,
        now=clock().now,
        hall_code=args.hall,
        printer=args.printer,
        config_file=Path(args.config) if args.config else None,
    )
    findings = examine(pc, Probes(screens=probe.screens, system_printer=probe.system_printer))
    data = [_plain(f) for f in findings]
    out.emit(data, "\n".join(report_lines(out, pc, findings, _shown_url(url))))
    return 0 if all(f.ok for f in findings) else EXIT_PROBLEM


def _plain(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check,
        "ok": f.ok,
        "status": f.status,
        "sentence": f.sentence,
        "fix": f.fix,
        "details": f.details,
    }


def _shown_url(url: str) -> str:
    """The database's address as given, its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # a URL the database check calls bad: shown as given
        return url


def report_lines(out: Out, pc: Station, findings: list[Finding], url: str) -> list[str]:
    """The table a person reads: each check's name, its result, and what was found with
    what to do, wrapped to the terminal (a Chinese character two columns wide)."""
    role = out.say(f"doctor.role.{pc.role or 'all'}")
    lines = [out.say("doctor.title", role=role), out.say("doctor.where", db=url), ""]
    names = [out.say(f"doctor.check.{f.check}") for f in findings]
    results = [out.say(f"doctor.status.{f.status}") for f in findings]
    heads = (out.say("doctor.head.check"), out.say("doctor.head.result"))
    name_w = max(cells(x) for x in [heads[0], *names])
    result_w = max(cells(x) for x in [heads[1], *results])
    total = max(60, shutil.get_terminal_size((100, 24)).columns - 1)
    text_w = max(24, total - name_w - result_w - 4)
    indent = " " * (name_w + result_w + 4)
    lines.append(
        f"{pad(heads[0], name_w)}  {pad(heads[1], result_w)}  {out.say('doctor.head.found')}"
    )
    lines.append(f"{'-' * name_w}  {'-' * result_w}  {'-' * min(text_w, 60)}")
    for finding, name, result in zip(findings, names, results, strict=True):
        body = wrap(finding.sentence, text_w)
        if finding.fix:
            body += wrap(out.say("doctor.fix", fix=finding.fix), text_w)
        lines.append(f"{pad(name, name_w)}  {pad(result, result_w)}  {body[0]}".rstrip())
        lines += [indent + line for line in body[1:]]
    lines.append("")
    problems = sum(f.status == "problem" for f in findings)
    unchecked = sum(f.status == "not_checked" for f in findings)
    if problems or unchecked:
        lines.append(
            out.say(
                "doctor.summary.problems" if unchecked else "doctor.summary.some",
                count=len(findings),
                ok=len(findings) - problems - unchecked,
                problems=problems,
                unchecked=unchecked,
            )
        )
    else:
        lines.append(out.say("doctor.summary.ok", count=len(findings)))
    return lines


def _closing(token: str) -> bool:
    """A mark no line starts with (，。、：）” and their Latin kin): it hangs at the end of
    the line before."""
    kind = unicodedata.category(token[0])
    return len(token) == 1 and (
        kind in ("Pe", "Pf") or (kind == "Po" and (cells(token) == 2 or token in ",.;:?!%"))
    )


def _tokens(text: str) -> list[str]:
    """Where a line may break: between Chinese characters, and at spaces between words
    (a word, a path or a command keeps together as long as it fits)."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isspace() or cells(ch) == 2:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(" " if ch.isspace() else ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a closing mark may hang past it,
    as Chinese type sets it); a word longer than a line is cut."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if token == " ":
            if line and cells(line) < width:
                line += " "
            continue
        while cells(token) > width:  # a long path or address: cut where the line ends
            if line.strip():
                lines.append(line.rstrip())
            head = ""
            for ch in token:
                if cells(head + ch) > width:
                    break
                head += ch
            lines.append(head)
            line, token = "", token[len(head) :]
        if line.strip() and cells(line) + cells(token) > width and not _closing(token):
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
    p = sub.add_parser(
        "doctor",
        parents=[common],
        help="检查本机能否胜任它的角色 (check this PC for its role)",
        description="检查数据库、时钟、配置、字体、语音、声音、打印机和屏幕，逐项说明怎么处理 "
        "(checks the database, clock, configuration, fonts, voice, sound, printer and "
        "screen, each with what to do)",
    )
    p.add_argument(
        "--role",
        choices=tuple(ROLES),
        default=None,
        help="本机的角色，只做它需要的检查；不写则全部检查 (this PC's role; default: every check)",
    )
    p.add_argument(
        "--printer",
        default=None,
        help="要检查的打印机，写法同 yimen kiosk --printer；默认取 YIMEN_PRINTER "
        "(窗口叫号为 YIMEN_NOTICE_PRINTER) (the printer to check)",
    )
    p.add_argument(
        "--config",
        default=None,
        help="检查这个配置文件，而不是数据库中的设置 (check this hall file instead of the "
        "stored settings)",
    )
    p.set_defaults(run=cmd_doctor)
