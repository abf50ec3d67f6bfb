"""The figures are plain dicts; plotly must accept each one as it is and give it back
unchanged, so a misspelt attribute or a wrong value fails here (plotly validates)."""

import json
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from monitoring import figures


def through_plotly(figure: dict) -> dict:
    """What plotly makes of the dict: it raises on an attribute or value it does not know."""
    return json.loads(go.Figure(figure).to_json())


def measurement(year, value, interval=True):
    return SimpleNamespace(
        year=year,
        value=value,
        ci_low=value - 1.5 if interval else None,
        ci_high=value + 2.0 if interval else None,
        has_interval=interval,
    )


def series(name, *values):
    measurements = [measurement(2012 + 4 * i, v, interval=i % 2 == 0) for i, v in enumerate(values)]
    return SimpleNamespace(
        measurements=measurements, first=SimpleNamespace(area=SimpleNamespace(name=name))
    )


EVALUATION = SimpleNamespace(
    band=[(2020, 44.0, 41.0, 47.0), (2022, 45.0, 41.5, 48.5), (2024, 46.0, 42.0, 50.0)],
    baseline_years=[2012, 2016, 2020],
    slope=0.5,
)

FIGURES = {
    "sparkline": lambda: figures.sparkline(series("Leidschendam-Voorburg", 40, 42.5, 44)),
    "trend": lambda: figures.trend_figure(
        series("Leidschendam-Voorburg", 40, 42.5, 44, 43),
        EVALUATION,
        [series("Haaglanden", 41, 43, 45), series("Nederland", 43, 44, 46)],
        axis_title="Eenzaam (%)",
    ),
    "trend without a band": lambda: figures.trend_figure(
        series("Leidschendam-Voorburg", 40),
        SimpleNamespace(band=[], baseline_years=[], slope=None),
        [],
        axis_title="Eenzaam (%)",
    ),
    "bars": lambda: figures.bars(
        ["jan", "feb", "mrt"], {"Ouderen": [3, 0, 5], "Jongeren": [1, 2, 0]}, axis_title="n"
    ),
    "lines": lambda: figures.lines(
        ["2025", "2026"], {f"reeks {i}": [i, i + 1] for i in range(8)}, axis_title="n"
    ),
}


@pytest.mark.parametrize("name", FIGURES)
def test_plotly_accepts_each_figure_unchanged(name):
    figure = FIGURES[name]()

    assert through_plotly(figure) == figure


def test_plotly_refuses_a_misspelt_attribute():
    """The check above can fail: plotly refuses what it does not know."""
    figure = figures.bars(["jan"], {"Ouderen": [3]}, axis_title="n")
    figure["data"][0]["colour"] = "#00558c"

    with pytest.raises(ValueError, match="colour"):
        through_plotly(figure)


def test_lines_never_tell_series_apart_by_colour_alone():
    figure = FIGURES["lines"]()
    shapes = [trace["marker"]["symbol"] for trace in figure["data"][:3]]

    assert len(set(shapes)) == 3
