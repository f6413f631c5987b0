"""Which language a phone wants, of the two the page speaks (its words are the message
table's ``phone.*``, ``web.*`` and ``review.*`` codes, in ``shared.base.messages``)."""

from __future__ import annotations

from shared.base.messages import LANGS

#: The page's ``<html lang>`` and ``hreflang`` for each of its languages.
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def other_language(lang: str) -> str:
    """The language the page's switch leads to."""
    return next((other for other in LANGS if other != lang), LANGS[0])


def pick_language(query: str | None, accept_language: str | None) -> str:
    """``?lang=en|zh`` if given; otherwise the phone's preferred of zh and en by its
    ``Accept-Language`` (q-values respected, first listed wins a tie); zh by default."""
    if query in LANGS:
        return query
    best, best_q = "zh", 0.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-", 1)[0]
        if primary not in LANGS:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = primary, q
    return best
