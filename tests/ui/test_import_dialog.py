"""The import dialog from the Petakan page: preview, rejected rows, commit, history,
cancelling, the column-mapping step, BPJS lists and roles."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
import python_calamine
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.models import AuditLog, ImportBatch, Membership, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.services import imports
from pesiar_desktop.services.imports import resident_commit, resident_preview
from pesiar_desktop.ui.dialogs.import_wizard import (
    NEW_MAPPING,
    PAGE_DONE,
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    PAGE_RUN,
    ImportDialog,
)
from tests.import_files import family, kk_number, nik, write_opensid, write_xlsx

TIMEOUT = 20_000


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _petakan(qtbot, window):
    page = window.pages["petakan"]
    window.show_page("petakan")
    qtbot.waitUntil(lambda: page.loaded_once and not page.loading, timeout=TIMEOUT)
    return page


def _messy_file(tmp_path):
    """Two good families and three bad rows: a damaged NIK with an unknown sex, an unknown
    code, no name. (A damaged NIK alone keeps the person, flagged NIK perlu diperbaiki;
    a row rejected anyway names the NIK's damage too.)"""
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    bad_nik = family(3)[0]
    bad_nik["nik"] = float(bad_nik["nik"])  # Excel turned it into a number
    bad_nik["sex"] = "X"
    unknown = family(4)[0]
    unknown["agama_id"] = 42
    no_name = family(5)[0]
    no_name["nama"] = ""
    return rows, write_opensid(tmp_path / "opensid.xlsx", [*rows, bad_nik, unknown, no_name])


def _wait_page(qtbot, dialog, page):
    qtbot.waitUntil(lambda: dialog.page() == page, timeout=TIMEOUT)


def test_opensid_preview_rejected_rows_commit_and_history(
    qtbot, qtmodeltester, make_window, village_db, operator, tmp_path
):
    rows, path = _messy_file(tmp_path)
    window = make_window(operator)
    page = _petakan(qtbot, window)
    assert page.import_buttons["residents"].isEnabled()
    dialog = page.open_import("residents", path)
    assert dialog is page.active_dialog and dialog.page() == PAGE_FILE
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    assert {k: t.value_label.text() for k, t in dialog.tiles.items()} == {
        "new": "6",
        "updated": "0",
        "unchanged": "0",
        "rejected": "3",
        "warnings": "0",
        "pending": "0",
    }
    assert "OpenSID" in dialog.summary_label.text()
    reasons = [dialog.rejected_model.row(r) for r in range(dialog.rejected_model.rowCount())]
    assert [r[0] for r in reasons] == [8, 9, 10]
    assert "Excel" in reasons[0][2] and "Teks" in reasons[0][2]
    assert "Kolom agama_id: kode '42' tidak dikenal" in reasons[1][2]
    assert "Kolom nama: Nama wajib diisi." in reasons[2][2]
    assert dialog.tabs.tabText(0) == "Ditolak (3)"
    qtmodeltester.check(dialog.rejected_model)
    assert not dialog.notice_label.isVisible()
    assert _count(village_db, Resident) == 0  # the preview wrote nothing

    # Rejected rows to .xlsx, read back: original columns as text plus the reason.
    report = tmp_path / "ditolak.xlsx"
    assert dialog.save_rejected_button.isVisible()
    dialog.save_rejected(report)
    qtbot.waitUntil(lambda: dialog.last_report == report, timeout=TIMEOUT)
    sheet = python_calamine.CalamineWorkbook.from_path(str(report)).get_sheet_by_name("Ditolak")
    data = sheet.to_python()
    assert data[0][-2:] == ["Alasan", "Baris asal"]
    assert len(data) == 4 and [r[-1] for r in data[1:]] == [8, 9, 10]
    assert data[2][data[0].index("agama_id")] == "42"
    with village_db.read() as s:
        exported = s.scalar(select(AuditLog).where(AuditLog.action == "export"))
        assert exported is not None and "import_report" in exported.after_json

    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dialog, PAGE_DONE)
    assert dialog.import_result is not None and dialog.import_result.counts["new"] == 6
    assert "6 penduduk baru" in dialog.done_label.text()
    assert "3 baris ditolak" in dialog.done_label.text()
    assert _count(village_db, Resident) == 6
    dialog.close_button.click()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    # The data-changed notice refreshes the page: history and targets.
    qtbot.waitUntil(lambda: page.history_model.rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.model.total == 6, timeout=TIMEOUT)  # nobody insured yet
    qtmodeltester.check(page.history_model)
    batch = page.history_model.row(0)
    assert batch[1:5] == (
        "Data penduduk",
        "opensid.xlsx",
        imports.list_batches(village_db)[0].sha256[:12],
        "operator",
    )
    assert batch[5:] == ("9", "6", "0", "0", "3", "0")
    assert page.tabs.currentIndex() == 2 and "Impor #" in page.status_label.text()

    # The same file again: recognised, nothing changes.
    again = page.open_import("residents", path)
    again.start_preview()
    _wait_page(qtbot, again, PAGE_PREVIEW)
    assert again.notice_label.isVisible()
    assert "sudah pernah diimpor" in again.notice_label.text()
    assert again.tiles["unchanged"].value_label.text() == "6"
    again.reject()


