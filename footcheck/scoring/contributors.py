"""Likely contributors from feet, footwear and habits (docs/rules.md, "Contributors").

Every point is a row in one of the rule tables below and becomes an evidence row with a
plain reason, so a person can see exactly which answers point to each contributor.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from footcheck.checklist.conditions import Answered, AnswerIs, AnswerTest, NumberFrom
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.summary import Contributor, Evidence, Likelihood

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue


class Point(NamedTuple):
    """``points`` when ``test`` holds, with the reason it matters."""

    test: AnswerTest
    points: int
    reason: str


class FirstOf(NamedTuple):
    """Only the first of these points that holds scores (answers measuring one trait)."""

    points: tuple[Point, ...]


class ContributorRule(NamedTuple):
    id: str
    title: str
    explanation: str
    points: tuple[Point | FirstOf, ...]
    """Every point that holds scores."""
    extras: tuple[Point, ...] = ()
    """Scored only when ``points`` scored something: they add weight, not a finding."""
    measured: Answered | None = None
    """When this answer is given, ``measured_points`` are used instead of ``points``."""
    measured_points: tuple[Point, ...] = ()
    sources: tuple[str, ...] = ()
    """The sources the explanation rests on (``footcheck/sources.py``)."""


FPI6 = Answered("fpi6_total")
FOOT_PAIN = Point(
    AnswerIs("other_pain", "feet"),
    1,
    "Foot pain alongside these signs suggests your feet may be under strain.",
)

RULES: tuple[ContributorRule, ...] = (
    ContributorRule(
        "overpronation",
        "Feet rolling inward",
        "Feet that roll inward may turn the knees inward and change how the hips move, and "
        "some people feel the difference in the lower back. This chain is an idea, not a "
        "proven cause: in a large study, foot posture seen standing was not linked with "
        "back pain, and only feet rolling inward while walking was, in women (Menz 2013). "
        "Most adults' feet roll in a little: an FPI-6 of about +4 is average (Redmond 2008).",
        points=(
            FirstOf(
                (
                    Point(
                        AnswerIs("arch_standing", "flat"),
                        2,
                        "Flat arches are a sign of feet that roll inward.",
                    ),
                    Point(
                        AnswerIs("wet_footprint", "full"),
                        2,
                        "A full wet footprint is a sign of a low arch.",
                    ),
                    Point(
                        AnswerIs("arch_standing", "low"),
                        1,
                        "Low arches are a mild sign of feet that roll inward.",
                    ),
                )
            ),
            Point(
                AnswerIs("shoe_wear", "inner_edge"),
                2,
                "Soles worn most on the inner edge suggest your feet roll inward as you walk.",
            ),
            Point(
                AnswerIs("knees_inward", "yes"),
                1,
                "Knees that drift inward in a squat often go with feet that roll inward.",
            ),
            Point(
                AnswerIs("heel_tilt", "inward"),
                2,
                "A heel that tilts inward is a sign of feet that roll inward.",
            ),
        ),
        measured=FPI6,
        measured_points=(
            Point(
                NumberFrom("fpi6_total", 6, 10),
                3,
                "A clinician's FPI-6 of +6 to +9: a little more rolled in than the adult "
                "average of about +4.",
            ),
            Point(
                NumberFrom("fpi6_total", 10),
                6,
                "A clinician's FPI-6 of +10 or more: clearly rolled-in feet.",
            ),
        ),
        extras=(
            FOOT_PAIN,
            Point(
                AnswerIs("other_pain", "knees"),
                1,
                "Knee pain may go with knees turning inward over feet that roll inward.",
            ),
        ),
        sources=("menz_2013", "redmond_2008"),
    ),
    ContributorRule(
        "underpronation",
        "Feet rolling outward, with high arches",
        "Feet that roll outward, with high, stiff arches, may absorb less of the shock of "
        "each step, so more of it may travel up the legs. Studies have not shown that this "
        "causes back pain (Menz 2013).",
        points=(
            FirstOf(
                (
                    Point(
                        AnswerIs("arch_standing", "high"),
                        2,
                        "High arches are a sign of stiffer feet that roll outward.",
                    ),
                    Point(
                        AnswerIs("wet_footprint", "narrow"),
                        2,
                        "A narrow wet footprint is a sign of a high arch.",
                    ),
                )
            ),
            Point(
                AnswerIs("shoe_wear", "outer_edge"),
                2,
                "Soles worn most on the outer edge suggest your feet roll outward as you walk.",
            ),
            Point(
                AnswerIs("heel_tilt", "outward"),
                2,
                "A heel that tilts outward is a sign of feet that roll outward.",
            ),
        ),
        measured=FPI6,
        measured_points=(
            Point(
                NumberFrom("fpi6_total", -4, 0),
                3,
                "A clinician's FPI-6 of -1 to -4: feet that roll a little outward.",
            ),
            Point(
                NumberFrom("fpi6_total", -12, -4),
                6,
                "A clinician's FPI-6 of -5 or less: clearly rolled-out feet.",
            ),
        ),
        extras=(FOOT_PAIN,),
        sources=("menz_2013",),
    ),
    ContributorRule(
        "unsupportive_footwear",
        "Unsupportive or worn-out footwear",
        "Shoes without support or cushioning, or worn-out shoes, may make long days on "
        "your feet more tiring and sore, more so if your feet hurt (NHS). Shoes have not "
        "been shown to cause back pain, and high heels mostly do not deepen the curve of "
        "the lower back, as is often said (Russell 2010).",
        points=(
            Point(
                AnswerIs("main_footwear", "high_heels"),
                4,
                "High heels put your weight on the balls of your feet and give little "
                "support for long days.",
            ),
            Point(
                AnswerIs("main_footwear", "flat_unsupportive"),
                3,
                "Flat shoes without arch support or cushioning give your feet little help.",
            ),
            Point(
                AnswerIs("main_footwear", "minimal"),
                1,
                "Minimal shoes give little support or cushioning.",
            ),
            Point(
                AnswerIs("shoes_worn_out", True),
                3,
                "Worn-out shoes have lost their cushioning and support, and can tilt the foot.",
            ),
        ),
        sources=("nhs_plantar_fasciitis", "russell_2010"),
    ),
    ContributorRule(
        "prolonged_standing",
        "Long hours on your feet",
        "Standing for more than about 4 hours a working day has been linked with more low "
        "back pain, though most of those studies looked at one point in time and cannot "
        "show cause (Coenen 2018).",
        points=(
            FirstOf(
                (
                    Point(
                        NumberFrom("standing_hours", 8),
                        4,
                        "8 hours or more a day on your feet is a long time.",
                    ),
                    Point(
                        NumberFrom("standing_hours", 6, 8),
                        3,
                        "6 to 8 hours a day on your feet is a long time.",
                    ),
                    Point(
                        NumberFrom("standing_hours", 4, 6),
                        2,
                        "4 to 6 hours a day on your feet adds up.",
                    ),
                )
            ),
        ),
        extras=(
            Point(
                AnswerIs("hard_floors", True),
                2,
                "Hard floors give no cushioning underfoot.",
            ),
            Point(
                AnswerIs("pain_worse_standing", True),
                1,
                "Your back pain gets worse after long standing or walking.",
            ),
        ),
        sources=("coenen_2018",),
    ),
    ContributorRule(
        "prolonged_sitting",
        "Long hours sitting",
        "Long spells in one position may leave your back stiff and sore. Studies disagree "
        "on whether sitting itself leads to back pain (Chen 2009), and a study measuring "
        "the pressure in a disc found relaxed sitting no harder on it than standing "
        "(Wilke 1999).",
        points=(
            FirstOf(
                (
                    Point(
                        NumberFrom("sitting_hours", 10),
                        4,
                        "10 hours or more a day sitting is a long time in one position.",
                    ),
                    Point(
                        NumberFrom("sitting_hours", 8, 10),
                        3,
                        "8 to 10 hours a day sitting is a long time in one position.",
                    ),
                    Point(
                        NumberFrom("sitting_hours", 6, 8),
                        2,
                        "6 to 8 hours a day sitting adds up.",
                    ),
                )
            ),
        ),
        extras=(
            Point(
                AnswerIs("pain_worse_sitting", True),
                1,
                "Your back pain gets worse after long sitting.",
            ),
        ),
        sources=("chen_2009", "wilke_1999"),
    ),
    ContributorRule(
        "heavy_lifting",
        "Heavy lifting and carrying",
        "Lifting heavy loads often may add to back pain. There is no single safe way to "
        "lift: bending the back while lifting has not been shown to cause back pain on its "
        "own (Saraceni 2020), and training in lifting technique does not prevent it "
        "(Verbeek 2011). How heavy, how often and how tired you are may matter more.",
        points=(
            Point(
                AnswerIs("lifting", "often"),
                3,
                "You lift or carry heavy loads most days.",
            ),
            Point(
                AnswerIs("lifting", "sometimes"),
                1,
                "You lift or carry heavy loads now and then.",
            ),
        ),
        sources=("saraceni_2020", "verbeek_2011"),
    ),
    ContributorRule(
        "low_activity",
        "Too little activity",
        "Too little activity may slow recovery: staying active and exercise are among the "
        "best-supported ways to get over back pain (NICE NG59), and adults are advised at "
        "least 150 minutes of moderate activity a week (WHO 2020).",
        points=(
            Point(
                AnswerIs("active_days", 0),
                3,
                "No days a week with 30 minutes of moderate activity.",
            ),
            Point(
                AnswerIs("active_days", 1),
                2,
                "Only one day a week with 30 minutes of moderate activity.",
            ),
            Point(
                AnswerIs("active_days", 2),
                1,
                "Two days a week of activity is below the 5 days (150 minutes) advised.",
            ),
        ),
        sources=("nice_ng59", "who_2020"),
    ),
)
RULE_BY_ID: Mapping[str, ContributorRule] = {rule.id: rule for rule in RULES}
HIGH_FROM = 6
MODERATE_FROM = 3


def likelihood(points: int) -> Likelihood:
    if points >= HIGH_FROM:
        return "high"
    if points >= MODERATE_FROM:
        return "moderate"
    return "low"


def _evidence(point: Point, answer: AnswerValue) -> Evidence:
    if isinstance(answer, list):  # the one item of a list answer that scored
        assert isinstance(point.test, AnswerIs) and isinstance(point.test.value, str)
        answer = point.test.value
    return Evidence(
        question=point.test.question, answer=answer, points=point.points, reason=point.reason
    )


Table = dict[object, Evidence]
"""The answers one point scores, each with its evidence row, made once."""


class Group:
    """Scoring items of a rule, evaluated together: table lookups (each one that hits
    scores; with ``first`` only the first), or ``points`` tested in turn, first match."""

    __slots__ = ("first", "lookups", "points")

    def __init__(
        self, lookups: tuple[tuple[str, Table], ...], first: bool, points: tuple[Point, ...]
    ) -> None:
        self.lookups = lookups
        """Each question looked up, with the table of the answers that score."""
        self.first = first
        self.points = points


def _table(point: Point) -> Table | None:
    """The answers a point scores, with their evidence rows; None where they cannot be
    listed (a list answer, or hours, which may be any decimal)."""
    test = point.test
    question = QUESTION_BY_ID[test.question]
    if isinstance(test, AnswerIs) and question.kind != "multi":
        return {test.value: _evidence(point, test.value)}
    if isinstance(test, NumberFrom) and question.kind == "integer":
        assert question.minimum is not None and question.maximum is not None
        numbers = range(int(question.minimum), int(question.maximum) + 1)
        return {n: _evidence(point, n) for n in numbers if test.holds({test.question: n})}
    return None


def _groups(items: tuple[Point | FirstOf, ...]) -> tuple[Group, ...]:
    """A rule's scoring items as groups: consecutive points that are table lookups become
    one group. Built from the rule tables above, which stay the one statement of every
    rule."""
    groups: list[Group] = []
    for item in items:
        points = item.points if isinstance(item, FirstOf) else (item,)
        tables = [_table(point) for point in points]
        if any(table is None for table in tables):
            groups.append(Group((), True, points))
            continue
        lookups = tuple(
            (point.test.question, table)
            for point, table in zip(points, tables, strict=True)
            if table is not None
        )
        last = groups[-1] if groups else None
        if isinstance(item, FirstOf):
            groups.append(Group(lookups, True, ()))
        elif last is not None and not last.first and not last.points:
            groups[-1] = Group(last.lookups + lookups, False, ())
        else:
            groups.append(Group(lookups, False, ()))
    return tuple(groups)


def _found(groups: tuple[Group, ...], values: Mapping[str, AnswerValue]) -> list[Evidence]:
    """The evidence rows these groups find, in rule order (the tables' rows are frozen
    models, shared by every summary that finds them).

    Lookups match answers as validated: one type per question (never 1 for yes)."""
    found: list[Evidence] = []
    for group in groups:
        if group.points:
            for point in group.points:
                if point.test.holds(values):
                    found.append(_evidence(point, values.get(point.test.question)))
                    break
            continue
        first = group.first
        for question, table in group.lookups:
            row = table.get(values.get(question))
            if row is not None:
                found.append(row)
                if first:
                    break
    return found


class CompiledRule:
    """A contributor rule as the groups that score it."""

    __slots__ = ("extras", "main", "measured", "measured_groups", "rule")

    def __init__(self, rule: ContributorRule) -> None:
        self.rule = rule
        self.main = _groups(rule.points)
        self.measured = None if rule.measured is None else rule.measured.question
        self.measured_groups = _groups(rule.measured_points)
        self.extras = _groups(rule.extras)

    def evidence(self, values: Mapping[str, AnswerValue]) -> list[Evidence]:
        measured = self.measured is not None and values.get(self.measured) is not None
        found = _found(self.measured_groups if measured else self.main, values)
        if found:
            found += _found(self.extras, values)
        return found


COMPILED: tuple[CompiledRule, ...] = tuple(CompiledRule(rule) for rule in RULES)


POINTS = attrgetter("points")
IDENTIFIER = attrgetter("id")


def find_contributors(values: Mapping[str, AnswerValue]) -> list[Contributor]:
    """Contributors with at least one point, highest points first, ties by id."""
    found: list[Contributor] = []
    for compiled in COMPILED:
        evidence = compiled.evidence(values)
        if evidence:
            rule = compiled.rule
            points = sum(row.points for row in evidence)
            found.append(
                Contributor(
                    id=rule.id,
                    title=rule.title,
                    points=points,
                    likelihood=likelihood(points),
                    evidence=evidence,
                    explanation=rule.explanation,
                    sources=list(rule.sources),
                )
            )
    # Highest points first, ties by id: two stable sorts, the tie-break first.
    found.sort(key=IDENTIFIER)
    found.sort(key=POINTS, reverse=True)
    return found
