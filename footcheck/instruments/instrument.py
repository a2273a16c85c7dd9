"""What an instrument is: a folder with its questions, its scoring, its result and what it
adds to a FHIR Bundle and the wide CSV. Everything else loops over the registry
(``footcheck/instruments/registry.py``) and knows no instrument by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from footcheck.checklist.catalogue import Catalogue
from footcheck.checklist.question import AnswerValue, Question, SectionInfo

Observation = tuple[dict[str, Any], dict[str, Any]]
"""An Observation's ``code`` and its value fields, as ``footcheck/fhir/bundle.py`` writes it."""


def _no_observations(result: Any) -> list[Observation]:
    return []


def _no_lines(result: Any, serious: bool, catalogue: Catalogue) -> list[str]:
    return []


class Part(NamedTuple):
    """A section of the checklist that is not an instrument: a header and its questions."""

    section: SectionInfo
    questions: tuple[Question, ...]


class Instrument(NamedTuple):
    """One instrument, as its folder's ``INSTRUMENT`` declares it."""

    key: str
    """Its result's field in the exported summary."""
    section: SectionInfo
    questions: tuple[Question, ...]
    score: Callable[[Mapping[str, AnswerValue], Catalogue], Any]
    """Its result from validated answers (None where it does not apply). It reads the
    catalogue it is given, so a question added there with the right facts counts."""
    result: Any
    """The result's type, as the summary holds it (a pydantic model, a list, or X | None)."""
    lines: Callable[[Any, bool, Catalogue], list[str]] = _no_lines
    """Its result in sentences for a person, shown by every human format in the outlook
    (``serious``: an emergency or urgent result, beside which no care is advised; the
    catalogue, as its scoring is given it). None
    for the red flags, whose words are the triage's."""
    attribution: str = ""
    """The id of the message that must stand with its lines when it has a result (a
    licensed instrument's copyright statement)."""
    observations: Callable[[Any], list[Observation]] = _no_observations
    """The FHIR Observations its result makes (none by default)."""
    columns: tuple[tuple[str, Callable[[Any], object]], ...] = ()
    """Its wide-CSV columns: each a name and the cell it takes from the result (which may
    be None: the cell is then empty)."""
