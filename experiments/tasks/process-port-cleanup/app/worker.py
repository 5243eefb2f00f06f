#!/usr/bin/env python3
"""Heartbeat worker.

Every second it writes "<pid> <unix time>" to /app/run/heartbeat. On a clean shutdown (SIGTERM or
SIGINT) it removes its pid file and lock; after a crash or a hard kill they are left behind.
"""
import os
import signal
import sys
import time

RUN_DIR = "/app/run"
HEARTBEAT = os.path.join(RUN_DIR, "heartbeat")
PID_FILE = os.path.join(RUN_DIR, "worker.pid")
LOCK = os.path.join(RUN_DIR, "worker.lock")


def beat():
    tmp = HEARTBEAT + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{os.getpid()} {int(time.time())}\n")
    os.replace(tmp, HEARTBEAT)


def shutdown(signum, frame):
    for path in (PID_FILE, LOCK):
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
    print(f"worker {os.getpid()}: stopped by signal {signum}", flush=True)
    sys.exit(0)


def main():
    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    print(f"worker {os.getpid()}: started", flush=True)
    while True:
        beat()
        time.sleep(1)


if __name__ == "__main__":
    main()
