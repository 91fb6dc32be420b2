; NSIS script of the Windows setup.exe (64-bit). installer/build-windows-wine.sh runs it with
; Debian's makensis, on Linux, after PyInstaller made dist\windows\pesiar-desktop\ under Wine:
;   makensis -DVERSION=0.1.0 -DBUNDLE=<bundle folder> -DOUTFILE=<setup.exe> pesiar-desktop.nsi
;
; Installs per user (no administrator rights on a village office PC) into
; %LOCALAPPDATA%\Programs\PESIAR Desktop, with Start-menu and desktop shortcuts and an entry in
; Add/Remove Programs (version, publisher, icon). Installing over an older version replaces the
; program and keeps the data; the program migrates the database (after a backup) at its next
; start.
;
; The data folder is NOT the install folder: the program keeps its database, backups and logs
; in platformdirs' user_data_dir for "pesiar-desktop", i.e. %LOCALAPPDATA%\pesiar-desktop. The
; uninstaller keeps it unless "Hapus data" is ticked on its components page (or, silently,
; `uninstall.exe /S /HAPUSDATA`).
;
; Silent install: setup.exe /S   (what the Wine smoke test does; /D=<folder> picks the folder)

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !error "BUNDLE (the PyInstaller folder) is required"
!endif
!ifndef OUTFILE
  !define OUTFILE "pesiar-desktop-setup-${VERSION}.exe"
!endif
!define APPNAME "PESIAR Desktop"
!define PUBLISHER "PESIAR Desktop"
!define GUIEXE "pesiar-desktop-gui.exe"
!define DATADIRNAME "pesiar-desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PESIAR Desktop"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

; Version information of setup.exe itself (Properties -> Details).
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APPNAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define MUI_ICON "pesiar-desktop.ico"
!define MUI_UNICON "pesiar-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUIEXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan ${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
; (MUI2 takes the page's text from the non-"UN" name, defined right before the page.)
!define MUI_COMPONENTSPAGE_TEXT_TOP "Data PESIAR (basis data penduduk, cadangan dan catatan) ada di $LOCALAPPDATA\${DATADIRNAME}. Data ini TIDAK dihapus kecuali Anda mencentang $\"Hapus data$\"; bila dibiarkan, data dipakai lagi saat aplikasi dipasang kembali."
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME} memerlukan Windows 64-bit." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Section "${APPNAME} (wajib)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's files go first, so nothing stale of it stays next to the new one.
  ; The data folder is elsewhere and is not touched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  File "/oname=$INSTDIR\pesiar-desktop.ico" "pesiar-desktop.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${GUIEXE}" "" "$INSTDIR\pesiar-desktop.ico"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Folder data PESIAR.lnk" "$LOCALAPPDATA\${DATADIRNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Hapus ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\pesiar-desktop.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "Ikon di Desktop" SecDesktop
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${GUIEXE}" "" "$INSTDIR\pesiar-desktop.ico"
SectionEnd

Section "un.${APPNAME}" UnSecApp
  SectionIn RO
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\pesiar-desktop.exe"
  Delete "$INSTDIR\${GUIEXE}"
  Delete "$INSTDIR\pesiar-desktop.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd

; Unticked unless the user ticks it: the village's register survives an uninstall.
Section /o "un.Hapus data (basis data, cadangan, catatan)" UnSecData
  RMDir /r "$LOCALAPPDATA\${DATADIRNAME}"
SectionEnd

; After the sections: it needs their indexes.
Function un.onInit
  SetRegView 64
  ; `uninstall.exe /S /HAPUSDATA`: the silent way to tick "Hapus data".
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/HAPUSDATA" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
