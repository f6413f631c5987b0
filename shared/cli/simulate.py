"""``yimen simulate``: days of a hall's traffic played through the core's own operations
with a moving clock, the same days again from the same seed (`shared.demo.traffic`).

The clerks sign in with their passwords: the demo hall's are known; for another hall,
``--password`` gives one for every clerk, or ``--config`` the hall's file with their
initial passwords. The simulation writes only days the hall has no tickets of yet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shared.base.clock import FixedClock
from shared.cli.common import EXIT_REFUSED, Out, clock, day_arg, positive
from shared.config.hall_file import WEEKDAYS
from shared.demo.traffic import (
    DayReport,
    latest_ticket_day,
    passwords_for,
    simulate,
    supervisor_of,
)
from shared.demo.traffic_plan import default_first_day, open_days, staffed_windows
from shared.hall import Hall

#: What the totals add up, of each day's report.
TOTALS = (
    "issued",
    "refused",
    "served",
    "no_shows",
    "expired",
    "reviews",
    "bad_reviews",
    "cases_opened",
    "case_steps",
    "hand_overs",
    "extended",
    "operations",
)


def _day_line(out: Out, r: DayReport) -> str:
    if r.copy_of is not None:
        return out.say(
            "cli.simulate.copied",
            day=r.day.isoformat(),
            weekday=WEEKDAYS[r.day.weekday()],
            source=r.copy_of.isoformat(),
            issued=r.issued,
            seconds=r.seconds,
        )
    return out.say(
        "cli.simulate.day",
        day=r.day.isoformat(),
        weekday=WEEKDAYS[r.day.weekday()],
        issued=r.issued,
        served=r.served,
        no_shows=r.no_shows,
        reviews=r.reviews,
        seconds=r.seconds,
    )


def cmd_simulate(args: argparse.Namespace, out: Out) -> int:
    now = clock().now()
    hall_clock = FixedClock(now)
    with Hall.connect(args.db, clock=hall_clock, hall_code=args.hall) as hall:
        settings = hall.settings
        config = Path(args.config) if args.config else None
        passwords = passwords_for(settings, password=args.password, config=config)
        if passwords is None:
            print(out.say("cli.simulate.password_needed", hall=hall.code), file=sys.stderr)
            return EXIT_REFUSED
        if not staffed_windows(settings, passwords):
            print(out.say("cli.simulate.no_windows", hall=hall.code), file=sys.stderr)
            return EXIT_REFUSED
        first = args.first or default_first_day(settings, settings.business_day(now))
        first = next(open_days(settings, first))
        latest = latest_ticket_day(hall, first)
        if latest is not None:
            print(out.say("cli.simulate.has_tickets", hall=hall.code, day=latest), file=sys.stderr)
            return EXIT_REFUSED
        if supervisor_of(settings, passwords) is None and not out.json:
            print(out.say("cli.simulate.no_supervisor"), file=sys.stderr)

        def progress(r: DayReport) -> None:
            if not out.json:
                print(_day_line(out, r), file=sys.stderr, flush=True)

        reports = simulate(
            hall,
            hall_clock,
            first,
            args.days,
            args.seed,
            passwords,
            scale=args.scale,
            progress=progress,
            bulk=args.bulk,
        )
    totals = {key: sum(getattr(r, key) for r in reports) for key in TOTALS}
    seconds = sum(r.seconds for r in reports) / len(reports)
    last = reports[-1].day
    text = "\n".join(
        (
            out.say_count(
                len(reports),
                "cli.simulate.done.one",
                "cli.simulate.done.other",
                first=first,
                last=last,
                seed=args.seed,
                issued=totals["issued"],
                served=totals["served"],
                no_shows=totals["no_shows"],
                expired=totals["expired"],
                reviews=totals["reviews"],
                bad=totals["bad_reviews"],
                extended=totals["extended"],
                hand_overs=totals["hand_overs"],
            ),
            out.say("cli.simulate.speed", operations=totals["operations"], seconds=seconds),
        )
    )
    data = {
        "hall": hall.code,
        "seed": args.seed,
        "scale": args.scale,
        "first": first,
        "last": last,
        "totals": totals,
        "seconds_per_day": round(seconds, 3),
        "days": reports,
    }
    out.emit(data, text)
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-command of this group, on the ``yimen`` parser."""
    p = sub.add_parser(
        "simulate",
        parents=[common],
        help="模拟若干个开放日的办事群众与窗口 (simulated traffic, reproducible from --seed)",
    )
    p.add_argument(
        "--days",
        type=positive(int, "cli.simulate.positive"),
        required=True,
        metavar="N",
        help="开放日天数 (days the hall opens)",
    )
    p.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        type=day_arg,
        default=None,
        help="第一天 YYYY-MM-DD (default: the 30th open day before today)",
    )
    p.add_argument("--seed", default="1", help="随机种子 (seed; default 1)")
    p.add_argument(
        "--scale",
        type=positive(float, "cli.simulate.positive"),
        default=1.0,
        help="平常一天人数的倍数 (share of a usual day's citizens; default 1)",
    )
    p.add_argument(
        "--bulk",
        type=positive(int, "cli.simulate.positive"),
        default=None,
        metavar="K",
        help=(
            "每种作息只逐笔模拟前 K 天，其余开放日批量写入其中一天的同样记录"
            " (play K days of each kind of opening hours, copy them in bulk onto the others)"
        ),
    )
    p.add_argument(
        "--password",
        default=None,
        help="所有工作人员的密码 (every clerk's password; the demo hall's are known)",
    )
    p.add_argument(
        "--config",
        default=None,
        metavar="FILE",
        help="写有初始密码的服务中心配置文件 (the hall's file with the clerks' passwords)",
    )
    p.set_defaults(run=cmd_simulate)
