import re
import sqlite3
from pathlib import Path

ANSWER = Path("/app/answer.txt")

EXPECTED = (
    "1|Olivia Brandt|4817.25\n"
    "2|Amara Okafor|3990.00\n"
    "2|Chen Wei|3990.00\n"
    "4|Felix Moreau|3512.40\n"
    "5|Hanna Weber|2875.10\n"
    "5|Hannah Weber|2875.10\n"
)

LINE = re.compile(r"^[1-9][0-9]*\|[^|]+\|[0-9]+\.[0-9]{2}$")


def answer_text():
    assert ANSWER.is_file(), f"{ANSWER} does not exist"
    return ANSWER.read_text()


def test_line_format():
    text = answer_text()
    assert text.endswith("\n"), "every line must end with a newline"
    lines = text.splitlines()
    assert lines, "answer is empty"
    for line in lines:
        assert LINE.match(line), f"bad line format: {line!r}"


def test_top_customer():
    assert answer_text().splitlines()[0] == "1|Olivia Brandt|4817.25"


def test_customers_and_revenues():
    got = {tuple(line.split("|")[1:]) for line in answer_text().splitlines()}
    expected = {tuple(line.split("|")[1:]) for line in EXPECTED.splitlines()}
    assert got == expected


def test_exact_answer_with_ranks_ties_and_order():
    assert answer_text() == EXPECTED


def test_database_untouched():
    con = sqlite3.connect("file:/app/shop.db?mode=ro", uri=True)
    try:
        assert con.execute("SELECT count(*) FROM customers").fetchone() == (46,)
        assert con.execute("SELECT count(*) FROM orders").fetchone() == (139,)
        assert con.execute("SELECT count(*), sum(quantity * unit_price_cents) FROM order_items").fetchone() == (337, 4825354)
    finally:
        con.close()
