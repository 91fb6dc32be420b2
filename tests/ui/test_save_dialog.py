"""Every save dialog starts in one remembered folder (ui/save_dialog.py, kept in the data
folder's ui.ini), and nothing calls QFileDialog.getSaveFileName past the helper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from pesiar_desktop.app import ui_settings
from pesiar_desktop.config import resources_dir
from pesiar_desktop.ui import save_dialog

PACKAGE = resources_dir().parent


def test_only_the_helper_opens_a_save_dialog():
    callers = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "getSaveFileName(" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["ui/save_dialog.py"]


def test_save_dialogs_start_in_the_last_folder(
    qtbot, make_window, admin, ui_paths, tmp_path, monkeypatch
):
    window = make_window(admin)
    office = tmp_path / "dokumen kantor"
    office.mkdir()
    asked: list[tuple[str, str]] = []  # (title, start path) of each dialog

    def fake(_parent, title, start, _pattern=""):  # type: ignore[no-untyped-def]
        asked.append((title, start))
        return (str(office / Path(start).name), "") if len(asked) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    # The first file is saved in the office folder...
    chosen, _f = save_dialog.get_save_file_name(window, "Simpan", "uji.pdf", "PDF (*.pdf)")
    assert chosen == str(office / "uji.pdf")
    assert save_dialog.save_folder() == office
    # ... so every page's save dialog starts there, with its own file name (cancelled here).
    window.pages["laporan"]._ask_recap()  # type: ignore[attr-defined]
    window.pages["petakan"].ask_export()  # type: ignore[attr-defined]
    window.pages["agen"].export_register()  # type: ignore[attr-defined]
    window.pages["registrasi"].ask_proposal()  # type: ignore[attr-defined]
    window.pages["registrasi"].ask_employer_report()  # type: ignore[attr-defined]
    starts = [Path(start) for _title, start in asked[1:]]
    assert len(starts) == 5
    assert all(start.parent == office for start in starts), asked
    assert [s.name for s in starts][:2] == [
        f"{window.pages['laporan']._file_stem()}.xlsx",  # type: ignore[attr-defined]
        starts[1].name,
    ]
    assert starts[1].name.startswith("sasaran-petakan-") and starts[3].name.endswith(".xlsx")
    # Kept in the data folder's ui.ini: the next start (another window) remembers it.
    assert ui_settings(ui_paths).value(save_dialog.FOLDER_KEY) == str(office)
    make_window(admin)
    assert save_dialog.save_folder() == office
    # A folder that is gone (a USB stick taken out) is not offered.
    office.rmdir()
    assert save_dialog.save_folder() != office and save_dialog.save_folder().is_dir()
