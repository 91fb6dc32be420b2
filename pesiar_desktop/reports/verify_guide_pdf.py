""" "Cara memeriksa keaslian surat dan kartu agen": one page for residents (a notice board,
a posyandu table, the back of a leaflet) on telling a real Agen PESIAR from a fraud.

It says what the Surat Tugas and the ID card show, what the QR code holds (the number, the
date and the period, readable with any phone's camera), how to have the office check the
number, what each answer means, and that an agent never asks for money. The office's phone
and address come from the village profile.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm

TITLE = "CARA MEMERIKSA KEASLIAN SURAT DAN KARTU AGEN PESIAR"
MARGIN = 18 * mm

# (answer, what it means, what to do): the statuses of services.letters.verify.
ANSWERS = (
    ("SAH", "Surat atau kartu tercatat di kantor desa dan masih berlaku.",
     "Agen boleh dilayani. Cocokkan tetap nama, wilayah dan masa tugasnya."),
    ("KEDALUWARSA", "Masa tugas yang tertulis sudah berakhir.",
     "Jangan dilayani sampai agen membawa surat yang baru."),
    ("TIDAK BERLAKU", "Agen sudah diberhentikan atau penugasannya dihentikan.",
     "Jangan dilayani; laporkan ke kantor desa."),
    ("DICABUT", "Kepala Desa mencabut surat ini.", "Jangan dilayani; laporkan ke kantor desa."),
    ("DIUBAH / PALSU", "Isi kode QR atau berkas surat tidak sama dengan yang tercatat.",
     "Jangan dilayani dan jangan memberi data atau uang; laporkan ke kantor desa."),
    ("TIDAK DIKENAL", "Nomor surat tidak ada dalam buku surat desa.",
     "Jangan dilayani; laporkan ke kantor desa."),
)  # fmt: skip


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=pdf_common.SERIF, fontSize=10.5, leading=14)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=pdf_common.SERIF_BOLD,
            fontSize=13.5,
            leading=17,
            alignment=1,
        ),  # fmt: skip
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontName=pdf_common.SERIF_BOLD,
            fontSize=11,
            spaceBefore=5,
            spaceAfter=2,
        ),  # fmt: skip
        "step": ParagraphStyle("step", parent=base, leftIndent=7 * mm, bulletIndent=1 * mm),
        "cell": ParagraphStyle(
            "cell", parent=base, fontName=pdf_common.SANS, fontSize=8.5, leading=10.5
        ),  # fmt: skip
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=8.5, leading=10.5
        ),
        "warn": ParagraphStyle(
            "warn",
            parent=base,
            fontName=pdf_common.SERIF_BOLD,
            fontSize=11,
            leading=14.5,
            alignment=1,
        ),  # fmt: skip
    }


def render(letterhead: Letterhead, paper: str = "A4") -> bytes:
    """The guide as one PDF page."""
    pdf_common.register_fonts()
    out = io.BytesIO()
    width, height = pdf_common.page_size(paper)
    doc = SimpleDocTemplate(
        out,
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title="Cara memeriksa keaslian surat dan kartu agen",
        author=letterhead.profile.title,
        creator="PESIAR Desktop",
    )
    usable = width - 2 * MARGIN
    s = _styles()
    p = letterhead.profile
    office = f"kantor {p.title}"
    contact = ", ".join(
        part
        for part in (
            p.address and f"alamat {p.address.strip().rstrip('.')}",
            p.phone and f"telepon {p.phone}",
        )
        if part
    )
    story: list[object] = [
        pdf_common.LetterheadFlowable(letterhead, usable),
        Spacer(1, 4 * mm),
        Paragraph(TITLE, s["title"]),
        Spacer(1, 3 * mm),
        Paragraph(
            f"Agen PESIAR {escape(p.title)} membantu warga mendaftar dan mengaktifkan kembali "
            "kepesertaan JKN (BPJS Kesehatan). Setiap agen membawa <b>Surat Tugas</b> dan "
            "<b>Kartu Tanda Agen PESIAR</b> yang ditandatangani Kepala Desa. Sebelum memberikan "
            "data keluarga, periksalah keduanya.",
            s["base"],
        ),
        Paragraph("1. Lihat surat dan kartunya", s["head"]),
    ]
    for text in (
        "Nama dan foto pada kartu sama dengan orang yang datang.",
        "Wilayah tugas (dusun, RT/RW) mencakup rumah Anda.",
        "Masa tugas atau \u201cberlaku sampai\u201d belum lewat.",
        "Ada nomor surat, tanggal, tanda tangan Kepala Desa dan kode QR.",
    ):
        story.append(Paragraph(escape(text), s["step"], bulletText="•"))
    story += [
        Paragraph("2. Pindai kode QR dengan kamera HP", s["head"]),
        Paragraph(
            f"Kode QR berisi teks seperti <font face='{pdf_common.SANS}' size='9'>"
            f"PESIAR|{escape(p.region_code.replace('.', ''))}|474/001/DS-2005/XI/2026|"
            "2026-11-23|20260101-20261231|…</font>: "
            "kode wilayah desa, <b>nomor surat</b>, <b>tanggal surat</b> dan <b>masa tugas</b> "
            "(tanggal mulai dan berakhir, ditulis tahun-bulan-tanggal). Cocokkan nomor dan masa "
            "tugas itu dengan yang tercetak. Bila berbeda, surat atau kartu itu diubah.",
            s["base"],
        ),
        Paragraph(f"3. Tanyakan ke {escape(office)}", s["head"]),
        Paragraph(
            "Sebutkan nomor suratnya, kirim foto kode QR-nya, atau datang membawa surat itu. "
            "Petugas memeriksanya di menu <b>Verifikasi surat</b> dan membacakan yang tercatat: "
            "jenis surat, nomor, tanggal, nama agen, NIK agen (sebagian disamarkan), wilayah "
            "dan masa tugas, beserta salah satu jawaban berikut."
            + (f" Hubungi {escape(office)}: {escape(contact)}." if contact else ""),
            s["base"],
        ),
        Spacer(1, 2 * mm),
        _answers_table(usable, s),
        Spacer(1, 4 * mm),
        _warning(usable, s),
    ]
    doc.build(story)
    return out.getvalue()


def _answers_table(usable: float, s: dict[str, ParagraphStyle]) -> Table:
    rows: list[list[object]] = [
        [Paragraph(h, s["cell_bold"]) for h in ("Jawaban", "Artinya", "Yang dilakukan")]
    ]
    for answer, meaning, action in ANSWERS:
        rows.append(
            [
                Paragraph(escape(answer), s["cell_bold"]),
                Paragraph(escape(meaning), s["cell"]),
                Paragraph(escape(action), s["cell"]),
            ]
        )
    table = Table(rows, colWidths=[32 * mm, (usable - 32 * mm) / 2, (usable - 32 * mm) / 2])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("BACKGROUND", (0, 1), (0, 1), colors.HexColor("#e3f1e3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _warning(usable: float, s: dict[str, ParagraphStyle]) -> Table:
    box = Table(
        [
            [
                Paragraph(
                    "Agen PESIAR TIDAK memungut biaya apa pun. Iuran JKN dibayar sendiri oleh "
                    "keluarga melalui nomor virtual account (bank, kantor pos, minimarket atau "
                    "aplikasi Mobile JKN), tidak dititipkan kepada agen kecuali tercatat dengan "
                    "tanda terima desa.",
                    s["warn"],
                )
            ]
        ],
        colWidths=[usable],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#b3261e")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box
