"""The command line's messages whose ids are built in code exist, for every form."""

from __future__ import annotations

import pytest

from footcheck.text.messages import EN


@pytest.mark.parametrize(
    "message_id",
    [
        *(f"interview.label.{label}" for label in ("question", "follow_up")),
        *(f"interview.dropped.section.{form}" for form in ("one", "other")),
        *(f"session.draft.unfinished.{form}" for form in ("one", "other")),
        *(f"session.draft.kept.{form}" for form in ("one", "other")),
        *(f"batch.csv.separator.{name}" for name in ("semicolons", "tabs")),
        *(
            f"history.list.column.{name}"
            for name in ("id", "date", "triage", "pain", "risk", "top")
        ),
    ],
)
def test_generated_ids_exist(message_id: str) -> None:
    assert message_id in EN
