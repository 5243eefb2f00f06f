#!/bin/bash
# Builds /app/repo: a small history in which one commit was lost by a hard reset.
set -euo pipefail
mkdir -p /app/repo && cd /app/repo
git init -q -b main
git config user.name "Sam Ortega"
git config user.email "sam.ortega@example.invalid"

commit() {  # commit <author name> <author email> <date> <message>
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
  GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
    git commit -q -m "$4"
}

mkdir -p app
cat > README.md <<'MD'
# parcel-api

Small HTTP API that tracks parcels for the warehouse team.

Run it with `python3 -m app.server`.
MD
cat > app/__init__.py <<'PY'
PY
cat > app/config.py <<'PY'
"""Runtime settings for parcel-api."""

HOST = "0.0.0.0"
PORT = 8080

# Database
DB_PATH = "/var/lib/parcel-api/parcels.db"
DB_TIMEOUT_SECONDS = 5
PY
cat > app/server.py <<'PY'
"""Entry point of parcel-api."""

from app import config


def describe():
    return f"parcel-api listening on {config.HOST}:{config.PORT}"


if __name__ == "__main__":
    print(describe())
PY
git add -A && commit "Sam Ortega" "sam.ortega@example.invalid" "2026-01-05T09:12:00+01:00" "Initial commit"

cat > app/logging_setup.py <<'PY'
"""Logging configuration."""

import logging


def configure(level=logging.INFO):
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
PY
git add -A && commit "Sam Ortega" "sam.ortega@example.invalid" "2026-01-06T14:40:00+01:00" "Add request logging"

# --- the commit that will be lost ---
cat >> app/config.py <<'PY'

# Rate limiting (token bucket per client IP)
RATE_LIMIT_ENABLED = True
RATE_LIMIT_REQUESTS_PER_MINUTE = 120
RATE_LIMIT_BURST = 20
PY
cat > app/ratelimit.py <<'PY'
"""Token-bucket rate limiter keyed by client address."""

import time

from app import config


class TokenBucket:
    def __init__(self, rate_per_minute=None, burst=None, clock=time.monotonic):
        self.rate = (rate_per_minute or config.RATE_LIMIT_REQUESTS_PER_MINUTE) / 60.0
        self.capacity = burst or config.RATE_LIMIT_BURST
        self.clock = clock
        self.tokens = float(self.capacity)
        self.updated = clock()

    def allow(self):
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
PY
git add -A && commit "Priya Natarajan" "priya.natarajan@example.invalid" "2026-01-08T11:03:00+01:00" "Add rate limiter configuration"

# --- a throw-away commit on top of it ---
python3 - <<'PY'
from pathlib import Path
p = Path("app/server.py")
p.write_text(p.read_text().replace('def describe():\n', 'def describe():\n    print("DEBUG describe called", config.__dict__)\n'))
PY
git add -A && commit "Sam Ortega" "sam.ortega@example.invalid" "2026-01-08T16:25:00+01:00" "WIP: debug prints"

# --- the accident: both commits are dropped from main ---
git reset -q --hard HEAD~2

cat >> README.md <<'MD'

## Deployment

1. Copy the repository to the host.
2. Create `/var/lib/parcel-api/` and make it writable for the service user.
3. Start the service with `python3 -m app.server` under the process supervisor.
MD
git add -A && commit "Sam Ortega" "sam.ortega@example.invalid" "2026-01-09T10:00:00+01:00" "Document deployment steps"
