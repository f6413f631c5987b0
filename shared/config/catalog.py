"""The hall's catalogue: its services, windows, clerks and posts as plain frozen data.

These change only when the hall's configuration is loaded again (``yimen init``), yet
every operation needs them: which services a window serves, a clerk's id, the name of
a service for the slip. Reading them once per operation was most of an operation's
cost; the facade keeps a catalogue and reloads it every minute (`CATALOG_SECONDS`).
Live state (who sits at a window, whether it is paused, the tickets) is always read
from the database, never from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.base.errors import HallError
from shared.base.messages import named
from shared.store.model import Clerk, Post, Role, Service, Window, WindowService, Zone
from shared.store.model import Hall as HallRow

CATALOG_SECONDS = 60.0


@dataclass(frozen=True)
class ServiceEntry:
    id: int
    code: str
    name: str
    prefix: str
    zone_id: int
    zone_code: str
    zone_name: str
    materials: tuple[str, ...]
    daily_cap: int | None
    handling_minutes: int
    time_slots: tuple[tuple[str, str], ...]
    position: int
    name_en: str | None = None  # [[services]] name_en, if the hall gave one
    zone_name_en: str | None = None
    slot_caps: tuple[int, ...] = ()  # per time slot, 0: no quota; empty: none at all

    def name_in(self, lang: str) -> str:
        """The service's name in ``lang``: the English one when there is one."""
        return named(self.name, self.name_en, lang)

    def zone_name_in(self, lang: str) -> str:
        return named(self.zone_name, self.zone_name_en, lang)


@dataclass(frozen=True)
class WindowEntry:
    id: int
    number: int
    name: str
    zone_id: int | None
    zone_code: str | None
    zone_name: str | None
    comprehensive: bool
    kinds: tuple[str, ...]
    service_ids: frozenset[int]  # what it serves (a comprehensive window: its zone's or all)
    a_clerk_id: int | None
    b_clerk_id: int | None


@dataclass(frozen=True)
class ClerkEntry:
    id: int
    code: str
    name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class Catalog:
    services: tuple[ServiceEntry, ...]  # active ones, in the kiosk's order
    windows: tuple[WindowEntry, ...]  # active ones, by number
    clerks: tuple[ClerkEntry, ...]
    _services_by_code: Mapping[str, ServiceEntry] = field(repr=False, default_factory=dict)
    _services_by_id: Mapping[int, ServiceEntry] = field(repr=False, default_factory=dict)
    _windows_by_number: Mapping[int, WindowEntry] = field(repr=False, default_factory=dict)
    _windows_by_id: Mapping[int, WindowEntry] = field(repr=False, default_factory=dict)
    _clerks_by_code: Mapping[str, ClerkEntry] = field(repr=False, default_factory=dict)
    _clerks_by_id: Mapping[int, ClerkEntry] = field(repr=False, default_factory=dict)

    @classmethod
    def of(
        cls,
        services: tuple[ServiceEntry, ...],
        windows: tuple[WindowEntry, ...],
        clerks: tuple[ClerkEntry, ...],
    ) -> Catalog:
        return cls(
            services,
            windows,
            clerks,
            {s.code: s for s in services},
            {s.id: s for s in services},
            {w.number: w for w in windows},
            {w.id: w for w in windows},
            {c.code: c for c in clerks},
            {c.id: c for c in clerks},
        )

    def service(self, code: str) -> ServiceEntry:
        try:
            return self._services_by_code[code]
        except KeyError:
            raise HallError("service.unknown", service=code) from None

    def service_by_id(self, service_id: int) -> ServiceEntry | None:
        return self._services_by_id.get(service_id)

    def service_of(self, s: Session, service_id: int) -> ServiceEntry:
        """A service by id, even one retired since (a ticket's or an appointment's)."""
        entry = self._services_by_id.get(service_id)
        if entry is not None:
            return entry
        sv = s.get(Service, service_id)
        zone = s.get(Zone, sv.zone_id) if sv else None
        assert sv is not None and zone is not None
        hall = s.get(HallRow, sv.hall_id)
        return service_entry(sv, zone, english_names(hall.kiosk if hall else None))

    def window(self, number: int) -> WindowEntry:
        try:
            return self._windows_by_number[number]
        except KeyError:
            raise HallError("window.unknown", window=number) from None

    def window_by_id(self, window_id: int | None) -> WindowEntry | None:
        return None if window_id is None else self._windows_by_id.get(window_id)

    def clerk(self, code: str) -> ClerkEntry:
        clerk = self._clerks_by_code.get(code)
        if clerk is None:
            raise HallError("clerk.unknown", clerk=code)
        if not clerk.active:
            raise HallError("clerk.inactive", clerk=code)
        return clerk

    def clerk_by_id(self, clerk_id: int | None) -> ClerkEntry | None:
        return None if clerk_id is None else self._clerks_by_id.get(clerk_id)

    def windows_serving(self, service_id: int) -> tuple[WindowEntry, ...]:
        return tuple(w for w in self.windows if service_id in w.service_ids)


