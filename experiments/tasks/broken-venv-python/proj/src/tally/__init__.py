"""tally: add up shipment weights given in mixed units."""
from .ledger import Ledger, parse_weight

__all__ = ["Ledger", "parse_weight"]
__version__ = "0.4.0"
