"""The one message table: every code the hall can say has its sentence in Chinese and in
English, with the same blanks to fill, and the code says it rather than a sentence written
beside the code that shows it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from shared.base.messages import TABLE, named, render, word

SHARED = Path(__file__).resolve().parent.parent / "shared"
RAISED = re.compile(r"(?:HallError|EnvironmentFault)\(\s*\"([a-z_]+\.[a-z_]+)\"")
RENDERED = re.compile(
    r"(?:\brender|\.say|\bbad_option|\bpositive\(\s*\w+,)\(?\s*\"([a-z_]+(?:\.[a-z0-9_]+)+)\""
)


def _sources() -> list[Path]:
    return [p for p in SHARED.rglob("*.py") if "migrations" not in p.parts]


def codes_raised() -> set[str]:
    found: set[str] = set()
    for path in _sources():
        found |= set(RAISED.findall(path.read_text(encoding="utf-8")))
    return found


def codes_rendered() -> set[str]:
    found: set[str] = set()
    for path in _sources():
        found |= set(RENDERED.findall(path.read_text(encoding="utf-8")))
    return found


def _blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_core_raises_many_codes() -> None:
    assert len(codes_raised()) > 30


@pytest.mark.parametrize("code", sorted(codes_raised() | codes_rendered()))
def test_every_code_said_has_a_sentence_in_both_languages(code: str) -> None:
    assert code in TABLE
    assert TABLE[code]["zh"] and TABLE[code]["en"]


@pytest.mark.parametrize("code", sorted(TABLE))
def test_both_languages_fill_the_same_blanks(code: str) -> None:
    entry = TABLE[code]
    assert set(entry) == {"zh", "en"}
    assert _blanks(entry["zh"]) == _blanks(entry["en"])


def test_every_state_reads_in_both_languages() -> None:
    from shared.store.model import TicketState

    for state in TicketState:
        assert word("state", state.value, "zh") != state.value
        assert word("state", state.value, "en")


def test_a_state_in_a_sentence_is_translated() -> None:
    zh = render("ticket.not_serving", "zh", number="A001", state="called")
    en = render("ticket.not_serving", "en", number="A001", state="called")
    assert zh == "A001 号当前状态为“已呼叫”，不在办理中。"
    assert en == "Ticket A001 is called, not in service."


def test_an_unknown_code_or_word_reads_as_itself() -> None:
    assert render("no.such_code", "en") == "no.such_code"
    assert word("state", "teleported", "zh") == "teleported"


def test_a_list_reads_with_the_languages_separator() -> None:
    assert render("phone.windows", "zh", w=[1, 3, 5]) == "办理窗口：1、3、5 号"
    assert render("phone.windows", "en", w=(1, 3, 5)) == "Windows: 1, 3, 5"
    assert render("phone.windows", "en", w=[]) == "Windows: "
    # A string is one value, never a list of its characters.
    assert render("phone.windows", "zh", w="12") == "办理窗口：12 号"


def test_a_name_of_the_halls_file_reads_in_english_only_where_the_file_gives_one() -> None:
    assert named("企业设立登记", "Company registration", "en") == "Company registration"
    assert named("企业设立登记", "Company registration", "zh") == "企业设立登记"
    assert named("企业设立登记", None, "en") == "企业设立登记"
    assert named("企业设立登记", "  ", "en") == "企业设立登记"
