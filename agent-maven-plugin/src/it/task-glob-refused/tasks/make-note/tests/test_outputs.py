from pathlib import Path


def test_note():
    assert Path("/app/note.txt").read_text().strip() == "done"
