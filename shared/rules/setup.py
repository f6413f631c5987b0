"""The hall's everyday settings changed by a supervisor, safely and on the record.

A change is made to the hall as its configuration file's tables (`shared.config.export`):
read from the database, edited, checked by the same loader as a file (so a refusal is
the loader's sentence), loaded back in the caller's transaction, and read again. What
really changed, key by key with the old and new values, is recorded as one
``setting_changed`` event with the supervisor who made it. A change that changes
nothing is not recorded. ``yimen init --config`` records what it changes the same way,
without a supervisor.

A password is never part of the tables: a reset is checked as a file's password is, then
hashed, and recorded without the password.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.base.messages import has, render
from shared.config.export import ENTRY_KEYS, Difference, differences, hall_tables
from shared.config.hall_file import ConfigError, HallConfig, check_hall_config
from shared.config.halls import HallSettings, hash_password, load_config, settings_of
from shared.rules.windows import event
from shared.store.model import Clerk, Event, EventKind
from shared.store.model import Hall as HallRow

Tables = dict[str, Any]
Edit = Callable[[Tables], None]


class SettingRefused(HallError):
    """The loader's sentence for a change that would make the hall's settings invalid,
    with the key it is about (``services.qy-sl.daily_cap``)."""

    def __init__(self, problem: ConfigError, key: str) -> None:
        super().__init__(
            "setup.invalid",
            key=key,
            problem_zh=problem.text("zh"),
            problem_en=problem.text("en"),
        )
        self.problem = problem

    def message(self, lang: str = "zh") -> str:
        lang = "en" if lang.startswith("en") else "zh"
        code = "setup.invalid_at" if self.params["key"] else "setup.invalid"
        return render(code, lang, key=self.params["key"], problem=self.params[f"problem_{lang}"])


def _key_of(where: str, tables: Tables) -> str:
    """The loader's place (``services[3].daily_cap``, 1-based) said with the entry's own
    code or number (``services.qy-sl.daily_cap``)."""
    parts = []
    for piece in where.split("."):
        name, _, index = piece.partition("[")
        if index and name in ENTRY_KEYS and index.rstrip("]").isdigit():
            entries = tables.get(name, [])
            i = int(index.rstrip("]")) - 1
            if 0 <= i < len(entries):
                parts += [name, str(entries[i].get(ENTRY_KEYS[name], i + 1))]
                continue
        parts.append(piece)
    return ".".join(parts)


@dataclass(frozen=True)
class SettingsChange:
    """One change as recorded: who, when, what, and each key's old and new value."""

    at: datetime
    what: str  # the operation: daily_cap, time_slots, window_services, clerk_add, …
    by: str | None  # the supervisor's code; None: ``yimen init``
    by_name: str | None
    changes: tuple[Difference, ...]
    event_id: int | None = None


def _entry(tables: Tables, section: str, key: str, value: Any) -> dict[str, Any]:
    for entry in tables.get(section, []):
        if entry.get(key) == value:
            return entry  # type: ignore[no-any-return]
    raise HallError(f"setup.unknown_{section.rstrip('s')}", value=value)


def _set(entry: dict[str, Any], key: str, value: Any) -> None:
    if value is None or value == [] or value == ():
        entry.pop(key, None)
    else:
        entry[key] = value


# -- the edits ---------------------------------------------------------------------------


def daily_cap(service: str, cap: int | None) -> Edit:
    def edit(t: Tables) -> None:
        _set(_entry(t, "services", "code", service), "daily_cap", cap)

    return edit


def time_slots(service: str, slots: Sequence[tuple[str, str]], caps: Sequence[int] = ()) -> Edit:
    def edit(t: Tables) -> None:
        entry = _entry(t, "services", "code", service)
        _set(entry, "time_slots", [list(pair) for pair in slots])
        _set(entry, "slot_caps", list(caps) if any(caps) else None)

    return edit


def window_services(window: int, services: Sequence[str]) -> Edit:
    def edit(t: Tables) -> None:
        _set(_entry(t, "windows", "number", window), "services", list(services))

    return edit


def display_notice(text: str) -> Edit:
    def edit(t: Tables) -> None:
        t.setdefault("display", {})["notice"] = text

    return edit


