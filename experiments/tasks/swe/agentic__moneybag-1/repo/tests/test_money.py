from decimal import Decimal

import pytest

from moneybag import CurrencyMismatchError, Money, UnknownCurrencyError, get_currency


def test_amount_is_rounded_to_minor_unit():
    assert Money("1.005", "USD").amount == Decimal("1.01")
    assert Money("2.5", "JPY").amount == Decimal("3")
    assert Money("0.0005", "BHD").amount == Decimal("0.001")


def test_float_amounts_are_rejected():
    with pytest.raises(TypeError):
        Money(0.1, "USD")


def test_invalid_amount():
    with pytest.raises(ValueError):
        Money("twelve", "USD")


def test_unknown_currency():
    with pytest.raises(UnknownCurrencyError):
        Money("1", "XXX")


def test_currency_lookup_is_case_insensitive():
    assert get_currency("eur").code == "EUR"


def test_minor_units_roundtrip():
    assert Money("12.34", "USD").minor_units == 1234
    assert Money.from_minor(1234, "USD") == Money("12.34", "USD")
    assert Money.from_minor(-7, "BHD").amount == Decimal("-0.007")
    assert Money.from_minor(500, "JPY").amount == Decimal("500")


def test_addition_and_subtraction():
    assert Money("1.10", "USD") + Money("2.20", "USD") == Money("3.30", "USD")
    assert Money("1.10", "USD") - Money("2.20", "USD") == Money("-1.10", "USD")


def test_sum_of_amounts():
    total = sum([Money("1.00", "EUR"), Money("2.50", "EUR"), Money("0.25", "EUR")])
    assert total == Money("3.75", "EUR")


def test_currency_mismatch():
    with pytest.raises(CurrencyMismatchError):
        Money("1", "USD") + Money("1", "EUR")


def test_multiplication_rounds_half_up():
    assert Money("0.15", "USD") * Decimal("0.5") == Money("0.08", "USD")
    assert 3 * Money("1.25", "GBP") == Money("3.75", "GBP")


def test_ordering():
    assert Money("1.00", "USD") < Money("1.01", "USD")
    assert max(Money("5", "JPY"), Money("7", "JPY")) == Money("7", "JPY")


def test_split_even_amount():
    parts = Money("9.00", "USD").split(3)
    assert parts == [Money("3.00", "USD")] * 3


def test_split_keeps_the_total():
    parts = Money("10.00", "USD").split(3)
    assert len(parts) == 3
    assert sum(parts) == Money("10.00", "USD")


def test_split_rejects_bad_counts():
    with pytest.raises(ValueError):
        Money("1.00", "USD").split(0)


def test_allocate_by_ratio():
    parts = Money("100.00", "EUR").allocate([70, 30])
    assert parts == [Money("70.00", "EUR"), Money("30.00", "EUR")]


def test_allocate_hands_out_leftover_cents_first():
    parts = Money("0.05", "USD").allocate([3, 7])
    assert parts == [Money("0.02", "USD"), Money("0.03", "USD")]


@pytest.mark.parametrize("ratios", [[], [1, -1], [0, 0]])
def test_allocate_rejects_bad_ratios(ratios):
    with pytest.raises(ValueError):
        Money("1.00", "USD").allocate(ratios)
