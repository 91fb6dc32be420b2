#!/usr/bin/env bash
# Smoke test of the Windows setup.exe under Wine, as an office PC would use it: a fresh Wine
# prefix, `setup.exe /S` (per user, no administrator), then the INSTALLED pesiar-desktop.exe
# runs a demo village of 500 residents, `stats --json` (the figures must equal the same demo
# built by this checkout on Linux), the window's smoke test (offscreen), an OpenSID import, a
# backup and restore and `audit verify`; the uninstaller removes the program and keeps the
# data folder, and a second install + `uninstall.exe /S /HAPUSDATA` removes the data too.
# Any failed step stops the script with exit status 1.
#
#   bash installer/smoke-windows-wine.sh dist/pesiar-desktop-setup-0.1.0.exe
#
# What Wine 8 needs, all of it in the throw-away prefix only (nothing of it is in the setup):
# - bcryptprimitives.dll (Rust's random numbers, for calamine/fastexcel): a stand-in built
#   from installer/wine/bcryptprimitives.c; real Windows has the real one.
# - QT_QPA_PLATFORM=offscreen through the prefix's registry (HKCU\Environment): Wine does not
#   hand QT_* variables of the Linux environment to Windows programs, and Qt's windows
#   platform aborts under Wine 8.
# - stdout and stderr through pipes: Python cannot start with a Linux file as its console.
# - winemenubuilder off: the shortcuts stay .lnk files in the prefix instead of becoming
#   menu entries of the Linux machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETUP="$(realpath "${1:?usage: smoke-windows-wine.sh SETUP.exe}")"
[ -f "$SETUP" ] || { echo "smoke-windows: $SETUP tidak ada" >&2; exit 1; }
cd "$ROOT"
source tools/venv.sh >/dev/null  # Linux Python: the reference demo and the OpenSID workbook

# The demo's administrator, in one place: commands that write or export personal data are
# run as this user (its password from the environment, never on the command line).
export PESIAR_USER=admin PESIAR_PASSWORD=admin12345
AS_ADMIN=(--user "$PESIAR_USER")

fail() { echo "smoke-windows: GAGAL: $*" >&2; exit 1; }
step() { echo "smoke-windows: [$((SECONDS - T0)) s] $*"; }
T0=$SECONDS

