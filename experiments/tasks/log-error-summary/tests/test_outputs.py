import hashlib
import gzip
from pathlib import Path

REPORT = Path("/app/reports/status_counts.txt")

EXPECTED = (
    "200 822\n"
    "304 116\n"
    "404 68\n"
    "201 54\n"
    "301 43\n"
    "204 36\n"
    "302 32\n"
    "500 19\n"
    "502 19\n"
    "401 15\n"
    "403 15\n"
    "408 9\n"
    "503 9\n"
    "400 5\n"
    "TOTAL 1262\n"
)


def read_report():
    assert REPORT.is_file(), f"{REPORT} does not exist"
    return REPORT.read_text()


def test_report_exists_and_ends_with_newline():
    text = read_report()
    assert text.endswith("\n"), "the last line must end with a newline"
    assert "\n\n" not in text, "no blank lines allowed"


def test_total_line():
    lines = read_report().splitlines()
    assert lines, "report is empty"
    assert lines[-1] == "TOTAL 1262"


def test_counts_per_status():
    lines = read_report().splitlines()[:-1]
    got = {}
    for line in lines:
        code, count = line.split(" ")
        got[code] = int(count)
    expected = {}
    for line in EXPECTED.splitlines()[:-1]:
        code, count = line.split(" ")
        expected[code] = int(count)
    assert got == expected


def test_exact_content_and_order():
    assert read_report() == EXPECTED


def test_logs_untouched():
    names = sorted(p.name for p in Path("/app/logs").iterdir())
    assert names == ["access.log", "access.log.1", "access.log.2.gz", "app.log"]
    with gzip.open("/app/logs/access.log.2.gz", "rt") as f:
        rotated = f.read()
    assert hashlib.sha256(rotated.encode()).hexdigest() == "63b1a1dcdfa831234accb0911f0d06e5bc62cec239be164dfee6025442a5c151"
