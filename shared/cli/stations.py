"""``yimen`` commands that start a station or a server: say, the Qt apps, the demo and
the phone page."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import make_url

from shared.base.errors import EnvironmentFault, YimenError
from shared.cli import upkeep
from shared.cli.common import (
    EXIT_REFUSED,
    Out,
    hall_of,
)
from shared.config.hall_file import VoiceConfig
from shared.demo import run as demo
from shared.devices.announcer import Announcer, Outcome
from shared.devices.speech import call_words
from shared.devices.voice import Voice, write_wav
from shared.hall import Hall, default_url, worth_waiting
from shared.phone import create_app
from shared.phone.server import config, lan_address


def cmd_say(args: argparse.Namespace, out: Out) -> int:
    """Speak a call as this station would: for hall IT to test the voice, and for tests."""
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
        lines = [words.text, out.say("cli.say.spoken", speech=words.speech)]
        if args.wav:
            pcm = voice.render_call(words)
            write_wav(Path(args.wav), pcm)
            data.update(wav=str(args.wav), seconds=round(pcm.seconds, 2), played=False)
            lines.append(out.say("cli.say.wav_written", path=args.wav, seconds=pcm.seconds))
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
            lines.append(out.say("cli.say.played", seconds=seconds))
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
        with hall_of(args) as hall:
            return hall.settings.voice
    except YimenError as exc:
        if exc.code not in ("db.not_initialised", "db.too_old", "hall.none"):
            raise
    print(out.say("cli.say.default_voice"), file=sys.stderr)
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
    return demo.run_demo(args, out.lang, out.json)


def cmd_serve(args: argparse.Namespace, out: Out) -> int:
    """The phone page (码上监督) the ticket's QR code opens, on uvicorn, until Ctrl-C."""
    import uvicorn

    hall = _hall_when_it_answers(args, out)
    nightly = None
    try:
        nightly = upkeep.start_nightly(args, out)  # with --backup-dir: a dated backup a day
        server = uvicorn.Server(
            config(create_app(hall), args.host, args.port, trusted_proxy=args.trusted_proxy)
        )
        where = lan_address() if args.host in ("0.0.0.0", "::", "") else args.host
        page = f"http://{where}:{args.port}/r/"
        review_url = hall.settings.kiosk.review_url
        out.emit(
            {"url": page, "review_url": review_url, "hall": hall.code},
            out.say("cli.serve.started", page=page)
            + "\n"
            + out.say("cli.serve.review_url", page=page, review_url=review_url),
        )
        sys.stdout.flush()
        try:
            server.run()  # uvicorn handles Ctrl-C: it stops taking requests and finishes
        except SystemExit:  # uvicorn could not listen (it said why)
            raise EnvironmentFault("web.cannot_listen", host=args.host, port=args.port) from None
    finally:
        if nightly is not None:
            nightly.stop()
        hall.close()
    return 0


#: How long `yimen serve` waits before asking a server that did not answer again.
AGAIN_S = 3.0


def _hall_when_it_answers(args: argparse.Namespace, out: Out) -> Hall:
    """The hall, once its database answers. ``yimen serve`` is a service that may start
    before the database server (a power cut brings both up at once): it says what it is
    trying and why it failed, once per new reason, and tries again until the server
    answers (or the database is upgraded: `shared.hall.worth_waiting`). A refusal that
    waiting cannot mend (a wrong password, no such hall) is
    raised at once, as for every command."""
    said = None
    while True:
        try:
            hall = hall_of(args)
        except YimenError as exc:
            if not worth_waiting(exc):
                raise
            why = exc.message(out.lang)
            target = _shown(args.db or default_url())
            if why != said:
                print(
                    out.say("cli.serve.waiting", target=target, why=why, seconds=f"{AGAIN_S:g}"),
                    file=sys.stderr,
                    flush=True,
                )
                said = why
            time.sleep(AGAIN_S)
            continue
        if said is not None:
            print(
                out.say("cli.serve.connected", target=_shown(args.db or default_url())),
                file=sys.stderr,
                flush=True,
            )
        return hall


def _shown(url: str) -> str:
    """The database's address as a person reads it: as given, without its password."""
    return make_url(url).render_as_string(hide_password=True)


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
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
    upkeep.add_nightly_options(p)
    p.set_defaults(run=cmd_serve)
