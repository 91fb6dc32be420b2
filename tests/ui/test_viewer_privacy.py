"""The viewer (peninjau) sees no personal number anywhere: every page and tab of the demo
village, the row details a selection shows, the family finder of Catat Kunjungan, every
dialog and message box an enabled button opens. A NIK, No KK, phone, VA, bank account or
card number shown in full fails the test (tests/ui/visible_text.py says what counts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from pesiar_desktop import demo
from pesiar_desktop.app import create_main_window
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.models import Family, Resident
from pesiar_desktop.rules.nik import mask_number
from pesiar_desktop.services import users
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.ui import icons
from pesiar_desktop.ui.main_window import PAGE_KEYS, MainWindow
from tests.ui.visible_text import personal_numbers, visible_texts

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("viewer-demo")
    db = open_database(f"sqlite:///{folder}/demo.db", backup_dir=folder / "backups")
    demo.generate(db, SYSTEM, residents=300, seed=7, today=TODAY)
    yield db
    db.dispose()


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """File dialogs, message boxes and opened files answered at once; what they would have
    shown is kept (it must hold no personal number either)."""
    seen: list[str] = []

    def file_dialog(_parent: QWidget | None, caption: str = "", *_a: object, **_k: object):  # type: ignore[no-untyped-def]
        seen.append(caption)
        return ("", "")

    def directory(_parent: QWidget | None, caption: str = "", *_a: object, **_k: object) -> str:
        seen.append(caption)
        return ""

    def message(_parent: QWidget | None, title: str, text: str, *_a: object, **_k: object):  # type: ignore[no-untyped-def]
        seen.append(f"{title}: {text}")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QFileDialog, "getSaveFileName", file_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file_dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", directory)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, message)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen.append(url.toString()))
    return seen


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _select_first_rows(qtbot, page: QWidget) -> None:
    """A selection fills detail panels (the family card, a registration's details)."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        selectable = model is not None and view.selectionModel() is not None
        if view.isVisible() and selectable and model.rowCount():
            view.setCurrentIndex(model.index(0, 0))
            qtbot.wait(150)


def _sweep(qtbot, label: str, page: QWidget, found: list[str], opened: list[str]) -> None:
    _select_first_rows(qtbot, page)
    found += [f"{label}: {hit}" for hit in personal_numbers(visible_texts(page))]
    for button in page.findChildren(QPushButton):
        if not (button.isVisible() and button.isEnabled()):
            continue
        if button.menu() is not None:  # a drop-down (Penduduk's Prioritas filter): its
            # commands, not the menu itself (a filter's check boxes open no dialog)
            for action in button.menu().actions():
                if action.isEnabled() and not action.isCheckable() and action.text():
                    action.trigger()
            qtbot.wait(250)
        else:
            button.click()
            qtbot.wait(250)
        for dialog in _open_dialogs():
            opened.append(f"{label} › {button.text()} › {dialog.windowTitle()}")
            hits = personal_numbers(visible_texts(dialog))
            found += [f"{label} › {dialog.windowTitle()}: {hit}" for hit in hits]
            dialog.reject()
            qtbot.wait(50)


def _viewer_window(qtbot, demo_db: Database, tmp_path: Path) -> MainWindow:
    window = create_main_window(
        demo_db, users.get_actor(demo_db, "bpd"), AppPaths(tmp_path, database_url="")
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_the_viewer_sees_no_personal_number_anywhere(qtbot, demo_db, tmp_path, shown, freeze_clock):
    freeze_clock(TODAY)
    window = _viewer_window(qtbot, demo_db, tmp_path)
    found: list[str] = []
    opened: list[str] = []
    try:
        for key in PAGE_KEYS:
            window.show_page(key)
            qtbot.wait(700)
            page = window.pages[key]
            _sweep(qtbot, key, page, found, opened)
            for tabs in page.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    if not tabs.isVisible():
                        continue
                    tabs.setCurrentIndex(index)
                    qtbot.wait(500)
                    _sweep(qtbot, f"{key} › {tabs.tabText(index)}", page, found, opened)
        found += [f"message or file dialog: {hit}" for hit in personal_numbers(shown)]
    finally:
        window.shutdown()
        window.close()
    assert found == []
    assert opened  # the sweep did open dialogs (Verifikasi surat at least)
    assert icons.fallbacks == set()  # every icon of every page came from its mask


def test_the_family_finder_masks_no_kk_and_nik_for_the_viewer(
    qtbot, demo_db, tmp_path, freeze_clock
):
    """Catat Kunjungan: searching by a No KK or a NIK finds the family; the list and the
    family card show both masked."""
    freeze_clock(TODAY)
    with demo_db.read() as session:
        no_kk, nik = session.execute(
            select(Family.no_kk, Resident.nik).join(Resident, Resident.family_id == Family.id)
        ).first()  # type: ignore[misc]
    window = _viewer_window(qtbot, demo_db, tmp_path)
    try:
        window.show_page("sisir")
        form = window.pages["sisir"].visit_form
        finder = form.finder
        for needle in (no_kk, nik):
            finder.search_edit.setText(needle)
            qtbot.waitUntil(lambda: finder.results.count() > 0, timeout=5000)
            texts = [finder.results.item(i).text() for i in range(finder.results.count())]
            assert personal_numbers(texts) == []
            assert any(mask_number(no_kk) in text for text in texts)
        finder.pick_current()
        assert form.family_id is not None
        finder.search_edit.clear()  # what the user typed is theirs
        assert personal_numbers(visible_texts(form)) == []
        assert mask_number(no_kk) in form.family_label.text()
    finally:
        window.shutdown()
        window.close()


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("5201012606150001", "5201********0001"),  # NIK / No KK
        ("081234567890", "********7890"),  # phone
        ("0812-3456-7890", "****-****-7890"),
        ("8888132979185282", "8888********5282"),  # VA
        ("Mandiri 1172401465775", "Mandiri *********5775"),  # bank account
        ("0001234567890", "*********7890"),  # JKN card
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_mask_number(value, masked):
    assert mask_number(value) == masked
    assert personal_numbers([mask_number(value)]) == []
