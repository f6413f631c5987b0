"""The hall's checks of ``yimen doctor``: the database, the clock against it, the hall's
configuration and its calendar, over one connection.

Each problem is its own sentence with what to do, since each has its own cure: a server
that does not answer (the network, the service), a wrong password (the URL), a database
never set up (``yimen init``), one set up by an older program (back up, then ``yimen
init`` upgrades it) or by a newer one (upgrade this PC's program).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.orm import Session

from shared.base.errors import EnvironmentFault, HallError
from shared.config.export import check_tables, hall_tables
from shared.config.hall_file import CalendarConfig, ConfigError, load_hall_config
from shared.config.halls import HallSettings, find_hall
from shared.devices.checks import HALL_CHECKS, Finding, HallLook, Station
from shared.store.db import Database, connect, parse_url
from shared.store.schema import current_revision, head_revision, known_revisions

#: More than this between this PC's clock and the database server's is a problem: the
#: tickets' times, the waits and the hall's opening hours are read against the server's
#: clock, and a minute off puts a call or a sign-in in the wrong minute.
SKEW_SECONDS = 30.0

#: The fix for each fault the database connection can end in.
_DB_FIXES = {
    "db.bad_url": "doctor.database.fix.bad_url",
    "db.unreachable": "doctor.database.fix.unreachable",
    "db.auth_failed": "doctor.database.fix.auth_failed",
    "db.no_database": "doctor.database.fix.no_database",
    "db.cannot_open": "doctor.database.fix.cannot_open",
}


def look(pc: Station) -> HallLook:
    """Open the database once, and check it, the clock, the configuration and the
    calendar; what cannot be checked because the database cannot be read says so. A hall
    file named with ``--config`` is checked, with its calendar, whatever the database."""
    found = _open(pc)
    if pc.config_file is None:
        return found
    return replace(found, findings={**found.findings, **file_checks(pc, pc.config_file)})


def _open(pc: Station) -> HallLook:
    try:
        url = parse_url(pc.url)
    except EnvironmentFault as exc:
        return _database_down(pc, _fault(pc, exc))
    if url.drivername == "sqlite":
        path = Path(url.database or "").expanduser()
        if not path.is_file():  # never made here: connecting would create an empty file
            return _database_down(
                pc,
                pc.problem(
                    "database", "doctor.database.no_file", "doctor.database.fix.init", path=path
                ),
            )
    try:
        db = connect(pc.url, pool_size=1)
    except EnvironmentFault as exc:
        return _database_down(pc, _fault(pc, exc))
    try:
        return _look(pc, db)
    finally:
        db.dispose()


def _look(pc: Station, db: Database) -> HallLook:
    try:
        current = current_revision(db)
    except EnvironmentFault as exc:
        return _database_down(pc, _fault(pc, exc))
    head = head_revision()
    if current is None:
        database = pc.problem(
            "database", "doctor.database.not_initialised", "doctor.database.fix.init"
        )
        return _database_down(pc, database)
    if current != head:
        older = current in known_revisions()  # else a newer program's, unreadable here
        database = pc.problem(
            "database",
            "doctor.database.too_old" if older else "doctor.database.too_new",
            "doctor.database.fix.too_old" if older else "doctor.database.fix.too_new",
            current=current,
            head=head,
        )
        return _database_down(pc, database)
    findings = {"database": pc.ok("database", "doctor.database.ok", head=head)}
    findings["clock"] = clock(pc, db)
    settings: HallSettings | None = None
    try:
        with db.read() as s:
            settings = find_hall(s, pc.hall_code)
            findings["config"] = stored_config(pc, s, settings)
    except (HallError, ValidationError, EnvironmentFault) as exc:
        findings["config"] = _hall_unreadable(pc, exc)
    if settings is None:
        findings["calendar"] = pc.not_checked("calendar", "doctor.not_checked.config")
        return HallLook(findings)
    findings["calendar"] = calendar(pc, settings.calendar, settings.tz)
    return HallLook(findings, voice=settings.voice, slip_width_mm=settings.kiosk.slip_width_mm)


def _fault(pc: Station, exc: EnvironmentFault) -> Finding:
    """The database cannot be opened: the core's own sentence of why, and what to do."""
    fix = _DB_FIXES.get(exc.code, "doctor.database.fix.again")
    return pc.problem("database", "doctor.database.fault", fix, detail=exc.message(pc.lang))


def _database_down(pc: Station, database: Finding) -> HallLook:
    rest = {c: pc.not_checked(c, "doctor.not_checked.database") for c in HALL_CHECKS}
    return HallLook({**rest, "database": database})


# -- the clock ----------------------------------------------------------------------------


def server_now(s: Session) -> datetime:
    """The database server's clock: the moment it runs the statement."""
    value: datetime = s.execute(text("SELECT clock_timestamp()")).scalar_one()
    return value


