#!/bin/bash
# Starts the heartbeat worker (/app/worker.py) in the background. Only one worker may run at a time:
# the lock file marks a running worker and the pid file records its process id.
set -u
RUN_DIR=/app/run
LOCK="$RUN_DIR/worker.lock"
PID_FILE="$RUN_DIR/worker.pid"
HEARTBEAT="$RUN_DIR/heartbeat"
LOG="$RUN_DIR/worker.log"

mkdir -p "$RUN_DIR"

if [ -e "$LOCK" ]; then
    pid=$(cat "$PID_FILE" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "start_worker: worker already running (pid $pid)" >&2
    else
        echo "start_worker: lock $LOCK is held but no worker process was found" >&2
    fi
    exit 1
fi

date -u +%Y-%m-%dT%H:%M:%SZ > "$LOCK"
nohup python3 /app/worker.py >> "$LOG" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$PID_FILE"

# Wait for the new worker's first heartbeat.
for _ in $(seq 1 50); do
    if grep -qs "^$pid " "$HEARTBEAT"; then
        echo "start_worker: worker started (pid $pid)"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
echo "start_worker: worker did not start; see $LOG" >&2
rm -f "$LOCK" "$PID_FILE"
exit 1
