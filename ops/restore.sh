#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and an empty documents directory,
# then compare the result with the backup's manifest. Stop web, worker and beat first.
#
#   DATABASE_URL=postgres://.../portal_nieuw PRIVATE_MEDIA_ROOT=/app/var/media ops/restore.sh /backups/2026-12-01
set -euo pipefail
bron=${1:?usage: ops/restore.sh <backup directory>}
: "${DATABASE_URL:?set DATABASE_URL}"
: "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT}"
hier=$(cd "$(dirname "$0")" && pwd)

tabellen=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tabellen" != "0" ]; then
  echo "De database is niet leeg ($tabellen tabellen): herstel alleen in een lege database." >&2
  exit 1
fi
mkdir -p "$PRIVATE_MEDIA_ROOT"
if [ -n "$(ls -A "$PRIVATE_MEDIA_ROOT")" ]; then
  echo "De map $PRIVATE_MEDIA_ROOT is niet leeg: herstel alleen in een lege map." >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$bron/database.dump"
tar --extract --gzip --file="$bron/documenten.tar.gz" --directory="$PRIVATE_MEDIA_ROOT"

if diff <("$hier/manifest.sh") "$bron/manifest.txt"; then
  echo "Hersteld: alle tabellen en documenten komen overeen met de backup."
else
  echo "Het herstel wijkt af van de backup (zie de verschillen hierboven)." >&2
  exit 1
fi
