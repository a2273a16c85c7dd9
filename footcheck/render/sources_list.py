"""`footcheck sources`: every clinical source the rules and texts rest on."""

from __future__ import annotations

import json
import textwrap

from footcheck.sources import SOURCES
from footcheck.text.messages import say

WIDTH = 80


def sources_text() -> str:
    lines = [say("sources_list.intro"), ""]
    for number, source in enumerate(SOURCES, 1):
        entry = f"{number:>2}. [{source.id}] {source.citation}"
        lines += textwrap.wrap(entry, WIDTH, subsequent_indent="    ")
        if source.url:
            lines.append(f"    {source.url}")
    return "\n".join(lines) + "\n"


def sources_markdown() -> str:
    lines = [f"# {say('sources_list.title')}", ""]
    for number, source in enumerate(SOURCES, 1):
        url = f" <{source.url}>" if source.url else ""
        lines.append(f"{number}. `{source.id}` {source.citation}{url}")
    return "\n".join(lines) + "\n"


def sources_json() -> str:
    document = [{"id": s.id, "citation": s.citation, "url": s.url} for s in SOURCES]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
