"""Bad-review cases (差评整改) and the reviews from the yimen command, on both databases:
a supervisor lists the open cases overdue first, reads one in full, takes its steps with
their password, and exports the month's reviews for another system on its code scale."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from shared.base.clock import FixedClock
from shared.cli import main
from shared.hall import Hall
from shared.rules.reviews import ReviewInfo

from .conftest import DEMO_PASSWORD, SHANGHAI


@pytest.fixture(autouse=True)
def _no_default_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YIMEN_DB", raising=False)


def yimen(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    clock: FixedClock,
    db_url: str,
    *argv: str,
    password: str | None = None,
) -> tuple[int, str, str]:
    """The command at the clock's moment (``YIMEN_NOW``), the password piped in."""
    monkeypatch.setenv("YIMEN_NOW", clock.now().isoformat())
    if password is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
    code = main([*argv, "--db", db_url])
    out, err = capsys.readouterr()
    return code, out, err


def rated(
    hall: Hall,
    clock: FixedClock,
    level: str,
    *,
    service: str = "gt-zc",
    window: int = 3,
    clerk: str = "1003",
    **kwargs: object,
) -> ReviewInfo:
    """A ticket served at ``window``, F3 (the evaluator asks), and the citizen's rating."""
    hall.issue_ticket(service)
    hall.call_next(window, clerk)
    clock.advance(minutes=6)
    done = hall.ask_review(window, clerk)
    clock.advance(minutes=1)
    return hall.submit_review(done.short_code, level, **kwargs)  # type: ignore[arg-type]


def at_ten(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=SHANGHAI)


