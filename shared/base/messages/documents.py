"""The printed and exported documents: the ticket slip, the one-time notice, the CSV files."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