def _slow_parsing(monkeypatch) -> threading.Event:
    """Parsing that pauses at each progress step; the event is set once it has begun."""
    started = threading.Event()
    original_parse = resident_preview.parse_residents

    def slow_parse(table, fmt, mapping=None, progress=None):
        def slowly(done, total):
            started.set()
            time.sleep(0.05)
            progress(done, total)

        return original_parse(table, fmt, mapping, slowly)

    monkeypatch.setattr(resident_preview, "parse_residents", slow_parse)
    return started


def test_cancel_during_preview_and_commit_leaves_the_database_unchanged(
    qtbot, make_window, village_db, admin, tmp_path, monkeypatch
):
    rows, path = _messy_file(tmp_path)
    window = make_window(admin)
    page = _petakan(qtbot, window)
    original_parse = resident_preview.parse_residents
    started = _slow_parsing(monkeypatch)
    dialog = page.open_import("residents", path)
    dialog.start_preview()
    assert dialog.page() == PAGE_RUN and dialog.cancel_button.isVisible()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _wait_page(qtbot, dialog, PAGE_FILE)
    assert "dibatalkan" in dialog.file_error.text()
    assert dialog.preview is None

    # Now a full preview, and a commit cancelled inside its transaction.
    monkeypatch.setattr(resident_preview, "parse_residents", original_parse)
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    original_write = resident_commit._write_residents
    writing = threading.Event()

    def write_after_cancel(session, actor, plan, batch_id, progress, should_cancel):
        writing.set()
        deadline = time.monotonic() + 10
        while not should_cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        return original_write(session, actor, plan, batch_id, progress, should_cancel)

    monkeypatch.setattr(resident_commit, "_write_residents", write_after_cancel)
    dialog.commit()
    qtbot.waitUntil(writing.is_set, timeout=TIMEOUT)
    dialog.cancel_running()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    assert "dibatalkan; database tidak berubah" in dialog.message_label.text()
    assert _count(village_db, Resident) == 0
    assert _count(village_db, ImportBatch) == 0
    # Importing after all still works from the same preview.
    monkeypatch.setattr(resident_commit, "_write_residents", original_write)
    dialog.commit()
    _wait_page(qtbot, dialog, PAGE_DONE)
    assert _count(village_db, Resident) == 6 and _count(village_db, ImportBatch) == 1
    dialog.reject()


