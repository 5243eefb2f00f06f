#!/bin/bash
# Reference solution: parse with the csv module (handles quotes, embedded newlines, CRLF).
set -euo pipefail
mkdir -p /app/output
python3 - <<'PY'
import csv
import json

TRUE = {"yes", "y", "true"}
by_id = {}
with open("/app/data/inventory.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if not row or all((v or "").strip() == "" for v in row.values()):
            continue
        clean = {k: (v or "").strip() for k, v in row.items()}
        item = {
            "id": int(clean["id"]),
            "name": clean["name"],
            "category": clean["category"] or None,
            "price": float(clean["price"]) if clean["price"] else None,
            "quantity": int(clean["quantity"]) if clean["quantity"] else 0,
            "discontinued": clean["discontinued"].lower() in TRUE,
            "tags": [t.strip() for t in clean["tags"].split(";") if t.strip()],
        }
        by_id[item["id"]] = item  # a later row with the same id wins

items = [by_id[k] for k in sorted(by_id)]
categories = {}
for item in items:
    key = item["category"] or "uncategorized"
    entry = categories.setdefault(key, {"items": 0, "stock_value": 0.0})
    entry["items"] += 1
    if item["price"] is not None:
        entry["stock_value"] += item["price"] * item["quantity"]
for entry in categories.values():
    entry["stock_value"] = round(entry["stock_value"], 2)

report = {"item_count": len(items), "items": items, "categories": categories}
with open("/app/output/inventory.json", "w", encoding="utf-8") as f:
    json.dump(report, f, indent=2)
    f.write("\n")
PY
