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
from shared.hall import AppointmentInfo, Hall, TicketInfo, default_url, init_hall
from shared.rules import appointments as ap
from shared.store.feed import ConnectionChange, Feed, FeedEvent


def _issued_text(out: Out, t: TicketInfo) -> str:
    wait = (
        out.t(f"约 {t.estimated_wait_minutes} 分钟", f"about {t.estimated_wait_minutes} min")
        if t.estimated_wait_minutes is not None
        else out.t("暂无法估计", "unknown")
    )
    windows = "、".join(str(n) for n in t.windows) or "—"
    lines = [
        f"{t.number}" + (out.t("（补打）", " (reprint)") if t.reprint else ""),
        out.t(f"事项：{t.service_name}", f"Service: {t.service_name}"),
        out.t(f"前面还有 {t.ahead} 人，预计等候{wait}", f"{t.ahead} ahead, wait {wait}"),
        out.t(f"受理窗口：{windows}", f"Windows: {windows}"),
        out.t(f"评价码：{t.review_code}", f"Review code: {t.review_code}"),
    ]
    return "\n".join(lines)


def cmd_init(args: argparse.Namespace, out: Out) -> int:
    path = Path(args.config) if args.config else DEMO_HALL_PATH
    config = load_hall_config(path)
    summary = init_hall(args.db, config, clock())
    out.emit(
        summary,
        out.t(
            f"{'已创建' if summary.created else '已更新'}服务中心 {summary.hall_code}："
            f"{summary.zones} 个功能区，{summary.services} 个事项，{summary.windows} 个窗口，"
            f"{summary.clerks} 名工作人员，{summary.posts} 个AB岗。",
            f"{'Created' if summary.created else 'Updated'} hall {summary.hall_code}: "
            f"{summary.zones} zones, {summary.services} services, {summary.windows} windows, "
            f"{summary.clerks} clerks, {summary.posts} AB posts.",
        ),
    )
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
                out.t(
                    f"{args.window}号窗口：当前没有等候的号码。",
                    f"Window {args.window}: nobody waiting.",
                ),
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
        lines = [f"{hall.name}（{hall.code}）", out.t("事项：", "Services:")]
        for sv in services:
            lines.append(
                f"  {sv.code:<8} {sv.prefix}  {out.t('等候', 'waiting')} {sv.waiting:>3}  {sv.name}"
            )
        lines.append(out.t("窗口：", "Windows:"))
        for w in windows:
            who = f"{w.clerk_name}（{w.clerk_code}）" if w.clerk_code else out.t("无人", "nobody")
            doing = f" · {w.ticket} {state_words(out, w.ticket_state or '')}" if w.ticket else ""
            paused = out.t(" · 暂停", " · paused") if w.paused else ""
            if w.comprehensive and w.zone_name:
                served = out.t(f"{w.zone_name}全部事项", f"every {w.zone_code} service")
            elif w.comprehensive:
                served = out.t("全厅事项", "every service of the hall")
            else:
                served = "、".join(w.services) or out.t("不取号", "no tickets")
            lines.append(f"  {w.number:>3} {w.name} · {who}{doing}{paused} · {served}")
        out.emit(data, "\n".join(lines))
    return 0