WORK="$(mktemp -d /tmp/pesiar-win-smoke.XXXXXX)"
cleanup() {
  WINEPREFIX="$WORK/prefix" wineserver -k >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY  # no desktop: nothing may open a window that waits for a click

# win CMD...: runs a Windows program, stdout and stderr through pipes, its exit status kept.
win() {
  local status
  set +e
  wine "$@" </dev/null 2> >(cat >&2) | cat
  status=${PIPESTATUS[0]}
  set -e
  return "$status"
}
winpath() { winepath -u "$1" 2>/dev/null; }

step "prefix Wine baru"
wineboot -i >/dev/null 2>&1
wineserver -w
SYS32="$WINEPREFIX/drive_c/windows/system32"
cp "$ROOT/build/windows/bcryptprimitives.dll" "$SYS32/" 2>/dev/null \
  || fail "stand-in bcryptprimitives.dll belum dibangun (installer/build-windows-wine.sh)"
win reg add 'HKCU\Environment' /v QT_QPA_PLATFORM /t REG_SZ /d offscreen /f >/dev/null
wineserver -w
LOCALAPPDATA_WIN="$(win cmd /c echo '%LOCALAPPDATA%' | tr -d '\r')"
LOCALAPPDATA_UX="$(winpath "$LOCALAPPDATA_WIN")"
INSTDIR="$LOCALAPPDATA_UX/Programs/PESIAR Desktop"
DATADIR="$LOCALAPPDATA_UX/pesiar-desktop"
EXE="$LOCALAPPDATA_WIN\\Programs\\PESIAR Desktop\\pesiar-desktop.exe"
GUIEXE="$LOCALAPPDATA_WIN\\Programs\\PESIAR Desktop\\pesiar-desktop-gui.exe"
START_MENU="$(winpath "$(win cmd /c echo '%APPDATA%' | tr -d '\r')")/Microsoft/Windows/Start Menu/Programs/PESIAR Desktop"
DESKTOP_LNK="$(winpath "$(win cmd /c echo '%USERPROFILE%' | tr -d '\r')")/Desktop/PESIAR Desktop.lnk"
UNINSTKEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\PESIAR Desktop'

install() {
  step "setup.exe /S"
  win "$SETUP" /S || fail "setup.exe /S"
  wineserver -w
  [ -f "$INSTDIR/pesiar-desktop.exe" ] || fail "pesiar-desktop.exe tidak terpasang di $INSTDIR"
  [ -f "$INSTDIR/pesiar-desktop-gui.exe" ] || fail "pesiar-desktop-gui.exe tidak terpasang"
  [ -f "$INSTDIR/uninstall.exe" ] || fail "uninstall.exe tidak ada"
  [ -f "$START_MENU/PESIAR Desktop.lnk" ] || fail "pintasan menu Start tidak ada"
  [ -f "$DESKTOP_LNK" ] || fail "pintasan Desktop tidak ada"
  ! ls "$INSTDIR"/_internal/bcryptprimitives.dll >/dev/null 2>&1 \
    || fail "stand-in bcryptprimitives.dll ikut terpasang"
  local key
  key="$(win reg query "$UNINSTKEY")" || fail "entri Add/Remove Programs tidak ada"
  echo "$key" | grep -q "DisplayVersion.*$VERSION" || fail "versi di Add/Remove Programs: $key"
  echo "$key" | grep -q "Publisher" || fail "penerbit di Add/Remove Programs: $key"
}

uninstall() {  # uninstall [extra switches]: NSIS runs its uninstaller from a temp copy
  step "uninstall.exe /S $*"
  win "$INSTDIR/uninstall.exe" /S "$@" || fail "uninstall.exe /S $*"
  wineserver -w
  [ ! -e "$INSTDIR/pesiar-desktop.exe" ] || fail "program masih ada setelah uninstall"
  [ ! -e "$INSTDIR/_internal" ] || fail "_internal masih ada setelah uninstall"
  [ ! -e "$START_MENU" ] || fail "menu Start masih ada setelah uninstall"
  [ ! -e "$DESKTOP_LNK" ] || fail "pintasan Desktop masih ada setelah uninstall"
  ! win reg query "$UNINSTKEY" >/dev/null 2>&1 || fail "entri Add/Remove Programs masih ada"
}

VERSION="$(python -c 'import pesiar_desktop; print(pesiar_desktop.__version__)')"
install
echo "smoke-windows: terpasang $(du -sh "$INSTDIR" | cut -f1) di $INSTDIR"

step "--version"
win "$EXE" --version | grep -q "$VERSION" || fail "--version"

# The demo village in the default data folder (%LOCALAPPDATA%\pesiar-desktop), as an office
# would have it; the same demo is built on Linux to compare the figures.
step "demo --residents 500"
demo_day="$(date +%F)"  # the demo depends on the day: both runs must fall on the same one
win "$EXE" demo --residents 500 >/dev/null || fail "demo --residents 500"
[ -f "$DATADIR/pesiar.sqlite3" ] || fail "basis data tidak ada di $DATADIR"
stats="$(win "$EXE" stats --json | tr -d '\r')" || fail "stats --json"
echo "smoke-windows: stats $stats"
step "demo yang sama di Linux (pembanding)"
PESIAR_DATA_DIR="$WORK/linux" python -m pesiar_desktop demo --residents 500 >/dev/null
expected="$(PESIAR_DATA_DIR="$WORK/linux" python -m pesiar_desktop stats --json)"
same_day=1
[ "$(date +%F)" = "$demo_day" ] || same_day=0  # midnight passed: only the ranges are checked
python - "$stats" "$expected" "$same_day" <<'PY' || fail "angka stats Windows berbeda dengan Linux"
import json, sys
got, want = (json.loads(text) for text in sys.argv[1:3])
assert 400 <= got["residents"] <= 500 and got["families"] > 0, got
assert 0 < got["coverage_pct"] <= 100 and got["by_dusun"], got
assert sys.argv[3] == "0" or got == want, (got, want)
PY

step "gui --smoke (pesiar-desktop.exe, offscreen)"
smoke="$(win "$EXE" gui --smoke | tr -d '\r')" || fail "gui --smoke"
echo "smoke-windows: $smoke"
residents="$(python -c 'import json,sys; print(json.loads(sys.argv[1])["residents"])' "$stats")"
[ "$smoke" = "smoke ok: $residents penduduk" ] || fail "gui --smoke tidak mencetak 'smoke ok: $residents penduduk'"
step "gui --smoke (pesiar-desktop-gui.exe, the shortcuts' program)"
# It has no console: its result is its exit status and one more "smoke ok" line in the log.
before="$(grep -c "smoke ok: $residents penduduk" "$DATADIR/logs/pesiar.log" || true)"
win "$GUIEXE" gui --smoke || fail "pesiar-desktop-gui.exe gui --smoke"
after="$(grep -c "smoke ok: $residents penduduk" "$DATADIR/logs/pesiar.log" || true)"
[ "$after" -gt "$before" ] || fail "pesiar-desktop-gui.exe tidak mencatat 'smoke ok' di log"

step "backup, restore, audit verify"
mkdir -p "$WORK/usb"
win "$EXE" backup "${AS_ADMIN[@]}" "$(winepath -w "$WORK/usb" | tr -d '\r')" >/dev/null || fail "backup"
copy="$(ls "$WORK"/usb/*.sqlite3 | head -n 1)"
[ -s "$copy" ] || fail "berkas cadangan tidak ada"
win "$EXE" restore "${AS_ADMIN[@]}" "$(winepath -w "$copy" | tr -d '\r')" --yes >/dev/null || fail "restore"
win "$EXE" audit verify || fail "audit verify"
[ "$(win "$EXE" stats --json | tr -d '\r')" = "$stats" ] || fail "stats setelah restore berbeda"

step "impor OpenSID (desa baru di folder data lain)"
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
OTHER="$(winepath -w "$WORK/desa2" | tr -d '\r')"
win "$EXE" --data-dir "$OTHER" init --village-code 52.01.01.2005 \
  --admin-user "$PESIAR_USER" --admin-password "$PESIAR_PASSWORD" >/dev/null || fail "init"
imported="$(win "$EXE" --data-dir "$OTHER" import residents "${AS_ADMIN[@]}" \
  "$(winepath -w "$WORK/opensid.xlsx" | tr -d '\r')" --json | tr -d '\r')" || fail "import residents"
echo "smoke-windows: impor $imported"
echo "$imported" | grep -q '"new": 2' || fail "impor OpenSID tidak menambah 2 penduduk"
! grep "unavailable, reading cell by cell" "$WORK/desa2/logs/pesiar.log" \
  || fail "pembaca .xlsx per kolom (fastexcel) tidak jalan"

uninstall
[ -f "$DATADIR/pesiar.sqlite3" ] || fail "uninstall menghapus data (harus disimpan)"
[ -n "$(ls "$DATADIR"/backups/ 2>/dev/null)" ] || fail "uninstall menghapus cadangan otomatis"
step "data tersimpan setelah uninstall: $(ls "$DATADIR")"

# Installing again finds the village as it was; then "Hapus data" removes it.
install
[ "$(win "$EXE" stats --json | tr -d '\r')" = "$stats" ] || fail "data tidak terbaca lagi setelah pasang ulang"
uninstall /HAPUSDATA
[ ! -e "$DATADIR" ] || fail "uninstall /HAPUSDATA tidak menghapus data"

step "OK: setup.exe terpasang, program berjalan, uninstall menyimpan data kecuali 'Hapus data'"
