"""Start-up imports only what the program declares and uses: real `pesiar-desktop` processes
(`--version`, `stats --json`, `gui --smoke`) report every module they imported when they end,
and each third-party one must come from a dependency pyproject.toml declares (or one of
theirs). numpy and pandas are named outright: nothing needs them, and numpy crashes on import
under Wine, the Windows build's test bed.
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.import_files import family, write_opensid

ROOT = Path(__file__).resolve().parents[2]
NEVER = {"numpy", "pandas", "pyarrow", "polars", "matplotlib", "scipy"}
QT = {"PySide6", "shiboken6", "qtawesome", "qtpy"}
# Imported by a declared dependency only because it happens to be installed (the dev tools
# bring it); the bundles leave it out (installer/pesiar-desktop.spec excludes).
OPTIONAL = {"pygments"}  # mako (Alembic's templates) highlights its tracebacks with it

# Runs the real entry point (pesiar_desktop.cli:run, what the console script and the bundle
# call) and writes sys.modules to a file when the interpreter ends.
PROBE = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
sys.argv[0] = "pesiar-desktop"
from pesiar_desktop.cli import run
run()
"""


def _dist_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared_closure() -> set[str]:
    """pyproject's dependencies and, recursively, theirs (markers evaluated here)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    todo = [Requirement(line) for line in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = _dist_name(requirement.name)
        if name in seen:
            continue
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        seen.add(name)
        for line in metadata.requires(requirement.name) or []:
            todo.append(Requirement(line))
    return seen


def _modules_after(
    tmp_path: Path, *args: str, whole_names: bool = False, login: tuple[str, str] | None = None
) -> set[str]:
    out = tmp_path / f"modules-{len(list(tmp_path.glob('modules-*')))}.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PESIAR_")}
    # Only this checkout on the path: no sitecustomize of the far-date test run.
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if login is not None:
        env.update(PESIAR_USER=login[0], PESIAR_PASSWORD=login[1])
    cmd = [sys.executable, "-c", PROBE, str(out), "--data-dir", str(tmp_path / "data"), *args]
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = json.loads(out.read_text())
    return set(names) if whole_names else {name.split(".")[0] for name in names}


def _third_party(modules: set[str]) -> dict[str, set[str]]:
    """Top-level module installed by a distribution -> those distributions. Modules no
    distribution installs are the interpreter's (Cython's runtime, _sysconfigdata…)."""
    owners = metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for module in modules - set(sys.stdlib_module_names) - {"pesiar_desktop"}:
        if module.startswith("__editable__") or module in {"_distutils_hack", *OPTIONAL}:
            continue  # the editable install's finder and setuptools' .pth hook
        if module in owners:
            found[module] = {_dist_name(d) for d in owners[module]}
    return found


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    _modules_after(folder, "demo", "--residents", "40")
    return folder


@pytest.mark.parametrize(
    "args",
    [("--version",), ("stats", "--json"), ("gui", "--smoke"), ("letter", "list")],
    ids=["version", "stats", "gui-smoke", "letter-list"],
)
def test_startup_imports_only_declared_modules(demo_dir: Path, args: tuple[str, ...]) -> None:
    modules = _modules_after(demo_dir, *args)
    assert "pesiar_desktop" in modules  # the probe ran the program
    assert not modules & NEVER
    declared = _declared_closure()
    undeclared = {m: d for m, d in _third_party(modules).items() if not d & declared}
    assert undeclared == {}
    if args[0] != "gui":
        assert not modules & QT  # the command line never loads Qt
    # Opening an up-to-date database and the main window with its pages loads neither
    # Alembic nor a report writer: they load when a migration or an export runs; the icons
    # are pre-rendered masks (ui/icons.py), so Font Awesome's fonts are not loaded either.
    assert not modules & {"alembic", "mako", "reportlab", "xlsxwriter", "openpyxl"}
    assert not modules & {"qtawesome", "qtpy"}


@pytest.mark.parametrize("args", [("stats", "--json"), ("letter", "list")], ids=["stats", "letter"])
def test_a_sqlite_village_loads_no_postgresql_support(
    demo_dir: Path, args: tuple[str, ...]
) -> None:
    # SQLAlchemy's PostgreSQL dialect imports every PostgreSQL driver's module (and
    # asyncpg's asyncio support): ~25 ms of start-up, only for a PostgreSQL database.
    modules = _modules_after(demo_dir, *args, whole_names=True)
    assert "pesiar_desktop.models.people" in modules
    assert [m for m in modules if m.startswith("sqlalchemy.dialects.postgresql")] == []


def test_an_import_of_residents_builds_only_the_models_it_writes(tmp_path: Path) -> None:
    # models/__init__ loads a model module when one of its classes is first named: an
    # import does not build the agents', fieldwork, letter or reactivation classes.
    login = ("admin", "rahasia-admin-1")
    village = ("init", "--village-code", "52.01.01.2005", "--admin-user", login[0])
    _modules_after(tmp_path, *village, "--admin-password", login[1])
    source = write_opensid(tmp_path / "opensid.xlsx", [*family(1), *family(2)])
    command = ("import", "residents", str(source), "--json")
    modules = _modules_after(tmp_path, *command, whole_names=True, login=login)
    built = sorted(m.rsplit(".", 1)[1] for m in modules if m.startswith("pesiar_desktop.models."))
    assert built == ["base", "imports", "membership", "people", "system", "village"]


# The parser is built from light modules; each command imports its services when it runs.
HEAVY = {"sqlalchemy", "alembic", "reportlab", "openpyxl", "xlsxwriter", *QT}


@pytest.mark.parametrize(
    "args",
    [("--help",), ("--version",), ("letter", "--help"), ("export", "recap", "--help")],
    ids=["help", "version", "letter-help", "export-recap-help"],
)
def test_parser_alone_imports_no_feature_library(tmp_path: Path, args: tuple[str, ...]) -> None:
    modules = _modules_after(tmp_path, *args)
    assert "pesiar_desktop" in modules
    assert modules & HEAVY == set()
