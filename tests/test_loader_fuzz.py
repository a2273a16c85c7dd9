"""Fuzzing the loaders: whatever bytes arrive, the result is answers or a named problem.

An answers file gives either a mapping or ``InputFileError``, and the mapping either
validates or raises ``AnswersError``; batch input gives one JSON line per row, each a
summary or an error row. Nothing else may escape (it would reach the user as a crash).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from footcheck.answers.model import AnswersError, validate_answers
from footcheck.answers.reading import needs_scan, scan_structure
from footcheck.batch import BatchTotals, as_jsonl, read_rows, score_rows
from footcheck.cli.answer_input import load_answers_file
from footcheck.errors import FootcheckError, InputFileError
from footcheck.instruments.registry import QUESTION_IDS
from tests.conftest import RETAIL_WORKER
from tests.helpers import edited, leaf_paths

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
# Answer sets that are near misses: real ids, with values of any JSON shape.
near_misses = st.dictionaries(st.sampled_from(QUESTION_IDS), json_values, max_size=10).map(
    lambda changes: {**RETAIL_WORKER, **changes}
)


def load_and_validate(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"answers{suffix}"
        path.write_bytes(raw)
        try:
            data = load_answers_file(path)
        except InputFileError as error:
            assert str(path) in str(error)
            return
    try:
        validate_answers(data)
    except AnswersError as error:
        assert error.problems and all(p.id and p.message for p in error.problems)


@given(st.binary(max_size=200), st.sampled_from([".json", ".toml", ".txt"]))
@settings(max_examples=300)
def test_any_bytes_as_an_answers_file(raw: bytes, suffix: str) -> None:
    load_and_validate(raw, suffix)


@given(st.one_of(json_values, near_misses))
@settings(max_examples=300)
def test_any_json_document_as_an_answers_file(document: Any) -> None:
    load_and_validate(json.dumps(document).encode(), ".json")


# Text close to JSON: fragments of documents, odd numbers, escapes (a lone surrogate).
near_json_text = st.lists(
    st.sampled_from(
        [
            '{"age": ',
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            '"',
            "\\ud800",
            "\\u00e9",
            "NaN",
            "-Infinity",
            "1e400",
            "-0",
            "01",
            "1.",
            ".5",
            "9" * 30,
            " ",
            "\n",
            "\t",
            "true",
            "null",
            '"x"',
            "\x7f",
            "\x00",
            "\ufeff",
        ]
    )
    | st.text(max_size=4),
    max_size=12,
).map("".join)


@given(st.one_of(json_values.map(json.dumps), near_json_text))
@settings(max_examples=500)
@example('{"age": "\\ud800"}')
@example('{"age": 1' + "0" * 5000 + "}")
def test_an_answers_file_reads_as_python_json_reads_it(text: str) -> None:
    """answers files are read with pydantic-core's JSON reader, falling back to Python's:
    whatever the text, the table read (or the refusal) is the one json.loads gives."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            expected: Any = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (ValueError, RecursionError):
            expected = InputFileError
        try:
            read: Any = load_answers_file(path)
        except InputFileError:
            read = InputFileError
    if isinstance(expected, dict) or read is not InputFileError:
        # repr, so that NaN equals NaN and -0.0 differs from 0.0 and 0
        assert repr(read) == repr(expected if isinstance(expected, dict) else None)
    else:
        assert read is InputFileError


