"""The Penduduk page: lazy model, search, filters, sorting, family panel, roles."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services import residents
from pesiar_desktop.ui.tablemodels.residents import COLUMN_KEYS
from tests.ui.conftest import POPULATION, show_residents, wait_loaded

NAME = COLUMN_KEYS.index("name")
NIK = COLUMN_KEYS.index("nik")


def names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def test_model_passes_modeltester(qtbot, qtmodeltester, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    assert page.model.rowCount() == POPULATION
    qtmodeltester.check(page.model)
    # Rows are read lazily in chunks, and only what was asked for is cached.
    assert page.model.chunk_fetches >= 1
    assert page.model.cached_row_count() == POPULATION


def test_rows_show_labels_and_footer_counts(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    assert names(page) == sorted(names(page))
    row = page.model.row_of(filled.residents["AHMAD FAUZI"])
    values = {key: page.model.data(page.model.index(row, c)) for c, key in enumerate(COLUMN_KEYS)}
    assert values["sex"] == "L"
    assert values["birth_date"] == "03-11-1975"
    assert values["shdk"] == "Kepala Keluarga"
    assert values["jkn_status"] == "Nonaktif (menunggak)"
    assert values["segment"] == "PBPU / Mandiri"
    assert values["rt"] == "001/002"
    assert values["nik"].startswith("520101")
    assert page.count_label.text() == f"{POPULATION} penduduk ditampilkan dari {POPULATION}"


def test_search_as_you_type(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "santo")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    wait_loaded(qtbot, page)
    assert names(page) == ["BUDI SANTOSO", "RINA SANTOSO"]
    assert page.count_label.text() == f"2 penduduk ditampilkan dari {POPULATION}"
    # NIK prefix search
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == POPULATION, timeout=5000)
    target = residents.load_resident(page.db, filled.residents["KETUT WIRAWAN"])[0].nik
    qtbot.keyClicks(page.search_edit, target[:12])
    qtbot.waitUntil(lambda: names(page) == ["KETUT WIRAWAN"], timeout=5000)
    # No KK prefix finds the whole family
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "5201011203150003")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    page.search_edit.setText("tidak ada orang ini")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    wait_loaded(qtbot, page)
    assert page.empty_label.isVisible()
    assert "Tidak ada penduduk yang cocok" in page.empty_label.text()
    # Esc clears the search, Down moves into the results.
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    qtbot.waitUntil(lambda: page.model.rowCount() == POPULATION, timeout=5000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.selected_resident_id() == page.model.resident_id(0)


def test_stale_search_results_are_dropped(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    # Two queries in a row: only the last one may be applied.
    page.search_edit.setText("budi")
    page.apply_filter()
    page.search_edit.setText("dewi")
    page.apply_filter()
    # Every job done: the superseded "budi" result was dropped when it arrived, none is left.
    qtbot.waitUntil(lambda: not page.model.is_loading and not window.tasks.is_busy(), timeout=5000)
    assert names(page) == ["DEWI LESTARI"]


def test_filters(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    # JKN status
    with qtbot.waitSignal(page.model.loaded):
        page.jkn_combo.setCurrentIndex(page.jkn_combo.findData(codes.STATUS_NOT_REGISTERED))
    assert set(names(page)) == {"RINA SANTOSO", "PUTU ANGGARA", "KADEK AYU", "DEWI LESTARI"}
    with qtbot.waitSignal(page.model.loaded):
        page.jkn_combo.setCurrentIndex(0)
    # Segment
    with qtbot.waitSignal(page.model.loaded):
        page.segment_combo.setCurrentIndex(page.segment_combo.findData("PBI_APBN"))
    assert set(names(page)) == {"KETUT WIRAWAN", "MADE SARI"}
    with qtbot.waitSignal(page.model.loaded):
        page.segment_combo.setCurrentIndex(0)
    # Dusun, then RT (only enabled with a dusun chosen)
    assert not page.rt_combo.isEnabled()
    krajan = page.dusun_combo.findText("Dusun Krajan")
    with qtbot.waitSignal(page.model.loaded):
        page.dusun_combo.setCurrentIndex(krajan)
    assert page.model.rowCount() == 6
    assert page.rt_combo.isEnabled()
    assert page.rt_combo.count() == 3  # Semua RT + two RT in Krajan
    with qtbot.waitSignal(page.model.loaded):
        page.rt_combo.setCurrentIndex(2)
    assert names(page) == ["AHMAD FAUZI", "NURUL HIDAYAH"]
    # Priority flag: poor (welfare decile <= 4) = families 1 and 2, then reset.
    with qtbot.waitSignal(page.model.loaded):
        page.reset_filters()
    with qtbot.waitSignal(page.model.loaded):
        page.flag_actions["poor"].setChecked(True)
    assert page.model.rowCount() == 5
    assert page.flags_button.text() == "Prioritas (1)"
    with qtbot.waitSignal(page.model.loaded):
        page.reset_filters()
    assert page.model.rowCount() == POPULATION


def test_life_status_filter(qtbot, make_window, village_db, admin, filled):
    residents.mark_moved(village_db, admin, filled.residents["DEWI LESTARI"], date(2025, 1, 1))
    window = make_window(admin)
    page = show_residents(qtbot, window)
    assert "DEWI LESTARI" not in names(page)
    with qtbot.waitSignal(page.model.loaded):
        page.life_combo.setCurrentIndex(page.life_combo.findData(codes.LIFE_MOVED))
    assert names(page) == ["DEWI LESTARI"]
    with qtbot.waitSignal(page.model.loaded):
        page.life_combo.setCurrentIndex(page.life_combo.count() - 1)  # Semua status
    assert page.model.rowCount() == POPULATION
    assert page.count_label.text() == f"{POPULATION} penduduk ditampilkan dari {POPULATION}"


def test_sort_by_clicking_header(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    header = page.table.horizontalHeader()
    age = COLUMN_KEYS.index("age")

    def click() -> None:
        x = header.sectionViewportPosition(age) + 10
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    with qtbot.waitSignal(page.model.loaded):
        click()
    assert (page.model.sort_key, page.model.descending) == ("age", False)
    assert names(page)[0] == "KADEK AYU"  # youngest first
    with qtbot.waitSignal(page.model.loaded):
        click()
    assert page.model.descending
    assert names(page)[0] == "KETUT WIRAWAN"  # oldest first


def test_column_menu_and_defaults(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    header = page.table.horizontalHeader()
    life = COLUMN_KEYS.index("life_status")
    assert header.isSectionHidden(COLUMN_KEYS.index("no_kk"))
    assert header.isSectionHidden(life)
    assert not header.isSectionHidden(COLUMN_KEYS.index("jkn_status"))
    # Looking at the dead or moved shows their status column.
    with qtbot.waitSignal(page.model.loaded):
        page.life_combo.setCurrentIndex(page.life_combo.findData(codes.LIFE_DEAD))
    assert not header.isSectionHidden(life)


def test_selection_shows_family_panel(qtbot, make_window, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    row = page.model.row_of(filled.residents["MADE SARI"])
    page.table.selectRow(row)
    panel = page.family_panel
    qtbot.waitUntil(lambda: panel.family is not None, timeout=5000)
    assert panel.no_kk.text() == "5201011203150003"
    assert panel.head.text() == "KETUT WIRAWAN"
    assert panel.members.rowCount() == 4
    member_names = [panel.members.item(r, 0).text() for r in range(4)]
    assert member_names[0] == "KETUT WIRAWAN"
    assert panel.members.item(1, 1).text() == "Istri"
    assert panel.focus_member().name == "MADE SARI"
    assert panel.mark_dead_button.isEnabled()
    assert page.edit_button.isEnabled()


def test_refresh_keeps_filter_and_selection(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    with qtbot.waitSignal(page.model.loaded):
        page.dusun_combo.setCurrentIndex(page.dusun_combo.findText("Dusun Krajan"))
    page.table.selectRow(page.model.row_of(filled.residents["SITI AMINAH"]))
    qtbot.waitUntil(lambda: page.family_panel.family is not None, timeout=5000)
    # A write elsewhere (another page, an import) announces 'residents'.
    data, member, _fid, _life = residents.load_resident(village_db, filled.residents["AHMAD FAUZI"])
    data.name = "AHMAD FAUZI RAHMAN"
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        residents.edit_resident(village_db, admin, filled.residents["AHMAD FAUZI"], data)
    assert "AHMAD FAUZI RAHMAN" in names(page)
    assert page.model.rowCount() == 6  # still only Dusun Krajan
    assert page.selected_resident_id() == filled.residents["SITI AMINAH"]


def test_viewer_sees_masked_ids_and_cannot_edit(qtbot, make_window, village_db, viewer, filled):
    window = make_window(viewer)
    page = show_residents(qtbot, window)
    row = page.model.row_of(filled.residents["BUDI SANTOSO"])
    shown = page.model.data(page.model.index(row, NIK))
    real = residents.load_resident(village_db, filled.residents["BUDI SANTOSO"])[0].nik
    assert shown == mask_nik(real)
    assert "*" in shown and real not in shown
    no_kk = page.model.data(page.model.index(row, COLUMN_KEYS.index("no_kk")))
    assert no_kk == mask_nik("5201011203150001")
    assert not page.add_family_button.isEnabled()
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.family_panel.family is not None, timeout=5000)
    assert not page.edit_button.isEnabled()
    panel = page.family_panel
    for button in (
        panel.add_member_button,
        panel.edit_button,
        panel.move_button,
        panel.mark_dead_button,
        panel.mark_moved_button,
        panel.change_head_button,
    ):
        assert not button.isEnabled()
    assert panel.no_kk.text() == mask_nik("5201011203150001")
    page.edit_selected()  # the double-click / Enter path opens nothing
    assert page.active_dialog is None
    # ...and the service refuses anyway.
    data, _m, _f, _l = residents.load_resident(village_db, filled.residents["BUDI SANTOSO"])
    with pytest.raises(PermissionDenied):
        residents.edit_resident(village_db, viewer, filled.residents["BUDI SANTOSO"], data)


def test_search_matching_a_no_kk_says_so(qtbot, make_window, admin, filled):
    """Digits typed in the NIK search that match a family card number: the No KK column is
    shown and the count says the search matched a No KK."""
    window = make_window(admin)
    page = show_residents(qtbot, window)
    header = page.table.horizontalHeader()
    no_kk = COLUMN_KEYS.index("no_kk")
    assert header.isSectionHidden(no_kk)
    target = residents.load_resident(page.db, filled.residents["KETUT WIRAWAN"])[0].nik
    page.search_edit.setText(target[:12])
    page._search_now()
    qtbot.waitUntil(lambda: names(page) == ["KETUT WIRAWAN"], timeout=5000)
    wait_loaded(qtbot, page)
    assert "No KK" not in page.count_label.text() and header.isSectionHidden(no_kk)
    page.search_edit.setText("5201011203150003")
    page._search_now()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=5000)
    wait_loaded(qtbot, page)
    assert "cocok dengan No KK" in page.count_label.text()
    assert not header.isSectionHidden(no_kk)
