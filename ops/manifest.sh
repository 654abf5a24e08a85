#!/usr/bin/env bash
# What a backup must bring back: the number of rows in every table of the portal's database and
# a SHA-256 checksum of every private document. Sorted, so two manifests can be compared with diff.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL}"
: "${PRIVATE_MEDIA_ROOT:?set PRIVATE_MEDIA_ROOT}"

psql "$DATABASE_URL" -Atc "
  SELECT 'tabel ' || table_name || ' ' ||
         (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', table_name), false, true, '')))[1]::text
  FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
  ORDER BY table_name"
(cd "$PRIVATE_MEDIA_ROOT" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sed 's/^/document /')
