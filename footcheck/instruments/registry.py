"""The checklist footcheck asks: its plain sections and its instruments, one line each,
in asking order. Adding an instrument is its folder and one line here.

The catalogue every reader uses (prompts, validation, scoring, renderers, FHIR, CSV) is
assembled here, so an instrument's questions are defined once, in its folder.
"""

from __future__ import annotations

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.sections import footwear, habits, pain, profile
from footcheck.instruments import foot_posture, red_flags, start_back
from footcheck.instruments.instrument import Instrument, Part

ASKED: tuple[Part | Instrument, ...] = (
    Part(profile.SECTION, profile.QUESTIONS),
    Part(pain.SECTION, pain.QUESTIONS),
    red_flags.INSTRUMENT,
    start_back.INSTRUMENT,
    foot_posture.INSTRUMENT,
    Part(footwear.SECTION, footwear.QUESTIONS),
    Part(habits.SECTION, habits.QUESTIONS),
)
"""Each part of the checklist, in asking order."""

INSTRUMENTS: tuple[Instrument, ...] = tuple(p for p in ASKED if isinstance(p, Instrument))
INSTRUMENT_BY_KEY = {instrument.key: instrument for instrument in INSTRUMENTS}

CATALOGUE = Catalogue(
    [part.section for part in ASKED],
    [question for part in ASKED for question in part.questions],
)
SECTIONS = CATALOGUE.sections
SECTION_BY_ID = CATALOGUE.section_by_id
QUESTIONS = CATALOGUE.questions
QUESTION_BY_ID = CATALOGUE.by_id
QUESTION_IDS = CATALOGUE.ids
