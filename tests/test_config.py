"""The hall configuration file, as the hall's IT person meets it.

They edit a TOML file by hand.  When it is right, the hall loads with everything in it;
when it is wrong, they get one sentence in Chinese (and English) naming the file, the
line or the key, and what to fix, never a Python traceback or pydantic's wording.
"""

from __future__ import annotations

import pickle
from datetime import date, time
from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.config.hall_file import (
    DEMO_HALL_PATH,
    CalendarConfig,
    ConfigError,
    HallConfig,
    KioskConfig,
    load_hall_config,
    parse_hall_config,
)

# A small but complete hall; the error tests break one thing in it at a time.
SMALL_HALL = """\
[hall]
code = "T1"
name = "测试镇便民服务中心"

[calendar]
open = "09:00"
close = "17:00"
noon_break = ["12:00", "13:30"]

[[zones]]
code = "SS"
name = "商事经营"

[[zones]]
code = "MS"
name = "社会民生"

[[services]]
code = "qy-sl"
zone = "SS"
name = "企业设立登记"
prefix = "A"
materials = ["公司登记（备案）申请书", "公司章程"]
daily_cap = 50

[[services]]
code = "sb-cb"
zone = "MS"
name = "社保参保登记"
prefix = "D"
time_slots = [["09:00", "11:30"], ["13:30", "16:00"]]

[[windows]]
number = 1
name = "商事经营综合受理窗口"
zone = "SS"
comprehensive = true

[[windows]]
number = 2
name = "社保窗口"
zone = "MS"
services = ["sb-cb"]

[[windows]]
number = 3
name = "帮办代办服务台"
kinds = ["help_desk"]

[[clerks]]
code = "1001"
name = "王丽娟"

[[clerks]]
code = "1002"
name = "李建国"
role = "supervisor"
password = "demo1234"

[[posts]]
window = 1
a = "1001"
b = "1002"
"""

PYDANTIC_WORDS = ("Input should", "pydantic", "validation error", "Traceback", "type=", "[type")


def small_hall_with(old: str, new: str) -> str:
    """The small hall with exactly one piece of text changed."""
    assert SMALL_HALL.count(old) == 1, f"{old!r} must occur once in SMALL_HALL"
    return SMALL_HALL.replace(old, new)


def mistake(old: str, new: str) -> ConfigError:
    """Load the small hall with one change; it must be refused with a ConfigError."""
    with pytest.raises(ConfigError) as caught:
        parse_hall_config(small_hall_with(old, new), source="halls/t1.toml")
    err = caught.value
    for text in (err.message("zh"), err.message("en")):
        assert not any(word in text for word in PYDANTIC_WORDS), text
    return err


@pytest.fixture(scope="module")
def demo() -> HallConfig:
    return load_hall_config(DEMO_HALL_PATH)


# --------------------------------------------------------------------------------------
# The demo hall


def test_the_demo_hall_file_ships_next_to_the_package() -> None:
    assert DEMO_HALL_PATH.name == "demo-hall.toml"
    assert DEMO_HALL_PATH.parent.name == "assets"
    assert DEMO_HALL_PATH.is_file()


def test_the_demo_hall_loads_as_qingchuan_district_in_shanghai_time(demo: HallConfig) -> None:
    assert demo.hall.code == "QC"
    assert demo.hall.name == "青川区政务服务中心"
    assert demo.hall.timezone == "Asia/Shanghai"


def test_the_demo_hall_has_three_zones_and_about_fifteen_services(demo: HallConfig) -> None:
    assert [z.name for z in demo.zones] == ["商事经营", "社会民生", "投资项目"]
    assert len(demo.services) >= 12
    zone_codes = {z.code for z in demo.zones}
    assert {s.zone for s in demo.services} == zone_codes, "every zone offers services"


def test_every_demo_service_tells_the_citizen_three_to_seven_materials(
    demo: HallConfig,
) -> None:
    for service in demo.services:
        assert 3 <= len(service.materials) <= 7, service.name


def test_the_demo_hall_caps_some_services_and_slots_one_or_two(demo: HallConfig) -> None:
    capped = [s for s in demo.services if s.daily_cap is not None]
    slotted = [s for s in demo.services if s.time_slots]
    assert capped and len(capped) < len(demo.services)
    assert 1 <= len(slotted) <= 2
    assert all(s.prefix.isupper() and len(s.prefix) == 1 for s in demo.services)


