"""The import/targets command-line contract: exit codes 0/3/2, --json keys, --strict, --dry-run."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from pesiar_desktop.cli import main
from pesiar_desktop.db import Database
from pesiar_desktop.models import AuditLog, ImportBatch, Membership, Resident
from tests.import_files import family, write_opensid, write_xlsx

IMPORT_KEYS = {"new", "updated", "unchanged", "rejected", "warnings"}


@pytest.fixture
def data_dir(tmp_path, capsys, monkeypatch):
    args = ["--data-dir", str(tmp_path), "init", "--village-code", "5201012005"]
    assert main([*args, "--admin-user", "admin", "--admin-password", "rahasia-123"]) == 0
    monkeypatch.setenv("PESIAR_PASSWORD", "rahasia-123")  # the commands log in as admin
    capsys.readouterr()
    return tmp_path


def _db(data_dir) -> Database:
    return Database(f"sqlite:///{data_dir / 'pesiar.sqlite3'}")


def _residents(data_dir) -> int:
    db = _db(data_dir)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count(Resident.id))))
    finally:
        db.dispose()


def _run(data_dir, capsys, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_all_rows_accepted_exit_0_with_json(data_dir, capsys, tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", family(1) + family(2))
    code, out, _ = _run(
        data_dir, capsys, "import", "residents", str(path), "--json", "--user", "admin"
    )
    assert code == 0
    result = json.loads(out)
    assert set(result) >= IMPORT_KEYS
    assert (result["new"], result["rejected"], result["format"]) == (6, 0, "opensid")
    assert _residents(data_dir) == 6
    db = _db(data_dir)
    with db.read() as s:
        assert s.scalar(select(ImportBatch.actor)) == "admin"
        assert (
            s.scalar(select(AuditLog.actor).where(AuditLog.action == "import.residents")) == "admin"
        )
    db.dispose()
    code, out, _ = _run(data_dir, capsys, "import", "residents", str(path), "--json")
    again = json.loads(out)
    assert code == 0 and (again["new"], again["unchanged"]) == (0, 6)


def test_some_rows_rejected_exit_3_and_report(data_dir, capsys, tmp_path):
    rows = family(1) + family(2)
    rows[5]["nik"] = float(rows[5]["nik"])  # kept, flagged NIK perlu diperbaiki
    rows[4]["sex"] = "X"
    path = write_opensid(tmp_path / "a.xlsx", rows)
    report = tmp_path / "laporan.xlsx"
    code, out, _ = _run(data_dir, capsys, "import", "residents", str(path), "--report", str(report))
    assert code == 3
    assert "Baris 6 ditolak: Kolom sex: nilai 'X' tidak dikenal" in out
    assert "Baris 7 peringatan: NIK perlu diperbaiki: NIK tersimpan sebagai bilangan" in out
    assert _residents(data_dir) == 5
    sheet = load_workbook(report)["Ditolak"]
    assert sheet.cell(2, sheet.max_column - 1).value.startswith("Kolom sex:")


def test_strict_imports_nothing_when_a_row_is_rejected(data_dir, capsys, tmp_path):
    rows = family(1)
    rows[1]["sex"] = "X"
    path = write_opensid(tmp_path / "a.xlsx", rows)
    code, out, _ = _run(data_dir, capsys, "import", "residents", str(path), "--strict", "--json")
    assert code == 3
    result = json.loads(out)
    assert result["rejected"] == 1 and result["dry_run"] is True and result["batch_id"] is None
    assert _residents(data_dir) == 0


def test_dry_run_writes_nothing(data_dir, capsys, tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", family(1))
    code, out, _ = _run(data_dir, capsys, "import", "residents", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["new"] == 3
    assert _residents(data_dir) == 0


@pytest.mark.parametrize("content", [b"", b"not a workbook", None])
def test_unreadable_file_exit_2(data_dir, capsys, tmp_path, content):
    path = tmp_path / "rusak.xlsx"
    if content is not None:
        path.write_bytes(content)
    code, _, err = _run(data_dir, capsys, "import", "residents", str(path))
    assert code == 2 and err.startswith("Galat: ")
    assert _residents(data_dir) == 0


def test_format_option(data_dir, capsys, tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", family(1))
    code, _, err = _run(
        data_dir, capsys, "import", "residents", str(path), "--format", "mapping:Tidak Ada"
    )
    assert code == 2 and "tidak ditemukan" in err
    code, out, _ = _run(
        data_dir, capsys, "import", "residents", str(path), "--format", "opensid", "--json"
    )
    assert code == 0 and json.loads(out)["format"] == "opensid"


def test_pending_changes_and_confirm_all(data_dir, capsys, tmp_path):
    rows = family(1) + family(2)
    _run(data_dir, capsys, "import", "residents", str(write_opensid(tmp_path / "a.xlsx", rows)))
    rows[2]["no_kk"] = rows[3]["no_kk"]
    rows[2]["kk_level"] = 9
    path = write_opensid(tmp_path / "b.xlsx", rows)
    code, out, _ = _run(data_dir, capsys, "import", "residents", str(path), "--json")
    result = json.loads(out)
    assert code == 0 and result["pending"] == 1
    assert result["pending_changes"][0]["kind"] == "family"
    code, out, _ = _run(
        data_dir, capsys, "import", "residents", str(path), "--json", "--confirm-all"
    )
    result = json.loads(out)
    assert (result["pending"], result["confirmed"]) == (0, 1)


def test_bpjs_headless_with_saved_mapping(data_dir, capsys, tmp_path):
    rows = family(1)
    _run(data_dir, capsys, "import", "residents", str(write_opensid(tmp_path / "a.xlsx", rows)))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "nik": "NIK",
                    "card_number": "NOKA",
                    "segment": "SEGMEN",
                    "status": "STATUS",
                    "jkn_class": "KELAS",
                    "fktp_code": "FASKES",
                    "months_in_arrears": "TUNGGAKAN",
                }
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(
        data_dir, capsys, "mapping", "save", "Cabang", "--kind", "bpjs", "--file", str(mapping)
    )
    assert code == 0 and "disimpan" in out
    code, out, _ = _run(data_dir, capsys, "mapping", "list", "--json")
    assert json.loads(out)[0]["name"] == "Cabang"
    lines = [[rows[0]["nik"], "0001234567890", "PBI (APBN)", "AKTIF", "III", "0112U031", 0]]
    path = write_xlsx(
        tmp_path / "bpjs.xlsx",
        lines,
        ["NIK", "NOKA", "SEGMEN", "STATUS", "KELAS", "FASKES", "TUNGGAKAN"],
    )
    code, out, _ = _run(
        data_dir,
        capsys,
        "import",
        "bpjs",
        str(path),
        "--mapping",
        "Cabang",
        "--date",
        "2026-10-31",
        "--json",
    )
    result = json.loads(out)
    assert code == 0 and set(result) >= IMPORT_KEYS
    assert (result["matched"], result["missing_from_list"], result["list_date"]) == (
        1,
        0,
        "2026-10-31",
    )
    db = _db(data_dir)
    with db.read() as s:
        assert s.scalar(select(Membership.as_of)) == date(2026, 10, 31)
    db.dispose()
    code, _, err = _run(data_dir, capsys, "import", "bpjs", str(path), "--mapping", "Lain")
    assert code == 2 and "tidak ditemukan" in err


def test_welfare_and_targets(data_dir, capsys, tmp_path):
    rows = family(1)
    _run(data_dir, capsys, "import", "residents", str(write_opensid(tmp_path / "a.xlsx", rows)))
    path = write_xlsx(tmp_path / "dtks.xlsx", [[rows[0]["no_kk"], 3]], ["No KK", "Desil"])
    code, out, _ = _run(data_dir, capsys, "import", "welfare", str(path), "--json")
    result = json.loads(out)
    assert code == 0 and (result["new"], result["poor_families"]) == (1, 1)
    export = tmp_path / "sasaran.xlsx"
    code, out, _ = _run(data_dir, capsys, "targets", "--json", "--export", str(export))
    report = json.loads(out)
    assert code == 0 and report["total"] == 3 and report["priority"] == 3
    assert report["by_category"]["not_registered"] == 3
    assert report["areas"][0]["coverage_pct"] == 0.0
    assert export.exists()
    code, out, _ = _run(data_dir, capsys, "targets")
    assert code == 0 and out.startswith("Sasaran: 3 orang (3 prioritas)")
