"""Turning Money into text and back."""
from .currency import get_currency
from .money import Money


def _group(digits: str, sep: str) -> str:
    """Insert ``sep`` between groups of three digits, from the right."""
    if not sep:
        return digits
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sep.join(groups)


def format_money(money, *, symbol=True, code=False, thousands_sep=",", decimal_sep="."):
    """Format ``money`` for display.

    ``format_money(Money('-1234.5', 'USD'))`` gives ``'-$1,234.50'``; with
    ``code=True`` the ISO code follows the number: ``'-1,234.50 USD'``.
    """
    cur = money.currency
    amount = money.amount
    sign = "-" if amount < 0 else ""
    digits = f"{abs(amount):f}"
    int_part, _, frac_part = digits.partition(".")
    body = _group(int_part, thousands_sep)
    if frac_part:
        body += decimal_sep + frac_part
    if code:
        return f"{sign}{body} {cur.code}"
    prefix = cur.symbol if symbol else ""
    return f"{sign}{prefix}{body}"


def parse_money(text, currency, *, thousands_sep=",", decimal_sep="."):
    """Parse text such as ``'$1,234.50'``, ``'-1,234.50 USD'`` or ``'(5.00)'``.

    Parentheses mean a negative amount, as in accounting statements.
    """
    if isinstance(currency, str):
        currency = get_currency(currency)
    s = text.strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s.startswith("-"):
        negative, s = not negative, s[1:].strip()
    if s.endswith(currency.code):
        s = s[: -len(currency.code)].strip()
    symbol = currency.symbol.strip()
    if symbol and s.startswith(symbol):
        s = s[len(symbol):].strip()
    if thousands_sep:
        s = s.replace(thousands_sep, "")
    if decimal_sep != ".":
        s = s.replace(decimal_sep, ".")
    if not s or not all(ch.isdigit() or ch == "." for ch in s):
        raise ValueError(f"cannot parse money amount: {text!r}")
    money = Money(s, currency)
    return -money if negative else money
