"""Shared fixtures: a private footcheck home for every test, and ready answer files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.helpers import answers

# No test may fail for being slow on a busy machine: the fuzz keeps its case counts, with
# no deadline per case.
settings.register_profile("footcheck", deadline=None)
settings.load_profile("footcheck")

RETAIL_WORKER: dict[str, Any] = answers(
    age=34, back_pain=True, pain_intensity=6, pain_duration="6_to_12_weeks",
    pain_worse_standing=True, other_pain=["feet"], sb_walk_short=True, sb_worry=True,
    sb_bothersome="moderately", arch_standing="low", wet_footprint="full",
    shoe_wear="inner_edge", knees_inward="yes", heel_tilt="inward",
    main_footwear="flat_unsupportive", shoes_worn_out=True, standing_hours=9,
    hard_floors=True, sitting_hours=1.5, lifting="sometimes", active_days=2,
)  # fmt: skip


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "footcheck-home"
    monkeypatch.setenv("FOOTCHECK_HOME", str(home))
    monkeypatch.delenv("FOOTCHECK_DEBUG", raising=False)
    return home


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(RETAIL_WORKER))
    return path
