"""``yimen`` commands of the line: init, ticket, the window keys, status, watch, help
requests and appointments."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shared.base.errors import EnvironmentFault
from shared.base.messages import word
from shared.cli.common import (
    EXIT_REFUSED,
    Out,
    clock,
    hall_of,
    plain,
    state_words,
    ticket_text,
)
from shared.config.hall_file import DEMO_HALL_PATH, load_hall_config
from shared.hall import (
    AppointmentInfo,
    Hall,
    TicketInfo,
    default_url,
    init_hall,
    upgrade_database,
)
from shared.rules import appointments as ap
from shared.store.feed import ConnectionChange, Feed, FeedEvent


def _issued_text(out: Out, t: TicketInfo) -> str:
    if t.estimated_wait_minutes is None:
        wait = out.say("cli.ticket.wait_unknown")
    elif not t.wait_today:
        wait = out.say("cli.ticket.wait_not_today")
    elif t.wait_range is not None:
        wait = out.say("cli.ticket.wait_range", low=t.wait_range[0], high=t.wait_range[1])
    else:
        wait = out.say("cli.ticket.wait", minutes=t.estimated_wait_minutes)
    windows = out.listed(t.windows) or "—"
    lines = [
        f"{t.number}" + (out.say("cli.ticket.reprint") if t.reprint else ""),
        out.say("cli.ticket.service", service=t.service_name),
        out.say("cli.ticket.ahead", ahead=t.ahead, wait=wait),
        out.say("cli.ticket.windows", windows=windows),
        out.say("cli.ticket.review_code", code=t.review_code),
    ]
    return "\n".join(lines)


def cmd_init(args: argparse.Namespace, out: Out) -> int:
    """``yimen init --config FILE`` (or ``--demo``) creates the schema or brings it up to
    date and loads the hall's file. Without a file, a database that already holds its
    halls is only brought up to date (what IT runs after installing a new version): their
    settings stay as the supervisors left them. An empty one gets the demo hall."""
    if not args.config and not args.demo:
        upgraded = upgrade_database(args.db)
        if upgraded is not None:
            code = "cli.init.current" if upgraded.before == upgraded.after else "cli.init.upgraded"
            out.emit(
                upgraded,
                out.say(
                    code,
                    before=upgraded.before,
                    after=upgraded.after,
                    halls=out.listed(upgraded.halls),
                ),
            )
            return 0
    path = Path(args.config) if args.config else DEMO_HALL_PATH
    config = load_hall_config(path)
    summary = init_hall(args.db, config, clock())
    text = out.say(
        "cli.init.done",
        verb=out.say("cli.init.created" if summary.created else "cli.init.updated"),
        hall=summary.hall_code,
        zones=summary.zones,
        services=summary.services,
        windows=summary.windows,
        clerks=summary.clerks,
        posts=summary.posts,
    )
    if summary.changes:
        text += "\n" + out.say_count(
            summary.changes, "cli.init.changes.one", "cli.init.changes.other"
        )
    out.emit(summary, text)
    return 0


def cmd_ticket(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        t = hall.issue_ticket(
            args.service,
            green=args.green,
            id_number=args.id_number,
            appointment_code=args.appointment,
        )
        out.emit(t, _issued_text(out, t))
    return 0


def cmd_call(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        t = hall.call_next(args.window, args.clerk)
        if t is None:
            out.emit(
                {"window": args.window, "ticket": None},
                out.say("cli.call.nobody_waiting", window=args.window),
            )
        else:
            out.emit(t, ticket_text(out, t))
    return 0


def _window_cmd(
    op: Callable[[Hall, int, str], TicketInfo],
) -> Callable[[argparse.Namespace, Out], int]:
    def run(args: argparse.Namespace, out: Out) -> int:
        with hall_of(args) as hall:
            t = op(hall, args.window, args.clerk)
            out.emit(t, ticket_text(out, t))
        return 0

    return run


def cmd_status(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        services = hall.services()
        windows = hall.windows()
        data = {
            "hall": {"code": hall.code, "name": hall.name},
            "services": services,
            "windows": windows,
        }
        lines = [
            out.say("cli.status.hall", name=hall.name, code=hall.code),
            out.say("cli.status.services"),
        ]
        for sv in services:
            lines.append(
                out.say(
                    "cli.status.service",
                    code=sv.code,
                    prefix=sv.prefix,
                    waiting=sv.waiting,
                    name=sv.name,
                )
            )
        lines.append(out.say("cli.status.windows"))
        for w in windows:
            who = (
                out.say("cli.status.clerk", name=w.clerk_name, code=w.clerk_code)
                if w.clerk_code
                else out.say("cli.status.nobody")
            )
            doing = f" · {w.ticket} {state_words(out, w.ticket_state or '')}" if w.ticket else ""
            paused = out.say("cli.status.paused") if w.paused else ""
            if w.comprehensive and w.zone_name:
                served = out.say(
                    "cli.status.zone_services", zone_name=w.zone_name, zone_code=w.zone_code
                )
            elif w.comprehensive:
                served = out.say("cli.status.hall_services")
            else:
                served = out.listed(w.services) or out.say("cli.status.no_tickets")
            lines.append(f"  {w.number:>3} {w.name} · {who}{doing}{paused} · {served}")
        out.emit(data, "\n".join(lines))
    return 0


def cmd_watch(args: argparse.Namespace, out: Out) -> int:
    """Print every event as it happens, one line each, until Ctrl-C."""
    feed = Feed.connect(args.db or default_url(), hall_code=args.hall)
    if not out.json:
        print(out.say("cli.watch.start"), flush=True)
    try:
        for item in feed.events(after=args.after):
            if isinstance(item, ConnectionChange):
                line = out.say(
                    "cli.watch.connection_lost"
                    if item.kind == "connection_lost"
                    else "cli.watch.connection_restored"
                )
                data: dict[str, Any] = {"kind": item.kind, "at": item.at, "detail": item.detail}
            else:
                data = {**dataclasses.asdict(item), "data": dict(item.data)}
                line = _event_line(out, item)
            if out.json:
                print(json.dumps(plain(data), ensure_ascii=False), flush=True)
            else:
                at = item.local_at() if isinstance(item, FeedEvent) else item.at.astimezone()
                print(f"{at:%H:%M:%S}  {line}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        feed.close()
    return 0


def _event_line(out: Out, ev: FeedEvent) -> str:
    parts = [f"#{ev.id}", word("cli.event", ev.kind, out.lang)]
    if ev.number:
        parts.append(ev.number)
    if ev.service_code:
        parts.append(ev.service_code)
    if ev.window_no is not None:
        parts.append(out.say("cli.watch.window", window=ev.window_no))
    if ev.clerk_code:
        parts.append(out.say("cli.watch.clerk", clerk=ev.clerk_code))
    kiosk = ev.detail("kiosk")
    if kiosk:
        parts.append(out.say("cli.watch.kiosk", kiosk=kiosk))
    if ev.reason:
        parts.append(out.say("cli.watch.reason", reason=ev.reason))
    return " ".join(parts)


def cmd_help_requests(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        requests = hall.help_requests(open_only=not args.all)
        tz = hall.settings.tz
    lines = []
    for h in requests:
        line = out.say("cli.help_requests.request", at=h.at.astimezone(tz), kiosk=h.kiosk)
        if h.acknowledged_at is not None:
            line += out.say(
                "cli.help_requests.answered",
                at=h.acknowledged_at.astimezone(tz),
                clerk=h.acknowledged_by,
            )
        lines.append(line)
    if not lines:
        lines.append(out.say("cli.help_requests.none"))
    out.emit(requests, "\n".join(lines))
    return 0


def cmd_appointment_add(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        start, end = ap.parse_slot(hall.settings.tz, args.day, args.slot)
        a = hall.book_appointment(
            args.service, start, end, citizen_name=args.name, id_number=args.id_number
        )
        out.emit(a, _appointment_text(out, hall, a))
    return 0


def _appointment_text(out: Out, hall: Hall, a: AppointmentInfo) -> str:
    start, end = a.slot_start.astimezone(hall.settings.tz), a.slot_end.astimezone(hall.settings.tz)
    return out.say(
        "cli.appointment.booked",
        code=a.code,
        service=a.service_code,
        day=a.day,
        start=start,
        end=end,
    )


def cmd_appointment_import(args: argparse.Namespace, out: Out) -> int:
    """Book every row of a CSV file (service,day,slot,name,id_number); each row is its
    own booking, so a refused row stops nothing. Reports the rows refused and why."""
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EnvironmentFault("file.unreadable", path=str(path), detail=str(exc)) from None
    bookings = ap.read_bookings(text, str(path))

    def progress(done: int) -> None:
        if not out.json and done % 50 == 0:
            print(out.say("cli.appointment.progress", done=done), file=sys.stderr)

    with hall_of(args) as hall:
        result = hall.import_appointments(bookings, progress)
        lines = [_appointment_text(out, hall, a) for a in result.booked]
    refused = [
        {"line": row.line, "code": exc.code, "reason": exc.message(out.lang)}
        for row, exc in result.refused
    ]
    lines.append(
        out.say(
            "cli.appointment.imported",
            rows=len(bookings),
            booked=len(result.booked),
            refused=len(refused),
        )
    )
    for r in refused:
        lines.append(out.say("cli.appointment.refused_row", line=r["line"], reason=r["reason"]))
    out.emit({"booked": list(result.booked), "refused": refused}, "\n".join(lines))
    return EXIT_REFUSED if refused else 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
    p = sub.add_parser("init", parents=[common], help="创建或升级数据库并载入服务中心配置")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="载入示范服务中心 (the demo hall)")
    group.add_argument("--config", metavar="FILE", help="服务中心配置文件 (TOML)")
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("ticket", parents=[common], help="取号")
    p.add_argument("service", help="事项编号 (service code)")
    p.add_argument("--green", action="store_true", help="绿色通道")
    p.add_argument("--id-number", default=None, help="身份证号码")
    p.add_argument("--appointment", default=None, help="预约码")
    p.set_defaults(run=cmd_ticket)

    for name, helptext, op in (
        ("call", "呼叫下一位 (call next)", None),
        ("recall", "重呼", Hall.recall),
        ("start", "开始办理", Hall.start),
        ("finish", "办结", Hall.end_service),
        ("no-show", "过号", Hall.no_show),
    ):
        p = sub.add_parser(name, parents=[common], help=helptext)
        p.add_argument("window", type=int, help="窗口号")
        p.add_argument("--clerk", required=True, help="工号")
        p.set_defaults(run=cmd_call if op is None else _window_cmd(op))
    p = sub.add_parser("status", parents=[common], help="事项与窗口状态")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("watch", parents=[common], help="实时显示事件 (watch events)")
    p.add_argument("--after", type=int, default=None, help="从此事件编号之后开始 (replay)")
    p.set_defaults(run=cmd_watch)

    p = sub.add_parser("help-requests", parents=[common], help="取号机的求助 (help requests)")
    p.add_argument("--all", action="store_true", help="包括已响应的 (answered ones too)")
    p.set_defaults(run=cmd_help_requests)

    p = sub.add_parser("appointment", help="预约 (appointments)")
    appt = p.add_subparsers(dest="appointment_command", required=True)
    p = appt.add_parser("add", parents=[common], help="预约一个时段 (book one)")
    p.add_argument("service", help="事项编号 (service code)")
    p.add_argument("--day", required=True, help="日期 YYYY-MM-DD")
    p.add_argument("--slot", required=True, help="时段，例如 10:00-10:30")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--id-number", required=True, help="身份证号码")
    p.set_defaults(run=cmd_appointment_add)
    p = appt.add_parser("import", parents=[common], help="从 CSV 文件导入预约")
    p.add_argument("file", help="CSV：service,day,slot,name,id_number（第一行为表头）")
    p.set_defaults(run=cmd_appointment_import)
