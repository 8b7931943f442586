"""A small SVG line chart of one tariff series over the years, drawn server-side (no JavaScript).

One series per chart, so there is no legend to overflow; years are spaced by their distance on
the axis; the caller shows a table instead when there are fewer than two years.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 20, 40
TICKS = 4


def nice_ticks(low: float, high: float) -> list[float]:
    """Round values (1, 2 or 5 times a power of ten apart) that span low..high."""
    raw = (high - low) / TICKS or abs(high) / 10 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    count = max(int(math.ceil((high - first) / step)), 1)  # a flat series still gets an axis
    return [first + n * step for n in range(count + 1)]


def line_chart(points: list[tuple[int, float]], title: str, number: Callable[[float], str]) -> str:
    """points: [(year, value)] of at least two years; returns an <svg> element."""
    points = sorted(points)
    years = [year for year, _ in points]
    values = [value for _, value in points]
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]

    def x(year: int) -> float:
        return LEFT + (year - years[0]) / ((years[-1] - years[0]) or 1) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - (value - low) / (high - low) * (HEIGHT - TOP - BOTTOM)

    parts = [f'<svg class="tariff-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title">',
             f'<title id="chart-title">{escape(title)}</title>']
    for value in ticks:
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y(value):.1f}" x2="{WIDTH - RIGHT}" y2="{y(value):.1f}"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(number(value))}</text>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}"/>')
    for year in range(years[0], years[-1] + 1):
        if year in years or years[-1] - years[0] <= 12:
            parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">{year}</text>')
    path = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    parts.append(f'<polyline class="series" points="{path}"/>')
    for year, value in points:
        parts.append(f'<circle class="point" cx="{x(year):.1f}" cy="{y(value):.1f}" r="4">'
                     f'<title>{year}: {escape(number(value))} kr.</title></circle>')
    parts.append("</svg>")
    return "".join(parts)
