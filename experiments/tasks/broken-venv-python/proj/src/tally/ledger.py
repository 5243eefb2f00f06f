import re

import unitconv

_WEIGHT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$")


def parse_weight(text):
    """Parses '12.5 kg' into (12.5, 'kg')."""
    match = _WEIGHT.match(text)
    if not match:
        raise ValueError(f"not a weight: {text!r}")
    return float(match.group(1)), match.group(2).lower()


class Ledger:
    """Collects weights and reports totals in a chosen unit."""

    def __init__(self):
        self._entries = []

    def add(self, label, weight):
        amount, unit = parse_weight(weight)
        self._entries.append((label, unitconv.convert(amount, unit, "g")))

    def total(self, unit="kg"):
        return round(unitconv.convert(sum(g for _, g in self._entries), "g", unit), 3)

    def heaviest(self):
        if not self._entries:
            return None
        return max(self._entries, key=lambda e: e[1])[0]
