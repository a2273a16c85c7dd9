"""`footcheck sources`: every clinical source the rules and texts rest on, then the
licences of the works footcheck includes.

The licence statements are messages (``licence.*``, in ``text/<language>/licences.json``);
the NOTICE file at the repository root states each of them, word for word (tested), so the
command and the file cannot drift apart. The Keele copyright and funding statement is the
one footcheck quotes with the items (``keele.copyright``), filled in, never retyped.
"""

from __future__ import annotations

import json

from rich.cells import cell_len

from footcheck.sources import SOURCES
from footcheck.text.display import sentence_lines
from footcheck.text.messages import say

WIDTH = 80
INDENT = "    "
LICENCES = ("footcheck", "keele", "rmdq", "loinc")
"""The licence statements, in the order they are shown: footcheck's own, then the works
it includes that its MIT licence does not cover."""


def licence_statements() -> list[str]:
    """Each licence statement in the language being spoken, as one paragraph."""
    values = {"keele_copyright": say("keele.copyright")}
    return [say(f"licence.{name}", **values) for name in LICENCES]


def wrap(text: str, *, first: str = "", rest: str = "") -> list[str]:
    """``text`` broken at spaces into lines of at most ``WIDTH`` cells (display width,
    not characters); a single word longer than a line (a URL) is kept whole."""
    lines: list[str] = []
    line, empty = first, True
    for word in text.split():
        if empty:
            line, empty = line + word, False
        elif cell_len(line) + 1 + cell_len(word) > WIDTH:
            lines.append(line)
            line = rest + word
        else:
            line = f"{line} {word}"
    lines.append(line)
    return lines


def sources_text(*, accessible: bool = False) -> str:
    """The sources, numbered, then the licences. At 80 columns citations and statements are
    wrapped by display width; in accessible mode nothing is wrapped: a citation is one line
    and a statement one sentence a line, for a screen reader that reads a line at a time."""
    lines = [say("sources_list.intro"), ""]
    for number, source in enumerate(SOURCES, 1):
        entry = f"[{source.id}] {source.citation}"
        if accessible:
            lines.append(f"{number}. {entry}")
        else:
            lines += wrap(entry, first=f"{number:>2}. ", rest=INDENT)
        if source.url:
            lines.append(source.url if accessible else INDENT + source.url)
    lines += ["", say("licence.title")]
    for statement in licence_statements():
        lines += [""]
        lines += sentence_lines(statement).split("\n") if accessible else wrap(statement)
    return "\n".join(lines) + "\n"


def sources_markdown() -> str:
    lines = [f"# {say('sources_list.title')}", ""]
    for number, source in enumerate(SOURCES, 1):
        url = f" <{source.url}>" if source.url else ""
        lines.append(f"{number}. `{source.id}` {source.citation}{url}")
    lines += ["", f"## {say('licence.title')}"]
    for statement in licence_statements():
        lines += ["", statement]
    return "\n".join(lines) + "\n"


def sources_json() -> str:
    """The sources alone, as a list (the licences are words for a person, not data)."""
    document = [{"id": s.id, "citation": s.citation, "url": s.url} for s in SOURCES]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
