"""The foot-posture result in words for a person: what it is, what it was judged from,
and, when it is not known, which checks would tell."""

from __future__ import annotations

from collections.abc import Mapping

from footcheck.checklist.catalogue import Catalogue
from footcheck.instruments.foot_posture.result import FootPosture, PostureClass
from footcheck.instruments.foot_posture.scoring import MIN_ANSWERED, self_checks
from footcheck.text.messages import Words, plural, say

POSTURE_TEXT: Mapping[PostureClass, str] = Words("summary.posture.*")


def lines(posture: FootPosture, serious: bool, catalogue: Catalogue) -> list[str]:
    signs = {"pronation": posture.pronation_signs, "supination": posture.supination_signs}
    if posture.source == "fpi6" and posture.fpi6_total is not None:
        named = {"posture": POSTURE_TEXT[posture.classification], "total": posture.fpi6_total}
        if posture.pronation_signs or posture.supination_signs:
            form = plural(posture.pronation_signs)
            return [say(f"summary.posture_line.fpi6_and_self_checks.{form}", **named, **signs)]
        return [say("summary.posture_line.fpi6", **named)]
    if posture.classification == "unknown":
        checks = len(self_checks(catalogue))
        return [say("summary.posture_line.unknown", needed=MIN_ANSWERED, checks=checks)]
    return [
        say(
            f"summary.posture_line.self_checks.{plural(posture.pronation_signs)}",
            posture=POSTURE_TEXT[posture.classification],
            **signs,
        )
    ]
