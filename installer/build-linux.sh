#!/usr/bin/env bash
# Builds the Linux one-folder bundle dist/pesiar-desktop/ with PyInstaller and proves it
# works: the window's smoke test (offscreen), a demo village and its figures, a backup
# and the audit chain, all on fresh data folders. Any failure stops the script (exit != 0).
#
#   bash installer/build-linux.sh            # build + smoke test
#   SKIP_BUILD=1 bash installer/build-linux.sh   # only the smoke test of an existing build
#
# Output: dist/pesiar-desktop/ (run dist/pesiar-desktop/pesiar-desktop) and
# dist/pesiar-desktop-linux-x86_64.tar.gz with the .desktop file and icon inside.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/venv.sh
bash tools/build-translations.sh

fail() { echo "build-linux: GAGAL: $*" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
  python -m pip install -q "pyinstaller>=6.10"
  started=$(date +%s)
  pyinstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/pesiar-desktop.spec
  echo "build-linux: dibangun dalam $(( $(date +%s) - started )) detik"
fi

APPDIR="$ROOT/dist/pesiar-desktop"
EXE="$APPDIR/pesiar-desktop"
[ -x "$EXE" ] || fail "$EXE tidak ada"
cp installer/pesiar-desktop.desktop "$APPDIR/"
cp pesiar_desktop/resources/icons/pesiar-256.png "$APPDIR/pesiar-desktop.png"
echo "build-linux: ukuran $(du -sh "$APPDIR" | cut -f1) ($(find "$APPDIR" -type f | wc -l) berkas)"

WORK="$(mktemp -d /tmp/pesiar-build-smoke.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# An OpenSID export to import with the bundle (written with the build venv's openpyxl).
python - "$WORK/opensid.xlsx" <<'PY'
import sys
from openpyxl import Workbook
book = Workbook()
sheet = book.active
sheet.append(["alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir",
              "tanggallahir", "agama_id", "kk_level", "status_kawin", "status_dasar"])
sheet.append(["Jl. Melati 1", "Dusun Krajan", "001", "002", "SUKRI", "5201010101200001",
              "5201010403800011", 1, "GERUNG", "04-03-1980", 1, 1, 2, 1])
sheet.append(["Jl. Melati 1", "Dusun Krajan", "001", "002", "AMINAH", "5201010101200001",
              "5201014907840012", 2, "GERUNG", "09-07-1984", 1, 3, 2, 1])
book.save(sys.argv[1])
PY
export QT_QPA_PLATFORM=offscreen
# The bundle must not lean on the developer's checkout or venv.
unset PYTHONPATH VIRTUAL_ENV
export PATH="/usr/bin:/bin"
cd "$WORK"

"$EXE" --version || fail "--version"
# An empty data folder: the window refuses to smoke-test a village that is not set up,
# so set one up first, as an office would.
"$EXE" --data-dir "$WORK/a" init --village-code 52.01.01.2005 \
  --admin-user sekdes --admin-password 'rahasia-sekdes' >/dev/null || fail "init"
"$EXE" --data-dir "$WORK/a" gui --smoke || fail "gui --smoke (desa kosong)"
imported="$(PESIAR_USER=sekdes PESIAR_PASSWORD=rahasia-sekdes \
  "$EXE" --data-dir "$WORK/a" import residents "$WORK/opensid.xlsx" --json)" \
  || fail "import residents"
echo "build-linux: impor $imported"
# plain_xlsx logs it when the bundle lacks what it needs (the import then reads cell by cell).
! grep "unavailable, reading cell by cell" "$WORK/a/logs/pesiar.log" \
  || fail "pembaca .xlsx per kolom tidak jalan di paket"
echo "$imported" | grep -q '"new": 2' || fail "impor OpenSID tidak menambah 2 penduduk"
ls -d "$APPDIR"/_internal/fastexcel "$APPDIR"/_internal/nanoarrow >/dev/null \
  || fail "pembaca .xlsx per kolom (fastexcel, nanoarrow) tidak ikut"

"$EXE" --data-dir "$WORK/b" demo --residents 200 || fail "demo --residents 200"
stats="$("$EXE" --data-dir "$WORK/b" stats --json)" || fail "stats"
echo "build-linux: stats $stats"
# 200 demo residents, a few of them dead or moved: the living count is just under 200.
echo "$stats" | grep -Eq '"residents": 1[5-9][0-9][,}]' || fail "stats tidak menghitung penduduk demo"
"$EXE" --data-dir "$WORK/b" stats || fail "stats (teks)"
"$EXE" --data-dir "$WORK/b" gui --smoke | tee "$WORK/smoke.txt" || fail "gui --smoke (demo)"
grep -q "smoke ok" "$WORK/smoke.txt" || fail "gui --smoke tidak mencetak 'smoke ok'"
mkdir -p "$WORK/usb"
PESIAR_USER=admin PESIAR_PASSWORD=admin12345 \
  "$EXE" --data-dir "$WORK/b" backup "$WORK/usb" || fail "backup"
PESIAR_USER=admin PESIAR_PASSWORD=admin12345 \
  "$EXE" --data-dir "$WORK/b" restore "$(ls "$WORK"/usb/*.sqlite3 | head -n 1)" --yes || fail "restore"
"$EXE" --data-dir "$WORK/b" audit verify || fail "audit verify"
ls "$APPDIR"/_internal/pesiar_desktop/resources/i18n/*.qm >/dev/null 2>&1 || fail "terjemahan .qm tidak ikut"
ls "$APPDIR"/_internal/pesiar_desktop/migrations/versions/0001_*.py >/dev/null || fail "migrasi tidak ikut"

cd "$ROOT/dist"
tar -czf pesiar-desktop-linux-x86_64.tar.gz pesiar-desktop
echo "build-linux: OK -> dist/pesiar-desktop/ dan dist/pesiar-desktop-linux-x86_64.tar.gz" \
  "($(du -sh pesiar-desktop-linux-x86_64.tar.gz | cut -f1))"
