import hashlib
import os
import subprocess
from pathlib import Path

# Exactly how the scheduler starts the job: empty environment, login shell, working directory /app.
JOB = ["env", "-i", "HOME=/root", "bash", "-lc", "/app/run.sh"]
REPORT = Path("/app/out/report.txt")
ENV_FILE = Path("/app/.env")

EXPECTED_REPORT = (
    "== Nightly metrics ==\n"
    "host        requests  errors     rate\n"
    "api-1          30511     502    1.65%\n"
    "api-2          29870     488    1.63%\n"
    "web-1          12034      37    0.31%\n"
    "web-2          11873      41    0.35%\n"
    "worker-1        4410       3    0.07%\n"
    "TOTAL          88698    1071    1.21%\n"
)


def run_job():
    if REPORT.exists():
        REPORT.unlink()
    return subprocess.run(JOB, cwd="/app", capture_output=True, text=True, timeout=30)


def test_job_runs_in_fresh_login_shell():
    result = run_job()
    assert "command not found" not in result.stderr, result.stderr
    assert result.returncode == 0, f"run.sh failed:\n{result.stdout}\n{result.stderr}"
    assert REPORT.is_file(), "run.sh did not write /app/out/report.txt"
    assert REPORT.read_text() == EXPECTED_REPORT


def test_reportgen_resolves_to_app_bin():
    result = subprocess.run(["env", "-i", "HOME=/root", "bash", "-lc", "command -v reportgen"],
                            cwd="/app", capture_output=True, text=True, timeout=30)
    assert result.stdout.strip() == "/app/bin/reportgen"


def test_title_is_taken_from_env_file():
    original = ENV_FILE.read_text()
    assert "Nightly metrics" in original, "REPORT_TITLE must still be defined in /app/.env"
    try:
        ENV_FILE.write_text(original.replace("Nightly metrics", "Weekly digest"))
        result = run_job()
        assert result.returncode == 0, result.stderr
        assert REPORT.read_text().splitlines()[0] == "== Weekly digest =="
    finally:
        ENV_FILE.write_text(original)
        run_job()


def test_script_and_tool_untouched():
    assert hashlib.sha256(Path("/app/run.sh").read_bytes()).hexdigest() == "370429579d6c247a84ea527dc0ebbb77a68c275dfa9c2cace2afaec9fdf574dc"
    assert hashlib.sha256(Path("/app/bin/reportgen").read_bytes()).hexdigest() == "2eab4c4231e5863c55ea82b6cb66a38bfc3dec8298c3d7deea6300afa974855e"
    assert sorted(os.listdir("/app/bin")) == ["reportgen"]


def test_tool_not_copied_to_system_dirs():
    for directory in ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]:
        assert not os.path.lexists(os.path.join(directory, "reportgen")), f"reportgen must not be placed in {directory}"
