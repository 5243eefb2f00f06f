"""A single half-open interval ``[start, end)``."""

import functools


@functools.total_ordering
class Interval:
    """The numbers ``x`` with ``start <= x < end``.

    Intervals are immutable and hashable; they sort by start, then by end.
    ``Interval(3, 3)`` is a valid, empty interval.
    """

    __slots__ = ("_start", "_end")

    def __init__(self, start, end):
        if end < start:
            raise ValueError(f"interval end {end!r} is before its start {start!r}")
        self._start = start
        self._end = end

    @property
    def start(self):
        return self._start

    @property
    def end(self):
        return self._end

    @property
    def length(self):
        return self._end - self._start

    def is_empty(self):
        return self._start == self._end

    def contains(self, value):
        """True if the number *value* lies in the interval (the end is excluded)."""
        return self._start <= value <= self._end

    def __contains__(self, value):
        return self.contains(value)

    def overlaps(self, other):
        """True if the two intervals share at least one number.

        Touching intervals such as ``[1, 3)`` and ``[3, 5)`` do not overlap,
        and an empty interval overlaps nothing.
        """
        if self.is_empty() or other.is_empty():
            return False
        return self._start <= other._end and other._start <= self._end

    def touches(self, other):
        """True if the intervals overlap or meet end to start."""
        return self._start <= other._end and other._start <= self._end

    def intersection(self, other):
        """The common part of both intervals, or ``None`` if they do not overlap."""
        if not self.overlaps(other):
            return None
        return Interval(max(self._start, other._start), min(self._end, other._end))

    def span(self, other):
        """The smallest interval covering both."""
        return Interval(min(self._start, other._start), max(self._end, other._end))

    def shift(self, offset):
        return Interval(self._start + offset, self._end + offset)

    def _key(self):
        return (self._start, self._end)

    def __eq__(self, other):
        if not isinstance(other, Interval):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, Interval):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Interval({self._start!r}, {self._end!r})"
