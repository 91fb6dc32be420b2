"""Tanda terima: the receipt a family keeps after registering with an Agen PESIAR, and
the one it keeps after paying arrears (in full or a REHAB instalment).

One page: the village letterhead, the receipt number, the family, the members with their
class and monthly premium, the family's premium in rupiah and in words (terbilang), the
VA number and the first-payment window, anyone left out and why, then the signature
lines of the agent and the head of the family.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pesiar_desktop.reportdata.reactivation import ReactivationDetail
from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date, rupiah, terbilang
from pesiar_desktop.rules.nik import mask_nik

# The title follows the registration's path: only PBPU is a registration the family pays
# for; the other two are a proposal to the Dinas Sosial and a report on an employer.
TITLES = {
    fc.PATH_PBPU: "TANDA TERIMA PENDAFTARAN PESERTA JKN MANDIRI (PBPU)",
    fc.PATH_PBI_PROPOSAL: "TANDA TERIMA USULAN PESERTA JKN PBI / PBPU PEMDA",
    fc.PATH_PPU_BU_REPORT: "TANDA TERIMA LAPORAN PEKERJA YANG BELUM DIDAFTARKAN PEMBERI KERJA",
}
TITLE = TITLES[fc.PATH_PBPU]

# What the family should know next, per path (PBPU: the payment note below the table).
NEXT_STEP = {
    fc.PATH_PBI_PROPOSAL: (
        "Catatan: usulan ini diteruskan oleh Pemerintah Desa ke Dinas Sosial. Keluarga tidak "
        "membayar iuran; kepesertaan aktif bila usulan disetujui. Simpan tanda terima ini."
    ),
    fc.PATH_PPU_BU_REPORT: (
        "Catatan: laporan ini diteruskan ke BPJS Kesehatan. Pemberi kerja wajib mendaftarkan "
        "pekerjanya dan keluarganya sebagai peserta PPU; iuran dibayar pemberi kerja dan "
        "pekerja. Simpan tanda terima ini."
    ),
}

STAMP_COLOUR = colors.HexColor("#b3261e")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=pdf_common.SERIF, fontSize=10, leading=13)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=pdf_common.SERIF_BOLD,
            fontSize=13,
            leading=16,
            alignment=1,
        ),  # fmt: skip
        "centre": ParagraphStyle("centre", parent=base, alignment=1),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle(
            "cell", parent=base, fontName=pdf_common.SANS, fontSize=8.5, leading=10.5
        ),  # fmt: skip
        "bold": ParagraphStyle("bold", parent=base, fontName=pdf_common.SERIF_BOLD),
        "mark": ParagraphStyle(
            "mark",
            parent=base,
            fontName=pdf_common.SANS_BOLD,
            fontSize=16,
            leading=19,
            alignment=1,
            textColor=STAMP_COLOUR,
        ),
        "mark_note": ParagraphStyle(
            "mark_note", parent=base, fontSize=9.5, leading=12, alignment=1
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _window_text(reg: RegistrationDetail) -> str:
    """ "Iuran pertama dibayar mulai … dan paling lambat …" (the first-payment window)."""
    if reg.payment_due is None:
        return "-"
    if reg.payment_from is None:
        return f"Iuran pertama dibayar paling lambat <b>{long_date(reg.payment_due)}</b>"
    return (
        f"Iuran pertama dibayar mulai <b>{long_date(reg.payment_from)}</b> dan paling "
        f"lambat <b>{long_date(reg.payment_due)}</b>"
    )


def _void_note(reg: RegistrationDetail) -> tuple[str, str] | None:
    """ "DIBATALKAN" / "KEDALUWARSA" and why, for a registration that no longer holds."""
    if reg.status == fc.STATUS_CANCELLED:
        why = f"Alasan: {_sentence(reg.cancel_reason)} " if reg.cancel_reason.strip() else ""
        return "DIBATALKAN", f"Pendaftaran ini dibatalkan. {why}Tanda terima ini tidak berlaku."
    if reg.status == fc.STATUS_EXPIRED:
        due = f" sampai {long_date(reg.payment_due)}" if reg.payment_due else ""
        return "KEDALUWARSA", (
            f"Iuran pertama tidak dibayar{due}, pendaftaran ini gugur dan perlu diulang. "
            "Tanda terima ini tidak berlaku."
        )
    return None


def _sentence(text: str) -> str:
    """The text ending in exactly one full stop."""
    return text.strip().rstrip(".") + "."


def write_receipt_pdf(
    reg: RegistrationDetail,
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
) -> Path:
    """Writes the receipt of one registration; `masked` hides the middle of NIK / No KK.
    A cancelled or expired registration is marked as such (a banner under the title and a
    stamp across the page) and keeps no payment instructions."""
    path = Path(path)
    doc, usable = _receipt_document(path, paper, letterhead, reg.receipt_number)
    s = _styles()
    show: Callable[[str], str] = mask_nik if masked else (lambda value: value)
    pbpu = reg.path == fc.PATH_PBPU
    void = _void_note(reg)
    story = _heading(letterhead, usable, TITLES.get(reg.path, TITLE), reg.receipt_number, s)
    if void is not None:
        story += _void_banner(void[0], void[1], usable, s)
    premium_text = (
        f"<b>{rupiah(reg.monthly_premium)}</b> per bulan "
        f"<i>({_esc(terbilang(reg.monthly_premium))})</i>"
    )
    address = reg.full_address or f"{reg.address}, {reg.area_label}".strip(", ")
    facts = [
        ("Nomor Kartu Keluarga", _esc(show(reg.no_kk))),
        ("Kepala Keluarga", _esc(reg.head_name)),
        ("Alamat", _esc(address)),
        ("Jalur Pendaftaran", _esc(reg.path_label)),
        ("Tanggal Pendaftaran", long_date(reg.registered_on)),
    ]
    if reg.path == fc.PATH_PPU_BU_REPORT:
        employer = ", ".join(
            part.strip().rstrip(",")
            for part in (reg.employer_name, reg.employer_address)
            if part.strip()
        )
        facts.append(("Pemberi Kerja", _esc(employer or "-")))
    if pbpu:
        facts += [
            ("Iuran Keluarga", premium_text),
            ("Nomor Virtual Account (VA)", _esc(reg.va_number) or "(belum terbit — menyusul)"),
            ("Pembayaran Iuran Pertama", _window_text(reg)),
        ]
    agent = (
        reg.agent_name + (f" (HP {reg.agent_phone})" if reg.agent_phone else "")
        if reg.agent_name
        else "-"
    )
    facts += [("Agen PESIAR", _esc(agent)), ("Status", _esc(reg.status_label))]
    story += [
        _facts_table(facts, usable, s),
        Spacer(1, 4 * mm),
        Paragraph(
            "Anggota keluarga yang didaftarkan:" if pbpu
            else "Anggota keluarga yang diusulkan:" if reg.path == fc.PATH_PBI_PROPOSAL
            else "Pekerja dan anggota keluarganya yang dilaporkan:",
            s["bold"],
        ),
    ]  # fmt: skip
    story.append(_member_table(reg, usable, show, s))
    if reg.excluded:
        story += [
            Spacer(1, 3 * mm),
            Paragraph("Anggota keluarga yang tidak didaftarkan (dengan persetujuan):", s["bold"]),
        ]
        for member in reg.excluded:
            story.append(
                Paragraph(
                    f"• {_esc(member.name)} ({show(member.nik)}): {_esc(member.exclusion_reason)}",
                    s["base"],
                )
            )
    note = (
        None
        if void is not None
        else PBPU_NOTE
        if pbpu
        else NEXT_STEP.get(reg.path)
    )  # fmt: skip
    if note:
        story += [Spacer(1, 4 * mm), Paragraph(note, s["small"])]
    story.append(Spacer(1, 8 * mm))
    place = f"{letterhead.profile.desa_name}, {long_date(reg.registered_on)}"
    story.append(
        _signatures(
            place,
            ("Yang menyerahkan,", "Agen PESIAR", reg.agent_name or UNNAMED),
            ("Yang menerima,", "Kepala Keluarga", reg.head_name),
            usable,
        )
    )
    _build(doc, story, reg.receipt_number, stamp=void[0] if void else "")
    return path


PBPU_NOTE = (
    "Catatan: bayarlah iuran pertama melalui nomor VA di atas (bank, kantor pos, minimarket "
    "atau aplikasi Mobile JKN) pada rentang tanggal di atas: sebelum tanggal mulai pembayaran "
    "belum bisa diterima, dan bila lewat tanggal paling lambat pendaftaran perlu diulang. "
    "Kartu JKN aktif setelah iuran pertama dibayar. Selanjutnya iuran dibayar paling lambat "
    "tanggal 10 setiap bulan untuk seluruh anggota keluarga. Simpan tanda terima ini."
)


def _member_table(
    reg: RegistrationDetail,
    usable: float,
    show: Callable[[str], str],
    s: dict[str, ParagraphStyle],
) -> Table:
    """The members; class and premium columns only where the family pays (PBPU)."""
    pbpu = reg.path == fc.PATH_PBPU
    header = ["No", "NIK", "Nama", "Hubungan"] + (["Kelas", "Iuran / bulan"] if pbpu else [])
    rows: list[list[object]] = [list(header)]
    for number, member in enumerate(reg.included, start=1):
        row: list[object] = [
            str(number),
            show(member.nik),
            Paragraph(_esc(member.name), s["cell"]),
            codes.label(codes.SHDK, member.shdk),
        ]
        if pbpu:
            row += [
                codes.label(codes.JKN_CLASS, member.jkn_class, "-"),
                rupiah(member.monthly_premium),
            ]
        rows.append(row)
    total: list[object] = ["", "", f"Jumlah: {len(reg.included)} jiwa", ""]
    if pbpu:
        total += ["", rupiah(reg.monthly_premium)]
    rows.append(total)
    tail = [30 * mm, 18 * mm, 28 * mm] if pbpu else [40 * mm]
    widths = [9 * mm, 36 * mm, usable - 45 * mm - sum(tail), *tail]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 8.5),
        ("FONT", (0, 0), (-1, 0), pdf_common.SANS_BOLD, 8.5),
        ("FONT", (0, -1), (-1, -1), pdf_common.SANS_BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("GRID", (0, 0), (-1, -2), 0.5, colors.grey),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if pbpu:
        style += [("ALIGN", (-1, 0), (-1, -1), "RIGHT"), ("ALIGN", (4, 0), (4, -1), "CENTER")]
    table.setStyle(TableStyle(style))
    return table


def _void_banner(mark: str, note: str, usable: float, s: dict[str, ParagraphStyle]) -> list[object]:
    """A red-framed box under the title: the mark in large letters and why."""
    box = Table(
        [[Paragraph(_esc(mark), s["mark"])], [Paragraph(_esc(note), s["mark_note"])]],
        colWidths=[usable],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, STAMP_COLOUR),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [box, Spacer(1, 4 * mm)]


# ---------------------------------------------------------------- arrears (keaktifan)

ARREARS_TITLE = "TANDA TERIMA PEMBAYARAN TUNGGAKAN IURAN JKN"


def write_arrears_receipt_pdf(
    info: ReactivationDetail,
    payment_id: int,
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
) -> Path:
    """Writes the receipt of one payment towards a family's arrears: the amount in figures
    and words, the arrears per member, the schedule for REHAB and what happens next."""
    payment = info.payment(payment_id)
    path = Path(path)
    doc, usable = _receipt_document(path, paper, letterhead, payment.receipt_number)
    s = _styles()
    show = mask_nik if masked else (lambda value: value)
    story = _heading(letterhead, usable, ARREARS_TITLE, payment.receipt_number, s)
    if not payment.valid:
        why = f"Alasan: {_sentence(payment.reason)} " if payment.reason.strip() else ""
        story += _void_banner(
            payment.status_label.upper(),
            f"Pembayaran ini {payment.status_label.lower()}. {why}Tanda terima ini tidak berlaku.",
            usable,
            s,
        )
    if info.kind == fc.REACTIVATION_REHAB:
        purpose = f"Cicilan REHAB ke-{payment.seq} dari {info.instalments}"
    else:
        purpose = "Pelunasan tunggakan iuran (bayar lunas)"
    facts = [
        ("Nomor Kartu Keluarga", _esc(show(info.no_kk))),
        ("Kepala Keluarga", _esc(info.head_name)),
        ("Alamat", _esc(info.full_address or f"{info.address}, {info.area_label}".strip(", "))),
        ("Pembayaran", purpose),
        ("Tanggal Bayar", long_date(payment.paid_on)),
        (
            "Jumlah",
            f"<b>{rupiah(payment.amount)}</b> <i>({_esc(terbilang(payment.amount))})</i>",
        ),
        ("Diterima Oleh", _esc(payment.collector_label)),
        (
            "Tunggakan Dihitung",
            f"{info.months_counted} bulan, {rupiah(info.amount_owed)} "
            "(paling banyak 24 bulan dihitung)",
        ),
        ("Sisa Tunggakan", rupiah(info.remaining)),
        ("Status", info.status_label),
    ]
    fact_table = _facts_table(facts, usable, s)
    story += [fact_table, Spacer(1, 4 * mm), Paragraph("Anggota yang menunggak:", s["bold"])]
    rows: list[list[object]] = [
        ["No", "NIK", "Nama", "Kelas", "Bulan", "Iuran / bulan", "Tunggakan"]
    ]
    for number, member in enumerate(info.members, start=1):
        rows.append(
            [
                str(number),
                show(member.nik),
                Paragraph(_esc(member.name), s["cell"]),
                codes.label(codes.JKN_CLASS, member.jkn_class, "-"),
                str(member.months_counted),
                rupiah(member.monthly_premium),
                rupiah(member.amount_owed),
            ]
        )
    rows.append(["", "", f"Jumlah: {len(info.members)} jiwa", "", "", "", rupiah(info.amount_owed)])
    fixed = 9 * mm + 36 * mm + 18 * mm + 14 * mm + 26 * mm + 26 * mm
    widths = [9 * mm, 36 * mm, usable - fixed, 18 * mm, 14 * mm, 26 * mm, 26 * mm]
    story.append(_grid(rows, widths))
    if info.kind == fc.REACTIVATION_REHAB:
        story += [Spacer(1, 4 * mm), Paragraph("Jadwal cicilan REHAB:", s["bold"])]
        plan: list[list[object]] = [
            ["Ke", "Jatuh tempo", "Jumlah", "Dibayar", "Nomor tanda terima"]
        ]
        for line in info.schedule:
            plan.append(
                [
                    str(line.seq),
                    long_date(line.due_on),
                    rupiah(line.amount),
                    long_date(line.paid_on) if line.paid_on else "belum",
                    line.receipt_number or "-",
                ]
            )
        story.append(
            _grid(plan, [12 * mm, 40 * mm, 30 * mm, 40 * mm, usable - 122 * mm], total=False)
        )
    done = info.status == fc.REACTIVATION_COMPLETED
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            "Tunggakan sudah lunas: kepesertaan JKN anggota di atas aktif kembali. Selanjutnya "
            "iuran dibayar paling lambat tanggal 10 setiap bulan."
            if done
            else "Kepesertaan aktif kembali setelah seluruh cicilan dibayar. Bayarlah setiap "
            "cicilan paling lambat pada tanggal jatuh temponya, bersama iuran bulan berjalan.",
            s["small"],
        ),
        Spacer(1, 8 * mm),
    ]
    place = f"{letterhead.profile.desa_name}, {long_date(payment.paid_on)}"
    receiver = (
        payment.collector_name
        if payment.collected_by != fc.COLLECTOR_FAMILY and payment.collector_name
        else UNNAMED
    )
    story.append(
        _signatures(
            place,
            ("Yang menerima,", fc.COLLECTORS.get(payment.collected_by, ""), receiver),
            ("Yang membayar,", "Kepala Keluarga", info.head_name),
            usable,
        )
    )
    _build(doc, story, payment.receipt_number, stamp="" if payment.valid else payment.status_label)
    return path


def _grid(rows: list[list[object]], widths: list[float], *, total: bool = True) -> Table:
    """A small bordered table in the receipts' style (a bold total row when `total`)."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 8.5),
        ("FONT", (0, 0), (-1, 0), pdf_common.SANS_BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total:
        style += [
            ("FONT", (0, -1), (-1, -1), pdf_common.SANS_BOLD, 8.5),
            ("GRID", (0, 0), (-1, -2), 0.5, colors.grey),
            ("ALIGN", (-2, 0), (-1, -1), "RIGHT"),
        ]
    else:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
    table.setStyle(TableStyle(style))
    return table


# ---------------------------------------------------------------- shared by both receipts

MARGIN = 18 * mm
UNNAMED = "(............................)"  # a name written by hand


def _receipt_document(
    path: Path, paper: str, letterhead: Letterhead, receipt_number: str
) -> tuple[SimpleDocTemplate, float]:
    """The page set-up of a receipt; returns the document and the usable width."""
    pdf_common.register_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = pdf_common.page_size(paper)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"Tanda terima {receipt_number}",
        author=letterhead.profile.title,
        creator="PESIAR Desktop",
    )
    return doc, width - 2 * MARGIN


