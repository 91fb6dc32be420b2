"""Code labels (rules/codes.py and the other code tables below ui/) in the English UI: the
tables keep their Indonesian labels and import no Qt; tools/gen_code_strings.py marks them
for lupdate in ui/code_strings.py and the UI shows them through ui/i18n.code_label, so the
English UI says "Male" where the Indonesian one says "Laki-laki"."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QComboBox

from pesiar_desktop import demo
from pesiar_desktop.app import create_main_window, load_language
from pesiar_desktop.config import AppPaths, resources_dir
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import users
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.ui.code_strings import CODE_LABELS
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from pesiar_desktop.ui.i18n import CODES_CONTEXT, code_label, label_of
from pesiar_desktop.ui.main_window import MainWindow
from pesiar_desktop.ui.pages.registrasi import RegistrasiPage
from pesiar_desktop.ui.tablemodels.residents import COLUMN_KEYS
from pesiar_desktop.ui.tablemodels.targets import COLUMN_KEYS as TARGET_COLUMNS
from tests.ui.conftest import show_residents, wait_loaded

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_code_strings", ROOT / "tools/gen_code_strings.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_code_strings_are_current_and_translated():
    """Every label of the listed tables is in ui/code_strings.py and has its English."""
    assert list(CODE_LABELS) == _generator().code_texts(), "run tools/gen_code_strings.py"
    root = ET.parse(resources_dir() / "i18n" / "pesiar_en.ts").getroot()
    english = {
        message.findtext("source"): message.findtext("translation")
        for context in root.iter("context")
        if context.findtext("name") == CODES_CONTEXT
        for message in context.iter("message")
    }
    missing = [text for text in CODE_LABELS if not english.get(text)]
    assert missing == [], "run bash tools/build-translations.sh --update, tools/translations_en.py"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("labels-demo")
    db = open_database(f"sqlite:///{folder}/demo.db", backup_dir=folder / "backups")
    demo.generate(db, SYSTEM, residents=200, seed=7, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture(params=["en", "id"])
def language(request, qapp) -> Iterator[str]:
    load_language(request.param)
    yield request.param
    load_language("id")


def _window(qtbot, db: Database, tmp_path: Path) -> MainWindow:
    window = create_main_window(
        db, users.get_actor(db, "admin"), AppPaths(tmp_path, database_url="")
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# What each language shows; the Indonesian column is the code tables' own text.
EXPECTED = {
    "en": {
        "sex": {"M", "F"},
        "male": "Male",
        "female": "Female",
        "head": "Head of family",
        "active": "Active",
        "not_registered": "Not registered",
        "living": "Living",
        "pregnant": "Pregnant women",
        "category": "Not registered with JKN",
        "short_categories": {
            "Not registered",
            "In arrears",
            "Removed from PBI",
            "Laid off",
            "Inactive, other",
            "Formal workers",
        },
        "submitted": "Submitted",
        "pbpu": "Self-paying PBPU",
    },
    "id": {
        "sex": {"L", "P"},
        "male": "Laki-laki",
        "female": "Perempuan",
        "head": "Kepala Keluarga",
        "active": "Aktif",
        "not_registered": "Belum terdaftar",
        "living": "Hidup",
        "pregnant": "Ibu hamil",
        "category": "Belum terdaftar JKN",
        "short_categories": {
            "Belum terdaftar",
            "Menunggak",
            "Keluar dari PBI",
            "Korban PHK",
            "Nonaktif lainnya",
            "Pekerja formal",
        },
        "submitted": "Diajukan",
        "pbpu": "PBPU mandiri",
    },
}


def test_code_labels_follow_the_language(qtbot, demo_db, tmp_path, freeze_clock, language):
    freeze_clock(TODAY)
    want = EXPECTED[language]
    assert label_of(codes.SEX, 1) == want["male"]
    assert code_label("") == "" and label_of(codes.SEX, None, "-") == "-"
    window = _window(qtbot, demo_db, tmp_path)

    # Penduduk: the register's cells, its filter combos and the priority menu.
    page = show_residents(qtbot, window)
    wait_loaded(qtbot, page)
    model = page.model
    column = {key: COLUMN_KEYS.index(key) for key in ("sex", "shdk", "jkn_status")}
    cells = {
        key: {model.data(model.index(row, c)) for row in range(model.rowCount())}
        for key, c in column.items()
    }
    assert cells["sex"] == want["sex"]
    assert want["head"] in cells["shdk"]
    assert want["active"] in cells["jkn_status"]
    assert want["not_registered"] in cells["jkn_status"]
    labels = {label_of(codes.MEMBERSHIP_STATUS, code) for code in codes.MEMBERSHIP_STATUS}
    assert cells["jkn_status"] <= labels
    assert want["not_registered"] in _items(page.jkn_combo)
    assert page.life_combo.currentText() == want["living"]
    assert want["pregnant"] in [a.text() for a in page.flag_actions.values()]

    # The resident form's combos.
    dialog = ResidentDialog(demo_db, window.tasks, users.get_actor(demo_db, "admin"), page)
    qtbot.addWidget(dialog)
    assert _items(dialog.fields["sex"])[1:] == [want["male"], want["female"]]
    assert want["head"] in _items(dialog.fields["shdk"])
    dialog.reject()

    # Petakan: the category filter and the short category of each target.
    window.show_page("petakan")
    petakan = window.pages["petakan"]
    qtbot.waitUntil(lambda: petakan.loaded_once and not petakan.loading, timeout=20_000)  # type: ignore[attr-defined]
    assert want["category"] in _items(petakan.category_combo)  # type: ignore[attr-defined]
    targets = petakan.model  # type: ignore[attr-defined]
    c = TARGET_COLUMNS.index("category")
    shown = {targets.data(targets.index(row, c)) for row in range(targets.rowCount())}
    assert shown and shown <= want["short_categories"]

    # Registrasi: the status and path filters.
    window.show_page("registrasi")
    registrasi = window.pages["registrasi"]
    assert isinstance(registrasi, RegistrasiPage)
    assert want["submitted"] in _items(registrasi.status_combo)
    assert want["pbpu"] in _items(registrasi.path_combo)
    qtbot.waitUntil(lambda: registrasi.list_model.rowCount() > 0, timeout=10_000)
    statuses = {
        registrasi.list_model.row(i).texts[8] for i in range(registrasi.list_model.rowCount())
    }
    assert statuses <= {
        label_of(fc.REGISTRATION_STATUSES, code) for code in fc.REGISTRATION_STATUSES
    }
    assert want["active"] in statuses
    window.close()
