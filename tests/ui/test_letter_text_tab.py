"""Pengaturan › Teks surat: list editing, checks beside the fields as one types, the live
preview drawn from the SK, admin-only saving as a new version that new drafts use."""

from __future__ import annotations

import json
from datetime import date

from PIL import Image
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog

from pesiar_desktop.models import Letter
from pesiar_desktop.services import letter_text, letters, village
from tests.ui.conftest import wait_written
from tests.unit.test_agents_support import add_families, make_agent, make_assignment, rt_ids

DAY = date(2026, 11, 23)


def _tab(window):
    page = window.settings_page
    window.show_page("pengaturan")
    page.tabs.setCurrentWidget(page.letter_text_tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Teks surat"
    return page.letter_text_tab


def test_admin_edits_previews_and_saves_a_version(
    qtbot, make_window, village_db, admin, operator, freeze_clock
):
    freeze_clock(DAY)
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    assignment = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:2])
    tab = _tab(make_window(admin))
    assert tab.mengingat.items() == list(letter_text.DEFAULT_MENGINGAT)
    assert "Teks bawaan" in tab.version_label.text()

    # the preview of the SK's first page is drawn (QtPdf) once the tab is seen
    qtbot.waitUntil(lambda: tab.preview_shown >= 1, timeout=15_000)
    pixmap = tab.preview.pixmap()
    assert isinstance(pixmap, QPixmap) and not pixmap.isNull() and pixmap.height() > pixmap.width()

    # an empty new item is flagged beside the list at once and blocks saving
    tab.menimbang.add()
    assert tab.menimbang.list.count() == 4 and tab.menimbang.list.currentRow() == 1
    assert "Butir 2" in tab.menimbang.errors.text() and tab.menimbang.errors.isVisibleTo(tab)
    assert not tab.save_button.isEnabled()
    tab.menimbang.editor.setPlainText("bahwa Kas & Aset {desa} < Rp1.000.000 perlu dijaga;")
    assert not tab.menimbang.errors.isVisibleTo(tab) and tab.save_button.isEnabled()
    tab.menimbang.move_item(-1)  # now the first item
    assert tab.menimbang.items()[0].startswith("bahwa Kas & Aset")
    # a control character in a closing line is flagged under that line
    tab.closing[letters.TYPE_SK].setPlainText("Berlaku\x07 sejak ditetapkan.")
    assert "kendali" in tab.closing_errors[letters.TYPE_SK].text()
    assert not tab.save_button.isEnabled()
    tab.closing[letters.TYPE_SK].setPlainText("Keputusan ini berlaku sejak ditetapkan.")
    # removing the last Mengingat item (the Permendesa) and saving
    tab.mengingat.list.setCurrentRow(tab.mengingat.list.count() - 1)
    tab.mengingat.remove()
    shown = tab.preview_shown
    qtbot.waitUntil(lambda: tab.preview_shown > shown, timeout=15_000)

    tab.save_button.click()
    wait_written(qtbot, tab)
    assert "Teks surat tersimpan" in tab.saved_label.text()
    assert "Versi 1" in tab.version_label.text()
    saved = letter_text.current(village_db)
    assert saved.version == 1 and saved.created_by == admin.username
    assert len(saved.text.mengingat) == len(letter_text.DEFAULT_MENGINGAT) - 1

    row = letters.draft(village_db, operator, letters.TYPE_SK, assignment_ids=[assignment.id])
    with village_db.read() as session:
        letter = session.get(Letter, row.id)
        assert letter is not None
        content = json.loads(letter.content_json)
    assert content["text_version"] == 1
    assert (
        content["menimbang"][0] == "bahwa Kas & Aset Desa Suka Makmur < Rp1.000.000 perlu dijaga;"
    )
    assert content["diktum"][-1] == "Keputusan ini berlaku sejak ditetapkan."


def test_others_see_the_text_but_cannot_change_it(qtbot, make_window, operator):
    tab = _tab(make_window(operator))
    assert not tab.save_button.isEnabled() and not tab.defaults_button.isEnabled()
    assert not tab.mengingat.add_button.isEnabled() and tab.mengingat.editor.isReadOnly()
    assert all(edit.isReadOnly() for edit in tab.closing.values())
    assert tab.menimbang.items() == list(letter_text.DEFAULT_MENIMBANG)
    # why every button is grey is said at the top, in view without scrolling
    hint = tab.read_only_hint
    assert hint is not None and "Hanya administrator" in hint.text()
    assert (
        hint.mapTo(tab, hint.rect().topLeft()).y()
        < tab.logo_label.mapTo(tab, hint.rect().topLeft()).y()
    )
    assert tab.logo_label.wordWrap()


def test_admin_sets_and_removes_the_kop_logo(
    qtbot, make_window, village_db, admin, tmp_path, monkeypatch
):
    tab = _tab(make_window(admin))
    assert tab.logo_label.text() == "Tanpa logo" and not tab.remove_logo_button.isEnabled()
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG not really")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    tab.logo_button.click()
    wait_written(qtbot, tab)
    assert "rusak" in tab.logo_error.text() and tab.logo_error.isVisibleTo(tab)

    good = tmp_path / "good.png"
    Image.new("RGB", (200, 100), (160, 20, 20)).save(good)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    tab.logo_button.click()
    wait_written(qtbot, tab)
    qtbot.waitUntil(lambda: not tab.logo_label.pixmap().isNull())
    assert village.letterhead(village_db).logo == good.read_bytes()
    assert tab.remove_logo_button.isEnabled() and not tab.logo_error.isVisibleTo(tab)
    tab.remove_logo_button.click()
    wait_written(qtbot, tab)
    qtbot.waitUntil(lambda: tab.logo_label.text() == "Tanpa logo")
    assert village.letterhead(village_db).logo is None


def test_operator_cannot_change_the_logo(qtbot, make_window, operator):
    tab = _tab(make_window(operator))
    assert not tab.logo_button.isEnabled() and not tab.remove_logo_button.isEnabled()
