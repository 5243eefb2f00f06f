"""moneybag: decimal money amounts, formatting and lossless splitting."""
from .currency import Currency, UnknownCurrencyError, get_currency, register
from .money import CurrencyMismatchError, Money
from .formatting import format_money, parse_money

__all__ = [
    "Currency",
    "CurrencyMismatchError",
    "Money",
    "UnknownCurrencyError",
    "format_money",
    "get_currency",
    "parse_money",
    "register",
]

__version__ = "0.4.0"
