import hashlib
import os
import subprocess
from pathlib import Path

PROJ = Path("/app/proj")
VENV = PROJ / ".venv"
CLEAN_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "LANG": "C.UTF-8"}

ORIGINAL_SHA256 = {
    "run_tests.sh": "4cd8d20b24c88070090b1349762f6c98758ddf4679cbb694259f92d396743308",
    "README.md": "e95e682e278973145d001ce615913e3b737d56a5ff9e003836062e96ecea991c",
    "src/tally/__init__.py": "0b30d15cf674443192d65aa4944df08c38a805dde19e06667ef6cc01ab043e3a",
    "src/tally/ledger.py": "7592ed9f2dd49337b20c3a79302008c1ee2d18d187efcc09286b44154d09a860",
    "tests/test_ledger.py": "179206fdfcd645fa111310e47fe0733afd22dc73f6116b40140ce3dd968d9761",
}


def run(cmd, cwd="/"):
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=CLEAN_ENV, timeout=60)


def test_project_files_unchanged():
    for rel, digest in ORIGINAL_SHA256.items():
        p = PROJ / rel
        assert p.is_file() and not p.is_symlink(), f"{p} is missing or not a regular file"
        assert hashlib.sha256(p.read_bytes()).hexdigest() == digest, f"{p} was modified"
    for sub in ("src", "tests"):
        found = {
            str(p.relative_to(PROJ))
            for p in (PROJ / sub).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert found == {k for k in ORIGINAL_SHA256 if k.startswith(sub + "/")}, f"unexpected files in {sub}/: {found}"


def test_run_tests_passes():
    r = run(["bash", str(PROJ / "run_tests.sh")])
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "Ran 7 tests" in out, out
    assert out.rstrip().endswith("OK"), out


def test_run_tests_passes_from_project_dir():
    r = run(["./run_tests.sh"], cwd=str(PROJ))
    assert r.returncode == 0, r.stdout + r.stderr


def test_venv_python_is_a_working_virtualenv_interpreter():
    py = VENV / "bin" / "python"
    real = os.path.realpath(py)
    assert os.path.isfile(real) and os.access(real, os.X_OK), f"{py} resolves to {real}, which is not an executable"
    r = run([str(py), "-c", "import sys; print(sys.prefix); print(sys.base_prefix); print(sys.version_info[0])"])
    assert r.returncode == 0, r.stderr
    prefix, base, major = r.stdout.split()
    assert prefix == str(VENV)
    assert base != prefix
    assert major == "3"


def test_imports_without_activation():
    code = "import tally, unitconv; print(tally.__file__); print(unitconv.__file__)"
    r = run([str(VENV / "bin" / "python"), "-c", code])
    assert r.returncode == 0, r.stderr
    tally_file, unitconv_file = r.stdout.split()
    assert tally_file.startswith(str(PROJ / "src") + "/"), tally_file
    assert unitconv_file.startswith(str(VENV) + "/"), unitconv_file


def test_activate_points_at_this_venv():
    r = run(["bash", "-c", "source /app/proj/.venv/bin/activate && echo \"$VIRTUAL_ENV\" && command -v python"])
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(VENV), str(VENV / "bin" / "python")]


def test_dependency_not_installed_globally():
    for module in ("unitconv", "tally"):
        r = run(["python3", "-c", f"import {module}"])
        assert r.returncode != 0, f"{module} must stay inside the project virtualenv, not in the system python"
