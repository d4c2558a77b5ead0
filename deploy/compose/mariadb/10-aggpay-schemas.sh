#!/bin/bash
# Run once by the MariaDB image on an empty data volume (/docker-entrypoint-initdb.d), after it created the user of
# MARIADB_USER, which the image grants rights on no schema: the services' schemas (docs/internals.md:
# <prefix>_merchant, _order, _router, _notify), which their JDBC URLs create when missing, need the user's rights on
# every schema of the prefix. Sourced by the image's entrypoint, whose docker_process_sql runs SQL as root.
prefix="${AGGPAY_DB_PREFIX:-aggpay}"
docker_process_sql <<SQL
GRANT ALL ON \`${prefix}\_%\`.* TO '${MARIADB_USER}'@'%';
FLUSH PRIVILEGES;
SQL
