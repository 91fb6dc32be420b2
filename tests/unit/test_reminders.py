"""Reminders from the follow-up list: the message, the wa.me link, the record of what
was sent (audited), "last reminded", and the slip sheet read back from the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select, update

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog, Membership, Reminder, Resident
from pesiar_desktop.reportdata.reminders import ReminderNotice
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.reports.reminder_pdf import SLIPS_PER_PAGE, write_reminder_slips_pdf
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.services import reactivation, reminders
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.reactivation import PaymentInput
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from tests.unit.test_visits_helpers import TODAY

VA = "8888801234567890"


def _register(fv, admin, family, names, days_ago):
    return regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            family,
            fc.PATH_PBPU,
            TODAY - timedelta(days=days_ago),
            [MemberChoice(fv.people[n]) for n in names],
        ),
    )


def _text_of_link(url: str) -> str:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "wa.me")
    return parse_qs(parts.query, strict_parsing=True)["text"][0]


def _pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_arrears_message_and_link(fv):
    with fv.db.transaction() as session:
        session.execute(
            update(Membership)
            .where(Membership.resident_id == fv.people["SRI"])
            .values(card_number="0001234567890")
        )
    notice = reminders.prepare_one(fv.db, reminders.arrears_target(fv.joko_family))
    assert (notice.kind, notice.people, notice.months, notice.amount, notice.total_owed) == (
        rc.KIND_ARREARS, 2, 5, 350_000, 350_000)  # fmt: skip
    assert (notice.kader_name, notice.kader_phone) == ("SARI WULANDARI", "087712340000")
    assert notice.reference == "0001234567890"  # the first member in arrears with a card
    assert (notice.address, notice.as_of) == ("Jl. Mawar 2", TODAY)
    text = reminders.message_text(notice)
    for part in ("Yth. Bapak/Ibu JOKO", "menunggak 5 bulan", "2 jiwa",
                 "Rp350.000", "23 November 2026", "No. kartu JKN: 0001234567890", "REHAB",
                 "SARI WULANDARI, Agen PESIAR Desa", "(HP 087712340000)"):  # fmt: skip
        assert part in text, part
    link = reminders.whatsapp_link(notice)
    assert link.ok and link.phone.number == "6281298700002"
    assert link.url.startswith("https://wa.me/6281298700002?text=")
    assert " " not in link.url and "\n" not in link.url and "%0A" in link.url
    assert _text_of_link(link.url) == text  # the whole message survives the encoding


def test_the_row_agent_is_named_when_the_caller_knows_it(fv):
    target = reminders.arrears_target(fv.joko_family, "DEWI KADER", "")
    notice = reminders.prepare_one(fv.db, target)
    assert (notice.kader_name, notice.kader_phone, notice.agent_id) == ("DEWI KADER", "", None)
    same = reminders.arrears_target(fv.joko_family, "SARI WULANDARI", "087712340000")
    assert reminders.prepare_one(fv.db, same).agent_id == fv.agent_id


def test_first_premium_message_with_va_and_window(fv, admin):
    reg = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 20)
    regs.issue_va(fv.db, admin, reg, VA, TODAY - timedelta(days=18))
    notice = reminders.prepare_one(fv.db, reminders.first_premium_target(reg))
    assert (notice.kind, notice.people, notice.amount, notice.reference) == (
        rc.KIND_FIRST_PREMIUM, 3, 105_000, VA)  # fmt: skip
    assert notice.window == fc.WINDOW_OPEN and not notice.lapsed
    text = reminders.message_text(notice)
    assert "Iuran pertama: Rp105.000 per bulan untuk 3 jiwa." in text
    assert f"Nomor VA: {VA}." in text
    assert "mulai 17 November 2026 dan paling lambat 3 Desember 2026" in text
    link = reminders.whatsapp_link(notice)
    assert link.url.startswith("https://wa.me/6281234500001?text=")
    assert _text_of_link(link.url) == text


def test_lapsed_first_premium_says_register_again(fv, admin):
    reg = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 45)  # due 15 days ago
    notice = reminders.prepare_one(fv.db, reminders.first_premium_target(reg))
    assert notice.lapsed and notice.reference == ""
    text = reminders.message_text(notice)
    assert "sudah lewat, sehingga pendaftaran perlu diulang" in text
    assert "Nomor VA belum terbit" in text


def test_rehab_plan_reminds_of_the_next_instalment(fv, admin):
    reactivation.pay(
        fv.db, admin, fv.joko_family, PaymentInput(TODAY, 116_668, fc.COLLECTOR_FAMILY), rehab=3
    )
    notice = reminders.prepare_one(fv.db, reminders.arrears_target(fv.joko_family))
    assert (notice.rehab_seq, notice.rehab_of, notice.amount, notice.due_on) == (
        2, 3, 116_666, date(2026, 12, 10))  # fmt: skip
    text = reminders.message_text(notice)
    assert "Cicilan REHAB ke-2 dari 3: Rp116.666, paling lambat 10 Desember 2026." in text
    assert "dapat dicicil" not in text  # the plan is already running


def test_nothing_owed_is_refused(fv, admin):
    with pytest.raises(ValidationError, match="tidak \\(lagi\\) menunggak"):
        reminders.prepare(fv.db, [reminders.arrears_target(fv.budi_family)])
    reg = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 20)
    regs.cancel(fv.db, admin, reg, "Data ganda")
    with pytest.raises(ValidationError, match="tidak menunggu iuran pertama"):
        reminders.prepare(fv.db, [reminders.first_premium_target(reg)])


def test_recorded_audited_and_shown_as_last_reminded(fv, admin, operator, viewer, freeze_clock):
    notice = reminders.prepare_one(fv.db, reminders.arrears_target(fv.joko_family))
    with pytest.raises(PermissionDenied):
        reminders.record(fv.db, viewer, [notice], rc.CHANNEL_WHATSAPP)
    [first] = reminders.record(fv.db, operator, [notice], rc.CHANNEL_WHATSAPP)
    freeze_clock(TODAY + timedelta(days=3))
    [second] = reminders.record(fv.db, admin, [notice], rc.CHANNEL_SLIP)
    with fv.db.read() as session:
        row = session.get(Reminder, first)
        assert (row.family_id, row.kind, row.channel, row.sent_on, row.phone) == (
            fv.joko_family, rc.KIND_ARREARS, rc.CHANNEL_WHATSAPP, TODAY, "6281298700002")  # fmt: skip
        assert (row.amount, row.kader_name, row.recorded_by) == (350_000, "SARI WULANDARI",
                                                                 "operator")  # fmt: skip
        logged = session.scalars(
            select(AuditLog.entity_id).where(AuditLog.action == "reminder.sent")
        ).all()
    assert sorted(logged) == sorted([str(first), str(second)])
    last = reminders.last_reminded(fv.db)
    assert last[(fv.joko_family, rc.KIND_ARREARS)].sent_on == TODAY + timedelta(days=3)
    assert last[(fv.joko_family, rc.KIND_ARREARS)].channel_label == "Slip cetak"
    assert reminders.count_sent(fv.db, TODAY, TODAY + timedelta(days=3)) == {
        rc.CHANNEL_WHATSAPP: 1, rc.CHANNEL_SLIP: 1}  # fmt: skip


def test_a_bad_number_is_shown_not_guessed(fv, admin):
    with fv.db.transaction() as session:
        session.execute(
            update(Resident).where(Resident.id == fv.people["JOKO"]).values(phone="0274 512345")
        )
    notice = reminders.prepare_one(fv.db, reminders.arrears_target(fv.joko_family))
    link = reminders.whatsapp_link(notice)
    assert (link.ok, link.url, link.phone.display) == (False, "", "0274 512345")
    assert link.phone.problem == "nomor telepon rumah/kantor, bukan nomor HP"
    with pytest.raises(ValidationError, match="No HP tidak valid: 0274 512345"):
        reminders.record(fv.db, admin, [notice], rc.CHANNEL_WHATSAPP)
    # A slip needs no phone.
    assert len(reminders.record(fv.db, admin, [notice], rc.CHANNEL_SLIP)) == 1


def test_slip_sheet_export_records_and_reads_back(fv, admin, viewer, tmp_path):
    reg = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 20)
    regs.issue_va(fv.db, admin, reg, VA, TODAY - timedelta(days=18))
    targets = reminders.everyone(fv.db)
    assert targets == [
        reminders.first_premium_target(reg, fv.budi_family),
        reminders.arrears_target(fv.joko_family),
    ]
    with pytest.raises(PermissionDenied):
        reminders.export_slips(fv.db, viewer, targets, tmp_path / "x.pdf")
    out = reminders.export_slips(fv.db, admin, targets + targets, tmp_path / "slip.pdf")
    assert len(out.notices) == 2  # a family named twice gets one slip
    text = _pdf_text(out.path)
    for part in ("PENGINGAT IURAN PERTAMA JKN", "PENGINGAT TUNGGAKAN IURAN JKN", "Bapak/Ibu BUDI",
                 "Bapak/Ibu JOKO", "Jl. Melati 1", "Jl. Mawar 2", VA, "Rp105.000", "Rp350.000",
                 "SARI WULANDARI", "3 Desember 2026", "5 bulan, 2 jiwa"):  # fmt: skip
        assert part in text, part
    with fv.db.read() as session:
        rows = session.execute(
            select(Reminder.family_id, Reminder.kind, Reminder.channel).order_by(Reminder.id)
        ).all()
        exports = session.scalars(
            select(AuditLog.after_json).where(AuditLog.action == "export")
        ).all()
    assert [tuple(r) for r in rows] == [
        (fv.budi_family, rc.KIND_FIRST_PREMIUM, rc.CHANNEL_SLIP),
        (fv.joko_family, rc.KIND_ARREARS, rc.CHANNEL_SLIP),
    ]
    assert any("reminder_slips" in e for e in exports)
    with pytest.raises(ValidationError, match="Tidak ada keluarga"):
        reminders.export_slips(fv.db, admin, [], tmp_path / "none.pdf")


# ---------------------------------------------------------------- the PDF on its own

PROFILE = VillageProfile(
    1, "52.01.01.2005", "Suka Makmur", "Gerung", "Kabupaten Lombok Barat",
    "Nusa Tenggara Barat", "Jl. Raya Gerung 1", "83363", "", "", "H. Lalu Ahmad", "Baiq",
    False,
)  # fmt: skip
LONG_NAME = " ".join(f"NAMAPANJANG{i:02d}" for i in range(10))[:120]
LONG_ADDRESS = " ".join(f"Jalanpanjang{i:02d}" for i in range(10))[:120]


def _notice(i: int, **extra) -> ReminderNotice:
    base = dict(
        kind=rc.KIND_ARREARS, family_id=i, head_name=f"KELUARGA {i:02d}", no_kk="5201",
        address=f"Jl. Nomor {i}", area_label="Dusun Krajan · RW 001 / RT 001", phone="",
        people=2, amount=70_000 + i, reference=f"00012345678{i:02d}", as_of=TODAY,
        village_title="Desa Suka Makmur", kader_name="SARI WULANDARI", months=2,
        total_owed=70_000 + i,
    )  # fmt: skip
    base.update(extra)
    return ReminderNotice(**base)


def _words(path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) from pdftotext's bounding boxes (points)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = []
    for page, body in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            body,
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            found.append((page, x0, y0, x1, y1, unescape(m.group(5))))
    return found


def test_slips_per_page_long_text_wraps_inside_its_slip(tmp_path):
    notices = [_notice(i) for i in range(1, 10)]
    notices[1] = _notice(2, head_name=LONG_NAME, address=LONG_ADDRESS, months=30,
                         total_owed=840_000, rehab_seq=2, rehab_of=12, amount=70_000,
                         due_on=date(2026, 12, 10))  # fmt: skip
    notices[2] = _notice(3, kind=rc.KIND_FIRST_PREMIUM, reference="", window=fc.WINDOW_CLOSED,
                         due_on=date(2026, 11, 1), kader_name="")  # fmt: skip
    path = write_reminder_slips_pdf(notices, tmp_path / "s.pdf", Letterhead(PROFILE))
    words = _words(path)
    assert max(w[0] for w in words) == 3  # 9 slips, 4 to a page
    width, height = 595.28, 841.89  # A4
    margin = 8 * 72 / 25.4
    band = (height - 2 * margin) / SLIPS_PER_PAGE
    bands = [(margin + k * band, margin + (k + 1) * band) for k in range(SLIPS_PER_PAGE)]
    for _page, x0, y0, x1, y1, word in words:
        assert x0 > 0 and x1 < width - margin + 0.5, word  # nothing past the right edge
        if word != "\u2702":  # the scissors sit on the cut line
            # nothing crosses a cut line
            assert any(top <= y0 and y1 <= bottom for top, bottom in bands), word
    # Each slip's words stay inside its own band between the cut lines.
    for i, notice in enumerate(notices):
        page, slot = divmod(i, SLIPS_PER_PAGE)
        top, bottom = margin + slot * band, margin + (slot + 1) * band
        heads = [w for w in words if w[0] == page + 1 and w[5] == "Yth."]
        assert len(heads) == min(SLIPS_PER_PAGE, len(notices) - page * SLIPS_PER_PAGE)
        assert any(top < w[2] < bottom for w in heads), notice.head_name
    # The long name and address are there in full, over several lines of slip 2.
    slip2 = [w for w in words if w[0] == 1 and margin + band < w[2] < margin + 2 * band]
    text2 = " ".join(w[5] for w in slip2)
    for part in LONG_NAME.split() + LONG_ADDRESS.split():
        assert part in text2, part
    name_lines = {round(w[2]) for w in slip2 if w[5].startswith("NAMAPANJANG")}
    assert len(name_lines) >= 2  # wrapped, not squeezed onto one line
    text = _pdf_text(path)
    assert "Cicilan REHAB" in text and "ke-2 dari 12" in text and "Rp70.000" in text
    assert "(dihitung 24 bulan)" in text
    assert "pendaftaran perlu" in text and "belum terbit" in text
    assert "Daftar ulang" in text  # a lapsed one: register again, no amount in the box


def test_demo_hook_records_reminders_once(fv, admin):
    from pesiar_desktop.demo.reminders import add_reminders

    reg = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 20)
    # About half the families are picked: some seed of a few picks one; after that the
    # hook adds nothing (it runs once per village).
    counts = [add_reminders(fv.db, admin, seed=seed, today=TODAY) for seed in range(8)]
    first = next(i for i, n in enumerate(counts) if n)
    assert counts[first + 1 :] == [0] * (len(counts) - first - 1)
    with fv.db.read() as session:
        rows = session.execute(select(Reminder.family_id, Reminder.channel, Reminder.sent_on)).all()
    assert {r.family_id for r in rows} <= {fv.budi_family, fv.joko_family}
    assert all(TODAY - timedelta(days=35) <= r.sent_on <= TODAY for r in rows)
    assert reg  # the unpaid registration could be reminded too
