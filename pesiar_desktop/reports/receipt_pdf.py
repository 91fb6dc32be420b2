"""Tanda terima: the receipt a family keeps after registering with an Agen PESIAR.

One page: the village letterhead, the receipt number, the family, the members with their
class and monthly premium, the family's premium in rupiah and in words (terbilang), the
VA number and the first-payment deadline, anyone left out and why, then the signature
lines of the agent and the head of the family.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date, rupiah, terbilang
from pesiar_desktop.rules.nik import mask_nik

TITLE = "TANDA TERIMA PENDAFTARAN PESERTA JKN"


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
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_receipt_pdf(
    reg: RegistrationDetail,
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
) -> Path:
    """Writes the receipt of one registration; `masked` hides the middle of NIK / No KK."""
    pdf_common.register_fonts()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = pdf_common.page_size(paper)
    margin = 18 * mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"Tanda terima {reg.receipt_number}",
        author=letterhead.profile.title,
        creator="PESIAR Desktop",
    )
    usable = width - 2 * margin
    s = _styles()
    show = mask_nik if masked else (lambda value: value)
    story: list[object] = [
        pdf_common.LetterheadFlowable(letterhead, usable),
        Spacer(1, 5 * mm),
        Paragraph(TITLE, s["title"]),
        Paragraph(f"Nomor: {_esc(reg.receipt_number)}", s["centre"]),
        Spacer(1, 5 * mm),
    ]
    premium_text = (
        f"<b>{rupiah(reg.monthly_premium)}</b> per bulan "
        f"<i>({_esc(terbilang(reg.monthly_premium))})</i>"
        if reg.path == fc.PATH_PBPU
        else "Dibayar pemerintah / pemberi kerja bila usulan disetujui"
    )
    facts = [
        ("Nomor Kartu Keluarga", show(reg.no_kk)),
        ("Kepala keluarga", reg.head_name),
        ("Alamat", f"{reg.address}, {reg.area_label}".strip(", ")),
        ("Jalur pendaftaran", reg.path_label),
        ("Tanggal pendaftaran", long_date(reg.registered_on)),
    ]
    if reg.path == fc.PATH_PPU_BU_REPORT:
        facts.append(("Pemberi kerja", f"{reg.employer_name} {reg.employer_address}".strip()))
    if reg.path == fc.PATH_PBPU:
        facts += [
            ("Iuran keluarga", premium_text),
            ("Nomor virtual account (VA)", reg.va_number or "(belum terbit — menyusul)"),
            (
                "Batas bayar iuran pertama",
                f"<b>{long_date(reg.payment_due)}</b>" if reg.payment_due else "-",
            ),
        ]
    facts += [
        ("Agen PESIAR", f"{reg.agent_name}" + (f" (HP {reg.agent_phone})" if reg.agent_phone else "")
         if reg.agent_name else "-"),
        ("Status", reg.status_label),
    ]  # fmt: skip
    fact_table = Table(
        [
            [Paragraph(label, s["base"]), Paragraph(":", s["base"]), Paragraph(value, s["base"])]
            for label, value in facts
        ],
        colWidths=[52 * mm, 4 * mm, usable - 56 * mm],
    )
    fact_table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [
        fact_table,
        Spacer(1, 4 * mm),
        Paragraph("Anggota keluarga yang didaftarkan:", s["bold"]),
    ]
    rows: list[list[object]] = [["No", "NIK", "Nama", "Hubungan", "Kelas", "Iuran / bulan"]]
    for number, member in enumerate(reg.included, start=1):
        rows.append(
            [
                str(number),
                show(member.nik),
                Paragraph(_esc(member.name), s["cell"]),
                codes.label(codes.SHDK, member.shdk),
                codes.label(codes.JKN_CLASS, member.jkn_class, "-"),
                rupiah(member.monthly_premium) if reg.path == fc.PATH_PBPU else "-",
            ]
        )
    rows.append(
        ["", "", f"Jumlah: {len(reg.included)} jiwa", "", "",
         rupiah(reg.monthly_premium) if reg.path == fc.PATH_PBPU else "-"]
    )  # fmt: skip
    widths = [9 * mm, 36 * mm, usable - 9 * mm - 36 * mm - 30 * mm - 18 * mm - 28 * mm,
              30 * mm, 18 * mm, 28 * mm]  # fmt: skip
    member_table = Table(rows, colWidths=widths, repeatRows=1)
    member_table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 8.5),
                ("FONT", (0, 0), (-1, 0), pdf_common.SANS_BOLD, 8.5),
                ("FONT", (0, -1), (-1, -1), pdf_common.SANS_BOLD, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("GRID", (0, 0), (-1, -2), 0.5, colors.grey),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (4, 0), (4, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.append(member_table)
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
    if reg.path == fc.PATH_PBPU:
        story += [
            Spacer(1, 4 * mm),
            Paragraph(
                "Catatan: bayarlah iuran pertama melalui nomor VA di atas (bank, kantor pos, "
                "minimarket atau aplikasi Mobile JKN) paling lambat pada tanggal batas bayar. "
                "Kartu JKN aktif setelah iuran pertama dibayar. Selanjutnya iuran dibayar "
                "paling lambat tanggal 10 setiap bulan untuk seluruh anggota keluarga. Simpan "
                "tanda terima ini.",
                s["small"],
            ),
        ]
    story.append(Spacer(1, 8 * mm))
    place = f"{letterhead.profile.desa_name}, {long_date(reg.registered_on)}"
    signatures = Table(
        [
            ["", place],
            ["Yang menyerahkan,", "Yang menerima,"],
            ["Agen PESIAR", "Kepala keluarga"],
            ["", ""],
            [reg.agent_name or "(............................)", reg.head_name],
        ],
        colWidths=[usable / 2, usable / 2],
        rowHeights=[14, 14, 14, 22 * mm, 14],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_common.SERIF, 10),
                ("FONT", (0, -1), (-1, -1), pdf_common.SERIF_BOLD, 10),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    story.append(signatures)

    def footer(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(pdf_common.SANS, 7)  # type: ignore[attr-defined]
        canvas.drawString(  # type: ignore[attr-defined]
            margin, 8 * mm, f"Tanda terima {reg.receipt_number} · dicetak oleh PESIAR Desktop"
        )
        canvas.restoreState()  # type: ignore[attr-defined]

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
