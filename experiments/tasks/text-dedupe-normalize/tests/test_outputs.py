import hashlib
import unicodedata
from pathlib import Path

INPUT = Path("/app/data/places.txt")
OUTPUT = Path("/app/output/places_clean.tsv")
INPUT_SHA256 = "90e0df8456d58a3a5526a78f4411ee7e03a41fd25b518d05d6119cdadc4ffcc9"

# Written with escapes so that the expected text is unambiguous (all NFC).
EXPECTED_LINES = [
    'Z\xfcrich\t4',
    'Krak\xf3w\t4',
    'New York\t3',
    '\xc6r\xf8sk\xf8bing\t3',
    'Los Angeles\t3',
    'Saint-\xc9tienne\t3',
    'Stra\xdfe\t3',
    'S\xe3o Paulo\t2',
    'Stra\xdfe der Pariser Kommune\t2',
    '\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2\t2',
    'Montr\xe9al\t2',
    '\u0398\u03b5\u03c3\u03c3\u03b1\u03bb\u03bf\u03bd\u03af\u03ba\u03b7\t2',
    'Reykjav\xedk\t1',
    'Los \xc1ngeles\t1',
    'Montreal\t1',
    'K\xf6ln\t1',
    'KOELN\t1',
    'Reykjavik\t1',
    'S\xe3o Tom\xe9\t1',
    'sao tome\t1',
    'New York City\t1',
    'G\xf6teborg\t1',
    'Thessalon\xedki\t1',
]


def _read_bytes():
    assert OUTPUT.is_file(), f"{OUTPUT} does not exist"
    return OUTPUT.read_bytes()


def test_output_is_utf8_without_bom():
    data = _read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "output must not start with a byte-order mark"
    data.decode("utf-8")
    assert b"\r" not in data, "output must use \\n line endings"


def test_output_ends_with_newline():
    data = _read_bytes()
    assert data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_entries_are_nfc_and_single_spaced():
    for line in _read_bytes().decode("utf-8").splitlines():
        name, _, count = line.partition("\t")
        assert unicodedata.normalize("NFC", name) == name, f"not NFC: {line!r}"
        assert " ".join(name.split()) == name, f"whitespace not normalized: {line!r}"
        assert count.isdigit(), f"bad count in {line!r}"


def test_groups_and_counts():
    got = _read_bytes().decode("utf-8").splitlines()
    assert sorted(got) == sorted(EXPECTED_LINES)


def test_exact_content_and_order():
    assert _read_bytes().decode("utf-8") == "".join(l + "\n" for l in EXPECTED_LINES)


def test_input_unchanged():
    assert hashlib.sha256(INPUT.read_bytes()).hexdigest() == INPUT_SHA256