def _heading(
    letterhead: Letterhead,
    usable: float,
    title: str,
    receipt_number: str,
    s: dict[str, ParagraphStyle],
) -> list[object]:
    return [
        pdf_common.LetterheadFlowable(letterhead, usable),
        Spacer(1, 5 * mm),
        Paragraph(title, s["title"]),
        Paragraph(f"Nomor: {_esc(receipt_number)}", s["centre"]),
        Spacer(1, 5 * mm),
    ]


def _facts_table(
    facts: list[tuple[str, str]], usable: float, s: dict[str, ParagraphStyle]
) -> Table:
    """Label : value lines (values may hold Paragraph markup)."""
    table = Table(
        [
            [Paragraph(label, s["base"]), Paragraph(":", s["base"]), Paragraph(value, s["base"])]
            for label, value in facts
        ],
        colWidths=[58 * mm, 4 * mm, usable - 62 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _signatures(
    place: str, left: tuple[str, str, str], right: tuple[str, str, str], usable: float
) -> KeepTogether:
    """Place and date, then two signers, each (greeting, role, name). Every line wraps in
    its half of the page: a long name never runs past the margin."""
    plain = ParagraphStyle("sig", fontName=pdf_common.SERIF, fontSize=10, leading=12.5, alignment=1)
    bold = ParagraphStyle("sig_name", parent=plain, fontName=pdf_common.SERIF_BOLD)

    def cell(text: str, style: ParagraphStyle = plain) -> Paragraph:
        return Paragraph(_esc(text), style)

    table = Table(
        [
            ["", cell(place)],
            [cell(left[0]), cell(right[0])],
            [cell(left[1]), cell(right[1])],
            ["", ""],
            [cell(left[2], bold), cell(right[2], bold)],
        ],
        colWidths=[usable / 2, usable / 2],
        rowHeights=[None, None, None, 20 * mm, None],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    # The signatures are never split from each other across pages.
    return KeepTogether([table])


def _build(
    doc: SimpleDocTemplate, story: list[object], receipt_number: str, *, stamp: str = ""
) -> None:
    """Lays the story out with the receipt's footer line on every page and, for a receipt
    that no longer holds, its mark (DIBATALKAN, KEDALUWARSA) stamped across each page."""

    def footer(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        if stamp:
            _draw_stamp(canvas, stamp.upper(), document)
        canvas.setFont(pdf_common.SANS, 7)  # type: ignore[attr-defined]
        canvas.drawString(  # type: ignore[attr-defined]
            MARGIN, 8 * mm, f"Tanda terima {receipt_number} · dicetak oleh PESIAR Desktop"
        )
        canvas.restoreState()  # type: ignore[attr-defined]

    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _draw_stamp(canvas: Any, text: str, document: Any) -> None:
    """A framed red mark across the page, turned 30 degrees, in transparent ink so the text
    under it stays legible."""
    width, height = document.pagesize
    canvas.saveState()
    canvas.translate(width / 2, height * 0.45)
    canvas.rotate(30)
    size = 64.0
    while size > 20 and canvas.stringWidth(text, pdf_common.SANS_BOLD, size) > width * 0.75:
        size -= 2
    text_width = canvas.stringWidth(text, pdf_common.SANS_BOLD, size)
    ink = colors.Color(0.70, 0.15, 0.12, alpha=0.35)
    canvas.setStrokeColor(ink)
    canvas.setFillColor(ink)
    canvas.setLineWidth(4)
    canvas.rect(-text_width / 2 - 12, -size * 0.45, text_width + 24, size * 1.2)
    canvas.setFont(pdf_common.SANS_BOLD, size)
    canvas.drawCentredString(0, -size * 0.1, text)
    canvas.restoreState()
