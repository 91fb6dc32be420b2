"""OpenSID round trip: import a file, export the register in OpenSID's layout, import the
export into an empty database and get the same register; the export re-imports into the
first database as "0 baru, 0 diperbarui"."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.reportdata.opensid import OPENSID_HEADERS
from pesiar_desktop.services import imports, opensid_export, users
from tests.conftest import _set_up, as_user
from tests.import_files import family, write_opensid

COLUMNS = (
    "nik", "name", "sex", "birth_place", "birth_date", "shdk", "marital_status", "religion",
    "education", "occupation", "father_name", "mother_name", "life_status", "is_pregnant",
    "has_disability",
)  # fmt: skip


def _register(db) -> list[tuple]:
    """Every field the OpenSID format carries, per resident, by NIK."""
    with db.read() as s:
        rows = s.execute(
            select(
                *(getattr(Resident, c) for c in COLUMNS),
                Family.no_kk,
                Family.address,
                Dusun.name,
                Rt.rw,
                Rt.rt,
                Membership.status,
                Membership.segment,
                Membership.card_number,
            )
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .outerjoin(Membership, Membership.resident_id == Resident.id)
            .order_by(Resident.nik)
        ).all()
    return [tuple(r) for r in rows]


def _file_rows() -> list[dict[str, object]]:
    rows = family(1) + family(2, dusun="Dusun Timur", rt="003") + family(3, rt="002")
    rows[0].update(nama_ayah="Amaq Saleh", nama_ibu="Inaq Saleh", id_asuransi=2,
                   no_asuransi="0001234567891")  # fmt: skip
    rows[1].update(hamil=1, cacat_id=2, id_asuransi=4)
    rows[3].update(agama_id=4, pendidikan_kk_id=8, pekerjaan_id=88, tempatlahir="Mataram")
    rows[5].update(status_dasar=2)  # a child recorded as dead
    rows[8].update(kk_level=9, status_kawin=3)
    return rows


def test_import_export_import_gives_the_same_register(village_db, admin, tmp_path, sqlite_template):
    source = write_opensid(tmp_path / "opensid.xlsx", _file_rows())
    first = imports.preview_residents(village_db, source)
    assert first.rejected == []
    imports.commit_residents(village_db, admin, first, confirmed=[p.key for p in first.pending])
    before = _register(village_db)
    assert len(before) == 9

    out = tmp_path / "keluar.xlsx"
    assert opensid_export.export_opensid_xlsx(village_db, admin, out) == 9
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Penduduk").to_python()
    assert tuple(sheet[0]) == OPENSID_HEADERS
    assert all(isinstance(r[OPENSID_HEADERS.index("nik")], str) for r in sheet[1:])

    # The export re-imports into the first database as nothing new, nothing changed.
    again = imports.preview_residents(village_db, out)
    assert again.file_format == "opensid"
    assert (again.new, again.updated, len(again.rejected)) == (0, 0, 0)
    assert again.unchanged == 9

    # Into an empty database of the same village: the same register.
    empty = tmp_path / "kosong.sqlite3"
    empty.write_bytes(sqlite_template.read_bytes())
    other = open_database(
        f"sqlite:///{empty}", backup_dir=tmp_path / "b2", key_file=tmp_path / "kunci2.json"
    )
    try:
        _set_up(other)
        other_admin = users.get_actor(other, "admin")
        preview = imports.preview_residents(other, out)
        assert preview.rejected == []
        imports.commit_residents(
            other, other_admin, preview, confirmed=[p.key for p in preview.pending]
        )
        assert _register(other) == before
    finally:
        other.dispose()


def test_export_needs_the_right_and_the_cli_writes_it(
    village_db, admin, viewer, tmp_path, freeze_clock
):
    freeze_clock(date(2026, 11, 23))
    source = write_opensid(tmp_path / "opensid.xlsx", family(1))
    preview = imports.preview_residents(village_db, source)
    imports.commit_residents(village_db, admin, preview, confirmed=[p.key for p in preview.pending])
    with pytest.raises(PermissionDenied):
        opensid_export.export_opensid_xlsx(village_db, viewer, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_export_residents_opensid(tmp_path, capsys):
    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, "demo", "--residents", "300"]) == 0
    capsys.readouterr()
    out = tmp_path / "opensid.xlsx"
    code = main(["--data-dir", data_dir, "export", "residents", "--format", "opensid", str(out),
                 *as_user("operator")])  # fmt: skip
    assert code == 0, capsys.readouterr()
    assert "300 penduduk disimpan ke" in capsys.readouterr().out
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Penduduk").to_python()
    assert len(rows) == 301
    assert main(["--data-dir", data_dir, "export", "residents", "--format", "opensid", str(out),
                 *as_user("bpd")]) == 1  # fmt: skip
    assert "tidak berhak" in capsys.readouterr().err
