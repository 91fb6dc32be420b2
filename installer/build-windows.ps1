# Builds the Windows installer: dist\pesiar-desktop-setup-<version>.exe
#
# Needs: Python 3.11+ (python.org, "Add to PATH") and Inno Setup 6 (iscc.exe; default
# install folder, or on PATH). From the repository root, in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#
# Steps: .venv with the project, Qt translations (.ts -> .qm), PyInstaller one-folder build
# (installer\pesiar-desktop.spec -> dist\pesiar-desktop\), a smoke test of the built program
# on throw-away data folders, then Inno Setup (installer\pesiar-desktop.iss).
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Fail($message) { Write-Error "build-windows: GAGAL: $message"; exit 1 }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$exe $($arguments -join ' ') (exit $LASTEXITCODE)" }
}

# 1. Virtual environment with the project (and PyInstaller)
if (-not (Test-Path ".venv\Scripts\python.exe")) { Run "python" @("-m", "venv", ".venv") }
$Py = Join-Path $Root ".venv\Scripts\python.exe"
Run $Py @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $Py @("-m", "pip", "install", "-q", "-e", ".[postgres]", "pyinstaller>=6.10")

# 2. Translations: .ts -> .qm
$Lrelease = Join-Path $Root ".venv\Scripts\pyside6-lrelease.exe"
foreach ($lang in @("id", "en")) {
    $ts = "resources\i18n\pesiar_$lang.ts"
    if (Test-Path $ts) { Run $Lrelease @("-silent", $ts, "-qm", "resources\i18n\pesiar_$lang.qm") }
}

# 3. PyInstaller (one folder)
$started = Get-Date
Run (Join-Path $Root ".venv\Scripts\pyinstaller.exe") @(
    "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "$Root\dist", "--workpath", "$Root\build\pyinstaller",
    "installer\pesiar-desktop.spec")
Write-Host ("build-windows: PyInstaller selesai dalam {0:N0} detik" -f ((Get-Date) - $started).TotalSeconds)

# 4. Smoke test of the built program (offscreen, fresh data folders)
$Exe = "$Root\dist\pesiar-desktop\pesiar-desktop.exe"
if (-not (Test-Path $Exe)) { Fail "$Exe tidak ada" }
$Work = Join-Path $env:TEMP ("pesiar-smoke-" + [guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Path $Work | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
try {
    Run $Exe @("--version")
    Run $Exe @("--data-dir", "$Work\a", "init", "--village-code", "52.01.01.2005",
               "--admin-user", "sekdes", "--admin-password", "rahasia-sekdes")
    Run $Exe @("--data-dir", "$Work\a", "gui", "--smoke")
    Run $Exe @("--data-dir", "$Work\b", "demo", "--residents", "200")
    Run $Exe @("--data-dir", "$Work\b", "stats", "--json")
    Run $Exe @("--data-dir", "$Work\b", "gui", "--smoke")
    New-Item -ItemType Directory -Path "$Work\usb" | Out-Null
    $env:PESIAR_USER = "admin"; $env:PESIAR_PASSWORD = "admin12345"  # the demo administrator
    Run $Exe @("--data-dir", "$Work\b", "backup", "$Work\usb")
    Run $Exe @("--data-dir", "$Work\b", "audit", "verify")
} finally {
    Remove-Item Env:\QT_QPA_PLATFORM
    Remove-Item Env:\PESIAR_USER, Env:\PESIAR_PASSWORD -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

# 5. Inno Setup
$Version = (& $Py -c "import pesiar_desktop; print(pesiar_desktop.__version__)").Trim()
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                             "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                             "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
        if (Test-Path $candidate) { $Iscc = $candidate; break }
    }
}
if (-not $Iscc) { Fail "Inno Setup 6 (ISCC.exe) tidak ditemukan; pasang dari jrsoftware.org" }
Run $Iscc @("/Qp", "/DAppVersion=$Version", "installer\pesiar-desktop.iss")
Write-Host "build-windows: OK -> dist\pesiar-desktop-setup-$Version.exe"
