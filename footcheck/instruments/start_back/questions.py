"""The nine STarT Back items, in the published order, each carrying its item number.

STarT Back Screening Tool © Keele University: the copyright statement below is shown
wherever the items are (docs/rules.md, "Licence").
"""

from __future__ import annotations

from footcheck.question import Question, SectionInfo, choices
from footcheck.sections.pain import BACK_PAIN

KEELE_COPYRIGHT = (
    "STarT Back Screening Tool items © Keele University 01/08/07, funded by Arthritis "
    "Research UK. Free for non-commercial use."
)
PANEL_LOINC = "91349-1"
"""The LOINC code of the STarT Back panel as a whole."""

SECTION = SectionInfo(
    "outlook",
    "How your back pain affects you",
    "The nine questions of the Keele STarT Back Screening Tool. "
    "Answer yes if you agree, no if you disagree.\n" + KEELE_COPYRIGHT,
)

HELP = (
    "One of the nine Keele STarT Back questions. They estimate how likely back pain is to "
    "keep troubling you, so the advice can fit. There is no right answer: say what is "
    "true for you now."
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
"""Items 5 to 9 make up the psychosocial subscale."""


def item(number: int, qid: str, prompt: str, short: str) -> Question:
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
    )


QUESTIONS: tuple[Question, ...] = (
    item(
        1,
        "sb_leg_pain",
        "Has your back pain spread down your leg(s) at some time in the last 2 weeks?",
        "1. Pain spread down leg(s)",
    ),
    item(
        2,
        "sb_shoulder_neck",
        "Have you had pain in the shoulder or neck at some time in the last 2 weeks?",
        "2. Shoulder or neck pain",
    ),
    item(
        3,
        "sb_walk_short",
        "Have you only walked short distances because of your back pain?",
        "3. Only walked short distances",
    ),
    item(
        4,
        "sb_dress_slow",
        "In the last 2 weeks, have you dressed more slowly than usual because of back pain?",
        "4. Dressed more slowly",
    ),
    item(
        5,
        "sb_unsafe_active",
        "Do you think it's not really safe for a person with a condition like yours to be "
        "physically active?",
        "5. Not safe to be active",
    ),
    item(
        6,
        "sb_worry",
        "Have worrying thoughts been going through your mind a lot of the time?",
        "6. Worrying thoughts",
    ),
    item(
        7,
        "sb_terrible",
        "Do you feel that your back pain is terrible and it's never going to get any better?",
        "7. Pain terrible, never better",
    ),
    item(
        8,
        "sb_no_enjoy",
        "In general, have you not enjoyed all the things you used to enjoy?",
        "8. Not enjoyed things",
    ),
    Question(
        "sb_bothersome",
        "outlook",
        "choice",
        "Overall, how bothersome has your back pain been in the last 2 weeks?",
        HELP,
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
