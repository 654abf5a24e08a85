#!/usr/bin/env bash
# Proof that a backup restores: fill a scratch database with the demo (documents included), back it
# up with ops/backup.sh, restore it with ops/restore.sh into a second scratch database and an empty
# documents directory, and let restore.sh compare row counts and document checksums. Run by .ci/run.
#
#   PGURL=postgres://postgres@127.0.0.1:5432 ops/backup_proef.sh
set -euo pipefail
cd "$(dirname "$0")/.."
server=${PGURL:-postgres://postgres@127.0.0.1:5432}
werk=$(mktemp -d)
bron_db=pp_backup_bron_$$
doel_db=pp_backup_doel_$$
opruimen() {
  psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $bron_db" -c "DROP DATABASE IF EXISTS $doel_db" >/dev/null 2>&1 || true
  rm -rf "$werk"
}
trap opruimen EXIT

psql "$server/postgres" -qc "CREATE DATABASE $bron_db" -c "CREATE DATABASE $doel_db"

export DATABASE_URL="$server/$bron_db" PRIVATE_MEDIA_ROOT="$werk/media-bron" DJANGO_ENV=development LOG_LEVEL=WARNING
.venv/bin/python manage.py migrate --noinput >/dev/null
.venv/bin/python manage.py seed_demo >/dev/null
aantal_documenten=$(find "$PRIVATE_MEDIA_ROOT" -type f | wc -l)
[ "$aantal_documenten" -gt 0 ] || { echo "De demo maakte geen documenten: de proef bewijst dan te weinig." >&2; exit 1; }

ops/backup.sh "$werk/backup"

export DATABASE_URL="$server/$doel_db" PRIVATE_MEDIA_ROOT="$werk/media-doel"
ops/restore.sh "$werk/backup"
echo "Backup-proef geslaagd ($aantal_documenten documenten)."
