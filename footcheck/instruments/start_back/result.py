"""The STarT Back result: the total, the psychosocial subscale and the risk band."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Risk = Literal["low", "medium", "high"]


class StartBack(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    total: Annotated[int, Field(ge=0, le=9)]
    psychosocial: Annotated[int, Field(ge=0, le=5)]
    risk: Risk