@given(
    st.text(alphabet='[]{}"\\a.#\n= ', max_size=400)
    | st.lists(st.sampled_from(["[", "{", "a.", '"', "]"]), max_size=200).map("".join),
    st.booleans(),
)
@settings(max_examples=500)
def test_a_file_passed_without_a_scan_is_one_the_scan_passes(text: str, toml: bool) -> None:
    """Files with few brackets and dots skip the structure scan: never one it refuses."""
    if not needs_scan(text, toml=toml):
        scan_structure(Path("f"), text, "a file", toml=toml)  # raises InputFileError if refused


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("[" * 100_000 + "]" * 100_000, ".json"),
        ('{"age": ' + "[" * 100_000 + "]" * 100_000 + "}", ".json"),
        ("age = " + "[" * 100_000 + "]" * 100_000, ".toml"),
    ],
)
def test_deeply_nested_files_are_refused_by_name(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"answers{suffix}"
    path.write_text(text)
    with pytest.raises(InputFileError, match="nested too deeply"):
        load_answers_file(path)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_numbers_too_long_to_read_are_refused_by_name(tmp_path: Path, suffix: str) -> None:
    digits = "1" + "0" * 5000  # past Python's limit on integer digits
    path = tmp_path / f"answers{suffix}"
    path.write_text(f'{{"age": {digits}}}' if suffix == ".json" else f"age = {digits}")
    with pytest.raises(InputFileError, match="number too long to read"):
        load_answers_file(path)


def scored(data: bytes, fmt: str) -> list[dict[str, Any]]:
    totals = BatchTotals()
    rows = read_rows(io.BytesIO(data), "csv" if fmt == "csv" else "jsonl")
    out = [json.loads(as_jsonl(result)) for result in score_rows(rows, totals)]
    assert totals.rows == len(out)
    assert totals.errors == sum("errors" in row for row in out)
    for row in out:
        assert ("schema_version" in row) != ("errors" in row)
    return out


@given(st.lists(st.one_of(st.text(max_size=30), near_misses.map(json.dumps)), max_size=8))
@settings(max_examples=300)
def test_any_jsonl_lines_give_one_result_per_row(lines: list[str]) -> None:
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines) + "\n"
    out = scored(data.encode(), "jsonl")
    rows = [line for line in data.split("\n") if line.strip()]
    assert len(out) == len(rows)


@given(
    st.lists(st.sampled_from(QUESTION_IDS), min_size=1, max_size=6, unique=True),
    st.lists(st.lists(st.text(max_size=6), min_size=0, max_size=7), max_size=6),
)
@settings(max_examples=300)
def test_any_csv_cells_give_results_or_a_header_error(
    header: list[str], rows: list[list[str]]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        scored(buffer.getvalue().encode(), "csv")
    except InputFileError as error:  # only a header can stop the run
        pytest.fail(f"valid ids in the header were refused: {error}")


def test_deeply_nested_jsonl_row_is_an_error_row() -> None:
    data = ('{"age": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode()
    (row,) = scored(data, "jsonl")
    assert row["errors"][0]["message"] == "is nested too deeply to be a set of answers"


def test_jsonl_row_with_a_number_too_long_to_read_is_an_error_row() -> None:
    (row,) = scored(('{"age": 1' + "0" * 5000 + "}\n").encode(), "jsonl")
    assert row["errors"][0]["message"] == "holds a number too long to read"


EMERGENCY_SUMMARY = json.loads(
    (Path(__file__).parent / "golden" / "emergency.json").read_text(encoding="utf-8")
)
SUMMARY_LEAVES = leaf_paths(EMERGENCY_SUMMARY)


@given(st.lists(st.tuples(st.sampled_from(SUMMARY_LEAVES), json_values), min_size=1, max_size=3))
@settings(max_examples=300, deadline=None)
@example([(("answers", "foo"), 1)])  # an id the checklist does not have
@example([(("contributors", 0, "evidence", 0, "question"), "nope")])
@example([(("answers", "other_pain"), "feet")])  # a list answer as a string
@example([(("steps",), [])])  # an emergency with no steps to spell out
def test_an_edited_summary_file_is_shown_or_refused_never_a_crash(
    edits: list[tuple[tuple[Any, ...], Any]],
) -> None:
    """`report` on a hand-edited export: either it validates and every renderer copes, or
    it is refused with the fields named."""
    from footcheck.cli.commands.files import load_summary
    from footcheck.render import FORMATS, render_text

    document = edited(EMERGENCY_SUMMARY, edits)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "summary.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        try:
            summary = load_summary(path)
        except FootcheckError as failure:
            assert failure.details
            return
    for fmt in FORMATS:
        assert render_text(summary, fmt)