def test_open_cases_are_listed_with_days_left_and_the_overdue_one_first(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = rated(hall, clock, "dissatisfied", reasons=["attitude"])
    assert first.case_id is not None
    # The first case gets five more working days; the second keeps the plain deadline.
    code, out, err = yimen(
        capsys, monkeypatch, clock, db_url,
        "case", str(first.case_id), "extend", "--clerk", "1015", "--days", "5",
        "--note", "需要协调窗口排班", password=DEMO_PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    second = rated(
        hall, clock, "very_dissatisfied", service="qy-sl", window=1, clerk="1001",
        reasons=["slow"], name="王先生", phone="13800138000",
    )  # fmt: skip
    assert second.case_id is not None
    due = {c.id: c.due for c in hall.cases()}
    today = clock.now().date()

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(
        f"#{second.case_id}  待整改  剩 {(due[second.case_id] - today).days} 天"
    )
    assert f"截止 {due[second.case_id]}" in lines[0]
    assert "A001 企业设立登记" in lines[0] and "1号窗口 王丽娟（1001）" in lines[0]
    assert "非常不满意：等候或办理时间太长" in lines[0] and "实名，待回访" in lines[0]
    assert lines[1].startswith(
        f"#{first.case_id}  待整改  剩 {(due[first.case_id] - today).days} 天"
    )
    assert "B001 个体工商户注册登记" in lines[1] and "3号窗口 张敏（1003）" in lines[1]
    assert "不满意：服务态度不好" in lines[1] and "回访" not in lines[1]
    assert lines[-1] == "未结 2 件，其中超期 0 件"

    # Two days past the second's deadline: it is overdue and comes first, though opened later.
    clock.set(at_ten(due[second.case_id] + timedelta(days=2)))
    later = clock.now().date()
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases")
    lines = out.splitlines()
    assert lines[0].startswith(
        f"#{second.case_id}  待整改  超期 2 天（截止 {due[second.case_id]}）"
    )
    assert lines[1].startswith(
        f"#{first.case_id}  待整改  剩 {(due[first.case_id] - later).days} 天"
    )
    assert lines[-1] == "未结 2 件，其中超期 1 件"
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases", "--lang", "en")
    lines = out.splitlines()
    assert lines[0].startswith(f"#{second.case_id}  to rectify  2 days overdue")
    assert "Very dissatisfied: Waited or took too long" in lines[0]
    assert "real name: callback due" in lines[0]
    assert lines[-1] == "2 open, 1 overdue"

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases", "--json")
    listed = json.loads(out)
    assert listed["open"] == 2 and listed["overdue"] == 1
    assert [c["id"] for c in listed["cases"]] == [second.case_id, first.case_id]
    assert listed["cases"][0]["overdue"] is True and listed["cases"][0]["days_left"] == -2
    assert listed["cases"][1]["extended_days"] == 5


def test_a_supervisor_takes_the_steps_with_their_password_and_the_case_shows_them(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    review = rated(
        hall, clock, "dissatisfied", reasons=["attitude"], text="窗口人员一直在看手机",
        name="李女士", phone="13900139000",
    )  # fmt: skip
    case_id = str(review.case_id)
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "case", case_id)
    assert code == 0
    assert out.startswith(f"差评整改 #{case_id}：待整改，剩 ")
    assert "票号 B001 · 个体工商户注册登记 · 3号窗口 张敏（1003）" in out
    assert "评价：不满意：服务态度不好（扫码，2026-11-24 09:37）" in out
    assert "群众原话：“窗口人员一直在看手机”" in out
    assert "实名：李女士 13900139000 · 待回访" in out  # for the callback
    assert "2026-11-24 09:37  群众评价  差评立案  待整改" in out

    # A wrong password: refused with the sentence, and nothing recorded.
    clock.set(datetime(2026, 11, 24, 14, 0, tzinfo=SHANGHAI))
    note = "已约谈窗口人员，加强纪律"
    argv = ("case", case_id, "start", "--clerk", "1015", "--note", note)
    code, out, err = yimen(capsys, monkeypatch, clock, db_url, *argv, password="wrong")
    assert code == 2 and out == "" and err.strip() == "工号 1015 的密码不正确。"
    assert len(hall.case(int(case_id)).steps) == 1

    code, out, err = yimen(capsys, monkeypatch, clock, db_url, *argv, password=DEMO_PASSWORD)
    assert code == 0, err
    assert out.startswith(f"差评整改 #{case_id}：已记录“开始整改”（工号 1015）。现为“整改中”，剩 ")
    step = hall.case(int(case_id)).steps[-1]
    assert (step.clerk_code, step.action, step.to_state, step.note) == (
        "1015", "start", "rectifying", note,
    )  # fmt: skip

    # Completing a real-name case waits for the callback: the core's sentence.
    argv = ("case", case_id, "complete", "--clerk", "1015", "--note", "已整改")
    code, _, err = yimen(capsys, monkeypatch, clock, db_url, *argv, password=DEMO_PASSWORD)
    assert code == 2 and "须先回访群众" in err
    clock.advance(minutes=30)
    code, _, err = yimen(
        capsys, monkeypatch, clock, db_url,
        "case", case_id, "callback", "--clerk", "1016", "--result", "satisfied",
        "--note", "已电话致歉", password=DEMO_PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    clock.advance(minutes=30)
    code, out, err = yimen(capsys, monkeypatch, clock, db_url, *argv, password=DEMO_PASSWORD)
    assert code == 0 and "现为“整改完成”" in out

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "case", case_id)
    assert out.startswith(f"差评整改 #{case_id}：整改完成，已结 2026-11-24")
    assert "实名：李女士 13900139000 · 已回访 2026-11-24 14:30：群众满意" in out
    assert f"2026-11-24 14:00  胡振华（1015）  开始整改  待整改 → 整改中：{note}" in out
    assert "2026-11-24 14:30  郭秀兰（1016）  回访  整改中：群众满意；已电话致歉" in out
    assert "2026-11-24 15:00  胡振华（1015）  整改完成  整改中 → 整改完成：已整改" in out
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases")
    assert out.strip() == "没有未结的差评整改件。"
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "cases", "--all")
    assert f"#{case_id}  整改完成  已结 2026-11-24" in out and "共 1 件；未结 0 件" in out

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "case", case_id, "--json")
    shown = json.loads(out)
    assert shown["state"] == "rectified" and shown["phone"] == "13900139000"
    assert [s["action"] for s in shown["steps"]] == ["opened", "start", "callback", "complete"]
    assert [s["clerk_code"] for s in shown["steps"]] == [None, "1015", "1016", "1015"]


