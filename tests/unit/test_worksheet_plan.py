"""The sisir worksheet (issue 15 item 7): families that moved, died or registered are left
out and counted with the reason, the plan's current dates are printed (a date the sweep
already passed is not), at least eight families fit an A4 landscape page and every page
of an RT repeats its heading."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pdfplumber
from python_calamine import CalamineWorkbook

from pesiar_desktop.reportdata.fieldwork import (
    AssignmentChoice,
    LeftOutFamily,
    PlanFamily,
    PlanGroup,
    PlanMember,
    PlanView,
)
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.reports import worksheet_pdf
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date, medium_date
from pesiar_desktop.services import imports, residents, visit_plans, visits
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.services.visits import VisitInput
from tests.conftest import person
from tests.import_files import kk_number, nik, write_xlsx
from tests.pdf_fit import check_pdf_fits, pdf_plain_text
from tests.unit.test_import_bpjs_welfare import BPJS_HEADERS, BRANCH_MAPPING
from tests.unit.test_visits_helpers import TODAY


def _family(fv, admin, name, serial, rt):
    result = residents.add_resident(
        fv.db,
        admin,
        person(nik(date(1980, 1, 1), 1, serial), name, 1, date(1980, 1, 1), 1),
        new_family=FamilyInput(kk_number(serial), fv.rts[rt], f"Jl. Uji {serial}"),
    )
    return result.family_id, result.resident_id


def test_left_out_families_are_counted_with_their_reason(fv, admin, tmp_path):
    moved, _ = _family(fv, admin, "DEWI PINDAH", 11, "rt1")
    died, _ = _family(fv, admin, "HARTO MENINGGAL", 12, "rt2")
    self_reg, _ = _family(fv, admin, "PUTU MANDIRI", 13, "rt1")
    # Reported self-registered, but a BPJS list dated after the visit still shows arrears.
    doubted, _ = _family(fv, admin, "WAYAN RAGU", 14, "rt2")
    gone, gone_person = _family(fv, admin, "LASTRI", 15, "rt1")
    long_gone, long_gone_person = _family(fv, admin, "LAMA SEKALI", 16, "rt1")
    outside, _ = _family(fv, admin, "KOMANG", 17, "rt3")  # not in the assignment's area
    day = TODAY - timedelta(days=10)
    for family, outcome in (
        (moved, fc.OUTCOME_MOVED),
        (died, fc.OUTCOME_DIED),
        (doubted, fc.OUTCOME_SELF_REGISTERED),
        (outside, fc.OUTCOME_MOVED),
    ):
        visits.record_visit(fv.db, admin, VisitInput(family, day, outcome))
    # Putu's self-registration was reported after the list's date: it still counts.
    late = TODAY - timedelta(days=1)
    visits.record_visit(fv.db, admin, VisitInput(self_reg, late, fc.OUTCOME_SELF_REGISTERED))
    imports.save_mapping(fv.db, admin, BRANCH_MAPPING)
    listed = nik(date(1980, 1, 1), 1, 14)
    bpjs_file = write_xlsx(
        tmp_path / "bpjs.xlsx",
        [[1, listed, "0001234567890", "WAYAN RAGU", "PBPU", "TIDAK AKTIF", "3", "0112U031", 2]],
        BPJS_HEADERS,
        title_rows=[["DAFTAR PESERTA JKN"], ["Data per 20 November 2026"]],
        text_columns=["NIK", "No Kartu"],
    )
    preview = imports.preview_bpjs(fv.db, bpjs_file, "Cabang Mataram")
    assert preview.list_date == date(2026, 11, 20) > day
    imports.commit_bpjs(fv.db, admin, preview)
    residents.mark_moved(fv.db, admin, gone_person, TODAY - timedelta(days=30))
    residents.mark_moved(fv.db, admin, long_gone_person, TODAY - timedelta(days=400))
    regs.submit(  # Joko's family: a registration waiting for its VA
        fv.db,
        admin,
        RegistrationInput(
            fv.joko_family,
            fc.PATH_PBPU,
            TODAY - timedelta(days=3),
            [MemberChoice(fv.people["JOKO"]), MemberChoice(fv.people["SRI"])],
        ),
    )

    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    assert [f.family_id for f in view.families] == [fv.budi_family, doubted]
    doubted_row = view.families[1]
    assert doubted_row.note == "belum terdaftar di data BPJS terbaru"
    left = {f.family_id: (f.reason, f.detail) for f in view.left_out}
    assert left == {
        fv.joko_family: (
            "registered",
            f"pendaftaran PBPU mandiri {long_date(TODAY - timedelta(days=3))} (Diajukan)",
        ),
        self_reg: ("registered", f"hasil kunjungan {long_date(late)}: Sudah mendaftar sendiri"),
        moved: ("moved", f"hasil kunjungan {long_date(day)}: Pindah"),
        gone: ("moved", f"data penduduk: pindah {long_date(TODAY - timedelta(days=30))}"),
        died: ("died", f"hasil kunjungan {long_date(day)}: Meninggal"),
    }
    assert [f.reason for f in view.left_out] == [
        "registered", "registered", "moved", "moved", "died"
    ]  # fmt: skip
    assert view.left_out_text() == (
        "5 KK tidak dicantumkan: 2 sudah mendaftar atau sedang didaftarkan, 2 pindah, 1 meninggal"
    )
    # Scheduling dates only the families the sweep visits.
    assert visit_plans.schedule(fv.db, admin, fv.assignment_id, TODAY, per_day=5) == 2

    pdf = visit_plans.export_worksheet(fv.db, admin, fv.assignment_id, tmp_path / "s.pdf")
    text = " ".join(pdf_plain_text(pdf.read_bytes()).split())
    assert view.left_out_text() in text
    assert "Keluarga yang tidak dicantumkan (5 KK)" in text
    for name in ("DEWI PINDAH", "HARTO MENINGGAL", "PUTU MANDIRI", "LASTRI", "JOKO"):
        assert text.count(name) == 1, name  # listed once: at the end, not as a family row
    assert "LAMA SEKALI" not in text and "KOMANG" not in text
    assert text.count("Prioritas") == 2
    xlsx = visit_plans.export_worksheet(
        fv.db, admin, fv.assignment_id, tmp_path / "s.xlsx", kind="xlsx"
    )
    book = CalamineWorkbook.from_path(str(xlsx))
    title = [r[0] for r in book.get_sheet_by_name("Lembar kerja").to_python()[:5]]
    assert any(str(line).startswith(view.left_out_text()) for line in title)
    listed = book.get_sheet_by_name("Tidak dicantumkan").to_python()
    assert listed[0] == ["No KK", "Kepala Keluarga", "Wilayah", "Alasan", "Diketahui dari"]
    # By reason, then by area: RT 001 before RT 002.
    assert [r[1] for r in listed[1:]] == ["PUTU MANDIRI", "JOKO", "DEWI PINDAH", "LASTRI",
                                          "HARTO MENINGGAL"]  # fmt: skip
    assert all(isinstance(r[0], str) and len(r[0]) == 16 for r in listed[1:])


def test_the_sheet_prints_the_plans_dates_not_stale_ones(fv, admin, tmp_path):
    # Scheduled 20 days ago, one family a day: Budi on day 0, Joko on day 1.
    start = TODAY - timedelta(days=20)
    start += timedelta(days=1) if start.weekday() == 6 else timedelta(0)
    visit_plans.schedule(fv.db, admin, fv.assignment_id, start, per_day=1)
    before = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    joko_day = before.families[1].planned_on
    assert before.families[0].planned_on == start and joko_day > start
    # Budi was visited after his day and asked to come back next week; Joko was missed.
    revisit = TODAY + timedelta(days=7)
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(fv.budi_family, start + timedelta(days=2), fc.OUTCOME_REVISIT,
                   revisit_on=revisit),
    )  # fmt: skip
    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    budi, joko = view.families
    assert budi.planned_on is None and budi.next_on == revisit  # the old day is history
    assert joko.planned_on == joko_day and joko.next_on == joko_day  # missed, still due
    assert view.schedule_span(TODAY) == (revisit, revisit)
    assert view.overdue(TODAY) == [joko]
    pdf = visit_plans.export_worksheet(fv.db, admin, fv.assignment_id, tmp_path / "d.pdf")
    text = " ".join(pdf_plain_text(pdf.read_bytes()).split())
    assert f"Jadwal kunjungan {long_date(revisit)} · 1 KK terlewat jadwalnya" in text
    for stale in (long_date(start), medium_date(start)):  # Budi's day, already visited
        assert not re.search(rf"(?<!\d){stale}", text), stale
    assert f"Jadwal {medium_date(joko_day)} (terlewat)" in text
    assert f"Ulang {medium_date(revisit)}" in text
    xlsx = visit_plans.export_worksheet(
        fv.db, admin, fv.assignment_id, tmp_path / "d.xlsx", kind="xlsx"
    )
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Lembar kerja").to_python()
    header = next(i for i, r in enumerate(rows) if r[0] == "Jadwal")
    assert rows[header + 1][0] == revisit and rows[header + 1][7] == "BUDI"


# ---------------------------------------------------------------- layout

NAMES = [
    "MUHAMMAD NASIR", "SITI AMINAH", "I GEDE ARIANA", "BAIQ NURUL HIDAYATI", "LALU SAPRI",
    "NI LUH SRIASIH", "AHMAD FAUZAN", "HERIYANTO", "SAINUN AKBAR", "RUKIAH NURJANNAH",
]  # fmt: skip


def _plan(rts: int, families_per_rt: int) -> PlanView:
    choice = AssignmentChoice(
        1, 1, "MUSTIADI", "085739305139", date(2026, 1, 1), date(2026, 12, 31), True
    )
    groups = []
    serial = 0
    for rt in range(1, rts + 1):
        group = PlanGroup(rt, f"Krajan · RW 001 / RT {rt:03d}", planned_on=TODAY + timedelta(rt))
        for index in range(families_per_rt):
            serial += 1
            size = 2 + serial % 4  # 2 to 5 living members, four on average in a KK
            members = [
                PlanMember(
                    serial * 10 + m,
                    f"52010112{serial:04d}{m:04d}",
                    NAMES[(serial + m) % len(NAMES)],
                    1 if m == 0 else (3 if m == 1 else 4),
                    1 + m % 2,
                    45 - m * 9,
                    codes.STATUS_ARREARS if m % 2 else codes.STATUS_NOT_REGISTERED,
                    "PBPU" if m % 2 else None,
                    3,
                    7 if m % 2 else 0,
                    "",
                    "arrears" if m % 2 else "not_registered",
                )
                for m in range(size)
            ]
            family = PlanFamily(
                serial, f"520101{serial:010d}", members[0].name, f"Jl. Raya Suka Makmur No. {serial}",
                rt, "Krajan", "001", f"{rt:03d}", 1 + index % 2, size,
                ("poor", "elderly") if index % 2 == 0 else (), members,
                planned_on=group.planned_on, last_visit_on=TODAY - timedelta(days=40),
                last_outcome=fc.OUTCOME_NOT_HOME,
            )  # fmt: skip
            group.families.append(family)
        groups.append(group)
    left = [
        LeftOutFamily(99, "5201010000009999", "HASNAH", "Krajan · RW 001 / RT 001", "moved",
                      "hasil kunjungan 3 Juli 2026: Pindah"),
    ]  # fmt: skip
    return PlanView(choice, groups, left)


LETTERHEAD = Letterhead(
    VillageProfile(1, "52.01.01.2005", "Suka Makmur", "Gerung", "Lombok Barat", "Nusa Tenggara Barat",
                   "Jl. Raya Suka Makmur No. 1", "83363", "", "", "H. AHMAD", "", False)
)  # fmt: skip


def test_eight_families_a_page_and_the_rt_heading_on_every_page():
    plan = _plan(rts=3, families_per_rt=14)
    data = worksheet_pdf.render(plan, LETTERHEAD, printed_on=TODAY)
    per_page: list[int] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (842, 595)  # A4 landscape
            text = page.extract_text()
            rows = len(re.findall(r"Prioritas \d", text))
            per_page.append(rows)
            if rows:
                # The page's first table line is its RT's heading; a continued RT says so.
                headings = re.findall(r"Krajan · RW 001 / RT \d{3} — jadwal .*", text)
                assert headings, text[:300]
                first_number = int(re.search(r"^(\d+)\. ", text, re.M).group(1))
                rt_of_first = (first_number - 1) // 14 + 1
                assert headings[0].startswith(f"Krajan · RW 001 / RT {rt_of_first:03d} ")
                if (first_number - 1) % 14:
                    assert headings[0].endswith("(lanjutan)")
            assert f"Halaman {len(per_page)} dari {len(pdf.pages)}" in text
    families_pages = [n for n in per_page if n]
    assert sum(families_pages) == 42
    assert all(n >= 8 for n in families_pages[:-1]), per_page
    assert check_pdf_fits(data, ["MUHAMMAD NASIR", "HASNAH", "5201011200010000"]) == []


def test_f4_paper_and_masked_numbers():
    plan = _plan(rts=1, families_per_rt=9)
    data = worksheet_pdf.render(plan, LETTERHEAD, paper="F4", masked=True, printed_on=TODAY)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert round(pdf.pages[0].width / 72 * 25.4) == 330
        text = "".join(page.extract_text() for page in pdf.pages)
    assert "5201011200010000" not in text and "5201********0000" in text
    assert check_pdf_fits(data, ["MUHAMMAD NASIR"]) == []