def test_the_demo_hall_has_comprehensive_and_special_windows(demo: HallConfig) -> None:
    assert len(demo.windows) >= 10
    comprehensive_zones = {w.zone for w in demo.windows if w.comprehensive}
    assert comprehensive_zones == {"SS", "MS", "TZ", None}, "one per zone and one hall-wide"
    kinds = {kind for w in demo.windows for kind in w.kinds}
    assert kinds == {"green_channel", "help_desk", "cross_region", "one_matter"}
    help_desk = next(w for w in demo.windows if "help_desk" in w.kinds)
    assert help_desk.services == () and not help_desk.comprehensive


def test_the_demo_hall_has_sixteen_clerks_two_of_them_supervisors(demo: HallConfig) -> None:
    assert len(demo.clerks) >= 12
    assert sum(c.role == "supervisor" for c in demo.clerks) == 2
    assert {c.password for c in demo.clerks} == {"demo1234"}
    assert "演示密码" in DEMO_HALL_PATH.read_text(encoding="utf-8")


def test_every_demo_window_has_an_a_and_a_b_clerk(demo: HallConfig) -> None:
    posts = {p.window: p for p in demo.posts}
    assert set(posts) == {w.number for w in demo.windows}
    a_clerks = [p.a for p in demo.posts]
    assert len(a_clerks) == len(set(a_clerks)), "nobody is A of two windows"
    assert all(p.a != p.b for p in demo.posts)


def test_the_demo_calendar_is_monday_to_friday_with_saturday_mornings(demo: HallConfig) -> None:
    cal = demo.calendar
    assert cal.workdays == ("mon", "tue", "wed", "thu", "fri")
    assert (cal.open, cal.close) == (time(9, 0), time(17, 30))
    assert cal.noon_break == (time(12, 0), time(13, 30))
    assert (cal.tickets_from, cal.tickets_until) == (time(8, 30), time(17, 0))
    assert cal.summer is not None and cal.summer.noon_break == (time(12, 0), time(14, 30))
    assert [(w.day, w.open, w.close) for w in cal.weekend] == [("sat", time(9), time(12))]
    assert date(2026, 10, 1) in cal.holidays
    assert date(2026, 9, 20) in cal.workday_swaps


def test_the_demo_rules_keep_place_on_transfer_and_allow_five_recalls(demo: HallConfig) -> None:
    assert demo.rules.priority_head_start_minutes == 15
    assert demo.rules.transfer_keeps_place is True
    assert demo.rules.max_recalls == 5
    assert demo.rules.no_show_requeues == 1


# --------------------------------------------------------------------------------------
# Reading values


def test_a_small_hall_gets_the_default_rules_and_a_monday_to_friday_week() -> None:
    config = parse_hall_config(SMALL_HALL)
    assert config.rules.priority_head_start_minutes == 15
    assert config.rules.max_recalls == 5
    assert config.calendar.workdays == ("mon", "tue", "wed", "thu", "fri")
    assert config.calendar.tickets_from is None and config.calendar.summer is None
    assert config.services[1].handling_minutes == 10
    assert config.services[1].daily_cap is None
    assert config.posts[0].a == "1001"


def test_times_may_be_written_as_text_or_as_toml_times_and_dates_as_either() -> None:
    text = small_hall_with('open = "09:00"', "open = 08:45:00").replace(
        'noon_break = ["12:00", "13:30"]',
        'noon_break = ["12:00", "13:30"]\nholidays = [2026-10-01, "2026-10-02"]',
    )
    cal = parse_hall_config(text).calendar
    assert cal.open == time(8, 45)
    assert cal.holidays == (date(2026, 10, 1), date(2026, 10, 2))
    assert parse_hall_config(SMALL_HALL).services[1].time_slots == (
        (time(9, 0), time(11, 30)),
        (time(13, 30), time(16, 0)),
    )