def _days(t: Tables, key: str) -> list[date]:
    return list(t.setdefault("calendar", {}).get(key, []))


def calendar_day(key: str, day: date, present: bool) -> Edit:
    """``key``: holidays (休息日) or workday_swaps (调休上班); add or remove ``day``."""

    def edit(t: Tables) -> None:
        days = [d for d in _days(t, key) if d != day]
        if present:
            days.append(day)
        _set(t["calendar"], key, sorted(days))

    return edit


def post(window: int, a: str | None, b: str | None) -> Edit:
    """The window's AB post set to A ``a`` and B ``b``; both None: the post removed."""

    def edit(t: Tables) -> None:
        _entry(t, "windows", "number", window)
        posts = [p for p in t.get("posts", []) if p["window"] != window]
        if (a is None) != (b is None) or (a is not None and not (a.strip() and (b or "").strip())):
            raise HallError("setup.post_needs_both", window=window)
        if a is not None and b is not None:
            posts.append({"window": window, "a": a.strip(), "b": b.strip()})
        t["posts"] = sorted(posts, key=lambda p: p["window"])

    return edit


def clerk_add(code: str, name: str, role: str, password: str | None) -> Edit:
    def edit(t: Tables) -> None:
        entry: dict[str, Any] = {"code": code, "name": name}
        if role != "clerk":
            entry["role"] = role
        if password is not None:
            entry["password"] = password
        t.setdefault("clerks", []).append(entry)

    return edit


def clerk_update(code: str, *, name: str | None = None, role: str | None = None) -> Edit:
    def edit(t: Tables) -> None:
        entry = _entry(t, "clerks", "code", code)
        if name is not None:
            entry["name"] = name
        if role is not None:
            _set(entry, "role", None if role == "clerk" else role)

    return edit


def clerk_remove(code: str) -> Edit:
    """The clerk disabled: out of the hall's list (the row stays, marked inactive)."""

    def edit(t: Tables) -> None:
        _entry(t, "clerks", "code", code)
        for p in t.get("posts", []):
            if code in (p["a"], p["b"]):
                raise HallError("setup.clerk_in_post", clerk=code, window=p["window"])
        t["clerks"] = [c for c in t["clerks"] if c["code"] != code]

    return edit


def setting(path: str, value: Any) -> Edit:
    """Any one key, by its path: ``alarms.wait_minutes``, ``services.qy-sl.daily_cap``,
    ``windows.3.services``, ``display.notice`` (None: back to its default)."""
    parts = path.split(".")

    def edit(t: Tables) -> None:
        if len(parts) == 2 and parts[0] not in ENTRY_KEYS:
            _set(t.setdefault(parts[0], {}), parts[1], value)
            return
        if len(parts) == 3 and parts[0] in ENTRY_KEYS:
            key = ENTRY_KEYS[parts[0]]
            wanted: Any = (
                int(parts[1]) if key in ("number", "window") and parts[1].isdigit() else parts[1]
            )
            if parts[2] in (key, "password"):
                raise HallError("setup.bad_path", path=path)
            _set(_entry(t, parts[0], key, wanted), parts[2], value)
            return
        raise HallError("setup.bad_path", path=path)

    return edit


# -- what a change is called ----------------------------------------------------------------


def key_words(path: str, lang: str, hall: HallSettings) -> str:
    """A recorded key as a supervisor reads it: ``services.qy-sl.daily_cap`` →
    企业设立登记（qy-sl）· 每日放号上限; a key the table has no words for stays as it is."""
    parts = path.split(".")
    cat = hall.catalog
    if parts[0] in ENTRY_KEYS and len(parts) >= 2:
        name = parts[1]
        if parts[0] == "services":
            sv = next((x for x in cat.services if x.code == parts[1]), None)
            name = render("setup.named", lang, name=sv.name_in(lang), code=sv.code) if sv else name
        elif parts[0] == "clerks":
            c = next((x for x in cat.clerks if x.code == parts[1]), None)
            name = render("setup.named", lang, name=c.name, code=c.code) if c else name
        elif parts[0] in ("windows", "posts") and parts[1].isdigit():
            name = render("setup.window", lang, number=parts[1])
        elif parts[0] == "zones":
            zone = next((x for x in cat.services if x.zone_code == parts[1]), None)
            name = (
                render("setup.named", lang, name=zone.zone_name_in(lang), code=parts[1])
                if zone
                else name
            )
        if len(parts) == 2:
            return render(f"setup.entry.{parts[0]}", lang, name=name)
        field = f"setup.key.{parts[0]}.{parts[2]}"
        if has(field):
            return f"{name} · {render(field, lang)}"
        return path
    code = f"setup.key.{path}"
    return render(code, lang) if has(code) else path


