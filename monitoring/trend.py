"""The trend-break evaluation: pure statistics, no Django and no database.

Per series (one area, target group, age band, indicator and instrument) the waves before the
goal year form the baseline. A weighted least-squares line (weights 1/SE²) through them is
projected to the goal year; the goal-year figure is compared with that projection:
``D = observed − projected`` with ``SE_D = sqrt(Var(projection) + SE_goal²)``.

Verdicts, checked in this order:

- ``not_assessable``: fewer than 2 baseline waves, no goal-year wave, or a wave without a
  standard error (no interval and no sample size);
- ``trend_broken``: the upper end of ``D ± 1.96·SE_D`` lies below 0;
- ``flattened``: D < 0 and the goal-year figure is not above the previous wave;
- ``no_trend_break``: every other case.

Where the baseline line does not rise (slope ≤ 0) there is no rising trend to break: the
goal is then "no increase", and D is the change since the previous wave (the projection is
the previous wave's figure, SE_D combines both waves' standard errors).

All values are percentages (0–100); standard errors are in percentage points.
"""

import math
from dataclasses import dataclass, field

Z95 = 1.96
DEFAULT_DEFF = 1.5
DEFAULT_GOAL_YEAR = 2024

NOT_ASSESSABLE = "not_assessable"
TREND_BROKEN = "trend_broken"
FLATTENED = "flattened"
NO_TREND_BREAK = "no_trend_break"
VERDICTS = (NOT_ASSESSABLE, TREND_BROKEN, FLATTENED, NO_TREND_BREAK)

# Why a series cannot be judged.
TOO_FEW_BASELINE_WAVES = "too_few_baseline_waves"
NO_GOAL_WAVE = "no_goal_wave"
NO_STANDARD_ERROR = "no_standard_error"


@dataclass(frozen=True)
class Wave:
    year: int
    value: float
    ci_low: float | None = None
    ci_high: float | None = None
    sample_size: int | None = None


@dataclass(frozen=True)
class Evaluation:
    verdict: str
    goal_year: int
    baseline_years: tuple[int, ...]
    reason: str = ""
    observed: float | None = None
    projected: float | None = None
    projection_se: float | None = None
    difference: float | None = None
    difference_se: float | None = None
    slope: float | None = None
    intercept: float | None = None
    rising: bool | None = None
    previous_year: int | None = None
    previous_value: float | None = None
    # The fitted line, as (year, value) at the first baseline year and at the goal year.
    line: tuple[tuple[int, float], ...] = field(default=())
    # The projection with its 95 % band, (year, value, low, high), from the last baseline
    # wave to the goal year.
    band: tuple[tuple[int, float, float, float], ...] = field(default=())

    @property
    def difference_ci_low(self) -> float | None:
        if self.difference is None or self.difference_se is None:
            return None
        return self.difference - Z95 * self.difference_se

    @property
    def difference_ci_high(self) -> float | None:
        if self.difference is None or self.difference_se is None:
            return None
        return self.difference + Z95 * self.difference_se

    @property
    def projection_ci(self) -> tuple[float, float] | None:
        if self.projected is None or self.projection_se is None:
            return None
        return (
            self.projected - Z95 * self.projection_se,
            self.projected + Z95 * self.projection_se,
        )


def standard_error(wave: Wave, *, deff: float = DEFAULT_DEFF) -> float | None:
    """SE in percentage points: from the 95 % interval, else from the sample size, else None."""
    if wave.ci_low is not None and wave.ci_high is not None and wave.ci_high > wave.ci_low:
        return (wave.ci_high - wave.ci_low) / (2 * Z95)
    if wave.sample_size:
        p = wave.value / 100
        return math.sqrt(p * (1 - p) * deff / wave.sample_size) * 100
    return None


@dataclass(frozen=True)
class Line:
    intercept: float  # at x = 0, i.e. at year t0
    slope: float  # per year
    t0: int
    s: float
    sx: float
    sxx: float
    delta: float

    def at(self, year: float) -> float:
        return self.intercept + self.slope * (year - self.t0)

    def variance_at(self, year: float) -> float:
        x = year - self.t0
        return (self.sxx - 2 * x * self.sx + x * x * self.s) / self.delta


