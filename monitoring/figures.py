"""Plotly figures for the dashboard: series in, a JSON-ready dict out.

The page embeds the dict with ``json_script`` and ``static/monitoring/charts.js`` draws it
with plotly.js from our own static files. The dicts are written out as plotly.js reads them:
building them through ``plotly.graph_objects`` validated every attribute on every request
(20 ms a figure, most of the own-figures page). ``tests/monitoring/test_figures.py`` feeds
each one through ``plotly.graph_objects.Figure`` and checks that plotly accepts it and
gives back exactly this dict, so a wrong attribute name still fails, in the tests.
"""

from django.utils.translation import gettext as _

from monitoring.series import Series
from monitoring.trend import Evaluation

BRAND = "#00558c"
PROJECTION = "#6b3e00"
REFERENCE_COLOURS = ["#555555", "#7a3e9d", "#2f6b2f"]
REFERENCE_SYMBOLS = ["square", "diamond", "triangle-up"]
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 15}
OWN_COLOURS = ["#00558c", "#6b3e00", "#7a3e9d", "#2f6b2f", "#555555", "#b0325a", "#1f6f78"]


def _no_template() -> dict:
    """plotly's "none" template, as plotly writes it into a figure."""
    return {"data": {"scatter": [{"type": "scatter"}]}}


def _figure(traces: list[dict], **layout) -> dict:
    return {"data": traces, "layout": {"template": _no_template(), **layout}}


def _scatter(x, y, **attributes) -> dict:
    return {"type": "scatter", "x": list(x), "y": list(y), **attributes}


def sparkline(series: Series) -> dict:
    """A small line of the series' waves, without axes: the table beside it has the numbers."""
    return _figure(
        [
            _scatter(
                [m.year for m in series.measurements],
                [m.value for m in series.measurements],
                mode="lines+markers",
                line={"color": BRAND, "width": 2},
                marker={"size": 6},
                hoverinfo="skip",
            )
        ],
        showlegend=False,
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=70,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )


def trend_figure(
    series: Series, evaluation: Evaluation, references: list[Series], *, axis_title: str
) -> dict:
    """Waves with interval bars, the baseline line, the dashed projection with its 95 % band,
    and reference series (region, the Netherlands)."""
    traces = []
    if evaluation.band:
        years = [point[0] for point in evaluation.band]
        first_year = evaluation.baseline_years[0]
        last_year = evaluation.baseline_years[-1]
        traces += [
            _scatter(
                years + years[::-1],
                [p[3] for p in evaluation.band] + [p[2] for p in evaluation.band][::-1],
                fill="toself",
                mode="lines",
                fillcolor="rgba(107, 62, 0, 0.15)",
                line={"width": 0},
                name=_("95% band of the expected value"),
                hoverinfo="skip",
            ),
            _scatter(
                [first_year, last_year],
                [
                    evaluation.band[0][1] - evaluation.slope * (last_year - first_year),
                    evaluation.band[0][1],
                ],
                mode="lines",
                line={"color": PROJECTION, "width": 2},
                name=_("Trend of the earlier waves"),
            ),
            _scatter(
                years,
                [p[1] for p in evaluation.band],
                mode="lines",
                line={"color": PROJECTION, "width": 2, "dash": "dash"},
                name=_("Expected if the trend continued"),
            ),
        ]
    for index, reference in enumerate(references):
        colour = REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)]
        traces.append(
            _scatter(
                [m.year for m in reference.measurements],
                [m.value for m in reference.measurements],
                mode="lines+markers",
                line={"color": colour, "width": 1.5, "dash": "dot"},
                marker={"symbol": REFERENCE_SYMBOLS[index % len(REFERENCE_SYMBOLS)], "size": 8},
                name=reference.first.area.name,
            )
        )
    traces.append(
        _scatter(
            [m.year for m in series.measurements],
            [m.value for m in series.measurements],
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
    return _figure(
        traces,
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


def _own_figure(traces: list[dict], axis_title: str) -> dict:
    return _figure(
        traces,
        font=FONT,
        height=380,
        margin={"l": 60, "r": 20, "t": 20, "b": 90},
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": {"text": axis_title}, "gridcolor": "#e5e5e5", "rangemode": "tozero"},
        separators=",.",
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
    )


def bars(x: list[str], series: dict[str, list], *, axis_title: str) -> dict:
    """Grouped bars, one colour per series (the table beside it has the numbers)."""
    traces = [
        {
            "type": "bar",
            "x": list(x),
            "y": list(values),
            "name": name,
            "marker": {"color": OWN_COLOURS[i % len(OWN_COLOURS)]},
        }
        for i, (name, values) in enumerate(series.items())
    ]
    return _own_figure(traces, axis_title)


def lines(x: list[str], series: dict[str, list], *, axis_title: str) -> dict:
    """Lines with markers of a different shape per series (never colour alone)."""
    traces = [
        _scatter(
            x,
            values,
            name=name,
            mode="lines+markers",
            line={"color": OWN_COLOURS[i % len(OWN_COLOURS)]},
            marker={"symbol": REFERENCE_SYMBOLS[i % len(REFERENCE_SYMBOLS)], "size": 9},
        )
        for i, (name, values) in enumerate(series.items())
    ]
    return _own_figure(traces, axis_title)
