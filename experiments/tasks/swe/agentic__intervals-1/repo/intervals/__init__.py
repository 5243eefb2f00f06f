"""intervals: half-open numeric intervals and sets of them."""

from .interval import Interval
from .intervalset import IntervalSet, merge

__all__ = ["Interval", "IntervalSet", "merge"]

__version__ = "1.2.0"
