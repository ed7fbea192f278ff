"""Theme scores: every return turned into standard theme scores, pooled by case and round.

The rules, in the same words as ``docs/scoring.md``:

1. Each option of a scored scale has a score of 0 or more, or is unscored
   (not applicable, not known). A question's maximum is the largest score in
   its scale.
2. A question maps to one or more themes, each with a weight (default 1).
3. For one response and theme *t*: ``points = Σ w·score(answer)`` and
   ``max_points = Σ w·max``, over the questions mapped to *t* that are
   enabled, answered, and whose answer is scored. Each entry of a repeatable
   group counts as its own answer. ``answers`` counts the scored answers.
4. ``percent = 100·points/max_points``. No scored answer (or a maximum of 0)
   gives ``percent = null`` and the grade ``not_evidenced``.
5. The grade is the first of the tool's bands whose minimum the percent
   reaches (default: ``outstanding`` ≥ 90, ``good`` ≥ 70,
   ``requires_improvement`` ≥ 50, else ``inadequate``).
6. A tool may set, per theme, the fewest scored answers that support a grade
   (``grading.min_answers``); below it the grade is ``not_evidenced`` and the
   percent is still given.
7. A case's and the round's theme scores are pooled: the sum of points over
   the sum of max_points across their responses, graded by the same bands;
   their ``answers`` is the sum too.

Answers that cannot score are ignored, not penalised: an answer to a
question that does not apply, an unscored option, an answer that is not an
option of the question's scale (validation reports that one), and answers to
questions that are not single choice or map to no theme.

Beside the totals, each theme keeps the part every question played in it
(:class:`QuestionScore`), so a report can say which questions pulled the
theme down.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from audit_tool import _args
from audit_tool.authoring.catalogue import ThemeCatalogue, standard_catalogue
from audit_tool.authoring.tool import Grading, Tool
from audit_tool.exceptions import AuditToolError
from audit_tool.responses.answers import walk_answers
from audit_tool.responses.response import LoadedResponse, Response, read_response

__all__ = [
    "GroupScore",
    "QuestionScore",
    "ResponseScore",
    "Scores",
    "ThemeScore",
    "agency_scores",
    "percent_of",
    "plain_number",
    "score",
]


def percent_of(points: float, max_points: float) -> float | None:
    """``100·points/max_points``, or ``None`` when there is nothing to divide by."""
    if max_points <= 0:
        return None
    return 100 * points / max_points


def plain_number(value: float) -> int | float:
    """A whole number as an int (``12``, not ``12.0``) for JSON and CSV."""
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True, slots=True)
class QuestionScore:
    """One question's part in one theme's score (all its answers, group entries included)."""

    question: str
    """The question's id."""
    points: float
    """``Σ w·score`` over its scored answers."""
    max_points: float
    """``Σ w·max`` over its scored answers."""
    answers: int
    """How many scored answers it had."""

    @property
    def lost(self) -> float:
        """The points short of the maximum: how far this question pulled the theme down."""
        return self.max_points - self.points

    @property
    def percent(self) -> float | None:
        """``100·points/max_points``, or ``None``."""
        return percent_of(self.points, self.max_points)


@dataclass(frozen=True, slots=True)
class ThemeScore:
    """One theme's score for a response, a case or the round."""

    theme: str
    """The theme's id."""
    points: float
    """The points scored."""
    max_points: float
    """The points available from the scored answers."""
    answers: int
    """How many scored answers stand behind the score."""
    percent: float | None
    """``100·points/max_points``; ``None`` when there is no scored answer."""
    grade: str
    """The grade band reached, or ``not_evidenced``."""
    questions: tuple[QuestionScore, ...] = ()
    """Each question's part, in the tool's order."""

    def shortfalls(self) -> tuple[QuestionScore, ...]:
        """The questions that lost points, the most points lost first (ties: lowest percent)."""
        lost = [q for q in self.questions if q.lost > 0]
        return tuple(sorted(lost, key=lambda q: (-q.lost, q.percent or 0.0)))

    def to_dict(self) -> dict[str, Any]:
        """DESIGN §5's theme entry: points, max_points, percent, grade, answers."""
        return {
            "points": plain_number(self.points),
            "max_points": plain_number(self.max_points),
            "percent": self.percent,
            "grade": self.grade,
            "answers": self.answers,
        }


