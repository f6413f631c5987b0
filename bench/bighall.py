"""A city hall of the size a hall-year of a million tickets needs: the demo hall's floor
built ``copies`` times over (windows, clerks, posts, caps), under one roof.

The demo hall serves about 370 citizens a day at twelve windows; ten copies serve about
4,000 a day at 120 windows, as a large city hall does: 250 open days make a million
tickets. Every clerk's password is the demo hall's.
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w

from shared.config.hall_file import DEMO_HALL_PATH

#: The window numbers and clerk codes of copy k are the demo hall's + k × these.
WINDOW_STEP = 12
CLERK_STEP = 100


def big_hall_toml(copies: int, code: str = "SC", name: str = "市民中心") -> str:
    """The hall's file: the demo hall with ``copies`` times its windows, clerks, posts
    and daily and slot caps (services, zones and calendar unchanged)."""
    demo: dict[str, Any] = tomllib.loads(DEMO_HALL_PATH.read_text(encoding="utf-8"))
    hall = dict(demo["hall"], code=code, name=name, name_en="City Government Service Center")
    step_w = max(w["number"] for w in demo["windows"])
    assert step_w <= WINDOW_STEP

    def window(n: int, k: int) -> int:
        return n + k * WINDOW_STEP

    def clerk(c: str, k: int) -> str:
        return str(int(c) + k * CLERK_STEP)

    windows, clerks, posts = [], [], []
    for k in range(copies):
        for w in demo["windows"]:
            windows.append(dict(w, number=window(w["number"], k)))
        for c in demo["clerks"]:
            clerks.append(dict(c, code=clerk(c["code"], k)))
        for p in demo.get("posts", []):
            posts.append(
                dict(p, window=window(p["window"], k), a=clerk(p["a"], k), b=clerk(p["b"], k))
            )
    services = []
    for sv in demo["services"]:
        sv = dict(sv)
        if "daily_cap" in sv:
            sv["daily_cap"] *= copies
        if "slot_caps" in sv:
            sv["slot_caps"] = [cap * copies for cap in sv["slot_caps"]]
        services.append(sv)
    tables = dict(demo, hall=hall, windows=windows, clerks=clerks, posts=posts, services=services)
    return tomli_w.dumps(tables)
