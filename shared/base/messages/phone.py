"""The phone page's own words (its refusals come from `refusals`)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
