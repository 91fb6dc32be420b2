"""Personal data: exports need operator or higher and are audited; viewers see masked NIKs."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services import audit, imports, privacy, targets
from pesiar_desktop.services.context import ROLES, Actor
from tests.conftest import as_user
from tests.import_files import family, write_opensid


def _exports(db) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(
            s.scalars(select(AuditLog).where(AuditLog.action == "export").order_by(AuditLog.id))
        )


def test_who_may_export_and_see_full_niks():
    assert {r for r in ROLES if Actor("x", r).can("personal.export")} == {
        "admin",
        "operator",
        "kepala_desa",
    }
    assert not privacy.can_see_full_nik(Actor("x", "viewer"))
    for role in ("admin", "operator", "kepala_desa"):
        assert privacy.can_see_full_nik(Actor("x", role))
    assert mask_nik("5201014907840002") == "5201********0002"


def test_record_export_audits_in_its_own_transaction(village_db, operator, viewer):
    with pytest.raises(PermissionDenied):
        privacy.record_export(village_db, viewer, "targets", 10, "/tmp/x.xlsx")
    assert _exports(village_db) == []
    privacy.record_export(village_db, operator, "targets", 12, "D:/sasaran.xlsx")
    (entry,) = _exports(village_db)
    assert (entry.actor, entry.entity, entry.entity_id) == ("operator", "personal_data", "targets")
    assert json.loads(entry.after_json or "{}") == {
        "kind": "targets",
        "rows": 12,
        "target": "D:/sasaran.xlsx",
    }
    assert audit.verify_chain(village_db).ok


def test_targets_export_is_audited_and_refused_to_viewers(village_db, admin, viewer, tmp_path):
    with pytest.raises(PermissionDenied):
        targets.export_targets_xlsx(village_db, viewer, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    path = targets.export_targets_xlsx(village_db, admin, tmp_path / "sasaran.xlsx")
    (entry,) = _exports(village_db)
    assert json.loads(entry.after_json or "{}")["target"] == str(path)


def test_import_report_is_audited_when_an_actor_is_given(village_db, admin, viewer, tmp_path):
    rows = family(1) + family(2)
    rows[1]["sex"] = "X"  # one rejected row
    source = write_opensid(tmp_path / "penduduk.xlsx", rows)
    preview = imports.preview_residents(village_db, source)
    assert preview.rejected
    with pytest.raises(PermissionDenied):
        imports.write_report(preview, tmp_path / "r0.xlsx", db=village_db, actor=viewer)
    assert not (tmp_path / "r0.xlsx").exists()
    imports.write_report(preview, tmp_path / "r1.xlsx", db=village_db, actor=admin)
    (entry,) = _exports(village_db)
    assert json.loads(entry.after_json or "{}")["kind"] == "import_report"


def test_cli_exports_leave_audit_entries(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--residents", "60"]) == 0
    out = tmp_path / "sasaran.xlsx"
    assert (
        main(["--data-dir", str(data), "targets", "--export", str(out), *as_user("operator")]) == 0
    )
    assert main(["--data-dir", str(data), "targets", "--export", str(out), *as_user("bpd")]) == 1
    assert "tidak berhak" in capsys.readouterr().err
    from pesiar_desktop.db import Database

    db = Database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    try:
        found = _exports(db)
        assert [(e.actor, e.entity_id) for e in found] == [("operator", "targets")]
    finally:
        db.dispose()
