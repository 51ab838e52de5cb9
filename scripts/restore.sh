#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a NEW, empty target; it never overwrites data.
#   DATABASE_URL=postgres://…/motcua_restored MOTCUA_DATA_DIR=/srv/motcua-restored scripts/restore.sh /backups/2026-11-23
#   MOTCUA_DATA_DIR=./data-restored scripts/restore.sh /backups/2026-11-23        (embedded database)
# PostgreSQL: create the empty database first (createdb); the restore runs in one transaction.
set -euo pipefail
from=${1:?usage: scripts/restore.sh <backup directory>}
data=${MOTCUA_DATA_DIR:-./data}
(cd "$from" && sha256sum --quiet -c SHA256SUMS) || { echo "restore: $from fails its checksums" >&2; exit 1; }
kind=$(cat "$from/kind")
mkdir -p "$data"

if [ "$kind" = postgres ]; then
  : "${DATABASE_URL:?restore: set DATABASE_URL to the new, empty database}"
  tables=$(psql "$DATABASE_URL" -Atc "select count(*) from information_schema.tables where table_schema = 'public'")
  if [ "$tables" != 0 ]; then echo "restore: the target database is not empty ($tables tables)" >&2; exit 1; fi
  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$DATABASE_URL" "$from/database.dump"
else
  if [ -e "$data/pgdata" ]; then echo "restore: $data/pgdata already exists" >&2; exit 1; fi
  tar -C "$data" -xf "$from/pgdata.tar"
fi
if [ -f "$from/files.tar" ]; then
  if [ -e "$data/files" ]; then echo "restore: $data/files already exists" >&2; exit 1; fi
  tar -C "$data" -xf "$from/files.tar"
fi
echo "restore: $kind backup from $from restored$([ "$kind" = postgres ] && echo " into the database" || echo " into $data")"
