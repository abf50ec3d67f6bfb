"""The trend-break evaluation, with numbers worked out by hand in the comments."""

import math

import pytest

from monitoring.trend import (
    FLATTENED,
    NO_GOAL_WAVE,
    NO_STANDARD_ERROR,
    NO_TREND_BREAK,
    NOT_ASSESSABLE,
    TOO_FEW_BASELINE_WAVES,
    TREND_BROKEN,
    Wave,
    evaluate,
    standard_error,
)


def ci(value, se):
    """A wave whose 95 % interval gives exactly this standard error: width 3.92 × se."""
    return {"value": value, "ci_low": value - 1.96 * se, "ci_high": value + 1.96 * se}


def rising_baseline(se=1.0):
    # 40, 44, 48 in 2012, 2016, 2020: exactly one point per year, projected 52 in 2024.
    return [Wave(2012, **ci(40, se)), Wave(2016, **ci(44, se)), Wave(2020, **ci(48, se))]


def test_standard_error_from_the_interval():
    # (52 − 48) / 3.92 = 1.0204…
    assert standard_error(Wave(2024, 50, ci_low=48, ci_high=52)) == pytest.approx(1.020408, 1e-6)


def test_standard_error_from_the_sample_size_with_design_effect():
    # sqrt(0.5 · 0.5 · 1.5 / 600) = sqrt(0.000625) = 0.025 → 2.5 percentage points
    assert standard_error(Wave(2024, 50, sample_size=600)) == pytest.approx(2.5)
    # with deff 1: sqrt(0.25 / 625) = 0.02 → 2.0
    assert standard_error(Wave(2024, 50, sample_size=625), deff=1.0) == pytest.approx(2.0)


def test_standard_error_missing_without_interval_or_sample_size():
    assert standard_error(Wave(2024, 50)) is None


def test_netherlands_18_plus_2022_is_no_trend_break():
    # GGD/RIVM NL 18+: 39 % (2012), 43 % (2016), 46.6 % (2020), 48.6 % (2022). Intervals
    # chosen: 38.82–39.18, 42.82–43.18, 46.44–46.76 and 48.4–48.8 (SE 0.0918, 0.0918,
    # 0.0816, 0.1020). WLS: slope 0.9482/year, projection 2022 = 48.551 %, Var 0.01015;
    # D = 48.6 − 48.551 = +0.049, SE_D = sqrt(0.01015 + 0.01041) = 0.1434,
    # interval −0.232 … +0.330: contains 0 and D > 0 → no trend break.
    waves = [
        Wave(2012, 39.0, 38.82, 39.18),
        Wave(2016, 43.0, 42.82, 43.18),
        Wave(2020, 46.6, 46.44, 46.76),
        Wave(2022, 48.6, 48.4, 48.8),
    ]

    result = evaluate(waves, goal_year=2022)

    assert result.verdict == NO_TREND_BREAK
    assert result.baseline_years == (2012, 2016, 2020)
    assert result.slope == pytest.approx(0.94819, abs=1e-4)
    assert result.projected == pytest.approx(48.55, abs=0.005)
    assert result.difference == pytest.approx(0.049, abs=0.001)
    assert result.difference_ci_low == pytest.approx(-0.232, abs=0.001)
    assert result.difference_ci_high == pytest.approx(0.330, abs=0.001)


def test_netherlands_series_with_sample_sizes_projects_the_same():
    # National samples about 400,000 (2012), 450,146 (2016) and 540,000 (2020), deff 1.5:
    # SE 0.0945, 0.0904, 0.0831 → projection 2022 = 48.553 %.
    waves = [
        Wave(2012, 39.0, sample_size=400_000),
        Wave(2016, 43.0, sample_size=450_146),
        Wave(2020, 46.6, sample_size=540_000),
        Wave(2022, 48.6, sample_size=380_000),
    ]

    result = evaluate(waves, goal_year=2022)

    assert result.projected == pytest.approx(48.553, abs=0.001)
    assert result.verdict == NO_TREND_BREAK


def test_projection_and_its_variance_by_hand():
    # SE 1 everywhere, x = 0, 4, 8: S = 3, Sx = 12, Sxx = 80, Δ = 3·80 − 12² = 96.
    # Projection at x* = 12: 40 + 1·12 = 52; Var = (80 − 2·12·12 + 12²·3) / 96 = 224/96.
    result = evaluate([*rising_baseline(), Wave(2024, **ci(53, 1))])

    assert result.projected == pytest.approx(52)
    assert result.projection_se == pytest.approx(math.sqrt(224 / 96))
    assert result.difference == pytest.approx(1)
    # SE_D = sqrt(224/96 + 1) = 1.8257
    assert result.difference_se == pytest.approx(math.sqrt(224 / 96 + 1))
    assert result.verdict == NO_TREND_BREAK
    # The band ends at the goal year with the projection ± 1.96·sqrt(224/96).
    assert result.band[0][:2] == (2020, pytest.approx(48))
    assert result.band[-1] == (
        2024,
        pytest.approx(52),
        pytest.approx(52 - 1.96 * math.sqrt(224 / 96)),
        pytest.approx(52 + 1.96 * math.sqrt(224 / 96)),
    )