def clock(pc: Station, db: Database) -> Finding:
    """This PC's clock against the database server's, taken halfway through the question
    (so the network's round trip does not count as skew)."""
    if db.dialect == "sqlite":
        return pc.ok("clock", "doctor.clock.same_pc")

    def ask(s: Session) -> tuple[float, datetime, float]:
        s.execute(text("SELECT 1"))  # the connection made and warm: only the question timed
        before = time.time()
        server = server_now(s)
        return before, server, time.time()

    try:
        before, server, after = db.run_read(ask, attempts=1)
    except EnvironmentFault as exc:
        return pc.problem(
            "clock",
            "doctor.clock.unreadable",
            "doctor.database.fix.again",
            detail=exc.message(pc.lang),
        )
    if server.tzinfo is None:
        server = server.replace(tzinfo=UTC)
    ahead = round((before + after) / 2 - server.timestamp(), 1)  # this PC ahead of the server
    uncertainty = round((after - before) / 2, 2)
    host = db.url.host or "localhost"
    if abs(ahead) <= SKEW_SECONDS:
        return pc.ok("clock", "doctor.clock.ok", seconds=abs(ahead), host=host)
    code = "doctor.clock.ahead" if ahead > 0 else "doctor.clock.behind"
    finding = pc.problem(
        "clock",
        code,
        "doctor.clock.fix",
        seconds=round(abs(ahead)),
        host=host,
        most=f"{SKEW_SECONDS:g}",
    )
    finding.details.update(ahead_seconds=ahead, uncertainty_seconds=uncertainty)
    return finding


# -- the configuration and the calendar -------------------------------------------------


def file_checks(pc: Station, path: Path) -> dict[str, Finding]:
    """A hall file checked before ``yimen init`` loads it, and its calendar."""
    try:
        checked = load_hall_config(path)
    except ConfigError as exc:
        bad = pc.problem(
            "config", "doctor.config.file_bad", "doctor.config.fix.file",
            problem=exc.message(pc.lang), path=path,
        )  # fmt: skip
        return {"config": bad, "calendar": pc.not_checked("calendar", "doctor.not_checked.config")}
    return {
        "config": pc.ok("config", "doctor.config.file_ok", path=path, hall=checked.hall.code),
        "calendar": calendar(pc, checked.calendar, ZoneInfo(checked.hall.timezone)),
    }


def stored_config(pc: Station, s: Session, settings: HallSettings) -> Finding:
    """The hall as the database holds it, checked as its file would be (a setting a
    supervisor changed, or one stored by another version of the program)."""
    try:
        checked = check_tables(hall_tables(s, settings), settings.code)
    except ConfigError as exc:
        return pc.problem(
            "config", "doctor.config.stored_bad", "doctor.config.fix.stored",
            hall=settings.code, where=exc.where or "-", problem=exc.text(pc.lang),
        )  # fmt: skip
    return pc.ok(
        "config",
        "doctor.config.ok",
        hall=settings.code,
        name=settings.name,
        services=len(checked.services),
        windows=len(checked.windows),
    )


def _hall_unreadable(pc: Station, exc: Exception) -> Finding:
    if isinstance(exc, HallError):  # no hall, several, or not the one named
        fix = {
            "hall.ambiguous": "doctor.config.fix.ambiguous",
            "hall.not_found": "doctor.config.fix.not_found",
        }.get(exc.code, "doctor.database.fix.init")
        return pc.problem("config", "doctor.config.no_hall", fix, detail=exc.message(pc.lang))
    if isinstance(exc, EnvironmentFault):
        return pc.problem(
            "config", "doctor.database.fault", "doctor.database.fix.again",
            detail=exc.message(pc.lang),
        )  # fmt: skip
    assert isinstance(exc, ValidationError)  # settings stored by another version
    where = ".".join(str(p) for p in exc.errors()[0]["loc"]) if exc.errors() else ""
    return pc.problem(
        "config", "doctor.config.unreadable", "doctor.config.fix.reload", where=where or "-"
    )


def calendar(pc: Station, cal: CalendarConfig, tz: ZoneInfo) -> Finding:
    """The calendar holds this year's public holidays: without them the hall opens, and
    the kiosk issues tickets, on 国庆 and 春节 as on any weekday."""
    year = pc.now().astimezone(tz).year
    holidays = [d for d in cal.holidays if d.year == year]
    swaps = [d for d in cal.workday_swaps if d.year == year]
    if not holidays:
        return pc.problem(
            "calendar", "doctor.calendar.no_holidays", "doctor.calendar.fix", year=year
        )
    return pc.ok(
        "calendar", "doctor.calendar.ok", year=year, holidays=len(holidays), swaps=len(swaps)
    )
