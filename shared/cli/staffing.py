"""``yimen`` commands of the staffing rules: sign-in, AB posts, noon duty, empty posts,
the one-time notice and extended hours."""

from __future__ import annotations

import argparse
from datetime import datetime, time, tzinfo
from pathlib import Path
from typing import Any

from shared.base.errors import EnvironmentFault, HallError
from shared.base.messages import word
from shared.cli.common import (
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
        post = out.say("cli.sign_in.post", post=me.post) if me.post else ""
        text = out.say(
            "cli.sign_in.done", name=me.name, clerk=me.clerk, window=me.window, post=post
        )
        if me.ticket_in_hand:
            text += "\n" + out.say("cli.sign_in.ticket_in_hand", number=me.ticket_in_hand)
        out.emit(me, text)
    return 0


def cmd_sign_out(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        hall.sign_out(args.clerk, args.window, noon_reason=args.noon_reason)
        out.emit(
            {"window": args.window, "clerk": args.clerk, "signed_out": True},
            out.say("cli.sign_out.done", clerk=args.clerk, window=args.window),
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
        text = out.say(
            "cli.hand_over.to_b" if moved.to_clerk else "cli.hand_over.left",
            window=args.window,
            from_clerk=moved.from_clerk,
            to_clerk=moved.to_clerk,
            why=why,
        )
        if moved.ticket:
            text += "\n" + out.say("cli.hand_over.ticket", number=moved.ticket)
        out.emit(moved, text)
    return 0


def cmd_step_in(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        moved = hall.step_in(
            args.window, args.clerk, ask_password(out), args.reason, note=args.note
        )
        out.emit(
            moved,
            out.say(
                "cli.step_in.done",
                to_clerk=moved.to_clerk,
                window=args.window,
                from_clerk=moved.from_clerk,
            ),
        )
    return 0


def cmd_hand_back(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        moved = hall.hand_back(args.window, args.clerk, ask_password(out), report=args.report)
        served = out.listed(moved.served) or out.say("cli.hand_back.none")
        out.emit(
            moved,
            out.say(
                "cli.hand_back.done", window=args.window, to_clerk=moved.to_clerk, served=served
            ),
        )
    return 0


def cmd_posts(args: argparse.Namespace, out: Out) -> int:
    with hall_of(args) as hall:
        away = hall.absences(open_only=not args.all)
        tz = hall.settings.tz
        lines = [out.say("cli.posts.heading" if away else "cli.posts.nobody_away")]
        for a in away:
            left = f"{a.left_at.astimezone(tz):%m-%d %H:%M}" if a.left_at else ""
            back = (
                out.say("cli.posts.back_at", at=a.expected_return.astimezone(tz))
                if a.expected_return
                else ""
            )
            lines.append(
                out.say(
                    "cli.posts.line",
                    window=a.window,
                    name=a.a_name,
                    code=a.a_code,
                    left=left,
                    reason=reason_words(out, a.reason),
                    back=back,
                    cover=a.covered_by or out.say("cli.posts.not_covered"),
                    status=out.say("cli.posts.away" if a.away else "cli.posts.back"),
                )
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
        text += "\n" + out.say("cli.notice.written", paper=paper, path=path)
    out.emit(info, text)
    return 0


def _notice_text(out: Out, n: NoticeInfo) -> str:
    again = out.say("cli.notice.reprint") if n.reprint else ""
    lines = [
        out.say(
            "cli.notice.head",
            serial=n.serial,
            again=again,
            number=n.number,
            service=n.service_name,
            window=n.window_no,
            clerk_name=n.clerk_name,
            clerk_code=n.clerk_code,
            at=n.at,
        ),
        out.say("cli.notice.missing", count=len(n.materials) + (1 if n.other else 0)),
    ]
    lines += [f"  {i}. {m}" for i, m in enumerate(n.materials, 1)]
    if n.other:
        lines.append(out.say("cli.notice.other", index=len(n.materials) + 1, text=n.other))
    windows = out.listed(n.windows) or "—"
    if not n.reprint:
        lines.append(out.say("cli.notice.held", number=n.number, windows=windows))
    return "\n".join(lines)


def cmd_noon(args: argparse.Namespace, out: Out) -> int:
    """The noon duty of a day per zone: covered or not, the windows and when they served,
    the gaps."""
    with hall_of(args) as hall:
        noon = hall.noon_coverage(args.day)
        tz = hall.settings.tz
    if noon.start is None or noon.end is None:
        out.emit(
            noon,
            out.say("cli.noon.none", day=noon.day),
        )
        return 0
    period = span_text(out, tz, noon.start, noon.end)
    lines = [
        out.say(
            "cli.noon.head",
            day=noon.day,
            period=period,
            needed=noon.needed,
            phase=word("cli.noon.phase", noon.state, out.lang),
        )
    ]
    for z in noon.zones:
        verdict = out.say("cli.noon.covered" if z.covered else "cli.noon.not_covered")
        lines.append(out.say("cli.noon.zone", name=z.name, code=z.code, verdict=verdict))
        for w in z.windows:
            served = out.listed(span_text(out, tz, sp.start, sp.end) for sp in w.served)
            if not served:
                served = "—" if noon.state == "ahead" else out.say("cli.noon.did_not_serve")
            lines.append(out.say("cli.noon.window", window=w.window, name=w.name, served=served))
        if z.gaps:
            gaps = out.listed(span_text(out, tz, g.start, g.end) for g in z.gaps)
            lines.append(out.say("cli.noon.gaps", gaps=gaps))
    out.emit(noon, "\n".join(lines))
    return 0


def cmd_empty_posts(args: argparse.Namespace, out: Out) -> int:
    """The day's empty posts (空岗): windows with a post left without a clerk too long."""
    with hall_of(args) as hall:
        day = args.day or hall.settings.business_day(hall.now())
        found = hall.empty_posts(day)
        tz = hall.settings.tz
        limit = hall.settings.staffing.empty_post_minutes
    lines = [out.say("cli.empty_posts.head", day=day, limit=limit)]
    for e in found:
        span = span_text(out, tz, e.start, e.end)
        mark = out.say("cli.empty_posts.recorded") if e.recorded else ""
        if e.end is None:
            mark += out.say("cli.empty_posts.still_nobody")
        lines.append(
            out.say(
                "cli.empty_posts.line",
                window=e.window,
                name=e.name,
                span=span,
                minutes=e.minutes,
                mark=mark,
            )
        )
    if not found:
        lines.append(out.say("cli.empty_posts.none"))
    out.emit({"day": day, "limit_minutes": limit, "empty_posts": found}, "\n".join(lines))
    return 0


def _decline_line(out: Out, d: DeclineInfo, tz: tzinfo) -> str:
    at = d.at.astimezone(tz)
    who = out.say("cli.decline.who", window=d.window_no, name=d.clerk_name, code=d.clerk_code)
    number = f" {d.number}" if d.number else ""
    state = word("cli.decline.state", d.state, out.lang)
    if d.decided_by is not None and d.decided_at is not None:
        note = out.say("cli.decline.note", note=d.decision_note) if d.decision_note else ""
        state += out.say(
            "cli.decline.decided", clerk=d.decided_by, at=d.decided_at.astimezone(tz), note=note
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
                out.say("cli.overtime.no_declines")
            ]
            out.emit(pending, "\n".join(lines))
            return 0
        year, month = month_arg(args.month, hall)
        report = hall.overtime_month(year, month)
    lines = [
        out.say_count(
            report.count,
            "cli.overtime.month.one",
            "cli.overtime.month.other",
            month=word("cli.month", str(month), out.lang),
            year=year,
            minutes=report.minutes,
        )
    ]
    if report.by_window:
        lines.append(out.say("cli.overtime.by_window"))
        for r in report.by_window:
            lines.append(
                out.say(
                    "cli.overtime.window",
                    window=r.key,
                    name=r.name,
                    count=r.count,
                    minutes=r.minutes,
                )
            )
        lines.append(out.say("cli.overtime.by_clerk"))
        for r in report.by_clerk:
            lines.append(
                out.say(
                    "cli.overtime.clerk", name=r.name, clerk=r.key, count=r.count, minutes=r.minutes
                )
            )
    if report.declines:
        waiting = sum(1 for d in report.declines if d.state == "pending")
        lines.append(out.say("cli.overtime.declines", count=len(report.declines), waiting=waiting))
        lines.extend("  " + _decline_line(out, d, tz) for d in report.declines)
    out.emit(report, "\n".join(lines))
    return 0


def cmd_overtime_decide(args: argparse.Namespace, out: Out) -> int:
    """A supervisor approves a refusal (it stands) or overrules it, with their password."""
    with hall_of(args) as hall:
        d = hall.decide_decline(args.id, args.clerk, ask_password(out), args.approved, args.note)
        out.emit(
            d,
            out.say(
                "cli.overtime.decided",
                id=d.id,
                verdict=out.say(
                    "cli.overtime.approved" if d.state == "approved" else "cli.overtime.overruled"
                ),
                clerk=d.decided_by,
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
