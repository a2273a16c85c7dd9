"""Words shared by every human-readable renderer, so they all tell the same story."""

from __future__ import annotations

from footcheck.summary import EvidenceLabel, PostureClass, Risk, Step, Summary, TriageLevel

TRIAGE_HEADLINE: dict[TriageLevel, str] = {
    "emergency": "EMERGENCY: get medical help today",
    "urgent": "URGENT: see a doctor within a day or two",
    "see_clinician": "See a physiotherapist or your doctor",
    "self_care": "No warning signs: you can start with self-care",
}
TRIAGE_INTRO: dict[TriageLevel, str] = {
    "emergency": "You answered yes to warning signs that need emergency care now. "
    "Do this before anything else in this summary:",
    "urgent": "You answered yes to warning signs that a doctor should check soon:",
    "see_clinician": "Your answers suggest you would benefit from professional help:",
    "self_care": "Nothing you told footcheck needs a doctor urgently.",
}
RISK_TEXT: dict[Risk, str] = {
    "low": "Low risk: back pain like yours usually settles with simple self-care and "
    "staying active.",
    "medium": "Medium risk: physical symptoms are holding you back; a physiotherapist-led "
    "exercise plan tends to help most.",
    "high": "High risk: worry and low mood are playing a big part in your pain; care that "
    "combines exercise with support for these (from a physiotherapist or doctor) helps most.",
}
POSTURE_TEXT: dict[PostureClass, str] = {
    "highly_supinated": "strongly rolling outward (highly supinated)",
    "supinated": "rolling outward (supinated)",
    "neutral": "neutral",
    "pronated": "rolling inward (pronated)",
    "highly_pronated": "strongly rolling inward (highly pronated)",
    "inconclusive": "inconclusive (signs point both ways)",
    "unknown": "unknown (too few self-checks answered)",
}
CONTRIBUTOR_SHORT: dict[str, str] = {
    "overpronation": "feet rolling inward",
    "underpronation": "feet rolling outward",
    "unsupportive_footwear": "unsupportive footwear",
    "prolonged_standing": "long hours standing",
    "prolonged_sitting": "long hours sitting",
    "heavy_lifting": "heavy lifting",
    "low_activity": "little activity",
}
"""Names for tight spaces (history list, trend), in the chain picture's words."""
EVIDENCE_TEXT: dict[EvidenceLabel, str] = {
    "guideline": "recommended by low back pain guidelines (NICE NG59)",
    "limited": "some studies; not guideline-backed for back pain on its own",
    "practical": "common-sense load management",
}


def triage_action(summary: Summary) -> Step | None:
    """The step the triage banner spells out: the first one, when the triage chose it."""
    if summary.triage.level == "self_care" or not summary.steps:
        return None
    first = summary.steps[0]
    return first if first.addresses == ["triage"] else None


def contributor_short(contributor_id: str) -> str:
    return CONTRIBUTOR_SHORT.get(contributor_id, contributor_id.replace("_", " "))


def start_back_line(summary: Summary) -> str:
    if summary.start_back is None:
        return "Not scored: you have had no back pain in the last 2 weeks."
    sb = summary.start_back
    return f"{RISK_TEXT[sb.risk]} (STarT Back total {sb.total}/9, psychosocial {sb.psychosocial}/5)"


def posture_line(summary: Summary) -> str:
    fp = summary.foot_posture
    words = POSTURE_TEXT[fp.classification]
    if fp.source == "fpi6":
        return f"Foot posture: {words}, from your clinician's FPI-6 total of {fp.fpi6_total:+d}."
    return (
        f"Foot posture: {words}, from your self-checks ({fp.pronation_signs} signs of "
        f"rolling inward, {fp.supination_signs} of rolling outward)."
    )
