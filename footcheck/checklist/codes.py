"""Codes the checklist carries: LOINC, whose codes label STarT Back's items and scores and
the pain scale. A coding is plain data; footcheck/fhir writes it into FHIR resources, and
an instrument names its own codes with it."""

from __future__ import annotations

from typing import Any

LOINC = "http://loinc.org"


def loinc(code: str, display: str | None = None) -> dict[str, Any]:
    """A LOINC coding, as FHIR writes one."""
    coding = {"system": LOINC, "code": code}
    return coding if display is None else {**coding, "display": display}


def concept(coding: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """A codeable concept of one coding, with its text when it has one."""
    return {"coding": [coding]} if text is None else {"coding": [coding], "text": text}
