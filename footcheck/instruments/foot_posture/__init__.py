"""Foot posture: the Foot Posture Index (FPI-6) bands, or five self-checks counted as signs."""

from __future__ import annotations

from footcheck.instruments.foot_posture import questions
from footcheck.instruments.foot_posture.lines import lines
from footcheck.instruments.foot_posture.result import FootPosture
from footcheck.instruments.foot_posture.scoring import assess_foot_posture
from footcheck.instruments.instrument import Instrument

INSTRUMENT = Instrument(
    key="foot_posture",
    section=questions.SECTION,
    questions=questions.QUESTIONS,
    score=assess_foot_posture,
    result=FootPosture,
    lines=lines,
    columns=(("foot_posture", lambda r: r.classification),),
)
