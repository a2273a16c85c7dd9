"""Warning signs: the questions that carry a red-flag level, and which were answered yes."""

from __future__ import annotations

from footcheck.instruments.instrument import Instrument
from footcheck.instruments.red_flags import questions
from footcheck.instruments.red_flags.scoring import raised_flags

INSTRUMENT = Instrument(
    key="red_flags",
    section=questions.SECTION,
    questions=questions.QUESTIONS,
    score=raised_flags,
    result=list[str],
)
