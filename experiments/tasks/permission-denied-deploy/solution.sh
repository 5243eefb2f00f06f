#!/bin/bash
set -euo pipefail
# The helper scripts must be executable by the deploy user.
chmod 755 /app/deploy.sh /app/bin/render.sh
# The settings file holds a secret: readable by root and the deploy group only.
chown root:deploy /app/config/site.env
chmod 640 /app/config/site.env
# The deploy user publishes releases and switches the "current" link.
chown -R deploy:deploy /srv/www
chmod 755 /srv/www /srv/www/releases
runuser -u deploy -- /app/deploy.sh
