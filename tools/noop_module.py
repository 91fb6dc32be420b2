"""What tools/gen_settings_strings.py and tools/gen_code_strings.py share: write a module of
QT_TRANSLATE_NOOP(context, text) calls (so pyside6-lupdate, which scans only
pesiar_desktop/ui, finds texts that live below ui/), or check that it is current."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def render(header: str, context: str, texts: list[str]) -> str:
    """`header` ends with the opening of the tuple; one marked text per line, then `)`."""
    lines = [f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),\n" for text in texts]
    return header + "".join(lines) + ")\n"


def main(
    target: Path,
    header: str,
    context: str,
    texts: Callable[[], list[str]],
    written: Callable[[], tuple[str, ...]],
) -> int:
    """`--check`: exit 1 unless the module (`written()`) holds exactly `texts()`, in order;
    otherwise rewrite it and format it with ruff, as the project's other modules are."""
    if "--check" in sys.argv:
        return 0 if list(written()) == texts() else 1
    target.write_text(render(header, context, texts()), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=False)
    return 0
