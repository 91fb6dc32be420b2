"""Opens the program's database for a front end (GUI or CLI)."""

from __future__ import annotations

from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.logging_setup import setup_logging


def open_app_database(paths: AppPaths) -> Database:
    """Creates the folders, starts logging, migrates (backing up SQLite first)."""
    paths.ensure()
    setup_logging(paths.log_dir)
    return open_database(
        paths.database_url, backup_dir=paths.backup_dir, key_file=paths.audit_key_file
    )
