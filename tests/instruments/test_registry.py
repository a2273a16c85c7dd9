"""Adding an instrument is its folder and one line in the registry: a throwaway instrument,
added to a copy of the package as a maintainer would add it, is listed, scored into the
summary, shown in the human formats, written to the wide CSV and described to FHIR with
no other edit."""

from __future__ import annotations

import json
from pathlib import Path

from footcheck.instruments.registry import ASKED, CATALOGUE, INSTRUMENTS
from tests.helpers import answers, edited_copy, run_edited

THROWAWAY = '''"""A throwaway instrument: one question, its answer as the result."""

from footcheck.checklist.question import AnswerValue, Question, SectionInfo
from footcheck.instruments.instrument import Instrument

SECTION = SectionInfo("throwaway")
QUESTION = Question("tw_ready", "throwaway", "boolean")


def score(values, catalogue):
    return values.get("tw_ready")


def told(ready, serious, catalogue):
    return [] if ready is None else ["Throwaway: ready." if ready else "Throwaway: not ready."]


INSTRUMENT = Instrument(
    key="throwaway",
    section=SECTION,
    questions=(QUESTION,),
    score=score,
    result=bool | None,
    lines=told,
    columns=(("throwaway", lambda ready: ready),),
)
'''
WORDS = {
    "section": {"throwaway": {"title": "A throwaway part", "intro": "One question."}},
    "question": {
        "tw_ready": {"prompt": "Are you ready?", "help": "Answer yes or no.", "short": "Ready"}
    },
}


def registry_line(text: str) -> str:
    text = text.replace(
        "from footcheck.instruments import foot_posture, red_flags, start_back",
        "from footcheck.instruments import foot_posture, red_flags, start_back, throwaway",
    )
    return text.replace(
        "    foot_posture.INSTRUMENT,\n",
        "    foot_posture.INSTRUMENT,\n    throwaway.INSTRUMENT,\n",
    )


def test_the_registry_lists_every_instrument_once_in_asking_order() -> None:
    keys = [instrument.key for instrument in INSTRUMENTS]
    assert keys == ["red_flags", "start_back", "foot_posture"]
    assert [part.section.id for part in ASKED] == [s.id for s in CATALOGUE.sections]


def test_a_new_instrument_is_a_folder_and_one_registry_line(tmp_path: Path) -> None:
    root = edited_copy(
        tmp_path,
        {
            "instruments/throwaway/__init__.py": lambda _: THROWAWAY,
            "instruments/registry.py": registry_line,
            "text/en/throwaway.json": lambda _: json.dumps(WORDS),
        },
    )
    listed = run_edited(root, "questions", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    (record,) = [q for q in json.loads(listed.stdout)["questions"] if q["id"] == "tw_ready"]
    assert record["prompt"] == "Are you ready?" and record["section"] == "throwaway"

    given = tmp_path / "answers.json"
    given.write_text(json.dumps({**answers(), "tw_ready": True}))
    scored = run_edited(root, "assess", "--answers", str(given), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    summary = json.loads(scored.stdout)
    assert summary["throwaway"] is True
    assert summary["answers"]["tw_ready"] is True

    document = run_edited(root, "assess", "--answers", str(given), "--format", "markdown")
    assert document.returncode == 0, document.stderr
    assert "Throwaway: ready." in document.stdout

    table = tmp_path / "rows.jsonl"
    table.write_text(json.dumps({**answers(), "tw_ready": False}) + "\n")
    wide = run_edited(root, "batch", str(table), "--output-format", "csv")
    assert wide.returncode == 0, wide.stderr
    header, row = wide.stdout.splitlines()[:2]
    assert header.split(",")[header.split(",").index("throwaway")] == "throwaway"
    assert row.split(",")[header.split(",").index("throwaway")] == "False"

    fhir = run_edited(root, "questions", "--format", "fhir")
    assert fhir.returncode == 0, fhir.stderr
    groups = json.loads(fhir.stdout)["item"]
    (group,) = [g for g in groups if g["linkId"] == "throwaway"]
    assert [item["linkId"] for item in group["item"]] == ["throwaway.intro", "tw_ready"]
    assert group["text"] == "A throwaway part"