def _kecamatan_csv(tmp_path, name="kecamatan.csv", people=None):
    kk = kk_number(7)
    lines = ["NOMOR NIK;NOMOR KK;NAMA LENGKAP;KELAMIN;TGL LAHIR;HUBUNGAN;NAMA DUSUN;RW;RT"]
    for serial, (who, sex, born, shdk_text, sex_text) in enumerate(
        people
        or [
            ("Joko", 1, date(1990, 1, 2), "KK", "Lelaki"),
            ("Rina", 2, date(1992, 3, 4), "ISTRI SAH", "Wanita"),
        ],
        start=71,
    ):
        lines.append(
            f"{nik(born, sex, serial)};{kk};{who};{sex_text};{born:%d/%m/%Y};{shdk_text};"
            "Dusun Krajan;1;2"
        )
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_mapping_wizard_saves_a_mapping_and_reuses_it(
    qtbot, make_window, village_db, admin, tmp_path
):
    path = _kecamatan_csv(tmp_path)
    window = make_window(admin)
    page = _petakan(qtbot, window)
    dialog = page.open_import("residents", path)
    # Auto-detection does not know this layout: the dialog says so and offers a mapping.
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_FILE)
    assert "Buat pemetaan kolom" in dialog.file_error.text()
    assert dialog.map_instead_button.isVisible()
    dialog.select_source(NEW_MAPPING)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page() == PAGE_MAPPING
    editor = dialog.mapping_editor
    qtbot.waitUntil(lambda: editor.table is not None and not editor._loading, timeout=TIMEOUT)
    assert editor.header_spin.value() == 1 and editor.sheet_combo.currentText() == "kecamatan"
    # First guesses from the headers; the user sets the rest.
    assert editor.column_combo("nik").currentData() == "NOMOR NIK"
    assert editor.column_combo("no_kk").currentData() == "NOMOR KK"
    assert editor.column_combo("name").currentData() == "NAMA LENGKAP"
    assert editor.column_combo("birth_date").currentData() == "TGL LAHIR"
    assert editor.column_combo("shdk").currentData() == "HUBUNGAN"
    assert editor.column_combo("rt").currentData() == "RT"
    combo = editor.column_combo("dusun")
    combo.setCurrentIndex(combo.findData("NAMA DUSUN"))
    # Values no label knows are listed for translation.
    qtbot.waitUntil(lambda: ("sex", "Lelaki") in editor._value_combos, timeout=TIMEOUT)
    assert set(editor._value_combos) == {("sex", "Lelaki"), ("shdk", "ISTRI SAH")}
    for (field, text), code in {("sex", "Lelaki"): 1, ("shdk", "ISTRI SAH"): 3}.items():
        value_combo = editor.value_combo(field, text)
        value_combo.setCurrentIndex(value_combo.findData(code))
    # A name is required (the service says so beside the field).
    editor.name_edit.clear()
    editor.save()
    qtbot.waitUntil(lambda: editor.errors.label("name").isVisible(), timeout=TIMEOUT)
    assert "wajib" in editor.errors.text("name")
    editor.name_edit.setText("Format Kecamatan")
    editor.save()
    # Saved -> preview with the new mapping straight away.
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    saved = imports.get_mapping(village_db, "residents", "Format Kecamatan")
    assert saved.columns["dusun"] == "NAMA DUSUN"
    assert saved.values == {"sex": {"Lelaki": 1}, "shdk": {"ISTRI SAH": 3}}
    assert dialog.tiles["new"].value_label.text() == "2"
    assert dialog.tiles["rejected"].value_label.text() == "0"
    assert "pemetaan Format Kecamatan" in dialog.summary_label.text()
    dialog.commit()
    _wait_page(qtbot, dialog, PAGE_DONE)
    dialog.reject()

    # Next month's file with the same layout: detected through the saved mapping.
    later = _kecamatan_csv(
        tmp_path,
        "kecamatan-nov.csv",
        [
            ("Joko", 1, date(1990, 1, 2), "KK", "Lelaki"),
            ("Rina", 2, date(1992, 3, 4), "ISTRI SAH", "Wanita"),
            ("Bayu", 1, date(2015, 6, 7), "ANAK", "Lelaki"),
        ],
    )
    second = page.open_import("residents", later)
    assert second.source_combo.findData("mapping:Format Kecamatan") >= 0
    second.start_preview()
    _wait_page(qtbot, second, PAGE_PREVIEW)
    assert "pemetaan Format Kecamatan" in second.summary_label.text()
    assert [second.tiles[k].value_label.text() for k in ("new", "unchanged", "rejected")] == [
        "1",
        "2",
        "0",
    ]
    second.reject()


BPJS_HEADERS = [
    "No",
    "NIK",
    "No Kartu",
    "Nama Peserta",
    "Segmen",
    "Status",
    "Kelas",
    "FKTP",
    "Tunggak",
]