def cmd_watch(args: argparse.Namespace, out: Out) -> int:
    """Print every event as it happens, one line each, until Ctrl-C."""
    feed = Feed.connect(args.db or default_url(), hall_code=args.hall)
    if not out.json:
        print(out.t("正在监听事件，按 Ctrl-C 结束。", "Watching events; Ctrl-C ends."), flush=True)
    try:
        for item in feed.events(after=args.after):
            if isinstance(item, ConnectionChange):
                line = (
                    out.t("连接中断，正在重连…", "connection lost, reconnecting…")
                    if item.kind == "connection_lost"
                    else out.t("连接已恢复", "connection restored")
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


_EVENT_WORDS = {
    "issued": ("取号", "issued"),
    "reprinted": ("补打", "reprinted"),
    "called": ("呼叫", "called"),
    "recalled": ("重呼", "recalled"),
    "called_back": ("回呼", "called back"),
    "started": ("开始办理", "started"),
    "finished": ("办结", "finished"),
    "no_show": ("过号", "no-show"),
    "requeued": ("重新排队", "back in line"),
    "held": ("挂起", "held"),
    "returned": ("挂起返回", "back from hold"),
    "transferred": ("转移", "transferred"),
    "expired": ("过期未办结", "expired"),
    "paused": ("窗口暂停", "window paused"),
    "resumed": ("窗口恢复", "window resumed"),
    "help_requested": ("取号机求助", "help requested"),
    "help_acknowledged": ("求助已响应", "help answered"),
    "printer_fault": ("打印机故障", "printer fault"),
    "noon_uncovered": ("午间值班无人接续", "noon duty left uncovered"),
    "empty_post": ("空岗", "empty post"),
    "notice_given": ("一次性告知", "one-time notice"),
    "notice_reprinted": ("补打告知单", "notice reprinted"),
    "extended_marked": ("说明延时原因", "extended hours: reason given"),
    "extended_service": ("延时服务", "extended service"),
    "extended_declined": ("不予延时服务", "extended service declined"),
    "decline_decided": ("不予延时审批", "decline decided"),
}


def _event_line(out: Out, ev: FeedEvent) -> str:
    zh, en = _EVENT_WORDS.get(ev.kind, (ev.kind, ev.kind))
    parts = [f"#{ev.id}", out.t(zh, en)]
    if ev.number:
        parts.append(ev.number)
    if ev.service_code:
        parts.append(ev.service_code)
    if ev.window_no is not None:
        parts.append(out.t(f"{ev.window_no}号窗口", f"window {ev.window_no}"))
    if ev.clerk_code:
        parts.append(out.t(f"工号{ev.clerk_code}", f"clerk {ev.clerk_code}"))
    kiosk = ev.detail("kiosk")
    if kiosk:
        parts.append(out.t(f"取号机{kiosk}", f"kiosk {kiosk}"))
    if ev.reason:
        parts.append(f"（{ev.reason}）" if out.lang == "zh" else f"({ev.reason})")
    return " ".join(parts)


def cmd_help_requests(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        requests = hall.help_requests(open_only=not args.all)
        tz = hall.settings.tz
    lines = []
    for h in requests:
        at = h.at.astimezone(tz)
        line = out.t(f"{at:%H:%M:%S}  取号机 {h.kiosk} 求助", f"{at:%H:%M:%S}  kiosk {h.kiosk}")
        if h.acknowledged_at is not None:
            done = h.acknowledged_at.astimezone(tz)
            line += out.t(
                f"，{done:%H:%M:%S} 工号 {h.acknowledged_by} 已响应",
                f", answered {done:%H:%M:%S} by clerk {h.acknowledged_by}",
            )
        lines.append(line)
    if not lines:
        lines.append(out.t("目前没有待处理的求助。", "No help requests waiting."))
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
    return out.t(
        f"预约码 {a.code}：{a.service_code}，{a.day} {start:%H:%M}–{end:%H:%M}",
        f"Appointment {a.code}: {a.service_code}, {a.day} {start:%H:%M}–{end:%H:%M}",
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
            print(out.t(f"已处理 {done} 行…", f"{done} rows done…"), file=sys.stderr)

    with hall_of(args) as hall:
        result = hall.import_appointments(bookings, progress)
        lines = [_appointment_text(out, hall, a) for a in result.booked]
    refused = [
        {"line": row.line, "code": exc.code, "reason": exc.message(out.lang)}
        for row, exc in result.refused
    ]
    lines.append(
        out.t(
            f"共 {len(bookings)} 行：预约成功 {len(result.booked)} 行，"
            f"未能预约 {len(refused)} 行。",
            f"{len(bookings)} rows: {len(result.booked)} booked, {len(refused)} refused.",
        )
    )
    for r in refused:
        lines.append(
            out.t(f"  第 {r['line']} 行：{r['reason']}", f"  line {r['line']}: {r['reason']}")
        )
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
