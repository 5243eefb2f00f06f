#!/bin/bash
# Reference solution. Three configuration problems:
#  1. /etc/profile only sources /etc/profile.d/*.sh, and the loader is named "app-env" (no .sh);
#  2. /app/.env uses $APP_HOME in PATH before APP_HOME is set, so PATH gets "/bin" instead of "/app/bin";
#  3. REPORT_TITLE is set but not exported, so reportgen (a child process) does not see it.
set -euo pipefail
mv /etc/profile.d/app-env /etc/profile.d/app-env.sh
cat > /app/.env <<'ENV'
# Application environment for the reporting tools.
# Loaded into login shells by /etc/profile.d/app-env.sh.
export APP_HOME=/app
export PATH="$APP_HOME/bin:$PATH"
export REPORT_TITLE="Nightly metrics"
ENV
env -i HOME=/root bash -lc /app/run.sh
cat /app/out/report.txt
