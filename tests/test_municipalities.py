"""Which municipality held a meeting (the search page's municipality facet): from what the
documents print in their headers and letterheads, or from how the files are filed."""
from __future__ import annotations

import pytest

from dagsorden.extractor.archive.municipalities import filed_municipality, meeting_municipality, printed_municipality


@pytest.mark.parametrize("header, municipality", [
    ("Nordby Kommune - Social- og Sundhedsudvalget - Referat", "Nordby Kommune"),  # not in the gazetteer
    ("Referat Aalborg Kommune", "Aalborg Kommune"),
    ("Lyngby-Taarbæk Kommune Integrationsrådet", "Lyngby-Taarbæk Kommune"),
    ("Bornholms Regionskommune, Kommunalbestyrelsen", "Bornholms Regionskommune"),
    ("Mødet den 21.08.2023 DAS Social", None),
    ("Aalborg Kommunes forslag til takster", None),  # a genitive in running text names no authority
])
def test_printed_municipality(header: str, municipality: str | None) -> None:
    assert printed_municipality(header) == municipality


@pytest.mark.parametrize("path, municipality", [
    ("/arkiv/koebenhavn/2018/referat.pdf", "Københavns Kommune"),
    ("/import/bornholm_kommunalbestyrelsen_2021-03-25_dagsorden.pdf", "Bornholms Regionskommune"),
    ("/import/lyngby-taarbaek_integrationsraadet_2015-11-12_referat.pdf", "Lyngby-Taarbæk Kommune"),
    ("/import/das/2023/dagsorden.pdf", None),
])
def test_filed_municipality(path: str, municipality: str | None) -> None:
    assert filed_municipality(path) == municipality


def test_the_print_wins_over_the_folder() -> None:
    assert meeting_municipality(["Thisted Kommune - Byrådet"], [], ["/arkiv/aalborg/x.pdf"]) == "Thisted Kommune"
    assert meeting_municipality(["DAS Social"], ["Dagsorden\nDAS Social"], ["/arkiv/aalborg/x.pdf"]) == "Aalborg Kommune"
