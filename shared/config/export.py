"""A hall in the database written back as its configuration, and what changes between two.

`hall_tables` reads the hall as the tables of its TOML file (what a person writes:
English names with their zone or service, defaults left out, no passwords); `to_toml`
writes them. ``yimen init --config`` of that file changes nothing: the export of a hall
loaded from it is the same file.

`differences` lists what changed between two such readings, key by key, with codes
rather than positions (``services.qy-sl.daily_cap``): the record of a settings change
says what was before and after in words a supervisor can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

import tomli_w
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.messages import render
from shared.config.hall_file import HallConfig, check_hall_config
from shared.config.halls import HallSettings
from shared.store.model import Clerk, Post, Service, Window, WindowService, Zone

#: The sections kept as the hall stores them (each a model of `shared.config.hall_file`).
_SECTIONS = ("rules", "voice", "display", "staffing", "notice", "reviews", "alarms")

#: The order of the file's tables.
_ORDER = (
    "hall",
    "calendar",
    *_SECTIONS,
    "kiosk",
    "zones",
    "services",
    "windows",
    "clerks",
    "posts",
)


def _plain(value: Any, full: bool = False) -> Any:
    """A value as TOML writes it: times as "08:30", tuples as lists, None left out; a
    section's keys at their default left out too unless ``full``."""
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(mode="python", exclude_defaults=not full), full)
    if isinstance(value, dict):
        return {k: _plain(v, full) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v, full) for v in value]
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return value


