#!/bin/bash
# Publishes the static site: renders the page into a new release directory and
# switches /srv/www/current to it. Run it as the "deploy" user:
#     runuser -u deploy -- /app/deploy.sh
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then
    echo "deploy.sh: refusing to run as root; run it as the 'deploy' user" >&2
    exit 1
fi

APP=/app
WWW=/srv/www

# SITE_NAME, SITE_VERSION and DEPLOY_TOKEN
source "$APP/config/site.env"
if [ -z "${DEPLOY_TOKEN:-}" ]; then
    echo "deploy.sh: DEPLOY_TOKEN is not set" >&2
    exit 1
fi

release="$WWW/releases/$SITE_VERSION"
mkdir -p "$release"
"$APP/bin/render.sh" "$APP/templates/index.html.tmpl" "$SITE_NAME" "$SITE_VERSION" > "$release/index.html"
ln -sfn "$release" "$WWW/current"
echo "deployed $SITE_NAME $SITE_VERSION to $release"
