"""The ``yimen`` command says what it says through the one message table: no module of
shared/cli writes a Chinese sentence or picks between two languages itself; every code it
names is in the table, and every sentence of the table's ``cli`` module is said by it.

Only argparse's ``help=`` and ``description=`` texts stay where they are: they are shown
before a language is chosen, so each already says both."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from shared.base.messages import TABLE, cli, render
from shared.cli.common import Out

CLI = Path(__file__).resolve().parent.parent / "shared" / "cli"

#: Chinese characters, and the Chinese and full-width punctuation (、，：（）…).
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: argparse's keyword arguments whose text is shown before a language is chosen.
PARSER_TEXTS = ("help", "description")
#: A code of the command's part of the table.
CODE = re.compile(r"^cli(?:\.[a-z0-9_]+)+$")


def _sources() -> list[Path]:
    return sorted(CLI.glob("*.py"))


def _parser_texts(tree: ast.AST) -> set[int]:
    """The ids of the strings given to argparse as ``help=``/``description=``: written in
    the call, or in the rows of a ``for`` loop whose variable is then passed so."""
    names: set[str] = set()
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in PARSER_TEXTS:
            if isinstance(node.value, ast.Name):
                names.add(node.value.id)
            found |= {id(n) for n in ast.walk(node.value)}
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.For)
            and isinstance(node.target, ast.Tuple)
            and isinstance(node.iter, ast.Tuple | ast.List)
        ):
            continue
        places = [
            i for i, t in enumerate(node.target.elts) if isinstance(t, ast.Name) and t.id in names
        ]
        for row in node.iter.elts:
            if isinstance(row, ast.Tuple | ast.List):
                for i in places:
                    if i < len(row.elts):
                        found |= {id(n) for n in ast.walk(row.elts[i])}
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    """The strings that stand alone as a statement: written for the reader of the code."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _names_a_language(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id in ("zh", "en")) or (
        isinstance(node, ast.Attribute) and node.attr in ("zh", "en")
    )


def problems(source: str, name: str) -> list[str]:
    """What in one module's source says a sentence of its own or picks a language."""
    tree = ast.parse(source, filename=name)
    skip = _docstrings(tree) | _parser_texts(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        line = f"{name}:{getattr(node, 'lineno', 0)}"
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and CHINESE.search(node.value)
        ):
            found.append(f"{line}: a Chinese string {node.value!r}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "t"
        ):
            found.append(f"{line}: a sentence given in two languages (.t(zh, en))")
        elif isinstance(node, ast.IfExp) and _names_a_language(node.test):
            found.append(f"{line}: a choice between languages (… if zh else …)")
        elif (
            isinstance(node, ast.Compare)
            and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops)
            and any(
                isinstance(side, ast.Constant) and side.value in ("zh", "en")
                for side in (node.left, *node.comparators)
            )
        ):
            found.append(f"{line}: a choice between languages (lang == …)")
    return found


def _cli_constants() -> tuple[set[str], set[str]]:
    """The codes the command names (``out.say("cli.…")``) and the kinds of word it looks
    up (``word("cli.event", kind, …)``)."""
    nodes = [
        node
        for path in _sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    ]
    kinds = {
        str(node.args[0].value)
        for node in nodes
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "word"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    codes = {
        node.value
        for node in nodes
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CODE.match(node.value)
        and node.value not in kinds
    }
    return codes, kinds


def test_every_module_of_the_command_is_looked_at() -> None:
    names = {p.name for p in _sources()}
    assert {"__init__.py", "common.py", "tickets.py", "staffing.py"} <= names
    assert {"reviews.py", "stations.py"} <= names


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_the_command_says_its_sentences_through_the_table(path: Path) -> None:
    found = problems(path.read_text(encoding="utf-8"), f"shared/cli/{path.name}")
    assert not found, "\n".join(found)


def test_the_rule_sees_a_sentence_pair_and_spares_the_parsers_help() -> None:
    source = textwrap.dedent(
        '''
        """模块说明。"""
        def run(out, zh, lang, sub):
            """函数说明。"""
            a = out.t("已创建", "Created")
            b = "已更新" if zh else "Updated"
            c = "en" if lang == "en" else "zh"
            d = f"{out.lang}：好"
            p = sub.add_parser("x", help="取号 (ticket)", description="一门")
            for name, helptext in (("call", "呼叫下一位"), ("recall", "重呼")):
                sub.add_parser(name, help=helptext)
        '''
    )
    found = problems(source, "sample.py")
    assert len([f for f in found if "a Chinese string" in f]) == 3  # 已创建, 已更新, ：好
    assert len([f for f in found if ".t(zh, en)" in f]) == 1
    assert len([f for f in found if "if zh else" in f]) == 1
    assert len([f for f in found if "lang ==" in f]) == 1
    assert len(found) == 6


def test_out_says_codes_and_has_no_pair_of_sentences() -> None:
    assert not hasattr(Out, "t")
    assert Out("en", False).say("cli.cases.none") == "No bad-review cases yet."
    assert Out("zh", False).say("cli.cases.none") == "还没有差评整改件。"


def test_every_code_the_command_names_is_in_the_table() -> None:
    codes, kinds = _cli_constants()
    assert len(codes) > 100
    assert sorted(code for code in codes if code not in TABLE) == []
    for kind in kinds:
        assert any(code.startswith(kind + ".") for code in TABLE), kind


def test_every_sentence_of_the_command_is_said() -> None:
    codes, kinds = _cli_constants()
    for code in cli.TEXTS:
        assert code.startswith("cli."), code
        assert code in codes or any(code.startswith(kind + ".") for kind in kinds), code


def test_a_number_and_a_part_one_language_leaves_out() -> None:
    def month(lang: str, count: int) -> str:
        code = "cli.overtime.month.one" if count == 1 else "cli.overtime.month.other"
        name = render("cli.month.8", lang)
        return render(code, lang, month=name, year=2026, count=count, minutes=40)

    assert month("zh", 1) == "8月份延时服务1件，共40分钟"
    assert month("en", 1) == "August 2026: 1 extended service, 40 minutes in all"
    assert month("en", 2) == "August 2026: 2 extended services, 40 minutes in all"
    assert render("cli.posts.back_at", "en", at="2026-11-24 10:00") == ""
