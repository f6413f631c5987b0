"""What the hall says outside Qt's screens is said through the one message table
(``shared.base.messages``): no module of the core writes a Chinese sentence of its own, nor
picks between two languages with ``lang == "en"``. The table's own modules, Qt's screens (they
translate with ``self.tr()``) and the folders listed below are not looked at; taking a folder
off ``NOT_LOOKED_AT`` is all it takes to hold it to the rule too. The ``yimen`` command's
argparse texts (``help=``, ``description=``) are not looked at either: they are shown before
a language is chosen, so each says both (see test_cli_texts)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .test_cli_texts import _docstrings, _parser_texts

SHARED = Path(__file__).resolve().parent.parent / "shared"

#: Parts of shared/ (folders or files, relative to it) that this rule does not cover.
NOT_LOOKED_AT = (
    "qt",  # Qt's screens: their words go through self.tr() and Qt Linguist
    "base/messages",  # the table itself
    "devices/speech.py",  # builds the spoken words of a number (幺, 零, 号), not sentences
    "devices/tts_worker.py",  # a voice's sample words, given to the speech engine
    "demo/typed.py",  # what the simulated citizens and clerks type: the hall's data
    "store/migrations",  # the schema's history, frozen as it was written
)

#: Where argparse's ``help=`` and ``description=`` texts say both languages at once.
PARSER_TEXTS_IN = ("cli/",)

#: Chinese strings that are data rather than a sentence to translate, by file: each is
#: what a hall writes in its own file or a test of text, the same whatever the reader's
#: language.
DATA_NOT_SENTENCES: dict[str, set[str]] = {
    "config/hall_file.py": {
        # The defaults of the hall's own words, which a hall's file replaces with its own:
        # the slip's line, the call's Chinese template, the lobby's line, the notice's
        # contact line; and how the digit 1 is read (一 or 幺), a choice of the Chinese voice.
        "请留意叫号，过号需重新取号",
        "请{number}号到{window}号窗口办理",
        "请留意叫号，听到您的号码后到相应窗口办理；过号需重新取号。如需帮助，请到导服台咨询。",
        "咨询电话：12345（政务服务便民热线）",
        "一",
        "幺",
    },
    # The range of CJK ideographs, to tell Chinese text from English by its characters.
    "devices/voice.py": {"\u4e00", "\u9fff"},
}

#: A Chinese character (an ideograph); punctuation alone (、，：) is not a sentence.
CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _looked_at(path: Path) -> bool:
    rel = path.relative_to(SHARED).as_posix()
    return not any(rel == part or rel.startswith(part + "/") for part in NOT_LOOKED_AT)


def _sources() -> list[Path]:
    return sorted(p for p in SHARED.rglob("*.py") if _looked_at(p))


def _is_lang_en(node: ast.AST) -> bool:
    """A comparison with "en" or "zh": ``lang == "en"``, ``"zh" != self.lang``, …"""
    if not isinstance(node, ast.Compare) or len(node.ops) != 1:
        return False
    if not isinstance(node.ops[0], ast.Eq | ast.NotEq):
        return False
    sides = [node.left, node.comparators[0]]
    return any(isinstance(side, ast.Constant) and side.value in ("en", "zh") for side in sides)


def problems(path: Path) -> list[str]:
    rel = path.relative_to(SHARED).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstrings(tree)
    if rel.startswith(PARSER_TEXTS_IN):
        skip |= _parser_texts(tree)
    allowed = DATA_NOT_SENTENCES.get(rel, set())
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and CHINESE.search(node.value)
            and node.value not in allowed
        ):
            found.append(f"{rel}:{node.lineno}: a Chinese string {node.value!r}")
        elif _is_lang_en(node):
            found.append(f"{rel}:{getattr(node, 'lineno', 0)}: a choice between languages")
    return found


def test_the_rule_looks_at_the_core() -> None:
    looked_at = {p.relative_to(SHARED).as_posix() for p in _sources()}
    assert "config/hall_file.py" in looked_at
    assert "rules/reviews.py" in looked_at
    assert "devices/printing.py" in looked_at
    assert {"cli/__init__.py", "phone/app.py", "demo/run.py", "devices/announcer.py"} <= looked_at
    assert not any(p.startswith("qt/") for p in looked_at)


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(SHARED).as_posix())
def test_the_core_says_its_sentences_through_the_table(path: Path) -> None:
    found = problems(path)
    assert not found, "\n".join(found)


def test_every_exception_is_still_there() -> None:
    """An exception no longer needed is taken off the list."""
    for rel, texts in DATA_NOT_SENTENCES.items():
        tree = ast.parse((SHARED / rel).read_text(encoding="utf-8"))
        constants = {
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in texts
        }
        assert constants == texts, rel
