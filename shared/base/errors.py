"""Errors a person can act on, as codes with parameters.

The core raises `HallError` (a rule of the hall said no: the ticket is not called,
today's numbers are gone…) or `EnvironmentFault` (the world is in the way: the
database cannot be reached, the password is wrong). Both carry a stable ``code``;
the sentence shown to a person comes from `shared.base.messages` in their language.
Anything else is a bug and is logged with its trace.
"""

from __future__ import annotations

from typing import Any

from shared.base.messages import render


class YimenError(Exception):
    """Base of the errors that carry a code and a sentence for a person."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("zh")


class HallError(YimenError):
    """A rule of the hall refused the operation; nothing was changed."""


class EnvironmentFault(YimenError):
    """The environment is in the way (database, disk, printer); nothing was changed."""
