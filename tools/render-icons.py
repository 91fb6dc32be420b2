"""Render the Font Awesome icons the program uses (ui/icons.NAMES) into alpha masks, so
the program shows them without importing qtawesome (see ui/icons.py). Run again after
adding a name to NAMES:

    python tools/render-icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    import qtawesome as qta
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from pesiar_desktop.ui.icons import NAMES, SIZES, mask_path_name

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = ROOT / "pesiar_desktop" / "resources" / "icons" / "fa"
    out.mkdir(parents=True, exist_ok=True)
    wanted = {mask_path_name(name, size) for name in NAMES for size in SIZES}
    for stale in out.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
    for name in sorted(NAMES):
        icon = qta.icon(name, color="black")  # only the alpha channel is used
        for size in SIZES:
            icon.pixmap(QSize(size, size)).save(str(out / mask_path_name(name, size)))
    print(f"{len(NAMES)} icons x {len(SIZES)} sizes in {out.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
