"""The hall's everyday settings changed from the supervisor's station, on SQLite and
PostgreSQL: every change is refused for anyone but a supervisor, checked with the
configuration loader's sentences, recorded with who and old → new, and the hall
exported afterwards loads back with ``yimen init --config`` as a no-op."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from shared.base.clock import FixedClock
from shared.base.errors import HallError
from shared.config.hall_file import parse_hall_config
from shared.config.halls import verify_password
from shared.hall import Hall, SettingsChange, init_hall
from shared.store.model import Clerk

from .conftest import DEMO_PASSWORD, local

Change = Callable[[Hall, str], SettingsChange]

#: Each change a supervisor makes, and the record's path → (old, new) it must leave.
CHANGES: dict[str, tuple[Change, dict[str, tuple[object, object]]]] = {
    "daily_cap": (
        lambda h, t: h.set_daily_cap(t, "qy-sl", 80),
        {"services.qy-sl.daily_cap": (60, 80)},
    ),
    "time_slots": (
        lambda h, t: h.set_time_slots(
            t, "qy-sl", [("09:00", "11:30"), ("13:30", "16:30")], [40, 0]
        ),
        {
            "services.qy-sl.time_slots": ([], [["09:00", "11:30"], ["13:30", "16:30"]]),
            "services.qy-sl.slot_caps": ([], [40, 0]),
        },
    ),
    "window_services": (
        lambda h, t: h.set_window_services(t, 3, ["gt-zc"]),
        {"windows.3.services": (["gt-zc", "sp-jy"], ["gt-zc"])},
    ),
    "display_notice": (
        lambda h, t: h.set_display_notice(t, "今日下午三点系统升级，请提前取号。"),
        {"display.notice": ("__any__", "今日下午三点系统升级，请提前取号。")},
    ),
    "holiday": (
        lambda h, t: h.set_calendar_day(t, "holidays", date(2026, 12, 31), True),
        {"calendar.holidays": ("__any__", "__any__")},
    ),
    "post": (
        lambda h, t: h.set_post(t, 3, "1003", "1014"),
        {"posts.3.b": ("1013", "1014")},
    ),
    "clerk_add": (
        lambda h, t: h.add_clerk(t, "2001", "林小雨", "clerk", "start123"),
        {"clerks.2001": (None, "")},
    ),
    "clerk_rename": (
        lambda h, t: h.update_clerk(t, "1014", name="朱红梅"),
        {},  # the same name: nothing changes, nothing is recorded
    ),
    "clerk_role": (
        lambda h, t: h.update_clerk(t, "1013", role="supervisor"),
        {"clerks.1013.role": ("clerk", "supervisor")},
    ),
    "clerk_disable": (
        lambda h, t: h.disable_clerk(t, "1016"),
        {"clerks.1016": ("", None)},
    ),
    "alarm_threshold": (
        lambda h, t: h.set_setting(t, "alarms.wait_minutes", 20),
        {"alarms.wait_minutes": (30, 20)},
    ),
    "password": (
        lambda h, t: h.reset_password(t, "1001", "newpass1"),
        {"clerks.1001.password": ("******", "******")},
    ),
}


@pytest.fixture
def boss(unstaffed_hall: Hall, clock: FixedClock) -> str:
    clock.set(local(24, 16, 0))
    return unstaffed_hall.sign_in_supervisor("1015", DEMO_PASSWORD, "desk").token


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_is_a_supervisors_recorded_and_exports_as_a_no_op(
    unstaffed_hall: Hall, boss: str, unstaffed_db_url: str, clock: FixedClock, name: str
) -> None:
    hall = unstaffed_hall
    change, wanted = CHANGES[name]
    # A supervisor made a clerk is refused, and nothing changes.
    demoted = hall.sign_in_supervisor("1016", DEMO_PASSWORD, "desk").token
    before = hall.export_config()
    hall.update_clerk(boss, "1016", role="clerk")
    with pytest.raises(HallError) as refused:
        change(hall, demoted)
    assert refused.value.code == "staff.not_supervisor"
    hall.update_clerk(boss, "1016", role="supervisor")
    assert hall.export_config() == before

    done = change(hall, boss)
    got = {d.path: (d.old, d.new) for d in done.changes}
    assert set(got) == set(wanted)
    for path, (old, new) in wanted.items():
        assert old == "__any__" or got[path][0] == old
        assert new == "__any__" or got[path][1] == new
    record = hall.setting_changes(limit=1)[0]
    if wanted:
        assert (record.by, record.what, record.at) == ("1015", done.what, local(24, 16, 0))
        assert {d.path for d in record.changes} == set(wanted)
    else:
        assert record.what == "clerk_update"  # 1016's role given back above, not this one
        assert {d.path for d in record.changes} == {"clerks.1016.role"}

    # The export loads back as a no-op: the same file, no change recorded.
    exported = hall.export_config()
    assert "password" not in exported
    summary = init_hall(unstaffed_db_url, parse_hall_config(exported), clock)
    assert summary.created is False
    hall.reload()
    assert hall.export_config() == exported
    assert hall.setting_changes(limit=1)[0].what != "init"


def test_refusals_are_the_loaders_sentences_and_change_nothing(
    unstaffed_hall: Hall, boss: str
) -> None:
    hall = unstaffed_hall
    before = hall.export_config()
    refusals = {
        "cap": lambda: hall.set_daily_cap(boss, "qy-sl", 0),
        "overlap": lambda: hall.set_time_slots(
            boss, "qy-sl", [("09:00", "12:00"), ("11:00", "16:00")]
        ),
        "quota count": lambda: hall.set_time_slots(boss, "qy-sl", [("09:00", "12:00")], [10, 5]),
        "same a and b": lambda: hall.set_post(boss, 3, "1003", "1003"),
        "unknown clerk": lambda: hall.set_post(boss, 3, "1003", "9999"),
        "in a post": lambda: hall.disable_clerk(boss, "1001"),
        "comprehensive": lambda: hall.set_window_services(boss, 1, ["qy-sl"]),
        "short password": lambda: hall.reset_password(boss, "1001", "123"),
        "unknown service": lambda: hall.set_daily_cap(boss, "no-such", 5),
        "bad path": lambda: hall.set_setting(boss, "hall.secret", "x"),
    }
    said = {}
    for name, attempt in refusals.items():
        with pytest.raises(HallError) as refused:
            attempt()
        said[name] = refused.value.message("zh")
        assert refused.value.message("en") != said[name]
    assert "至少" in said["cap"] or "1" in said["cap"]
    assert "重叠" in said["overlap"]
    assert "slot_caps" in said["quota count"]
    assert said["in a post"].startswith("1001 还是 1 号窗口的 AB 岗人员")
    assert said["unknown service"] == "没有编号为 no-such 的办理事项。"
    assert hall.export_config() == before
    assert hall.setting_changes() == []


def test_a_password_reset_lifts_the_lock_and_is_recorded_without_the_password(
    unstaffed_hall: Hall, boss: str
) -> None:
    hall = unstaffed_hall
    for _ in range(5):
        with pytest.raises(HallError):
            hall.sign_in("1001", "wrong!!", 1)
    hall.reset_password(boss, "1001", "fresh-start")
    assert hall.sign_in("1001", "fresh-start", 1).clerk == "1001"
    with hall.db.read() as s:
        row = s.query(Clerk).filter_by(code="1001").one()
        assert verify_password(row.password_hash, "fresh-start")
    record = hall.setting_changes(limit=1)[0]
    assert record.what == "password_reset" and "fresh-start" not in repr(record)


def test_a_slot_quota_refuses_the_next_ticket_and_names_the_next_slot(
    unstaffed_hall: Hall, boss: str, clock: FixedClock
) -> None:
    hall = unstaffed_hall
    hall.set_time_slots(boss, "qy-bg", [("09:00", "11:30"), ("13:30", "16:30")], [2, 1])
    clock.set(local(25, 9, 10))
    hall.issue_ticket("qy-bg")
    hall.issue_ticket("qy-bg")
    with pytest.raises(HallError) as full:
        hall.issue_ticket("qy-bg")
    assert (
        full.value.message("zh")
        == "本时段（09:00–11:30）的号已取完，下一时段 13:30–16:30 开始取号。"
    )
    clock.set(local(25, 13, 40))
    hall.issue_ticket("qy-bg")
    with pytest.raises(HallError) as last:
        hall.issue_ticket("qy-bg")
    assert last.value.code == "service.slot_full_last"


def test_a_changed_setting_reaches_another_station(
    unstaffed_hall: Hall, boss: str, unstaffed_db_url: str, clock: FixedClock
) -> None:
    other = Hall.connect(unstaffed_db_url, clock=clock)
    try:
        assert other.settings.catalog.service("qy-sl").daily_cap == 60
        unstaffed_hall.set_daily_cap(boss, "qy-sl", 75)
        # What a station does when the feed brings setting_changed: its next operation
        # reads the settings again, though they are not a minute old.
        other.mark_stale()
        assert next(sv for sv in other.services() if sv.code == "qy-sl").daily_cap == 75
        unstaffed_hall.set_daily_cap(boss, "qy-sl", 70)
        other.reload()
        assert other.settings.catalog.service("qy-sl").daily_cap == 70
    finally:
        other.close()


def test_an_ab_post_needs_both_clerks(unstaffed_hall: Hall, boss: str) -> None:
    hall = unstaffed_hall
    for a, b in (("1003", None), (None, "1013"), ("1003", " ")):
        with pytest.raises(HallError) as refused:
            hall.set_post(boss, 3, a, b)
        assert refused.value.message("zh") == "3 号窗口的 AB 岗要同时选定 A 岗和 B 岗两位工作人员。"
    with pytest.raises(HallError) as unknown:
        hall.set_post(boss, 99, "1003", "1013")
    assert unknown.value.code == "setup.unknown_window"
    done = hall.set_post(boss, 3, None, None)
    assert [(d.path, d.new) for d in done.changes] == [("posts.3", None)]
    assert hall.post(3) is None
