#!/usr/bin/env bash
# Fresh machine -> the app running on a demo village (SQLite in the user data folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\n==> %s\n' "$*"; }
say "Memeriksa paket sistem (Qt, font) / checking system packages…"
bash "$ROOT/tools/setup-system.sh"
say "Menyiapkan Python dan pustaka di .venv (sekali saja, beberapa menit) / setting up .venv…"
source "$ROOT/tools/venv.sh"
# `demo` sets up a demo village only when the database is still empty.
if ! pesiar-desktop stats --json | python -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["residents"] else 1)'; then
  say "Membuat desa contoh / building the demo village…"
  pesiar-desktop demo
fi
say "Membuka PESIAR Desktop / starting the program…"
exec pesiar-desktop gui "$@"
