"""A hall in the database: its settings as the core reads them, and loading a hall
configuration (TOML, see `shared.config.hall_file`) into the database.

Loading is an upsert by code: zones, services, windows and clerks named in the
file are created or updated; those no longer named are marked inactive, never
deleted, so every ticket and event keeps its meaning.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from time import monotonic
from typing import Any
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.config.calendar import Opening, opening_on
from shared.config.catalog import Catalog, load_catalog
from shared.config.hall_file import (
    AlarmsConfig,
    CalendarConfig,
    DisplayConfig,
    HallConfig,
    KioskConfig,
    NoticeConfig,
    ReviewsConfig,
    RulesConfig,
    StaffingConfig,
    VoiceConfig,
)
from shared.store.model import Clerk, Hall, Post, Role, Service, Window, WindowService, Zone

#: ``YIMEN_PASSWORD_COST=test`` makes password hashes cheap: the test suite sets it, as it
#: hashes and checks passwords thousands of times. Anywhere else a hash costs what
#: argon2id's recommended profile costs (RFC 9106, low memory: 64 MiB, 3 passes, 4 lanes),
#: whatever the variable says: any other value is ignored.
TEST_COST = "test"


def _hasher() -> PasswordHasher:
    if os.environ.get("YIMEN_PASSWORD_COST") == TEST_COST:
        return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    return PasswordHasher()


_hasher_now = _hasher()


@dataclass(frozen=True)
class HallSettings:
    """What the core needs to know of a hall for every operation (read once, cached)."""

    id: int
    code: str
    name: str
    tz: ZoneInfo
    rules: RulesConfig
    calendar: CalendarConfig
    voice: VoiceConfig
    kiosk: KioskConfig
    display: DisplayConfig
    staffing: StaffingConfig
    notice: NoticeConfig
    reviews: ReviewsConfig
    alarms: AlarmsConfig
    secret: bytes
    catalog: Catalog
    loaded_at: float  # monotonic() when read: the facade reloads after CATALOG_SECONDS

    def local(self, now: datetime) -> datetime:
        return now.astimezone(self.tz)

    def hhmm(self, at: datetime | None) -> str:
        """A moment as the hall's clock shows it (09:05); "" for none."""
        return "" if at is None else f"{self.local(at):%H:%M}"

    def business_day(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    def at(self, day: date, t: time) -> datetime:
        """A local wall-clock time of a day, as an aware datetime."""
        return datetime.combine(day, t, tzinfo=self.tz)

    def opening(self, day: date) -> Opening | None:
        return opening_on(self.calendar, day)

    def day_start(self, day: date) -> datetime:
        return self.at(day, time(0, 0))

    def day_end(self, day: date) -> datetime:
        return self.day_start(day) + timedelta(days=1)


def settings_of(s: Session, hall: Hall) -> HallSettings:
    return HallSettings(
        id=hall.id,
        code=hall.code,
        name=hall.name,
        tz=ZoneInfo(hall.timezone),
        rules=RulesConfig.model_validate(hall.rules),
        calendar=CalendarConfig.model_validate(hall.calendar),
        voice=VoiceConfig.model_validate(hall.voice or {}),
        kiosk=KioskConfig.model_validate(hall.kiosk or {}),
        display=DisplayConfig.model_validate(hall.display or {}),
        staffing=StaffingConfig.model_validate(hall.staffing or {}),
        notice=NoticeConfig.model_validate(hall.notice or {}),
        reviews=ReviewsConfig.model_validate(hall.reviews or {}),
        alarms=AlarmsConfig.model_validate(hall.alarms or {}),
        secret=bytes.fromhex(hall.secret),
        catalog=load_catalog(s, hall.id),
        loaded_at=monotonic(),
    )


def find_hall(s: Session, code: str | None = None) -> HallSettings:
    """The hall with this code; without a code, the only hall in the database."""
    if code is not None:
        hall = s.scalars(select(Hall).where(Hall.code == code)).one_or_none()
        if hall is None:
            raise HallError("hall.not_found", hall=code)
        return settings_of(s, hall)
    halls = list(s.scalars(select(Hall).order_by(Hall.code).limit(10)))
    if not halls:
        raise HallError("hall.none")
    if len(halls) > 1:
        raise HallError("hall.ambiguous", halls="、".join(h.code for h in halls))
    return settings_of(s, halls[0])


def hash_password(password: str) -> str:
    return _hasher_now.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher_now.verify(password_hash, password)
    except Exception:  # argon2 raises several kinds for a mismatch or a bad hash
        return False


@dataclass(frozen=True)
class LoadSummary:
    hall_code: str
    created: bool
    zones: int
    services: int
    windows: int
    clerks: int
    posts: int
    changes: int = 0  # the settings changes loading recorded (`shared.rules.setup.record_load`)


def load_config(s: Session, config: HallConfig, now: datetime) -> LoadSummary:
    """Create or update a hall from its configuration, in the caller's transaction."""
    info = config.hall
    hall = s.scalars(select(Hall).where(Hall.code == info.code)).one_or_none()
    created = hall is None
    if hall is None:
        hall = Hall(code=info.code, secret=secrets.token_hex(32), created_at=now)
        s.add(hall)
    hall.name = info.name
    hall.timezone = info.timezone
    hall.calendar = config.calendar.model_dump(mode="json")
    hall.rules = config.rules.model_dump(mode="json")
    hall.voice = config.voice.model_dump(mode="json")
    hall.kiosk = config.kiosk.model_dump(mode="json")
    hall.display = config.display.model_dump(mode="json")
    hall.staffing = config.staffing.model_dump(mode="json")
    hall.notice = config.notice.model_dump(mode="json")
    hall.reviews = config.reviews.model_dump(mode="json")
    hall.alarms = config.alarms.model_dump(mode="json")
    s.flush()

    zones = _upsert(s, Zone, hall.id, "code", {z.code: {"name": z.name} for z in config.zones})
    s.flush()
    services = _upsert(
        s,
        Service,
        hall.id,
        "code",
        {
            sv.code: {
                "zone_id": zones[sv.zone].id,
                "name": sv.name,
                "prefix": sv.prefix,
                "materials": list(sv.materials),
                "daily_cap": sv.daily_cap,
                "handling_minutes": sv.handling_minutes,
                "time_slots": [
                    [a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in sv.time_slots
                ],
                "slot_caps": list(sv.slot_caps),
                "position": position,
            }
            for position, sv in enumerate(config.services)
        },
    )
    clerks = _upsert(
        s,
        Clerk,
        hall.id,
        "code",
        {c.code: {"name": c.name, "role": Role(c.role)} for c in config.clerks},
    )
    for c in config.clerks:
        row = clerks[c.code]
        if c.password is not None and not verify_password(row.password_hash, c.password):
            row.password_hash = hash_password(c.password)
    windows = _upsert(
        s,
        Window,
        hall.id,
        "number",
        {
            w.number: {
                "name": w.name,
                "zone_id": zones[w.zone].id if w.zone else None,
                "comprehensive": w.comprehensive,
                "kinds": list(w.kinds),
            }
            for w in config.windows
        },
    )
    s.flush()
    for w in config.windows:
        row = windows[w.number]
        s.execute(delete(WindowService).where(WindowService.window_id == row.id))
        for code in w.services:
            s.add(WindowService(window_id=row.id, service_id=services[code].id))

    s.execute(delete(Post).where(Post.hall_id == hall.id))
    for p in config.posts:
        s.add(
            Post(
                hall_id=hall.id,
                window_id=windows[p.window].id,
                a_clerk_id=clerks[p.a].id,
                b_clerk_id=clerks[p.b].id,
            )
        )
    s.flush()
    return LoadSummary(
        hall_code=hall.code,
        created=created,
        zones=len(config.zones),
        services=len(config.services),
        windows=len(config.windows),
        clerks=len(config.clerks),
        posts=len(config.posts),
    )


def _upsert(
    s: Session,
    cls: type[Zone] | type[Service] | type[Clerk] | type[Window],
    hall_id: int,
    key: str,
    wanted: Mapping[Any, dict[str, Any]],
) -> dict[Any, Any]:
    """Rows of ``cls`` by key, with the wanted fields: existing ones updated and
    re-activated, missing ones created, ones no longer wanted marked inactive."""
    rows: dict[Any, Any] = {
        getattr(r, key): r for r in s.scalars(select(cls).where(cls.hall_id == hall_id))
    }
    for k, existing in rows.items():
        existing.active = k in wanted
    for k, fields in wanted.items():
        row = rows.get(k)
        if row is None:
            row = cls(hall_id=hall_id, **{key: k})
            s.add(row)
            rows[k] = row
        row.active = True
        for name, value in fields.items():
            setattr(row, name, value)
    return rows