def hall_tables(s: Session, hall: HallSettings, *, full: bool = False) -> dict[str, Any]:
    """The hall of ``hall`` as its configuration file's tables, read from the database;
    ``full``: with every key at its default too (what a record of changes compares)."""

    def _clean(entry: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
        """``entry`` without the keys at their default (or empty) values."""
        if full:
            return {k: v for k, v in entry.items() if v is not None}
        return {
            k: v
            for k, v in entry.items()
            if v is not None and v != defaults.get(k, object()) and v not in ((), [])
        }

    kiosk = hall.kiosk
    tables: dict[str, Any] = {
        "hall": _clean(
            {
                "code": hall.code,
                "name": hall.name,
                "timezone": hall.tz.key,
                "name_en": kiosk.hall_name_en,
            },
            {"timezone": "Asia/Shanghai"},
        ),
        "calendar": _plain(hall.calendar, full),
    }
    for name in _SECTIONS:
        tables[name] = _plain(getattr(hall, name), full)

    zones = list(
        s.scalars(
            select(Zone).where(Zone.hall_id == hall.id, Zone.active.is_(True)).order_by(Zone.id)
        )
    )
    zone_code = {z.id: z.code for z in s.scalars(select(Zone).where(Zone.hall_id == hall.id))}
    tables["zones"] = [
        _clean(
            {
                "code": z.code,
                "name": z.name,
                "name_en": kiosk.zones[z.code].name_en if z.code in kiosk.zones else None,
            },
            {},
        )
        for z in zones
    ]
    services = list(
        s.scalars(
            select(Service)
            .where(Service.hall_id == hall.id, Service.active.is_(True))
            .order_by(Service.position, Service.code)
        )
    )
    service_code = {
        sv.id: sv.code for sv in s.scalars(select(Service).where(Service.hall_id == hall.id))
    }
    tables["services"] = []
    for sv in services:
        extra = kiosk.services.get(sv.code)
        tables["services"].append(
            _clean(
                {
                    "code": sv.code,
                    "zone": zone_code[sv.zone_id],
                    "name": sv.name,
                    "prefix": sv.prefix,
                    "materials": list(sv.materials),
                    "daily_cap": sv.daily_cap,
                    "handling_minutes": sv.handling_minutes,
                    "time_slots": [list(pair) for pair in sv.time_slots],
                    "slot_caps": list(sv.slot_caps or ()),
                    "name_en": extra.name_en if extra else None,
                    "booking_url": extra.booking_url if extra else None,
                    "online_url": extra.online_url if extra else None,
                },
                {"handling_minutes": 10},
            )
        )
    active_services = {sv.code for sv in services}
    left_in_kiosk = {
        code: _plain(entry) for code, entry in kiosk.services.items() if code not in active_services
    }
    zone_codes = {z.code for z in zones}
    left_zones = {
        code: _plain(entry) for code, entry in kiosk.zones.items() if code not in zone_codes
    }
    kiosk_table = _plain(
        kiosk.model_copy(update={"hall_name_en": None, "zones": {}, "services": {}})
    )
    if left_zones:
        kiosk_table["zones"] = left_zones
    if left_in_kiosk:
        kiosk_table["services"] = left_in_kiosk
    tables["kiosk"] = kiosk_table

    windows = list(
        s.scalars(
            select(Window)
            .where(Window.hall_id == hall.id, Window.active.is_(True))
            .order_by(Window.number)
        )
    )
    explicit: dict[int, list[str]] = {}
    for window_id, service_id in s.execute(
        select(WindowService.window_id, WindowService.service_id).order_by(
            WindowService.window_id, WindowService.service_id
        )
    ):
        explicit.setdefault(window_id, []).append(service_code[service_id])
    position = {sv.code: i for i, sv in enumerate(services)}
    tables["windows"] = [
        _clean(
            {
                "number": w.number,
                "name": w.name,
                "zone": zone_code.get(w.zone_id) if w.zone_id else None,
                "comprehensive": w.comprehensive,
                "services": sorted(explicit.get(w.id, []), key=lambda c: position.get(c, 10**6)),
                "kinds": list(w.kinds),
            },
            {"comprehensive": False},
        )
        for w in windows
    ]
    clerks = list(
        s.scalars(
            select(Clerk).where(Clerk.hall_id == hall.id, Clerk.active.is_(True)).order_by(Clerk.id)
        )
    )
    clerk_code = {c.id: c.code for c in s.scalars(select(Clerk).where(Clerk.hall_id == hall.id))}
    tables["clerks"] = [
        _clean({"code": c.code, "name": c.name, "role": c.role.value}, {"role": "clerk"})
        for c in clerks
    ]
    window_number = {w.id: w.number for w in windows}
    tables["posts"] = [
        {
            "window": window_number[p.window_id],
            "a": clerk_code[p.a_clerk_id],
            "b": clerk_code[p.b_clerk_id],
        }
        for p in s.scalars(select(Post).where(Post.hall_id == hall.id))
        if p.window_id in window_number
    ]
    tables["posts"].sort(key=lambda p: p["window"])
    return {k: tables[k] for k in _ORDER if tables.get(k) not in (None, {}, [])}


def to_toml(tables: dict[str, Any], lang: str = "zh") -> str:
    """The configuration file's text, headed by a comment in ``lang``."""
    parts = ["# " + render("config.export.head", lang) + "\n"]
    for name, value in tables.items():
        if isinstance(value, list):  # [[zones]], [[services]]…: one block each, as written
            for entry in value:
                parts.append(f"[[{name}]]\n" + tomli_w.dumps(entry, indent=4))
        else:
            parts.append(tomli_w.dumps({name: value}, indent=4))
    return "\n".join(parts)


# -- what changed ------------------------------------------------------------------------

#: The key of each list of tables (``[[zones]]``, ``[[windows]]``…): its entries are named
#: by it, not by position, in a record of changes and in a key's path.
ENTRY_KEYS = {
    "zones": "code",
    "services": "code",
    "windows": "number",
    "clerks": "code",
    "posts": "window",
}


@dataclass(frozen=True)
class Difference:
    path: str  # services.qy-sl.daily_cap, calendar.holidays, clerks.C07
    old: Any  # None: not there before
    new: Any  # None: not there after


def _flat(tables: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, value in tables.items():
        key = ENTRY_KEYS.get(section)
        if key is not None and isinstance(value, list):
            for entry in value:
                name = f"{section}.{entry[key]}"
                for field, v in entry.items():
                    if field != key:
                        out[f"{name}.{field}"] = v
                out.setdefault(f"{name}", "")  # the entry itself, even with no other key
            continue
        if isinstance(value, dict):
            for field, v in value.items():
                out[f"{section}.{field}"] = v
        else:
            out[section] = value
    return out


def _shown(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_shown(v) for v in value]
    if isinstance(value, dict):
        return {k: _shown(v) for k, v in value.items()}
    return value


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[Difference]:
    """What changed from ``before`` to ``after`` (two `hall_tables`), key by key."""
    a, b = _flat(before), _flat(after)
    out = []
    for path in sorted(set(a) | set(b)):
        old, new = a.get(path), b.get(path)
        if old != new:
            out.append(Difference(path, _shown(old), _shown(new)))
    # An entry added or removed is said once, not once per key.
    whole = {d.path for d in out if d.path.count(".") == 1 and (d.old is None or d.new is None)}
    return [d for d in out if d.path in whole or ".".join(d.path.split(".")[:2]) not in whole]


def check_tables(tables: dict[str, Any], source: str) -> HallConfig:
    """The tables checked as a configuration file is (the loader's sentences)."""
    return check_hall_config(tables, source)
