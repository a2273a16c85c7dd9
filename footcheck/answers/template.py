"""Answers files to fill in by hand, written from the catalogue.

JSON (every id set to null) is the default. TOML has no null, so the TOML template
lists every question as a commented-out line under its question and allowed values: a line
left commented out is simply not answered, as a null would be.
"""

from __future__ import annotations

import json
import textwrap

from footcheck.checklist.kinds import allowed as allowed_words
from footcheck.instruments.registry import QUESTION_IDS, QUESTIONS, SECTIONS

WIDTH = 88

TOML_HEADER = """\
# footcheck answers (TOML). To answer a question, delete the '#' at the start of its id
# line and write the answer after '='. Lines left commented out are not answered:
# `footcheck assess --answers FILE` asks them, or lists them with --no-input.
# Words go in quotes, yes / no as true / false, lists in brackets:
#   pain_duration = "over_12_weeks"   back_pain = true   other_pain = ["feet", "knees"]
"""


def json_template() -> str:
    return json.dumps(dict.fromkeys(QUESTION_IDS), indent=2) + "\n"


def toml_template() -> str:
    lines = [TOML_HEADER.rstrip("\n")]
    for section in SECTIONS:
        lines += ["", f"# ── {section.title} ".ljust(WIDTH, "─")]
        lines += _comment(section.intro)  # the outlook's intro carries the Keele notice
        for question in (q for q in QUESTIONS if q.section == section.id):
            allowed = allowed_words(question)
            if question.when is not None:
                allowed += f"; only when {question.when.text}"
            if question.optional:
                allowed += "; may be left out"
            lines += ["", *_comment(question.prompt), *_comment(allowed, indent="  ")]
            lines.append(f"#{question.id} =")
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    return [
        f"# {indent}{line}"
        for paragraph in text.splitlines()
        for line in textwrap.wrap(paragraph, WIDTH - 2 - len(indent))
    ]
