"""What is wrong in a hall's configuration file, sentence by sentence."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
