"""The tariff explorer /-/takster: every series (labels normalised across years and documents),
one series per table column variant, a line chart over the years (a table for one year), and a
unit check that keeps a budget out of the rates."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from datasette.app import Datasette

from dagsorden.extractor.archive.steps import refresh_archive
from dagsorden.extractor.pipeline import extract_document
from dagsorden.extractor.site.chart import line_chart
from dagsorden.extractor.store.schema import open_archive
from dagsorden.extractor.store.write import store_extraction
from siteclient import get, make_site, visible_text
from test_tables import make_table_pdf

# Three meetings' tariff tables: a plain year column, the year's old and new rate, and a table that
# puts an annual budget beside the rate (17.898.741 kr. is no price "pr. døgn").
TABLES = {
    "2022-08-22": [["Tilbud", "Takstenhed", "Takst 2022"], ["Kvisten", "Døgn", "4.100"],
                   ["Takstgruppe 2 (8-24 pladser)", "Tilbud", "50.000"]],
    "2023-08-21": [["Tilbud", "Takstenhed", "2023 gammel", "2023 ny"], ["Kvisten", "Døgn", "4.308", "4.114"],
                   ["Takstgruppe 2 (8-24 pladser)", "Tilbud", "51.461", "52.622"]],
    "2024-08-19": [["Tilbud", "Takstenhed", "Budget 2024", "Takst 2024"], ["Kvisten", "Døgn", "17.898.741", "4.400"],
                   ["Takstgruppe 2 (8–24  pladser)", "Tilbud", "52.000", "53.000"]],
}


@pytest.fixture(scope="module")
def tariff_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tariffs")
    db = open_archive(folder / "takster.db")
    for date, rows in TABLES.items():
        widths = [200, 90, 80, 80][:len(rows[0])]
        pdf = make_table_pdf(folder / f"{date}.pdf", [[("text", "Takster for tilbuddene:"),
                                                       ("table", (rows, widths, True))]])
        extraction = extract_document(pdf)
        meeting = extraction.meeting.model_copy(update={"committee": "DAS Social", "date": date})
        store_extraction(db, extraction.model_copy(update={"meeting": meeting}), path=str(pdf))
    refresh_archive(db)  # what `ingest` runs after a batch
    db.close()
    return folder / "takster.db"


@pytest.fixture(scope="module")
def site(tariff_archive: Path) -> Datasette:
    return make_site(tariff_archive)


def series_rows(html: str) -> list[str]:
    return [visible_text(row) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]]


def test_tariff_page_without_a_label_lists_every_series(site: Datasette) -> None:
    response = get(site, "/-/tariff", follow=True)  # the old address leads to the explorer
    assert response.status_code == 200
    rows = series_rows(response.text)
    kvisten = next(row for row in rows if row.startswith("Kvisten") and "gammel" not in row
                   and "ny" not in row.split() and "budget" not in row)
    assert "2022" in kvisten and "2024" in kvisten and "4.400" in kvisten and "+7,3 %" in kvisten


def test_labels_are_normalised_across_documents(site: Datasette) -> None:
    rows = [row for row in series_rows(get(site, "/-/takster").text) if row.startswith("Takstgruppe 2")]
    plain = [row for row in rows if not re.search(r"gammel|\bny\b|budget", row)]
    assert len(plain) == 1 and "2022" in plain[0] and "53.000" in plain[0]


def test_old_label_links_open_the_matching_series(site: Datasette) -> None:
    response = get(site, "/-/tariff?label=Kvisten", follow=True)
    assert response.status_code == 200
    rows = series_rows(response.text)
    assert rows and all(row.startswith("Kvisten") for row in rows)


def test_a_series_over_the_years_is_a_line_chart_with_page_links(site: Datasette) -> None:
    html = get(site, "/-/takster/kvisten").text
    chart = re.search(r"<svg[^>]*class=\"tariff-chart\".*?</svg>", html, re.S).group(0)
    points = re.search(r'<polyline[^>]*points="([^"]+)"', chart).group(1).split()
    assert len(points) == 2
    xs = [float(p.split(",")[0]) for p in points]
    assert xs[0] < xs[1]  # two years, two places on the axis, not one vertical line
    assert ">2022<" in chart and ">2024<" in chart
    assert re.search(r'href="/-/preview/[0-9a-f]{64}/1\.png\?bbox=[\d.,]+"', html)
    assert re.search(r'href="/-/pdf/[0-9a-f]{64}#page=1"', html)


def test_a_single_year_is_a_table_not_a_chart(site: Datasette) -> None:
    html = get(site, "/-/takster/kvisten--gammel").text
    assert "<svg" not in html
    assert "4.308" in visible_text(html) and "2023" in visible_text(html)


def test_the_column_variant_is_kept(site: Datasette) -> None:
    main = visible_text(get(site, "/-/takster/kvisten").text)
    assert "4.308" not in main and "4.114" not in main  # the old and new 2023 rates are not two values of one year
    for variant, value in (("gammel", "4.308"), ("ny", "4.114")):
        page = get(site, f"/-/takster/kvisten--{variant}").text
        assert value in visible_text(page) and f"2023 {variant}" in visible_text(page)
    assert 'href="/-/takster/kvisten--ny"' in get(site, "/-/takster/kvisten").text


def test_a_budget_is_flagged_not_shown_as_a_rate_per_day(site: Datasette) -> None:
    html = get(site, "/-/takster/kvisten--budget").text
    text = visible_text(html)
    assert "17.898.741" in text
    flagged = re.search(r'<tr class="implausible">(.*?)</tr>', html, re.S)
    assert flagged and "17.898.741" in visible_text(flagged.group(1))
    assert "ikke en takst pr. døgn" in visible_text(flagged.group(1))
    listing = next(row for row in series_rows(get(site, "/-/takster?q=Kvisten").text) if "budget" in row)
    assert "17.898.741" not in listing


def test_tariffs_of_the_classic_corpus_collapse_agenda_and_minutes(classic_archive: Path) -> None:
    html = get(make_site(classic_archive), "/-/takster/takstgruppe-2-8-24-pladser").text
    table = html.split("<table", 1)[1]
    text = visible_text(table)
    assert text.count("51.461") == 1 and text.count("52.622") == 1
    assert "<svg" in html


def test_an_unchanged_rate_is_still_a_line_on_round_ticks() -> None:
    svg = line_chart([(2022, 4400.0), (2024, 4400.0)], "Kvisten", str)
    ys = {point.split(",")[1] for point in re.search(r'points="([^"]+)"', svg).group(1).split()}
    assert len(ys) == 1  # one level, drawn between the axis ticks
    assert re.findall(r">(\d+(?:\.\d+)?)</text>", svg)[:2] == ["4000", "4500"]