def test_a_config_written_to_the_database_as_json_reads_back_the_same(demo: HallConfig) -> None:
    stored = demo.calendar.model_dump(mode="json")
    assert stored["open"] == "09:00" and stored["noon_break"] == ["12:00", "13:30"]
    assert CalendarConfig.model_validate(stored) == demo.calendar
    assert HallConfig.model_validate(demo.model_dump(mode="json")) == demo


def test_english_names_and_other_ways_to_a_service_are_optional_and_kept_for_the_kiosk() -> None:
    """Without them the Chinese names are shown; with them they travel in ``kiosk`` (what
    the database keeps of the kiosk), and read back the same."""
    plain = parse_hall_config(SMALL_HALL)
    assert plain.kiosk.hall_name_en is None and plain.kiosk.services == {}
    assert plain.kiosk.service_name("qy-sl", "企业设立登记", "en") == "企业设立登记"
    text = (
        small_hall_with(
            'name = "测试镇便民服务中心"', 'name = "测试镇便民服务中心"\nname_en = "Ceshi"'
        )
        .replace('name = "社会民生"', 'name = "社会民生"\nname_en = "Social services"')
        .replace(
            'name = "社保参保登记"',
            'name = "社保参保登记"\nname_en = "Social insurance"\n'
            'booking_url = "https://example.gov.cn/book/sb-cb"',
        )
    )
    config = parse_hall_config(text)
    kiosk = config.kiosk
    assert kiosk.hall_name("测试镇便民服务中心", "en") == "Ceshi"
    assert kiosk.zone_name("MS", "社会民生", "en") == "Social services"
    assert kiosk.zone_name("SS", "商事经营", "en") == "商事经营"  # none given: the Chinese
    assert kiosk.service_name("sb-cb", "社保参保登记", "en") == "Social insurance"
    assert kiosk.service("sb-cb").booking_url == "https://example.gov.cn/book/sb-cb"
    assert kiosk.service("sb-cb").online_url is None and kiosk.service("qy-sl").name_en is None
    stored = kiosk.model_dump(mode="json")
    assert KioskConfig.model_validate(stored) == kiosk
    assert HallConfig.model_validate(config.model_dump(mode="json")) == config


def test_a_service_address_that_is_no_web_address_is_refused_with_its_key() -> None:
    err = mistake('name = "社保参保登记"', 'name = "社保参保登记"\nonline_url = "www.example"')
    assert err.where == "services[2].online_url" and err.code == "config.url.format"


def test_a_loaded_config_cannot_be_changed_by_accident(demo: HallConfig) -> None:
    with pytest.raises(ValidationError):
        demo.hall.name = "别的大厅"  # type: ignore[misc]


def test_a_utf8_file_saved_by_notepad_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "hall.toml"
    path.write_bytes("\ufeff".encode() + SMALL_HALL.encode())
    assert load_hall_config(path).hall.code == "T1"


# --------------------------------------------------------------------------------------
# The error itself


def test_a_config_error_reads_the_same_in_str_and_in_chinese() -> None:
    err = mistake('prefix = "A"', 'prefix = "AA"')
    assert err.path == "halls/t1.toml"
    assert err.where == "services[1].prefix"
    assert str(err) == err.message("zh") == err.message()
    assert err.message("zh") == (
        "配置文件 halls/t1.toml，services[1].prefix："
        "票号前缀必须是一个大写字母（A–Z），现在是 'AA'。"
    )
    assert err.message("en") == (
        "Config file halls/t1.toml, services[1].prefix: the ticket prefix must be one capital "
        "letter (A–Z), got 'AA'."
    )


def test_a_config_error_survives_being_sent_between_processes() -> None:
    err = mistake('prefix = "A"', 'prefix = "AA"')
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.where, copy.zh, copy.en) == (err.path, err.where, err.zh, err.en)


def test_a_missing_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "no-such-hall.toml"
    with pytest.raises(ConfigError) as caught:
        load_hall_config(path)
    assert caught.value.path == str(path)
    assert caught.value.where == ""
    assert "找不到这个文件" in str(caught.value)
    assert "does not exist" in caught.value.message("en")


def test_a_file_saved_as_gbk_is_reported_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(SMALL_HALL.encode("gbk"))
    with pytest.raises(ConfigError) as caught:
        load_hall_config(path)
    assert "UTF-8" in caught.value.zh and "GBK" in caught.value.zh
    assert caught.value.where == "line 3"  # the first line with Chinese in it


