"""``yimen`` commands of the good and bad reviews: the cases, one case's steps, and the
reviews of a day or a month with their CSV export."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from datetime import date, timedelta, tzinfo
from pathlib import Path
from typing import Any

from shared.base.errors import HallError
from shared.base.messages import word
from shared.cli.common import (
    EXIT_REFUSED,
    Out,
    ask_password,
    day_arg,
    hall_of,
    month_arg,
    plain,
)
from shared.devices.exports import write_reviews_csv
from shared.hall import Hall
from shared.rules.reviews import (
    ACTIONS,
    CALLBACK_RESULTS,
    CHANNEL_WORDS,
    DIMENSIONS,
    CaseInfo,
    ReviewInfo,
    export_code,
    level_words,
    reason_words,
    step_words,
)
from shared.store.model import ReviewLevel


def _days_words(out: Out, days_left: int) -> str:
    """``剩 5 天`` / ``超期 2 天``: how long a case has left until its deadline."""
    if days_left < 0:
        return out.say_count(-days_left, "cli.case.overdue.one", "cli.case.overdue.other")
    if days_left == 0:
        return out.say("cli.case.due_today")
    return out.say_count(days_left, "cli.case.days_left.one", "cli.case.days_left.other")


def _case_state(out: Out, state: str) -> str:
    return word("case_state", state, out.lang)


def _window_clerk(out: Out, review: ReviewInfo) -> str:
    where = (
        out.say("cli.review.window", window=review.window_no)
        if review.window_no is not None
        else out.say("cli.review.no_window")
    )
    if review.clerk_code is None:
        return where
    return where + out.say("cli.review.clerk", name=review.clerk_name, code=review.clerk_code)


def _why(out: Out, review: ReviewInfo) -> str:
    """The level in words and the reasons: ``不满意：服务态度不好``."""
    level = level_words(review.level, out.lang)
    reasons = reason_words(review.reasons, out.lang)
    if not reasons and review.text:
        reasons = f"“{review.text[:20]}{'…' if len(review.text) > 20 else ''}”"
    return out.say("cli.review.why", rating=level, reasons=reasons) if reasons else level


def _callback_words(out: Out, c: CaseInfo) -> str:
    if not c.callback_needed:
        return ""
    return out.say("cli.case.callback_due" if c.called_back_at is None else "cli.case.called_back")


def _case_when(out: Out, c: CaseInfo, tz: tzinfo) -> str:
    if c.open or c.closed_at is None:
        return out.say("cli.case.due", left=_days_words(out, c.days_left), due=c.due)
    return out.say("cli.case.closed", at=c.closed_at.astimezone(tz))


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
    text = out.say("cli.cases.open", open=len(still), late=late)
    if len(still) != len(cases):
        text = out.say("cli.cases.in_all", count=len(cases)) + text
    return text


def cmd_cases(args: argparse.Namespace, out: Out) -> int:
    """The bad-review cases (差评整改), overdue first: open ones, or all."""
    with hall_of(args) as hall:
        found = hall.cases(open_only=not args.all)
        tz = hall.settings.tz
    lines = [_case_line(out, c, tz) for c in found]
    if not found:
        lines.append(out.say("cli.cases.none" if args.all else "cli.cases.none_open"))
    else:
        lines.append(_case_summary(out, found))
    data = {
        "open": sum(1 for c in found if c.open),
        "overdue": sum(1 for c in found if c.overdue),
        "cases": [{**plain(c), "overdue": c.overdue} for c in found],
    }
    out.emit(data, "\n".join(lines))
    return 0


def _case_text(out: Out, c: CaseInfo, tz: tzinfo) -> str:
    r = c.review
    extended = out.say("cli.case.extended", days=c.extended_days) if c.extended_days else ""
    channel = CHANNEL_WORDS.get(r.channel, (r.channel, r.channel))
    lines = [
        out.say(
            "cli.case.head",
            id=c.id,
            case_state=c.state,
            when=_case_when(out, c, tz),
            extended=extended,
        ),
        out.say(
            "cli.case.ticket",
            number=r.number,
            service=r.service_name,
            where=_window_clerk(out, r),
            day=r.business_day,
        ),
        out.say(
            "cli.case.review", why=_why(out, r), channel=out.pick(channel), at=r.at.astimezone(tz)
        ),
    ]
    if r.text:
        lines.append(out.say("cli.case.citizen_words", text=r.text))
    if r.dimensions:
        dims = [
            f"{out.pick(DIMENSIONS[k]) if k in DIMENSIONS else k} {level_words(v, out.lang)}"
            for k, v in r.dimensions
        ]
        lines.append(out.say("cli.case.aspects", aspects=out.say("cli.case.aspect_sep").join(dims)))
    if c.callback_needed:
        contact = " ".join(p for p in (c.name, c.phone) if p)
        if c.called_back_at is None:
            callback = out.say("cli.case.callback_pending")
        else:
            result = CALLBACK_RESULTS.get(c.callback_result or "", ("", ""))
            callback = out.say(
                "cli.case.callback_done",
                at=c.called_back_at.astimezone(tz),
                result=out.pick(result),
            )
        lines.append(out.say("cli.case.real_name", contact=contact, callback=callback))
    lines.append(out.say("cli.case.steps"))
    for step in c.steps:
        who = (
            out.say("cli.case.step_clerk", name=step.clerk_name, code=step.clerk_code)
            if step.clerk_code
            else out.say("cli.case.step_review")
        )
        action = word("case_action", step.action, out.lang)
        moved = (
            f"{_case_state(out, step.from_state)} → {_case_state(out, step.to_state)}"
            if step.from_state and step.from_state != step.to_state
            else _case_state(out, step.to_state)
        )
        note = step_words(step, out.lang)
        lines.append(
            f"  {step.at.astimezone(tz):%Y-%m-%d %H:%M}  {who}  {action}  {moved}"
            + (out.say("cli.case.step_note", note=note) if note else "")
        )
    return "\n".join(lines)


def cmd_case(args: argparse.Namespace, out: Out) -> int:
    """One case in full; with an action, one step of it by a clerk proven by their password."""
    with hall_of(args) as hall:
        tz = hall.settings.tz
        if args.action is None:
            c = hall.case(args.id)
            out.emit(c, _case_text(out, c, tz))
            return 0
        if not args.clerk:
            print(out.say("cli.case.need_clerk"), file=sys.stderr)
            return EXIT_REFUSED
        c = hall.case_action(
            args.id,
            args.action,
            args.clerk,
            password=ask_password(out),
            note=args.note,
            days=args.days,
            callback_result=args.result,
        )
    out.emit(
        c,
        out.say(
            "cli.case.step_done",
            id=c.id,
            action=args.action,
            clerk=args.clerk,
            case_state=c.state,
            when=_case_when(out, c, tz),
        ),
    )
    return 0


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1f}%"


def _reviews_span(args: argparse.Namespace, hall: Hall) -> tuple[date, date, str]:
    """The business days asked for (``--day``, or ``--month``: default this month)."""
    if args.day is not None:
        return args.day, args.day, str(args.day)
    year, month = month_arg(args.month, hall)
    if not 1 <= month <= 12 or not 2000 <= year <= 9999:
        raise HallError("overtime.bad_month", month=args.month)
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return first, last, f"{year}-{month:02d}"


def cmd_reviews(args: argparse.Namespace, out: Out) -> int:
    """A day's or a month's reviews with a summary per level and per window; ``--csv``
    writes them for another system, the level's code on the scale it wants."""
    with hall_of(args) as hall:
        first, last, span = _reviews_span(args, hall)
        summary = hall.review_summary(first, last)
        tz = hall.settings.tz
    found, total, good = summary.reviews, summary.count, summary.good
    lines = [
        out.say_count(
            total,
            "cli.reviews.head.one",
            "cli.reviews.head.other",
            span=span,
            share=_percent(summary.good_share),
        )
    ]
    for r in found:
        lines.append(
            f"  {r.at.astimezone(tz):%Y-%m-%d %H:%M}  {r.number} {r.service_name}  "
            f"{_window_clerk(out, r)}  {_why(out, r)}"
            + (out.say("cli.reviews.case", id=r.case_id) if r.case_id else "")
        )
    if total:
        lines.append(out.say("cli.reviews.by_level"))
        for lc in summary.by_level:
            lines.append(
                out.say(
                    "cli.reviews.level",
                    rating=level_words(lc.level, out.lang),
                    count=lc.count,
                    share=_percent(lc.share),
                )
            )
        lines.append(out.say("cli.reviews.by_window"))
        for wc in summary.by_window:
            where = (
                out.say("cli.reviews.window", window=wc.window, name=wc.name)
                if wc.window is not None
                else out.say("cli.reviews.no_window")
            )
            lines.append(
                out.say(
                    "cli.reviews.window_line",
                    where=where,
                    count=wc.count,
                    share=_percent(wc.good_share),
                )
            )
    data: dict[str, Any] = {
        "first": first,
        "last": last,
        "count": total,
        "good": good,
        "good_share": summary.good_share,
        "by_level": [
            {**dataclasses.asdict(lc), "words": level_words(lc.level, out.lang)}
            for lc in summary.by_level
        ],
        "by_window": summary.by_window,
        "reviews": found,
        "csv": None,
    }
    if args.csv:
        path = Path(args.csv)
        write_reviews_csv(path, found, args.scale, out.lang, tz)
        data.update(csv=str(path), scale=args.scale)
        best = export_code(ReviewLevel.VERY_SATISFIED, args.scale)
        lines.append(
            out.say("cli.reviews.csv_written", path=path, count=total, scale=args.scale, best=best)
        )
    out.emit(data, "\n".join(lines))
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
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
    span.add_argument("--day", type=day_arg, default=None, help="日期 YYYY-MM-DD (one day)")
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
