"""An interrupted interactive assessment, kept so the next one can continue it.

One draft at a time, `draft.json` beside the history, readable by its owner only, so that
nothing typed is lost to a Ctrl-C. Only interactive runs without `--answers` or `--set`
keep or offer a draft; a damaged draft is set aside, never used (README, "Drafts").
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from footcheck.answers.model import validate_answers
from footcheck.checklist.question import AnswerValue
from footcheck.errors import AnswersError
from footcheck.store.files import PRIVATE, write_text
from footcheck.store.paths import history_dir, private_folder
from footcheck.text.messages import say

DRAFT_NAME = "draft.json"
MAX_DRAFT_BYTES = 64 * 1024
"""A draft holds one set of answers: anything bigger is not one of ours."""


@dataclass
class Draft:
    answers: dict[str, AnswerValue]
    saved_at: datetime
    notes: list[str] = field(default_factory=list)
    """What was left out of it (answers the checklist no longer allows)."""


def draft_path() -> Path:
    return history_dir() / DRAFT_NAME


def save_draft(answers: Mapping[str, AnswerValue], *, now: datetime | None = None) -> Path:
    path = draft_path()
    private_folder(path.parent)
    document = {
        "draft": "footcheck",
        "saved_at": (now or datetime.now(UTC)).isoformat(),
        "answers": answers,
    }
    write_text(path, json.dumps(document, ensure_ascii=False) + "\n", force=True, mode=PRIVATE)
    return path


def discard_draft() -> bool:
    try:
        draft_path().unlink()
    except FileNotFoundError:
        return False
    return True


def load_draft() -> tuple[Draft | None, str | None]:
    """The draft, if there is one; or a note that a damaged one was set aside."""
    path = draft_path()
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_DRAFT_BYTES + 1)
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, say("draft.unreadable", path=path, reason=error.strerror or error)
    draft = _parse(raw)
    if draft is None:
        aside = path.with_name(path.name + ".damaged")
        try:
            os.replace(path, aside)
        except OSError:
            return None, say("draft.damaged", path=path)
        return None, say("draft.set_aside", path=path, aside=aside)
    return draft, None


def _parse(raw: bytes) -> Draft | None:
    if len(raw) > MAX_DRAFT_BYTES:
        return None
    try:
        document: Any = json.loads(raw)
        saved_at = datetime.fromisoformat(document["saved_at"])
        answers = document["answers"]
    except (ValueError, RecursionError, KeyError, TypeError):
        return None
    if not isinstance(answers, dict) or document.get("draft") != "footcheck":
        return None
    return _usable(answers, saved_at)


def _usable(answers: dict[str, Any], saved_at: datetime) -> Draft:
    """Keep what the checklist still allows; name what it does not."""
    try:
        validate_answers(answers, partial=True)
    except AnswersError as error:
        bad = {p.id for p in error.problems}
        kept = {k: v for k, v in answers.items() if k not in bad}
        note = say("draft.left_out", ids=", ".join(sorted(bad)))
        return Draft(kept, saved_at, [note])
    return Draft(answers, saved_at)