def test_bpjs_list_through_a_saved_mapping(qtbot, make_window, village_db, admin, tmp_path):
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    imports.commit_residents(
        village_db,
        admin,
        imports.preview_residents(village_db, write_opensid(tmp_path / "reg.xlsx", rows)),
    )
    imports.save_mapping(
        village_db,
        admin,
        ColumnMapping(
            "bpjs",
            {
                "nik": "NIK",
                "card_number": "No Kartu",
                "name": "Nama Peserta",
                "segment": "Segmen",
                "status": "Status",
                "jkn_class": "Kelas",
                "fktp_code": "FKTP",
                "months_in_arrears": "Tunggak",
            },
            name="Cabang Mataram",
        ),
    )
    head, wife, child = (r["nik"] for r in rows[:3])
    stranger = nik(date(1999, 9, 9), 1, 999)
    lines = [
        [1, head, "0001234567890", "KEPALA 1", "PBI (APBN)", "AKTIF", "KELAS III", "0112U031", 0],
        [2, wife, "0001234567891", "ISTRI 1", "PEKERJA MANDIRI", "MENUNGGAK", "3", "0112U031", 4],
        [3, stranger, "0001234567899", "ORANG LAIN", "PBPU", "AKTIF", "1", "0112U031", 0],
        [4, child, "0001234567894", "ANAK 1", "PBI (APBN)", "KADALUARSA", "3", "0112U031", 0],
    ]
    path = write_xlsx(
        tmp_path / "bpjs.xlsx",
        lines,
        BPJS_HEADERS,
        title_rows=[["DAFTAR PESERTA JKN"], ["Data per 31 Oktober 2026"]],
        text_columns=["NIK", "No Kartu"],
    )
    window = make_window(admin)
    page = _petakan(qtbot, window)
    dialog = page.open_import("bpjs", path)
    # BPJS lists always go through a saved mapping: the first saved one is offered.
    assert dialog.source_combo.currentData() == "mapping:Cabang Mataram"
    assert dialog.date_edit.is_empty()
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    figures = {k: t.value_label.text() for k, t in dialog.tiles.items()}
    assert figures == {
        "matched": "2",
        "new": "2",
        "updated": "0",
        "unchanged": "0",
        "not_in_register": "1",
        "missing_from_list": "0",
        "rejected": "1",
        "warnings": "0",
    }
    assert "31 Oktober 2026" in dialog.summary_label.text()
    assert dialog.extra_models["not_in_register"].row(0)[1] == stranger
    assert "KADALUARSA" in dialog.rejected_model.row(0)[2]
    assert dialog.tabs.tabText(2) == "Tidak ada di register (1)"
    dialog.commit()
    _wait_page(qtbot, dialog, PAGE_DONE)
    text = dialog.done_label.text()
    assert "2 peserta cocok dengan register" in text
    assert "1 ada di daftar tetapi tidak di register" in text
    with village_db.read() as s:
        status = s.scalar(select(Membership.status).join(Resident).where(Resident.nik == wife))
    assert status == codes.STATUS_ARREARS
    dialog.reject()

    # A later list with an explicit date that leaves the wife out: missing from the list.
    later = write_xlsx(
        tmp_path / "nov.xlsx", lines[:1], BPJS_HEADERS, text_columns=["NIK", "No Kartu"]
    )
    second = page.open_import("bpjs", later)
    second.date_edit.set_value(date.today())
    second.start_preview()
    _wait_page(qtbot, second, PAGE_PREVIEW)
    assert second.tiles["missing_from_list"].value_label.text() == "1"
    assert second.extra_models["missing_from_list"].row(0)[0] == wife
    assert second.tabs.tabText(3) == "Tidak ada di daftar (1)"
    second.reject()


def test_viewers_cannot_import(qtbot, make_window, village_db, viewer, tmp_path):
    _rows, path = _messy_file(tmp_path)
    window = make_window(viewer)
    page = _petakan(qtbot, window)
    assert not any(button.isEnabled() for button in page.import_buttons.values())
    assert page.open_import("residents", path) is None
    # Even a dialog built by hand cannot write: the button is off and the service refuses.
    dialog = ImportDialog(village_db, window.tasks, viewer, "residents", page, path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    assert not dialog.commit_button.isEnabled()
    # NIKs in the preview are masked for viewers.
    assert "********" in dialog.rejected_model.row(1)[1]
    with pytest.raises(PermissionDenied):
        imports.commit_residents(village_db, viewer, dialog.preview)
    assert _count(village_db, Resident) == 0
    dialog.reject()


def test_wrong_file_is_a_clear_error_on_the_first_page(qtbot, make_window, admin, tmp_path):
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("ini bukan buku kerja", encoding="utf-8")
    window = make_window(admin)
    page = _petakan(qtbot, window)
    dialog = page.open_import("welfare", bad)
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_FILE)
    assert "bukan buku kerja Excel yang sah" in dialog.file_error.text()
    dialog.file_edit.setText(str(tmp_path / "tidak-ada.xlsx"))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "tidak ditemukan" in dialog.file_error.text()
    dialog.reject()


