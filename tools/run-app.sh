#!/usr/bin/env bash
# Fresh machine -> the app running on a demo village (SQLite in the user data folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/setup-system.sh"
source "$ROOT/tools/venv.sh"
# `demo` sets up a demo village only when the database is still empty.
if ! pesiar-desktop stats --json | python -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["residents"] else 1)'; then
  pesiar-desktop demo
fi
exec pesiar-desktop gui "$@"
