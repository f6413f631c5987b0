"""The facade's settings: a screen may look at them on its GUI thread without touching the
database, and a configuration loaded again reaches a running station with its next
operation once the settings it holds are a minute old."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shared.base.clock import FixedClock
from shared.config.hall_file import HallConfig
from shared.hall import Hall, init_hall
from shared.store import db as store_db


@pytest.fixture
def no_sessions() -> Iterator[list[str]]:
    """Every session opened while it is on, noted instead of opened quietly."""
    opened: list[str] = []
    before = store_db.session_guard
    store_db.session_guard = lambda: opened.append("session")
    yield opened
    store_db.session_guard = before


def renamed(config: HallConfig, code: str, name: str) -> HallConfig:
    services = [
        s.model_copy(update={"name": name}) if s.code == code else s for s in config.services
    ]
    return config.model_copy(update={"services": services})


def test_the_settings_never_read_the_database(
    hall: Hall, no_sessions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shared.hall.monotonic", lambda: 1e12)  # far past a minute old
    assert hall.settings.catalog.service("qy-sl").name
    assert hall.code and hall.name
    assert no_sessions == []


def test_a_new_configuration_reaches_the_station_with_its_next_operation(
    hall: Hall,
    db_url: str,
    clock: FixedClock,
    demo_config: HallConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = hall.settings.catalog.service("qy-sl").name
    init_hall(db_url, renamed(demo_config, "qy-sl", "企业设立登记（新）"), clock)
    hall.services()  # a minute has not passed: the settings held are still good
    assert hall.settings.catalog.service("qy-sl").name == old
    later = hall.settings.loaded_at + 61
    monkeypatch.setattr("shared.hall.monotonic", lambda: later)
    assert hall.settings.catalog.service("qy-sl").name == old  # looking reads nothing
    ticket = hall.issue_ticket("qy-sl")  # an operation reads them again, in its transaction
    assert hall.settings.catalog.service("qy-sl").name == "企业设立登记（新）"
    assert ticket.service_name == "企业设立登记（新）"