def weighted_line(points: list[tuple[int, float, float]]) -> Line:
    """Weighted least squares through (year, value, se) with weights 1/se², x = year − t0."""
    t0 = points[0][0]
    s = sx = sxx = sy = sxy = 0.0
    for year, value, se in points:
        w = 1 / (se * se)
        x = year - t0
        s += w
        sx += w * x
        sxx += w * x * x
        sy += w * value
        sxy += w * x * value
    delta = s * sxx - sx * sx
    return Line(
        intercept=(sxx * sy - sx * sxy) / delta,
        slope=(s * sxy - sx * sy) / delta,
        t0=t0,
        s=s,
        sx=sx,
        sxx=sxx,
        delta=delta,
    )


def evaluate(
    waves: list[Wave],
    *,
    goal_year: int = DEFAULT_GOAL_YEAR,
    baseline_years: list[int] | None = None,
    deff: float = DEFAULT_DEFF,
) -> Evaluation:
    """The verdict on one series. ``baseline_years`` limits the baseline (e.g. without 2020)."""
    by_year = {wave.year: wave for wave in waves}
    baseline = sorted((w for w in waves if w.year < goal_year), key=lambda w: w.year)
    if baseline_years is not None:
        baseline = [w for w in baseline if w.year in set(baseline_years)]
    years = tuple(w.year for w in baseline)
    goal = by_year.get(goal_year)
    earlier = sorted(year for year in by_year if year < goal_year)
    previous = by_year[earlier[-1]] if earlier else None
    context = {
        "goal_year": goal_year,
        "baseline_years": years,
        "observed": goal.value if goal else None,
        "previous_year": previous.year if previous else None,
        "previous_value": previous.value if previous else None,
    }
    if len(baseline) < 2:
        return Evaluation(verdict=NOT_ASSESSABLE, reason=TOO_FEW_BASELINE_WAVES, **context)
    if goal is None:
        return Evaluation(verdict=NOT_ASSESSABLE, reason=NO_GOAL_WAVE, **context)
    errors = [standard_error(w, deff=deff) for w in [*baseline, goal, previous]]
    if any(se is None or se <= 0 for se in errors):
        return Evaluation(verdict=NOT_ASSESSABLE, reason=NO_STANDARD_ERROR, **context)
    goal_se, previous_se = errors[-2], errors[-1]

    line = weighted_line([(w.year, w.value, se) for w, se in zip(baseline, errors, strict=False)])
    rising = line.slope > 0
    if rising:
        projected = line.at(goal_year)
        projection_se = math.sqrt(line.variance_at(goal_year))
    else:
        projected = previous.value
        projection_se = previous_se
    difference = goal.value - projected
    difference_se = math.sqrt(projection_se**2 + goal_se**2)
    if difference + Z95 * difference_se < 0:
        verdict = TREND_BROKEN
    elif difference < 0 and goal.value <= previous.value or not rising and difference <= 0:
        verdict = FLATTENED
    else:
        verdict = NO_TREND_BREAK
    return Evaluation(
        verdict=verdict,
        projected=projected,
        projection_se=projection_se,
        difference=difference,
        difference_se=difference_se,
        slope=line.slope,
        intercept=line.at(line.t0),
        rising=rising,
        line=((line.t0, line.at(line.t0)), (goal_year, line.at(goal_year))),
        band=projection_band(line, years[-1], goal_year) if rising else (),
        **context,
    )


def projection_band(line: Line, start: int, goal_year: int) -> tuple:
    """(year, projected, low, high) for each year from ``start`` to the goal year."""
    points = []
    for year in range(start, goal_year + 1):
        value, se = line.at(year), math.sqrt(line.variance_at(year))
        points.append((year, value, value - Z95 * se, value + Z95 * se))
    return tuple(points)
