"""Every total of the monthly recap recomputed from the database with plain SQL written here
(not through the program's queries), on a month with new registrations in every state,
PBI proposals, a PPU BU report, reactivations paid in full and through REHAB, and money that
falls in the month after."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.services import reactivation, recap
from pesiar_desktop.services.membership import MembershipChange, set_membership
from pesiar_desktop.services.reactivation import PaymentInput
from tests.fieldwork_builder import FieldworkBuilder
from tests.unit.test_recap import HEADER, TODAY, _data_rows, _sheet, scene  # noqa: F401

FIRST, LAST = date(2026, 10, 1), date(2026, 10, 31)
MONTH_WINDOW = {"first": FIRST, "last": LAST}


def _in_arrears(db, admin, family_id: int, months: int) -> None:
    with db.transaction() as session:
        ids = session.execute(
            text("SELECT id FROM resident WHERE family_id = :f"), {"f": family_id}
        ).scalars()
        for resident_id in ids:
            set_membership(
                session,
                admin,
                resident_id,
                MembershipChange(
                    status=codes.STATUS_ARREARS,
                    segment="PBPU",
                    jkn_class=3,
                    months_in_arrears=months,
                ),  # fmt: skip
                source="manual",
                as_of=date(2026, 9, 1),
            )


def _pay(db, admin, family_id, on: date, amount: int, rehab: int | None = None):
    return reactivation.pay(
        db, admin, family_id, PaymentInput(paid_on=on, amount=amount), rehab=rehab
    )


@pytest.fixture
def month(village_db, admin, scene):  # noqa: F811
    """The recap scene plus proposals, an employer report and four reactivations."""
    db, f = village_db, scene.families
    b = FieldworkBuilder(db)
    made, siti = scene.agents["made"], scene.agents["siti"]
    b.registration(f[5], made, date(2026, 10, 15), "submitted", path=fw.PATH_PBI_PROPOSAL)
    b.registration(f[1], None, date(2026, 10, 2), "cancelled", path=fw.PATH_PBI_PROPOSAL)
    b.registration(
        f[3], siti, date(2026, 10, 16), "submitted", path=fw.PATH_PPU_BU_REPORT,
        employer_name="CV Maju Jaya",
    )  # fmt: skip
    # Family 4 (2 people): REHAB, both instalments in October -> reactivated in October.
    _in_arrears(db, admin, f[4], 10)
    _pay(db, admin, f[4], date(2026, 10, 10), 350_000, rehab=2)
    _pay(db, admin, f[4], date(2026, 10, 25), 350_000)
    # Family 2 (4 people): two months, paid in full in October.
    _in_arrears(db, admin, f[2], 2)
    _pay(db, admin, f[2], date(2026, 10, 28), 280_000)
    # Family 0 (3 people): REHAB of 3, one instalment in October, one in November.
    _in_arrears(db, admin, f[0], 6)
    _pay(db, admin, f[0], date(2026, 10, 5), 210_000, rehab=3)
    _pay(db, admin, f[0], date(2026, 11, 5), 210_000)
    # Family 5 (2 people): paid in full in November: not October's.
    _in_arrears(db, admin, f[5], 1)
    _pay(db, admin, f[5], date(2026, 11, 10), 70_000)
    return scene


def _sql(db, statement: str, **params) -> list[tuple]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(text(statement), {**MONTH_WINDOW, **params})]


def _one(db, statement: str, **params) -> int:
    return int(_sql(db, statement, **params)[0][0] or 0)


def _by_agent(db, statement: str) -> dict[str, tuple[int, ...]]:
    """{agent name or NO_AGENT: figures} from a query whose first column is agent_id."""
    names = dict(_sql(db, "SELECT id, name FROM agent"))
    return {
        names.get(row[0], recap.NO_AGENT): tuple(int(v or 0) for v in row[1:])
        for row in _sql(db, statement)
    }


NEW_PBPU = """
    FROM registration r JOIN registration_member m ON m.registration_id = r.id
    WHERE m.included = TRUE AND r.path = 'PBPU'
