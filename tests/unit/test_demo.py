"""The demo village: believable, consistent with the register rules, reproducible."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from pesiar_desktop import demo
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog, Family, Membership, MembershipHistory, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import check_nik, check_no_kk
from pesiar_desktop.services import users, village
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.services.stats import register_stats

TODAY = date(2026, 11, 22)


def test_demo_builds_a_consistent_village(db, freeze_clock):
    freeze_clock(TODAY)  # births up to TODAY are not "in the future" on any machine date
    text = demo.generate(db, SYSTEM, residents=600, seed=7, today=TODAY)
    assert "Desa Suka Makmur disiapkan" in text
    assert "NIK perlu diperbaiki" in text
    assert "admin/admin12345" in text
    profile = village.get_profile(db)
    assert profile is not None and profile.region_code == demo.DEMO_REGION_CODE
    # Every demo account can log in with the printed password and has its role.
    for username, password, role, _name in demo.DEMO_USERS:
        assert users.authenticate(db, username, password).role == role
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 600
        niks = list(s.scalars(select(Resident.nik).where(Resident.nik_problem.is_(None))))
        assert len(set(niks)) == len(niks) > 590
        for nik in niks:
            assert check_nik(nik).ok  # only the few flagged NIKs to fix are not valid
        # A few residents whose NIK needs fixing (Penduduk > Perbaiki NIK), each with a
        # reason, none of them in a registration.
        to_fix = s.execute(
            select(Resident.nik, Resident.nik_problem).where(Resident.nik_problem.is_not(None))
        ).all()
        assert 2 <= len(to_fix) <= 5 and all(problem for _nik, problem in to_fix)
        assert any("bayi baru lahir" in problem for _nik, problem in to_fix)
        for nik, _problem in to_fix:
            assert not check_nik(nik).ok
        for no_kk in s.scalars(select(Family.no_kk)):
            check_no_kk(no_kk)
        # Exactly one living head per family that still has living members.
        heads = Counter(
            s.scalars(
                select(Resident.family_id).where(
                    Resident.shdk == codes.SHDK_HEAD, Resident.life_status == codes.LIFE_ALIVE
                )
            )
        )
        living_families = set(
            s.scalars(select(Resident.family_id).where(Resident.life_status == codes.LIFE_ALIVE))
        )
        assert all(heads[f] == 1 for f in living_families)
        # One current membership per resident, and history behind each of them.
        assert s.scalar(select(func.count()).select_from(Membership)) == 600
        assert s.scalar(select(func.count(func.distinct(MembershipHistory.resident_id)))) == 600
        assert (
            s.scalar(
                select(func.count()).select_from(AuditLog).where(AuditLog.action == "demo.generate")
            )
            == 1
        )
    with db.read() as s:
        stats = register_stats(s)
    assert 90.0 <= stats["coverage_pct"] <= 99.0
    assert 65.0 <= stats["active_pct"] <= 90.0


def test_same_seed_same_village(tmp_path, freeze_clock):
    from pesiar_desktop.db import open_database

    freeze_clock(TODAY)

    def names(folder: str) -> list[str]:
        database = open_database(f"sqlite:///{tmp_path / folder / 'p.sqlite3'}")
        try:
            demo.generate(database, SYSTEM, residents=200, seed=11, today=TODAY)
            with database.read() as s:
                return list(s.scalars(select(Resident.nik).order_by(Resident.nik)))
        finally:
            database.dispose()

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert names("a") == names("b")


def test_demo_adds_to_an_existing_village_and_needs_write_rights(village_db, viewer, freeze_clock):
    freeze_clock(TODAY)
    with pytest.raises(PermissionDenied):
        demo.generate(village_db, viewer, residents=50, seed=1, today=TODAY)
    text = demo.generate(village_db, SYSTEM, residents=120, seed=3, today=TODAY)
    assert text.startswith("Ditambahkan ke")
    with village_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) >= 120


def test_demo_keaktifan_figures_are_all_there(db, freeze_clock):
    """Arrears of 1 to 30 months, families reactivated this month, REHAB plans at three
    stages: every keaktifan figure is non-zero on a fresh demo (issue Keaktifan, item 7)."""
    from pesiar_desktop.models import Reactivation
    from pesiar_desktop.rules import fieldwork_codes as fc
    from pesiar_desktop.services import arrears, dashboard, recap

    freeze_clock(TODAY)
    demo.generate(db, SYSTEM, residents=3000, seed=7, today=TODAY)
    months = {f.months_in_arrears for f in arrears.list_arrears(db, TODAY)}
    assert min(months) == 1 and max(months) > 24
    with db.read() as s:
        plans = s.execute(
            select(Reactivation.kind, Reactivation.status, Reactivation.completed_on)
        ).all()
        board = dashboard.load_headline(s, TODAY)
    assert sum(1 for kind, status, _on in plans if kind == fc.REACTIVATION_FULL) >= 5
    rehab = [status for kind, status, _on in plans if kind == fc.REACTIVATION_REHAB]
    assert sorted(rehab) == ["completed", "open", "open"]
    # Completed after the month's BPJS list (the first of the month), never before it.
    assert all(on >= TODAY.replace(day=1) for _k, status, on in plans if status == "completed")
    assert board.reactivations.people > 0 and board.reactivations.open_rehab_plans == 2
    data = recap.build_recap(db, TODAY.strftime("%Y-%m"), today=TODAY)
    assert sum(r.reactivated_people for r in data.rekap) == board.reactivations.people
    assert data.keaktifan and data.segments
