"""The checklist as data: every question footcheck asks, in the order it asks them.

Prompting, validation, the review screen, `questions`, `template`, `schema` and batch CSV
parsing all read this one catalogue, so a question is defined in exactly one place.
The enum ``Literal`` types live here too and the ``Answers`` model uses them, so the allowed
values cannot drift between the catalogue and the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

Section = Literal["profile", "pain", "red_flags", "outlook", "feet", "footwear", "habits"]
Kind = Literal["boolean", "integer", "number", "choice", "multi"]

PainDuration = Literal["under_6_weeks", "6_to_12_weeks", "over_12_weeks"]
OtherPain = Literal["feet", "knees", "hips"]
Bothersome = Literal["not_at_all", "slightly", "moderately", "very_much", "extremely"]
ArchStanding = Literal["flat", "low", "normal", "high", "unsure"]
WetFootprint = Literal["full", "normal", "narrow", "unsure"]
ShoeWear = Literal["inner_edge", "even", "outer_edge", "unsure"]
KneesInward = Literal["yes", "no", "unsure"]
HeelTilt = Literal["inward", "straight", "outward", "unsure"]
MainFootwear = Literal[
    "supportive", "athletic", "flat_unsupportive", "high_heels", "minimal", "work_boots"
]
Insoles = Literal["none", "off_the_shelf", "custom"]
Lifting = Literal["rarely", "sometimes", "often"]

AnswerValue = bool | int | float | str | list[str] | None

KEELE_COPYRIGHT = (
    "STarT Back Screening Tool items © Keele University 01/08/07, funded by Arthritis "
    "Research UK. Free for non-commercial use."
)


@dataclass(frozen=True, slots=True)
class SectionInfo:
    id: Section
    title: str
    intro: str


SECTIONS: tuple[SectionInfo, ...] = (
    SectionInfo("profile", "About you", "One question to start."),
    SectionInfo("pain", "Your pain", "Where it hurts, how much and for how long."),
    SectionInfo(
        "red_flags",
        "Warning signs",
        "Rare but important signs that need a doctor rather than a checklist.",
    ),
    SectionInfo(
        "outlook",
        "How your back pain affects you",
        "The nine questions of the Keele STarT Back Screening Tool. "
        "Answer yes if you agree, no if you disagree.\n" + KEELE_COPYRIGHT,
    ),
    SectionInfo(
        "feet",
        "Your feet",
        "Quick self-checks you can do now, barefoot. 'unsure' is always a fine answer.",
    ),
    SectionInfo("footwear", "Your footwear", "What you wear on most days."),
    SectionInfo("habits", "Your day", "How long you stand, sit, lift and move."),
)
SECTION_BY_ID: Mapping[str, SectionInfo] = {s.id: s for s in SECTIONS}


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    hint: str = ""
    """A few words shown beside the label in the interactive menu (what to look for)."""


@dataclass(frozen=True, slots=True)
class Condition:
    """When a question applies: another answer is yes, or above zero."""

    question: str
    test: Literal["is_yes", "above_zero"]

    def holds(self, answers: Mapping[str, object]) -> bool | None:
        """True / False once the controlling answer is known, None while it is not."""
        value = answers.get(self.question)
        if value is None:
            return None
        if self.test == "is_yes":
            return value is True
        return isinstance(value, int | float) and not isinstance(value, bool) and value > 0

    @property
    def text(self) -> str:
        if self.test == "is_yes":
            return f"{self.question} is yes"
        return f"{self.question} is more than 0"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    section: Section
    kind: Kind
    prompt: str
    help: str
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    when: Condition | None = None
    optional: bool = False
    """An optional question may be left empty (null) even when it applies."""
    short: str = ""
    """A few words for tables (the review screen, `questions`)."""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    @property
    def label(self) -> str:
        return self.short or self.prompt

    def applies(self, answers: Mapping[str, object]) -> bool:
        """Whether the question applies; an unanswered condition counts as applying."""
        if self.when is None:
            return True
        return self.when.holds(answers) is not False

    @property
    def allowed(self) -> str:
        """What may be given, in words, for error messages and the `questions` table."""
        if self.kind == "boolean":
            text = "true or false (yes / no)"
        elif self.kind == "integer":
            text = f"a whole number from {_num(self.minimum)} to {_num(self.maximum)}"
        elif self.kind == "number":
            text = f"a number from {_num(self.minimum)} to {_num(self.maximum)}"
        elif self.kind == "choice":
            text = "one of " + ", ".join(self.values)
        else:
            text = "a list (may be empty, no repeats) of " + ", ".join(self.values)
        if self.optional:
            text += ", or null"
        return text


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def _choices(
    values: tuple[str, ...],
    labels: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> tuple[Choice, ...]:
    labels, hints = labels or {}, hints or {}
    return tuple(Choice(v, labels.get(v, v.replace("_", " ")), hints.get(v, "")) for v in values)


BACK_PAIN = Condition("back_pain", "is_yes")
STANDS = Condition("standing_hours", "above_zero")

_STARTBACK_HELP = (
    "One of the nine Keele STarT Back questions. They estimate how likely back pain is to "
    "keep troubling you, so the advice can fit. There is no right answer: say what is "
    "true for you now."
)


def _start_back(qid: str, prompt: str, short: str) -> Question:
    return Question(qid, "outlook", "boolean", prompt, _STARTBACK_HELP, when=BACK_PAIN, short=short)


def _red_flag(qid: str, prompt: str, short: str, why: str) -> Question:
    return Question(
        qid,
        "red_flags",
        "boolean",
        prompt,
        why + " If you answer yes, your summary puts getting medical help before anything else.",
        short=short,
    )


QUESTIONS: tuple[Question, ...] = (
    # --- profile
    Question(
        "age",
        "profile",
        "integer",
        "How old are you?",
        "Your age in years. footcheck is meant for people aged 16 and over; some warning "
        "signs matter more with age.",
        minimum=16,
        maximum=110,
        short="Age",
    ),
    # --- pain
    Question(
        "back_pain",
        "pain",
        "boolean",
        "Have you had low back pain at any time in the last 2 weeks?",
        "Pain between the bottom of your ribs and the top of your legs, on one or both "
        "sides. If you answer no, the pain questions are skipped.",
        short="Low back pain in the last 2 weeks",
    ),
    Question(
        "pain_intensity",
        "pain",
        "integer",
        "On average over the last week, how bad was your back pain? (0 = none, 10 = worst "
        "imaginable)",
        "Think of a typical day last week, not the worst moment. 0 is no pain, 5 is pain "
        "that gets in the way of what you do, 10 is the worst pain you can imagine.",
        minimum=0,
        maximum=10,
        when=BACK_PAIN,
        short="Pain intensity (0-10)",
    ),
    Question(
        "pain_duration",
        "pain",
        "choice",
        "How long has this bout of back pain lasted?",
        "Count from when this episode began. Pain that comes and goes counts as one episode "
        "if it has not fully gone away for a month or more.",
        choices=_choices(
            get_args(PainDuration),
            {
                "under_6_weeks": "under 6 weeks",
                "6_to_12_weeks": "6 to 12 weeks",
                "over_12_weeks": "over 12 weeks",
            },
        ),
        when=BACK_PAIN,
        short="Pain duration",
    ),
    Question(
        "pain_worse_standing",
        "pain",
        "boolean",
        "Is your back pain worse after standing or walking for a long time?",
        "For example at the end of a shift on your feet, or after a long walk or queue.",
        when=BACK_PAIN,
        short="Worse after long standing",
    ),
    Question(
        "pain_worse_sitting",
        "pain",
        "boolean",
        "Is your back pain worse after sitting for a long time?",
        "For example after a long drive, or a morning at a desk.",
        when=BACK_PAIN,
        short="Worse after long sitting",
    ),
    Question(
        "other_pain",
        "pain",
        "multi",
        "Do you also have pain in your feet, knees or hips? (choose any, or none)",
        "Pain further down the chain helps show whether your feet are part of the story. "
        "Type the numbers or names separated by commas, e.g. '1,2' or 'feet, knees'. "
        "Press Enter or type 'none' if you have none.",
        choices=_choices(get_args(OtherPain)),
        short="Other pain",
    ),
    # --- red flags
    _red_flag(
        "rf_bladder_bowel",
        "Have you had new trouble passing urine, or lost control of your bladder or bowels?",
        "New bladder or bowel trouble",
        "New difficulty passing urine, or leaking urine or stools without meaning to, can "
        "mean the nerves at the base of the spine are being squeezed (cauda equina "
        "syndrome). It needs emergency care the same day.",
    ),
    _red_flag(
        "rf_saddle_numbness",
        "Do you have numbness around your genitals, buttocks or inner thighs?",
        "Saddle numbness",
        "Numbness or pins and needles in the area that would touch a saddle is another sign "
        "of cauda equina syndrome and needs emergency care the same day.",
    ),
    _red_flag(
        "rf_leg_weakness",
        "Do you have weakness or numbness in your legs that is getting worse, or does a foot "
        "drop or slap when you walk?",
        "Worsening leg weakness / foot drop",
        "Weakness that is spreading or getting worse, or a foot you cannot lift properly "
        "(it catches or slaps the floor), means a nerve is under pressure.",
    ),
    _red_flag(
        "rf_trauma",
        "Did your back pain begin after a significant fall or accident?",
        "Began after a fall or accident",
        "A fall from height, a car accident or a hard landing can break a bone in the spine, "
        "especially in older people or those with thin bones.",
    ),
    _red_flag(
        "rf_fever_weight_loss",
        "Have you had a fever, or lost weight without trying?",
        "Fever or unexplained weight loss",
        "Back pain together with fever or weight loss you cannot explain can be a sign of "
        "infection or other illness that a doctor should check.",
    ),
    _red_flag(
        "rf_cancer_history",
        "Have you ever had cancer?",
        "Ever had cancer",
        "New back pain in someone who has had cancer should be checked by a doctor, even if "
        "the cancer was treated long ago.",
    ),
    _red_flag(
        "rf_night_pain",
        "Is your pain constant, and does it not ease with rest or at night?",
        "Constant pain, no ease at rest or night",
        "Ordinary back pain usually changes with position and eases with rest. Pain that "
        "never lets up, even lying still at night, should be checked by a doctor.",
    ),
    # --- outlook: Keele STarT Back items 1-9, in the published order
    _start_back(
        "sb_leg_pain",
        "Has your back pain spread down your leg(s) at some time in the last 2 weeks?",
        "1. Pain spread down leg(s)",
    ),
    _start_back(
        "sb_shoulder_neck",
        "Have you had pain in the shoulder or neck at some time in the last 2 weeks?",
        "2. Shoulder or neck pain",
    ),
    _start_back(
        "sb_walk_short",
        "Have you only walked short distances because of your back pain?",
        "3. Only walked short distances",
    ),
    _start_back(
        "sb_dress_slow",
        "In the last 2 weeks, have you dressed more slowly than usual because of back pain?",
        "4. Dressed more slowly",
    ),
    _start_back(
        "sb_unsafe_active",
        "Do you think it's not really safe for a person with a condition like yours to be "
        "physically active?",
        "5. Not safe to be active",
    ),
    _start_back(
        "sb_worry",
        "Have worrying thoughts been going through your mind a lot of the time?",
        "6. Worrying thoughts",
    ),
    _start_back(
        "sb_terrible",
        "Do you feel that your back pain is terrible and it's never going to get any better?",
        "7. Pain terrible, never better",
    ),
    _start_back(
        "sb_no_enjoy",
        "In general, have you not enjoyed all the things you used to enjoy?",
        "8. Not enjoyed things",
    ),
    Question(
        "sb_bothersome",
        "outlook",
        "choice",
        "Overall, how bothersome has your back pain been in the last 2 weeks?",
        _STARTBACK_HELP,
        choices=_choices(get_args(Bothersome)),
        when=BACK_PAIN,
        short="9. How bothersome",
    ),
    # --- feet
    Question(
        "arch_standing",
        "feet",
        "choice",
        "Standing barefoot, what do the arches of your feet look like?",
        "Stand barefoot on a hard floor with your weight even on both feet and look at the "
        "inside of each foot (a mirror or a phone photo taken from the side at floor level "
        "helps). Flat: the inner edge touches the floor. Low: you can barely slide a finger "
        "under it. Normal: a clear curve you can slide a finger under. High: a tall curve, "
        "most of the weight on the heel and ball of the foot.",
        choices=_choices(
            get_args(ArchStanding),
            hints={
                "flat": "the inner edge touches the floor",
                "low": "you can barely slide a finger under it",
                "normal": "a clear curve, a finger slides under",
                "high": "a tall curve",
            },
        ),
        short="Arches when standing",
    ),
    Question(
        "wet_footprint",
        "feet",
        "choice",
        "What does your wet footprint look like?",
        "Wet the sole of your foot and step normally onto dry paper, card or a dark towel, "
        "then step off. Full: the whole sole shows, little or no curve on the inner side. "
        "Normal: the heel and ball joined by a band about half the width of the foot. "
        "Narrow: heel and ball joined by a thin strip, or not joined at all.",
        choices=_choices(
            get_args(WetFootprint),
            hints={
                "full": "the whole sole shows",
                "normal": "heel and ball joined by a band half the foot wide",
                "narrow": "a thin strip between heel and ball, or none",
            },
        ),
        short="Wet footprint",
    ),
    Question(
        "shoe_wear",
        "feet",
        "choice",
        "On shoes you have worn for months, where is the sole most worn?",
        "Turn over your most-worn everyday or walking shoes and look at the heel and the "
        "ball of the foot. Inner edge: worn most on the big-toe side. Outer edge: worn most "
        "on the little-toe side (a little outer heel wear is normal). Even: worn evenly.",
        choices=_choices(
            get_args(ShoeWear),
            {"inner_edge": "inner edge", "outer_edge": "outer edge"},
            hints={"inner_edge": "big-toe side", "outer_edge": "little-toe side"},
        ),
        short="Where old soles wear",
    ),
    Question(
        "knees_inward",
        "feet",
        "choice",
        "When you do a slow half-squat, do your knees drift inward?",
        "Stand barefoot in front of a mirror, feet hip-width apart and pointing forward. "
        "Bend your knees slowly as if to sit on a high stool, then stand up again. Watch "
        "your kneecaps: do they move inward, towards each other, instead of staying over "
        "your second toes?",
        choices=_choices(get_args(KneesInward)),
        short="Knees drift inward in squat",
    ),
    Question(
        "heel_tilt",
        "feet",
        "choice",
        "Seen from behind, which way do your heels tilt when you stand?",
        "Ask someone to take a phone photo of your heels from behind, at ankle height, "
        "while you stand barefoot and relaxed. Picture a line up the middle of the heel and "
        "the Achilles tendon. Inward: the heel leans in towards the other foot (the ankle "
        "bone bulges inward). Outward: it leans away. Straight: it is upright.",
        choices=_choices(
            get_args(HeelTilt),
            hints={"inward": "leans towards the other foot", "outward": "leans away from it"},
        ),
        short="Heel tilt from behind",
    ),
    Question(
        "fpi6_total",
        "feet",
        "integer",
        # No "(press Enter to skip)": the prompt line says [Enter skips], and this text
        # is also the question in `questions`, the schema and the TOML template.
        "If a clinician has measured your Foot Posture Index (FPI-6), what was the total?",
        "The Foot Posture Index (FPI-6, Redmond) is six observations a podiatrist or "
        "physiotherapist makes of your standing foot, added up to a total from -12 (very "
        "supinated, rolls outward) to +12 (very pronated, rolls inward). If you have one, "
        "footcheck uses it instead of your self-checks. Most people skip this.",
        minimum=-12,
        maximum=12,
        optional=True,
        short="FPI-6 total (clinician)",
    ),
    # --- footwear
    Question(
        "main_footwear",
        "footwear",
        "choice",
        "What do you wear on your feet on most days?",
        "Supportive: firm heel counter, cushioned sole, some arch support (e.g. walking "
        "shoes). Athletic: trainers / running shoes. Flat unsupportive: ballet flats, "
        "slip-ons, flip-flops, thin canvas shoes. High heels: heels over about 5 cm. "
        "Minimal: barefoot-style shoes with thin, flexible soles. Work boots: safety or "
        "work boots.",
        choices=_choices(
            get_args(MainFootwear),
            {"flat_unsupportive": "flat, unsupportive", "high_heels": "high heels"},
            hints={
                "supportive": "e.g. walking shoes",
                "athletic": "trainers, running shoes",
                "flat_unsupportive": "ballet flats, slip-ons, flip-flops",
                "high_heels": "over about 5 cm",
                "minimal": "barefoot-style, thin flexible soles",
            },
        ),
        short="Main footwear",
    ),
    Question(
        "shoes_worn_out",
        "footwear",
        "boolean",
        "Are those shoes worn out?",
        "Signs of a worn-out shoe: the midsole is creased and squashed, the tread is worn "
        "smooth, the shoe leans to one side on a table, or the back of the heel (the heel "
        "counter) has gone soft and folds when you squeeze it.",
        short="Shoes worn out",
    ),
    Question(
        "insoles",
        "footwear",
        "choice",
        "Do you use insoles or arch supports?",
        "Off the shelf: bought in a shop or online. Custom: made or fitted for your feet by "
        "a podiatrist or orthotist.",
        choices=_choices(get_args(Insoles), {"off_the_shelf": "off the shelf"}),
        short="Insoles",
    ),
    # --- habits
    Question(
        "standing_hours",
        "habits",
        "number",
        "On a typical day, how many hours are you on your feet (standing or walking)?",
        "Add up work, housework, commuting and errands. Halves are fine, e.g. 6.5.",
        minimum=0,
        maximum=24,
        short="Hours a day on feet",
    ),
    Question(
        "hard_floors",
        "habits",
        "boolean",
        "Is most of that time on hard floors such as concrete or tile?",
        "Concrete, tile, stone and thin-carpeted concrete count as hard. Wood floors, "
        "grass, thick carpet and anti-fatigue mats do not.",
        when=STANDS,
        short="Mostly hard floors",
    ),
    Question(
        "sitting_hours",
        "habits",
        "number",
        "On a typical day, how many hours do you spend sitting?",
        "At a desk, driving, on the sofa, at meals. Standing and sitting hours together "
        "can be at most 24.",
        minimum=0,
        maximum=24,
        short="Hours a day sitting",
    ),
    Question(
        "lifting",
        "habits",
        "choice",
        "How often do you lift or carry heavy loads?",
        "Heavy: roughly 10 kg or more (a full shopping crate, a toddler, a bag of "
        "cement). Often: most days. Sometimes: a few times a month. Rarely: hardly ever.",
        choices=_choices(get_args(Lifting)),
        short="Heavy lifting",
    ),
    Question(
        "active_days",
        "habits",
        "integer",
        "On how many days a week do you do at least 30 minutes of moderate activity?",
        "Moderate activity makes you breathe faster and feel warmer: brisk walking, "
        "cycling, swimming, dancing, heavy gardening. 0 to 7.",
        minimum=0,
        maximum=7,
        short="Active days a week",
    ),
    Question(
        "foot_exercises",
        "habits",
        "boolean",
        "Are you already doing foot or calf exercises?",
        "For example toe curls, towel scrunches, heel raises or calf stretches, at least a "
        "few times a week.",
        short="Already doing foot exercises",
    ),
)

QUESTION_BY_ID: Mapping[str, Question] = {q.id: q for q in QUESTIONS}
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)


CONDITIONS: dict[Condition, frozenset[str]] = {
    condition: frozenset(q.id for q in QUESTIONS if q.when == condition)
    for condition in {q.when for q in QUESTIONS if q.when is not None}
}
"""Each condition, with the ids of the questions that depend on it."""


def inapplicable_ids(answers: Mapping[str, object]) -> frozenset[str]:
    """Ids of the questions that do not apply: one check per condition, not per question."""
    off: frozenset[str] = frozenset()
    for condition, dependents in CONDITIONS.items():
        if condition.holds(answers) is False:
            off |= dependents
    return off


def applicable_ids(answers: Mapping[str, object]) -> list[str]:
    """Ids of the questions that apply given these answers, in checklist order."""
    return [q.id for q in QUESTIONS if q.applies(answers)]


def not_applicable_reason(question: Question, answers: Mapping[str, object]) -> str | None:
    """Why a question does not apply, or None when it does."""
    if question.when is None or question.when.holds(answers) is not False:
        return None
    return f"it applies only when {question.when.text}"
