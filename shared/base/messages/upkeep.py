"""Sentences of the ``yimen`` commands for the hall's IT (upkeep)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
