"""The Petakan page: target table (model tester, filters, sorting, masking), the
per-area summary, the export read back, refresh on data change."""

from __future__ import annotations

from datetime import date

import python_calamine
from PySide6.QtCore import Qt
from sqlalchemy import select

from pesiar_desktop.models import AuditLog
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.services import residents, targets, village
from pesiar_desktop.ui.tablemodels.targets import COLUMN_KEYS
from tests.conftest import person
from tests.ui.conftest import POPULATION, fill_village

TIMEOUT = 20_000
NAME = COLUMN_KEYS.index("name")
NIK = COLUMN_KEYS.index("nik")


def _page(qtbot, window):
    page = window.pages["petakan"]
    window.show_page("petakan")
    qtbot.waitUntil(lambda: page.loaded_once and not page.loading, timeout=TIMEOUT)
    return page


def _names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def _expected(db, **filters) -> list[str]:
    return [t.name for t in targets.list_targets(db, targets.TargetFilter(**filters))]


def test_target_table_filters_and_status_line(qtbot, qtmodeltester, make_window, village_db, admin):
    fill_village(village_db, admin)
    window = make_window(admin)
    page = _page(qtbot, window)
    qtmodeltester.check(page.model)
    everyone = targets.list_targets(village_db, targets.TargetFilter(sort="priority"))
    # RINA, AHMAD, NURUL (poor families) first, then PUTU, KADEK, DEWI.
    assert _names(page) == [t.name for t in everyone]
    assert len(everyone) == 6
    assert page.count_label.text().startswith("6 sasaran ditampilkan dari 6 · 3 prioritas · 4 KK")
    assert "cakupan desa" in page.count_label.text()
    row = _names(page).index("AHMAD FAUZI")
    values = {k: page.model.data(page.model.index(row, c)) for c, k in enumerate(COLUMN_KEYS)}
    assert values["priority"] == "1"
    assert values["category"] == "Menunggak"
    assert values["status"] == "PBPU · tunggak 3 bl Rp105.000"  # 3 × Kelas III Rp35.000
    assert values["decile"] == "4"
    assert values["flags"] == "Desil 1–4"
    assert values["rt"] == "001/002"
    assert len(values["nik"]) == 16 and "*" not in values["nik"]
    assert "Belum terdaftar JKN: <b>4</b>" in page.category_label.text()

    # Category
    page.category_combo.setCurrentIndex(page.category_combo.findData("arrears"))
    assert sorted(_names(page)) == ["AHMAD FAUZI", "NURUL HIDAYAH"]
    assert page.count_label.text().startswith("2 sasaran ditampilkan dari 6")
    page.reset_filters()
    assert len(_names(page)) == 6
    # Dusun, then RT inside it
    dusun = dict((name, i) for i, name in village.list_dusun(village_db))
    page.dusun_combo.setCurrentIndex(page.dusun_combo.findData(dusun["Dusun Timur"]))
    assert sorted(_names(page)) == sorted(_expected(village_db, dusun_id=dusun["Dusun Timur"]))
    assert sorted(_names(page)) == ["KADEK AYU", "PUTU ANGGARA"]
    page.dusun_combo.setCurrentIndex(page.dusun_combo.findData(dusun["Dusun Krajan"]))
    assert page.rt_combo.isEnabled() and page.rt_combo.count() == 3  # all + two RTs
    rt2 = next(a.rt_id for a in village.list_areas(village_db) if a.rt == "002")
    page.rt_combo.setCurrentIndex(page.rt_combo.findData(rt2))
    assert sorted(_names(page)) == ["AHMAD FAUZI", "NURUL HIDAYAH"]
    page.reset_filters()
    # Priority and priority group
    page.priority_combo.setCurrentIndex(page.priority_combo.findData("priority:2"))
    assert sorted(_names(page)) == ["DEWI LESTARI", "KADEK AYU", "PUTU ANGGARA"]
    page.priority_combo.setCurrentIndex(page.priority_combo.findData("reason:poor"))
    assert sorted(_names(page)) == ["AHMAD FAUZI", "NURUL HIDAYAH", "RINA SANTOSO"]
    page.reset_filters()
    # Search (name part, NIK prefix), Esc-free: the clear button empties it.
    qtbot.keyClicks(page.search_edit, "santo")
    qtbot.waitUntil(lambda: _names(page) == ["RINA SANTOSO"], timeout=TIMEOUT)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 6, timeout=TIMEOUT)
    # Nothing matches: an explanation instead of an empty grid.
    page.search_edit.setText("tidak ada orang ini")
    page.apply_filter()
    assert (
        page.empty_label.isVisible() and "Tidak ada sasaran yang cocok" in page.empty_label.text()
    )
    page.reset_filters()
    # Sorting by a column the service has no key for (No KK), both ways.
    page.table.sortByColumn(COLUMN_KEYS.index("no_kk"), Qt.SortOrder.AscendingOrder)
    kks = [page.model.target(r).no_kk for r in range(page.model.rowCount())]
    assert kks == sorted(kks)
    page.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert _names(page) == sorted(_names(page), reverse=True)


