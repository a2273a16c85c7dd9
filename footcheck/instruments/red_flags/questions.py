"""The red-flag questions, in asking order, each carrying the level it raises.

A question here with a ``red_flag`` level is a red flag: the calculation, the triage, the
reasons and every renderer read it from the catalogue, with no other edit. They are asked
only of someone with back pain, and never answered by a default (docs/rules.md, "Red
flags"). Wording follows the NHS back pain and cauda equina pages.
"""

from __future__ import annotations

from footcheck.checklist.question import Question, RedFlagLevel, SectionInfo
from footcheck.checklist.sections.pain import BACK_PAIN

SECTION = SectionInfo(
    "red_flags",
    "Warning signs",
    "Rare but important signs that need a doctor rather than a checklist. Answer each "
    "one yes or no.",
)

EMERGENCY_WHY = "If you answer yes, footcheck tells you at once to get emergency help."
URGENT_WHY = "If you answer yes, your summary tells you to get an urgent appointment today."


def red_flag(
    qid: str, level: RedFlagLevel, prompt: str, short: str, reason: str, why: str
) -> Question:
    return Question(
        qid,
        "red_flags",
        "boolean",
        prompt,
        f"{why} {EMERGENCY_WHY if level == 'emergency' else URGENT_WHY}",
        when=BACK_PAIN,
        short=short,
        red_flag=level,
        reason=reason,
    )


QUESTIONS: tuple[Question, ...] = (
    red_flag(
        "rf_bladder_bowel",
        "emergency",
        "Have you started having trouble peeing, or lost control of your bladder or bowels?",
        "New trouble peeing, or loss of bladder or bowel control",
        "You have new trouble peeing, or have lost control of your bladder or bowels.",
        "New difficulty peeing, or leaking pee or poo without meaning to, can mean the "
        "nerves at the base of the spine are being squeezed (cauda equina syndrome).",
    ),
    red_flag(
        "rf_saddle_numbness",
        "emergency",
        "Do you have numbness or tingling around your genitals, buttocks or inner thighs "
        "(including numbness when you wipe), or are you newly unable to get or keep an "
        "erection?",
        "Numbness around the genitals or buttocks, or new erection problems",
        "You have numbness or tingling around your genitals, buttocks or inner thighs, or "
        "new trouble getting or keeping an erection.",
        "These are signs that the nerves at the base of the spine may be squeezed (cauda "
        "equina syndrome).",
    ),
    red_flag(
        "rf_both_legs",
        "emergency",
        "Do you have pain, tingling, weakness or numbness in both legs?",
        "Pain, tingling, weakness or numbness in both legs",
        "You have pain, tingling, weakness or numbness in both legs.",
        "Symptoms in both legs at once can mean pressure on the nerves in the spine. "
        "Ordinary tired or aching legs at the end of a long day are not what is meant.",
    ),
    red_flag(
        "rf_leg_weakness",
        "emergency",
        "Is weakness in a leg or foot getting worse, or does a foot drop or slap when you walk?",
        "Weakness in a leg getting worse, or foot drop",
        "You have weakness in a leg or foot that is getting worse, or a foot that drops.",
        "Weakness that is getting worse, or a foot you cannot lift properly (it catches or "
        "slaps the floor), can mean a nerve is under pressure.",
    ),
    red_flag(
        "rf_chest_pain",
        "emergency",
        "Do you have chest pain?",
        "Chest pain",
        "You have chest pain.",
        "Chest pain with back pain can come from the heart or a major blood vessel.",
    ),
    red_flag(
        "rf_trauma",
        "emergency",
        "Did the pain begin after a serious accident, such as a car crash or a fall from a height?",
        "Pain began after a serious accident",
        "Your pain began after a serious accident.",
        "A serious accident can break a bone in the spine.",
    ),
    red_flag(
        "rf_fever_weight_loss",
        "urgent",
        "Do you have a high temperature or feel hot and shivery, or have you lost weight "
        "without trying?",
        "High temperature, or weight loss without trying",
        "You have a high temperature or feel hot and shivery, or have lost weight without trying.",
        "Back pain with a high temperature, or weight loss you cannot explain, can be a "
        "sign of an infection or another illness.",
    ),
    red_flag(
        "rf_night_pain",
        "urgent",
        "Does your pain stay just as bad when you rest, or get worse at night?",
        "Pain not better with rest, or worse at night",
        "Your pain does not get better with rest, or is worse at night.",
        "Ordinary back pain usually changes with position and eases with rest.",
    ),
    red_flag(
        "rf_upper_back",
        "urgent",
        "Is the pain mainly in your upper back, between the shoulder blades?",
        "Pain mainly in the upper back",
        "Your pain is mainly in the upper back, between the shoulder blades.",
        "Pain coming from the upper back is less often the everyday kind.",
    ),
    red_flag(
        "rf_lump_shape",
        "urgent",
        "Have you noticed a lump or swelling in your back, or has your back changed shape?",
        "A lump, swelling or change of shape in the back",
        "You have noticed a lump or swelling in your back, or a change in its shape.",
        "A lump or a change of shape should be looked at by a doctor.",
    ),
    red_flag(
        "rf_cancer_history",
        "urgent",
        "Have you ever had cancer?",
        "Has had cancer",
        "You have had cancer.",
        "Back pain in someone who has had cancer should be checked, even if the cancer "
        "was treated long ago.",
    ),
    red_flag(
        "rf_immune_steroids",
        "urgent",
        "Do you take steroid tablets long-term, have a weakened immune system, or inject drugs?",
        "Long-term steroid tablets, a weak immune system, or injecting drugs",
        "You take steroid tablets long-term, have a weakened immune system, or inject drugs.",
        "These make infections and thin bones more likely, which a doctor should rule out.",
    ),
)
