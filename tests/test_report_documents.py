"""The daily notice and the month's report as documents, as a supervisor checks them: the
CSV opened as Excel would (its 办结 column the day's hand count per window), the PDF read
back with poppler (the font embedded, the hall, the ranking and every window in it, a long
table's head on every page it runs on, the last three marked in words), and ``yimen
report`` for a day, a week and a month on both databases, with one sentence for a month
it cannot read."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from shared.base.clock import FixedClock
from shared.base.messages import TABLE, render
from shared.cli import main
from shared.cli.common import Out
from shared.cli.reports import Progress
from shared.devices import reports as rp
from shared.hall import Hall
from shared.rules import figures as fg

from .conftest import local
from .test_figures import DROPPER, HONEST, scripted_day

DAY = date(2026, 11, 24)
Yimen = Callable[..., tuple[int, str, str]]  # yimen(*argv) -> (status, stdout, stderr)
HALL_NAME = "青川区政务服务中心"
TOOLS = ("pdftotext", "pdffonts", "pdfinfo")


@pytest.fixture(autouse=True)
def _poppler() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"install poppler-utils: {missing} not found"


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def page_text(path: Path, page: int) -> str:
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-")


def pages(path: Path) -> int:
    return int(run("pdfinfo", str(path)).split("Pages:")[1].split()[0])


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def day(unstaffed_hall: Hall, clock: FixedClock) -> fg.Report:
    """The scripted day of test_figures (3 served at window 1, 4 at window 2, two sent on,
    a good and a bad review, a hand-over), read at 10:30."""
    scripted_day(unstaffed_hall, clock)
    return unstaffed_hall.report(DAY)


# -- the CSV ---------------------------------------------------------------------------------


def test_the_csv_opens_as_utf8_with_a_bom_and_its_served_column_is_the_days_count(
    day: fg.Report, tmp_path: Path
) -> None:
    path = tmp_path / "windows.csv"
    rows_written = rp.write_report_csv(path, day, "window", "zh")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows_written == len(rows) == len(day.windows) == 12
    served = {row["窗口"]: row["办结"] for row in rows}
    assert served == {key: str(w.served) for key, w in day.windows.items()}
    assert (served["1"], served["2"], served["3"]) == ("3", "4", "0")  # the hand count
    one, three = rows[0], rows[2]
    assert one["窗口名称"] == "商事经营综合受理窗口"
    assert one["平均等候（分钟）"] == "1.7"  # waits 2, 3 and 0 minutes: one decimal
    assert one["平均办理（分钟）"] == "18.3" and one["90%办理（分钟）"] == "25.0"
    assert one["满意率（%）"] == "100.0" and one["满意（条）"] == "1"
    assert three["平均等候（分钟）"] == "" and three["满意率（%）"] == ""  # nothing to average
    assert rows[1]["转移"] == "2" and rows[1]["AB岗交接"] == "1"


def test_the_clerks_csv_in_english_has_a_row_per_clerk_and_every_figure(
    day: fg.Report, tmp_path: Path
) -> None:
    path = tmp_path / "clerks.csv"
    rp.write_report_csv(path, day, "clerk", "en")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = {row["Code"]: row for row in csv.DictReader(f)}
    assert set(rows) == set(day.clerks)
    honest, dropper = rows[HONEST], rows[DROPPER]
    assert (honest["Served"], dropper["Served"], dropper["Transfers"]) == ("3", "4", "2")
    assert dropper["Bad"] == dropper["Open cases"] == "1" and dropper["Min away"] == "25"
    assert honest["Work credit (standard min)"] == "50.0"
    assert dropper["Work credit (standard min)"] == "20.0"  # 4 × 10, less half of 2 × 20
    assert "Empty post min" not in honest  # a window's figure, not a clerk's


def test_a_file_that_cannot_be_written_is_a_sentence(day: fg.Report, tmp_path: Path) -> None:
    from shared.base.errors import EnvironmentFault

    with pytest.raises(EnvironmentFault) as refused:
        rp.write_report_csv(tmp_path / "no-such-folder" / "x.csv", day, "window", "zh")
    assert "无法写入文件" in refused.value.message("zh")


# -- the PDF ---------------------------------------------------------------------------------


def test_the_pdf_embeds_its_font_and_names_the_hall_the_ranking_and_every_window(
    unstaffed_hall: Hall, day: fg.Report, tmp_path: Path
) -> None:
    windows = fg.rank(day, "window", 1, minimum=3)  # the scripted day is a short one
    clerks = unstaffed_hall.ranking("clerk", DAY)
    path = tmp_path / "notice.pdf"
    path.write_bytes(rp.report_pdf(day, [windows, clerks], hall_name=HALL_NAME, lang="zh"))

    fonts = run("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "no font at all"
    for row in fonts:
        assert row.split()[-5] == "yes", row  # emb: every font embedded, no Helvetica
    assert any("MicroHei" in row or "ZenHei" in row for row in fonts)

    n = pages(path)
    text = "\n".join(page_text(path, p) for p in range(1, n + 1))
    assert HALL_NAME in text and "2026年11月24日 每日通报" in text
    assert "窗口排名" in text and "工作人员排名" in text
    # The window ranking: place, window, name, score (honest 100, the dropper 70×20/50−3).
    assert re.search(r"^\s*1\s+1\s+商事经营综合受理窗口\s+100\.0\b", text, re.M)
    assert re.search(r"^\s*2\s+2\s+商事经营综合受理窗口\s+25\.0\b", text, re.M)
    # Every window has its row in the figures table, served first.
    for key, w in day.windows.items():
        assert re.search(rf"^\s*{key}\s+{re.escape(w.name)}\s+{w.served}\s", text, re.M), key
    # The clerks are not ranked on the hall's own minimum, and the notice says why.
    assert "未参加排名（经手少于所需的 10 件）" in text
    assert "王丽娟（1001） 3 件" in text and "李建国（1002） 6 件" in text
    for caption in ("各窗口办结量", "各窗口满意率", "各时段平均等候"):
        assert caption in text
    notes = flat(text)
    for name in fg.DEFINITIONS:
        assert flat(render(f"documents.report.def.{name}", "zh"))[:20] in notes, name
    assert "每条差评扣3分，空岗每10分钟扣1分" in notes
    assert f"第1页/共{n}页" in flat(page_text(path, 1))


def long_month(clerks: int = 60, windows: int = 30) -> fg.Report:
    """A month of a large hall, made by hand: ``clerks`` clerks and ``windows`` windows
    with figures enough to be ranked, each a little below the one before."""
    month = fg.Range(date(2026, 11, 1), date(2026, 11, 30))
    hall = fg.Figures("hall", "QC", HALL_NAME)

    def unit(group: str, key: str, name: str, i: int) -> fg.Figures:
        f = fg.Figures(group, key, name, served=400 - i, credit=4000.0 - 10 * i)
        f.waits = [5.0 + i % 7, 12.0, 30.0]
        f.handlings = [8.0, 15.0 + i % 5]
        f.levels["very_satisfied"] = 20
        f.levels["dissatisfied"] = i % 3
        return f

    report = fg.Report(
        month,
        hall,
        {str(i): unit("window", str(i), f"综合受理窗口{i}", i) for i in range(1, windows + 1)},
        {f"C{i:03d}": unit("clerk", f"C{i:03d}", f"工作人员{i}", i) for i in range(1, clerks + 1)},
        {"qy-sl": unit("service", "qy-sl", "企业设立登记", 0)},
    )
    hall.served = sum(c.served for c in report.clerks.values())
    hall.levels["very_satisfied"] = 20 * clerks
    report.waits_by_hour = {9: [5.0, 7.0], 10: [12.0], 14: [3.0]}
    return report


def test_a_long_table_repeats_its_head_on_every_page_it_runs_on(tmp_path: Path) -> None:
    report = long_month()
    ranking = fg.rank(report, "clerk", 22)
    # The same last three on the two business days before: the third day running.
    ranking = fg.with_streak(ranking, [ranking, ranking])
    path = tmp_path / "month.pdf"
    data = rp.report_pdf(report, [fg.rank(report, "window", 22), ranking], hall_name=HALL_NAME)
    path.write_bytes(data)
    n = pages(path)
    clerk_pages = []
    for p in range(1, n + 1):
        text = page_text(path, p)
        assert f"第{p}页/共{n}页" in flat(text)
        rows = re.findall(r"^\s*(?:\d+\s+)?C\d{3}\s+工作人员\d+", text, re.M)
        if rows:
            clerk_pages.append(p)
            heads = text.split(rows[0])[0]  # what the page shows above its first row
            assert "工号" in heads and "姓名" in heads, f"page {p} has no head over its rows"
    # 60 clerks run over pages in the ranking and in both figure tables.
    assert len(clerk_pages) >= 4, clerk_pages
    assert any(clerk_pages[i + 1] == clerk_pages[i] + 1 for i in range(len(clerk_pages) - 1))
    everything = "\n".join(page_text(path, p) for p in range(1, n + 1))
    assert "2026年11月 月度报告" in everything
    flagged = [line for line in everything.splitlines() if re.search(r"C\d{3}.*▼▼", line)]
    assert len(flagged) == 3 and all("连续第三天末三位，约谈" in line for line in flagged)
    assert "“连续第三天末三位”只在每日通报中标出。" in everything


def test_the_last_three_are_marked_in_words_and_not_by_colour_alone() -> None:
    ranking = fg.rank(long_month(clerks=8, windows=1), "clerk", 22)
    marks = [row[-1] for row in rp.ranking_rows(ranking, "zh")]
    assert marks[:5] == [""] * 5 and marks[5:] == ["▼ 末三位"] * 3
    streak = fg.with_streak(ranking, [ranking, ranking])
    assert rp.ranking_rows(streak, "en")[-1][-1].startswith("▼▼ Last three for the third day")


def test_the_title_says_what_the_range_is() -> None:
    assert rp.report_title(DAY, DAY, "zh") == "2026年11月24日 每日通报"
    assert rp.report_title(date(2026, 11, 23), date(2026, 11, 29), "zh") == "2026年第48周 周报"
    assert rp.report_title(date(2026, 11, 1), date(2026, 11, 30), "zh") == "2026年11月 月度报告"
    assert rp.report_title(date(2026, 11, 1), date(2026, 11, 30), "en") == (
        "Monthly report, 2026-11"
    )
    assert rp.report_title(date(2026, 11, 3), date(2026, 11, 12), "zh") == (
        "2026-11-03 至 2026-11-12 统计报告"
    )


def test_every_figure_and_definition_reads_in_both_languages() -> None:
    for lang in ("zh", "en"):
        for column in rp.COLUMNS:
            for text in (column.head(lang), column.csv_head(lang)):
                assert text and "documents." not in text and "level." not in text, text
        for name in fg.DEFINITIONS:
            assert f"documents.report.def.{name}" in TABLE
            assert render(f"documents.report.def.{name}", lang).count("：" if lang == "zh" else ":")


# -- the command -----------------------------------------------------------------------------


@pytest.fixture
def yimen(
    day: fg.Report,
    unstaffed_db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Yimen:
    """``yimen …`` on the scripted day's database, at 10:30 that morning."""
    monkeypatch.setenv("YIMEN_NOW", local(24, 10, 30).isoformat())
    monkeypatch.delenv("YIMEN_DB", raising=False)

    def call(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--db", unstaffed_db_url])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_the_days_notice_prints_and_writes_its_pdf_and_csv(yimen: Yimen, tmp_path: Path) -> None:
    pdf, table = tmp_path / "day.pdf", tmp_path / "day.csv"
    code, out, err = yimen("report", "--day", "2026-11-24", "--pdf", str(pdf), "--csv", str(table))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "青川区政务服务中心 · 2026年11月24日 每日通报"
    assert lines[1] == "统计日期：2026-11-24（周二） · 数据截至 2026-11-24 10:30"
    assert "  办结：7 件" in lines and "  差评：1 条，整改未结 1 件" in lines
    assert "  操作：过号 0、转移 2、挂起 0、回呼 0" in lines
    assert "窗口排名" in lines
    assert "未参加排名（经手少于所需的 10 件）：1号窗口 3 件、2号窗口 6 件" in lines
    assert f"报告已写入 {pdf}" in lines
    assert pdf.read_bytes().startswith(b"%PDF") and HALL_NAME in page_text(pdf, 1)
    with table.open(encoding="utf-8-sig", newline="") as f:
        served = {row["窗口"]: row["办结"] for row in csv.DictReader(f)}
    assert (served["1"], served["2"]) == ("3", "4")


def test_a_week_and_a_month_read_up_to_today(yimen: Yimen, tmp_path: Path) -> None:
    table = tmp_path / "week.csv"
    code, out, err = yimen("report", "--week", "2026-W48", "--by", "clerk", "--csv", str(table))
    assert code == 0, err
    assert out.startswith("青川区政务服务中心 · 2026年第48周 周报\n")
    # Monday the 23rd and today: the days to come have no figures yet.
    assert "统计范围：2026-11-23 至 2026-11-24，共 2 天" in out
    assert "工作人员排名" in out and "本期须经手 20 件" in out
    with table.open(encoding="utf-8-sig", newline="") as f:
        rows = {row["工号"]: row for row in csv.DictReader(f)}
    assert rows[HONEST]["办结"] == "3" and rows[DROPPER]["转移"] == "2"

    pdf = tmp_path / "month.pdf"
    code, out, err = yimen(
        "report", "--month", "2026-11", "--by", "service", "--lang", "en", "--pdf", str(pdf)
    )
    assert code == 0, err
    assert "Monthly report, 2026-11" in out and "Figures per service" in out
    # In English, the hall's English names: 1 + 4 served.
    assert re.search(r"^gt-zc\s+Sole trader registration\s+5\s", out, re.M)
    assert out.startswith("Qingchuan District Government Service Center · ")
    text = page_text(pdf, 1)
    assert "Monthly report, 2026-11" in text and "Range: 2026-11-01 to 2026-11-24" in text
    assert "Qingchuan District Government Service Center" in text
    table = tmp_path / "services.csv"
    code, out, err = yimen(
        "report", "--month", "2026-11", "--by", "service", "--lang", "en", "--csv", str(table)
    )
    with table.open(encoding="utf-8-sig", newline="") as f:
        names = {row["Code"]: row["Service"] for row in csv.DictReader(f)}
    assert names["gt-zc"] == "Sole trader registration" and names["qy-sl"] == "Company registration"


def test_the_json_carries_every_figure_and_the_ranking(yimen: Yimen) -> None:
    code, out, err = yimen("report", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["first"] == data["last"] == "2026-11-24" and data["group"] == "window"
    figures = {f["key"]: f for f in data["figures"]}
    assert figures["1"]["served"] == 3 and figures["1"]["wait_mean"] == 1.7
    assert figures["2"]["transfers"] == 2 and figures["3"]["wait_mean"] is None
    assert data["hall_figures"]["served"] == 7 and data["hall_figures"]["satisfaction"] == 50.0
    assert data["ranking"]["minimum"] == 10 and data["ranking"]["ranked"] == []
    assert [u["key"] for u in data["ranking"]["unranked"]] == ["1", "2"]


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (("--month", "2026-13"), "月份 2026-13 写法不对，请写成 2026-11 这样的年-月。"),
        (("--week", "2026-W54"), "周 2026-W54 写法不对，请写成 2026-W48 这样的年-W周次。"),
        (("--from", "2026-11-20"), "--from 和 --to 要一起给出。"),
        (("--month", "2027-01"), "2027-01-01 还没有到，还没有可报告的数据。"),
    ],
)
def test_a_range_it_cannot_read_is_one_sentence_and_status_2(
    yimen: Yimen,
    argv: tuple[str, ...],
    sentence: str,
) -> None:
    code, out, err = yimen("report", *argv)
    assert (code, out, err) == (2, "", sentence + "\n")


# -- the progress bar ------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_fills_as_each_read_returns_and_leaves_a_clean_line() -> None:
    screen = Terminal()
    progress = Progress(Out("zh", False), total=4, stream=screen)
    seen = []
    for weight in (1, 3):
        seen.append(progress.run("cli.report.reading.figures", weight, lambda: screen.getvalue()))
    progress.close()
    assert "0%" in seen[0] and "[" + "." * 24 + "]" in seen[0]  # nothing done yet
    assert "25%" in seen[1] and "[" + "#" * 6 + "." * 18 + "]" in seen[1]
    drawn = screen.getvalue()
    assert "正在读取全中心数据 [" + "#" * 24 + "] 100%" in drawn
    assert drawn.endswith("\r") and drawn.rsplit("\r", 2)[-2].strip() == ""


def test_no_bar_where_nobody_watches() -> None:
    log = io.StringIO()
    progress = Progress(Out("zh", False), total=2, stream=log)
    assert progress.run("cli.report.reading.figures", 2, lambda: 42) == 42
    progress.close()
    assert log.getvalue() == ""
