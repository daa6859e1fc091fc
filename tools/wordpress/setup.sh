#!/usr/bin/env bash
# A local WordPress 6.1 (Debian bookworm's packages) with the plugin of integrations/wordpress, on
# 127.0.0.1 only, for tools/wordpress/test.mjs and for trying the plugin by hand:
#   sudo bash tools/wordpress/setup.sh
# Idempotent: packages, services, database, site, users and plugin are each set up only when
# missing, so a second run takes seconds. Services do not survive a reboot: run it again.
# Needs dist/ and custom-elements.json (npm run build).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${ODW_WP_PORT:-8421}"
HOST=127.0.0.1
SITE="http://$HOST:$PORT"
DB_NAME=odw_wordpress
DB_USER=odw_wordpress
# A local test site reachable from this machine only (loopback), so fixed test secrets.
DB_PASSWORD=odw-local-only
CONTENT=/var/lib/wordpress/wp-content
PACKAGES=(wordpress wordpress-l10n mariadb-server apache2 libapache2-mod-php php-mysql)

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root: sudo bash $0" >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# MariaDB on the loopback only (Debian's default too, said again in case it was changed).
MARIADB_CONF=/etc/mysql/mariadb.conf.d/99-open-data-widgets.cnf
if [ ! -f "$MARIADB_CONF" ]; then
  printf '[mysqld]\nbind-address = 127.0.0.1\n' > "$MARIADB_CONF"
fi
if ! mysqladmin --silent ping >/dev/null 2>&1; then
  service mariadb start >/dev/null
fi
mysql --protocol=socket -u root <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'localhost';
SQL

# Debian's wp-config.php reads /etc/wordpress/config-<host>.php.
WP_CONFIG="/etc/wordpress/config-$HOST.php"
cat > "$WP_CONFIG.new" <<PHP
<?php
// Written by tools/wordpress/setup.sh of open-data-widgets.
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$CONTENT');
define('WP_HOME', '$SITE');
define('WP_SITEURL', '$SITE');
define('WP_ENVIRONMENT_TYPE', 'local');
// No internet here: no update checks, no calls to wordpress.org that would time out.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
// WordPress's files belong to root, wp-content to www-data: write there directly (uploading a plugin).
define('FS_METHOD', 'direct');
PHP
if cmp -s "$WP_CONFIG.new" "$WP_CONFIG"; then rm "$WP_CONFIG.new"; else
  mv "$WP_CONFIG.new" "$WP_CONFIG"
  chown root:www-data "$WP_CONFIG"
  chmod 640 "$WP_CONFIG"
fi

# Apache on 127.0.0.1:$PORT only.
APACHE_SITE=/etc/apache2/sites-available/open-data-widgets-wordpress.conf
cat > "$APACHE_SITE.new" <<CONF
# Written by tools/wordpress/setup.sh of open-data-widgets.
<VirtualHost $HOST:$PORT>
  ServerName $HOST
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php
  Alias /wp-content $CONTENT
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    Require all granted
  </Directory>
  <Directory $CONTENT>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
CONF
apache_changed=0
if ! cmp -s "$APACHE_SITE.new" "$APACHE_SITE"; then mv "$APACHE_SITE.new" "$APACHE_SITE"; apache_changed=1; else rm "$APACHE_SITE.new"; fi
PORTS="Listen $HOST:$PORT
ServerName $HOST"
if [ "$(cat /etc/apache2/ports.conf)" != "$PORTS" ]; then
  echo "$PORTS" > /etc/apache2/ports.conf
  apache_changed=1
fi
if [ -e /etc/apache2/sites-enabled/000-default.conf ]; then a2dissite -q 000-default >/dev/null; apache_changed=1; fi
if [ ! -e /etc/apache2/sites-enabled/open-data-widgets-wordpress.conf ]; then a2ensite -q open-data-widgets-wordpress >/dev/null; apache_changed=1; fi
if ! pgrep -x apache2 >/dev/null; then
  apache2ctl start
elif [ "$apache_changed" = 1 ]; then
  apache2ctl graceful
fi

# The plugin, as an upload would install it: the folder with its dist/ and allow-list.
PLUGIN_DIR="$CONTENT/plugins/open-data-widgets"
# NODE: the Node.js to use when sudo's PATH has none (tools/wordpress/test.mjs passes its own).
"${NODE:-node}" tools/wordpress/build-plugin.mjs "$PLUGIN_DIR"
# Owned like the plugins WordPress installs itself, so it can be updated or deleted from « Extensions ».
chown -R www-data:www-data "$PLUGIN_DIR"

# Site, users and plugin activation through WordPress's own functions.
php tools/wordpress/install.php "$HOST:$PORT"

for _ in $(seq 50); do
  curl -fsS -o /dev/null "$SITE/" && break
  sleep 0.2
done
echo "WordPress: $SITE/ (admin: $SITE/wp-admin/)"
