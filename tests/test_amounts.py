"""Money, percentages and dates parsed into numbers, ISO currencies and ISO dates."""

import pytest

from extractors.amounts import find_quantities, parse_amount, parse_percent


@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("14.3 مليار دولار", 14.3e9, "USD"),
        ("99 مليون دولار", 99e6, "USD"),
        ("نحو 15 مليار دولار", 15e9, "USD"),
        ("2.5 مليار يورو", 2.5e9, "EUR"),
        ("305 ملايين جنيه إسترليني", 305e6, "GBP"),
        ("١٤٫٣ مليار دولار", 14.3e9, "USD"),
        ("ثلاثة مليارات دولار", 3e9, "USD"),
        ("ملياري دولار", 2e9, "USD"),
        ("مقابل مليار دولار", 1e9, "USD"),
        ("بـ11 مليار درهم", 11e9, "AED"),
        ("بقيمة 500 ألف ريال", 500e3, "SAR"),
        ("$14.3 billion", 14.3e9, "USD"),
        ("1,200 مليون دولار", 1.2e9, "USD"),
    ],
)
def test_amounts(text, value, currency):
    got = parse_amount(text)
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1] == currency


@pytest.mark.parametrize("text, value", [("49٪", 49.0), ("44.29 بالمئة", 44.29), ("9.97%", 9.97), ("٣٫٥ في المئة", 3.5)])
def test_percentages(text, value):
    assert parse_percent(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text, iso",
    [("في 26 مارس 2019", "2019-03-26"), ("في سبتمبر 2023", "2023-09"), ("في 2016", "2016"), ("28 يونيو حزيران 2020", "2020-06-28")],
)
def test_dates(text, iso):
    assert [q.iso for q in find_quantities(text) if q.kind == "date"] == [iso]


def test_day_and_month_take_the_article_year():
    assert [q.iso for q in find_quantities("في 28 يوليو الماضي", default_year=2019) if q.kind == "date"] == ["2019-07-28"]


def test_valuation_and_share_price_are_marked():
    quantities = {q.value: q.context for q in find_quantities("بتقييم 230 مليار دولار، ودفعت 123.4 ريال للسهم")}
    assert quantities == {230e9: "valuation", 123.4: "per_share"}


def test_approximate_amounts_are_flagged():
    (q,) = find_quantities("استثمار يقترب من 15 مليار دولار")
    assert q.approximate


@pytest.mark.parametrize("text", ["200 موظف", "عام 2025", "المرتبة الثالثة", ""])
def test_numbers_without_currency_are_not_money(text):
    assert parse_amount(text) is None


def test_combined_assets_are_not_a_deals_price():
    quantities = {q.value: q.context for q in find_quantities(
        "للاندماج في كيان واحد تتجاوز أصوله المجمعة 62 مليار درهم، في صفقة تقدر قيمتها الإجمالية بنحو 12.5 مليار درهم")}
    assert quantities == {62e9: "assets", 12.5e9: None}


def test_an_estimate_of_a_valuation_is_a_valuation():
    (q,) = find_quantities("لم تكشف الشركة عن تقييمها بعد الجولة، وإن قدّرته مصادر مطلعة على المفاوضات بنحو 700 مليون دولار")
    assert q.context == "valuation"
