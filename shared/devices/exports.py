"""Files for other systems: the reviews as CSV that Excel opens (UTF-8 with a BOM),
the level's code on the scale the receiving system wants."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from shared.base.errors import EnvironmentFault
from shared.rules.reviews import (
    CHANNEL_WORDS,
    DIMENSIONS,
    ReviewInfo,
    export_code,
    level_words,
    reason_words,
)


def write_reviews_csv(
    path: Path, reviews: Sequence[ReviewInfo], scale: str, lang: str, tz: tzinfo
) -> None:
    """The reviews as a CSV file Excel opens (UTF-8 with BOM): the level's code on the
    receiving system's scale beside its name."""

    zh = lang != "en"
    header = [
        "评价编号" if zh else "review",
        "日期" if zh else "day",
        "评价时间" if zh else "rated at",
        "票号" if zh else "ticket",
        "事项编号" if zh else "service code",
        "事项" if zh else "service",
        "窗口" if zh else "window",
        "工号" if zh else "clerk code",
        "工作人员" if zh else "clerk",
        (f"评价代码（{scale}）" if zh else f"level code ({scale})"),
        "评价" if zh else "level",
        "渠道" if zh else "channel",
        "原因" if zh else "reasons",
        "意见" if zh else "words",
        *(DIMENSIONS[k][0 if zh else 1] for k in DIMENSIONS),
        "实名" if zh else "real name",
        "整改件" if zh else "case",
    ]
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for r in reviews:
                dims = dict(r.dimensions)
                writer.writerow(
                    [
                        r.id,
                        r.business_day.isoformat(),
                        f"{r.at.astimezone(tz):%Y-%m-%d %H:%M:%S}",
                        r.number,
                        r.service_code,
                        r.service_name,
                        r.window_no if r.window_no is not None else "",
                        r.clerk_code or "",
                        r.clerk_name or "",
                        export_code(r.level, scale),
                        level_words(r.level, lang),
                        CHANNEL_WORDS.get(r.channel, (r.channel, r.channel))[0 if zh else 1],
                        reason_words(r.reasons, lang),
                        r.text or "",
                        *(level_words(dims[k], lang) if k in dims else "" for k in DIMENSIONS),
                        ("是" if zh else "yes") if r.real_name else ("否" if zh else "no"),
                        r.case_id if r.case_id is not None else "",
                    ]
                )
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
