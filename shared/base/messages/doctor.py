"""Sentences of the ``yimen`` commands for the hall's IT (doctor)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
