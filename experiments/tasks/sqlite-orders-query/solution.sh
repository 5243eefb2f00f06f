#!/bin/bash
# Reference solution: one SQL query with a window function for the competition rank.
set -euo pipefail
sqlite3 /app/shop.db > /app/answer.txt <<'SQL'
WITH revenue AS (
  SELECT c.name AS name, SUM(oi.quantity * oi.unit_price_cents) AS cents
  FROM customers c
  JOIN orders o ON o.customer_id = c.id
  JOIN order_items oi ON oi.order_id = o.id
  WHERE o.status IN ('paid', 'shipped')
    AND o.ordered_at >= '2025-01-01 00:00:00' AND o.ordered_at < '2026-01-01 00:00:00'
  GROUP BY c.id
  HAVING cents > 0
),
ranked AS (
  SELECT name, cents, RANK() OVER (ORDER BY cents DESC) AS rnk FROM revenue
)
SELECT rnk || '|' || name || '|' || printf('%d.%02d', cents / 100, cents % 100)
FROM ranked
WHERE rnk <= 5
ORDER BY cents DESC, name ASC;
SQL
cat /app/answer.txt
