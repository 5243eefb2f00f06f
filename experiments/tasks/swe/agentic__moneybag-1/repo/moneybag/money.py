"""The Money value type."""
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import total_ordering

from .currency import Currency, get_currency


class CurrencyMismatchError(ValueError):
    """Raised when combining amounts in different currencies."""


def _to_decimal(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("use str or Decimal for amounts, not float")
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"invalid amount: {value!r}") from None


@total_ordering
class Money:
    """An exact amount of a currency, always rounded to its minor unit."""

    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency):
        if isinstance(currency, str):
            currency = get_currency(currency)
        if not isinstance(currency, Currency):
            raise TypeError("currency must be a Currency or a currency code")
        self.currency = currency
        self.amount = _to_decimal(amount).quantize(
            currency.minor_unit, rounding=ROUND_HALF_UP
        )

    @classmethod
    def from_minor(cls, units: int, currency) -> "Money":
        """Build an amount from an integer number of minor units (cents)."""
        if isinstance(currency, str):
            currency = get_currency(currency)
        return cls(Decimal(int(units)).scaleb(-currency.exponent), currency)

    @property
    def minor_units(self) -> int:
        return int(self.amount.scaleb(self.currency.exponent))

    # -- arithmetic -----------------------------------------------------
    def _check(self, other) -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"{self.currency.code} != {other.currency.code}"
            )
        return other

    def __add__(self, other):
        if self._check(other) is NotImplemented:
            return NotImplemented
        return Money(self.amount + other.amount, self.currency)

    def __radd__(self, other):
        if other == 0:  # lets sum() work without a start value
            return self
        return self.__add__(other)

    def __sub__(self, other):
        if self._check(other) is NotImplemented:
            return NotImplemented
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self):
        return Money(-self.amount, self.currency)

    def __abs__(self):
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor):
        if isinstance(factor, Money):
            return NotImplemented
        return Money(self.amount * _to_decimal(factor), self.currency)

    __rmul__ = __mul__

    # -- comparison -----------------------------------------------------
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.currency == other.currency and self.amount == other.amount

    def __lt__(self, other):
        if self._check(other) is NotImplemented:
            return NotImplemented
        return self.amount < other.amount

    def __hash__(self):
        return hash((self.currency.code, self.amount))

    def __bool__(self):
        return bool(self.amount)

    def __repr__(self):
        return f"Money('{self.amount}', '{self.currency.code}')"

    def __str__(self):
        from .formatting import format_money

        return format_money(self)

    # -- division without losing minor units ----------------------------
    def split(self, n: int) -> list:
        """Split into ``n`` parts that differ by at most one minor unit."""
        if not isinstance(n, int) or n < 1:
            raise ValueError("n must be a positive integer")
        return self.allocate([1] * n)

    def allocate(self, ratios) -> list:
        """Divide the amount in proportion to ``ratios``.

        The parts always add up to the original amount.  Minor units that
        cannot be divided evenly are handed out one at a time to the first
        parts, so ``Money('10.00', 'USD').allocate([1, 1, 1])`` gives
        3.34, 3.33 and 3.33.
        """
        ratios = [_to_decimal(r) for r in ratios]
        if not ratios:
            raise ValueError("at least one ratio is required")
        if any(r < 0 for r in ratios):
            raise ValueError("ratios must not be negative")
        total = sum(ratios)
        if total == 0:
            raise ValueError("ratios must not all be zero")
        units = self.minor_units
        sign = -1 if units < 0 else 1
        units = abs(units)
        shares = [
            int((units * r / total).to_integral_value(rounding=ROUND_DOWN))
            for r in ratios
        ]
        for i in range(units - sum(shares)):
            shares[i] += 1
        return [Money.from_minor(sign * s, self.currency) for s in shares]
