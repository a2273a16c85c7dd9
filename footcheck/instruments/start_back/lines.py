"""The STarT Back result in words for a person: the risk that the pain keeps troubling
them, and the support a clinician would usually offer (none beside a warning sign)."""

from __future__ import annotations

from footcheck.checklist.catalogue import Catalogue
from footcheck.instruments.start_back.result import StartBack
from footcheck.text.messages import say


def lines(scores: StartBack | None, serious: bool, catalogue: Catalogue) -> list[str]:
    if scores is None:
        return [say("summary.start_back.not_scored")]
    told = say("summary.start_back.scores", total=scores.total, psychosocial=scores.psychosocial)
    if serious:
        # No advice on care beside a warning sign: that waits for the doctor.
        return [say(f"summary.start_back.checked_first.{scores.risk}", scores=told)]
    return [say(f"summary.start_back.advice.{scores.risk}", scores=told)]
