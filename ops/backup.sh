#!/usr/bin/env bash
# Back up the portal: the PostgreSQL database (pg_dump, custom format) and the private documents
# (PRIVATE_MEDIA_ROOT), with a manifest of row counts per table and a checksum per document.
#
#   DATABASE_URL=postgres://... PRIVATE_MEDIA_ROOT=/app/var/media ops/backup.sh /backups/2026-12-01
#
# The manifest lets ops/restore.sh (and ops/backup_proef.sh) prove that a restore is complete.
set -euo pipefail
doel=${1:?usage: ops/backup.sh <backup directory>}
: "${DATABASE_URL:?set DATABASE_URL}"
: "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT}"
hier=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$doel"
pg_dump --format=custom --no-owner --no-privileges --file="$doel/database.dump" "$DATABASE_URL"
tar --create --gzip --file="$doel/documenten.tar.gz" --directory="$PRIVATE_MEDIA_ROOT" .
"$hier/manifest.sh" > "$doel/manifest.txt"
echo "Backup in $doel: database.dump, documenten.tar.gz, manifest.txt ($(grep -c '' "$doel/manifest.txt") regels)"
