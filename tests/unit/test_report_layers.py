"""Reports render plain data: no module in reports/ imports services/ or the database layer,
and reportdata/ (the data both sides share) imports only rules/ and the standard library.

The same rules are import-linter contracts (pyproject.toml, `lint-imports`); this scan keeps
them inside pytest, function-level imports included.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pesiar_desktop"
FORBIDDEN_IN_REPORTS = ("pesiar_desktop.services", "pesiar_desktop.db")
ALLOWED_IN_REPORTDATA = ("pesiar_desktop.rules", "pesiar_desktop.reportdata")


def package_of(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])


def imported_modules(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) for every import in the source, at any depth (function-level ones
    too); relative imports resolved against `package`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            found.append((node.lineno, base))
            # `from pesiar_desktop import services` imports the subpackage itself.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def imports_of(path: Path) -> list[tuple[int, str]]:
    return imported_modules(path.read_text(encoding="utf-8"), package_of(path))


def within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(f"{p}.") for p in packages)


def modules_in(folder: str) -> list[Path]:
    files = sorted((PACKAGE / folder).rglob("*.py"))
    assert files, folder
    return files


@pytest.mark.parametrize("path", modules_in("reports"), ids=lambda p: p.name)
def test_reports_import_neither_services_nor_the_database(path: Path) -> None:
    bad = [(line, m) for line, m in imports_of(path) if within(m, FORBIDDEN_IN_REPORTS)]
    assert not bad, f"{path.name} imports {bad}: reports take data from pesiar_desktop.reportdata"


@pytest.mark.parametrize("path", modules_in("reportdata"), ids=lambda p: p.name)
def test_reportdata_imports_only_rules_and_the_standard_library(path: Path) -> None:
    bad = [
        (line, m)
        for line, m in imports_of(path)
        if not within(m, ALLOWED_IN_REPORTDATA) and m.split(".")[0] not in sys.stdlib_module_names
    ]
    assert not bad, f"{path.name} imports {bad}"


def test_the_scan_sees_function_level_package_and_relative_imports() -> None:
    source = (
        "from pesiar_desktop import services\n"
        "def f():\n"
        "    from pesiar_desktop.db import Database\n"
        "    from ..services import recap\n"
        "    from . import pdf_common\n"
    )
    found = {m for _line, m in imported_modules(source, "pesiar_desktop.reports")}
    assert {
        "pesiar_desktop.services",
        "pesiar_desktop.db",
        "pesiar_desktop.services.recap",
        "pesiar_desktop.reports.pdf_common",
    } <= found
    assert within("pesiar_desktop.services.recap", FORBIDDEN_IN_REPORTS)
    assert not within("pesiar_desktop.dbx", FORBIDDEN_IN_REPORTS)
