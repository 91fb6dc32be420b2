"""A database made by the first released schema (0001, and 0002 with import tables),
filled by raw SQL as that version wrote it, upgraded to head by `db.migrate`: every
row is still there, passwords still work, the old audit rows count as legacy and the
chain starts cleanly after them. On SQLite a backup is made before the upgrade.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import select, text

from pesiar_desktop.db import Database, _alembic_config, current_revision, head_revision, migrate
from pesiar_desktop.models import (
    AuditLog,
    Dusun,
    Family,
    ImportBatch,
    Membership,
    MembershipHistory,
    Resident,
    Rt,
    Setting,
    User,
    Village,
)
from pesiar_desktop.services import audit, backup, users
from pesiar_desktop.services.context import SYSTEM

T0 = datetime(2026, 1, 5, 8, 30, 0)
PASSWORD = "sandi-lama-123"


def _upgrade_to(db: Database, revision: str) -> None:
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _fill_0001(conn) -> None:  # type: ignore[no-untyped-def]
    run = conn.execute
    run(
        text(
            "INSERT INTO village (id, region_code, desa_name, kecamatan_name, kabupaten_name,"
            " provinsi_name, address, postal_code, phone, email, kepala_desa_name,"
            " sekretaris_desa_name, logo_png, created_at) VALUES (1, '52.01.01.2005',"
            " 'Suka Makmur', 'Gerung', 'Kabupaten Lombok Barat', 'Nusa Tenggara Barat',"
            " 'Jl. Raya Gerung 1', '83363', '0370-1234', 'desa@example.id', 'H. Lalu Ahmad',"
            " 'Baiq Nurul', :logo, :t)"
        ),
        {"logo": b"\x89PNG-lama", "t": T0},
    )
    run(text("INSERT INTO dusun (id, name) VALUES (1, 'Krajan'), (2, 'Timur')"))
    run(
        text(
            "INSERT INTO rt (id, dusun_id, rw, rt) VALUES"
            " (1, 1, '001', '001'), (2, 1, '001', '002'), (3, 2, '002', '003')"
        )
    )
    for fid, kk, rt_id, decile in ((1, "5201010101260001", 1, 3), (2, "5201010101260002", 3, None)):
        run(
            text(
                "INSERT INTO family (id, no_kk, rt_id, address, welfare_decile, created_at,"
                " updated_at) VALUES (:id, :kk, :rt, :addr, :dec, :t, :t)"
            ),
            {"id": fid, "kk": kk, "rt": rt_id, "addr": f"Gang {fid}", "dec": decile, "t": T0},
        )
    people = [
        (1, "5201010403800001", "Lalu Ahmad", 1, date(1980, 3, 4), 1, 1, 1),
        (2, "5201014907840002", "Baiq Aminah", 2, date(1984, 7, 9), 1, 3, 1),
        (3, "5201012001100003", "Lalu Bayu", 1, date(2010, 1, 20), 1, 4, 1),
        (4, "5201010505500004", "Amaq Sahnan", 1, date(1950, 5, 5), 2, 1, 2),
    ]
    for rid, nik, name, sex, born, fid, shdk, life in people:
        run(
            text(
                "INSERT INTO resident (id, nik, name, name_sort, sex, birth_place, birth_date,"
                " family_id, shdk, marital_status, religion, education, occupation, phone,"
                " father_name, mother_name, life_status, life_status_date, is_pregnant,"
                " has_disability, is_stunting_child, is_laid_off, is_formal_worker,"
                " employer_name, created_at, updated_at) VALUES (:id, :nik, :name, :sort, :sex,"
                " 'Gerung', :born, :fid, :shdk, 2, 1, 5, 9, '0812', 'Ayah', 'Ibu', :life,"
                " :life_date, :preg, :dis, FALSE, FALSE, :formal, :emp, :t, :t)"
            ),
            {
                "id": rid,
                "nik": nik,
                "name": name,
                "sort": name.lower(),
                "sex": sex,
                "born": born,
                "fid": fid,
                "shdk": shdk,
                "life": life,
                "life_date": date(2025, 12, 1) if life != 1 else None,
                "preg": rid == 2,
                "dis": rid == 4,
                "formal": rid == 1,
                "emp": "PT Maju" if rid == 1 else "",
                "t": T0,
            },
        )
    run(
        text(
            "INSERT INTO membership (resident_id, card_number, segment, status, jkn_class,"
            " fktp_code, months_in_arrears, as_of, source, updated_at) VALUES"
            " (1, '0001234567890', 'PPU_BU', 'aktif', 1, '12345678', 0, :d, 'import', :t),"
            " (2, '0001234567891', 'PBPU', 'nonaktif', 3, '', 4, :d, 'manual', :t)"
        ),
        {"d": date(2025, 12, 31), "t": T0},
    )
    run(
        text(
            "INSERT INTO membership_history (id, resident_id, card_number, segment, status,"
            " jkn_class, fktp_code, months_in_arrears, as_of, source, recorded_at, recorded_by)"
            " VALUES (1, 2, '0001234567891', 'PBPU', 'aktif', 3, '', 0, :d1, 'manual', :t,"
            " 'admin'), (2, 2, '0001234567891', 'PBPU', 'nonaktif', 3, '', 4, :d2, 'manual',"
            " :t, 'admin')"
        ),
        {"d1": date(2025, 6, 30), "d2": date(2025, 12, 31), "t": T0},
    )
    run(
        text(
            "INSERT INTO app_user (id, username, full_name, role, password_hash, is_active,"
            " failed_attempts, locked_until, last_login_at, created_at) VALUES"
            " (1, 'sekdes', 'Sekretaris Desa', 'admin', :h, TRUE, 0, NULL, :t, :t),"
            " (2, 'bpd', 'Ketua BPD', 'viewer', :h, TRUE, 0, NULL, NULL, :t)"
        ),
        {"h": users.hash_password(PASSWORD), "t": T0},
    )
    for aid, action, entity, eid, before, after in (
        (1, "village.setup", "village", "1", None, '{"desa_name": "Suka Makmur"}'),
        (2, "resident.create", "resident", "1", None, '{"nik": "5201010403800001"}'),
        (3, "resident.update", "resident", "1", '{"phone": ""}', '{"phone": "0812"}'),
    ):
        run(
            text(
                "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json,"
                " after_json) VALUES (:id, :at, 'sekdes', :action, :entity, :eid, :b, :a)"
            ),
            {"id": aid, "at": T0, "action": action, "entity": entity, "eid": eid, "b": before, "a": after},
        )  # fmt: skip
    run(text("INSERT INTO setting (key, value_json) VALUES ('backup.keep', '7')"))


def _fill_0002(conn) -> None:  # type: ignore[no-untyped-def]
    conn.execute(
        text(
            "INSERT INTO import_batch (id, kind, file_name, sha256, file_format, actor, at,"
            " list_date, total_rows, new_count, updated_count, unchanged_count, rejected_count,"
            " warning_count, pending_count, summary_json) VALUES (1, 'residents',"
            " 'penduduk.xlsx', :sha, 'opensid', 'sekdes', :t, NULL, 4, 4, 0, 0, 0, 1, 0, NULL)"
        ),
        {"sha": "ab" * 32, "t": T0},
    )
    conn.execute(
        text(
            "INSERT INTO import_row (id, batch_id, row_number, resident_id, family_id, action)"
            " VALUES (1, 1, 2, 1, 1, 'new'), (2, 1, 3, 2, 1, 'new')"
        )
    )


def _sync_sequences(conn, tables: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Explicit ids on PostgreSQL leave the sequences behind (as a real old program would not)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


@pytest.mark.parametrize("first", ["0001", "0002"])
def test_first_schema_upgrades_to_head_with_data_intact(empty_db_url, tmp_path, first):
    db = Database(empty_db_url)
    try:
        _upgrade_to(db, first)
        assert current_revision(db) == first
        with db.engine.begin() as conn:
            _fill_0001(conn)
            if first == "0002":
                _fill_0002(conn)
            tables = ("village", "dusun", "rt", "family", "resident", "membership_history",
                      "app_user", "audit_log")  # fmt: skip
            _sync_sequences(
                conn, tables + (("import_batch", "import_row") if first == "0002" else ())
            )

        backups = tmp_path / "backups"
        assert migrate(db, backup_dir=backups) is True
        assert current_revision(db) == head_revision()
        if db.is_sqlite:
            made = list(backups.glob(f"sebelum-upgrade-{first}-*.sqlite3"))
            assert len(made) == 1
            preview = backup.inspect_backup(made[0])
            assert preview.revision == first and preview.needs_upgrade
            assert preview.counts["residents"] == 4 and preview.counts["families"] == 2

        with db.read() as s:
            place = s.scalars(select(Village)).one()
            assert (place.desa_name, place.address, place.logo_png) == (
                "Suka Makmur",
                "Jl. Raya Gerung 1",
                b"\x89PNG-lama",
            )
            assert place.created_at == T0
            assert sorted(s.scalars(select(Dusun.name)).all()) == ["Krajan", "Timur"]
            assert s.execute(select(Rt.id, Rt.dusun_id, Rt.rw, Rt.rt).order_by(Rt.id)).all() == [
                (1, 1, "001", "001"),
                (2, 1, "001", "002"),
                (3, 2, "002", "003"),
            ]
            families = s.scalars(select(Family).order_by(Family.id)).all()
            assert [(f.no_kk, f.rt_id, f.welfare_decile) for f in families] == [
                ("5201010101260001", 1, 3),
                ("5201010101260002", 3, None),
            ]
            people = s.scalars(select(Resident).order_by(Resident.id)).all()
            assert [p.nik for p in people] == [
                "5201010403800001",
                "5201014907840002",
                "5201012001100003",
                "5201010505500004",
            ]
            head = people[0]
            assert (head.name, head.birth_date, head.shdk, head.phone, head.employer_name) == (
                "Lalu Ahmad",
                date(1980, 3, 4),
                1,
                "0812",
                "PT Maju",
            )
            assert head.is_formal_worker and people[1].is_pregnant and people[3].has_disability
            assert (people[3].life_status, people[3].life_status_date) == (2, date(2025, 12, 1))
            members = s.scalars(select(Membership).order_by(Membership.resident_id)).all()
            assert [(m.resident_id, m.segment, m.status, m.months_in_arrears) for m in members] == [
                (1, "PPU_BU", "aktif", 0),
                (2, "PBPU", "nonaktif", 4),
            ]
            history = s.scalars(select(MembershipHistory).order_by(MembershipHistory.id)).all()
            assert [(h.status, h.as_of) for h in history] == [
                ("aktif", date(2025, 6, 30)),
                ("nonaktif", date(2025, 12, 31)),
            ]
            assert sorted(s.scalars(select(User.username)).all()) == ["bpd", "sekdes"]
            entries = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
            assert [e.action for e in entries] == [
                "village.setup",
                "resident.create",
                "resident.update",
            ]
            assert entries[2].before_json == '{"phone": ""}'
            assert all(e.entry_hash is None for e in entries)
            assert s.get(Setting, "backup.keep").value_json == "7"  # type: ignore[union-attr]
            if first == "0002":
                batch = s.get(ImportBatch, 1)
                assert batch is not None and batch.file_name == "penduduk.xlsx"

        # The old accounts still log in, and new audit entries chain after the legacy ones.
        actor = users.authenticate(db, "sekdes", PASSWORD)
        assert actor.role == "admin"
        with db.transaction() as s:
            audit.record(s, SYSTEM, "uji.setelah_upgrade", "village", 1)
        report = audit.verify_chain(db)
        assert report.ok, report.as_dict()
        assert report.legacy == 3 and report.entries >= 5
        _nik_to_fix_after_upgrade(db)
    finally:
        db.dispose()


def _nik_to_fix_after_upgrade(db: Database) -> None:
    """0014: NIKs to fix may repeat (two blanks), valid NIKs stay unique, and on SQLite
    the foreign keys the upgrade turned off for its table rebuild are on again."""
    from sqlalchemy.exc import IntegrityError

    if db.is_sqlite:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    insert = text(
        "INSERT INTO resident (nik, nik_problem, name, name_sort, sex, birth_place, birth_date,"
        " family_id, shdk, marital_status, religion, phone, father_name, mother_name,"
        " life_status, is_pregnant, has_disability, is_stunting_child, is_laid_off,"
        " is_formal_worker, employer_name, created_at, updated_at) VALUES (:nik, :problem,"
        " 'X', 'x', 1, '', :born, 1, 4, 1, 1, '', '', '', 1, false, false, false, false,"
        " false, '', :t, :t)"
    )
    with db.engine.begin() as conn:
        for _ in range(2):
            conn.execute(insert, {"nik": "", "problem": "NIK kosong.", "born": T0, "t": T0})
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert, {"nik": "5201010403800001", "problem": None, "born": T0, "t": T0})
