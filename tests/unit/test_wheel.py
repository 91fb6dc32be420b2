"""The project's wheel works on its own: built from a copy of the sources, installed into a
fresh virtual environment, its `pesiar-desktop` command sets up a demo village, counts it and
opens the window, with every resource (region list, fonts, icons, translations, migrations)
read from the installed package, not from this checkout.

The fresh environment borrows the third-party packages of the running one (a path line in a
.pth file, which does not run that folder's own .pth files, so this checkout's editable
install stays out of it): downloading Qt again would make the test slow without testing more
of the project's own packaging. The wheel's declared dependencies are compared with
pyproject.toml instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.heavy

ROOT = Path(__file__).resolve().parents[2]
# What the program reads as files, relative to the package (config.resources_dir, db.py).
SHIPPED = [
    "resources/data/wilayah_kemendagri_2025.csv",
    "resources/data/wilayah_kemendagri_2025_kode.txt",
    "resources/data/LICENSE-wilayah.txt",
    "resources/fonts/DejaVuSerif.ttf",
    "resources/fonts/DejaVuSans-Bold.ttf",
    "resources/icons/pesiar-256.png",
    "resources/icons/fa/fa5s-users-16.png",
    "resources/i18n/pesiar_en.qm",
    "resources/i18n/pesiar_id.qm",
    "migrations/env.py",
    "migrations/script.py.mako",
    "migrations/versions/0001_initial_schema.py",
]


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built by pip from a copy of what a source release holds (the build writes
    build/ and *.egg-info next to its sources; the checkout stays untouched)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "pesiar_desktop",
        src / "pesiar_desktop",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = work / "dist"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)],
        work,
        env,
    )
    (built,) = out.glob("pesiar_desktop-*.whl")
    return built


def test_wheel_carries_resources_and_declares_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode()
        (entry_points_name,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(entry_points_name).decode()
    missing = [item for item in SHIPPED if f"pesiar_desktop/{item}" not in names]
    assert not missing, missing
    # Neither the .ts sources nor anything outside the package (tests, screenshots) rides along.
    assert not [n for n in names if n.endswith(".ts")]
    assert {n.split("/", 1)[0] for n in names} == {"pesiar_desktop", metadata_name.split("/")[0]}
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    required = [
        line.split(": ", 1)[1]
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: ")
    ]
    for dependency in declared:
        assert dependency.split("#")[0].strip() in required
    assert "pesiar-desktop = pesiar_desktop.cli:run" in entry_points


def test_installed_wheel_runs_demo_stats_and_window(wheel: Path, tmp_path: Path) -> None:
    # Nothing of the checkout, in every step: no PYTHONPATH (it would show pip this checkout's
    # egg-info as "already installed"), a working folder elsewhere.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.pop("PESIAR_DATABASE_URL", None)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            tmp_path,
            env,
        ).strip()
    )
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # --force-reinstall: pip sees the borrowed folder's pesiar-desktop (the editable install)
    # and would otherwise take it for this wheel; it never removes what lies outside the venv.
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
    _run([*pip, "--force-reinstall", str(wheel)], tmp_path, env)
    env.update(QT_QPA_PLATFORM="offscreen", PESIAR_DATA_DIR=str(tmp_path / "data"))
    command = python.parent / (
        "pesiar-desktop.exe" if sys.platform == "win32" else "pesiar-desktop"
    )
    assert command.is_file()

    located = json.loads(
        _run(
            [
                str(python),
                "-c",
                "import json, pesiar_desktop, pesiar_desktop.db as db;"
                "from pesiar_desktop.config import resources_dir;"
                "print(json.dumps([pesiar_desktop.__file__, str(resources_dir()),"
                " str(db.MIGRATIONS_DIR)]))",
            ],
            tmp_path,
            env,
        )
    )
    for path in located:
        assert Path(path).is_relative_to(purelib), located
    package = Path(located[0]).parent
    assert [item for item in SHIPPED if not (package / item).is_file()] == []

    _run([str(command), "demo", "--residents", "200"], tmp_path, env)
    stats = json.loads(_run([str(command), "stats", "--json"], tmp_path, env))
    # 200 demo residents, a few of them dead or moved away: the living count is just below.
    assert 150 <= stats["residents"] <= 200
    assert stats["families"] > 0 and stats["dusun"] > 0
    assert 0 < stats["coverage_pct"] <= 100
    smoke = _run([str(command), "gui", "--smoke"], tmp_path, env)
    assert f"smoke ok: {stats['residents']} penduduk" in smoke