def test_changes_needing_confirmation_are_ticked_rows(
    qtbot, qtmodeltester, make_window, village_db, admin, tmp_path
):
    rows = family(1) + family(2)
    imports.commit_residents(
        village_db,
        admin,
        imports.preview_residents(village_db, write_opensid(tmp_path / "okt.xlsx", rows)),
    )
    moved = [dict(r) for r in rows]
    moved[2]["no_kk"] = kk_number(2)  # the first family's child now on the second KK
    moved[5]["status_dasar"] = 2  # the second family's child died
    path = write_opensid(tmp_path / "nov.xlsx", moved)
    window = make_window(admin)
    page = _petakan(qtbot, window)
    dialog = page.open_import("residents", path)
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    model = dialog.pending_model
    assert dialog.tabs.currentIndex() == 2 and dialog.tabs.tabText(2) == "Perlu konfirmasi (2)"
    assert model.rowCount() == 2 and dialog.pending_view.model() is model
    qtmodeltester.check(model)
    kinds = {model.data(model.index(r, 4)): r for r in range(2)}
    assert set(kinds) == {"pindah KK", "status dasar"}
    move_row = kinds["pindah KK"]
    assert model.data(model.index(move_row, 6)) == f"No KK {kk_number(2)}"
    assert model.data(model.index(move_row, 0), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    # Tick the move only: the preview is recounted in the background.
    assert model.setData(
        model.index(move_row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(
        lambda: dialog.tiles["updated"].value_label.text() == "1" and not dialog._running,
        timeout=TIMEOUT,
    )
    assert model.checked_keys() == {moved[2]["nik"] + ":family"}
    dialog.commit()
    _wait_page(qtbot, dialog, PAGE_DONE)
    assert dialog.import_result.counts["confirmed"] == 1
    assert "1 perubahan yang Anda konfirmasi diterapkan" in dialog.done_label.text()
    assert "1 perubahan tidak dikonfirmasi" in dialog.done_label.text()
    with village_db.read() as s:
        child = s.scalar(select(Resident).where(Resident.nik == moved[2]["nik"]))
        dead = s.scalar(select(Resident).where(Resident.nik == moved[5]["nik"]))
        assert child.family.no_kk == kk_number(2)
        assert dead.life_status == codes.LIFE_ALIVE  # not confirmed: left as it was
    dialog.reject()


def test_selected_rejected_row_shows_its_full_reason(qtbot, make_window, admin, tmp_path):
    _rows, path = _messy_file(tmp_path)
    window = make_window(admin)
    page = _petakan(qtbot, window)
    dialog = page.open_import("residents", path)
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    dialog.rejected_view.selectRow(0)
    text = dialog.detail_label.text()
    assert text.startswith("Baris 8 (")
    assert "Excel merusak angka ini" in text


def test_welfare_list_marks_poor_families_and_petakan_priorities_follow(
    qtbot, make_window, village_db, admin, tmp_path
):
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    imports.commit_residents(
        village_db,
        admin,
        imports.preview_residents(village_db, write_opensid(tmp_path / "reg.xlsx", rows)),
    )
    window = make_window(admin)
    page = _petakan(qtbot, window)
    assert page.model.total == 6 and page.model.counts()["priority"] == 0
    lines = [
        [kk_number(1), "", "KEPALA 1", 2],
        [float(kk_number(9)), "", "RUSAK", 1],  # Excel turned the No KK into a number
        [kk_number(8), "", "TIDAK ADA", 3],
    ]
    path = write_xlsx(
        tmp_path / "dtks.xlsx", lines, ["NO KK", "NIK", "NAMA", "DESIL"], title_rows=[["DTKS"]]
    )
    dialog = page.open_import("welfare", path)
    assert dialog.source_combo.currentData() is None  # the usual headers need no mapping
    dialog.start_preview()
    _wait_page(qtbot, dialog, PAGE_PREVIEW)
    figures = {k: t.value_label.text() for k, t in dialog.tiles.items()}
    assert figures == {
        "new": "1",
        "updated": "0",
        "unchanged": "0",
        "poor_families": "1",
        "not_in_register": "1",
        "rejected": "1",
        "warnings": "0",
    }
    assert "bilangan" in dialog.rejected_model.row(0)[2]
    dialog.commit()
    _wait_page(qtbot, dialog, PAGE_DONE)
    assert "1 keluarga miskin (desil 1–4)" in dialog.done_label.text()
    dialog.reject()
    # The first family is poor now: its three members become priority targets.
    qtbot.waitUntil(lambda: page.model.counts()["priority"] == 3, timeout=TIMEOUT)
    assert page.history_model.row(0)[1] == "Data kesejahteraan"


def test_closing_the_dialog_while_it_works_cancels_quietly(
    qtbot, make_window, village_db, admin, tmp_path, monkeypatch
):
    _rows, path = _messy_file(tmp_path)
    window = make_window(admin)
    page = _petakan(qtbot, window)
    started = _slow_parsing(monkeypatch)
    dialog = page.open_import("residents", path)
    dialog.start_preview()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    dialog.reject()  # Esc or the window's close button
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.tasks.is_busy(), timeout=TIMEOUT)
    assert _count(village_db, Resident) == 0 and _count(village_db, ImportBatch) == 0