def _themes_dict(themes: Mapping[str, ThemeScore]) -> dict[str, Any]:
    return {theme: s.to_dict() for theme, s in themes.items()}


@dataclass(frozen=True, slots=True)
class ResponseScore:
    """The theme scores of one response."""

    file: str | None
    """The file the response was read from, or ``None``."""
    case: str
    """The pseudonymised case reference."""
    agency: str
    """The agency's id."""
    themes: Mapping[str, ThemeScore]
    """Every theme the tool evidences, in catalogue order."""

    def to_dict(self) -> dict[str, Any]:
        """DESIGN §5's response entry."""
        return {
            "file": self.file,
            "case": self.case,
            "agency": self.agency,
            "themes": _themes_dict(self.themes),
        }


@dataclass(frozen=True, slots=True)
class GroupScore:
    """Pooled theme scores of several responses (one case, or the whole round)."""

    themes: Mapping[str, ThemeScore]
    """Every theme the tool evidences, in catalogue order."""

    def to_dict(self) -> dict[str, Any]:
        """DESIGN §5's case or overall entry."""
        return {"themes": _themes_dict(self.themes)}


@dataclass(frozen=True, slots=True)
class Scores:
    """Theme scores per response, per case and overall, for one tool version."""

    tool_id: str
    """The tool's id."""
    tool_version: str
    """The tool's version."""
    themes: tuple[str, ...]
    """The themes the tool evidences, in catalogue order."""
    responses: tuple[ResponseScore, ...]
    """One entry per response, in the order given."""
    cases: Mapping[str, GroupScore]
    """Pooled scores by case reference, in order of first appearance."""
    overall: GroupScore
    """Pooled scores over every response."""

    def to_dict(self) -> dict[str, Any]:
        """DESIGN §5's ``score --format json`` document."""
        return {
            "tool": {"id": self.tool_id, "version": self.tool_version},
            "responses": [r.to_dict() for r in self.responses],
            "cases": {case: g.to_dict() for case, g in self.cases.items()},
            "overall": self.overall.to_dict(),
        }


@dataclass(slots=True)
class _Cell:
    """Running sums for one question in one theme."""

    points: float = 0.0
    max_points: float = 0.0
    answers: int = 0


_Totals = dict[str, dict[str, _Cell]]


@dataclass(frozen=True, slots=True)
class _Scored:
    """What scoring needs to know about one scored question, worked out once per tool."""

    id: str
    scores: Mapping[str, float]  # scored option values only
    max: float
    themes: tuple[tuple[str, float], ...]


