"""Files for other systems: the reviews as CSV that Excel opens (UTF-8 with a BOM),
the level's code on the scale the receiving system wants."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from shared.base.errors import EnvironmentFault
from shared.base.messages import render, word
from shared.rules.reviews import DIMENSIONS, ReviewInfo, export_code, level_words, reason_words


def write_reviews_csv(
    path: Path, reviews: Sequence[ReviewInfo], scale: str, lang: str, tz: tzinfo
) -> None:
    """The reviews as a CSV file Excel opens (UTF-8 with BOM): the level's code on the
    receiving system's scale beside its name."""

    header = [
        render("documents.reviews.id", lang),
        render("documents.reviews.day", lang),
        render("documents.reviews.at", lang),
        render("documents.reviews.number", lang),
        render("documents.reviews.service_code", lang),
        render("documents.reviews.service", lang),
        render("documents.reviews.window", lang),
        render("documents.reviews.clerk_code", lang),
        render("documents.reviews.clerk", lang),
        render("documents.reviews.level_code", lang, scale=scale),
        render("documents.reviews.level", lang),
        render("documents.reviews.channel", lang),
        render("documents.reviews.reasons", lang),
        render("documents.reviews.words", lang),
        *(word("review_dimension", k, lang) for k in DIMENSIONS),
        render("documents.reviews.real_name", lang),
        render("documents.reviews.case", lang),
    ]
    yes, no = render("documents.yes", lang), render("documents.no", lang)
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
                        word("review_channel", r.channel, lang),
                        reason_words(r.reasons, lang),
                        r.text or "",
                        *(level_words(dims[k], lang) if k in dims else "" for k in DIMENSIONS),
                        yes if r.real_name else no,
                        r.case_id if r.case_id is not None else "",
                    ]
                )
    except OSError as exc:
        raise EnvironmentFault(
            "file.unwritable", path=str(path), detail=exc.strerror or str(exc)
        ) from None
