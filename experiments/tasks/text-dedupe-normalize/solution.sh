#!/bin/bash
set -euo pipefail
mkdir -p /app/output
python3 - <<'PY'
import unicodedata

with open("/app/data/places.txt", encoding="utf-8-sig", newline="") as f:
    text = f.read()

groups = {}
for line in text.splitlines():
    norm = " ".join(unicodedata.normalize("NFC", line).split())
    if not norm or norm.startswith("#"):
        continue
    key = norm.casefold()
    if key not in groups:
        groups[key] = {"text": norm, "count": 0, "first": len(groups)}
    groups[key]["count"] += 1

ordered = sorted(groups.values(), key=lambda g: (-g["count"], g["first"]))
with open("/app/output/places_clean.tsv", "w", encoding="utf-8", newline="\n") as out:
    for g in ordered:
        out.write(f"{g['text']}\t{g['count']}\n")
PY
