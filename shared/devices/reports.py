"""The daily notice and ranking (一天一通报、一天一排名) and the month's report as
documents: an A4 PDF for the supervisor's desk and the wall, and a CSV file Excel opens.

* `report_pdf` lays out a `Report` and its `Ranking`\\ s: the hall's name, the title and
  the range; the hall at a glance; the ranking of the windows and of the clerks (the last
  three marked in words and with ▼, the third day running with ▼▼ and 约谈), those not
  ranked and why; charts (served and satisfaction per window, waiting by the hour of
  issue); every figure per window, per clerk and per service in tables that run on over
  pages with their head repeated; and the notes: what each figure means and how the
  ranking is made. Every page is numbered 第 2 页 / 共 5 页; the CJK font is embedded.
* `write_report_csv` writes one group's figures (a row per window, clerk or service, a
  column per figure) as UTF-8 with a BOM.
* The terminal's notice (`yimen report`) takes its lines from the same helpers
  (`summary_items`, `ranking_rows`, `figure_rows`), so a figure reads alike everywhere.

Laid out in three modules, all of it imported from here: the PDF and its charts in
`shared.devices.report_pdf`; the words and rows both documents and the terminal share
(each figure's column, head and rounding, the titles, the ranking's rows and notes) in
`shared.devices.report_words`; the CSV file here. The figures and their definitions are
the core's (`shared.rules.figures`); nothing is computed in these modules but the layout.
"""

from __future__ import annotations

import csv
from pathlib import Path

from shared.base.errors import EnvironmentFault
from shared.base.messages import render
from shared.devices.report_pdf import report_pdf
from shared.devices.report_words import (
    COLUMNS,
    Column,
    columns,
    figure_heads,
    figure_rows,
    figure_values,
    mark_text,
    range_text,
    ranking_heads,
    ranking_notes,
    ranking_rows,
    report_title,
    summary_items,
    unit_label,
)
from shared.rules import figures as fg

# -- the CSV file ----------------------------------------------------------------------------


def write_report_csv(path: Path, report: fg.Report, group: str, lang: str) -> int:
    """One group's figures as a CSV file Excel opens (UTF-8 with BOM): a row per window,
    clerk or service, a column per figure, numbers plain (minutes and percentages with one
    decimal, a figure no ticket gives left empty). Returns the rows written."""
    cols = columns(group)
    header = [
        render(f"documents.report.key.{group}", lang),
        render(f"documents.report.name.{group}", lang),
        *(c.csv_head(lang) for c in cols),
    ]
    units = report.group(group)
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for u in units:
                writer.writerow([u.key, u.named(lang), *(c.text(u, none="") for c in cols)])
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
    return len(units)


__all__ = [
    "COLUMNS",
    "Column",
    "columns",
    "figure_heads",
    "figure_rows",
    "figure_values",
    "mark_text",
    "range_text",
    "ranking_heads",
    "ranking_notes",
    "ranking_rows",
    "report_pdf",
    "report_title",
    "summary_items",
    "unit_label",
    "write_report_csv",
]
