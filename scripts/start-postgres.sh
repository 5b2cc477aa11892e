#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when it is missing, starts a cluster on localhost, creates the role and
# database the Postgres tests use, and writes NASTUNERS_POSTGRES to /tmp/nastuners-postgres.env for .ci/run to source.
# Works as root or with sudo. Idempotent: running it again finds everything in place.
set -euo pipefail
rm -f /tmp/nastuners-postgres.env

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -n -u postgres bash -c "$1"; fi; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
  as_root pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')

# A password login over TCP on localhost, as a worker on another machine would connect.
as_postgres "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'nastuners'\" | grep -q 1 || psql -p $port -qc \"CREATE ROLE nastuners LOGIN PASSWORD 'nastuners'\""
as_postgres "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'nastuners_test'\" | grep -q 1 || createdb -p $port -O nastuners nastuners_test"

url="postgresql://nastuners:nastuners@127.0.0.1:${port}/nastuners_test"
echo "NASTUNERS_POSTGRES='${url}'" > /tmp/nastuners-postgres.env
echo "PostgreSQL ${version} on 127.0.0.1:${port}, test database nastuners_test."
