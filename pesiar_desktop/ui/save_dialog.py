"""Every "save as" dialog starts in one remembered folder.

A secretary saves a recap, then a receipt, then a worksheet: each dialog opens where the
last file went (kept in the data folder's ui.ini, per PC), instead of wherever Qt or the
program's working directory happens to be. `get_save_file_name` is the only caller of
QFileDialog.getSaveFileName (tests/ui/test_save_dialog.py scans for others).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

FOLDER_KEY = "dialogs/save_folder"

# The window's ui.ini (MainWindow sets it); None before a window exists (then nothing is kept).
_store: list[QSettings] = []


def use_settings(settings: QSettings) -> None:
    """Remember the folder in `settings` (the main window's ui.ini) from now on."""
    _store[:] = [settings]


def _default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_folder() -> Path:
    """Where the next save dialog starts: the last folder a file was saved in, while it
    exists; else the user's Documents folder (or home)."""
    if _store:
        stored = str(_store[0].value(FOLDER_KEY, "") or "")
        if stored and Path(stored).is_dir():
            return Path(stored)
    return _default_folder()


def remember_folder(folder: Path) -> None:
    if _store:
        _store[0].setValue(FOLDER_KEY, str(folder))
        _store[0].sync()


def get_save_file_name(
    parent: QWidget | None, title: str, name: str, pattern: str = ""
) -> tuple[str, str]:
    """QFileDialog.getSaveFileName starting in the remembered folder with `name`'s file name
    (a folder in `name` is ignored); remembers the chosen file's folder. Same result as Qt's:
    (path or "" when cancelled, the chosen filter)."""
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(save_folder() / Path(name).name), pattern
    )
    if chosen:
        remember_folder(Path(chosen).parent)
    return chosen, selected
