"""The models package loads a model module when one of its classes is first named
(models/__init__): whatever is named first, the tables its foreign keys point to are
there, its mappers configure, and `Base` stands for every table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pesiar_desktop import models

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(set(models._MODULE_OF.values()))


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("module", MODULES)
def test_a_model_module_alone_has_its_foreign_keys_tables_and_configures(module):
    # A fresh interpreter: only this module (and what it imports) is loaded.
    loaded = _run(
        "import importlib, sys\n"
        "from sqlalchemy.orm import configure_mappers\n"
        f"importlib.import_module('pesiar_desktop.models.{module}')\n"
        "from pesiar_desktop.models.base import Base\n"
        "for table in Base.metadata.tables.values():\n"
        "    for key in table.foreign_keys:\n"
        "        key.column  # raises when the referred table is not loaded\n"
        "configure_mappers()\n"
        "print(len(Base.metadata.tables))"
    )
    assert int(loaded) >= 1


def test_base_named_from_the_package_stands_for_every_table():
    count = _run(
        "from pesiar_desktop.models import Base\n"
        "import pesiar_desktop.models.base as base\n"
        "print(len(Base.metadata.tables), base.Base is Base)"
    )
    models.load_all()
    tables = {mapper.class_.__tablename__ for mapper in models.Base.registry.mappers}
    assert count == f"{len(tables)} True"
    assert set(models.Base.metadata.tables) == tables


def test_every_exported_name_is_its_modules_class():
    assert set(models.__all__) == {"Base", "load_all", *models._MODULE_OF}
    for name, module in models._MODULE_OF.items():
        cls = getattr(models, name)
        assert cls.__module__ == f"pesiar_desktop.models.{module}"
        assert cls.__name__ == name
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018
