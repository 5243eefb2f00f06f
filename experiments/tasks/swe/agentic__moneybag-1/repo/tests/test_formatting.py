import pytest

from moneybag import Money, format_money, parse_money


def test_format_basic():
    assert format_money(Money("1234.5", "USD")) == "$1,234.50"


def test_format_large_amount():
    assert format_money(Money("1234567.891", "EUR")) == "€1,234,567.89"


def test_format_small_amount():
    assert format_money(Money("7", "GBP")) == "£7.00"


def test_format_without_decimals():
    assert format_money(Money("1500", "JPY")) == "¥1,500"


def test_format_three_decimals():
    assert format_money(Money("12.5", "BHD")) == "BD 12.500"


def test_format_with_code():
    assert format_money(Money("1234.5", "CHF"), code=True) == "1,234.50 CHF"


def test_format_european_separators():
    text = format_money(Money("1234567.5", "EUR"), thousands_sep=".", decimal_sep=",")
    assert text == "€1.234.567,50"


def test_format_without_symbol_or_grouping():
    assert format_money(Money("1234.5", "USD"), symbol=False, thousands_sep="") == "1234.50"


def test_str_uses_format_money():
    assert str(Money("99.9", "USD")) == "$99.90"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$1,234.50", Money("1234.50", "USD")),
        ("1,234.50 USD", Money("1234.50", "USD")),
        ("-$5.00", Money("-5.00", "USD")),
        ("($5.00)", Money("-5.00", "USD")),
        ("  12  ", Money("12", "USD")),
    ],
)
def test_parse(text, expected):
    assert parse_money(text, "USD") == expected


def test_parse_european_separators():
    assert parse_money("€1.234,50", "EUR", thousands_sep=".", decimal_sep=",") == Money("1234.50", "EUR")


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        parse_money("$12abc", "USD")
