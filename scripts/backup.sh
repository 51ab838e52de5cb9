#!/usr/bin/env bash
# Backs up a Motcua installation into one directory: the database and the local files.
#   DATABASE_URL=postgres://…/motcua MOTCUA_DATA_DIR=/srv/motcua scripts/backup.sh /backups/2026-11-23
#   MOTCUA_DATA_DIR=./data scripts/backup.sh /backups/2026-11-23         (embedded database: stop the API first)
# PostgreSQL: pg_dump in custom format (a consistent snapshot; the API keeps running).
# Embedded PGlite: a copy of the data directory, which is only consistent while no process has it open.
# Files: a tar of $MOTCUA_DATA_DIR/files (local storage). With MOTCUA_STORAGE=s3 back the bucket up on
# the storage side (versioning or replication); see docs/deploy.md.
set -euo pipefail
out=${1:?usage: scripts/backup.sh <empty or new backup directory>}
data=${MOTCUA_DATA_DIR:-./data}
mkdir -p "$out"
if [ -n "$(ls -A "$out")" ]; then echo "backup: $out is not empty" >&2; exit 1; fi

if [ -n "${DATABASE_URL:-}" ]; then
  pg_dump --format=custom --no-owner --no-privileges --file "$out/database.dump" "$DATABASE_URL"
  echo "postgres" > "$out/kind"
else
  if [ ! -d "$data/pgdata" ]; then echo "backup: no embedded database at $data/pgdata" >&2; exit 1; fi
  # A running embedded database holds its WAL files open and has a postmaster.pid (removed on a clean stop).
  if { command -v fuser >/dev/null && fuser -s "$data"/pgdata/pg_wal/0* 2>/dev/null; } || [ -e "$data/pgdata/postmaster.pid" ]; then
    echo "backup: the embedded database at $data/pgdata is in use or was not stopped cleanly; stop the API first (after a crash, start and stop it once)" >&2
    exit 1
  fi
  tar -C "$data" -cf "$out/pgdata.tar" pgdata
  echo "pglite" > "$out/kind"
fi
if [ -d "$data/files" ]; then tar -C "$data" -cf "$out/files.tar" files; fi
(cd "$out" && sha256sum -- * > SHA256SUMS)
echo "backup: written to $out ($(du -sh "$out" | cut -f1))"
