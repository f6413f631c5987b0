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
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import platformdirs

from shared.clock import Clock, clock_from_env
from shared.config import DEMO_HALL_PATH, ConfigError, VoiceConfig, load_hall_config
from shared.errors import EnvironmentFault, HallError, YimenError
from shared.feed import FeedEvent
from shared.hall import AppointmentInfo, Hall, TicketInfo, default_url, init_hall
from shared.messages import STATE_NAMES

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
        hall.sign_out(args.clerk, args.window)
        out.emit(
            {"window": args.window, "clerk": args.clerk, "signed_out": True},
            out.t(
                f"工号 {args.clerk} 已从 {args.window} 号窗口退出。",
                f"Clerk {args.clerk} signed out of window {args.window}.",
            ),
        )
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
