"""The nine STarT Back items, as the tool itself words and presents them.

Items 1-8 are the tool's own statements, answered agree / disagree under its frame
"Thinking about the last 2 weeks…"; item 9 keeps its five answers. Each item carries its
number, whether it is in the psychosocial subscale, and its LOINC code. The items' words,
the frame and the copyright statement are quoted unaltered in the checklist's message file
(``question.sb_*``, ``keele.frame``, ``keele.copyright``). STarT Back Screening Tool ©
Keele University: the copyright statement is shown wherever the items are (docs/rules.md,
"STarT Back" and "Licence").
"""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices
from footcheck.checklist.sections.pain import BACK_PAIN
from footcheck.text.messages import say

KEELE_COPYRIGHT = say("keele.copyright")
"""The tool's copyright statement, as the tool words it."""
PANEL_LOINC = "91349-1"
"""The LOINC code of the STarT Back panel as a whole."""

SECTION = SectionInfo("outlook")

ITEM_LOINC = (
    "91340-0",
    "91341-8",
    "91342-6",
    "91343-4",
    "91344-2",
    "91345-9",
    "91346-7",
    "91347-5",
    "91348-3",
)
PSYCHOSOCIAL_FROM = 5
"""Items 5 to 9 make up the psychosocial subscale (shown as the worry and mood items)."""


def statement(number: int, qid: str) -> Question:
    return Question(
        qid,
        "outlook",
        "boolean",
        when=BACK_PAIN,
        start_back_item=number,
        psychosocial=number >= PSYCHOSOCIAL_FROM,
        loinc=ITEM_LOINC[number - 1],
        statement=True,
    )


QUESTIONS: tuple[Question, ...] = (
    statement(1, "sb_leg_pain"),
    statement(2, "sb_shoulder_neck"),
    statement(3, "sb_walk_short"),
    statement(4, "sb_dress_slow"),
    statement(5, "sb_unsafe_active"),
    statement(6, "sb_worry"),
    statement(7, "sb_terrible"),
    statement(8, "sb_no_enjoy"),
    Question(
        "sb_bothersome",
        "outlook",
        "choice",
        choices(
            "sb_bothersome",
            ("not_at_all", "slightly", "moderately", "very_much", "extremely"),
            scores={"very_much": 1, "extremely": 1},
        ),
        when=BACK_PAIN,
        start_back_item=9,
        psychosocial=True,
        loinc=ITEM_LOINC[8],
    ),
)
