#!/bin/bash
set -euo pipefail
# /app/stockroom.env points the service at /etc/stockroom/conf.d/main.toml, which is still in the
# old (version 1) format. Rewrite it in the version 2 format with this host's deployment settings.
mkdir -p /etc/stockroom/conf.d
cat > /etc/stockroom/conf.d/main.toml <<'TOML'
[service]
schema = 2
name = "stockroom-eu1"

[server]
host = "127.0.0.1"
port = 8460
workers = 4

[storage]
data_dir = "/var/lib/stockroom"
db_file = "stock.sqlite3"

[auth]
token_file = "/etc/stockroom/token"
allowed_origins = ["https://admin.example.com", "https://shop.example.com"]

[logging]
level = "WARNING"
file = "/var/log/stockroom/service.log"
TOML
# The directories it refers to must exist and the token must be private.
mkdir -p /var/lib/stockroom /var/log/stockroom
chmod 600 /etc/stockroom/token
python3 /app/service.py --check
