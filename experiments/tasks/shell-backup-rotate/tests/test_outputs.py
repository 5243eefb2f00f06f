import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = "/app/rotate.sh"

BACKUPS = [
    # name "db": five backups; file-name order differs from modification-time order
    "db-20240101-000000.tar.gz",
    "db-20240102-000000.tar.gz",
    "db-20240102-120000.tar.gz",
    "db-20240103-235959.tar.gz",
    "db-20231231-235959.tar.gz",
    # name "web-app": three backups
    "web-app-20240110-080000.tar.gz",
    "web-app-20240109-080000.tar.gz",
    "web-app-20231111-080000.tar.gz",
    # name "db-main" is a different name from "db"
    "db-main-20230101-000000.tar.gz",
    "db-main-20230102-000000.tar.gz",
    # a single backup of "cache_v2"
    "cache_v2-20220101-000000.tar.gz",
]

OTHER_FILES = [
    "README.txt",
    "db-20240101-000000.tar.gz.part",
    "db-20240101-0000.tar.gz",
    "db-2024010-000000.tar.gz",
    "-20240101-000000.tar.gz",
    "db-20240101-000000.tgz",
    "db 2-20240101-000000.tar.gz",
    "DB-20240101-000000.tar.gz.bak",
    "xdb-20240101-000000.tar.gzx",
]


def make_fixture(base: Path) -> Path:
    d = base / "my backups"
    d.mkdir()
    # modification times run opposite to the timestamps in the names
    for i, name in enumerate(sorted(BACKUPS)):
        p = d / name
        p.write_text(f"payload {name}\n")
        t = 1_700_000_000 - i * 86_400
        os.utime(p, (t, t))
    for name in OTHER_FILES:
        (d / name).write_text("not a backup\n")
    sub = d / "archive"
    sub.mkdir()
    (sub / "db-19990101-000000.tar.gz").write_text("old\n")
    # a directory and a symbolic link whose names look like backups
    (d / "db-19990102-000000.tar.gz").mkdir()
    (d / "db-19990103-000000.tar.gz").symlink_to(d / "README.txt")
    return d


def listing(d: Path):
    return sorted(os.listdir(d))


def run(*args, cwd=None):
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, cwd=cwd, timeout=30)


def expected_deleted(keep):
    groups = {}
    for name in BACKUPS:
        stem = name[: -len(".tar.gz")]
        prefix, date, time = stem.rsplit("-", 2)
        groups.setdefault(prefix, []).append((date + time, name))
    doomed = []
    for items in groups.values():
        items.sort(reverse=True)
        doomed += [n for _, n in items[keep:]]
    return sorted(doomed, key=lambda s: s.encode())


def test_script_is_executable_with_shebang():
    p = Path(SCRIPT)
    assert p.is_file(), f"{SCRIPT} does not exist"
    assert os.access(p, os.X_OK), f"{SCRIPT} is not executable"
    assert p.read_bytes().startswith(b"#!"), "missing shebang line"


@pytest.mark.parametrize("keep", [2, 1, 3])
def test_keeps_newest_per_name(tmp_path, keep):
    d = make_fixture(tmp_path)
    before = set(listing(d))
    r = run(str(d), str(keep))
    assert r.returncode == 0, r.stderr
    doomed = expected_deleted(keep)
    assert r.stdout.splitlines() == [f"removed {n}" for n in doomed]
    assert set(listing(d)) == before - set(doomed)


def test_non_backups_untouched(tmp_path):
    d = make_fixture(tmp_path)
    r = run(str(d), "0")
    assert r.returncode == 0, r.stderr
    remaining = set(listing(d))
    assert remaining == set(OTHER_FILES) | {"archive", "db-19990102-000000.tar.gz", "db-19990103-000000.tar.gz"}
    for name in OTHER_FILES:
        assert (d / name).read_text() == "not a backup\n"
    assert (d / "db-19990103-000000.tar.gz").is_symlink()
    assert (d / "db-19990102-000000.tar.gz").is_dir()
    assert (d / "archive" / "db-19990101-000000.tar.gz").read_text() == "old\n"
    assert (d / "README.txt").read_text() == "not a backup\n"


def test_keep_zero_removes_all_backups(tmp_path):
    d = make_fixture(tmp_path)
    r = run(str(d), "0")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"removed {n}" for n in expected_deleted(0)]
    assert not any(n in listing(d) for n in BACKUPS)


def test_keep_more_than_present(tmp_path):
    d = make_fixture(tmp_path)
    before = listing(d)
    r = run(str(d), "10")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert listing(d) == before


def test_dry_run_deletes_nothing(tmp_path):
    d = make_fixture(tmp_path)
    before = listing(d)
    r = run("--dry-run", str(d), "2")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"would remove {n}" for n in expected_deleted(2)]
    assert listing(d) == before


def test_relative_directory(tmp_path):
    d = make_fixture(tmp_path)
    r = run("my backups", "1", cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"removed {n}" for n in expected_deleted(1)]
    assert set(listing(d)) == (set(BACKUPS) - set(expected_deleted(1))) | set(OTHER_FILES) | {
        "archive", "db-19990102-000000.tar.gz", "db-19990103-000000.tar.gz"}


def test_empty_directory(tmp_path):
    r = run(str(tmp_path), "3")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["MYDIR"],
        ["MYDIR", "2", "extra"],
        ["MYDIR", "-1"],
        ["MYDIR", "two"],
        ["MYDIR", "1.5"],
        ["MYDIR", ""],
        ["NOPE", "2"],
        ["FILE", "2"],
        ["--dry-run", "MYDIR"],
    ],
)
def test_usage_errors(tmp_path, args):
    d = make_fixture(tmp_path)
    subst = {"MYDIR": str(d), "NOPE": str(tmp_path / "missing"), "FILE": str(d / "README.txt")}
    before = listing(d)
    r = run(*[subst.get(a, a) for a in args])
    assert r.returncode == 2, f"args {args}: exit {r.returncode}, stdout {r.stdout!r}"
    assert r.stderr.strip() != "", "expected a message on stderr"
    assert listing(d) == before
