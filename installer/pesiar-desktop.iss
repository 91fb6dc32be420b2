; Inno Setup script for PESIAR Desktop (Windows). Build with installer\build-windows.ps1,
; which first makes dist\pesiar-desktop\ with PyInstaller, then runs:
;   iscc /DAppVersion=0.1.0 installer\pesiar-desktop.iss
; Output: dist\pesiar-desktop-setup-<version>.exe
;
; Installs per user (no administrator rights needed on a village office PC) into
; %LOCALAPPDATA%\Programs\PESIAR Desktop, with a Start-menu shortcut and an optional
; desktop icon. The data folder is NOT the install folder: the program keeps its database,
; backups and logs in platformdirs' user_data_dir for app "pesiar-desktop", i.e.
; %LOCALAPPDATA%\pesiar-desktop. Uninstalling keeps that folder unless the user ticks
; the box on the uninstaller's last question.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PESIAR Desktop"
#define AppExe "pesiar-desktop-gui.exe"
#define DataDirName "pesiar-desktop"

[Setup]
AppId={{5B0D4E52-7E1B-4C2F-9E41-50455349415201}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PESIAR Desktop
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=pesiar-desktop-setup-{#AppVersion}
SetupIconFile=pesiar-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "indonesian"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
indonesian.DesktopIcon=Buat ikon di Desktop
english.DesktopIcon=Create a desktop icon
indonesian.KeepDataInfo=Data PESIAR (basis data penduduk, cadangan dan catatan) ada di %1.%n%nData ini TIDAK dihapus, dan dipakai lagi bila aplikasi dipasang kembali.
english.KeepDataInfo=The PESIAR data (resident database, backups and logs) is in %1.%n%nIt is NOT deleted, and is used again if the program is reinstalled.
indonesian.DeleteDataBox=Hapus juga semua data PESIAR di komputer ini (tidak dapat dibatalkan)
english.DeleteDataBox=Also delete all PESIAR data on this computer (cannot be undone)
indonesian.DeleteDataSure=Yakin menghapus SEMUA data PESIAR di %1?
english.DeleteDataSure=Really delete ALL PESIAR data in %1?
indonesian.RunApp=Jalankan PESIAR Desktop
english.RunApp=Start PESIAR Desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\pesiar-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\Folder data PESIAR"; Filename: "{localappdata}\{#DataDirName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:RunApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program writes next to itself; the data folder is handled below.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
// The data folder (database, backups, logs) survives an uninstall unless the user ticks
// the box on the uninstaller's first screen (and confirms). A silent uninstall keeps it.
var
  DeleteData: Boolean;

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

function InitializeUninstall(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Result := True;
  DeleteData := False;
  if UninstallSilent or not DirExists(DataDir()) then
    Exit;
#if VER >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(460, 190, False, True);
#else
  Form := CreateCustomForm;
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(190);
#endif
  try
    Form.Caption := '{#AppName}';
    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.Left := ScaleX(12);
    Info.Top := ScaleY(12);
    Info.Width := Form.ClientWidth - ScaleX(24);
    Info.WordWrap := True;
    Info.AutoSize := True;
    Info.Caption := FmtMessage(CustomMessage('KeepDataInfo'), [DataDir()]);
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(110);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('DeleteDataBox');
    Box.Checked := False;
    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(25);
    OkButton.Left := Form.ClientWidth - ScaleX(2 * 90 + 2 * 12);
    OkButton.Top := Form.ClientHeight - ScaleY(25 + 12);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;
    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(25);
    CancelButton.Left := Form.ClientWidth - ScaleX(90 + 12);
    CancelButton.Top := Form.ClientHeight - ScaleY(25 + 12);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;
    Form.ActiveControl := OkButton;
    if Form.ShowModal() <> mrOk then
    begin
      Result := False;  // uninstall cancelled
      Exit;
    end;
    if Box.Checked then
      DeleteData := MsgBox(FmtMessage(CustomMessage('DeleteDataSure'), [DataDir()]),
                           mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData and DirExists(DataDir()) then
    DelTree(DataDir(), True, True, True);
end;
