"""Words shared by every human-readable renderer, so they all tell the same story.

No internal id (a question id, a contributor id) ever reaches the person: these tables and
functions turn them into plain words, looked up in the message files
(``footcheck/text/<language>/summary.toml``) in the language being spoken.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from footcheck.instruments.registry import CATALOGUE
from footcheck.sources import SOURCE_BY_ID
from footcheck.summary import (
    CHECKLIST_VERSION,
    EvidenceLabel,
    Step,
    Summary,
    TriageLevel,
)
from footcheck.text.messages import Words, plural, say, spoken

TRIAGE_HEADLINE: Mapping[TriageLevel, str] = Words("triage.headline.*")
TRIAGE_INTRO: Mapping[TriageLevel, str] = Words("triage.intro.*")
TRIAGE_LEVEL: Mapping[TriageLevel, str] = Words("triage.level.*")
"""A triage level in a word or two, for tables."""
SERIOUS: frozenset[TriageLevel] = frozenset({"emergency", "urgent"})
"""Levels where nothing but the triage step is advised."""
CONTRIBUTOR_SHORT: Mapping[str, str] = Words("contributor.*.short")
"""Names for tight spaces (the plan, the chain, history list and trend)."""
EVIDENCE_TEXT: Mapping[EvidenceLabel, str] = Words("summary.evidence_label.*")
EVIDENCE_BADGE: Mapping[EvidenceLabel, str] = Words("summary.evidence_badge.*")
"""The label a step is marked with, as a person reads it: ``[guideline]``."""
EVIDENCE_ORDER: tuple[EvidenceLabel, ...] = ("guideline", "limited", "practical")
"""The order the evidence labels are explained in."""


def earlier_checklist_note() -> str:
    """Under a table that marks results scored with an earlier checklist (``earlier_mark``)."""
    return say("summary.earlier_checklist_note")


EARLIER_CHECKLIST_NOTE = earlier_checklist_note()
"""The note in English, for callers that have not moved to ``earlier_checklist_note()``."""


def earlier_mark(checklist_version: int) -> str:
    """Beside a saved result scored with an earlier checklist, in tables: " (v1)"."""
    if checklist_version >= CHECKLIST_VERSION:
        return ""
    return say("summary.earlier_mark", version=checklist_version)


def local_time(moment: datetime, *, with_time: bool = True) -> str:
    """A stored UTC time as the person's local time, with the zone: "2026-01-05 09:00 CET"."""
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M %Z" if with_time else "%Y-%m-%d")


MONTH: Mapping[str, str] = Words("time.month.*")
SPOKEN_LEVEL: Mapping[str, str] = Words("triage.spoken_level.*")
"""A triage level as a sentence says it: "see a clinician"."""


def spoken_time(moment: datetime) -> str:
    """A stored UTC time as the person's local time, in words a screen reader says well:
    "5 January 2026 at 09:00 CET"."""
    local = moment.astimezone()
    return say(
        "time.spoken",
        day=local.day,
        month=MONTH[str(local.month)],
        year=local.year,
        clock=local.strftime("%H:%M"),
        zone=local.strftime("%Z"),
    )


def triage_notes(summary: Summary) -> list[str]:
    """The triage's reasons, and for a clinician's appointment the reassurance that the
    warning signs were asked (a clinician reading the summary wants to know)."""
    notes = list(summary.triage.reasons)
    if summary.triage.level == "see_clinician" and not summary.red_flags:
        notes.append(say("summary.no_warning_sign_reported"))
    return notes


def triage_action(summary: Summary) -> Step | None:
    """The step the triage banner spells out: the first one, when the triage chose it."""
    if summary.triage.level == "self_care" or not summary.steps:
        return None
    first = summary.steps[0]
    return first if first.addresses == ["triage"] else None


def listed_steps(summary: Summary) -> tuple[list[Step], list[Step]]:
    """(new steps, steps already done) for the step list: the triage step is in the banner."""
    action = triage_action(summary)
    rest = [s for s in summary.steps if s is not action]
    return [s for s in rest if not s.already_doing], [s for s in rest if s.already_doing]


def contributor_short(contributor_id: str) -> str:
    return CONTRIBUTOR_SHORT.get(contributor_id, contributor_id.replace("_", " "))


def likelihood_text(likelihood: str) -> str:
    """ "high likelihood"; a likelihood footcheck does not know is shown as it is."""
    message_id = f"summary.likelihood.{likelihood}"
    return say(message_id) if message_id in spoken() else likelihood


def points_text(points: int, likelihood: str) -> str:
    """ "4 points, moderate likelihood"."""
    return say(
        f"summary.points.{plural(points)}", points=points, likelihood=likelihood_text(likelihood)
    )


def source_names(source_ids: list[str]) -> str:
    """Sources as a person reads them: "NICE NG59; Menz 2013"."""
    names = [SOURCE_BY_ID[s].short if s in SOURCE_BY_ID else s for s in source_ids]
    return "; ".join(dict.fromkeys(names))


def sources_line(source_ids: list[str]) -> str:
    """ "Sources: NICE NG59; Menz 2013."."""
    return say("summary.sources_line", names=source_names(source_ids))


def evidence_legend(labels: list[EvidenceLabel]) -> list[tuple[str, str]]:
    """(badge, explanation) of each label used, in the order they are explained."""
    return [
        (EVIDENCE_BADGE[label], EVIDENCE_TEXT[label]) for label in EVIDENCE_ORDER if label in labels
    ]


def earlier_checklist(summary: Summary) -> str | None:
    if summary.scored_now:
        return None
    return say("summary.earlier_checklist", version=summary.checklist_version)


def instrument_lines(summary: Summary) -> list[tuple[list[str], str]]:
    """Each instrument's result in sentences, in the registry's order, with the statement
    that must stand with it (or ""): what the outlook of every human format shows."""
    serious = summary.triage.level in SERIOUS
    found = []
    for instrument, result in summary.instrument_results():
        sentences = instrument.lines(result, serious, CATALOGUE)
        if sentences:
            attribution = say(instrument.attribution) if instrument.attribution else ""
            found.append((sentences, attribution if result is not None else ""))
    return found
