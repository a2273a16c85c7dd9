"""Renderers turn a ``Summary`` into text for people (rich, markdown, html) or programs (json,
and fhir: a FHIR R4B Bundle, written by ``footcheck/fhir/bundle.py``).

Each lives in its own module and is imported only when used, so a JSON run never loads Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from footcheck.text.display import json_shown

if TYPE_CHECKING:
    from footcheck.summary import Summary

Format = Literal["rich", "json", "markdown", "html", "fhir"]
FORMATS: tuple[Format, ...] = ("rich", "json", "markdown", "html", "fhir")
SUFFIX_FORMATS: dict[str, Format] = {
    ".fhir.json": "fhir",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "rich",
}


def format_by_name(name: str) -> Format | None:
    """The format a file's name asks for: the longest known suffix it ends with, so that
    ``x.fhir.json`` is FHIR while ``x.json`` stays the plain export."""
    lowered = name.lower()
    matches = [suffix for suffix in SUFFIX_FORMATS if lowered.endswith(suffix)]
    return SUFFIX_FORMATS[max(matches, key=len)] if matches else None


def to_json(summary: Summary) -> str:

    return json_shown(summary.export_json(indent=2)) + "\n"


def render_text(summary: Summary, fmt: Format, *, width: int = 80, accessible: bool = False) -> str:
    """The summary as a document in ``fmt`` (``rich`` gives plain text without colour)."""
    if fmt == "json":
        return to_json(summary)
    if fmt == "markdown":
        from footcheck.render.markdown import to_markdown

        return to_markdown(summary)
    if fmt == "html":
        from footcheck.render.html import to_html

        return to_html(summary)
    if fmt == "fhir":
        from footcheck.fhir.bundle import bundle_json

        return bundle_json(summary)
    from footcheck.render.rich_summary import to_plain_text

    return to_plain_text(summary, width=width, accessible=accessible)
