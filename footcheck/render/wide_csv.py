"""One wide CSV row per result, for spreadsheets and statistics packages: `batch
--output-format csv` and `history export --format csv` write the same columns.

A column per contributor (its points, 0 when not listed) rather than a list in one cell,
so each is a variable a statistics package reads as a number.
"""

from __future__ import annotations

import csv
from datetime import datetime
from typing import IO, TYPE_CHECKING

from footcheck.instruments.registry import INSTRUMENTS
from footcheck.scoring.contributors import RULES

if TYPE_CHECKING:
    from footcheck.summary import Summary

CONTRIBUTOR_COLUMNS = tuple(rule.id for rule in RULES)
HEADER = (
    "record_id",
    "line",
    "created_at",
    "checklist_version",
    "triage",
    *(name for instrument in INSTRUMENTS for name, _ in instrument.columns),
    *CONTRIBUTOR_COLUMNS,
    "steps",
    "error",
)
STEP_SEPARATOR = ";"


class WideCsvWriter:
    """Writes the header at once (unless ``header`` is False: a part of a larger file),
    then one row per result."""

    def __init__(self, stream: IO[str], *, header: bool = True) -> None:
        self._writer = csv.writer(stream)
        if header:
            self._writer.writerow(HEADER)

    def summary(self, summary: Summary, *, record_id: str | None, line: int | None) -> None:
        points = {c.id: c.points for c in summary.contributors}
        results: list[object] = []
        for instrument, result in summary.instrument_results():
            for _, cell in instrument.columns:
                value = cell(result)
                results.append("" if value is None else value)
        self._writer.writerow(
            (
                record_id or "",
                "" if line is None else line,
                _instant(summary.created_at),
                summary.checklist_version,
                summary.triage.level,
                *results,
                *(points.get(cid, 0) for cid in CONTRIBUTOR_COLUMNS),
                STEP_SEPARATOR.join(step.id for step in summary.steps),
                "",
            )
        )

    def error(self, message: str, *, record_id: str | None, line: int | None) -> None:
        blank = [""] * (len(HEADER) - 3)
        self._writer.writerow((record_id or "", "" if line is None else line, *blank, message))


def _instant(moment: datetime) -> str:
    """As the exported JSON writes it (ISO 8601, UTC as Z)."""
    return moment.isoformat().replace("+00:00", "Z")