def test_a_toml_syntax_error_names_the_line() -> None:
    err = mistake('name = "王丽娟"', 'name = "王丽娟')
    line = SMALL_HALL.splitlines().index('name = "王丽娟"') + 1
    assert err.where == f"line {line}"
    assert err.message("zh").startswith(f"配置文件 halls/t1.toml，第 {line} 行：")
    assert "引号" in err.zh
    assert err.message("en").startswith(f"Config file halls/t1.toml, line {line}: ")


def test_a_missing_equals_sign_names_the_line_and_the_problem() -> None:
    err = mistake('code = "T1"', 'code "T1"')
    assert err.where == "line 2"
    assert "等号" in err.zh and "'='" in err.en


def test_full_width_chinese_quotes_are_pointed_out() -> None:
    err = mistake('name = "测试镇便民服务中心"', "name = “测试镇便民服务中心”")
    assert err.where == "line 3"
    assert "全角" in err.zh and "“" in err.zh
    assert "full-width" in err.en


def test_the_same_key_written_twice_names_the_second_line() -> None:
    err = mistake("daily_cap = 50", "daily_cap = 50\ndaily_cap = 60")
    line = SMALL_HALL.splitlines().index("daily_cap = 50") + 2
    assert err.where == f"line {line}"
    assert "写了两次" in err.zh


# --------------------------------------------------------------------------------------
# Mistakes in keys and values


def test_a_window_naming_an_unknown_service_is_reported_with_its_key() -> None:
    err = mistake('services = ["sb-cb"]', 'services = ["sb-cb", "sb-cbb"]')
    assert err.where == "windows[2].services[2]"
    assert "2 号窗口" in err.zh and "'sb-cbb'" in err.zh and "不存在" in err.zh
    assert "是不是想写 'sb-cb'" in err.zh
    assert "did you mean 'sb-cb'" in err.en


def test_a_misspelt_key_is_reported_as_unknown_with_the_likely_key() -> None:
    err = mistake('open = "09:00"', 'opne = "09:00"')
    assert err.where == "calendar.opne"
    assert err.zh == "不认识的键 'opne'，是不是想写 'open'？"
    assert err.en == "unknown key 'opne'; did you mean 'open'?"
    # The missing "open" is reported too, after the misspelling.
    assert [o.where for o in err.others] == ["calendar.open"]


def test_an_unknown_key_without_a_likely_match_lists_the_keys_allowed_there() -> None:
    err = mistake('code = "T1"', 'code = "T1"\ncolour = "blue"')
    assert err.where == "hall.colour"
    assert "code、name、timezone" in err.zh
    assert "code, name, timezone" in err.en


def test_a_missing_required_key_is_named() -> None:
    err = mistake('close = "17:00"\n', "")
    assert err.where == "calendar.close"
    assert err.zh == "缺少必填项 close。"
    assert err.en == "the required key 'close' is missing."


def test_a_missing_section_is_named_as_a_section() -> None:
    err = mistake('[hall]\ncode = "T1"\nname = "测试镇便民服务中心"\n', "")
    assert err.where == "hall"
    assert "[hall]" in err.zh and "[hall]" in err.en


def test_a_list_of_tables_written_with_single_brackets_is_explained() -> None:
    second_clerk = '[[clerks]]\ncode = "1002"\nname = "李建国"\nrole = "supervisor"\n'
    text = small_hall_with(second_clerk, "").replace("[[clerks]]", "[clerks]")
    with pytest.raises(ConfigError) as caught:
        parse_hall_config(text)
    assert caught.value.where == "clerks"
    assert "[[clerks]]" in caught.value.zh and "两层方括号" in caught.value.zh
    assert "double brackets" in caught.value.en


def test_a_hall_without_windows_is_refused() -> None:
    windows = SMALL_HALL[SMALL_HALL.index("[[windows]]") : SMALL_HALL.index("[[clerks]]")]
    text = "windows = []\n" + small_hall_with(windows, "")
    with pytest.raises(ConfigError) as caught:
        parse_hall_config(text)
    assert caught.value.where == "windows"
    assert caught.value.zh == "[[windows]] 至少要写 1 项。"


