"""``yimen`` commands of the supervisor: the supervisor's station, the hall's configuration
exported, the alarms, and the hall's everyday settings changed by a supervisor.

A settings command signs the supervisor in (``--as CODE``, then the password), makes the
one change through the core, which checks it as a configuration file is and records it,
prints what changed, and signs out again.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import tomllib
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

from shared.base.errors import EnvironmentFault
from shared.base.messages import word
from shared.cli.common import EXIT_REFUSED, Out, ask_password, day_arg, hall_of, plain
from shared.cli.stations import cmd_app
from shared.config.export import ENTRY_KEYS, Difference
from shared.config.halls import HallSettings
from shared.hall import Hall
from shared.rules.alarms import AlarmInfo
from shared.rules.setup import SettingsChange, key_words

#: The station a sign-in through this command is recorded at.
STATION = "yimen"

Change = Callable[[Hall, str], SettingsChange]


# -- yimen config export -------------------------------------------------------------------


def cmd_config_export(args: argparse.Namespace, out: Out) -> int:
    """The hall's configuration as its TOML file (no passwords), to standard output or a file."""
    with hall_of(args) as hall:
        text = hall.export_config()
        code = hall.code
    if args.output is None:
        if out.json:
            out.emit({"hall": code, "path": None, "config": text}, text)
        else:
            sys.stdout.write(text)
        return 0
    path = Path(args.output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
    out.emit({"hall": code, "path": str(path)}, out.say("cli.config.written", path=path))
    return 0


# -- yimen alarms --------------------------------------------------------------------------


def _clock_text(hall: Hall, at: datetime) -> str:
    """``09:42`` today, ``11-23 16:05`` on an earlier day, in the hall's time."""
    local = hall.settings.local(at)
    same_day = local.date() == hall.settings.business_day(hall.now())
    return f"{local:%H:%M}" if same_day else f"{local:%m-%d %H:%M}"


def _alarm_data(out: Out, a: AlarmInfo) -> dict[str, Any]:
    data: dict[str, Any] = plain(a)
    data.update(
        params=dict(a.params),
        open=a.open,
        kind_words=word("alarm.kind", a.kind, out.lang),
        sentence=a.sentence(out.lang),
    )
    return data


def _alarm_line(out: Out, hall: Hall, a: AlarmInfo) -> str:
    state = ""
    if a.acknowledged_at is not None:
        state += out.say(
            "cli.alarms.acknowledged",
            name=a.acknowledged_by_name or a.acknowledged_by or "",
            at=_clock_text(hall, a.acknowledged_at),
        )
    if a.resolved_at is not None:
        state += out.say("cli.alarms.resolved", at=_clock_text(hall, a.resolved_at))
    return out.say(
        "cli.alarms.line",
        id=a.id,
        at=_clock_text(hall, a.raised_at),
        kind=word("alarm.kind", a.kind, out.lang),
        sentence=a.sentence(out.lang),
        state=state,
    )


def cmd_alarms(args: argparse.Namespace, out: Out) -> int:
    """Sweep, then the open alarms (``--all``: today's resolved ones too); or, with
    ``--ack ID --as CODE``, one alarm acknowledged by a supervisor."""
    if args.ack is not None:
        return _acknowledge(args, out)
    with hall_of(args) as hall:
        hall.sweep_alarms()
        if args.all:
            settings = hall.settings
            found = hall.alarms(since=settings.at(settings.business_day(hall.now()), time()))
        else:
            found = hall.alarms()
        lines = [_alarm_line(out, hall, a) for a in found]
        data = [_alarm_data(out, a) for a in found]
    if args.all:
        head = (
            out.say_count(len(found), "cli.alarms.today.one", "cli.alarms.today.other")
            if found
            else out.say("cli.alarms.none_today")
        )
    else:
        head = (
            out.say_count(len(found), "cli.alarms.open.one", "cli.alarms.open.other")
            if found
            else out.say("cli.alarms.none")
        )
    out.emit(data, "\n".join([head, *lines]))
    return 0


def _acknowledge(args: argparse.Namespace, out: Out) -> int:
    if not args.supervisor:
        print(out.say("cli.alarms.need_supervisor"), file=sys.stderr)
        return EXIT_REFUSED
    with hall_of(args) as hall:
        me = hall.sign_in_supervisor(args.supervisor, ask_password(out), station=STATION)
        try:
            a = hall.acknowledge_alarm(me.token, args.ack)
        finally:
            hall.sign_out_supervisor(me.token)
    out.emit(
        _alarm_data(out, a),
        out.say(
            "cli.alarms.ack_done",
            id=a.id,
            name=a.acknowledged_by_name or me.name,
            clerk=a.acknowledged_by or me.clerk,
            sentence=a.sentence(out.lang),
        ),
    )
    return 0


# -- yimen settings: what changed ----------------------------------------------------------


def _toml(value: Any) -> str:
    """A value as TOML writes it: "text", 80, true, ["09:00", "11:30"]."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _value(out: Out, value: Any, key: str = "") -> str:
    """A value as the command shows it: a text as it is, a slot's quota of 0 as no quota,
    anything else as TOML writes it."""
    if key.endswith(".slot_caps") and isinstance(value, list) and value:
        return out.listed(out.say("setup.no_quota") if v == 0 else v for v in value)
    if value is None or value == []:  # no such key: no cap, no entry, no slots
        return out.say("cli.settings.none")
    if isinstance(value, str) and value:
        return word("role", value, out.lang) if value in ("clerk", "supervisor") else value
    if isinstance(value, list) and all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in value
    ):  # time slots
        return out.listed(f"{a}–{b}" for a, b in value)
    if isinstance(value, list) and all(isinstance(v, int | str) for v in value):
        return out.listed(value)
    return _toml(value)


def _scalars(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, list | dict) for v in value)


def difference_lines(out: Out, d: Difference, hall: HallSettings | None = None) -> list[str]:
    """One difference as the lines the command prints: an entry added or removed once,
    a long list by the items added and removed, any other key as ``old → new``; the key
    in words where the hall's settings are given (企业设立登记（qy-sl）· 每日放号上限)."""
    path = d.path if hall is None else key_words(d.path, out.lang, hall)
    whole = d.path.count(".") == 1 and d.path.split(".")[0] in ENTRY_KEYS
    if whole and d.old is None:
        return [out.say("cli.settings.added", path=path)]
    if whole and d.new is None:
        return [out.say("cli.settings.removed", path=path)]
    if _scalars(d.old) and _scalars(d.new) and max(len(d.old), len(d.new)) > 3:
        added = [v for v in d.new if v not in d.old]
        removed = [v for v in d.old if v not in d.new]
        lines = []
        if added:
            lines.append(out.say("cli.settings.items_added", path=path, items=added))
        if removed:
            lines.append(out.say("cli.settings.items_removed", path=path, items=removed))
        if lines:
            return lines
    return [
        out.say(
            "cli.settings.difference",
            path=path,
            old=_value(out, d.old, d.path),
            new=_value(out, d.new, d.path),
        )
    ]


def change_text(out: Out, done: SettingsChange, hall: HallSettings | None = None) -> str:
    what = word("setup.what", done.what, out.lang)
    if not done.changes:
        return out.say("cli.settings.unchanged", what=what)
    lines = [out.say("cli.settings.changed", what=what, name=done.by_name, clerk=done.by)]
    for d in done.changes:
        lines.extend(difference_lines(out, d, hall))
    return "\n".join(lines)


def _as_supervisor(args: argparse.Namespace, out: Out, change: Change) -> int:
    """Sign the supervisor of ``--as`` in, make the change, say what changed, sign out."""
    with hall_of(args) as hall:
        me = hall.sign_in_supervisor(args.supervisor, ask_password(out), station=STATION)
        try:
            done = change(hall, me.token)
        finally:
            hall.sign_out_supervisor(me.token)
        settings = hall.settings
    out.emit(done, change_text(out, done, settings))
    return 0


def _refused(out: Out, code: str, **params: Any) -> int:
    print(out.say(code, **params), file=sys.stderr)
    return EXIT_REFUSED


def ask_new_password(out: Out, clerk: str) -> str:
    """A clerk's new password: typed twice at a prompt that does not echo it, or the next
    line of standard input (for a script, the line after the supervisor's password)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(out.say("cli.settings.new_password", clerk=clerk))
    if getpass.getpass(out.say("cli.settings.new_password_again")) != first:
        raise _Mismatch
    return first


class _Mismatch(Exception):
    """The new password typed twice differently."""


# -- yimen settings: the sub-commands -------------------------------------------------------


def cmd_cap(args: argparse.Namespace, out: Out) -> int:
    text = args.cap.strip()
    if text.lower() == "none":
        cap = None
    else:
        try:
            cap = int(text)
        except ValueError:
            return _refused(out, "cli.settings.bad_cap", text=args.cap)
    return _as_supervisor(args, out, lambda h, t: h.set_daily_cap(t, args.service, cap))


def _slot(text: str) -> tuple[str, str, int] | None:
    """``09:00-11:30=40`` as ("09:00", "11:30", 40); no quota: 0."""
    span, _, quota = text.partition("=")
    start, dash, end = span.partition("-")
    if not dash or not start.strip() or not end.strip():
        return None
    try:
        cap = int(quota) if quota.strip() else 0
    except ValueError:
        return None
    return start.strip(), end.strip(), cap


def cmd_slots(args: argparse.Namespace, out: Out) -> int:
    slots = []
    for text in args.slots:
        slot = _slot(text)
        if slot is None:
            return _refused(out, "cli.settings.bad_slot", text=text)
        slots.append(slot)
    pairs = [(start, end) for start, end, _ in slots]
    caps = [cap for _, _, cap in slots] if any(cap for _, _, cap in slots) else []
    return _as_supervisor(
        args, out, lambda h, t: h.set_time_slots(t, args.service, pairs, caps=caps)
    )


def cmd_window_services(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(
        args, out, lambda h, t: h.set_window_services(t, args.window, args.services)
    )


def cmd_notice(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(args, out, lambda h, t: h.set_display_notice(t, args.text))


def cmd_calendar_day(kind: str) -> Callable[[argparse.Namespace, Out], int]:
    def run(args: argparse.Namespace, out: Out) -> int:
        present = args.action == "add"
        return _as_supervisor(
            args, out, lambda h, t: h.set_calendar_day(t, kind, args.day, present)
        )

    return run


def cmd_post(args: argparse.Namespace, out: Out) -> int:
    if args.remove:
        if args.a is not None:
            return _refused(out, "cli.settings.post_needs")
        return _as_supervisor(args, out, lambda h, t: h.set_post(t, args.window, None, None))
    if args.a is None or args.b is None:
        return _refused(out, "cli.settings.post_needs")
    return _as_supervisor(args, out, lambda h, t: h.set_post(t, args.window, args.a, args.b))


def cmd_clerk_add(args: argparse.Namespace, out: Out) -> int:
    def add(hall: Hall, token: str) -> SettingsChange:
        password = ask_new_password(out, args.code)
        return hall.add_clerk(token, args.code, args.name, args.role, password or None)

    return _password_change(args, out, add)


def cmd_clerk_password(args: argparse.Namespace, out: Out) -> int:
    def reset(hall: Hall, token: str) -> SettingsChange:
        return hall.reset_password(token, args.code, ask_new_password(out, args.code))

    return _password_change(args, out, reset)


def _password_change(args: argparse.Namespace, out: Out, change: Change) -> int:
    try:
        return _as_supervisor(args, out, change)
    except _Mismatch:
        return _refused(out, "cli.settings.password_mismatch")


def cmd_clerk_disable(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(args, out, lambda h, t: h.disable_clerk(t, args.code))


def cmd_clerk_enable(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(args, out, lambda h, t: h.enable_clerk(t, args.code))


def cmd_clerk_role(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(args, out, lambda h, t: h.update_clerk(t, args.code, role=args.role))


def cmd_clerk_rename(args: argparse.Namespace, out: Out) -> int:
    return _as_supervisor(args, out, lambda h, t: h.update_clerk(t, args.code, name=args.name))


def setting_value(text: str) -> Any:
    """``VALUE`` of ``yimen settings set``: a TOML value where it reads as one (80, true,
    ["09:00", "11:30"], 2026-10-01), else the text itself; ``none``: back to the default."""
    if text.strip().lower() == "none":
        return None
    try:
        parsed = tomllib.loads(f"value = {text}")
    except tomllib.TOMLDecodeError:
        return text
    return parsed["value"] if list(parsed) == ["value"] else text


def cmd_set(args: argparse.Namespace, out: Out) -> int:
    value = setting_value(args.value)
    return _as_supervisor(args, out, lambda h, t: h.set_setting(t, args.path, value))


def cmd_log(args: argparse.Namespace, out: Out) -> int:
    """The recorded changes of the hall's settings, newest first: when, who, what."""
    with hall_of(args) as hall:
        found = hall.setting_changes(limit=args.limit)
        settings = hall.settings
        tz = settings.tz
    lines = []
    for c in found:
        who = (
            out.say("cli.settings.by", name=c.by_name, clerk=c.by)
            if c.by
            else out.say("setup.nobody")
        )
        lines.append(
            out.say(
                "cli.settings.log_line",
                at=c.at.astimezone(tz),
                who=who,
                what=word("setup.what", c.what, out.lang),
            )
        )
        for d in c.changes:
            lines.extend(difference_lines(out, d, settings))
    if not found:
        lines.append(out.say("cli.settings.log_none"))
    out.emit(found, "\n".join(lines))
    return 0


# -- the parser ------------------------------------------------------------------------------


def _as_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as",
        dest="supervisor",
        metavar="CODE",
        required=True,
        help="管理人员工号（随后输入密码）(the supervisor's code; the password is asked)",
    )


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
    p = sub.add_parser(
        "supervisor", parents=[common], help="值班主管工作台 (the supervisor's station)"
    )
    p.add_argument(
        "app_args", nargs=argparse.REMAINDER, help="工作台的选项，见 yimen supervisor -h"
    )
    p.set_defaults(run=cmd_app("counter.supervisor"))

    p = sub.add_parser("config", parents=[common], help="服务中心配置 (the hall's configuration)")
    config = p.add_subparsers(dest="config_command", required=True)
    q = config.add_parser(
        "export",
        parents=[common],
        help="导出为 TOML 配置文件，不含密码 (export it as a TOML file, no passwords)",
    )
    q.add_argument("-o", "--output", metavar="FILE", default=None, help="写入文件，默认输出到屏幕")
    q.set_defaults(run=cmd_config_export)

    p = sub.add_parser("alarms", parents=[common], help="值班告警 (the supervisor's alarms)")
    p.add_argument(
        "--all", action="store_true", help="包括今天已解除的 (today's resolved ones too)"
    )
    p.add_argument("--ack", type=int, metavar="ID", default=None, help="确认一条告警 (acknowledge)")
    p.add_argument(
        "--as",
        dest="supervisor",
        metavar="CODE",
        default=None,
        help="确认告警的管理人员工号（随后输入密码）(with --ack: the supervisor's code)",
    )
    p.set_defaults(run=cmd_alarms)

    p = sub.add_parser("settings", parents=[common], help="修改服务中心的日常设置 (settings)")
    settings = p.add_subparsers(dest="settings_command", required=True)

    q = settings.add_parser("cap", parents=[common], help="每日放号上限 (a service's daily cap)")
    q.add_argument("service", help="事项编号 (service code)")
    q.add_argument("cap", metavar="N|none", help="上限；none 为不限 (none: no cap)")
    _as_option(q)
    q.set_defaults(run=cmd_cap)

    q = settings.add_parser(
        "slots", parents=[common], help="取号时段与各时段放号数 (ticket slots and quotas)"
    )
    q.add_argument("service", help="事项编号 (service code)")
    q.add_argument(
        "slots",
        nargs="*",
        metavar="HH:MM-HH:MM[=N]",
        help="时段，=N 为该时段放号数；不写则不分时段 (none: no slots)",
    )
    _as_option(q)
    q.set_defaults(run=cmd_slots)

    q = settings.add_parser(
        "window-services", parents=[common], help="窗口办理的事项 (a window's services)"
    )
    q.add_argument("window", type=int, help="窗口号")
    q.add_argument("services", nargs="+", metavar="CODE", help="事项编号 (service codes)")
    _as_option(q)
    q.set_defaults(run=cmd_window_services)

    q = settings.add_parser("notice", parents=[common], help="大厅屏滚动通知 (the display notice)")
    q.add_argument("text", help="通知内容 (the notice)")
    _as_option(q)
    q.set_defaults(run=cmd_notice)

    for name, kind, helptext in (
        ("holiday", "holidays", "休息日 (a holiday: the hall is closed)"),
        ("swap", "workday_swaps", "调休上班日 (a weekend day worked)"),
    ):
        q = settings.add_parser(name, parents=[common], help=helptext)
        q.add_argument("action", choices=("add", "remove"), help="add 加上，remove 去掉")
        q.add_argument("day", type=day_arg, help="日期 YYYY-MM-DD")
        _as_option(q)
        q.set_defaults(run=cmd_calendar_day(kind))

    q = settings.add_parser("post", parents=[common], help="窗口的AB岗 (a window's AB post)")
    q.add_argument("window", type=int, help="窗口号")
    q.add_argument("a", nargs="?", default=None, help="A 岗工号")
    q.add_argument("b", nargs="?", default=None, help="B 岗工号")
    q.add_argument("--remove", action="store_true", help="取消该窗口的AB岗 (no AB post)")
    _as_option(q)
    q.set_defaults(run=cmd_post)

    q = settings.add_parser("clerk", parents=[common], help="工作人员 (clerks)")
    clerk = q.add_subparsers(dest="clerk_command", required=True)
    r = clerk.add_parser(
        "add", parents=[common], help="新增工作人员，随后输入其初始密码 (add a clerk)"
    )
    r.add_argument("code", help="工号")
    r.add_argument("name", help="姓名")
    r.add_argument("--role", choices=("clerk", "supervisor"), default="clerk", help="角色")
    _as_option(r)
    r.set_defaults(run=cmd_clerk_add)
    for name, helptext, run in (
        ("disable", "停用 (take off the hall's list)", cmd_clerk_disable),
        ("enable", "重新启用 (back on the list)", cmd_clerk_enable),
        ("password", "重置密码，随后输入新密码 (set a new password)", cmd_clerk_password),
    ):
        r = clerk.add_parser(name, parents=[common], help=helptext)
        r.add_argument("code", help="工号")
        _as_option(r)
        r.set_defaults(run=run)
    r = clerk.add_parser("role", parents=[common], help="角色 (clerk or supervisor)")
    r.add_argument("code", help="工号")
    r.add_argument("role", choices=("clerk", "supervisor"), help="角色")
    _as_option(r)
    r.set_defaults(run=cmd_clerk_role)
    r = clerk.add_parser("rename", parents=[common], help="改名 (a new name)")
    r.add_argument("code", help="工号")
    r.add_argument("name", help="姓名")
    _as_option(r)
    r.set_defaults(run=cmd_clerk_rename)

    q = settings.add_parser(
        "set", parents=[common], help="按路径修改任一设置项 (any setting by its path)"
    )
    q.add_argument("path", help="例如 alarms.wait_minutes、services.qy-sl.daily_cap")
    q.add_argument(
        "value",
        help='TOML 值，如 80、true、["09:00","11:30"]；其余按文字；none 恢复默认 (the value)',
    )
    _as_option(q)
    q.set_defaults(run=cmd_set)

    q = settings.add_parser("log", parents=[common], help="设置改动记录 (the changes recorded)")
    q.add_argument("--limit", type=int, default=50, help="最多显示几条 (default 50)")
    q.set_defaults(run=cmd_log)