# -- making a change -----------------------------------------------------------------------


def _record(
    s: Session,
    hall: HallSettings,
    now: datetime,
    what: str,
    by: Clerk | None,
    diffs: Sequence[Difference],
) -> None:
    event(
        s, hall, now, EventKind.SETTING_CHANGED, clerk=by, what=what,
        changes=[{"path": d.path, "old": d.old, "new": d.new} for d in diffs],
    )  # fmt: skip


def check(tables: Tables) -> HallConfig:
    try:
        return check_hall_config(copy.deepcopy(tables), "settings")
    except ConfigError as exc:
        raise SettingRefused(exc, _key_of(exc.where, tables)) from None


def change(
    s: Session,
    hall: HallSettings,
    supervisor: Clerk,
    what: str,
    edits: Sequence[Edit],
    now: datetime,
) -> tuple[SettingsChange, HallSettings]:
    """Apply ``edits`` to the hall's settings, checked as a file is, and record what really
    changed; the hall's settings as they are now. Nothing changed: nothing recorded."""
    before = hall_tables(s, hall, full=True)
    after = hall_tables(s, hall)
    for edit in edits:
        edit(after)
    config = check(after)
    load_config(s, config, now)
    s.flush()
    row = s.get(HallRow, hall.id)
    assert row is not None
    fresh = settings_of(s, row)
    diffs = differences(before, hall_tables(s, fresh, full=True))
    if diffs:
        _record(s, fresh, now, what, supervisor, diffs)
    return (
        SettingsChange(now, what, supervisor.code, supervisor.name, tuple(diffs)),
        fresh,
    )


def reset_password(
    s: Session, hall: HallSettings, supervisor: Clerk, code: str, password: str, now: datetime
) -> SettingsChange:
    """A clerk's password set by a supervisor (checked as a file's is), and their lock
    lifted; recorded without the password."""
    tables = hall_tables(s, hall)
    entry = _entry(tables, "clerks", "code", code)
    entry["password"] = password
    check(tables)
    row = s.scalars(
        select(Clerk).where(Clerk.hall_id == hall.id, Clerk.code == code).with_for_update()
    ).one()
    row.password_hash = hash_password(password)
    row.failed_sign_ins = 0
    row.locked_until = None
    diff = Difference(f"clerks.{code}.password", "******", "******")
    _record(s, hall, now, "password_reset", supervisor, [diff])
    return SettingsChange(now, "password_reset", supervisor.code, supervisor.name, (diff,))


def record_load(
    s: Session, hall: HallSettings, before: Tables | None, now: datetime
) -> tuple[Difference, ...]:
    """``yimen init --config``: what loading the file changed, recorded without a
    supervisor (``before``: the hall's tables before; None: the hall is new)."""
    if before is None:
        return ()
    diffs = differences(before, hall_tables(s, hall, full=True))
    if diffs:
        _record(s, hall, now, "init", None, diffs)
    return tuple(diffs)


def changes(
    s: Session, hall: HallSettings, since: datetime | None, limit: int
) -> list[SettingsChange]:
    """The recorded changes, newest first."""
    q = select(Event).where(Event.hall_id == hall.id, Event.kind == EventKind.SETTING_CHANGED)
    if since is not None:
        q = q.where(Event.at >= since)
    out = []
    for ev in s.scalars(q.order_by(Event.id.desc()).limit(limit)):
        data = ev.data or {}
        by = hall.catalog.clerk_by_id(ev.clerk_id)
        out.append(
            SettingsChange(
                at=ev.at,
                what=str(data.get("what", "")),
                by=by.code if by else None,
                by_name=by.name if by else None,
                changes=tuple(
                    Difference(str(c.get("path")), c.get("old"), c.get("new"))
                    for c in data.get("changes", [])
                ),
                event_id=ev.id,
            )
        )
    return out
