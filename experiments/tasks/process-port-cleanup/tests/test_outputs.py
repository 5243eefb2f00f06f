import hashlib
import os
import subprocess
import time
from pathlib import Path

RUN_DIR = Path("/app/run")
PID_FILE = RUN_DIR / "worker.pid"
LOCK = RUN_DIR / "worker.lock"
HEARTBEAT = RUN_DIR / "heartbeat"

ORIGINAL_SHA256 = {
    "/app/start_worker.sh": "b26c5f455ef1cc0d04658fda4c3badd2f4ad058e574c06e0f52bb867e2d8f29f",
    "/app/worker.py": "c4cc81051fde3dfc7fc4137e733a3e0195bf125c9ef787a3faa9040a16a35bed",
}


def cmdline(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (FileNotFoundError, ProcessLookupError):
        return None


def state(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def is_live_worker(pid):
    args = cmdline(pid)
    return bool(args) and b"/app/worker.py" in args and state(pid) not in (None, "Z", "X")


def worker_pids():
    return sorted(int(p) for p in os.listdir("/proc") if p.isdigit() and is_live_worker(int(p)))


def recorded_pid():
    assert PID_FILE.is_file(), f"{PID_FILE} does not exist"
    text = PID_FILE.read_text().strip()
    assert text.isdigit(), f"{PID_FILE} does not hold a pid: {text!r}"
    return int(text)


def read_heartbeat():
    pid, ts = HEARTBEAT.read_text().split()
    return int(pid), int(ts)


def test_scripts_unchanged():
    for path, digest in ORIGINAL_SHA256.items():
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == digest, f"{path} was modified"


def test_pid_file_names_a_live_worker():
    pid = recorded_pid()
    assert is_live_worker(pid), f"pid {pid} from {PID_FILE} is not a running /app/worker.py (cmdline {cmdline(pid)})"


def test_exactly_one_worker():
    assert len(worker_pids()) == 1, f"worker processes: {worker_pids()}"


def test_lock_held():
    assert LOCK.is_file(), "a running worker started by start_worker.sh holds the lock file"


def test_heartbeat_is_fresh_and_advancing():
    pid = recorded_pid()
    hb_pid, first = read_heartbeat()
    assert hb_pid == pid, f"heartbeat written by pid {hb_pid}, pid file says {pid}"
    assert abs(time.time() - first) < 10, "heartbeat is stale"
    latest = (hb_pid, first)
    deadline = time.time() + 5
    while time.time() < deadline and latest[1] <= first:
        time.sleep(0.5)
        latest = read_heartbeat()
    assert latest[1] > first, "heartbeat is not advancing"
    assert latest[0] == pid, f"heartbeat now written by pid {latest[0]}, pid file says {pid}"


def test_second_start_is_refused():
    pid = recorded_pid()
    r = subprocess.run(["/app/start_worker.sh"], capture_output=True, text=True, timeout=30)
    assert r.returncode == 1, f"expected start_worker.sh to refuse: {r.stdout} {r.stderr}"
    assert f"already running (pid {pid})" in r.stderr
    assert recorded_pid() == pid
    assert worker_pids() == [pid]
