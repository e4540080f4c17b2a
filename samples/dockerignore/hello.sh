#!/bin/sh
# The app: prints its config and what it can see of itself.
. /app/config/app.properties
echo "hello from ${APP_NAME} (uid=$(id -u))"
ls -A /app
