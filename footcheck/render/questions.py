"""The checklist itself, for `footcheck questions`: a table, JSON or Markdown."""

from __future__ import annotations

import json
from typing import Any

from footcheck.checklist.kinds import allowed
from footcheck.checklist.question import Question
from footcheck.instruments.registry import QUESTIONS, SECTION_BY_ID
from footcheck.text.messages import say


def question_record(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "section": question.section,
        "type": question.kind,
        "prompt": question.prompt,
        "allowed": allowed(question),
        "values": list(question.values) or None,
        "minimum": question.minimum,
        "maximum": question.maximum,
        "optional": question.optional,
        "when": question.when.text if question.when else None,
        "help": question.help,
    }


def questions_json() -> str:
    document = {
        "questions": [question_record(q) for q in QUESTIONS],
        "copyright": {"outlook": say("keele.copyright")},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def questions_markdown() -> str:
    lines = ["# " + say("checklist.listing.markdown.title"), ""]
    section = None
    for q in QUESTIONS:
        if q.section != section:
            section = q.section
            info = SECTION_BY_ID[section]
            title = say("checklist.listing.markdown.section", title=info.title, section=section)
            lines += [f"## {title}", "", info.intro.replace("\n", "  \n"), ""]
            lines += [say("checklist.listing.markdown.columns"), "|---|---|---|---|"]
        when = q.when.text if q.when else say("checklist.listing.markdown.always")
        lines.append(f"| `{q.id}` | {q.prompt} | {allowed(q)} | {when} |")
        if q is QUESTIONS[-1] or QUESTIONS[QUESTIONS.index(q) + 1].section != section:
            lines.append("")
    lines += ["## " + say("checklist.listing.markdown.how_to_answer"), ""]
    lines += [f"- **`{q.id}`**: {q.help}" for q in QUESTIONS]
    return "\n".join(lines) + "\n"


def questions_plain() -> str:
    """The checklist one sentence a line, for a screen reader (no table drawing)."""
    lines: list[str] = []
    section = None
    for q in QUESTIONS:
        if q.section != section:
            section = q.section
            info = SECTION_BY_ID[section]
            heading = say("checklist.listing.plain.section", title=info.title, section=section)
            lines += ["", heading, info.intro.replace("\n", " ")]
        if q.when:
            line = say(
                "checklist.listing.plain.question_when",
                id=q.id,
                prompt=q.prompt,
                allowed=allowed(q),
                when=q.when.text,
            )
        else:
            line = say(
                "checklist.listing.plain.question", id=q.id, prompt=q.prompt, allowed=allowed(q)
            )
        lines.append(line)
    return "\n".join(lines).lstrip("\n") + "\n"


def print_questions_table(console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    section = None
    table: Table | None = None
    for q in QUESTIONS:
        if q.section != section:
            if table is not None:
                console.print(table)
            section = q.section
            info = SECTION_BY_ID[section]
            table = Table(
                title=say("checklist.listing.table.title", title=info.title, section=section),
                title_justify="left",
                show_lines=True,
                header_style="bold",
                expand=True,
            )
            table.add_column(say("checklist.listing.table.id"), no_wrap=True, style="cyan")
            table.add_column(say("checklist.listing.table.question"), ratio=3)
            table.add_column(say("checklist.listing.table.allowed"), ratio=2)
            if q.start_back_item is not None:
                table.caption = say("keele.copyright")
                table.caption_justify = "left"
        assert table is not None
        when = (
            Text("\n" + say("checklist.listing.table.when", when=q.when.text), style="dim")
            if q.when
            else Text("")
        )
        table.add_row(q.id, q.prompt, Text(allowed(q)) + when)
    if table is not None:
        console.print(table)
    console.print(say("checklist.listing.table.more"))
