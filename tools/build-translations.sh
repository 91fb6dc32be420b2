#!/usr/bin/env bash
# Qt translations: pesiar_desktop/resources/i18n/pesiar_<lang>.ts -> .qm (pyside6-lrelease).
# Indonesian is the source language (pesiar_id.ts holds no translations); English is
# pesiar_en.ts. Run by tools/venv.sh, so every setup has the .qm files; the installer
# bundles them.
#
#   bash tools/build-translations.sh            # .ts -> .qm (only when a .ts changed)
#   bash tools/build-translations.sh --update   # first refresh the .ts from the sources
#                                               # (pyside6-lupdate over pesiar_desktop/ui and app.py)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/.venv/bin"
[ -x "$BIN/pyside6-lrelease" ] || BIN="$(dirname "$(command -v pyside6-lrelease)")"
I18N="$ROOT/pesiar_desktop/resources/i18n"
LANGS=(id en)
cd "$ROOT"
if [ "${1:-}" = "--update" ]; then
  mapfile -t SOURCES < <(find pesiar_desktop/ui -name '*.py' | sort; echo pesiar_desktop/app.py)
  for lang in "${LANGS[@]}"; do
    "$BIN/pyside6-lupdate" -silent -locations relative -no-obsolete "${SOURCES[@]}" \
      -source-language id -target-language "$lang" -ts "$I18N/pesiar_$lang.ts"
  done
fi
for lang in "${LANGS[@]}"; do
  ts="$I18N/pesiar_$lang.ts"
  qm="$I18N/pesiar_$lang.qm"
  [ -f "$ts" ] || continue
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done
