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
from footcheck.text.messages import say

WIDTH = 88


def json_template() -> str:
    return json.dumps(dict.fromkeys(QUESTION_IDS), indent=2) + "\n"


def toml_template() -> str:
    lines = [say("checklist.template.header")]
    for section in SECTIONS:
        lines += ["", f"# ── {section.title} ".ljust(WIDTH, "─")]
        lines += _comment(section.intro)  # the outlook's intro carries the Keele notice
        for question in (q for q in QUESTIONS if q.section == section.id):
            allowed = allowed_words(question)
            if question.when is not None:
                allowed = say(
                    "checklist.template.allowed_when", allowed=allowed, when=question.when.text
                )
            if question.optional:
                allowed = say("checklist.template.allowed_optional", allowed=allowed)
            lines += ["", *_comment(question.prompt), *_comment(allowed, indent="  ")]
            lines.append(f"#{question.id} =")
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    return [
        f"# {indent}{line}"
        for paragraph in text.splitlines()
        for line in textwrap.wrap(paragraph, WIDTH - 2 - len(indent))
    ]
