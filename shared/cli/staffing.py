"""``yimen`` commands of the staffing rules: sign-in, AB posts, noon duty, empty posts,
the one-time notice and extended hours."""

from __future__ import annotations

import argparse
from datetime import datetime, time, tzinfo
from pathlib import Path
from typing import Any

from shared.base.errors import EnvironmentFault, HallError
from shared.cli.common import (
    MONTHS,
    Out,
    ask_password,
    day_arg,
    hall_of,
    month_arg,
    reason_words,
    span_text,
)
from shared.devices.printing import notice_pdf
from shared.hall import Hall, NoticeInfo
from shared.rules.overtime import DeclineInfo


def cmd_sign_in(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        me = hall.sign_in(args.clerk, ask_password(out), args.window)
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
    with hall_of(args) as hall:
        hall.sign_out(args.clerk, args.window, noon_reason=args.noon_reason)
        out.emit(
            {"window": args.window, "clerk": args.clerk, "signed_out": True},
            out.t(
                f"工号 {args.clerk} 已从 {args.window} 号窗口退出。",
                f"Clerk {args.clerk} signed out of window {args.window}.",
            ),
        )
    return 0


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
    with hall_of(args) as hall:
        password = ask_password(out) if args.b_here else None
        moved = hall.hand_over(
            args.window,
            args.clerk,
            args.reason,
            expected_return=_when(hall, args.back),
            note=args.note,
            b_password=password,
        )
        why = reason_words(out, moved.reason)
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
    with hall_of(args) as hall:
        moved = hall.step_in(
            args.window, args.clerk, ask_password(out), args.reason, note=args.note
        )
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
    with hall_of(args) as hall:
        moved = hall.hand_back(args.window, args.clerk, ask_password(out), report=args.report)
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
    with hall_of(args) as hall:
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
                f"  {a.window:>3} {a.a_name}（{a.a_code}） {left} {reason_words(out, a.reason)}"
                f"{back} · {out.t('顶岗', 'covered by')} {cover} · {state}"
            )
        out.emit(away, "\n".join(lines))
    return 0


def cmd_notice(args: argparse.Namespace, out: Out) -> int:
    """The one-time notice (一次性告知) for the ticket in hand, or a reprint of one."""
    with hall_of(args) as hall:
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


_NOON_STATES = {
    "ahead": ("尚未开始", "not begun"),
    "in_progress": ("进行中", "in progress"),
    "over": ("已结束", "over"),
}


def cmd_noon(args: argparse.Namespace, out: Out) -> int:
    """The noon duty of a day per zone: covered or not, the windows and when they served,
    the gaps."""
    with hall_of(args) as hall:
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
    period = span_text(out, tz, noon.start, noon.end)
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
            served = "、".join(span_text(out, tz, sp.start, sp.end) for sp in w.served)
            if not served:
                served = "—" if noon.state == "ahead" else out.t("未办理", "did not serve")
            lines.append(
                out.t(
                    f"  {w.window}号窗口 {w.name}：{served}",
                    f"  window {w.window} {w.name}: {served}",
                )
            )
        if z.gaps:
            gaps = "、".join(span_text(out, tz, g.start, g.end) for g in z.gaps)
            lines.append(out.t(f"  空档：{gaps}", f"  gaps: {gaps}"))
    out.emit(noon, "\n".join(lines))
    return 0


def cmd_empty_posts(args: argparse.Namespace, out: Out) -> int:
    """The day's empty posts (空岗): windows with a post left without a clerk too long."""
    with hall_of(args) as hall:
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
        span = span_text(out, tz, e.start, e.end)
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


def cmd_overtime(args: argparse.Namespace, out: Out) -> int:
    """The month's extended services (延时服务) per window and per clerk, or the
    refusals waiting for a supervisor's decision."""
    with hall_of(args) as hall:
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
        year, month = month_arg(args.month, hall)
        report = hall.overtime_month(year, month)
    n = report.count
    lines = [
        out.t(
            f"{month}月份延时服务{n}件，共{report.minutes}分钟",
            f"{MONTHS[month - 1]} {year}: {n} extended service{'' if n == 1 else 's'}, "
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
    with hall_of(args) as hall:
        d = hall.decide_decline(args.id, args.clerk, ask_password(out), args.approved, args.note)
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


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
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

    p = sub.add_parser("noon", parents=[common], help="午间值班：各功能区的综合窗口 (noon duty)")
    p.add_argument("--day", type=day_arg, default=None, help="日期 YYYY-MM-DD，默认今天")
    p.set_defaults(run=cmd_noon)

    p = sub.add_parser("empty-posts", parents=[common], help="空岗：窗口无人超时 (empty posts)")
    p.add_argument("--day", type=day_arg, default=None, help="日期 YYYY-MM-DD，默认今天")
    p.set_defaults(run=cmd_empty_posts)

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
