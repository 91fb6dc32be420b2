"""Resident import: preview then commit, messy data, updates that need confirmation.

Every spreadsheet is built by the test itself (openpyxl); the SIAK .xls and the
password-protected workbook are small fixtures in tests/data (see make_fixtures.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import ImportFileError
from pesiar_desktop.models import (
    AuditLog,
    Dusun,
    Family,
    ImportBatch,
    ImportRow,
    Membership,
    MembershipHistory,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.services import bulk_sql, imports
from tests.import_files import (
    OPENSID_HEADERS,
    family,
    kk_number,
    nik,
    write_opensid,
    write_xlsx,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _resident(db, nik_value: str) -> Resident:
    with db.read() as s:
        found = s.scalar(select(Resident).where(Resident.nik == nik_value))
        assert found is not None
        return found


def _import(db, actor, path, **kw):
    preview = imports.preview_residents(db, path, kw.pop("file_format", "auto"))
    return preview, imports.commit_residents(db, actor, preview, **kw)


# ------------------------------------------------------------------ happy path, idempotence


def test_opensid_import_then_same_file_again_changes_nothing(village_db, admin, tmp_path):
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    path = write_opensid(tmp_path / "opensid.xlsx", rows)
    preview = imports.preview_residents(village_db, path)
    assert preview.file_format == "opensid"
    assert preview.counts() == {
        "total": 6,
        "new": 6,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "warnings": 0,
        "pending": 0,
    }
    assert _count(village_db, Resident) == 0  # a preview writes nothing
    result = imports.commit_residents(village_db, admin, preview)
    assert result.counts["new"] == 6
    head = _resident(village_db, rows[0]["nik"])
    assert (head.name, head.shdk, head.sex, head.birth_date) == ("KEPALA 1", 1, 1, date(1980, 3, 4))
    with village_db.read() as s:
        area = s.execute(
            select(Dusun.name, Rt.rw, Rt.rt)
            .join(Rt, Rt.dusun_id == Dusun.id)
            .join(Family, Family.rt_id == Rt.id)
            .where(Family.no_kk == kk_number(2))
        ).one()
        assert tuple(area) == ("Dusun Timur", "001", "003")
        batch = s.scalar(select(ImportBatch))
        assert (batch.kind, batch.file_name, batch.new_count, batch.actor) == (
            "residents",
            "opensid.xlsx",
            6,
            "admin",
        )
        assert len(batch.sha256) == 64
        assert s.scalar(select(func.count(ImportRow.id)).where(ImportRow.batch_id == batch.id)) == 6
        audit = s.scalar(select(AuditLog).where(AuditLog.action == "import.residents"))
        assert json.loads(audit.after_json)["new"] == 6
    again = imports.preview_residents(village_db, path)
    assert (again.new, again.updated, again.unchanged, len(again.rejected)) == (0, 0, 6, 0)
    assert "sudah pernah diimpor" in again.notices[0]
    second = imports.commit_residents(village_db, admin, again)
    assert second.counts["unchanged"] == 6
    assert _count(village_db, Resident) == 6
    assert len(imports.list_batches(village_db)) == 2


def test_title_rows_end_mark_kode_data_sheet_blank_rows_and_columns(village_db, admin, tmp_path):
    records = family(1)
    headers = ["", *OPENSID_HEADERS[:6], "", *OPENSID_HEADERS[6:]]
    lines = [[r.get(h, "") if h else "" for h in headers] for r in records]
    lines.insert(1, [""] * len(headers))  # a blank row inside the data
    lines.append(["", "###"])
    lines.append(["", "Kepala 9", kk_number(9)])  # below the end mark: ignored
    path = write_xlsx(
        tmp_path / "judul.xlsx",
        lines,
        headers,
        title_rows=[["DATA PENDUDUK DESA SUKA MAKMUR"], ["Keadaan 1 Oktober 2026"], []],
        extra_sheets={"Kode Data": [["kode", "nama"], [1, "ISLAM"]]},
    )
    preview = imports.preview_residents(village_db, path)
    assert preview.sheet_name == "Penduduk" and preview.header_row == 4
    assert preview.counts()["new"] == 3 and not preview.rejected


# ------------------------------------------------------------------ messy data, one case each


def test_nik_stored_as_a_number_is_kept_to_fix_with_the_excel_hint(village_db, admin, tmp_path):
    rows = family(1)
    written = rows[2]["nik"]
    rows[2]["nik"] = float(written)  # the child's NIK typed into a Number cell
    preview, result = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert result.counts["new"] == 3 and not preview.rejected
    [note] = preview.warnings
    assert note.row_number == 4
    assert note.message.startswith("NIK perlu diperbaiki: NIK tersimpan sebagai bilangan")
    assert "Ubah format kolom menjadi Teks" in note.message
    child = _resident(village_db, written)  # the number as the cell shows it
    assert child.nik_to_fix and child.nik_raw == written and child.name == "ANAK 1"


def test_nik_in_scientific_notation_is_kept_to_fix(village_db, admin, tmp_path):
    rows = family(1)
    rows[1]["nik"] = "5,20101E+15"
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert not preview.rejected and preview.new == 3
    [note] = preview.warnings
    assert "tertulis sebagai bilangan" in note.message and note.nik == "5,20101E+15"


def test_no_kk_with_last_digits_zeroed_is_rejected_not_a_new_family(village_db, admin, tmp_path):
    rows = family(1)
    rows[2]["no_kk"] = kk_number(1)[:12] + "0000"
    preview, _ = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    [note] = preview.rejected
    assert note.message.startswith("Kolom no_kk: No KK") and "0000 tidak mungkin" in note.message
    assert "Excel" not in note.message  # text typed as text: not Excel's damage
    assert _count(village_db, Family) == 1


def test_rt_rw_that_lost_leading_zeros(village_db, admin, tmp_path):
    rows = family(1, rt=2, rw=1) + family(2, rt="2", rw="01")
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    with village_db.read() as s:
        found = set(s.execute(select(Rt.rw, Rt.rt).join(Family, Family.rt_id == Rt.id)))
    assert found == {("001", "002")}  # the existing RT 002 of RW 001, not a new one


@pytest.mark.parametrize(
    "written",
    [29284.0, "04/03/1980", "04-03-1980", "1980-03-04", "4 Maret 1980", "04 MAR 1980"],
)
def test_birth_dates_in_every_form(village_db, admin, tmp_path, written):
    rows = family(1)
    rows[0]["tanggallahir"] = written
    preview, _ = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert not preview.rejected and not preview.warnings
    assert _resident(village_db, rows[0]["nik"]).birth_date == date(1980, 3, 4)


def test_spaces_and_mixed_case_labels(village_db, admin, tmp_path):
    rows = family(1)
    rows[0].update(
        nama="  kepala   SATU ",
        sex=" laki-laki",
        kk_level="kepala keluarga",
        agama_id="islam",
        dusun=" dusun   krajan ",
    )
    rows[1].update(sex="PEREMPUAN", kk_level="ISTRI", status_kawin="Kawin")
    preview, _ = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert not preview.rejected
    head = _resident(village_db, rows[0]["nik"])
    assert (head.name, head.sex, head.shdk) == ("KEPALA SATU", 1, 1)
    assert _count(village_db, Dusun) == 2  # matched 'Dusun Krajan', no new dusun


def test_same_nik_twice_in_one_file(village_db, admin, tmp_path):
    rows = family(1)
    twin = dict(rows[2], nama="Anak Lain")  # same NIK, different person data
    exact = dict(rows[1])  # an exact repeat of the wife's row
    path = write_opensid(tmp_path / "a.xlsx", rows + [twin, exact])
    preview = imports.preview_residents(village_db, path)
    by_row = {n.row_number: n.message for n in preview.rejected}
    assert set(by_row) == {4, 5, 6}
    assert "muncul lebih dari sekali di berkas (baris 4, 5)" in by_row[4]
    assert by_row[6].startswith("Baris ganda: sama persis dengan baris 3")
    assert preview.new == 2


def test_nik_disagreeing_with_birth_date_and_sex_is_a_warning(village_db, admin, tmp_path):
    rows = family(1)
    rows[2]["tanggallahir"] = "21-01-2010"  # the NIK says 20 January
    rows[1]["sex"] = 1  # the NIK says a woman
    rows[1]["kk_level"] = 2
    preview, result = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert result.counts["new"] == 3 and not preview.rejected
    messages = {w.row_number: w.message for w in preview.warnings}
    assert "tidak sama dengan tanggal lahir yang diisi (21-01-2010)" in messages[4]
    assert "Menurut NIK orang ini perempuan" in messages[3]


def test_unknown_code_names_the_column_and_value(village_db, admin, tmp_path):
    rows = family(1)
    rows[2]["agama_id"] = 12
    rows[1]["pekerjaan_id"] = "ASTRONOT"
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    messages = {n.row_number: n.message for n in preview.rejected}
    assert messages[4] == "Kolom agama_id: kode '12' tidak dikenal"
    assert messages[3] == "Kolom pekerjaan_id: nilai 'ASTRONOT' tidak dikenal"


def test_empty_sheet_is_a_clear_error(village_db, admin, tmp_path):
    path = write_xlsx(tmp_path / "kosong.xlsx", [], None)
    with pytest.raises(ImportFileError, match="kosong"):
        imports.preview_residents(village_db, path)


def test_header_only_is_a_clear_error(village_db, admin, tmp_path):
    path = write_opensid(tmp_path / "judul.xlsx", [])
    with pytest.raises(ImportFileError, match="tidak berisi baris data"):
        imports.preview_residents(village_db, path)


def test_wrong_file_type(village_db, admin, tmp_path):
    pdf = tmp_path / "penduduk.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ImportFileError, match=r"Jenis berkas \.pdf tidak didukung"):
        imports.preview_residents(village_db, pdf)
    fake = tmp_path / "penduduk.xlsx"
    fake.write_text("nik;nama\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="bukan buku kerja Excel yang sah"):
        imports.preview_residents(village_db, fake)


def test_corrupted_workbook(village_db, admin, tmp_path):
    good = write_opensid(tmp_path / "baik.xlsx", family(1))
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(good.read_bytes()[:400])  # a zip cut short
    with pytest.raises(ImportFileError, match="rusak atau tidak dapat dibaca"):
        imports.preview_residents(village_db, broken)


def test_password_protected_workbook(village_db, admin):
    with pytest.raises(ImportFileError, match="dilindungi kata sandi"):
        imports.preview_residents(village_db, DATA / "password.xlsx")
    assert _count(village_db, ImportBatch) == 0


def test_unrecognised_headers_ask_for_a_mapping(village_db, tmp_path):
    path = write_xlsx(tmp_path / "lain.xlsx", [["a", "b"]], ["Kolom Satu", "Kolom Dua"])
    with pytest.raises(ImportFileError, match="Baris judul kolom tidak ditemukan"):
        imports.preview_residents(village_db, path)


# ------------------------------------------------------------------ families and heads


def test_new_family_without_a_head_is_rejected(village_db, admin, tmp_path):
    rows = family(1)[1:]  # wife and child only
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert preview.new == 0 and len(preview.rejected) == 2
    assert "tidak akan punya Kepala Keluarga yang hidup" in preview.rejected[0].message


def test_new_family_with_two_heads_is_rejected(village_db, admin, tmp_path):
    rows = family(1)
    rows[1]["kk_level"] = 1
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert len(preview.rejected) == 3
    assert (
        "akan punya 2 Kepala Keluarga (ISTRI 1, KEPALA 1); harus tepat satu"
        in preview.rejected[0].message
    )


def test_dead_head_with_a_living_successor_is_accepted(village_db, admin, tmp_path):
    rows = family(1)
    rows[0]["status_dasar"] = "MATI"
    rows[1]["kk_level"] = 1
    preview, result = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert not preview.rejected and result.counts["new"] == 3
    assert _resident(village_db, rows[0]["nik"]).life_status == codes.LIFE_DEAD


def test_new_family_without_rt_is_rejected(village_db, admin, tmp_path):
    rows = family(1, rt="")
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert len(preview.rejected) == 3 and "tidak punya RT" in preview.rejected[0].message


# ------------------------------------------------------------------ updates


def test_changed_fields_are_updated_and_counted(village_db, admin, tmp_path):
    rows = family(1)
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    rows[2]["nama"] = "Anak Satu Baru"
    rows[2]["pendidikan_kk_id"] = 3
    rows[0]["alamat"] = "Jl. Kenanga"
    preview, result = _import(village_db, admin, write_opensid(tmp_path / "b.xlsx", rows))
    assert (preview.new, preview.updated, preview.unchanged) == (0, 2, 1)
    child = _resident(village_db, rows[2]["nik"])
    assert (child.name, child.name_sort, child.education) == ("ANAK SATU BARU", "anak satu baru", 3)
    with village_db.read() as s:
        assert s.scalar(select(Family.address)) == "Jl. Kenanga"


def test_a_missing_column_or_blank_cell_does_not_erase(village_db, admin, tmp_path):
    rows = family(1)
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    short = [h for h in OPENSID_HEADERS if h != "pekerjaan_id"]
    rows[0]["pendidikan_kk_id"] = ""
    preview, _ = _import(village_db, admin, write_opensid(tmp_path / "b.xlsx", rows, short))
    assert preview.unchanged == 3
    head = _resident(village_db, rows[0]["nik"])
    assert (head.occupation, head.education) == (9, 5)


def test_moving_to_another_family_needs_confirmation(village_db, admin, tmp_path):
    rows = family(1) + family(2)
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    child = dict(rows[2], no_kk=kk_number(2), kk_level=9)
    moved = rows[:2] + [child] + rows[3:]
    path = write_opensid(tmp_path / "b.xlsx", moved)
    preview = imports.preview_residents(village_db, path)
    [change] = preview.pending
    assert (change.kind, change.key) == ("family", f"{child['nik']}:family")
    assert (
        change.message
        == f"ANAK 1 ({child['nik']}) akan pindah KK: No KK {kk_number(1)} -> No KK {kk_number(2)}."
    )
    result = imports.commit_residents(village_db, admin, preview)  # nothing confirmed
    assert [p.key for p in result.pending_left] == [change.key]
    kept = _resident(village_db, child["nik"])
    assert kept.shdk == 4  # the SHDK of the other family is not applied either
    with village_db.read() as s:
        assert s.scalar(select(Family.no_kk).where(Family.id == kept.family_id)) == kk_number(1)
    result = imports.commit_residents(
        village_db, admin, imports.preview_residents(village_db, path), [change.key]
    )
    assert result.counts["confirmed"] == 1 and not result.pending_left
    moved_child = _resident(village_db, child["nik"])
    with village_db.read() as s:
        assert s.scalar(
            select(Family.no_kk).where(Family.id == moved_child.family_id)
        ) == kk_number(2)
        assert s.scalar(select(AuditLog.id).where(AuditLog.action == "resident.move")) is not None
    assert moved_child.shdk == 9


def test_moving_a_family_to_another_dusun_needs_confirmation(village_db, admin, tmp_path):
    rows = family(1)
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    elsewhere = family(1, dusun="Dusun Timur", rt=3)
    path = write_opensid(tmp_path / "b.xlsx", elsewhere)
    preview = imports.preview_residents(village_db, path)
    [change] = preview.pending
    assert change.kind == "dusun" and change.before == "Dusun Krajan RW 001 / RT 001"
    imports.commit_residents(village_db, admin, preview)
    with village_db.read() as s:
        assert s.scalar(select(Dusun.name).join(Rt).join(Family)) == "Dusun Krajan"
    imports.commit_residents(
        village_db, admin, imports.preview_residents(village_db, path), [change.key]
    )
    with village_db.read() as s:
        assert s.scalar(select(Dusun.name).join(Rt).join(Family)) == "Dusun Timur"


def test_life_status_change_needs_confirmation_and_ends_membership(village_db, admin, tmp_path):
    rows = family(1)
    rows[2].update(id_asuransi=2, no_asuransi="0001234567890")
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    rows[2]["status_dasar"] = 2
    path = write_opensid(tmp_path / "b.xlsx", rows)
    preview = imports.preview_residents(village_db, path)
    [change] = preview.pending
    assert change.message == f"Status dasar ANAK 1 ({rows[2]['nik']}) akan berubah: Hidup -> Mati."
    imports.commit_residents(village_db, admin, preview)
    assert _resident(village_db, rows[2]["nik"]).life_status == codes.LIFE_ALIVE
    imports.commit_residents(
        village_db, admin, imports.preview_residents(village_db, path), [change.key]
    )
    child = _resident(village_db, rows[2]["nik"])
    assert child.life_status == codes.LIFE_DEAD
    with village_db.read() as s:
        assert s.get(Membership, child.id).status == codes.STATUS_ENDED
        assert (
            s.scalar(
                select(func.count(MembershipHistory.id)).where(
                    MembershipHistory.resident_id == child.id
                )
            )
            == 2
        )


def test_insurance_column_starts_memberships_with_history(village_db, admin, tmp_path):
    rows = family(1)
    rows[0].update(id_asuransi=2, no_asuransi="0001234567890")
    rows[1].update(id_asuransi="BPJS NON PBI")
    _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    with village_db.read() as s:
        found = {
            nik_value: (status, segment, card)
            for nik_value, status, segment, card in s.execute(
                select(
                    Resident.nik, Membership.status, Membership.segment, Membership.card_number
                ).join(Membership)
            )
        }
        assert s.scalar(select(func.count(MembershipHistory.id))) == 2
    assert found == {
        rows[0]["nik"]: ("ACTIVE", "PBI_APBN", "0001234567890"),
        rows[1]["nik"]: ("ACTIVE", None, ""),
    }


# ------------------------------------------------------------------ reports, strict, cancel


def test_rejected_rows_saved_fixed_and_imported_again(village_db, admin, tmp_path):
    rows = family(1)
    rows[2]["nik"] = float(rows[2]["nik"])
    rows[2]["sex"] = "Y"  # rejected for its sex; its NIK's reason is named too
    rows[1]["sex"] = "X"
    preview, result = _import(village_db, admin, write_opensid(tmp_path / "a.xlsx", rows))
    assert result.counts["new"] == 1
    report = imports.write_report(preview, tmp_path / "ditolak.xlsx")
    sheet = load_workbook(report)["Ditolak"]
    lines = list(sheet.values)
    assert lines[0][-2:] == ("Alasan", "Baris asal")
    assert [line[-1] for line in lines[1:]] == [3, 4]
    assert lines[1][OPENSID_HEADERS.index("sex")] == "X"
    assert "tidak dikenal" in lines[1][-2]
    assert "Kolom nik: NIK tersimpan sebagai bilangan" in lines[2][-2]
    # The clerk fixes the cells (as text) and imports the same workbook again.
    sheet.cell(2, OPENSID_HEADERS.index("sex") + 1, "2")
    sheet.cell(3, OPENSID_HEADERS.index("sex") + 1, "1")
    sheet.cell(3, OPENSID_HEADERS.index("nik") + 1, nik(date(2010, 1, 20), 1, 13))
    sheet.parent.save(tmp_path / "diperbaiki.xlsx")
    again, result = _import(village_db, admin, tmp_path / "diperbaiki.xlsx")
    assert not again.rejected and result.counts["new"] == 2
    assert _count(village_db, Resident) == 3


def test_strict_mode_writes_nothing_when_a_row_is_rejected(village_db, admin, tmp_path):
    rows = family(1) + family(2)
    rows[4]["sex"] = "X"
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    with pytest.raises(ValidationError, match="mode ketat"):
        imports.commit_residents(village_db, admin, preview, strict=True)
    assert _count(village_db, Resident) == 0 and _count(village_db, ImportBatch) == 0


def test_cancelling_leaves_the_database_as_it_was(village_db, admin, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_sql, "CHUNK", 2)
    rows = family(1) + family(2) + family(3)
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    seen: list[tuple[int, int]] = []
    with pytest.raises(imports.ImportCancelled):
        imports.commit_residents(
            village_db,
            admin,
            preview,
            progress=lambda d, t: seen.append((d, t)),
            should_cancel=lambda: len(seen) >= 2,
        )
    assert seen  # progress was reported before the cancel
    assert _count(village_db, Resident) == 0
    assert _count(village_db, Family) == 0
    assert _count(village_db, ImportBatch) == 0


def test_viewer_cannot_import(village_db, viewer, tmp_path):
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", family(1)))
    with pytest.raises(PesiarError, match="tidak berhak"):
        imports.commit_residents(village_db, viewer, preview)


# ------------------------------------------------------------------ SIAK and mappings


def test_siak_xls_from_libreoffice(village_db, admin):
    preview = imports.preview_residents(village_db, DATA / "siak_small.xls")
    assert preview.file_format == "siak" and preview.header_row == 2
    assert not preview.rejected, preview.rejected
    result = imports.commit_residents(village_db, admin, preview)
    assert result.counts["new"] == 4
    wife = _resident(village_db, "5201014907840012")
    assert (wife.sex, wife.shdk, wife.marital_status, wife.education, wife.occupation) == (
        2,
        3,
        2,
        3,
        2,
    )
    teacher = _resident(village_db, "5201011506700021")
    assert (teacher.religion, teacher.occupation, teacher.birth_date) == (4, 65, date(1970, 6, 15))
    with village_db.read() as s:
        areas = set(s.execute(select(Dusun.name, Rt.rw, Rt.rt).join(Rt).join(Family)))
    # No dusun column: RW 001 RT 001 exists once (Dusun Krajan); RW 002 belongs to Dusun Timur.
    assert areas == {("Dusun Krajan", "001", "001"), ("Dusun Timur", "002", "003")}
    assert imports.preview_residents(village_db, DATA / "siak_small.xls").unchanged == 4


def test_siak_xlsx_with_labels_and_numeric_rw_rt(village_db, admin, tmp_path):
    headers = [
        "Nomor KK",
        "NIK",
        "Nama Penduduk",
        "Status",
        "Tempat Lahir",
        "Tanggal Lahir",
        "Kelamin",
        "Status Kawin",
        "SHDK",
        "Agama",
        "Alamat",
        "RW",
        "RT",
        "Pendidikan",
        "Pekerjaan",
    ]
    kk = kk_number(5)
    lines = [
        [
            kk,
            nik(date(1975, 2, 1), 1, 51),
            "BUDI",
            "Hidup",
            "Gerung",
            date(1975, 2, 1),
            "Laki-laki",
            "Kawin",
            "Kepala Keluarga",
            "Islam",
            "Jl. A",
            2.0,
            3.0,
            "SLTA/Sederajat",
            "Wiraswasta",
        ],
        [
            kk,
            nik(date(1978, 5, 6), 2, 52),
            "ANI",
            "Hidup",
            "Gerung",
            date(1978, 5, 6),
            "Perempuan",
            "Kawin",
            "Istri",
            "Islam",
            "Jl. A",
            2.0,
            3.0,
            "SLTP/Sederajat",
            "Mengurus Rumah Tangga",
        ],
    ]
    preview, result = _import(village_db, admin, write_xlsx(tmp_path / "siak.xlsx", lines, headers))
    assert preview.file_format == "siak" and result.counts["new"] == 2
    with village_db.read() as s:
        assert tuple(s.execute(select(Dusun.name, Rt.rw, Rt.rt).join(Rt).join(Family)).one()) == (
            "Dusun Timur",
            "002",
            "003",
        )


def test_saved_mapping_for_another_layout_csv(village_db, admin, tmp_path):
    mapping = ColumnMapping(
        "residents",
        {
            "nik": "NOMOR NIK",
            "no_kk": "NOMOR KK",
            "name": "NAMA LENGKAP",
            "sex": "JK",
            "birth_date": "TGL LAHIR",
            "shdk": "HUBUNGAN",
            "dusun": "DUSUN",
            "rt": "RT",
            "rw": "RW",
        },
        {"sex": {"Lk": 1, "Pr": 2}, "shdk": {"KK": 1, "ISTRI SAH": 3}},
        name="Format Kecamatan",
    )
    imports.save_mapping(village_db, admin, mapping)
    kk = kk_number(7)
    csv_path = tmp_path / "kecamatan.csv"
    csv_path.write_text(
        "NOMOR NIK;NOMOR KK;NAMA LENGKAP;JK;TGL LAHIR;HUBUNGAN;DUSUN;RW;RT\n"
        f"{nik(date(1990, 1, 2), 1, 71)};{kk};Joko;Lk;02/01/1990;KK;Dusun Krajan;1;2\n"
        f"{nik(date(1992, 3, 4), 2, 72)};{kk};Rina;Pr;04/03/1992;ISTRI SAH;Dusun Krajan;1;2\n",
        encoding="utf-8",
    )
    preview = imports.preview_residents(village_db, csv_path)
    assert preview.file_format == "mapping:Format Kecamatan"
    result = imports.commit_residents(village_db, admin, preview)
    assert result.counts["new"] == 2 and not preview.rejected
    assert [m.name for m in imports.list_mappings(village_db, "residents")] == ["Format Kecamatan"]
    explicit = imports.preview_residents(village_db, csv_path, "mapping:Format Kecamatan")
    assert explicit.unchanged == 2


def test_mapping_missing_required_fields_is_refused(village_db, admin):
    with pytest.raises(ValidationError, match="Kolom wajib belum dipetakan"):
        imports.save_mapping(
            village_db, admin, ColumnMapping("residents", {"nik": "NIK"}, name="x")
        )


def test_unknown_layout_can_be_sniffed_for_the_mapping_wizard(tmp_path):
    from pesiar_desktop.importers.reader import sniff_table

    path = write_xlsx(
        tmp_path / "lain.xlsx",
        [["5201014403800011", "Siti", 2], ["5201010403800012", "Budi", 1]],
        ["Nomor Induk", "Nama Warga", "JK"],
        title_rows=[["REKAP WARGA RT 01"], []],
    )
    table = sniff_table(path)
    assert (table.header_row, table.headers, len(table.rows)) == (
        3,
        ["Nomor Induk", "Nama Warga", "JK"],
        2,
    )
    assert table.title_lines == ["REKAP WARGA RT 01"]


def test_cancelling_a_preview(village_db, tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", family(1) + family(2))
    calls: list[int] = []
    with pytest.raises(imports.ImportCancelled, match="dibatalkan"):
        imports.preview_residents(
            village_db,
            path,
            progress=lambda d, t: calls.append(d),
            should_cancel=lambda: bool(calls),
        )
    assert calls


def test_sniffing_a_chosen_sheet_and_header_row(tmp_path):
    from pesiar_desktop.importers.reader import ImportFileError, sniff_file

    path = write_xlsx(
        tmp_path / "dua.xlsx",
        [["5201014403800011", "Siti", 2]],
        ["Nomor Induk", "Nama Warga", "JK"],
        title_rows=[["REKAP WARGA RT 01"], []],
        extra_sheets={"Catatan": [["dibuat oleh", "RT 01"], ["tanggal", "1 Okt"]]},
    )
    names, table = sniff_file(path)
    assert names == ["Catatan", "Penduduk"]
    assert (table.sheet_name, table.header_row) == ("Catatan", 1)
    names, table = sniff_file(path, "Penduduk")
    assert (table.header_row, table.headers) == (3, ["Nomor Induk", "Nama Warga", "JK"])
    _names, table = sniff_file(path, "Penduduk", header_row=1)
    assert table.headers == ["REKAP WARGA RT 01"] and table.title_lines == []
    with pytest.raises(ImportFileError, match="Baris 2 di lembar Penduduk kosong"):
        sniff_file(path, "Penduduk", header_row=2)
    with pytest.raises(ImportFileError, match="tidak ada"):
        sniff_file(path, "Lain")


def test_mapping_wizard_helpers_guess_columns_and_list_unknown_values(tmp_path):
    from pesiar_desktop.importers import mapping
    from pesiar_desktop.importers.reader import sniff_table

    path = write_xlsx(
        tmp_path / "lain.xlsx",
        [
            ["5201014403800011", "Siti", "Wanita", "ISTRI SAH", "Dusun Krajan"],
            ["5201010403800012", "Budi", "Lelaki", "KK", "Dusun Krajan"],
        ],
        ["Nomor NIK", "Nama Warga", "Kelamin", "Hubungan", "Nama Dusun"],
    )
    table = sniff_table(path)
    guess = mapping.suggest_columns("residents", table.headers)
    assert guess == {
        "nik": "Nomor NIK",
        "name": "Nama Warga",
        "sex": "Kelamin",
        "shdk": "Hubungan",
        "dusun": "Nama Dusun",
    }
    assert mapping.unknown_values(table, "residents", guess) == {
        "sex": ["Lelaki"],
        "shdk": ["ISTRI SAH"],
    }
    # A translation the user picked makes the value known.
    assert mapping.unknown_values(table, "residents", guess, {"sex": {"Lelaki": 1}}) == {
        "shdk": ["ISTRI SAH"]
    }
    assert mapping.sample_values(table, "Nama Warga") == ["Siti", "Budi"]
    assert set(mapping.value_fields("bpjs")) == {"segment", "status"}


def test_bulk_steps_freeze_their_rows_and_release_lets_cycles_go(village_db, admin, tmp_path):
    """A preview's rows are kept out of the collector's walks (gc.freeze) until the import
    is over; a reference cycle caught in that freeze is still collected afterwards."""
    import gc
    import weakref

    class Node:
        pass

    path = write_opensid(tmp_path / "a.xlsx", family(1))
    gc.disable()  # no collection may free the cycle before the preview freezes it
    cycle = Node()
    cycle.self = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    del cycle  # garbage, but only the cyclic collector can free it
    try:
        preview = imports.preview_residents(village_db, path)
        assert gc.get_freeze_count() > 0
        assert gone() is not None  # frozen with everything else
        imports.commit_residents(village_db, admin, preview)
    finally:
        imports.release_frozen()
        gc.enable()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None