@pytest.mark.parametrize(
    ("old", "new", "where", "zh", "en"),
    [
        pytest.param(
            'name = "社保窗口"',
            "name = 2",
            "windows[2].name",
            "英文双引号括起来的文本",
            "text in double quotes",
            id="a_window_name_must_be_text",
        ),
        pytest.param(
            "daily_cap = 50",
            'daily_cap = "50"',
            "services[1].daily_cap",
            "整数（不加引号）",
            "whole number (without quotes)",
            id="a_daily_cap_in_quotes_is_refused",
        ),
        pytest.param(
            "daily_cap = 50",
            "daily_cap = 50.5",
            "services[1].daily_cap",
            "整数",
            "whole number",
            id="a_daily_cap_with_decimals_is_refused",
        ),
        pytest.param(
            "comprehensive = true",
            'comprehensive = "true"',
            "windows[1].comprehensive",
            "true 或 false（去掉引号）",
            "true or false (remove the quotes)",
            id="a_yes_no_setting_in_quotes_is_refused",
        ),
        pytest.param(
            'materials = ["公司登记（备案）申请书", "公司章程"]',
            'materials = "公司章程"',
            "services[1].materials",
            "应当是一个列表",
            "must be a list",
            id="materials_must_be_a_list",
        ),
        pytest.param(
            "daily_cap = 50",
            "daily_cap = 0",
            "services[1].daily_cap",
            "不小于 1 的整数",
            "at least 1",
            id="a_daily_cap_of_zero_is_refused",
        ),
        pytest.param(
            'prefix = "D"',
            'prefix = "D"\nhandling_minutes = 300',
            "services[2].handling_minutes",
            "1 到 240 之间的整数，现在是 300",
            "from 1 to 240, got 300",
            id="handling_minutes_out_of_range",
        ),
        pytest.param(
            '[[zones]]\ncode = "SS"',
            '[rules]\nmax_recalls = 9\n\n[[zones]]\ncode = "SS"',
            "rules.max_recalls",
            "1 到 5 之间",
            "from 1 to 5",
            id="more_than_five_recalls_is_refused",
        ),
        pytest.param(
            '[[zones]]\ncode = "SS"',
            '[rules]\nno_show_requeues = 2\n\n[[zones]]\ncode = "SS"',
            "rules.no_show_requeues",
            "0 到 1 之间",
            "from 0 to 1",
            id="a_no_show_requeued_twice_is_refused",
        ),
        pytest.param(
            'role = "supervisor"',
            'role = "admin"',
            "clerks[2].role",
            "只能是以下之一：'clerk'、'supervisor'，现在是 'admin'",
            "must be one of 'clerk', 'supervisor', got 'admin'",
            id="an_unknown_role_lists_the_roles",
        ),
        pytest.param(
            'kinds = ["help_desk"]',
            'kinds = ["helpdesk"]',
            "windows[3].kinds[1]",
            "'green_channel'、'help_desk'、'cross_region'、'one_matter'",
            "'help_desk'",
            id="an_unknown_window_kind_lists_the_kinds",
        ),
        pytest.param(
            'open = "09:00"',
            'open = "09:00"\nworkdays = ["Mon", "tue"]',
            "calendar.workdays[1]",
            "'mon'、'tue'",
            "'mon', 'tue'",
            id="a_capitalised_weekday_lists_the_weekdays",
        ),
        pytest.param(
            'open = "09:00"',
            'open = "9点"',
            "calendar.open",
            '"HH:MM"',
            '"HH:MM"',
            id="a_time_in_words_is_refused",
        ),
        pytest.param(
            'close = "17:00"',
            "close = 1700",
            "calendar.close",
            "现在是数字 1700",
            "got the number 1700",
            id="a_time_without_colon_and_quotes_is_refused",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "25:00"',
            "calendar.close",
            '"HH:MM"',
            '"HH:MM"',
            id="an_hour_past_midnight_is_refused",
        ),
        pytest.param(
            'open = "09:00"',
            'open = "09:00"\nholidays = ["2026-02-30"]',
            "calendar.holidays[1]",
            "真实存在的日期",
            "a real date",
            id="a_holiday_that_does_not_exist_is_refused",
        ),
        pytest.param(
            'open = "09:00"',
            'open = "09:00"\nholidays = ["2026/10/01"]',
            "calendar.holidays[1]",
            '"YYYY-MM-DD"',
            '"YYYY-MM-DD"',
            id="a_holiday_with_slashes_is_refused",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]',
            'noon_break = ["12:00"]',
            "calendar.noon_break",
            "两个时间",
            "two times",
            id="a_noon_break_needs_two_times",
        ),
        pytest.param(
            'code = "T1"',
            'code = "青川"',
            "hall.code",
            "英文字母、数字",
            "English letters",
            id="a_hall_code_in_chinese_is_refused",
        ),
        pytest.param(
            'name = "测试镇便民服务中心"',
            'name = "  "',
            "hall.name",
            "不能为空",
            "must not be empty",
            id="a_blank_hall_name_is_refused",
        ),
        pytest.param(
            'code = "T1"',
            'code = "T1"\ntimezone = "Beijing"',
            "hall.timezone",
            "Asia/Shanghai",
            "not a valid IANA time zone",
            id="an_unknown_time_zone_is_refused",
        ),
        pytest.param(
            'password = "demo1234"',
            'password = "1234"',
            "clerks[2].password",
            "至少要有 6 个字符",
            "at least 6 characters",
            id="a_short_password_is_refused",
        ),
    ],
)
def test_a_wrong_value_is_reported_in_plain_words(
    old: str, new: str, where: str, zh: str, en: str
) -> None:
    err = mistake(old, new)
    assert err.where == where
    assert zh in err.zh
    assert en in err.en
    assert err.zh.endswith("。") and err.en.endswith((".", "?"))


