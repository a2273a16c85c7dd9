"""The constant fields of every summary footcheck writes today: the schema and checklist
versions, and the one disclaimer. Apart from the typed data (``footcheck/summary_data.py``)
so that scoring loads no more than these at start-up."""

from __future__ import annotations

from typing import Literal

SCHEMA_VERSION: Literal[2] = 2
CHECKLIST_VERSION = 2
"""The version of the checklist and its rules that scores today (docs/rules.md)."""
DISCLAIMER = (
    "footcheck is a self-help checklist, not a diagnosis: it cannot examine you. If your "
    "pain gets worse or you are worried, see a doctor or physiotherapist."
)
