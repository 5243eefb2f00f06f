import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

PROJECT = Path("/app/project")
BUILD = PROJECT / "build"
MANUAL = BUILD / "manual.txt"

EXPECTED_MANUAL = (
    'pkgtool manual, version 2.4.1\n'
    '\n'
    '== INTRO ==\n'
    'Welcome to pkgtool, a small helper that packs release notes.\n'
    'It reads plain text sections and joins them into one manual.\n'
    '\n'
    '== USAGE ==\n'
    'Run "pkgtool build" in a directory that contains a VERSION file.\n'
    'Run "pkgtool check" to validate the sections without writing anything.\n'
    '\n'
    '== FAQ ==\n'
    'Q: Where does the output go?\n'
    'A: Everything is written below the build directory.\n'
    'Q: Can I add my own sections?\n'
    'A: Yes. Add a file to src/ and list it in the Makefile.\n'
    '\n'
)

UNCHANGED = {
    "VERSION": "6d850e3ac42d0dd06bfdcce9151c1e6b40f4cf5272778f63eececea27c78f0b6",
    "src/faq.txt": "648ecf21ee995bc46bb047e9b689122bb09019cb2736595acdb1314e30e43dfd",
    "src/intro.txt": "04449cb391342ec4d4193f60850cca009267a1b2195f591888cdeb00d90240d4",
    "src/usage.txt": "1cf0be04d80cfb8a24714f43000a0015b0ca32d43bc5b1c9a12a84ce05f6c872",
    "tools/render.py": "ae8e7f2f75b8fc537a08947448a6689798504556ecf35f83cc745f3223d78466",
}


def make(*args):
    return subprocess.run(["make", *args], cwd=PROJECT, capture_output=True, text=True, timeout=30)


def clean_build(*args):
    shutil.rmtree(BUILD, ignore_errors=True)
    result = make(*args)
    assert result.returncode == 0, f"make {' '.join(args)} failed from a clean state:\n{result.stdout}\n{result.stderr}"
    return result


def test_sources_untouched():
    for name, digest in UNCHANGED.items():
        path = PROJECT / name
        assert path.is_file(), f"{name} is missing"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} must not be modified"


def test_clean_build_produces_manual():
    clean_build()
    assert MANUAL.is_file(), "build/manual.txt was not produced"
    assert MANUAL.read_text() == EXPECTED_MANUAL


def test_parallel_clean_build():
    clean_build("-j8")
    assert MANUAL.read_text() == EXPECTED_MANUAL


def test_second_make_has_nothing_to_do():
    clean_build()
    result = make("-q")
    assert result.returncode == 0, "make -q reports that targets are out of date right after a build"


def test_source_change_triggers_rebuild():
    clean_build()
    source = PROJECT / "src" / "usage.txt"
    original = source.read_bytes()
    stat = source.stat()
    try:
        source.write_bytes(original + b"Run \"pkgtool help\" for more.\n")
        later = time.time() + 5
        os.utime(source, (later, later))
        result = make()
        assert result.returncode == 0, result.stdout + result.stderr
        text = MANUAL.read_text()
        assert 'Run "pkgtool help" for more.' in text, "manual.txt was not rebuilt after src/usage.txt changed"
        assert text.index("pkgtool help") < text.index("== FAQ ==")
    finally:
        source.write_bytes(original)
        os.utime(source, (stat.st_atime, stat.st_mtime))
        clean_build()


def test_make_clean_removes_build():
    clean_build()
    result = make("clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not BUILD.exists(), "make clean must remove the build directory"
    clean_build()
    assert MANUAL.read_text() == EXPECTED_MANUAL
