"""Likely contributors from feet, footwear and habits (docs/rules.md, "Contributors").

Every point is a row in one of the rule tables below and becomes an evidence row with a
plain reason, so a person can see exactly which answers point to each contributor. The
rules hold ids, points and sources; their words are ``contributor.<id>.*`` in the message
files, read in the language being spoken.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from footcheck.checklist.conditions import Answered, AnswerIs, AnswerTest, NumberFrom
from footcheck.instruments.registry import QUESTION_BY_ID
from footcheck.summary import Contributor, Evidence, Likelihood
from footcheck.text.messages import Messages, say, speaking, spoken

if TYPE_CHECKING:
    from footcheck.checklist.question import AnswerValue


class Point(NamedTuple):
    """``points`` when ``test`` holds; ``key`` names the reason it matters,
    ``contributor.<contributor>.reason.<key>`` in the message files."""

    test: AnswerTest
    points: int
    key: str
    contributor: str = ""
    """The contributor the point scores for: set when its rule is made (``_bound``)."""

    @property
    def reason_id(self) -> str:
        return f"contributor.{self.contributor}.reason.{self.key}"

    @property
    def reason(self) -> str:
        """Why the answer matters, in the language being spoken."""
        return say(self.reason_id)


class FirstOf(NamedTuple):
    """Only the first of these points that holds scores (answers measuring one trait)."""

    points: tuple[Point, ...]


class ContributorRule(NamedTuple):
    id: str
    points: tuple[Point | FirstOf, ...]
    """Every point that holds scores."""
    extras: tuple[Point, ...] = ()
    """Scored only when ``points`` scored something: they add weight, not a finding."""
    measured: Answered | None = None
    """When this answer is given, ``measured_points`` are used instead of ``points``."""
    measured_points: tuple[Point, ...] = ()
    sources: tuple[str, ...] = ()
    """The sources the explanation rests on (``footcheck/sources.py``)."""

    @property
    def title(self) -> str:
        return say(f"contributor.{self.id}.title")

    @property
    def explanation(self) -> str:
        return say(f"contributor.{self.id}.explanation")

    def every_point(self) -> tuple[Point, ...]:
        """Every point of the rule, each once, in the order the rule lists them."""
        items = (*self.points, *self.measured_points, *self.extras)
        return tuple(
            p for item in items for p in (item.points if isinstance(item, FirstOf) else (item,))
        )


def _bound(rule: ContributorRule) -> ContributorRule:
    """The rule with each of its points naming it, so that each finds its reason."""

    def bind(point: Point) -> Point:
        return point._replace(contributor=rule.id)

    def bind_item(item: Point | FirstOf) -> Point | FirstOf:
        return FirstOf(tuple(map(bind, item.points))) if isinstance(item, FirstOf) else bind(item)

    return rule._replace(
        points=tuple(map(bind_item, rule.points)),
        extras=tuple(map(bind, rule.extras)),
        measured_points=tuple(map(bind, rule.measured_points)),
    )


FPI6 = Answered("fpi6_total")
FOOT_PAIN = Point(AnswerIs("other_pain", "feet"), 1, "foot_pain")

RULES: tuple[ContributorRule, ...] = tuple(
    map(
        _bound,
        (
            ContributorRule(
                "overpronation",
                points=(
                    FirstOf(
                        (
                            Point(AnswerIs("arch_standing", "flat"), 2, "flat_arch"),
                            Point(AnswerIs("wet_footprint", "full"), 2, "full_footprint"),
                            Point(AnswerIs("arch_standing", "low"), 1, "low_arch"),
                        )
                    ),
                    Point(AnswerIs("shoe_wear", "inner_edge"), 2, "inner_edge_wear"),
                    Point(AnswerIs("knees_inward", "yes"), 1, "knees_drift_inward"),
                    Point(AnswerIs("heel_tilt", "inward"), 2, "heel_tilt_inward"),
                ),
                measured=FPI6,
                measured_points=(
                    Point(NumberFrom("fpi6_total", 6, 10), 3, "fpi6_rolled_in"),
                    Point(NumberFrom("fpi6_total", 10), 6, "fpi6_clearly_rolled_in"),
                ),
                extras=(
                    FOOT_PAIN,
                    Point(AnswerIs("other_pain", "knees"), 1, "knee_pain"),
                ),
                sources=("menz_2013", "redmond_2008"),
            ),
            ContributorRule(
                "underpronation",
                points=(
                    FirstOf(
                        (
                            Point(AnswerIs("arch_standing", "high"), 2, "high_arch"),
                            Point(AnswerIs("wet_footprint", "narrow"), 2, "narrow_footprint"),
                        )
                    ),
                    Point(AnswerIs("shoe_wear", "outer_edge"), 2, "outer_edge_wear"),
                    Point(AnswerIs("heel_tilt", "outward"), 2, "heel_tilt_outward"),
                ),
                measured=FPI6,
                measured_points=(
                    Point(NumberFrom("fpi6_total", -4, 0), 3, "fpi6_rolled_out"),
                    Point(NumberFrom("fpi6_total", -12, -4), 6, "fpi6_clearly_rolled_out"),
                ),
                extras=(FOOT_PAIN,),
                sources=("menz_2013",),
            ),
            ContributorRule(
                "unsupportive_footwear",
                points=(
                    Point(AnswerIs("main_footwear", "high_heels"), 4, "high_heels"),
                    Point(AnswerIs("main_footwear", "flat_unsupportive"), 3, "flat_unsupportive"),
                    Point(AnswerIs("main_footwear", "minimal"), 1, "minimal_shoes"),
                    Point(AnswerIs("shoes_worn_out", True), 3, "worn_out_shoes"),
                ),
                sources=("nhs_plantar_fasciitis", "russell_2010"),
            ),
            ContributorRule(
                "prolonged_standing",
                points=(
                    FirstOf(
                        (
                            Point(NumberFrom("standing_hours", 8), 4, "standing_8_hours"),
                            Point(NumberFrom("standing_hours", 6, 8), 3, "standing_6_to_8_hours"),
                            Point(NumberFrom("standing_hours", 4, 6), 2, "standing_4_to_6_hours"),
                        )
                    ),
                ),
                extras=(
                    Point(AnswerIs("hard_floors", True), 2, "hard_floor"),
                    Point(AnswerIs("pain_worse_standing", True), 1, "worse_standing"),
                ),
                sources=("coenen_2018",),
            ),
            ContributorRule(
                "prolonged_sitting",
                points=(
                    FirstOf(
                        (
                            Point(NumberFrom("sitting_hours", 10), 4, "sitting_10_hours"),
                            Point(NumberFrom("sitting_hours", 8, 10), 3, "sitting_8_to_10_hours"),
                            Point(NumberFrom("sitting_hours", 6, 8), 2, "sitting_6_to_8_hours"),
                        )
                    ),
                ),
                extras=(Point(AnswerIs("pain_worse_sitting", True), 1, "worse_sitting"),),
                sources=("chen_2009", "wilke_1999"),
            ),
            ContributorRule(
                "heavy_lifting",
                points=(
                    Point(AnswerIs("lifting", "often"), 3, "lifting_often"),
                    Point(AnswerIs("lifting", "sometimes"), 1, "lifting_sometimes"),
                ),
                sources=("saraceni_2020", "verbeek_2011"),
            ),
            ContributorRule(
                "low_activity",
                points=(
                    Point(AnswerIs("active_days", 0), 3, "no_active_days"),
                    Point(AnswerIs("active_days", 1), 2, "one_active_day"),
                    Point(AnswerIs("active_days", 2), 1, "two_active_days"),
                ),
                sources=("nice_ng59", "who_2020"),
            ),
        ),
    )
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


@cache
def compiled(messages: Messages) -> tuple[CompiledRule, ...]:
    """The rules compiled, with their evidence rows in the words of ``messages`` (the
    language being spoken: made once a language)."""
    with speaking(messages.language):
        return tuple(CompiledRule(rule) for rule in RULES)


POINTS = attrgetter("points")
IDENTIFIER = attrgetter("id")


def find_contributors(values: Mapping[str, AnswerValue]) -> list[Contributor]:
    """Contributors with at least one point, highest points first, ties by id."""
    found: list[Contributor] = []
    for rule_compiled in compiled(spoken()):
        evidence = rule_compiled.evidence(values)
        if evidence:
            rule = rule_compiled.rule
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
