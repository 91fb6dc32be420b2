"""A file from another village is noticed before anything is written (issue 18 item 6),
and the preview lists the rows themselves with what will change."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from pesiar_desktop.cli import main
from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import Dusun, ImportBatch, Resident
from pesiar_desktop.services import imports
from tests.import_files import family, moved_from, write_opensid

BANDUNG = "327301"  # Kec. Sukasari, Kota Bandung: far from Gerung, Lombok Barat


def _count(db: Database, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _other_village_file(tmp_path):  # type: ignore[no-untyped-def]
    """Three families of a Bandung village in its own dusun, one family that moved there
    from our kecamatan."""
    rows = [
        *moved_from(BANDUNG, family(1, dusun="Dusun Cihampelas")),
        *moved_from(BANDUNG, family(2, dusun="Dusun Cihampelas")),
        *moved_from(BANDUNG, family(3, dusun="Dusun Ciumbuleuit")),
        *family(4, dusun="Dusun Cihampelas"),
    ]
    return write_opensid(tmp_path / "penduduk-desa-lain.xlsx", rows)


def test_file_from_another_kecamatan_is_named_and_needs_confirmation(village_db, admin, tmp_path):
    preview = imports.preview_residents(village_db, _other_village_file(tmp_path))
    origin = preview.origin
    assert origin is not None and preview.needs_origin_confirmation
    assert (origin.nik.foreign, origin.nik.total) == (9, 12)
    assert (origin.kk.foreign, origin.kk.total) == (3, 4)
    assert origin.region_code == BANDUNG
    assert origin.new_dusun == ("Dusun Cihampelas", "Dusun Ciumbuleuit")
    text = "\n".join(origin.messages())
    assert "tampaknya dari desa lain: 9 dari 12 NIK dan 3 dari 4 No KK" in text
    assert "Kec. Gerung, Kabupaten Lombok Barat" in text  # the village's own
    assert "kode terbanyak 327301: Kec. Sukasari, Kota Bandung" in text
    assert "2 dusun yang belum ada di desa ini: Dusun Cihampelas, Dusun Ciumbuleuit" in text

    # Without the confirmation the commit refuses and writes nothing.
    with pytest.raises(ValidationError, match="tampaknya dari desa lain"):
        imports.commit_residents(village_db, admin, preview)
    assert _count(village_db, Resident) == 0 and _count(village_db, Dusun) == 2
    result = imports.commit_residents(village_db, admin, preview, [imports.ORIGIN_KEY])
    assert result.counts["new"] == 12 and _count(village_db, Dusun) == 4
    with village_db.read() as s:
        summary = json.loads(s.scalar(select(ImportBatch.summary_json)))
    assert "tampaknya dari desa lain" in summary["other_village_confirmed"][0]


def test_normal_file_with_families_who_moved_in_gives_no_warning(village_db, admin, tmp_path):
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3) + moved_from(BANDUNG, family(3))
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert preview.origin is not None and not preview.needs_origin_confirmation
    assert (preview.origin.nik.foreign, preview.origin.nik.total) == (3, 9)
    assert preview.origin.new_dusun == () and preview.origin.messages() == []
    imports.commit_residents(village_db, admin, preview)
    assert _count(village_db, Resident) == 9


def test_new_dusun_alone_is_asked_about_and_listed(village_db, admin, tmp_path):
    rows = family(1) + family(2, dusun="dusun barat ")
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    origin = preview.origin
    assert origin is not None and not origin.other_region and preview.needs_origin_confirmation
    assert origin.new_dusun == ("dusun barat",)
    assert origin.messages()[0] == (
        "Impor ini akan membuat 1 dusun yang belum ada di desa ini: dusun barat."
    )
    # An existing dusun written in other letters is not new.
    same = family(3, dusun="DUSUN TIMUR", rt=3)
    again = imports.preview_residents(village_db, write_opensid(tmp_path / "b.xlsx", same))
    assert again.origin is not None and not again.needs_origin_confirmation


def test_first_import_into_a_village_without_dusun_is_not_a_warning(db, tmp_path):
    from tests.conftest import _set_up, admin_actor

    _set_up(db)
    preview = imports.preview_residents(db, write_opensid(tmp_path / "a.xlsx", family(1)))
    assert preview.origin is not None and preview.origin.new_dusun == ("Dusun Krajan",)
    assert not preview.needs_origin_confirmation
    imports.commit_residents(db, admin_actor(db), preview)
    assert _count(db, Resident) == 3


def test_niks_to_fix_are_not_counted(village_db, tmp_path):
    """Only valid NIKs count: raw values to fix say nothing about where the file is from."""
    rows = family(1) + family(2)
    for row in rows[1:]:
        row["nik"] = BANDUNG + str(row["nik"])[6:12] + "0000"  # impossible serial: to fix
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows))
    assert sum(1 for w in preview.warnings if "NIK perlu diperbaiki" in w.message) == 5
    assert preview.origin is not None
    assert (preview.origin.nik.foreign, preview.origin.nik.total) == (0, 1)
    assert not preview.needs_origin_confirmation


def test_preview_rows_say_who_is_written_and_how(village_db, admin, tmp_path):
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    imports.commit_residents(
        village_db,
        admin,
        imports.preview_residents(village_db, write_opensid(tmp_path / "a.xlsx", rows)),
    )
    rows[0]["nama"] = "Kepala Satu Baru"
    rows[4]["no_kk"] = rows[0]["no_kk"]  # the wife of family 2 moves: waits for a tick
    rows[5]["sex"] = "X"  # rejected
    extra = family(3)
    preview = imports.preview_residents(
        village_db, write_opensid(tmp_path / "b.xlsx", rows + extra)
    )
    listed = {r.row_number: r for r in preview.rows()}
    assert len(listed) == preview.total_rows == 9
    head = listed[2]
    assert (head.nik, head.name, head.no_kk) == (
        rows[0]["nik"],
        "KEPALA SATU BARU",
        rows[0]["no_kk"],
    )
    assert (head.dusun, head.rt, head.change, head.detail) == (
        "Dusun Krajan",
        "RW 001 / RT 001",
        "diperbarui",
        "Nama",
    )
    assert (listed[3].change, listed[3].detail) == ("tidak berubah", "")
    assert listed[6].change == "tidak berubah"
    assert listed[6].detail == "perlu konfirmasi: pindah KK"
    assert listed[7].change == "ditolak" and "Kolom sex" in listed[7].detail
    # A row the file itself rejects is shown as written.
    assert (listed[7].name, listed[7].no_kk) == ("Anak 2", rows[5]["no_kk"])
    assert (listed[7].dusun, listed[7].rt) == ("Dusun Timur", "RW 001 / RT 3")
    assert [listed[n].change for n in (8, 9, 10)] == ["baru"] * 3
    assert listed[8].rt == "RW 001 / RT 001"
    assert [r.row_number for r in preview.rows(4)] == [2, 3, 4, 5]
    # Once the move is ticked the row says it is written.
    imports.replan_residents(village_db, preview, [p.key for p in preview.pending])
    moved = {r.row_number: r for r in preview.rows()}[6]
    assert (moved.change, moved.detail) == ("diperbarui", "pindah KK")


# ------------------------------------------------------------------ the command line


@pytest.fixture
def data_dir(tmp_path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    args = ["--data-dir", str(tmp_path), "init", "--village-code", "5201012005"]
    assert main([*args, "--admin-user", "admin", "--admin-password", "rahasia-123"]) == 0
    monkeypatch.setenv("PESIAR_PASSWORD", "rahasia-123")  # the imports log in as admin
    capsys.readouterr()
    return tmp_path


def _run(data_dir, capsys, *args):  # type: ignore[no-untyped-def]
    code = main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _residents(data_dir) -> int:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{data_dir / 'pesiar.sqlite3'}")
    try:
        return _count(db, Resident)
    finally:
        db.dispose()


def test_cli_stops_before_writing_a_file_from_another_village(data_dir, capsys, tmp_path):
    path = str(_other_village_file(tmp_path))
    code, out, err = _run(data_dir, capsys, "import", "residents", path)
    assert code == 5
    assert "tampaknya dari desa lain; tidak ada yang diimpor" in err
    assert "--confirm-other-village" in err
    assert "PERHATIAN: Berkas ini tampaknya dari desa lain" in out
    assert _residents(data_dir) == 0

    code, out, err = _run(data_dir, capsys, "import", "residents", path, "--dry-run")
    assert code == 0 and err == ""
    assert "(pratinjau, tidak ditulis)" in out
    assert "Kec. Sukasari, Kota Bandung" in out
    assert "Dusun Cihampelas, Dusun Ciumbuleuit" in out
    assert "KEPALA 1" in out and "baru" in out  # the rows themselves
    code, out, _ = _run(data_dir, capsys, "import", "residents", path, "--dry-run", "--json")
    result = json.loads(out)
    assert result["other_village"] is True
    assert result["new_dusun"] == ["Dusun Cihampelas", "Dusun Ciumbuleuit"]
    assert len(result["rows"]) == 12 and result["rows"][0]["change"] == "baru"
    assert _residents(data_dir) == 0

    code, out, _ = _run(data_dir, capsys, "import", "residents", path, "--confirm-other-village")
    assert code == 0 and _residents(data_dir) == 12


def test_cli_imports_a_normal_file_without_asking(data_dir, capsys, tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", family(1) + family(2))
    code, out, err = _run(data_dir, capsys, "import", "residents", str(path), "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["other_village"] is False and result["new"] == 6
    assert _residents(data_dir) == 6