def test_trend_broken_when_the_whole_interval_of_d_is_below_zero():
    # 46 in 2024: D = −6, SE_D = 1.8257, upper end −6 + 1.96·1.8257 = −2.42 < 0.
    result = evaluate([*rising_baseline(), Wave(2024, **ci(46, 1))])

    assert result.verdict == TREND_BROKEN
    assert result.difference_ci_high == pytest.approx(-6 + 1.96 * math.sqrt(224 / 96 + 1))


def test_flattened_when_below_the_trend_and_not_above_the_previous_wave():
    # SE 2: Var = 4·224/96 = 9.333; 47.5 in 2024: D = −4.5, SE_D = sqrt(9.333 + 4) = 3.651,
    # upper end −4.5 + 7.157 = +2.66 (not significant); 47.5 ≤ 48 (2020) → flattened.
    result = evaluate([*rising_baseline(se=2), Wave(2024, **ci(47.5, 2))])

    assert result.difference_ci_high == pytest.approx(-4.5 + 1.96 * math.sqrt(4 * 224 / 96 + 4))
    assert result.verdict == FLATTENED


def test_no_trend_break_when_below_the_trend_but_still_above_the_previous_wave():
    # 50 in 2024: D = −2 (below the trend) but 50 > 48 (2020): still rising → no trend break.
    result = evaluate([*rising_baseline(se=2), Wave(2024, **ci(50, 2))])

    assert result.difference == pytest.approx(-2)
    assert result.verdict == NO_TREND_BREAK


def test_baseline_without_the_corona_year():
    # Baseline 2012 and 2016 only: slope 1, projection 52; S = 2, Sx = 4, Sxx = 16, Δ = 16,
    # Var = (16 − 2·12·4 + 144·2) / 16 = 13. 49 in 2024: D = −3, SE_D = sqrt(14) = 3.742,
    # upper end +4.33; 49 ≤ 60 (2020, the previous wave) → flattened.
    waves = [
        Wave(2012, **ci(40, 1)),
        Wave(2016, **ci(44, 1)),
        Wave(2020, **ci(60, 1)),
        Wave(2024, **ci(49, 1)),
    ]

    result = evaluate(waves, baseline_years=[2012, 2016])

    assert result.baseline_years == (2012, 2016)
    assert result.projected == pytest.approx(52)
    assert result.projection_se == pytest.approx(math.sqrt(13))
    assert result.previous_value == 60
    assert result.verdict == FLATTENED


@pytest.mark.parametrize(
    ("observed", "verdict"),
    [
        (45, NO_TREND_BREAK),  # +1 since 2020: an increase
        (44, FLATTENED),  # no change: no increase, not significant
        (43, FLATTENED),  # −1 ± 1.96·√2 = −3.77 … +1.77
        (40, TREND_BROKEN),  # −4 ± 2.77 = −6.77 … −1.23
    ],
)
def test_falling_baseline_is_judged_on_the_change_since_the_previous_wave(observed, verdict):
    # 46 (2016) → 44 (2020): not rising, so the goal is "no increase" compared with 2020;
    # SE_D = sqrt(1 + 1) = 1.414.
    waves = [Wave(2016, **ci(46, 1)), Wave(2020, **ci(44, 1)), Wave(2024, **ci(observed, 1))]

    result = evaluate(waves)

    assert result.rising is False
    assert result.projected == pytest.approx(44)
    assert result.difference == pytest.approx(observed - 44)
    assert result.difference_se == pytest.approx(math.sqrt(2))
    assert result.verdict == verdict


def test_not_assessable_with_one_baseline_wave():
    result = evaluate([Wave(2020, **ci(44, 1)), Wave(2024, **ci(40, 1))])

    assert (result.verdict, result.reason) == (NOT_ASSESSABLE, TOO_FEW_BASELINE_WAVES)
    assert result.observed == 40


def test_not_assessable_without_a_goal_year_wave():
    result = evaluate(rising_baseline())

    assert (result.verdict, result.reason) == (NOT_ASSESSABLE, NO_GOAL_WAVE)
    assert result.difference is None


def test_not_assessable_without_standard_errors():
    waves = [Wave(2016, 40), Wave(2020, 44), Wave(2024, 40)]

    result = evaluate(waves)

    assert (result.verdict, result.reason) == (NOT_ASSESSABLE, NO_STANDARD_ERROR)


def test_a_single_wave_cannot_be_judged():
    result = evaluate([Wave(2024, **ci(40, 1))])

    assert result.verdict == NOT_ASSESSABLE
