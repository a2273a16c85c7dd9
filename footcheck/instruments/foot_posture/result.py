"""The foot-posture result: the posture, what it was judged from, and the signs counted."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

PostureClass = Literal[
    "highly_supinated",
    "supinated",
    "neutral",
    "pronated",
    "highly_pronated",
    "inconclusive",
    "unknown",
]


class FootPosture(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    classification: PostureClass
    source: Literal["fpi6", "self_checks"]
    pronation_signs: Annotated[int, Field(ge=0, le=5)]
    supination_signs: Annotated[int, Field(ge=0, le=5)]
    fpi6_total: Annotated[int, Field(ge=-12, le=12)] | None
