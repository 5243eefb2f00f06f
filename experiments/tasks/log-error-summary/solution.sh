#!/bin/bash
# Reference solution: the status is the first field after the closing quote of the request field.
set -euo pipefail
mkdir -p /app/reports
tmp=$(mktemp)
{ cat /app/logs/access.log /app/logs/access.log.1; zcat /app/logs/access.log.2.gz; } \
  | sed -E 's/^[^"]*"[^"]*" ([0-9]{3}) .*$/\1/' > "$tmp"
sort "$tmp" | uniq -c | awk '{print $2, $1}' | sort -k2,2nr -k1,1n > /app/reports/status_counts.txt
echo "TOTAL $(wc -l < "$tmp")" >> /app/reports/status_counts.txt
rm -f "$tmp"
cat /app/reports/status_counts.txt
