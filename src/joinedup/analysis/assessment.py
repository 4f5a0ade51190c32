"""Scoring a partnership self-assessment: per element, how members rate it and whether sectors agree.

Answers are on a five-point scale (1 = strongly disagree ... 5 = strongly agree,
or maturity level 1-5). For each element we report the distribution, mean,
spread (sample standard deviation and inter-quartile range) and the largest
difference between sector means; a gap above one point is flagged, because a
partnership where the council thinks leadership is strong and the voluntary
sector does not has something to talk about. Pure calculation (no Django).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)
AGREEMENT_LABELS = {1: "Strongly disagree", 2: "Disagree", 3: "Neither agree nor disagree",
                    4: "Agree", 5: "Strongly agree"}
DISAGREEMENT_GAP = 1.0
"""Sector means further apart than this many points are flagged."""

COUNCIL, NHS, VOLUNTARY, OTHER = "Council", "NHS", "Voluntary sector", "Other"
SECTORS = (COUNCIL, NHS, VOLUNTARY, OTHER)
_SECTOR_OF_KIND = {
    "county_council": COUNCIL, "district_council": COUNCIL, "unitary_council": COUNCIL,
    "public_health": COUNCIL,  # in England public health teams have sat in councils since 2013
    "nhs_commissioner": NHS, "nhs_provider": NHS, "primary_care": NHS,
    "voluntary_sector": VOLUNTARY,
}


def sector_of(organisation_kind: str) -> str:
    """Council, NHS, Voluntary sector or Other, from an organisation type code."""
    return _SECTOR_OF_KIND.get(organisation_kind, OTHER)


@dataclass(frozen=True)
class Answer:
    element: str
    sector: str
    score: int


@dataclass(frozen=True)
class ElementResult:
    element: str
    count: int
    distribution: dict[int, int]
    mean: float | None
    sd: float | None
    q1: float | None
    median: float | None
    q3: float | None
    sector_means: dict[str, float]
    sector_gap: float | None

    @property
    def iqr(self) -> float | None:
        return None if self.q1 is None or self.q3 is None else self.q3 - self.q1

    @property
    def sectors_disagree(self) -> bool:
        return self.sector_gap is not None and self.sector_gap > DISAGREEMENT_GAP


def _quartiles(scores: Sequence[int]) -> tuple[float | None, float | None, float | None]:
    """Quartiles by linear interpolation between order statistics (Excel's QUARTILE.INC)."""
    if not scores:
        return None, None, None
    if len(scores) == 1:
        return float(scores[0]), float(scores[0]), float(scores[0])
    q1, median, q3 = statistics.quantiles(scores, n=4, method="inclusive")
    return q1, median, q3


def score_element(element: str, answers: Iterable[Answer]) -> ElementResult:
    """One element's figures from its answers (answers for other elements are ignored)."""
    mine = [a for a in answers if a.element == element]
    for answer in mine:
        if answer.score not in SCALE:
            raise ValueError(f"score {answer.score} is not on the 1-5 scale")
    scores = [a.score for a in mine]
    by_sector: dict[str, list[int]] = defaultdict(list)
    for answer in mine:
        by_sector[answer.sector].append(answer.score)
    sector_means = {s: statistics.fmean(by_sector[s]) for s in SECTORS if by_sector.get(s)}
    sector_means.update({s: statistics.fmean(v) for s, v in by_sector.items() if s not in SECTORS})
    gap = max(sector_means.values()) - min(sector_means.values()) if len(sector_means) > 1 else None
    q1, median, q3 = _quartiles(sorted(scores))
    return ElementResult(
        element=element, count=len(scores),
        distribution={point: scores.count(point) for point in SCALE},
        mean=statistics.fmean(scores) if scores else None,
        sd=statistics.stdev(scores) if len(scores) > 1 else None,
        q1=q1, median=median, q3=q3, sector_means=sector_means, sector_gap=gap,
    )


def score_round(elements: Sequence[str], answers: Iterable[Answer]) -> list[ElementResult]:
    """Every element's figures, in the template's order (elements with no answers included)."""
    answers = list(answers)
    return [score_element(element, answers) for element in elements]


def changes(previous: Sequence[ElementResult],
            current: Sequence[ElementResult]) -> Mapping[str, float | None]:
    """Change in each element's mean since the previous round (None where either has no answers)."""
    before = {r.element: r.mean for r in previous}
    return {
        r.element: (None if r.mean is None or before.get(r.element) is None
                    else r.mean - before[r.element])
        for r in current
    }
