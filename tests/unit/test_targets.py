"""Petakan: target categories, priorities, per-area summary, export."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.services import residents, targets
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.services.village import list_areas
from tests.conftest import person
from tests.import_files import kk_number, nik

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("status", "segment", "laid_off", "formal", "category"),
    [
        (codes.STATUS_ACTIVE, "PBPU", False, False, None),
        (codes.STATUS_NOT_REGISTERED, None, False, False, "not_registered"),
        (None, None, False, False, "not_registered"),
        (codes.STATUS_ARREARS, "PBPU", False, False, "arrears"),
        (codes.STATUS_PBI_REMOVED, "PBI_APBN", False, False, "pbi_removed"),
        (codes.STATUS_INACTIVE_OTHER, "PPU_BU", True, False, "laid_off"),
        (codes.STATUS_NOT_REGISTERED, None, True, False, "laid_off"),
        (codes.STATUS_INACTIVE_OTHER, "PBPU", False, False, "inactive_other"),
        (codes.STATUS_ACTIVE, "PBPU", False, True, "formal_unregistered"),
        (None, None, False, True, "formal_unregistered"),
        (codes.STATUS_ACTIVE, "PPU_BU", False, True, None),
    ],
)
def test_category_of(status, segment, laid_off, formal, category):
    assert targets.category_of(status, segment, laid_off, formal) == category


@pytest.fixture
def village(village_db, admin):
    """Krajan RT 001: a poor family (decile 2) with a pregnant wife and a grandmother;
    Timur RT 003: an active head and his laid-off son."""
    areas = {a.label: a.rt_id for a in list_areas(village_db)}
    krajan = areas["Dusun Krajan · RW 001 / RT 001"]
    timur = areas["Dusun Timur · RW 002 / RT 003"]
    head = residents.add_resident(
        village_db,
        admin,
        person(nik(date(1985, 1, 1), 1, 1), "Budi", 1, date(1985, 1, 1), 1),
        new_family=FamilyInput(kk_number(1), krajan, welfare_decile=2),
        membership=MembershipInput(codes.STATUS_ARREARS, "PBPU", months_in_arrears=3),
    )
    residents.add_resident(
        village_db,
        admin,
        person(nik(date(1990, 2, 2), 2, 2), "Ani", 2, date(1990, 2, 2), 3, is_pregnant=True),
        family_id=head.family_id,
    )
    residents.add_resident(
        village_db,
        admin,
        person(nik(date(1950, 3, 3), 2, 3), "Nenek", 2, date(1950, 3, 3), 7),
        family_id=head.family_id,
        membership=MembershipInput(codes.STATUS_ACTIVE, "PBI_APBN"),
    )
    other = residents.add_resident(
        village_db,
        admin,
        person(nik(date(1970, 4, 4), 1, 4), "Joko", 1, date(1970, 4, 4), 1),
        new_family=FamilyInput(kk_number(2), timur),
        membership=MembershipInput(codes.STATUS_ACTIVE, "PPU_BU"),
    )
    residents.add_resident(
        village_db,
        admin,
        person(nik(date(1998, 5, 5), 1, 5), "Eko", 1, date(1998, 5, 5), 4, is_laid_off=True),
        family_id=other.family_id,
        membership=MembershipInput(codes.STATUS_INACTIVE_OTHER, "PPU_BU"),
    )
    return village_db


def test_target_list_with_priorities(village):
    found = targets.list_targets(village, today=TODAY)
    assert [(t.name, t.category, t.priority, t.reasons) for t in found] == [
        ("BUDI", "arrears", 1, ("poor",)),
        ("ANI", "not_registered", 1, ("poor", "pregnant")),
        ("EKO", "laid_off", 2, ()),
    ]
    assert found[0].area_label == "Dusun Krajan · RW 001 / RT 001"
    only = targets.list_targets(village, targets.TargetFilter(category="laid_off"), today=TODAY)
    assert [t.name for t in only] == ["EKO"]
    priority = targets.list_targets(
        village, targets.TargetFilter(priority_only=True, sort="name"), today=TODAY
    )
    assert [t.name for t in priority] == ["ANI", "BUDI"]
    assert [t.name for t in targets.list_targets(village, targets.TargetFilter(search="ek"))] == [
        "EKO"
    ]


def test_area_summary(village):
    rows = {(a.dusun, a.rt): a for a in targets.area_summary(village, today=TODAY)}
    krajan = rows[("Dusun Krajan", "")]
    assert (krajan.residents, krajan.registered, krajan.active, krajan.targets) == (3, 2, 1, 2)
    assert (krajan.coverage_pct, krajan.active_pct) == (66.67, 50.0)
    timur_rt = rows[("Dusun Timur", "003")]
    assert (timur_rt.residents, timur_rt.targets, timur_rt.by_category) == (2, 1, {"laid_off": 1})
    report = targets.targets_report(village, today=TODAY)
    assert report["total"] == 3 and report["priority"] == 2
    assert report["by_category"]["arrears"] == 1
    assert [a["dusun"] for a in report["areas"]] == ["Dusun Krajan", "Dusun Timur"]


def test_area_summary_counts_the_same_as_the_scan(village):
    # area_summary counts in grouped SQL; scan_targets walks every resident.
    for today in (TODAY, date(2028, 2, 29), date(2045, 1, 1)):
        assert targets.area_summary(village, today=today) == targets.scan_targets(village, today)[1]


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2028, 2, 29), date(2160, 2, 29)])
def test_elderly_birth_date_bound_matches_age(today):
    bound = codes.elderly_born_by(today)  # the register filter and area_summary use it
    for offset in range(-3, 4):
        born = date.fromordinal(bound.toordinal() + offset)
        assert (targets._age(born, today) >= codes.ELDERLY_AGE) == (born <= bound)


def test_export_masks_nik_for_roles_without_full_nik(village, admin, tmp_path):
    path = targets.export_targets_xlsx(village, admin, tmp_path / "sasaran.xlsx")
    book = load_workbook(path)
    rows = list(book["Sasaran"].values)
    assert rows[0][0] == "DAFTAR SASARAN PESIAR" and rows[1][0].startswith("Desa")
    header = next(i for i, r in enumerate(rows) if r[0] == "Dusun")
    assert rows[header][:6] == ("Dusun", "RW", "RT", "No KK", "NIK", "Nama")
    assert rows[header + 1][4] == nik(date(1985, 1, 1), 1, 1)
    assert book["Sasaran"].print_title_rows == f"${header + 1}:${header + 1}"
    assert "Ringkasan wilayah" in book.sheetnames


def test_viewer_cannot_export(village, viewer, tmp_path):
    with pytest.raises(PermissionDenied, match="tidak berhak"):
        targets.export_targets_xlsx(village, viewer, tmp_path / "x.xlsx")