def test_an_ordinary_clerk_cannot_extend_and_a_step_needs_a_clerk(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    review = rated(hall, clock, "dissatisfied", reasons=["rules"])
    case_id = str(review.case_id)
    code, _, err = yimen(
        capsys, monkeypatch, clock, db_url,
        "case", case_id, "extend", "--clerk", "1003", "--days", "3", "--note", "x",
        password=DEMO_PASSWORD,
    )  # fmt: skip
    assert code == 2 and err.strip() == "工号 1003 不是主管，审批和延期须由主管办理。"
    code, _, err = yimen(capsys, monkeypatch, clock, db_url, "case", case_id, "start")
    assert code == 2 and "--clerk" in err
    code, _, err = yimen(capsys, monkeypatch, clock, db_url, "case", "999", "--lang", "en")
    assert code == 2 and err.strip() == "There is no bad-review case 999."
    assert [s.action for s in hall.case(int(case_id)).steps] == ["opened"]


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_month_s_reviews_with_their_summary_and_the_csv_on_either_scale(
    hall: Hall,
    clock: FixedClock,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = rated(hall, clock, "very_satisfied", dimensions={"attitude": "satisfied"})
    bad = rated(hall, clock, "dissatisfied", service="qy-sl", window=1, clerk="1001",
                reasons=["attitude", "slow"])  # fmt: skip
    also_good = rated(hall, clock, "satisfied", service="qy-sl", window=1, clerk="1001")

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "reviews", "--month", "2026-11")
    assert code == 0
    assert out.startswith("2026-11 评价 3 条，满意及以上 66.7%")
    assert f"{good.number} 个体工商户注册登记  3号窗口 张敏（1003）  非常满意" in out
    assert (
        f"{bad.number} 企业设立登记  1号窗口 王丽娟（1001）  "
        f"不满意：服务态度不好、等候或办理时间太长  整改件 #{bad.case_id}"
    ) in out
    assert "  非常满意：1 条（33.3%）" in out and "  满意：1 条（33.3%）" in out
    assert "  基本满意：0 条（0.0%）" in out
    assert "  1号窗口 商事经营综合受理窗口：2 条，满意及以上 50.0%" in out
    assert "  3号窗口 个体工商户及食品经营许可窗口：1 条，满意及以上 100.0%" in out

    sheet = tmp_path / "reviews.csv"
    argv = ("reviews", "--month", "2026-11", "--csv", str(sheet))
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, *argv, "--scale", "1-5")
    assert code == 0 and f"已写入 {sheet}（3 条；评价代码按 1-5，非常满意为 1）" in out
    rows = {r["票号"]: r for r in read_csv(sheet)}
    assert rows[good.number]["评价"] == "非常满意" and rows[good.number]["评价代码（1-5）"] == "1"
    assert rows[good.number]["服务态度"] == "满意"
    assert rows[bad.number]["评价"] == "不满意" and rows[bad.number]["评价代码（1-5）"] == "4"
    assert rows[bad.number]["整改件"] == str(bad.case_id)
    assert rows[bad.number]["原因"] == "服务态度不好、等候或办理时间太长"
    assert rows[also_good.number]["评价代码（1-5）"] == "2"

    code, _, _ = yimen(capsys, monkeypatch, clock, db_url, *argv, "--scale", "5-1")
    rows = {r["票号"]: r for r in read_csv(sheet)}
    assert rows[good.number]["评价代码（5-1）"] == "5"
    assert rows[bad.number]["评价代码（5-1）"] == "2"
    assert rows[also_good.number]["评价代码（5-1）"] == "4"

    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "reviews", "--day", "2026-11-24",
                         "--json")  # fmt: skip
    day = json.loads(out)
    assert day["count"] == 3 and day["good_share"] == 66.7
    assert {w["window"]: (w["count"], w["good"]) for w in day["by_window"]} == {
        1: (2, 1),
        3: (1, 1),
    }
    code, out, _ = yimen(capsys, monkeypatch, clock, db_url, "reviews", "--day", "2026-11-25")
    assert out.startswith("2026-11-25 评价 0 条，满意及以上 —")
    code, _, err = yimen(capsys, monkeypatch, clock, db_url, "reviews", "--month", "2026-13")
    assert code == 2 and "2026-13" in err
