"""``yimen`` commands for the hall's IT (install)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """The sub-commands of this group, on the ``yimen`` parser."""
