"""The ranking's rules on figures made by hand (no database): who is ranked, the score's
parts, the last three marked, and the last three for the third business day running
flagged (约谈)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.rules import figures as fg


def report(*units: tuple[str, int, float, int, int]) -> fg.Report:
    """Clerks as (code, served, credit, good reviews, bad reviews)."""
    hall = fg.Figures("hall", "QC", "青川区政务服务中心")
    clerks = {}
    for code, served, credit, good, bad in units:
        f = fg.Figures("clerk", code, f"clerk {code}", served=served, credit=credit)
        f.levels["satisfied"] = good
        f.levels["dissatisfied"] = bad
        hall.levels["satisfied"] += good
        hall.levels["dissatisfied"] += bad
        clerks[code] = f
    day = date(2026, 11, 24)
    return fg.Report(fg.Range(day, day), hall, {}, clerks, {})


def test_the_score_is_work_satisfaction_and_penalties_within_0_to_100() -> None:
    r = fg.rank(
        report(("A", 20, 200.0, 4, 0), ("B", 20, 100.0, 3, 1), ("C", 5, 50.0, 1, 0)), "clerk", 1
    )
    assert [x.figures.key for x in r.ranked] == ["A", "B"]
    assert [u.key for u in r.unranked] == ["C"] and r.minimum == 10
    a, b = r.ranked
    assert (a.work, a.satisfaction, a.penalty, a.score) == (70.0, 30.0, 0.0, 100.0)
    assert b.work == 35.0 and b.satisfaction == pytest.approx(30 * 3 / 4) and b.penalty == 3.0
    assert b.score == round(35 + 22.5 - 3, 1)


def test_a_unit_without_reviews_gets_the_halls_rate() -> None:
    r = fg.rank(report(("A", 20, 100.0, 3, 1), ("B", 20, 100.0, 0, 0)), "clerk", 1)
    b = next(x for x in r.ranked if x.figures.key == "B")
    assert b.satisfaction == pytest.approx(30 * 0.75)  # the hall: 3 good of 4


def test_the_last_three_are_marked_and_the_third_day_running_flagged() -> None:
    def day(*weak: str) -> fg.Ranking:
        units = [("A", 30, 300.0, 5, 0), ("B", 30, 280.0, 5, 0), ("C", 30, 260.0, 5, 0)]
        units += [(code, 30, 100.0 + i, 2, 1) for i, code in enumerate(weak)]
        return fg.rank(report(*units), "clerk", 1)

    monday, tuesday = day("D", "E", "F"), day("D", "E", "G")
    today = day("D", "F", "G")
    assert [x.figures.key for x in today.ranked if x.last] == ["G", "F", "D"]
    flagged = fg.with_streak(today, [monday, tuesday])
    assert [x.figures.key for x in flagged.ranked if x.third_running] == ["D"]
    # Fewer than four ranked: nobody is "last three".
    few = fg.rank(report(("A", 30, 300.0, 5, 0), ("B", 30, 100.0, 1, 1)), "clerk", 1)
    assert not any(x.last for x in few.ranked)
    # Without two earlier days there is no streak to speak of.
    assert not any(x.third_running for x in fg.with_streak(today, [tuesday]).ranked)