class _Scorer:
    """Scores responses to one tool: the tool is read once, each response walked once."""

    def __init__(self, tool: Tool, catalogue: ThemeCatalogue | None) -> None:
        self.tool = tool
        self.scored: dict[str, _Scored] = {}
        mapped: list[str] = []
        for ref in tool.iter_questions():
            question = ref.question
            if not (question.themes and tool.is_scored(question)):
                continue
            scale = tool.scale_of(question)
            assert scale is not None  # a scored question is a choice on a scale...
            top = scale.max_score
            assert top is not None  # ...that has a score
            scores = {o.value: o.score for o in scale.options if o.score is not None}
            self.scored.setdefault(
                question.id, _Scored(question.id, scores, top, tuple(question.themes.items()))
            )
            mapped.extend(question.themes)
        self.order = {qid: n for n, qid in enumerate(self.scored)}
        self.themes = _theme_order(dict.fromkeys(mapped), tool, catalogue)

    def summed(self, file: str | None, response: Response, raw: Mapping[str, Any] | None
               ) -> Summed:
        """One response scored (a response to this scorer's tool)."""
        totals = self.totals(response, raw)
        return ResponseScore(file, response.case, response.agency, self.theme_scores(totals))

    def pooled(self, summed: Iterable[Summed]) -> Scores:
        """The scores of the responses summed, in that order, as :func:`score` gives them."""
        return _pool(self, summed)

    def totals(self, response: Response, raw: Mapping[str, Any] | None) -> _Totals:
        """``theme -> question -> running sums`` for one response."""
        totals: _Totals = {theme: {} for theme in self.themes}
        for slot in walk_answers(self.tool, response, raw):
            found = self.scored.get(slot.question.id)
            if found is None or not slot.applies or slot.answer is None:
                continue
            value = slot.answer.value
            points = found.scores.get(value) if isinstance(value, str) else None
            if points is None:
                continue  # unanswered, unscored, or not an option of the scale
            for theme, weight in found.themes:
                cell = totals[theme].setdefault(found.id, _Cell())
                cell.points += weight * points
                cell.max_points += weight * found.max
                cell.answers += 1
        return totals

    def theme_scores(self, totals: _Totals) -> dict[str, ThemeScore]:
        """The graded theme scores from summed totals (a theme with none has no answers)."""
        out: dict[str, ThemeScore] = {}
        for theme in self.themes:
            cells = totals.get(theme, {})
            questions = tuple(
                QuestionScore(qid, cells[qid].points, cells[qid].max_points, cells[qid].answers)
                for qid in sorted(cells, key=self.order.__getitem__)
            )
            points = sum(q.points for q in questions)
            max_points = sum(q.max_points for q in questions)
            answers = sum(q.answers for q in questions)
            percent = percent_of(points, max_points)
            grade = self.tool.grading.grade(percent, answers, theme)
            out[theme] = ThemeScore(theme, points, max_points, answers, percent, grade, questions)
        return out


def _theme_order(
    mapped: Mapping[str, None], tool: Tool, catalogue: ThemeCatalogue | None
) -> tuple[str, ...]:
    """The themes a tool evidences: in its catalogue's order, any others after them."""
    if catalogue is None and tool.catalogue == standard_catalogue().ref:
        catalogue = standard_catalogue()
    known = catalogue.theme_ids if catalogue is not None else ()
    return (*(t for t in known if t in mapped), *(t for t in mapped if t not in known))


def _totals_of(scored: ResponseScore) -> _Totals:
    """The sums a response's theme scores were graded from (each question's points, points
    available and answers, by theme), as :meth:`_Scorer.totals` gave them."""
    return {
        theme: {q.question: _Cell(q.points, q.max_points, q.answers) for q in found.questions}
        for theme, found in scored.themes.items()
    }


def _add(into: _Totals, totals: _Totals) -> None:
    for theme, cells in totals.items():
        target = into.setdefault(theme, {})
        for qid, found in cells.items():
            cell = target.setdefault(qid, _Cell())
            cell.points += found.points
            cell.max_points += found.max_points
            cell.answers += found.answers


ScoredSource = Response | LoadedResponse | Mapping[str, Any] | str | os.PathLike[str]
"""What :func:`score` takes for each response: what :func:`~audit_tool.validate_response` takes."""


def _unpack(item: ScoredSource) -> tuple[str | None, Response, Any]:
    if isinstance(item, Response):
        return None, item, None
    if isinstance(item, (str, os.PathLike)):
        item = read_response(os.fspath(item), name=os.fspath(item))
    elif isinstance(item, Mapping):
        try:
            return None, Response.model_validate(dict(item)), item
        except ValidationError:
            raise AuditToolError(
                "a response given as a mapping does not have the shape of a response, so it "
                "cannot be scored; check it with validate_response first"
            ) from None
    if item.response is None:
        raise AuditToolError(f"{item.file}: the response did not load, so it cannot be scored")
    raw = item.document.data if item.document is not None else None
    return item.file, item.response, raw


