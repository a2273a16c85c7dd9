"""The nine STarT Back items, as the tool itself words and presents them.

Items 1-8 are the tool's own statements, answered agree / disagree under its frame
"Thinking about the last 2 weeks…"; item 9 keeps its five answers. Each item carries its
number, whether it is in the psychosocial subscale, and its LOINC code. STarT Back
Screening Tool © Keele University: the copyright statement below is shown wherever the
items are (docs/rules.md, "STarT Back" and "Licence").
"""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices
from footcheck.checklist.sections.pain import BACK_PAIN

KEELE_COPYRIGHT = (
    "STarT Back Screening Tool items © Keele University 01/08/07, funded by Arthritis "
    "Research UK. Free for non-commercial use."
)
FRAME = "Thinking about the last 2 weeks, tick your response to the following questions"
"""The tool's own instruction above its items."""
PANEL_LOINC = "91349-1"
"""The LOINC code of the STarT Back panel as a whole."""

SECTION = SectionInfo(
    "outlook",
    "How your back pain affects you",
    "The nine questions of the Keele STarT Back Screening Tool.\n"
    f"{FRAME}: agree or disagree with each statement.\n{KEELE_COPYRIGHT}",
)

HELP = (
    "One of the nine questions of the Keele STarT Back Screening Tool. Together they "
    "show how likely back pain is to keep troubling you, so the advice can fit. There is "
    "no right answer: agree if the statement is true for you over the last 2 weeks, "
    "disagree if it is not."
)
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


def statement(number: int, qid: str, prompt: str, short: str) -> Question:
    return Question(
        qid,
        "outlook",
        "boolean",
        prompt,
        HELP,
        when=BACK_PAIN,
        short=short,
        start_back_item=number,
        psychosocial=number >= PSYCHOSOCIAL_FROM,
        loinc=ITEM_LOINC[number - 1],
        words=("agree", "disagree"),
    )


QUESTIONS: tuple[Question, ...] = (
    statement(
        1,
        "sb_leg_pain",
        "My back pain has spread down my leg(s) at some time in the last 2 weeks",
        "1. Back pain spread down my leg(s)",
    ),
    statement(
        2,
        "sb_shoulder_neck",
        "I have had pain in the shoulder or neck at some time in the last 2 weeks",
        "2. Pain in the shoulder or neck",
    ),
    statement(
        3,
        "sb_walk_short",
        "I have only walked short distances because of my back pain",
        "3. Only walked short distances",
    ),
    statement(
        4,
        "sb_dress_slow",
        "In the last 2 weeks, I have dressed more slowly than usual because of back pain",
        "4. Dressed more slowly than usual",
    ),
    statement(
        5,
        "sb_unsafe_active",
        "It's not really safe for a person with a condition like mine to be physically active",
        "5. Not really safe to be physically active",
    ),
    statement(
        6,
        "sb_worry",
        "Worrying thoughts have been going through my mind a lot of the time",
        "6. Worrying thoughts a lot of the time",
    ),
    statement(
        7,
        "sb_terrible",
        "I feel that my back pain is terrible and it's never going to get any better",
        "7. Pain terrible, never going to get better",
    ),
    statement(
        8,
        "sb_no_enjoy",
        "In general I have not enjoyed all the things I used to enjoy",
        "8. Not enjoyed the things I used to enjoy",
    ),
    Question(
        "sb_bothersome",
        "outlook",
        "choice",
        "Overall, how bothersome has your back pain been in the last 2 weeks?",
        "The last of the nine questions of the Keele STarT Back Screening Tool: how much "
        "your back pain has bothered you overall, from not at all to extremely.",
        choices=choices(
            ("not_at_all", "slightly", "moderately", "very_much", "extremely"),
            scores={"very_much": 1, "extremely": 1},
        ),
        when=BACK_PAIN,
        short="9. How bothersome",
        start_back_item=9,
        psychosocial=True,
        loinc=ITEM_LOINC[8],
    ),
)