def english_names(kiosk: Mapping[str, Any] | None) -> tuple[dict[str, str], dict[str, str]]:
    """The zones' and the services' English names by code, from a hall's stored kiosk
    settings (where the configuration keeps them, `shared.config.hall_file.KioskConfig`)."""
    kiosk = kiosk or {}

    def names(section: str) -> dict[str, str]:
        items = kiosk.get(section) or {}
        return {code: v["name_en"] for code, v in items.items() if (v or {}).get("name_en")}

    return names("zones"), names("services")


def service_entry(
    sv: Service, zone: Zone, english: tuple[dict[str, str], dict[str, str]] = ({}, {})
) -> ServiceEntry:
    zones_en, services_en = english
    return ServiceEntry(
        id=sv.id,
        code=sv.code,
        name=sv.name,
        prefix=sv.prefix,
        zone_id=sv.zone_id,
        zone_code=zone.code,
        zone_name=zone.name,
        materials=tuple(sv.materials),
        daily_cap=sv.daily_cap,
        handling_minutes=sv.handling_minutes,
        time_slots=tuple((a, b) for a, b in sv.time_slots),
        position=sv.position,
        name_en=services_en.get(sv.code),
        zone_name_en=zones_en.get(zone.code),
        slot_caps=tuple(int(n) for n in sv.slot_caps or ()),
    )


def load_catalog(s: Session, hall_id: int) -> Catalog:
    zones = {z.id: z for z in s.scalars(select(Zone).where(Zone.hall_id == hall_id))}
    hall = s.get(HallRow, hall_id)  # already in the session: the caller has just read it
    english = english_names(hall.kiosk if hall else None)
    services = tuple(
        service_entry(sv, zones[sv.zone_id], english)
        for sv in s.scalars(
            select(Service)
            .where(Service.hall_id == hall_id, Service.active.is_(True))
            .order_by(Service.position, Service.code)
        )
    )
    explicit: dict[int, set[int]] = {}
    for window_id, service_id in s.execute(
        select(WindowService.window_id, WindowService.service_id)
        .join(Window, Window.id == WindowService.window_id)
        .where(Window.hall_id == hall_id)
    ):
        explicit.setdefault(window_id, set()).add(service_id)
    posts = {p.window_id: p for p in s.scalars(select(Post).where(Post.hall_id == hall_id))}
    active_ids = {sv.id for sv in services}
    windows = []
    for w in s.scalars(
        select(Window)
        .where(Window.hall_id == hall_id, Window.active.is_(True))
        .order_by(Window.number)
    ):
        if w.comprehensive:
            served = {sv.id for sv in services if w.zone_id in (None, sv.zone_id)}
        else:
            served = explicit.get(w.id, set()) & active_ids
        zone = zones.get(w.zone_id) if w.zone_id is not None else None
        post = posts.get(w.id)
        windows.append(
            WindowEntry(
                id=w.id,
                number=w.number,
                name=w.name,
                zone_id=w.zone_id,
                zone_code=zone.code if zone else None,
                zone_name=zone.name if zone else None,
                comprehensive=w.comprehensive,
                kinds=tuple(w.kinds),
                service_ids=frozenset(served),
                a_clerk_id=post.a_clerk_id if post else None,
                b_clerk_id=post.b_clerk_id if post else None,
            )
        )
    clerks = tuple(
        ClerkEntry(id=c.id, code=c.code, name=c.name, role=c.role, active=c.active)
        for c in s.scalars(select(Clerk).where(Clerk.hall_id == hall_id).order_by(Clerk.code))
    )
    return Catalog.of(services, tuple(windows), clerks)
