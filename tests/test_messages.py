"""Every code the core can raise has its sentence in Chinese and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shared.base.messages import MESSAGES, STATE_NAMES, render

SHARED = Path(__file__).resolve().parent.parent / "shared"
RAISED = re.compile(r"(?:HallError|EnvironmentFault)\(\s*\"([a-z_]+\.[a-z_]+)\"")


def codes_raised() -> set[str]:
    found: set[str] = set()
    for path in SHARED.rglob("*.py"):
        found |= set(RAISED.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_core_raises_many_codes() -> None:
    assert len(codes_raised()) > 30


@pytest.mark.parametrize("code", sorted(codes_raised()))
def test_every_raised_code_has_a_sentence_in_both_languages(code: str) -> None:
    assert code in MESSAGES
    assert MESSAGES[code]["zh"] and MESSAGES[code]["en"]


def test_every_state_reads_in_both_languages() -> None:
    from shared.store.model import TicketState

    for state in TicketState:
        assert set(STATE_NAMES[state.value]) == {"zh", "en"}


def test_a_state_in_a_sentence_is_translated() -> None:
    zh = render("ticket.not_serving", "zh", number="A001", state="called")
    en = render("ticket.not_serving", "en", number="A001", state="called")
    assert zh == "A001 号当前状态为“已呼叫”，不在办理中。"
    assert en == "Ticket A001 is called, not in service."
