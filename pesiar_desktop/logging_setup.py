"""Rotating log files in the data folder's `logs/`, plus faulthandler for hard crashes."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path
from typing import TextIO

_fault_file: TextIO | None = None


def setup_logging(log_dir: Path, verbose: bool = False) -> None:
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if any(getattr(h, "_pesiar", False) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "pesiar.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler._pesiar = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if _fault_file is None:
        _fault_file = (log_dir / "crash-faulthandler.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
