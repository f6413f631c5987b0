"""The ``yimen`` command, for installers and hall IT.

Every sub-command takes ``--db URL`` (or the ``YIMEN_DB`` variable; default: the
embedded SQLite file in the user's data folder), ``--hall CODE`` when a database
holds several halls, ``--lang zh|en`` and ``--json``. A fault a person can act on
(a bad URL, an unreachable server, a wrong password, an unknown service or
window) prints one sentence and exits with status 2; a bug prints where its
trace was logged and exits with status 70.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import getpass
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

import platformdirs

from shared.clock import Clock, clock_from_env
from shared.config import DEMO_HALL_PATH, ConfigError, VoiceConfig, load_hall_config
from shared.errors import EnvironmentFault, HallError, YimenError
from shared.feed import FeedEvent
from shared.hall import AppointmentInfo, Hall, NoticeInfo, TicketInfo, default_url, init_hall
from shared.messages import STATE_NAMES
from shared.overtime import DeclineInfo
from shared.reviews import ACTIONS, CALLBACK_RESULTS, CaseInfo, ReviewInfo

log = logging.getLogger("yimen")

EXIT_REFUSED = 2
EXIT_BUG = 70


class Out:
    """Prints for a person (in their language) or for a program (JSON)."""

    def __init__(self, lang: str, as_json: bool) -> None:
        self.lang = lang
        self.json = as_json

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def emit(self, data: Any, text: str) -> None:
        if self.json:
            print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
        else:
            print(text)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _state(out: Out, state: str) -> str:
    return STATE_NAMES.get(state, {}).get(out.lang, state)


def _ticket_text(out: Out, t: TicketInfo) -> str:
    if t.window_no is not None and t.state in ("called", "serving"):
        head = out.t(
            f"请{t.number}号到{t.window_no}号窗口办理（{t.service_name}）",
            f"Ticket {t.number}, please go to window {t.window_no} ({t.service_name})",
        )
        return head if t.state == "called" else f"{t.number} {_state(out, t.state)}"
    return f"{t.number} {t.service_name} · {_state(out, t.state)}"


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


# -- sub-commands ----------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, out: Out) -> int:
    path = Path(args.config) if args.config else DEMO_HALL_PATH
    config = load_hall_config(path)
    summary = init_hall(args.db, config, _clock())
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
    with _hall(args) as hall:
        t = hall.issue_ticket(
            args.service,
            green=args.green,
            id_number=args.id_number,
            appointment_code=args.appointment,
        )
        out.emit(t, _issued_text(out, t))
    return 0


def _password(out: Out) -> str:
    """The password typed at a prompt that does not echo it, or the first line of
    standard input when that is not a terminal (a script)."""
    if sys.stdin.isatty():
        return getpass.getpass(out.t("密码：", "Password: "))
    return sys.stdin.readline().rstrip("\r\n")


def cmd_sign_in(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        me = hall.sign_in(args.clerk, _password(out), args.window)
        post = out.t(f"（{me.post}岗）", f" ({me.post} post)") if me.post else ""
        text = out.t(
            f"{me.name}（工号 {me.clerk}）已在 {me.window} 号窗口登录{post}。",
            f"{me.name} (clerk {me.clerk}) signed in at window {me.window}{post}.",
        )
        if me.ticket_in_hand:
            text += out.t(
                f"\n窗口仍有 {me.ticket_in_hand} 号在办理。",
                f"\nTicket {me.ticket_in_hand} is still in hand at the window.",
            )
        out.emit(me, text)
    return 0


def cmd_sign_out(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        hall.sign_out(args.clerk, args.window, noon_reason=args.noon_reason)
        out.emit(
            {"window": args.window, "clerk": args.clerk, "signed_out": True},
            out.t(
                f"工号 {args.clerk} 已从 {args.window} 号窗口退出。",
                f"Clerk {args.clerk} signed out of window {args.window}.",
            ),
        )
    return 0


def _reason_words(out: Out, reason: str | None) -> str:
    from shared.model import AbsenceReason
    from shared.posts import REASON_WORDS

    if reason is None:
        return ""
    zh, en = REASON_WORDS[AbsenceReason(reason)]
    return out.t(zh, en)


def _when(hall: Hall, text: str | None) -> datetime | None:
    """``HH:MM`` today, or ``YYYY-MM-DD HH:MM`` / ``YYYY-MM-DDTHH:MM``, in the hall's time."""
    if not text:
        return None
    settings = hall.settings
    try:
        if len(text) <= 5:
            return settings.at(settings.business_day(hall.now()), time.fromisoformat(text))
        return datetime.fromisoformat(text).replace(tzinfo=settings.tz)
    except ValueError:
        raise HallError("post.bad_time", text=text) from None


