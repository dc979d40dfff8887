#!/usr/bin/env bash
# Checks that resources/translations/*.ts are up to date and complete (issue #11): runs
# lupdate over the sources into copies of the .ts files (the options the update_translations
# target uses) and fails on any entry that is new or changed (unfinished), vanished or
# obsolete, or a German numerus entry without all its forms.
# Usage: check-translations.sh LUPDATE TS_DIR SOURCE...
set -euo pipefail
lupdate=$1 ts_dir=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in "$ts_dir"/quill_*.ts; do
  name=$(basename "$ts")
  cp "$ts" "$tmp/$name"
  extra=()
  [ "$name" = quill_en.ts ] && extra=(-pluralonly)
  "$lupdate" -silent -locations none -no-obsolete -no-ui-lines "${extra[@]}" "$@" -ts "$tmp/$name" >/dev/null
  if ! cmp -s "$ts" "$tmp/$name"; then
    echo "$name is not what lupdate makes of the sources: run cmake --build --preset dev --target update_translations"
    diff -u "$ts" "$tmp/$name" | head -40
    status=1
  fi
  if grep -nE 'type="(unfinished|vanished|obsolete)"' "$tmp/$name"; then
    echo "$name: untranslated or stale entries (above)"
    status=1
  fi
  if grep -n '<numerusform></numerusform>' "$tmp/$name"; then
    echo "$name: missing plural forms (above)"
    status=1
  fi
done
[ $status -eq 0 ] && echo "translations complete: $(grep -c '<source>' "$ts_dir/quill_de.ts") strings in quill_de.ts"
exit $status