def test_viewer_sees_masked_numbers_and_cannot_export(
    qtbot, make_window, village_db, admin, viewer
):
    fill_village(village_db, admin)
    window = make_window(viewer)
    page = _page(qtbot, window)
    nik = page.model.data(page.model.index(0, NIK))
    assert nik[4:12] == "********"
    assert not page.export_button.isEnabled()
    assert not any(b.isEnabled() for b in page.import_buttons.values())


def test_area_summary_tree(qtbot, make_window, village_db, admin):
    fill_village(village_db, admin)
    window = make_window(admin)
    page = _page(qtbot, window)
    # nothing imported yet: the history says so instead of an empty table
    assert page.history_empty.active and "Belum ada impor" in page.history_empty.label.text()
    tree = page.summary_tree
    summary = targets.area_summary(village_db)
    dusun_rows = [a for a in summary if a.rt_id is None]
    assert tree.topLevelItemCount() == len(dusun_rows) + 1  # + the village total
    krajan = tree.topLevelItem(0)
    expected = dusun_rows[0]
    assert krajan.text(0) == "Dusun Krajan"
    assert [krajan.text(c) for c in range(1, 6)] == [
        str(expected.residents),
        str(expected.registered),
        str(expected.active),
        str(expected.targets),
        str(expected.priority_targets),
    ]
    assert krajan.text(6) == f"{expected.coverage_pct:.1f}".replace(".", ",") + "\u00a0%"
    assert krajan.childCount() == 2
    assert krajan.child(1).text(0) == "RW 001 / RT 002"
    total = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert total.text(0) == "Seluruh desa" and total.text(1) == str(POPULATION)
    assert total.text(4) == "6"
    # Below the UHC target: coverage in red.
    assert total.foreground(6).color().name() == "#b3261e"
    # Activating an area shows its targets.
    page.tabs.setCurrentIndex(1)
    page._area_activated(krajan.child(1), 0)
    assert page.tabs.currentIndex() == 0
    assert sorted(_names(page)) == ["AHMAD FAUZI", "NURUL HIDAYAH"]


def test_export_of_the_filtered_list_read_back(
    qtbot, make_window, village_db, admin, operator, tmp_path
):
    fill_village(village_db, admin)
    window = make_window(operator)
    page = _page(qtbot, window)
    page.category_combo.setCurrentIndex(page.category_combo.findData("not_registered"))
    shown = page.model.rows()
    assert len(shown) == 4
    out = tmp_path / "sasaran.xlsx"
    page.export_to(out)
    qtbot.waitUntil(lambda: page.last_export == out, timeout=TIMEOUT)
    assert "Tersimpan" in page.status_label.text()
    book = python_calamine.CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["Sasaran", "Ringkasan wilayah"]
    rows = book.get_sheet_by_name("Sasaran").to_python()
    top = next(i for i, r in enumerate(rows) if r[0] == "Dusun")
    assert any("Disaring: 4 dari" in str(r[0]) for r in rows[:top])
    header = rows[top]
    assert header[:6] == ["Dusun", "RW", "RT", "No KK", "NIK", "Nama"]
    body = rows[top + 1 : top + 1 + len(shown)]
    # The same people, in the order the table shows them, NIKs in full as text.
    assert [r[header.index("Nama")] for r in body] == [t.name for t in shown]
    assert [r[header.index("NIK")] for r in body] == [t.nik for t in shown]
    assert {r[header.index("Kategori")] for r in body} == {"Belum terdaftar JKN"}
    summary = book.get_sheet_by_name("Ringkasan wilayah").to_python()
    top = next(i for i, r in enumerate(summary) if r[0] == "Dusun")
    assert summary[top][:4] == ["Dusun", "RW", "RT", "Penduduk"]
    assert sum(r[3] for r in summary[top + 1 :] if r[2] == "") == POPULATION
    with village_db.read() as s:
        entry = s.scalar(select(AuditLog).where(AuditLog.action == "export"))
    assert entry is not None and '"rows": 4' in entry.after_json


def test_page_refreshes_when_the_register_changes(qtbot, make_window, village_db, admin):
    made = fill_village(village_db, admin)
    window = make_window(admin)
    page = _page(qtbot, window)
    assert page.model.total == 6
    # DEWI becomes an active member: one target less; a new unregistered baby: one more.
    residents.set_membership(
        village_db,
        admin,
        made.residents["DEWI LESTARI"],
        MembershipInput(status=codes.STATUS_ACTIVE, segment="PBPU"),
    )
    born = date(2025, 1, 5)
    residents.add_resident(
        village_db,
        admin,
        person("5201014501250099", "BAYI BARU", 2, born, 4),
        family_id=made.families["BUDI SANTOSO"],
    )
    qtbot.waitUntil(lambda: "BAYI BARU" in _names(page), timeout=TIMEOUT)
    assert "DEWI LESTARI" not in _names(page)
    assert page.model.total == len(targets.list_targets(village_db))
