"""Where the program keeps its files and which database it talks to.

Order of precedence: command-line option, then environment variable, then the
platform's user data folder (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from pesiar_desktop import APP_ID
from pesiar_desktop.audit_key import ENV_KEY_FILE, KEY_FILE_NAME

ENV_DATA_DIR = "PESIAR_DATA_DIR"
ENV_DATABASE_URL = "PESIAR_DATABASE_URL"
DB_FILE_NAME = "pesiar.sqlite3"


def resources_dir() -> Path:
    """The shipped resources (region list, fonts, icons, .qm translations): package data in
    `pesiar_desktop/resources`, so the checkout, an installed wheel and the PyInstaller bundle
    (which sets `__file__` of its frozen modules to `_MEIPASS/pesiar_desktop/…`) all find them
    next to this module."""
    return Path(__file__).resolve().parent / "resources"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    database_url: str

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_file(self) -> Path | None:
        if not self.is_sqlite:
            return None
        return Path(self.database_url.split("///", 1)[1])

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def audit_key_file(self) -> Path:
        """The audit key beside the database, outside it (PESIAR_AUDIT_KEY_FILE moves it;
        PCs sharing one PostgreSQL database share one key file)."""
        chosen = os.environ.get(ENV_KEY_FILE)
        return Path(chosen).expanduser() if chosen else self.data_dir / KEY_FILE_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)


def resolve_paths(data_dir: str | None = None, database_url: str | None = None) -> AppPaths:
    chosen_dir = data_dir or os.environ.get(ENV_DATA_DIR)
    folder = (
        Path(chosen_dir).expanduser().resolve()
        if chosen_dir
        else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    )
    url = database_url or os.environ.get(ENV_DATABASE_URL)
    if not url:
        url = f"sqlite:///{folder / DB_FILE_NAME}"
    return AppPaths(data_dir=folder, database_url=url)
