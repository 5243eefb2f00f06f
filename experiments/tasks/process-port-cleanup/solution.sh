#!/bin/bash
set -euo pipefail
RUN_DIR=/app/run
pid=$(cat "$RUN_DIR/worker.pid" 2>/dev/null || true)
# The recorded pid is alive, but it is not the worker (in a fresh container it is pid 1, the
# container's init process), so the lock and pid file are stale.
cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || true)
if [ -n "$pid" ] && [[ "$cmdline" == *"/app/worker.py"* ]]; then
    echo "worker really is running as pid $pid"
else
    echo "stale pid file (pid ${pid:-none} is $(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null || echo 'not running'))"
    rm -f "$RUN_DIR/worker.lock" "$RUN_DIR/worker.pid"
fi
/app/start_worker.sh
sleep 1
cat "$RUN_DIR/heartbeat"
