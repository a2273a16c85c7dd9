"""The Keele STarT Back Screening Tool: nine items, prognostic risk low / medium / high."""

from __future__ import annotations

from footcheck.instruments.instrument import Instrument
from footcheck.instruments.start_back import questions
from footcheck.instruments.start_back.fhir import observations
from footcheck.instruments.start_back.lines import lines
from footcheck.instruments.start_back.result import StartBack
from footcheck.instruments.start_back.scoring import score_start_back

INSTRUMENT = Instrument(
    key="start_back",
    section=questions.SECTION,
    questions=questions.QUESTIONS,
    score=score_start_back,
    result=StartBack | None,
    lines=lines,
    attribution="keele.copyright",
    observations=observations,
    columns=(
        ("start_back_total", lambda r: None if r is None else r.total),
        ("start_back_psychosocial", lambda r: None if r is None else r.psychosocial),
        ("start_back_risk", lambda r: None if r is None else r.risk),
    ),
)
