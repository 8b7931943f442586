"""A small SVG line chart of a tariff over the years, drawn server-side (no JavaScript)."""
from __future__ import annotations

from html import escape

WIDTH, HEIGHT, MARGIN = 640, 280, 50


def line_chart(series: dict[str, list[tuple[int, float]]], unit: str = "kr.") -> str:
    """series: label -> [(year, value)]; returns an <svg> element."""
    points = [p for values in series.values() for p in values]
    if not points:
        return "<p>Ingen takster fundet / no tariffs found.</p>"
    years = sorted({year for year, _ in points})
    low, high = min(v for _, v in points), max(v for _, v in points)
    low, high = (low * 0.95, high * 1.05) if high > low else (low * 0.9, high * 1.1 or 1.0)

    def x(year: int) -> float:
        span = (years[-1] - years[0]) or 1
        return MARGIN + (year - years[0]) / span * (WIDTH - 2 * MARGIN)

    def y(value: float) -> float:
        return HEIGHT - MARGIN - (value - low) / (high - low) * (HEIGHT - 2 * MARGIN)

    parts = [f'<svg class="tariff-chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
             f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" y2="{HEIGHT - MARGIN}" stroke="#999"/>']
    for year in years:
        parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - MARGIN + 18}" font-size="11" '
                     f'text-anchor="middle">{year}</text>')
    for value in (low, high):
        parts.append(f'<text x="4" y="{y(value):.1f}" font-size="11">{value:,.0f}</text>'.replace(",", "."))
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    for n, (label, values) in enumerate(sorted(series.items())):
        colour = colours[n % len(colours)]
        ordered = sorted(values)
        path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in ordered)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        for yr, v in ordered:
            parts.append(f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                         f'<title>{escape(label)} {yr}: {v:,.0f} {escape(unit)}</title></circle>'.replace(",", "."))
        parts.append(f'<text x="{MARGIN + 6}" y="{16 + 14 * n}" font-size="12" fill="{colour}">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