# --------------------------------------------------------------------------------------
# Mistakes across the file


@pytest.mark.parametrize(
    ("old", "new", "where", "zh", "en"),
    [
        pytest.param(
            'code = "MS"',
            'code = "SS"',
            "zones[2].code",
            "功能区代码 'SS' 重复了，zones[1] 已经用过",
            "zone code 'SS' is used twice",
            id="a_zone_code_used_twice",
        ),
        pytest.param(
            'code = "sb-cb"',
            'code = "qy-sl"',
            "services[2].code",
            "事项代码 'qy-sl' 重复了",
            "service code 'qy-sl' is used twice",
            id="a_service_code_used_twice",
        ),
        pytest.param(
            "number = 3",
            "number = 2",
            "windows[3].number",
            "窗口号 2 重复了，windows[2] 已经用过",
            "window number 2 is used twice",
            id="a_window_number_used_twice",
        ),
        pytest.param(
            'code = "1002"',
            'code = "1001"',
            "clerks[2].code",
            "工作人员代码 '1001' 重复了",
            "clerk code '1001' is used twice",
            id="a_clerk_code_used_twice",
        ),
        pytest.param(
            'zone = "MS"\nname = "社保参保登记"',
            'zone = "MX"\nname = "社保参保登记"',
            "services[2].zone",
            "事项“社保参保登记”所属的功能区 'MX' 不存在",
            "names the zone 'MX', which does not exist",
            id="a_service_in_an_unknown_zone",
        ),
        pytest.param(
            'zone = "MS"\nservices = ["sb-cb"]',
            'zone = "XX"\nservices = ["sb-cb"]',
            "windows[2].zone",
            "2 号窗口所属的功能区 'XX' 不存在",
            "window 2 names the zone 'XX'",
            id="a_window_in_an_unknown_zone",
        ),
        pytest.param(
            'services = ["sb-cb"]',
            'services = ["sb-cb", "qy-sl"]',
            "windows[2].services[2]",
            "2 号窗口属于功能区 'MS'，但它列出的事项“企业设立登记”（qy-sl）属于功能区 'SS'",
            "belongs to zone 'SS'",
            id="a_window_serving_a_service_of_another_zone",
        ),
        pytest.param(
            "comprehensive = true",
            'comprehensive = true\nservices = ["qy-sl"]',
            "windows[1].services",
            "1 号窗口是综合窗口",
            "window 1 is comprehensive",
            id="a_comprehensive_window_listing_services",
        ),
        pytest.param(
            'zone = "MS"\nservices = ["sb-cb"]',
            'zone = "MS"',
            "windows[2].services",
            "2 号窗口没有列出任何事项",
            "window 2 lists no services",
            id="an_ordinary_window_without_services",
        ),
        pytest.param(
            "window = 1",
            "window = 9",
            "posts[1].window",
            "9 号窗口不存在",
            "window 9",
            id="a_post_for_a_window_that_does_not_exist",
        ),
        pytest.param(
            'b = "1002"',
            'b = "1020"',
            "posts[1].b",
            "B 岗工作人员 '1020' 不在 [[clerks]] 名单里",
            "the B post of window 1 names the clerk '1020'",
            id="a_b_post_naming_nobody",
        ),
        pytest.param(
            'a = "1001"',
            'a = "1003"',
            "posts[1].a",
            "A 岗工作人员 '1003'",
            "the A post of window 1",
            id="an_a_post_naming_nobody",
        ),
        pytest.param(
            'b = "1002"',
            'b = "1001"',
            "posts[1].b",
            "A 岗和 B 岗是同一个人 '1001'",
            "same clerk '1001' as A and B",
            id="a_and_b_the_same_clerk",
        ),
        pytest.param(
            'b = "1002"\n',
            'b = "1002"\n\n[[posts]]\nwindow = 1\na = "1002"\nb = "1001"\n',
            "posts[2].window",
            "1 号窗口的 AB 岗已经在 posts[1] 设置过",
            "already set in posts[1]",
            id="two_posts_for_one_window",
        ),
        pytest.param(
            'b = "1002"\n',
            'b = "1002"\n\n[[posts]]\nwindow = 2\na = "1001"\nb = "1002"\n',
            "posts[2].a",
            "'1001'（王丽娟）已经是 1 号窗口的 A 岗",
            "already holds the A post of window 1",
            id="one_clerk_holding_two_a_posts",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]',
            'noon_break = ["13:30", "12:00"]',
            "calendar.noon_break",
            "开始时间 13:30 必须早于结束时间 12:00",
            "13:30 is not before 12:00",
            id="a_noon_break_that_ends_before_it_starts",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]',
            'noon_break = ["16:30", "18:00"]',
            "calendar.noon_break",
            "午休 16:30–18:00 必须在开门 09:00 和关门 17:00 之间",
            "must lie between opening at 09:00 and closing at 17:00",
            id="a_noon_break_after_closing",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "08:00"',
            "calendar.close",
            "关门时间 08:00 必须晚于开门时间 09:00",
            "closing time 08:00 must be after",
            id="a_hall_that_closes_before_it_opens",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "17:00"\ntickets_until = "17:30"',
            "calendar.tickets_until",
            "停止取号时间 17:30 不能晚于关门时间 17:00",
            "tickets must stop by closing time",
            id="tickets_after_closing",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "17:00"\ntickets_from = "17:00"',
            "calendar.tickets_from",
            "开始取号时间 17:00 必须早于关门时间 17:00",
            "tickets must start before closing",
            id="tickets_starting_at_closing_time",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "17:00"\ntickets_from = "12:00"\ntickets_until = "11:00"',
            "calendar.tickets_from",
            "开始取号时间 12:00 必须早于停止取号时间 11:00",
            "tickets must start before they stop",
            id="tickets_stopping_before_they_start",
        ),
        pytest.param(
            'close = "17:00"',
            'close = "17:00"\ntickets_until = "08:30"',
            "calendar.tickets_until",
            "必须晚于开门时间 09:00",
            "tickets must stop after opening time",
            id="tickets_stopping_before_opening",
        ),
        pytest.param(
            '["09:00", "11:30"], ["13:30", "16:00"]',
            '["09:00", "14:00"], ["13:30", "16:00"]',
            "services[2].time_slots[2]",
            "13:30–16:00 与前一个时段重叠",
            "overlaps the one before",
            id="overlapping_ticket_slots",
        ),
        pytest.param(
            '["09:00", "11:30"], ["13:30", "16:00"]',
            '["13:30", "16:00"], ["09:00", "11:30"]',
            "services[2].time_slots[2]",
            "时段要按时间先后排列",
            "in time order",
            id="ticket_slots_out_of_order",
        ),
        pytest.param(
            '["09:00", "11:30"], ["13:30", "16:00"]',
            '["11:30", "09:00"]',
            "services[2].time_slots[1]",
            "开始时间 11:30 必须早于结束时间 09:00",
            "must start before it ends",
            id="a_ticket_slot_that_ends_before_it_starts",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[calendar.summer]\nstart = "11-01"\nend = "03-31"\n',
            "calendar.summer.end",
            "跨了年",
            "cross new year",
            id="summer_hours_across_new_year",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[calendar.summer]\nstart = "5-1"\nend = "09-30"\n',
            "calendar.summer.start",
            '"MM-DD"',
            '"MM-DD"',
            id="a_summer_start_without_zeros",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[calendar.summer]\nstart = "05-01"\nend = "09-31"\n',
            "calendar.summer.end",
            "真实存在的日子",
            "a real day",
            id="a_summer_end_on_september_31",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[calendar.summer]\nstart = "05-01"\nend = "09-30"\n'
            'noon_break = ["12:00", "17:30"]\n',
            "calendar.summer.noon_break",
            "夏季午休 12:00–17:30 必须在开门 09:00 和关门 17:00 之间",
            "in summer the noon break",
            id="a_summer_noon_break_past_closing",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\ntickets_until = "17:00"\n[calendar.summer]\n'
            'start = "05-01"\nend = "09-30"\nclose = "16:30"\n',
            "calendar.summer.close",
            "不能晚于夏季关门时间 16:30",
            "closing time in summer",
            id="tickets_after_an_earlier_summer_closing",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[[calendar.weekend]]\nday = "fri"\n'
            'open = "09:00"\nclose = "12:00"\n',
            "calendar.weekend[1].day",
            "周五本来就是工作日",
            "Friday is already a workday",
            id="weekend_service_on_a_workday",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\n[[calendar.weekend]]\nday = "sat"\n'
            'open = "12:00"\nclose = "09:00"\n',
            "calendar.weekend[1].close",
            "周六的关门时间 09:00 必须晚于开门时间 12:00",
            "on Saturday the closing time",
            id="saturday_service_closing_before_it_opens",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\nworkday_swaps = ["2026-09-20", "2026-10-12"]\n',
            "calendar.workday_swaps[2]",
            "2026-10-12 是周一，本来就是工作日",
            "is a Monday, already a workday",
            id="a_workday_swap_on_a_monday",
        ),
        pytest.param(
            'noon_break = ["12:00", "13:30"]\n',
            'noon_break = ["12:00", "13:30"]\nholidays = ["2026-10-10"]\n'
            'workday_swaps = ["2026-10-10"]\n',
            "calendar.workday_swaps[1]",
            "同时写在节假日和调休上班日里",
            "both as a holiday and as a workday swap",
            id="a_day_both_holiday_and_workday_swap",
        ),
    ],
)
def test_a_cross_reference_mistake_names_the_key_to_fix(
    old: str, new: str, where: str, zh: str, en: str
) -> None:
    err = mistake(old, new)
    assert err.where == where
    assert zh in err.zh
    assert en in err.en
    assert err.message("zh") == f"配置文件 halls/t1.toml，{where}：{err.zh}"
    assert err.message("en") == f"Config file halls/t1.toml, {where}: {err.en}"


def test_tickets_may_start_before_the_hall_opens() -> None:
    text = small_hall_with('close = "17:00"', 'close = "17:00"\ntickets_from = "08:30"')
    assert parse_hall_config(text).calendar.tickets_from == time(8, 30)


def test_a_help_desk_needs_no_services_and_services_may_share_a_prefix() -> None:
    text = small_hall_with('prefix = "D"', 'prefix = "A"')
    config = parse_hall_config(text)
    assert [s.prefix for s in config.services] == ["A", "A"]
    assert config.windows[2].services == ()


def test_a_broken_demo_hall_file_names_the_demo_file(tmp_path: Path) -> None:
    path = tmp_path / "demo-hall.toml"
    text = DEMO_HALL_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace('services = ["bdc-dj"]', 'services = ["bdc"]'), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_hall_config(path)
    assert caught.value.path == str(path)
    assert caught.value.where.startswith("windows[") and ".services[1]" in caught.value.where
    assert "是不是想写 'bdc-dj'" in caught.value.zh