def score(
    tool: Tool,
    responses: Iterable[ScoredSource],
    *,
    catalogue: ThemeCatalogue | None = None,
) -> Scores:
    """Theme scores per response, per case (pooled) and overall (pooled).

    ``responses`` are models, files as read (:func:`~audit_tool.read_response`), paths, or
    mappings as a file holds them, as :func:`~audit_tool.validate_response` takes them; a
    file gives its entry the file name. Check them first with
    :func:`~audit_tool.validate_response`: an answer that does not fit is
    ignored here, never guessed at. Themes come in the order of ``catalogue``
    (by default the standard catalogue, when the tool uses it).

    Raises :class:`~audit_tool.AuditToolError` for a response to another tool
    or version, or a file that did not load.
    """
    tool = _args.typed(tool, Tool, "tool")
    if catalogue is not None:
        catalogue = _args.typed(catalogue, ThemeCatalogue, "catalogue")
    scorer = _Scorer(tool, catalogue)
    summed: list[Summed] = []
    for item in responses:
        file, response, raw = _unpack(item)
        if (response.tool.id, response.tool.version) != (tool.id, tool.version):
            raise AuditToolError(
                f"{file or 'a response'} answers {response.tool.ref}, not {tool.ref}"
            )
        summed.append(scorer.summed(file, response, raw))
    return scorer.pooled(summed)


Summed = ResponseScore
"""One response scored, before it is pooled with others (a round scores each return as it
reads it, then lets the model go): its question scores hold the sums pooling adds up."""


def scorer_for(tool: Tool, catalogue: ThemeCatalogue | None = None) -> _Scorer:
    """What :func:`score` sums responses with: ``summed`` for one response (of ``tool``),
    ``pooled`` for the scores of several, as :func:`score` gives them."""
    return _Scorer(tool, catalogue)


def _pool(scorer: _Scorer, summed: Iterable[Summed]) -> Scores:
    tool = scorer.tool
    per_response: list[ResponseScore] = []
    by_case: dict[str, _Totals] = {}
    overall: _Totals = {}
    for scored in summed:
        per_response.append(scored)
        totals = _totals_of(scored)
        _add(by_case.setdefault(scored.case, {}), totals)
        _add(overall, totals)
    return Scores(
        tool_id=tool.id,
        tool_version=tool.version,
        themes=scorer.themes,
        responses=tuple(per_response),
        cases={case: GroupScore(scorer.theme_scores(totals)) for case, totals in by_case.items()},
        overall=GroupScore(scorer.theme_scores(overall)),
    )


# -- pooled by agency ------------------------------------------------------------------
# A board gives agencies actions of their own (the source's learning 5.7 and 5.8 are
# actions for single agencies), so the report and the trend show agency by theme: the sum
# of points over the sum of points available across that agency's valid returns, graded
# by the tool's bands, as cases and the round are pooled.


def agency_scores(
    scores: Scores, grading: Grading, agencies: Iterable[str]
) -> dict[str, dict[str, ThemeScore]]:
    """``agency -> theme -> pooled score`` for every agency with a scored return, in the
    order of ``agencies`` (agencies not listed after them)."""
    sums: dict[str, dict[str, list[float]]] = {}
    for response in scores.responses:
        into = sums.setdefault(response.agency, {t: [0.0, 0.0, 0] for t in scores.themes})
        for theme, found in response.themes.items():
            cell = into.setdefault(theme, [0.0, 0.0, 0])
            cell[0] += found.points
            cell[1] += found.max_points
            cell[2] += found.answers
    order = [a for a in dict.fromkeys(agencies) if a in sums]
    order += [a for a in sums if a not in order]
    return {agency: _graded(sums[agency], grading) for agency in order}


def _graded(cells: Mapping[str, list[float]], grading: Grading) -> dict[str, ThemeScore]:
    out = {}
    for theme, (points, max_points, answers) in cells.items():
        percent = percent_of(points, max_points)
        grade = grading.grade(percent, int(answers), theme)
        out[theme] = ThemeScore(theme, points, max_points, int(answers), percent, grade)
    return out
