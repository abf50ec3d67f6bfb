"""Simple bar and line charts as SVG, for print (the PDF runs no JavaScript).

The screen draws the same figures with plotly; on paper a plain SVG is sharper and needs
nothing but the markup. Every chart has a ``<title>`` and a ``<desc>`` (read aloud by screen
readers and kept as text in the PDF), a legend that names each series, and a table beside
it with the numbers. A value ``None`` is left out (an unknown value or a count under 5).
"""

import hashlib
import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ["#00558c", "#b35900", "#7a3e9d", "#2f6b2f", "#555555", "#b0325a", "#1f6f78"]
MARKERS = ["circle", "square", "diamond", "triangle"]
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 14, 74


def nice_top(highest: float) -> float:
    """A round top for the value axis: 1, 2, 2.5 or 5 times a power of ten."""
    if highest <= 0:
        return 1
    power = 10 ** math.floor(math.log10(highest))
    for step in (1, 2, 2.5, 5, 10):
        if highest <= step * power:
            return step * power
    return 10 * power


def _number(value: float) -> str:
    return number_format(round(value, 1) if value % 1 else int(value))


def _frame(title: str, description: str, axis_title: str, top: float, labels: list[str]):
    """The opening of the SVG: title, description, grid, value axis and category labels."""
    # The same chart gets the same id in every rendering: the PDF cache hashes the page.
    digest = hashlib.sha256(f"{title}|{description}|{labels}".encode()).hexdigest()[:10]
    key = f"svg-chart-{digest}"
    plot_height = HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="print-chart" viewBox="0 0 {WIDTH} '
        f'{HEIGHT}" role="img" aria-labelledby="{key}-title {key}-desc">',
        f'<title id="{key}-title">{escape(title)}</title>',
        f'<desc id="{key}-desc">{escape(description)}</desc>',
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_height * (1 - i / 4)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#cccccc" stroke-width="0.6"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="10">'
            f"{_number(value)}</text>"
        )
    parts.append(
        f'<text x="12" y="{TOP + plot_height / 2:.1f}" font-size="10" text-anchor="middle" '
        f'transform="rotate(-90 12 {TOP + plot_height / 2:.1f})">{escape(axis_title)}</text>'
    )
    step = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    every = max(1, math.ceil(len(labels) / 12))
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = LEFT + step * (i + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
            f'text-anchor="middle">{escape(str(label)[:14])}</text>'
        )
    return parts, step, plot_height


def _legend(names: list[str], shapes: bool) -> list[str]:
    parts, x, y = [], LEFT, HEIGHT - 22
    for i, name in enumerate(names):
        colour = COLOURS[i % len(COLOURS)]
        if shapes:
            parts.append(_marker(MARKERS[i % len(MARKERS)], x + 5, y - 4, colour))
        else:
            parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}" font-size="10">{escape(name)}</text>')
        x += 24 + 6 * len(name)
        if x > WIDTH - 120:
            x, y = LEFT, y + 14
    return parts


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _highest(series: dict[str, list]) -> float:
    return max((v for values in series.values() for v in values if v is not None), default=0)


def bar_chart(
    labels: list[str], series: dict[str, list], *, title: str, description: str, axis_title: str
) -> SafeString:
    """Grouped bars, one colour per series."""
    top = nice_top(_highest(series))
    parts, step, plot_height = _frame(title, description, axis_title, top, labels)
    width = step * 0.8 / max(len(series), 1)
    for s, values in enumerate(series.values()):
        colour = COLOURS[s % len(COLOURS)]
        for i, value in enumerate(values):
            if not value:
                continue
            height = plot_height * value / top
            x = LEFT + step * (i + 0.1) + width * s
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_height - height:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="{colour}"/>'
            )
    parts += _legend(list(series), shapes=False)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text went through escape)


def line_chart(
    labels: list[str],
    series: dict[str, list],
    *,
    title: str,
    description: str,
    axis_title: str,
    dashed: tuple[str, ...] = (),
) -> SafeString:
    """Lines with a differently shaped marker per series (never colour alone); the series
    named in ``dashed`` (e.g. a trend line) are drawn dashed, without markers."""
    top = nice_top(_highest(series))
    parts, step, plot_height = _frame(title, description, axis_title, top, labels)
    for s, (name, values) in enumerate(series.items()):
        colour = COLOURS[s % len(COLOURS)]
        points = [
            (LEFT + step * (i + 0.5), TOP + plot_height * (1 - value / top))
            for i, value in enumerate(values)
            if value is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash = ' stroke-dasharray="6 4"' if name in dashed else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
            )
        if name not in dashed:
            parts += [_marker(MARKERS[s % len(MARKERS)], x, y, colour) for x, y in points]
    parts += _legend(list(series), shapes=True)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text went through escape)


def from_figure(figure: dict, *, title: str, description: str) -> SafeString:
    """The SVG of one of the own figures' plotly dicts (``monitoring.figures.bars``/``lines``)."""
    traces = figure.get("data", [])
    if not traces:
        return mark_safe("")
    labels = [str(x) for x in traces[0].get("x", [])]
    series = {str(t.get("name", "")): list(t.get("y", [])) for t in traces}
    axis = figure.get("layout", {}).get("yaxis", {}).get("title", {}).get("text", "")
    chart = bar_chart if traces[0].get("type") == "bar" else line_chart
    return chart(labels, series, title=title, description=description, axis_title=axis)
