"""Plotly figures for the dashboard: series in, a JSON-ready dict out.

The page embeds the dict with ``json_script`` and ``static/monitoring/charts.js`` draws it
with plotly.js from our own static files.
"""

import json

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from monitoring.series import Series
from monitoring.trend import Evaluation

BRAND = "#00558c"
PROJECTION = "#6b3e00"
REFERENCE_COLOURS = ["#555555", "#7a3e9d", "#2f6b2f"]
REFERENCE_SYMBOLS = ["square", "diamond", "triangle-up"]
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 15}


def as_dict(figure: go.Figure) -> dict:
    return json.loads(figure.to_json())


def sparkline(series: Series) -> dict:
    """A small line of the series' waves, without axes: the table beside it has the numbers."""
    figure = go.Figure(
        go.Scatter(
            x=[m.year for m in series.measurements],
            y=[m.value for m in series.measurements],
            mode="lines+markers",
            line={"color": BRAND, "width": 2},
            marker={"size": 6},
            hoverinfo="skip",
        )
    )
    figure.update_layout(
        template="none",
        showlegend=False,
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=70,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return as_dict(figure)


def trend_figure(
    series: Series, evaluation: Evaluation, references: list[Series], *, axis_title: str
) -> dict:
    """Waves with interval bars, the baseline line, the dashed projection with its 95 % band,
    and reference series (region, the Netherlands)."""
    figure = go.Figure()
    if evaluation.band:
        years = [point[0] for point in evaluation.band]
        figure.add_trace(
            go.Scatter(
                x=years + years[::-1],
                y=[p[3] for p in evaluation.band] + [p[2] for p in evaluation.band][::-1],
                fill="toself",
                mode="lines",
                fillcolor="rgba(107, 62, 0, 0.15)",
                line={"width": 0},
                name=_("95% band of the expected value"),
                hoverinfo="skip",
            )
        )
        first_year = evaluation.baseline_years[0]
        last_year = evaluation.baseline_years[-1]
        figure.add_trace(
            go.Scatter(
                x=[first_year, last_year],
                y=[
                    evaluation.band[0][1] - evaluation.slope * (last_year - first_year),
                    evaluation.band[0][1],
                ],
                mode="lines",
                line={"color": PROJECTION, "width": 2},
                name=_("Trend of the earlier waves"),
            )
        )
        figure.add_trace(
            go.Scatter(
                x=years,
                y=[p[1] for p in evaluation.band],
                mode="lines",
                line={"color": PROJECTION, "width": 2, "dash": "dash"},
                name=_("Expected if the trend continued"),
            )
        )
    for index, reference in enumerate(references):
        colour = REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)]
        figure.add_trace(
            go.Scatter(
                x=[m.year for m in reference.measurements],
                y=[m.value for m in reference.measurements],
                mode="lines+markers",
                line={"color": colour, "width": 1.5, "dash": "dot"},
                marker={"symbol": REFERENCE_SYMBOLS[index % len(REFERENCE_SYMBOLS)], "size": 8},
                name=reference.first.area.name,
            )
        )
    figure.add_trace(
        go.Scatter(
            x=[m.year for m in series.measurements],
            y=[m.value for m in series.measurements],
            mode="markers",
            marker={"color": BRAND, "size": 11},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [
                    (m.ci_high - m.value) if m.has_interval else 0 for m in series.measurements
                ],
                "arrayminus": [
                    (m.value - m.ci_low) if m.has_interval else 0 for m in series.measurements
                ],
                "color": BRAND,
                "thickness": 2,
                "width": 6,
            },
            name=series.first.area.name,
        )
    )
    figure.update_layout(
        template="none",
        font=FONT,
        height=420,
        margin={"l": 60, "r": 20, "t": 20, "b": 90},
        legend={"orientation": "h", "y": -0.2},
        xaxis={"title": {"text": _("Year")}, "dtick": 2, "gridcolor": "#e5e5e5"},
        yaxis={"title": {"text": axis_title}, "ticksuffix": " %", "gridcolor": "#e5e5e5"},
        separators=",.",
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return as_dict(figure)


OWN_COLOURS = ["#00558c", "#6b3e00", "#7a3e9d", "#2f6b2f", "#555555", "#b0325a", "#1f6f78"]


def _own_layout(figure: go.Figure, axis_title: str) -> dict:
    figure.update_layout(
        template="none",
        font=FONT,
        height=380,
        margin={"l": 60, "r": 20, "t": 20, "b": 90},
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": {"text": axis_title}, "gridcolor": "#e5e5e5", "rangemode": "tozero"},
        separators=",.",
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )
    return as_dict(figure)


def bars(x: list[str], series: dict[str, list], *, axis_title: str) -> dict:
    """Grouped bars, one colour per series (the table beside it has the numbers)."""
    figure = go.Figure(
        [
            go.Bar(x=x, y=values, name=name, marker={"color": OWN_COLOURS[i % len(OWN_COLOURS)]})
            for i, (name, values) in enumerate(series.items())
        ]
    )
    return _own_layout(figure, axis_title)


def lines(x: list[str], series: dict[str, list], *, axis_title: str) -> dict:
    """Lines with markers of a different shape per series (never colour alone)."""
    figure = go.Figure(
        [
            go.Scatter(
                x=x,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": OWN_COLOURS[i % len(OWN_COLOURS)]},
                marker={"symbol": REFERENCE_SYMBOLS[i % len(REFERENCE_SYMBOLS)], "size": 9},
            )
            for i, (name, values) in enumerate(series.items())
        ]
    )
    return _own_layout(figure, axis_title)
