import unittest
from importlib.metadata import version

import unitconv
from tally import Ledger, parse_weight


class ParseTest(unittest.TestCase):
    def test_parse(self):
        self.assertEqual(parse_weight(" 12.5 KG "), (12.5, "kg"))

    def test_parse_rejects_garbage(self):
        with self.assertRaises(ValueError):
            parse_weight("heavy")


class LedgerTest(unittest.TestCase):
    def test_total_mixed_units(self):
        ledger = Ledger()
        ledger.add("crate", "2 kg")
        ledger.add("box", "500 g")
        ledger.add("parcel", "1 lb")
        self.assertEqual(ledger.total("kg"), 2.954)

    def test_total_in_pounds(self):
        ledger = Ledger()
        ledger.add("crate", "1 kg")
        self.assertEqual(ledger.total("lb"), 2.205)

    def test_heaviest(self):
        ledger = Ledger()
        ledger.add("a", "3.5 oz")
        ledger.add("b", "90 g")
        self.assertEqual(ledger.heaviest(), "a")

    def test_unknown_unit(self):
        ledger = Ledger()
        with self.assertRaises(unitconv.UnknownUnit):
            ledger.add("x", "4 stone")


class DependencyTest(unittest.TestCase):
    def test_unitconv_version(self):
        self.assertEqual(version("unitconv"), "1.3.0")
        self.assertEqual(unitconv.__version__, "1.3.0")


if __name__ == "__main__":
    unittest.main()
