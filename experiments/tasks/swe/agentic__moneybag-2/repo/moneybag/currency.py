"""Currency definitions and a small registry keyed by ISO 4217 code."""
from dataclasses import dataclass
from decimal import Decimal


class UnknownCurrencyError(KeyError):
    """Raised when a currency code is not registered."""


@dataclass(frozen=True)
class Currency:
    code: str
    symbol: str
    exponent: int  # number of digits after the decimal point (2 for cents)

    @property
    def minor_unit(self) -> Decimal:
        """The smallest representable amount, e.g. Decimal('0.01') for USD."""
        return Decimal(1).scaleb(-self.exponent)


_REGISTRY = {}


def register(currency: Currency) -> Currency:
    """Add (or replace) a currency in the registry and return it."""
    if currency.exponent < 0:
        raise ValueError("exponent must be >= 0")
    _REGISTRY[currency.code.upper()] = currency
    return currency


def get_currency(code: str) -> Currency:
    try:
        return _REGISTRY[code.upper()]
    except KeyError:
        raise UnknownCurrencyError(code) from None


for _c in (
    Currency("USD", "$", 2),
    Currency("EUR", "€", 2),
    Currency("GBP", "£", 2),
    Currency("CHF", "CHF ", 2),
    Currency("JPY", "¥", 0),
    Currency("BHD", "BD ", 3),
):
    register(_c)
