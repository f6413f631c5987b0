"""The one table of what the hall says outside Qt's screens, in Chinese (the default) and
English: the core's refusals, the words for its states, and (as each front door moves in)
the ``yimen`` command, the phone page and the printed documents.

Every sentence has a code; whoever shows it calls ``render(code, lang, **params)``. The
table is made of one module per area (`refusals`, `words`, …), each a ``TEXTS`` dict of
``code -> {"zh": …, "en": …}``; a code is defined once in all of them, and both languages
say the same things (the tests check both). Qt's screens translate their own words with
``self.tr()`` and Qt Linguist; what they show of the core comes from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shared.base.messages import (
    cli,
    config,
    doctor,
    documents,
    install,
    phone,
    refusals,
    supervisor,
    upkeep,
    words,
)

LANGS = ("zh", "en")

#: Parameters whose value is itself a code of the table: ``render("ticket.not_serving",
#: number="A001", state="held")`` says 挂起 / on hold, not "held".
_WORD_PARAMS = {
    "state": "state",
    "case_state": "case_state",
    "action": "case_action",
    "level": "level",
    "language": "language",
    "weekday": "weekday",
    "fault": "printer_fault",
}


def _merge(*tables: Mapping[str, Mapping[str, str]]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for table in tables:
        for code, entry in table.items():
            if code in merged:
                raise ValueError(f"the message code {code!r} is defined twice")
            merged[code] = entry
    return merged


TABLE: Mapping[str, Mapping[str, str]] = _merge(
    refusals.TEXTS,
    words.TEXTS,
    cli.TEXTS,
    config.TEXTS,
    documents.TEXTS,
    phone.TEXTS,
    supervisor.TEXTS,
    doctor.TEXTS,
    upkeep.TEXTS,
    install.TEXTS,
)


def has(code: str) -> bool:
    return code in TABLE


def render(code: str, lang: str = "zh", /, **params: Any) -> str:
    """The sentence for ``code`` in ``lang`` ("zh" or "en"), with its parameters. A list
    or tuple given as a parameter reads as its items with ``list.separator`` between them
    (1、3、5 / 1, 3, 5). An unknown code is shown as itself (with its parameters), never an
    error."""
    lang = lang if lang in LANGS else "zh"
    entry = TABLE.get(code)
    if entry is None:
        return f"{code} {params}" if params else code
    for name, prefix in _WORD_PARAMS.items():
        value = params.get(name)
        if isinstance(value, str) and f"{prefix}.{value}" in TABLE:
            params = {**params, name: TABLE[f"{prefix}.{value}"][lang]}
    separator = TABLE["list.separator"][lang]
    params = {
        name: separator.join(str(item) for item in value)
        if isinstance(value, list | tuple)
        else value
        for name, value in params.items()
    }
    try:
        return entry[lang].format(**params)
    except (KeyError, IndexError):
        return entry[lang]


def named(chinese: str, english: str | None, lang: str = "zh") -> str:
    """A name the hall gives in its own file (a hall, a zone, a service): in Chinese, and
    in English where the file gives one (``name_en``) and the reader reads English."""
    english = (english or "").strip()
    return english if english and lang == "en" else chinese


def word(prefix: str, value: str, lang: str = "zh") -> str:
    """How ``value`` of a kind of word reads (``word("state", "held")`` → 挂起); a value
    the table does not know reads as itself."""
    code = f"{prefix}.{value}"
    return render(code, lang) if code in TABLE else value
