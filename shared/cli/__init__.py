"""The ``yimen`` command, for installers and hall IT.

Every sub-command takes ``--db URL`` (or the ``YIMEN_DB`` variable; default: the
embedded SQLite file in the user's data folder), ``--hall CODE`` when a database
holds several halls, ``--lang zh|en`` and ``--json``. A fault a person can act on
(a bad URL, an unreachable server, a wrong password, an unknown service or
window) prints one sentence and exits with status 2; a bug prints where its
trace was logged and exits with status 70.

One module per group of commands (`tickets`, `staffing`, `reviews`, `stations`,
`supervisor`, `reports`, `simulate`); each adds its sub-commands to the parser. No rule of
the hall is decided here: the commands call the facade (`shared.hall.Hall`) and print
what it answers.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs

from shared.base.errors import YimenError
from shared.cli import (
    doctor,
    install,
    reports,
    reviews,
    simulate,
    staffing,
    stations,
    supervisor,
    tickets,
    upkeep,
)
from shared.cli.common import EXIT_BUG, EXIT_REFUSED, Out
from shared.config.hall_file import ConfigError
from shared.hall import default_url

log = logging.getLogger("yimen")


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
    parser.add_argument("--version", action="version", version=f"yimen {install.version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    for group in (
        tickets,
        staffing,
        reviews,
        stations,
        supervisor,
        reports,
        simulate,
        doctor,
        upkeep,
        install,
    ):
        group.add_commands(sub, common)
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
        print(out.say("cli.internal_error", path=path), file=sys.stderr)
        return EXIT_BUG


__all__ = ["build_parser", "default_url", "main"]