def cmd_hand_over(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        password = _password(out) if args.b_here else None
        moved = hall.hand_over(
            args.window,
            args.clerk,
            args.reason,
            expected_return=_when(hall, args.back),
            note=args.note,
            b_password=password,
        )
        why = _reason_words(out, moved.reason)
        if moved.to_clerk:
            text = out.t(
                f"{args.window} 号窗口已由工号 {moved.from_clerk} "
                f"交给 B 岗 {moved.to_clerk}（{why}）。",
                f"Window {args.window} handed over by {moved.from_clerk} to B post "
                f"{moved.to_clerk} ({why}).",
            )
        else:
            text = out.t(
                f"工号 {moved.from_clerk} 已离岗（{why}），{args.window} 号窗口等 B 岗登录接替。",
                f"{moved.from_clerk} left ({why}); window {args.window} waits for its B post "
                "to sign in.",
            )
        if moved.ticket:
            text += out.t(
                f"\n{moved.ticket} 号随窗口交给 B 岗继续办理。",
                f"\nTicket {moved.ticket} moved with the window.",
            )
        out.emit(moved, text)
    return 0


def cmd_step_in(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        moved = hall.step_in(args.window, args.clerk, _password(out), args.reason, note=args.note)
        out.emit(
            moved,
            out.t(
                f"B 岗 {moved.to_clerk} 已顶岗 {args.window} 号窗口"
                f"（A 岗 {moved.from_clerk} 未交接）。",
                f"B post {moved.to_clerk} stepped in at window {args.window} (A "
                f"{moved.from_clerk} left without handing over).",
            ),
        )
    return 0


def cmd_hand_back(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        moved = hall.hand_back(args.window, args.clerk, _password(out), report=args.report)
        served = "、".join(moved.served) or out.t("无", "none")
        out.emit(
            moved,
            out.t(
                f"{args.window} 号窗口已交还 A 岗 {moved.to_clerk}。顶岗期间办结：{served}。",
                f"Window {args.window} given back to A post {moved.to_clerk}. Finished while "
                f"covering: {served}.",
            ),
        )
    return 0


def cmd_posts(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
        away = hall.absences(open_only=not args.all)
        tz = hall.settings.tz
        heading = out.t("离岗记录：", "Absences:")
        if not away:
            heading = out.t("没有人离岗。", "Nobody is away.")
        lines = [heading]
        for a in away:
            left = f"{a.left_at.astimezone(tz):%m-%d %H:%M}" if a.left_at else ""
            back = (
                out.t(f"，预计 {a.expected_return.astimezone(tz):%m-%d %H:%M} 回", "")
                if a.expected_return
                else ""
            )
            cover = a.covered_by or out.t("无人顶岗", "not covered")
            state = out.t("离岗中", "away") if a.away else out.t("已回", "back")
            lines.append(
                f"  {a.window:>3} {a.a_name}（{a.a_code}） {left} {_reason_words(out, a.reason)}"
                f"{back} · {out.t('顶岗', 'covered by')} {cover} · {state}"
            )
        out.emit(away, "\n".join(lines))
    return 0


def cmd_call(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
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
            out.emit(t, _ticket_text(out, t))
    return 0


def _window_cmd(
    op: Callable[[Hall, int, str], TicketInfo],
) -> Callable[[argparse.Namespace, Out], int]:
    def run(args: argparse.Namespace, out: Out) -> int:
        with _hall(args) as hall:
            t = op(hall, args.window, args.clerk)
            out.emit(t, _ticket_text(out, t))
        return 0

    return run


def cmd_notice(args: argparse.Namespace, out: Out) -> int:
    """The one-time notice (一次性告知) for the ticket in hand, or a reprint of one."""
    from shared.printing import notice_pdf

    with _hall(args) as hall:
        if args.reprint:
            info = hall.reprint_notice(args.reprint, args.window, args.clerk)
        else:
            info = hall.give_notice(args.window, args.clerk, args.material or (), args.other)
        paper = hall.settings.notice.paper
    text = _notice_text(out, info)
    if args.pdf:
        path = Path(args.pdf)
        try:
            path.write_bytes(notice_pdf(info, paper))
        except OSError as exc:
            raise EnvironmentFault(
                "notice.pdf_unwritable",
                path=str(path),
                detail=exc.strerror or str(exc),
                number=info.number,
            ) from None
        text += "\n" + out.t(f"告知单（{paper}）已写入 {path}", f"Slip ({paper}) written to {path}")
    out.emit(info, text)
    return 0


def _notice_text(out: Out, n: NoticeInfo) -> str:
    again = out.t("（补打）", " (reprint)") if n.reprint else ""
    lines = [
        out.t(
            f"一次性告知单 {n.serial}{again}：{n.number} {n.service_name}，"
            f"{n.window_no}号窗口 {n.clerk_name}（{n.clerk_code}），{n.at:%Y-%m-%d %H:%M}",
            f"One-time notice {n.serial}{again}: {n.number} {n.service_name}, window "
            f"{n.window_no}, {n.clerk_name} ({n.clerk_code}), {n.at:%Y-%m-%d %H:%M}",
        ),
        out.t(
            f"还需补齐（共 {len(n.materials) + (1 if n.other else 0)} 项）：",
            f"Still needed ({len(n.materials) + (1 if n.other else 0)}):",
        ),
    ]
    lines += [f"  {i}. {m}" for i, m in enumerate(n.materials, 1)]
    if n.other:
        lines.append(f"  {len(n.materials) + 1}. " + out.t("其他：", "Other: ") + n.other)
    windows = "、".join(str(w) for w in n.windows) or "—"
    if not n.reprint:
        lines.append(
            out.t(
                f"{n.number} 号已挂起（群众取材料）；回来后到 {windows} 号任一窗口优先办理，"
                f"无需重新取号。",
                f"Ticket {n.number} is held (fetching materials); on return it is served ahead "
                f"of the line at any of windows {windows}, without a new ticket.",
            )
        )
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace, out: Out) -> int:
    with _hall(args) as hall:
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
            doing = f" · {w.ticket} {_state(out, w.ticket_state or '')}" if w.ticket else ""
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


def _day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD，例如 2026-11-24 (a date: YYYY-MM-DD): {text}"
        ) from None


def _span_text(out: Out, tz: Any, start: datetime, end: datetime | None) -> str:
    until = f"{end.astimezone(tz):%H:%M}" if end is not None else out.t("至今", "now")
    return f"{start.astimezone(tz):%H:%M}–{until}"


_NOON_STATES = {
    "ahead": ("尚未开始", "not begun"),
    "in_progress": ("进行中", "in progress"),
    "over": ("已结束", "over"),
}


def cmd_noon(args: argparse.Namespace, out: Out) -> int:
    """The noon duty of a day per zone: covered or not, the windows and when they served,
    the gaps."""
    with _hall(args) as hall:
        noon = hall.noon_coverage(args.day)
        tz = hall.settings.tz
    if noon.start is None or noon.end is None:
        out.emit(
            noon,
            out.t(
                f"{noon.day} 没有午间值班（闭厅，或当天不设午休）。",
                f"{noon.day}: no noon duty (the hall is closed, or has no noon break that day).",
            ),
        )
        return 0
    period = _span_text(out, tz, noon.start, noon.end)
    zh, en = _NOON_STATES[noon.state]
    lines = [
        out.t(
            f"{noon.day} 午间值班 {period}，每个功能区至少 {noon.needed} 个综合窗口照常办理"
            f"（{zh}）",
            f"{noon.day} noon duty {period}: at least {noon.needed} comprehensive window(s) "
            f"serving per zone ({en})",
        )
    ]
    for z in noon.zones:
        verdict = out.t("已保障", "covered") if z.covered else out.t("有空档", "NOT covered")
        lines.append(out.t(f"{z.name}（{z.code}）：{verdict}", f"{z.name} ({z.code}): {verdict}"))
        for w in z.windows:
            served = "、".join(_span_text(out, tz, sp.start, sp.end) for sp in w.served)
            if not served:
                served = "—" if noon.state == "ahead" else out.t("未办理", "did not serve")
            lines.append(
                out.t(
                    f"  {w.window}号窗口 {w.name}：{served}",
                    f"  window {w.window} {w.name}: {served}",
                )
            )
        if z.gaps:
            gaps = "、".join(_span_text(out, tz, g.start, g.end) for g in z.gaps)
            lines.append(out.t(f"  空档：{gaps}", f"  gaps: {gaps}"))
    out.emit(noon, "\n".join(lines))
    return 0


def cmd_empty_posts(args: argparse.Namespace, out: Out) -> int:
    """The day's empty posts (空岗): windows with a post left without a clerk too long."""
    with _hall(args) as hall:
        day = args.day or hall.settings.business_day(hall.now())
        found = hall.empty_posts(day)
        tz = hall.settings.tz
        limit = hall.settings.staffing.empty_post_minutes
    lines = [
        out.t(
            f"{day} 空岗（设AB岗的窗口在开放时间内无人登录超过 {limit} 分钟，午休不计）：",
            f"{day} empty posts (a window with an AB post and nobody signed in for more than "
            f"{limit} minutes of open hours, the noon break not counted):",
        )
    ]
    for e in found:
        span = _span_text(out, tz, e.start, e.end)
        mark = out.t("，已记录", ", recorded") if e.recorded else ""
        if e.end is None:
            mark += out.t("，仍无人", ", still nobody")
        lines.append(
            out.t(
                f"  {e.window}号窗口 {e.name}：{span}，{e.minutes} 分钟{mark}",
                f"  window {e.window} {e.name}: {span}, {e.minutes} min{mark}",
            )
        )
    if not found:
        lines.append(out.t("  没有空岗。", "  None."))
    out.emit({"day": day, "limit_minutes": limit, "empty_posts": found}, "\n".join(lines))
    return 0


def cmd_watch(args: argparse.Namespace, out: Out) -> int:
    """Print every event as it happens, one line each, until Ctrl-C."""
    from shared.feed import ConnectionChange, Feed

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
                print(json.dumps(_plain(data), ensure_ascii=False), flush=True)
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
    with _hall(args) as hall:
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
    with _hall(args) as hall:
        start, end = _slot(hall, args.day, args.slot)
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


def _slot(hall: Hall, day: str, slot: str) -> tuple[datetime, datetime]:
    """``2026-11-25`` and ``10:00-10:30`` as the hall's local start and end."""
    try:
        d = date.fromisoformat(day.strip())
        a, b = (part.strip() for part in slot.replace("–", "-").split("-"))
        start = datetime.combine(d, time.fromisoformat(a), tzinfo=hall.settings.tz)
        end = datetime.combine(d, time.fromisoformat(b), tzinfo=hall.settings.tz)
    except ValueError:
        raise HallError("appointment.bad_input", day=day, slot=slot) from None
    return start, end


CSV_COLUMNS = ("service", "day", "slot", "name", "id_number")


def cmd_appointment_import(args: argparse.Namespace, out: Out) -> int:
    """Book every row of a CSV file (service,day,slot,name,id_number); each row is its
    own booking, so a refused row stops nothing. Reports the rows refused and why."""
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EnvironmentFault("file.unreadable", path=str(path), detail=str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    if not rows or any(c not in (reader.fieldnames or ()) for c in CSV_COLUMNS):
        raise HallError("appointment.csv_columns", path=str(path), columns=",".join(CSV_COLUMNS))
    booked: list[AppointmentInfo] = []
    refused: list[dict[str, Any]] = []
    with _hall(args) as hall:
        for line, row in enumerate(rows, start=2):  # line 1 is the header
            try:
                start, end = _slot(hall, row["day"] or "", row["slot"] or "")
                booked.append(
                    hall.book_appointment(
                        (row["service"] or "").strip(),
                        start,
                        end,
                        citizen_name=(row["name"] or "").strip(),
                        id_number=(row["id_number"] or "").strip(),
                    )
                )
            except YimenError as exc:
                refused.append({"line": line, "code": exc.code, "reason": exc.message(out.lang)})
            if not out.json and line % 50 == 0:
                print(out.t(f"已处理 {line - 1} 行…", f"{line - 1} rows done…"), file=sys.stderr)
        lines = [_appointment_text(out, hall, a) for a in booked]
    lines.append(
        out.t(
            f"共 {len(rows)} 行：预约成功 {len(booked)} 行，未能预约 {len(refused)} 行。",
            f"{len(rows)} rows: {len(booked)} booked, {len(refused)} refused.",
        )
    )
    for r in refused:
        lines.append(
            out.t(f"  第 {r['line']} 行：{r['reason']}", f"  line {r['line']}: {r['reason']}")
        )
    out.emit({"booked": booked, "refused": refused}, "\n".join(lines))
    return EXIT_REFUSED if refused else 0


# -- extended-hours service (延时服务) ------------------------------------------------------

_TRIGGER_WORDS = {
    "unfinished_at_closing": ("下班时未办结", "unfinished at closing"),
    "citizen_request": ("群众要求", "citizen's request"),
    "heavy_load": ("业务量大或紧急", "heavy load or urgency"),
    "other": ("其他", "other"),
}
_DECLINE_STATES = {
    "pending": ("待审批", "pending"),
    "approved": ("主管已同意", "approved"),
    "rejected": ("主管已驳回", "overruled"),
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _decline_line(out: Out, d: DeclineInfo, tz: tzinfo) -> str:
    at = d.at.astimezone(tz)
    who = out.t(
        f"{d.window_no}号窗口 {d.clerk_name}（{d.clerk_code}）",
        f"window {d.window_no} {d.clerk_name} ({d.clerk_code})",
    )
    number = f" {d.number}" if d.number else ""
    zh, en = _DECLINE_STATES.get(d.state, (d.state, d.state))
    state = out.t(zh, en)
    if d.decided_by is not None and d.decided_at is not None:
        when = f"{d.decided_at.astimezone(tz):%Y-%m-%d %H:%M}"
        note = f"：{d.decision_note}" if d.decision_note else ""
        state += out.t(
            f"（工号 {d.decided_by}，{when}{note}）",
            f" (clerk {d.decided_by}, {when}{': ' + d.decision_note if d.decision_note else ''})",
        )
    return f"#{d.id}  {at:%Y-%m-%d %H:%M}  {who}{number}  {d.reason}  · {state}"


def _month_arg(text: str | None, hall: Hall) -> tuple[int, int]:
    """``2026-08`` as (2026, 8); without it, the current month."""
    if text is None:
        today = hall.settings.business_day(hall.now())
        return today.year, today.month
    try:
        year, month = (int(part) for part in text.strip().split("-"))
    except ValueError:
        raise HallError("overtime.bad_month", month=text) from None
    return year, month


def cmd_overtime(args: argparse.Namespace, out: Out) -> int:
    """The month's extended services (延时服务) per window and per clerk, or the
    refusals waiting for a supervisor's decision."""
    with _hall(args) as hall:
        tz = hall.settings.tz
        if args.declines:
            pending = hall.declines()
            lines = [_decline_line(out, d, tz) for d in pending] or [
                out.t(
                    "没有待审批的不予延时服务。",
                    "No declined extended service waits for a decision.",
                )
            ]
            out.emit(pending, "\n".join(lines))
            return 0
        year, month = _month_arg(args.month, hall)
        report = hall.overtime_month(year, month)
    n = report.count
    lines = [
        out.t(
            f"{month}月份延时服务{n}件，共{report.minutes}分钟",
            f"{_MONTHS[month - 1]} {year}: {n} extended service{'' if n == 1 else 's'}, "
            f"{report.minutes} minutes in all",
        )
    ]
    if report.by_window:
        lines.append(out.t("按窗口：", "By window:"))
        for r in report.by_window:
            lines.append(
                out.t(
                    f"  {r.key}号窗口 {r.name}：{r.count}件，{r.minutes}分钟",
                    f"  window {r.key} {r.name}: {r.count} ({r.minutes} min)",
                )
            )
        lines.append(out.t("按工作人员：", "By clerk:"))
        for r in report.by_clerk:
            lines.append(
                out.t(
                    f"  {r.name}（{r.key}）：{r.count}件，{r.minutes}分钟",
                    f"  {r.name} ({r.key}): {r.count} ({r.minutes} min)",
                )
            )
    if report.declines:
        waiting = sum(1 for d in report.declines if d.state == "pending")
        lines.append(
            out.t(
                f"不予延时服务{len(report.declines)}件（待审批{waiting}件）：",
                f"Declined: {len(report.declines)} ({waiting} waiting for a decision):",
            )
        )
        lines.extend("  " + _decline_line(out, d, tz) for d in report.declines)
    out.emit(report, "\n".join(lines))
    return 0


def cmd_overtime_decide(args: argparse.Namespace, out: Out) -> int:
    """A supervisor approves a refusal (it stands) or overrules it, with their password."""
    with _hall(args) as hall:
        d = hall.decide_decline(args.id, args.clerk, _password(out), args.approved, args.note)
        out.emit(
            d,
            out.t(
                f"不予延时服务 #{d.id}：{'同意' if d.state == 'approved' else '驳回'}"
                f"（主管工号 {d.decided_by}）。",
                f"Declined extended service #{d.id}: "
                f"{'approved' if d.state == 'approved' else 'overruled'} by clerk {d.decided_by}.",
            ),
        )
    return 0


# -- good and bad reviews (好差评): the cases (差评整改) and the month's reviews -----------

_CHANNEL_WORDS = {
    "qr": ("扫码", "QR code"),
    "kiosk": ("取号机", "kiosk"),
    "evaluator": ("窗口评价器", "window evaluator"),
    "other": ("其他渠道", "other"),
}


def _days_words(out: Out, days_left: int) -> str:
    """``剩 5 天`` / ``超期 2 天``: how long a case has left until its deadline."""
    if days_left < 0:
        n = -days_left
        return out.t(f"超期 {n} 天", f"{n} day{'' if n == 1 else 's'} overdue")
    if days_left == 0:
        return out.t("今天到期", "due today")
    return out.t(f"剩 {days_left} 天", f"{days_left} day{'' if days_left == 1 else 's'} left")


def _case_state(out: Out, state: str) -> str:
    from shared.messages import CASE_STATE_NAMES

    return CASE_STATE_NAMES.get(state, {}).get(out.lang, state)


def _window_clerk(out: Out, review: ReviewInfo) -> str:
    where = (
        out.t(f"{review.window_no}号窗口", f"window {review.window_no}")
        if review.window_no is not None
        else out.t("（无窗口）", "(no window)")
    )
    if review.clerk_code is None:
        return where
    return where + out.t(
        f" {review.clerk_name}（{review.clerk_code}）",
        f" {review.clerk_name} ({review.clerk_code})",
    )


def _why(out: Out, review: ReviewInfo) -> str:
    """The level in words and the reasons: ``不满意：服务态度不好``."""
    from shared.reviews import level_words, reason_words

    level = level_words(review.level, out.lang)
    reasons = reason_words(review.reasons, out.lang)
    if not reasons and review.text:
        reasons = f"“{review.text[:20]}{'…' if len(review.text) > 20 else ''}”"
    return f"{level}{out.t('：', ': ')}{reasons}" if reasons else level


def _callback_words(out: Out, c: CaseInfo) -> str:
    if not c.callback_needed:
        return ""
    if c.called_back_at is None:
        return out.t("实名，待回访", "real name: callback due")
    return out.t("实名，已回访", "real name: called back")


def _case_when(out: Out, c: CaseInfo, tz: tzinfo) -> str:
    if c.open or c.closed_at is None:
        return out.t(
            f"{_days_words(out, c.days_left)}（截止 {c.due}）",
            f"{_days_words(out, c.days_left)} (due {c.due})",
        )
    return out.t(
        f"已结 {c.closed_at.astimezone(tz):%Y-%m-%d}",
        f"closed {c.closed_at.astimezone(tz):%Y-%m-%d}",
    )


def _case_line(out: Out, c: CaseInfo, tz: tzinfo) -> str:
    r = c.review
    parts = [
        f"#{c.id}",
        _case_state(out, c.state),
        _case_when(out, c, tz),
        f"{r.number} {r.service_name}",
        _window_clerk(out, r),
        _why(out, r),
        _callback_words(out, c),
    ]
    return "  ".join(p for p in parts if p)


def _case_summary(out: Out, cases: Sequence[CaseInfo]) -> str:
    still = [c for c in cases if c.open]
    late = sum(1 for c in still if c.overdue)
    text = out.t(f"未结 {len(still)} 件，其中超期 {late} 件", f"{len(still)} open, {late} overdue")
    if len(still) != len(cases):
        text = out.t(f"共 {len(cases)} 件；", f"{len(cases)} in all; ") + text
    return text


def cmd_cases(args: argparse.Namespace, out: Out) -> int:
    """The bad-review cases (差评整改), overdue first: open ones, or all."""
    with _hall(args) as hall:
        found = hall.cases(open_only=not args.all)
        tz = hall.settings.tz
    lines = [_case_line(out, c, tz) for c in found]
    if not found:
        lines.append(
            out.t("没有未结的差评整改件。", "No open bad-review cases.")
            if not args.all
            else out.t("还没有差评整改件。", "No bad-review cases yet.")
        )
    else:
        lines.append(_case_summary(out, found))
    data = {
        "open": sum(1 for c in found if c.open),
        "overdue": sum(1 for c in found if c.overdue),
        "cases": [{**_plain(c), "overdue": c.overdue} for c in found],
    }
    out.emit(data, "\n".join(lines))
    return 0


def _case_text(out: Out, c: CaseInfo, tz: tzinfo) -> str:
    from shared.messages import CASE_ACTION_NAMES
    from shared.reviews import CALLBACK_RESULTS, DIMENSIONS, level_words, step_words

    r = c.review
    extended = (
        out.t(
            f"，已延期 {c.extended_days} 个工作日", f", extended by {c.extended_days} working days"
        )
        if c.extended_days
        else ""
    )
    head = out.t(
        f"差评整改 #{c.id}：{_case_state(out, c.state)}，{_case_when(out, c, tz)}{extended}",
        f"Bad-review case #{c.id}: {_case_state(out, c.state)}, {_case_when(out, c, tz)}{extended}",
    )
    channel = _CHANNEL_WORDS.get(r.channel, (r.channel, r.channel))
    lines = [
        head,
        out.t(
            f"票号 {r.number} · {r.service_name} · {_window_clerk(out, r)} · {r.business_day}",
            f"Ticket {r.number} · {r.service_name} · {_window_clerk(out, r)} · {r.business_day}",
        ),
        out.t(
            f"评价：{_why(out, r)}（{out.t(*channel)}，{r.at.astimezone(tz):%Y-%m-%d %H:%M}）",
            f"Review: {_why(out, r)} ({out.t(*channel)}, {r.at.astimezone(tz):%Y-%m-%d %H:%M})",
        ),
    ]
    if r.text:
        lines.append(out.t(f"群众原话：“{r.text}”", f"In the citizen's words: “{r.text}”"))
    if r.dimensions:
        dims = [
            f"{out.t(*DIMENSIONS[k]) if k in DIMENSIONS else k} {level_words(v, out.lang)}"
            for k, v in r.dimensions
        ]
        lines.append(out.t("分项：", "Aspects: ") + out.t("、", ", ").join(dims))
    if c.callback_needed:
        contact = " ".join(p for p in (c.name, c.phone) if p)
        if c.called_back_at is None:
            state = out.t("待回访", "callback due")
        else:
            result = CALLBACK_RESULTS.get(c.callback_result or "", ("", ""))
            state = out.t(
                f"已回访 {c.called_back_at.astimezone(tz):%Y-%m-%d %H:%M}：{result[0]}",
                f"called back {c.called_back_at.astimezone(tz):%Y-%m-%d %H:%M}: {result[1]}",
            )
        lines.append(out.t(f"实名：{contact} · {state}", f"Real name: {contact} · {state}"))
    lines.append(out.t("步骤：", "Steps:"))
    for step in c.steps:
        who = (
            out.t(
                f"{step.clerk_name}（{step.clerk_code}）", f"{step.clerk_name} ({step.clerk_code})"
            )
            if step.clerk_code
            else out.t("群众评价", "the review")
        )
        action = CASE_ACTION_NAMES.get(step.action, {}).get(out.lang, step.action)
        moved = (
            f"{_case_state(out, step.from_state)} → {_case_state(out, step.to_state)}"
            if step.from_state and step.from_state != step.to_state
            else _case_state(out, step.to_state)
        )
        note = step_words(step, out.lang)
        lines.append(
            f"  {step.at.astimezone(tz):%Y-%m-%d %H:%M}  {who}  {action}  {moved}"
            + (out.t(f"：{note}", f": {note}") if note else "")
        )
    return "\n".join(lines)


def cmd_case(args: argparse.Namespace, out: Out) -> int:
    """One case in full; with an action, one step of it by a clerk proven by their password."""
    from shared.messages import CASE_ACTION_NAMES

    with _hall(args) as hall:
        tz = hall.settings.tz
        if args.action is None:
            c = hall.case(args.id)
            out.emit(c, _case_text(out, c, tz))
            return 0
        if not args.clerk:
            print(
                out.t("请用 --clerk 写明办理这一步的工号。", "Give your clerk code with --clerk."),
                file=sys.stderr,
            )
            return EXIT_REFUSED
        c = hall.case_action(
            args.id,
            args.action,
            args.clerk,
            password=_password(out),
            note=args.note,
            days=args.days,
            callback_result=args.result,
        )
    action = CASE_ACTION_NAMES.get(args.action, {}).get(out.lang, args.action)
    out.emit(
        c,
        out.t(
            f"差评整改 #{c.id}：已记录“{action}”（工号 {args.clerk}）。"
            f"现为“{_case_state(out, c.state)}”，{_case_when(out, c, tz)}。",
            f"Bad-review case #{c.id}: “{action}” recorded (clerk {args.clerk}). Now "
            f"“{_case_state(out, c.state)}”, {_case_when(out, c, tz)}.",
        ),
    )
    return 0


_GOOD_LEVELS = ("very_satisfied", "satisfied")


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1f}%"


def _reviews_span(args: argparse.Namespace, hall: Hall) -> tuple[date, date, str]:
    """The business days asked for (``--day``, or ``--month``: default this month)."""
    if args.day is not None:
        return args.day, args.day, str(args.day)
    year, month = _month_arg(args.month, hall)
    if not 1 <= month <= 12 or not 2000 <= year <= 9999:
        raise HallError("overtime.bad_month", month=args.month)
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return first, last, f"{year}-{month:02d}"


def _reviews_csv(
    path: Path, reviews: Sequence[ReviewInfo], scale: str, lang: str, tz: tzinfo
) -> None:
    """The reviews as a CSV file Excel opens (UTF-8 with BOM): the level's code on the
    receiving system's scale beside its name."""
    from shared.reviews import DIMENSIONS, export_code, level_words, reason_words

    zh = lang != "en"
    header = [
        "评价编号" if zh else "review",
        "日期" if zh else "day",
        "评价时间" if zh else "rated at",
        "票号" if zh else "ticket",
        "事项编号" if zh else "service code",
        "事项" if zh else "service",
        "窗口" if zh else "window",
        "工号" if zh else "clerk code",
        "工作人员" if zh else "clerk",
        (f"评价代码（{scale}）" if zh else f"level code ({scale})"),
        "评价" if zh else "level",
        "渠道" if zh else "channel",
        "原因" if zh else "reasons",
        "意见" if zh else "words",
        *(DIMENSIONS[k][0 if zh else 1] for k in DIMENSIONS),
        "实名" if zh else "real name",
        "整改件" if zh else "case",
    ]
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for r in reviews:
                dims = dict(r.dimensions)
                writer.writerow(
                    [
                        r.id,
                        r.business_day.isoformat(),
                        f"{r.at.astimezone(tz):%Y-%m-%d %H:%M:%S}",
                        r.number,
                        r.service_code,
                        r.service_name,
                        r.window_no if r.window_no is not None else "",
                        r.clerk_code or "",
                        r.clerk_name or "",
                        export_code(r.level, scale),
                        level_words(r.level, lang),
                        _CHANNEL_WORDS.get(r.channel, (r.channel, r.channel))[0 if zh else 1],
                        reason_words(r.reasons, lang),
                        r.text or "",
                        *(level_words(dims[k], lang) if k in dims else "" for k in DIMENSIONS),
                        ("是" if zh else "yes") if r.real_name else ("否" if zh else "no"),
                        r.case_id if r.case_id is not None else "",
                    ]
                )
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None


@dataclasses.dataclass(frozen=True)
class LevelCount:
    level: str  # ReviewLevel value
    words: str
    count: int
    share: float | None  # percent of the reviews


@dataclasses.dataclass(frozen=True)
class WindowCount:
    window: int | None
    name: str
    count: int
    good: int  # 满意 or better
    good_share: float | None  # percent


def cmd_reviews(args: argparse.Namespace, out: Out) -> int:
    """A day's or a month's reviews with a summary per level and per window; ``--csv``
    writes them for another system, the level's code on the scale it wants."""
    from shared.model import ReviewLevel
    from shared.reviews import LEVELS, export_code, level_words

    with _hall(args) as hall:
        first, last, span = _reviews_span(args, hall)
        found = hall.reviews(first, last)
        tz = hall.settings.tz
        names = {w.number: w.name for w in hall.settings.catalog.windows}
    total = len(found)
    good = sum(1 for r in found if r.level in _GOOD_LEVELS)
    by_level = [
        LevelCount(lv.value, level_words(lv, out.lang), n, _share(n, total))
        for lv, _zh, _en in LEVELS
        for n in [sum(1 for r in found if r.level == lv.value)]
    ]
    by_window = []
    for no in sorted({r.window_no for r in found}, key=lambda n: (n is None, n or 0)):
        mine = [r for r in found if r.window_no == no]
        mine_good = sum(1 for r in mine if r.level in _GOOD_LEVELS)
        name = names.get(no, "") if no is not None else ""
        by_window.append(WindowCount(no, name, len(mine), mine_good, _share(mine_good, len(mine))))
    lines = [
        out.t(
            f"{span} 评价 {total} 条，满意及以上 {_percent(_share(good, total))}",
            f"{span}: {total} review{'' if total == 1 else 's'}, satisfied or better "
            f"{_percent(_share(good, total))}",
        )
    ]
    for r in found:
        lines.append(
            f"  {r.at.astimezone(tz):%Y-%m-%d %H:%M}  {r.number} {r.service_name}  "
            f"{_window_clerk(out, r)}  {_why(out, r)}"
            + (out.t(f"  整改件 #{r.case_id}", f"  case #{r.case_id}") if r.case_id else "")
        )
    if total:
        lines.append(out.t("按等级：", "By level:"))
        for lc in by_level:
            lines.append(
                out.t(
                    f"  {lc.words}：{lc.count} 条（{_percent(lc.share)}）",
                    f"  {lc.words}: {lc.count} ({_percent(lc.share)})",
                )
            )
        lines.append(out.t("按窗口：", "By window:"))
        for wc in by_window:
            where = (
                out.t(f"{wc.window}号窗口 {wc.name}", f"window {wc.window} {wc.name}")
                if wc.window is not None
                else out.t("无窗口", "no window")
            )
            lines.append(
                out.t(
                    f"  {where}：{wc.count} 条，满意及以上 {_percent(wc.good_share)}",
                    f"  {where}: {wc.count}, satisfied or better {_percent(wc.good_share)}",
                )
            )
    data: dict[str, Any] = {
        "first": first,
        "last": last,
        "count": total,
        "good": good,
        "good_share": _share(good, total),
        "by_level": by_level,
        "by_window": by_window,
        "reviews": found,
        "csv": None,
    }
    if args.csv:
        path = Path(args.csv)
        _reviews_csv(path, found, args.scale, out.lang, tz)
        data.update(csv=str(path), scale=args.scale)
        best = export_code(ReviewLevel.VERY_SATISFIED, args.scale)
        lines.append(
            out.t(
                f"已写入 {path}（{total} 条；评价代码按 {args.scale}，非常满意为 {best}）",
                f"Written to {path} ({total} rows; level codes on the {args.scale} scale, "
                f"very satisfied is {best})",
            )
        )
    out.emit(data, "\n".join(lines))
    return 0


def cmd_say(args: argparse.Namespace, out: Out) -> int:
    """Speak a call as this station would: for hall IT to test the voice, and for tests."""
    from shared.announcer import Announcer, Outcome
    from shared.speech import call_words
    from shared.voice import Voice, write_wav

    settings = _voice_settings(args, out)
    words = call_words(args.number, args.window, settings, args.lang or settings.language)
    voice = Voice(settings)
    try:
        data: dict[str, Any] = {
            "number": words.number,
            "window": words.window,
            "lang": words.lang,
            "text": words.text,
            "speech": words.speech,
            "voice": voice.engine.identity(words.lang),
        }
        lines = [words.text, out.t(f"播报：{words.speech}", f"Spoken: {words.speech}")]
        if args.wav:
            pcm = voice.render_call(words)
            write_wav(Path(args.wav), pcm)
            data.update(wav=str(args.wav), seconds=round(pcm.seconds, 2), played=False)
            lines.append(
                out.t(
                    f"已写入 {args.wav}（{pcm.seconds:.1f} 秒，22050 Hz，16 位，单声道）",
                    f"Written to {args.wav} ({pcm.seconds:.1f} s, 22050 Hz, 16-bit, mono)",
                )
            )
            out.emit(data, "\n".join(lines))
            return 0
        announcer = Announcer(voice, settings=settings)
        try:
            announcer.announce(words.number, words.window, lang=words.lang)
            announcer.wait_idle()
            result = announcer.results[-1]
        finally:
            announcer.close()
        played = result.outcome is Outcome.PLAYED
        data.update(wav=None, played=played, outcome=result.outcome.value)
        if played:
            seconds = result.seconds
            data.update(seconds=round(seconds, 2))
            lines.append(out.t(f"已播放（{seconds:.1f} 秒）", f"Played ({seconds:.1f} s)"))
        out.emit(data, "\n".join(lines))
        if not played:
            print(announcer.status.message(out.lang), file=sys.stderr)
            return EXIT_REFUSED
        return 0
    finally:
        voice.close()


def _voice_settings(args: argparse.Namespace, out: Out) -> VoiceConfig:
    """The hall's [voice] settings; the defaults when the database is not set up yet."""
    try:
        with _hall(args) as hall:
            return hall.settings.voice
    except YimenError as exc:
        if exc.code not in ("db.not_initialised", "hall.none"):
            raise
    print(
        out.t(
            "数据库尚未初始化，使用默认的叫号设置。",
            "The database is not set up yet: using the default voice settings.",
        ),
        file=sys.stderr,
    )
    return VoiceConfig()


def cmd_app(module: str) -> Callable[[argparse.Namespace, Out], int]:
    """Start one of the Qt apps. Imported by name: the core itself never imports Qt."""

    def run(args: argparse.Namespace, out: Out) -> int:
        import importlib

        argv = list(args.app_args)
        for flag, value in (("--db", args.db), ("--hall", args.hall), ("--lang", args.lang)):
            if value and flag not in argv:
                argv += [flag, value]
        main: Callable[[list[str]], int] = importlib.import_module(module).main
        return main(argv)

    return run


def cmd_demo(args: argparse.Namespace, out: Out) -> int:
    from shared.demo import cmd_demo as run

    return run(args, out.lang, out.json)


def cmd_serve(args: argparse.Namespace, out: Out) -> int:
    """The phone page (码上监督) the ticket's QR code opens, on uvicorn, until Ctrl-C."""
    import uvicorn

    from shared.phone import create_app
    from shared.phone.server import config, lan_address

    hall = _hall(args)
    try:
        server = uvicorn.Server(
            config(create_app(hall), args.host, args.port, trusted_proxy=args.trusted_proxy)
        )
        where = lan_address() if args.host in ("0.0.0.0", "::", "") else args.host
        page = f"http://{where}:{args.port}/r/"
        review_url = hall.settings.kiosk.review_url
        out.emit(
            {"url": page, "review_url": review_url, "hall": hall.code},
            out.t(
                f"手机评价页已启动：{page}<评价码>（按 Ctrl-C 停止）\n"
                f'票据二维码须指向本机：[kiosk] review_url = "{page}"（现为 {review_url}）',
                f"The phone page is up: {page}<review code> (Ctrl-C stops it)\n"
                f'The slip\'s QR code must point here: [kiosk] review_url = "{page}" '
                f"(now {review_url})",
            ),
        )
        sys.stdout.flush()
        try:
            server.run()  # uvicorn handles Ctrl-C: it stops taking requests and finishes
        except SystemExit:  # uvicorn could not listen (it said why)
            raise EnvironmentFault("web.cannot_listen", host=args.host, port=args.port) from None
    finally:
        hall.close()
    return 0


# -- plumbing ----------------------------------------------------------------------------


def _clock() -> Clock:
    """The system clock, or the fixed moment in ``YIMEN_NOW`` (ISO 8601 with its offset),
    for training and tests: ``YIMEN_NOW=2026-11-24T09:30+08:00 yimen ticket qy-sl``."""
    return clock_from_env(runs=False)


def _hall(args: argparse.Namespace) -> Hall:
    return Hall.connect(args.db, clock=_clock(), hall_code=args.hall)


def _global_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    """The options every sub-command takes. They may stand before the sub-command
    (``yimen --db URL kiosk``) or after it (``yimen kiosk --db URL``): the main parser
    holds the defaults, and a sub-command's copy only overrides what it was given."""

    def default(value: Any) -> Any:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--db",
        default=default(os.environ.get("YIMEN_DB") or None),
        help="数据库地址 (database URL)",
    )
    parser.add_argument("--hall", default=default(None), help="服务中心编号 (hall code)")
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=default(None),
        help="语言 (language; YIMEN_LANG)",
    )
    parser.add_argument(
        "--json", action="store_true", default=default(False), help="以 JSON 输出 (JSON output)"
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, defaults=False)

    parser = argparse.ArgumentParser(prog="yimen", description="一门 · 政务服务中心排队叫号系统")
    _global_options(parser, defaults=True)
    sub = parser.add_subparsers(dest="command", required=True)

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

    for name, helptext, run in (
        ("sign-in", "在窗口登录，之后才能叫号 (sign in at a window)", cmd_sign_in),
        ("sign-out", "从窗口退出 (sign out)", cmd_sign_out),
    ):
        p = sub.add_parser(name, parents=[common], help=helptext)
        p.add_argument("window", type=int, help="窗口号")
        p.add_argument("--clerk", required=True, help="工号")
        if name == "sign-out":
            p.add_argument(
                "--noon-reason",
                default=None,
                help="午间最后一个值班窗口离开的原因 (why the last noon-duty window leaves)",
            )
        p.set_defaults(run=run)

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

    reasons = ("leave", "study", "meeting", "business_trip", "lunch", "other")
    p = sub.add_parser("hand-over", parents=[common], help="AB岗：A 岗离岗交接 (hand over)")
    p.add_argument("window", type=int, help="窗口号")
    p.add_argument("--clerk", required=True, help="A 岗工号")
    p.add_argument("--reason", required=True, choices=reasons, help="离岗原因")
    p.add_argument("--back", default=None, help="预计回岗时间 HH:MM 或 YYYY-MM-DD HH:MM")
    p.add_argument("--note", default=None, help="说明（原因为 other 时必填）")
    p.add_argument(
        "--b-here", action="store_true", help="B 岗在场，输入 B 岗密码当场接手（连同在办的号）"
    )
    p.set_defaults(run=cmd_hand_over)
    p = sub.add_parser("step-in", parents=[common], help="AB岗：B 岗顶岗 (B steps in unasked)")
    p.add_argument("window", type=int, help="窗口号")
    p.add_argument("--clerk", required=True, help="B 岗工号（随后输入 B 岗密码）")
    p.add_argument("--reason", default="other", choices=reasons, help="A 岗离岗原因")
    p.add_argument("--note", default=None, help="说明")
    p.set_defaults(run=cmd_step_in)
    p = sub.add_parser("hand-back", parents=[common], help="AB岗：B 岗交还窗口 (give it back to A)")
    p.add_argument("window", type=int, help="窗口号")
    p.add_argument("--clerk", required=True, help="B 岗工号（随后输入 A 岗密码）")
    p.add_argument("--report", default=None, help="顶岗情况说明")
    p.set_defaults(run=cmd_hand_back)
    p = sub.add_parser("posts", parents=[common], help="AB岗：谁离岗、谁顶岗 (absences)")
    p.add_argument("--all", action="store_true", help="包括已回岗的 (returned ones too)")
    p.set_defaults(run=cmd_posts)

    p = sub.add_parser("notice", parents=[common], help="一次性告知单 (one-time notice)")
    p.add_argument("window", type=int, help="窗口号")
    p.add_argument("--clerk", required=True, help="工号（须已在该窗口登录）")
    p.add_argument(
        "--material",
        action="append",
        metavar="NAME",
        help="缺少的材料，写事项材料清单里的名称；可重复 (a missing material, repeatable)",
    )
    p.add_argument("--other", default=None, help="清单以外还需要的，用文字写明 (anything else)")
    p.add_argument(
        "--reprint", metavar="NUMBER", default=None, help="补打该号今天的告知单 (reprint)"
    )
    p.add_argument("--pdf", metavar="FILE", default=None, help="把告知单写入 PDF 文件")
    p.set_defaults(run=cmd_notice)

    p = sub.add_parser("status", parents=[common], help="事项与窗口状态")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("noon", parents=[common], help="午间值班：各功能区的综合窗口 (noon duty)")
    p.add_argument("--day", type=_day_arg, default=None, help="日期 YYYY-MM-DD，默认今天")
    p.set_defaults(run=cmd_noon)

    p = sub.add_parser("empty-posts", parents=[common], help="空岗：窗口无人超时 (empty posts)")
    p.add_argument("--day", type=_day_arg, default=None, help="日期 YYYY-MM-DD，默认今天")
    p.set_defaults(run=cmd_empty_posts)

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

    p = sub.add_parser(
        "overtime", parents=[common], help="延时服务月报与不予延时的审批 (extended hours)"
    )
    p.add_argument("--month", default=None, help="月份 YYYY-MM，默认本月 (month)")
    p.add_argument(
        "--declines", action="store_true", help="待审批的不予延时服务 (declines to decide)"
    )
    p.set_defaults(run=cmd_overtime)
    decide = p.add_subparsers(dest="overtime_command")
    for name, approved, helptext in (
        ("approve", True, "主管同意不予延时 (the refusal stands)"),
        ("reject", False, "主管驳回不予延时 (overrule the refusal)"),
    ):
        q = decide.add_parser(name, parents=[common], help=helptext)
        q.add_argument("id", type=int, help="不予延时服务的编号 (see --declines)")
        q.add_argument("--clerk", required=True, help="主管工号 (supervisor's code)")
        q.add_argument("--note", default=None, help="审批意见 (note)")
        q.set_defaults(run=cmd_overtime_decide, approved=approved)

    p = sub.add_parser("cases", parents=[common], help="差评整改：未结的件，超期在前")
    p.add_argument("--all", action="store_true", help="包括已办结的 (closed ones too)")
    p.set_defaults(run=cmd_cases)
    p = sub.add_parser("case", parents=[common], help="差评整改：一件的详情，或办理一步 (one case)")
    p.add_argument("id", type=int, help="整改件编号 (see yimen cases)")
    p.add_argument(
        "action",
        nargs="?",
        choices=tuple(ACTIONS),
        help="办理的一步；不写则显示详情 (the step; without it, the case in full)",
    )
    p.add_argument("--clerk", default=None, help="工号（随后输入密码）(your clerk code)")
    p.add_argument("--note", default=None, help="说明：整改措施、理由或回访情况 (note)")
    p.add_argument("--days", type=int, default=None, help="延期的工作日数 (extend: working days)")
    p.add_argument(
        "--result",
        choices=tuple(CALLBACK_RESULTS),
        default=None,
        help="回访结果 (callback: its result)",
    )
    p.set_defaults(run=cmd_case)
    p = sub.add_parser("reviews", parents=[common], help="好差评：按日或按月的评价与汇总 (reviews)")
    span = p.add_mutually_exclusive_group()
    span.add_argument("--month", default=None, help="月份 YYYY-MM，默认本月 (month)")
    span.add_argument("--day", type=_day_arg, default=None, help="日期 YYYY-MM-DD (one day)")
    p.add_argument(
        "--csv", metavar="FILE", default=None, help="导出为 CSV 文件（Excel 可直接打开）"
    )
    p.add_argument(
        "--scale",
        choices=("5-1", "1-5"),
        default="5-1",
        help="导出的评价代码：5-1 为非常满意 5，1-5 为非常满意 1 (level codes in the CSV)",
    )
    p.set_defaults(run=cmd_reviews)

    p = sub.add_parser("say", parents=[common], help="试听叫号语音 (speak a call)")
    p.add_argument("number", help="票号，例如 A001 (ticket number)")
    p.add_argument("window", type=int, help="窗口号 (window number)")
    p.add_argument("--wav", metavar="FILE", help="写入 WAV 文件而不播放 (write a WAV, do not play)")
    p.set_defaults(run=cmd_say)

    p = sub.add_parser("kiosk", parents=[common], help="自助取号机 (the ticket kiosk)")
    p.add_argument("app_args", nargs=argparse.REMAINDER, help="取号机的选项，见 yimen kiosk -h")
    p.set_defaults(run=cmd_app("kiosk.app"))

    p = sub.add_parser("counter", parents=[common], help="窗口叫号 (a clerk's console)")
    p.add_argument("app_args", nargs=argparse.REMAINDER, help="--window N，见 yimen counter -h")
    p.set_defaults(run=cmd_app("counter.app"))

    p = sub.add_parser("display", parents=[common], help="大厅综合屏与窗口屏 (the lobby display)")
    p.add_argument(
        "app_args", nargs=argparse.REMAINDER, help="--window N 为窗口屏，见 yimen display -h"
    )
    p.set_defaults(run=cmd_app("kiosk.display_app"))

    p = sub.add_parser("evaluator", parents=[common], help="窗口评价器 (the window's rating pad)")
    p.add_argument("app_args", nargs=argparse.REMAINDER, help="--window N，见 yimen evaluator -h")
    p.set_defaults(run=cmd_app("kiosk.evaluator"))

    p = sub.add_parser("demo", parents=[common], help="打开示范服务中心 (the demo hall)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--headless",
        action="store_true",
        help="不开窗口：各画面存为 PNG、取号单 PDF、叫号 WAV (no screen: files instead)",
    )
    mode.add_argument(
        "--morning", action="store_true", help="在终端模拟一个上午 (a simulated morning)"
    )
    p.add_argument("--out", default="demo-out", help="--headless 的输出文件夹 (default demo-out)")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("serve", parents=[common], help="手机评价页 (the phone page of the QR code)")
    p.add_argument("--host", default="0.0.0.0", help="监听地址 (default 0.0.0.0: every network)")
    p.add_argument("--port", type=int, default=8080, help="端口 (default 8080)")
    p.add_argument(
        "--trusted-proxy",
        metavar="IP",
        default=None,
        help="反向代理的地址：只信任它的 X-Forwarded-For (the reverse proxy's address)",
    )
    p.set_defaults(run=cmd_serve)
    return parser


def _log_path() -> Path:
    return Path(platformdirs.user_log_dir("yimen", appauthor=False)) / "yimen.log"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # The apps' own options (yimen kiosk --size 1080x1920) are theirs to read: argparse's
    # REMAINDER does not take an option that comes first, so they are collected here.
    args, extra = parser.parse_known_args(argv)
    if extra:
        if not hasattr(args, "app_args"):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.app_args = [*extra, *args.app_args]
    out = Out(args.lang or os.environ.get("YIMEN_LANG") or "zh", args.json)
    try:
        result: int = args.run(args, out)
        return result
    except ConfigError as exc:
        print(exc.message(out.lang), file=sys.stderr)
        return EXIT_REFUSED
    except YimenError as exc:
        print(exc.message(out.lang), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading
        sys.stderr.close()
        return 0
    except Exception:
        path = _log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=path, level=logging.ERROR)
        log.exception("yimen %s failed", args.command)
        print(
            out.t(
                f"程序内部错误，详情已记录到 {path}",
                f"Internal error; details were logged to {path}",
            ),
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["build_parser", "default_url", "main"]
