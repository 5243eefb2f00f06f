import subprocess

REPO = "/app/repo"
# "Document deployment steps": the tip of main before the task started.
ORIGINAL_TIP = "db360e6617ed5f42c239ca385af5f528caaf4bb8"
LOST_SUBJECT = "Add rate limiter configuration"
# Tree of main after the lost commit is re-applied on top of ORIGINAL_TIP (and nothing else changes).
EXPECTED_TREE = "ff582c8f3317b2ee474db801d2d11644b78364d3"
EXPECTED_BLOBS = {
    "app/ratelimit.py": "3e55aba764a15619d4856bd4baf4a311e69fea9c",
    "app/config.py": "fbe714bd97538732fb1907a7087a72cbf3e094bb",
    "app/server.py": "2b4df872a3be6d0b91d7783a66cb56302421b5cd",
    "README.md": "2bca831d52bbe40efdc4bab9468f6ca0117fc1dd",
}


def git(*args, check=True):
    result = subprocess.run(["git", "-C", REPO, *args], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result


def main_log():
    out = git("log", "main", "--format=%H%x00%an%x00%ae%x00%s").stdout
    return [line.split("\x00") for line in out.splitlines()]


def test_main_is_checked_out():
    assert git("symbolic-ref", "--short", "HEAD").stdout.strip() == "main"


def test_existing_history_is_kept():
    result = git("merge-base", "--is-ancestor", ORIGINAL_TIP, "main", check=False)
    assert result.returncode == 0, "the commits that were on main must stay in its history unchanged"


def test_lost_commit_is_on_main_with_its_author():
    matches = [c for c in main_log() if c[3] == LOST_SUBJECT]
    assert len(matches) == 1, f"expected exactly one commit '{LOST_SUBJECT}' on main, found {len(matches)}"
    _, name, email, _ = matches[0]
    assert (name, email) == ("Priya Natarajan", "priya.natarajan@example.invalid")


def test_lost_changes_are_in_main():
    for path, blob in EXPECTED_BLOBS.items():
        got = git("rev-parse", f"main:{path}", check=False).stdout.strip()
        assert got == blob, f"{path} on main does not have the expected content"


def test_debug_commit_not_restored():
    subjects = [c[3] for c in main_log()]
    assert not any(s.startswith("WIP") for s in subjects), "the WIP commit must not be brought back"
    assert "DEBUG" not in git("show", "main:app/server.py").stdout


def test_no_other_changes():
    assert git("rev-parse", "main^{tree}").stdout.strip() == EXPECTED_TREE


def test_working_tree_clean_and_matches_main():
    assert git("status", "--porcelain").stdout == "", "working tree must be clean"
    assert git("rev-parse", "HEAD").stdout == git("rev-parse", "main").stdout
