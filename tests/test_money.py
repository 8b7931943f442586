"""The Danish number and money parser (extractor/danish/money.py): every form in DOMAIN.md,
round trips for any number and scale, and the look-alikes that must never be money."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dagsorden.extractor.danish.money import (basis_after, find_money, format_number, header_scale, is_approx,
                                    parse_number, sign_from_context, year_after)


@pytest.mark.parametrize("text,value", [
    ("166.000 kr.", 166000.0),
    ("kr. 1.320.124", 1320124.0),
    ("1,5 mio. kr.", 1500000.0),
    ("1,88 mia. kr.", 1880000000.0),
    ("350 t.kr.", 350000.0),
    ("t.kr. 350", 350000.0),
    ("1.500 DKK", 1500.0),
    ("DKK 1.500", 1500.0),
    ("20 kroner", 20.0),
    ("1 million kr.", 1000000.0),
    ("2 milliarder kr.", 2000000000.0),
    ("-42.000 kr.", -42000.0),
    ("kr. 2.100,-", 2100.0),
    ("304,8 mia. kr.", 304800000000.0),
])
def test_every_form_in_the_domain_notes(text: str, value: float) -> None:
    found = find_money(f"Beløbet er {text} i alt.")
    assert [(m.text, m.value_dkk) for m in found] == [(text.rstrip(",-"), value)]


def test_range_gives_two_amounts_with_the_scale_of_the_second() -> None:
    found = find_money("et beløb i størrelsesordenen ca. fra 0,7 til 1 mio. kr.")
    assert [(m.text, m.value_dkk) for m in found] == [("0,7 til 1 mio. kr.", 700000.0),
                                                       ("1 mio. kr.", 1000000.0)]
    assert [m.value_dkk for m in find_money("2-3 mio. kr.")] == [2000000.0, 3000000.0]


def test_a_year_between_two_sums_is_not_the_start_of_a_range() -> None:
    text = "reduceres med 52 mio. kr. i 2024 og 103 mio. kr. i 2025"
    assert [m.value_dkk for m in find_money(text)] == [52e6, 103e6]


def test_a_year_before_kr_is_not_a_sum() -> None:
    assert [m.text for m in find_money("overskud fra Regnskab 2022 kr. 250.990 er overført")] == ["kr. 250.990"]
    assert find_money("Balance for kommunerne i 2024 Mia. kr., 2024-pl") == []


@pytest.mark.parametrize("text", [
    "2023", "den 21.08.2023", "d. 27-08-2025", "§ 108", "side 4", "4/11", "3,2 pct.", "75 %",
    "tlf. 12 34 56 78", "Sagsnr.: 2023-052085", "EMN-2025-003383", "(1.000 kr.)", "i 1.000 kr.",
    "kl. 13.00-16.00", "Punkt 4", "1,18 %", "CVR 29189846",
])
def test_look_alikes_are_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize("text", ["2023-052085", "21.08.2023", "3,2%", "12 34 56 78", "§ 108", "1.23.456", "abc", ""])
def test_look_alikes_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


SCALES = {"": 1.0, " mio.": 1e6, " mia.": 1e9, " t.": 1e3, " million": 1e6, " milliarder": 1e9}


@given(whole=st.integers(min_value=0, max_value=999_999_999), decimals=st.integers(min_value=0, max_value=2),
       fraction=st.integers(min_value=0, max_value=99), scale=st.sampled_from(sorted(SCALES)),
       prefix=st.booleans(), negative=st.booleans())
def test_any_danish_number_with_any_scale_parses_back(whole: int, decimals: int, fraction: int, scale: str,
                                                      prefix: bool, negative: bool) -> None:
    value = whole + (fraction % (10 ** decimals)) / (10 ** decimals) if decimals else float(whole)
    value = -value if negative and value else value
    printed = format_number(value, decimals)
    assert parse_number(printed) == pytest.approx(value)
    text = f"kr. {printed}{scale}" if prefix and scale in ("", " mio.", " mia.") else f"{printed}{scale} kr."
    found = find_money(f"Der er afsat {text} til formålet.")
    assert len(found) == 1 and found[0].text == text
    assert found[0].value_dkk == pytest.approx(value * SCALES[scale], rel=1e-9)


def test_context_words() -> None:
    assert is_approx("svarende til ca.") and is_approx("et underskud på knap")
    assert not is_approx("svarende til")
    assert sign_from_context("Regnskabet viser et underskud på ca.") == -1
    assert sign_from_context("en samlet besparelse på") == -1
    assert sign_from_context("Budgettet stiger med") == 1
    assert basis_after(" pr. anvendt plads, svarende til") == "pr. anvendt plads"
    assert basis_after(" årligt fra 2025") == "om året"
    assert basis_after(" pr. døgn i forhold til") == "pr. døgn"
    assert basis_after(" til formålet") is None
    assert year_after(" i 2024 og 103 mio. kr.") == 2024 and year_after(" (2022 pl), jf. tabel") == 2022
    assert year_after(" til kommunerne") is None


def test_table_headers_name_currency_and_scale() -> None:
    assert header_scale("i kr.") == 1.0
    assert header_scale("Budget (1.000 kr.)") == 1000.0
    assert header_scale("Beløb i mio. kr.") == 1e6
    assert header_scale("t.kr.") == 1000.0
    assert header_scale("DKK") == 1.0
    assert header_scale("År 2024") is None and header_scale("Antal borgere") is None