"""


def test_every_recap_total_is_a_plain_sql_count(village_db, admin, month, tmp_path):
    db = village_db
    out = tmp_path / "rekap.xlsx"
    recap.export_recap_xlsx(db, admin, "2026-10", out, today=TODAY)

    # ---- Rekap: per agent and in total
    rows = _sheet(out, "Rekap")
    body = _data_rows(rows, "JUMLAH")
    total = rows[HEADER + 1 + len(body)]
    sheet = {r[1]: r for r in body}
    registered = _by_agent(
        db,
        f"""SELECT r.agent_id, COUNT(*), COUNT(DISTINCT r.id) {NEW_PBPU}
            AND r.registered_on BETWEEN :first AND :last
            AND r.status NOT IN ('cancelled', 'expired') GROUP BY r.agent_id""",
    )
    paid = _by_agent(
        db,
        f"""SELECT r.agent_id, COUNT(*), COUNT(DISTINCT r.id) {NEW_PBPU}
            AND r.paid_on BETWEEN :first AND :last GROUP BY r.agent_id""",
    )
    reactivated = _by_agent(
        db,
        """SELECT c.agent_id, COUNT(*), COUNT(DISTINCT c.id)
           FROM reactivation c JOIN reactivation_member rm ON rm.reactivation_id = c.id
           WHERE c.status = 'completed' AND c.completed_on BETWEEN :first AND :last
           GROUP BY c.agent_id""",
    )
    visits = _by_agent(
        db,
        """SELECT agent_id, COUNT(*), COUNT(DISTINCT family_id) FROM visit
           WHERE visited_on BETWEEN :first AND :last GROUP BY agent_id""",
    )
    for name, row in sheet.items():
        assert (row[12], row[13]) == registered.get(name, (0, 0)), name
        assert (row[4], row[7]) == paid.get(name, (0, 0)), name
        assert (row[15], row[16]) == reactivated.get(name, (0, 0)), name
        assert (row[9], row[10]) == visits.get(name, (0, 0)), name
    assert total[12] == sum(v[0] for v in registered.values()) == 10
    assert total[13] == sum(v[1] for v in registered.values()) == 4
    assert total[4] == sum(v[0] for v in paid.values())
    # Reactivations: families 4 (2) and 2 (4) in October; family 0 is still paying and
    # family 5 was reactivated in November.
    assert (total[15], total[16]) == (6, 2)
    assert sum(v[0] for v in reactivated.values()) == 6
    # Not counted as new members anywhere: no PBPU registration exists for them in October
    # beyond the scene's, and no proposal or report is in "didaftarkan".
    assert total[14] == _one(
        db,
        """SELECT COUNT(*) FROM registration WHERE path = 'PBPU'
           AND registered_on BETWEEN :first AND :last AND status IN ('submitted', 'va_issued')""",
    )

    # ---- Pendaftaran: the same people, each labelled with its path's segment
    people = _data_rows(_sheet(out, "Pendaftaran"), "Jumlah:")
    assert len(people) == _one(
        db,
        f"""SELECT COUNT(*) {NEW_PBPU} AND r.registered_on BETWEEN :first AND :last
            AND r.status NOT IN ('cancelled', 'expired')""",
    )
    segment_column = list(recap.PENDAFTARAN_COLUMNS).index("segmen")
    assert {p[segment_column] for p in people} == {"PBPU / Mandiri"}

    # ---- Usulan & Laporan: proposals and employer reports, never in the Rekap
    proposals = [r for r in _sheet(out, "Usulan & Laporan")[HEADER + 1 :] if r[0] != ""]
    expected = _sql(
        db,
        """SELECT r.path, COUNT(*) FROM registration r
           JOIN registration_member m ON m.registration_id = r.id
           WHERE m.included = TRUE AND r.path <> 'PBPU'
           AND r.registered_on BETWEEN :first AND :last
           AND r.status NOT IN ('cancelled', 'expired') GROUP BY r.path""",
    )
    assert len(proposals) == sum(n for _p, n in expected) == 2 + 1
    by_path = {fw.PATH_SHORT[path]: n for path, n in expected}
    assert {label: sum(1 for p in proposals if p[1] == label) for label in by_path} == by_path
    employer = next(p for p in proposals if p[1] == fw.PATH_SHORT[fw.PATH_PPU_BU_REPORT])
    assert employer[12] == "CV Maju Jaya"

    # ---- Keaktifan: reactivations of the month and the money collected in it
    rows = _sheet(out, "Keaktifan")
    listed = []
    for row in rows[HEADER + 1 :]:
        if row[2] == "JUMLAH":
            break
        listed.append(row)
    sums = rows[HEADER + 1 + len(listed)]
    assert sums[2] == "JUMLAH"
    expected_kk = {
        kk
        for (kk,) in _sql(
            db,
            """SELECT f.no_kk FROM reactivation c JOIN family f ON f.id = c.family_id
               WHERE c.status <> 'cancelled' AND c.started_on <= :last AND (
                 c.started_on BETWEEN :first AND :last
                 OR c.completed_on BETWEEN :first AND :last
                 OR EXISTS (SELECT 1 FROM arrears_payment p WHERE p.reactivation_id = c.id
                            AND p.status = 'valid' AND p.paid_on BETWEEN :first AND :last))""",
        )
    }
    assert {r[1] for r in listed} == expected_kk and len(listed) == 3
    assert (
        sums[10]
        == _one(
            db,
            """SELECT SUM(amount) FROM arrears_payment WHERE status = 'valid'
           AND paid_on BETWEEN :first AND :last""",
        )
        == 350_000 + 350_000 + 280_000 + 210_000
    )
    assert sums[11] == _one(
        db,
        """SELECT SUM(p.amount) FROM arrears_payment p
           JOIN reactivation c ON c.id = p.reactivation_id
           JOIN family f ON f.id = c.family_id
           WHERE p.status = 'valid' AND p.paid_on <= :last AND f.no_kk IN ({})""".format(
            ", ".join(f"'{kk}'" for kk in expected_kk)
        ),
    )
    assert sums[7] == sum(r[7] for r in listed)
    done = [r for r in listed if r[14] != "belum"]
    assert (sum(r[7] for r in done), len(done)) == (total[15], total[16])
    rehab = next(r for r in listed if r[6] == "REHAB 3× cicilan")
    assert (rehab[10], rehab[11], rehab[12], rehab[14]) == (210_000, 210_000, 420_000, "belum")

    # ---- Segmen: registered and active per dusun and segment on 31 October, from the
    # membership history (latest snapshot on or before the day), living residents only.
    snapshot = """
        SELECT h.resident_id, h.segment, h.status FROM membership_history h
        WHERE h.as_of <= :last AND NOT EXISTS (
            SELECT 1 FROM membership_history h2 WHERE h2.resident_id = h.resident_id
            AND h2.as_of <= :last AND (h2.as_of > h.as_of OR (h2.as_of = h.as_of AND h2.id > h.id)))
        UNION ALL
        SELECT ms.resident_id, ms.segment, ms.status FROM membership ms
        WHERE ms.as_of <= :last AND NOT EXISTS (
            SELECT 1 FROM membership_history h3 WHERE h3.resident_id = ms.resident_id)
    """
    expected_segments = {
        (dusun, segment): (int(reg), int(act))
        for dusun, segment, reg, act in _sql(
            db,
            f"""SELECT d.name, s.segment, COUNT(*),
                       SUM(CASE WHEN s.status = :active THEN 1 ELSE 0 END)
                FROM ({snapshot}) s
                JOIN resident p ON p.id = s.resident_id
                JOIN family f ON f.id = p.family_id JOIN rt ON rt.id = f.rt_id
                JOIN dusun d ON d.id = rt.dusun_id
                WHERE s.status IN ({", ".join(f"'{x}'" for x in codes.REGISTERED_STATUSES)})
                AND p.birth_date <= :last
                AND (p.life_status = :alive OR p.life_status_date > :last)
                GROUP BY d.name, s.segment""",
            active=codes.STATUS_ACTIVE,
            alive=codes.LIFE_ALIVE,
        )
    }
    rows = _sheet(out, "Segmen")
    segments = list(codes.SEGMENTS)
    dusun_rows = _data_rows(rows, "DESA")
    found = {
        (r[1], code): (int(r[2 + 2 * i]), int(r[3 + 2 * i]))
        for r in dusun_rows
        for i, code in enumerate(segments)
        if r[2 + 2 * i] or r[3 + 2 * i]
    }
    assert found == expected_segments
    assert sum(a for _r, a in found.values()) > 0  # reactivated families count as active
    desa = rows[HEADER + 1 + len(dusun_rows)]
    column = 2 + 2 * len(segments)
    assert desa[column] == sum(reg for reg, _a in expected_segments.values())
    # ... and the same registered/active per dusun as the UHC sheet.
    uhc = {r[1]: (r[4], r[5]) for r in _data_rows(_sheet(out, "UHC per dusun"), "DESA")}
    for r in dusun_rows:
        assert (r[column], r[column + 1]) == uhc[r[1]], r[1]


def test_workbook_opens_in_a_second_reader(village_db, admin, month, tmp_path):
    """The new sheets read back with python-calamine's cached values for every formula."""
    out = tmp_path / "rekap.xlsx"
    recap.export_recap_xlsx(village_db, admin, "2026-10", out, today=TODAY)
    book = CalamineWorkbook.from_path(str(out))
    for name in ("Usulan & Laporan", "Keaktifan", "Segmen"):
        rows = book.get_sheet_by_name(name).to_python()
        assert rows[0][0].isupper() and len(rows) > HEADER + 1, name
