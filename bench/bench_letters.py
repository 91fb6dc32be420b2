"""Benchmark: rendering 100 Surat Tugas (letterhead, tables, wrapped paragraphs, signature,
QR code) against the floor measured in the same run: reportlab's canvas drawing the same
text lines, in the same fonts, on 100 pages of one PDF (no layout, no tables, no QR).

Two figures:
- batch: the 100 letters as one PDF (the "print every Surat Tugas" case; same page count
  as the floor);
- one by one: 100 separate PDFs, as approval renders and freezes each letter.
Target (issue "Agen & Penugasan", item 8): <= 3x the floor.

Each figure (the floor too) is the process CPU time, best of --repeat runs (default 3)
taken in turns: the work is single-threaded, and on a busy shared machine wall time mostly
measures the other processes (the wall time is printed beside it for reference).
One-by-one PDFs reuse the font subsets the process has already embedded (the same bytes;
see ``pdf_common._remember_embedding``), as approvals in one session of the program do.

    python bench/bench_letters.py [--count 100] [--repeat 3] [--quick]

Not a timed test: CI only checks that it runs (with a small --count).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from pesiar_desktop.reportdata.letters import TYPE_SURAT_TUGAS, LetterDoc  # noqa: E402
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile  # noqa: E402
from pesiar_desktop.reports import letters_pdf  # noqa: E402
from pesiar_desktop.reports.pdf_common import (  # noqa: E402
    SERIF,
    SERIF_BOLD,
    letterhead_lines,
    mm,
    page_size,
    register_fonts,
)

PROFILE = VillageProfile(
    1,
    "52.01.01.2005",
    "Suka Makmur",
    "Gerung",
    "Kabupaten Lombok Barat",
    "Nusa Tenggara Barat",
    "Jl. Raya Suka Makmur No. 1, Gerung",
    "83363",
    "(0370) 681234",
    "pemdes.sukamakmur@example.com",
    "H. Lalu Muhammad Sukri, S.Sos.",
    "Baiq Nurhayati",
    False,
)
DAY = date(2026, 1, 5)


def letter(i: int) -> LetterDoc:
    number = f"094/{i:03d}/DS-2005/I/2026"
    name = f"Agen Nomor {i} Binti Contoh"
    area = f"Dusun Krajan RT {i % 9 + 1:03d}, {i % 9 + 2:03d}"
    content = {
        "subject": f"Surat Tugas Agen PESIAR a.n. {name}",
        "agent": {
            "name": name,
            "nik": f"52010141079{i:05d}",
            "position": "Agen PESIAR",
            "source": "Penggerak PKK",
            "address": f"RT {i % 9 + 1:03d}, Dusun Krajan",
            "phone": f"0812{i:08d}",
        },
        "area": area,
        "dasar": [
            "Keputusan Kepala Desa Suka Makmur Nomor 141/001/DS-2005/I/2026 tanggal 5 Januari "
            "2026 tentang Pengangkatan Agen PESIAR Desa Suka Makmur Tahun 2026;",
            "Program PESIAR (Petakan, Sisir, Advokasi, Registrasi) BPJS Kesehatan untuk "
            "mewujudkan cakupan kesehatan semesta (Universal Health Coverage) di desa.",
        ],
        "untuk": [
            "melaksanakan tugas sebagai Agen PESIAR: memetakan penduduk yang belum terdaftar atau "
            "tidak aktif sebagai peserta JKN, menyisir keluarga binaan dari rumah ke rumah, "
            "memberikan advokasi, dan membantu pendaftaran sampai iuran pertama dibayar;",
            f"wilayah tugas: {area};",
            "masa tugas: 1 Januari 2026 s.d. 31 Desember 2026;",
            "target setiap bulan paling sedikit 35 jiwa atau 13 KK peserta baru yang telah "
            "membayar iuran pertama;",
            "tidak memungut biaya dalam bentuk apa pun dari penduduk;",
            "melaporkan hasil pelaksanaan tugas setiap bulan kepada Kepala Desa Suka Makmur.",
        ],
    }
    return LetterDoc(
        letter_type=TYPE_SURAT_TUGAS,
        letterhead=Letterhead(PROFILE),
        content=content,
        number=number,
        letter_date=DAY,
        signer_name=PROFILE.kepala_desa_name,
        payload=f"PESIAR|5201012005|{number}|2026-01-05|{i:016x}",
    )


def lines_of(doc: LetterDoc) -> list[tuple[str, str]]:
    """The same words the letter shows, as (font, line) pairs for the floor."""
    c = doc.content
    rows = [(SERIF_BOLD, t) for t, _s, _f in letterhead_lines(doc.letterhead)]
    rows += [(SERIF_BOLD, "SURAT TUGAS"), (SERIF, f"Nomor: {doc.number}")]
    rows += [(SERIF, t) for t in c["dasar"]]
    rows += [(SERIF_BOLD, "MENUGASKAN:")]
    rows += [(SERIF, f"{k}: {v}") for k, v in c["agent"].items()]
    rows += [(SERIF, t) for t in c["untuk"]]
    rows += [
        (SERIF, "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.")
    ]
    rows += [(SERIF, "Suka Makmur, 5 Januari 2026"), (SERIF, "Kepala Desa Suka Makmur,")]
    rows += [(SERIF_BOLD, PROFILE.kepala_desa_name), (SERIF, doc.payload or "")]
    return rows


def floor(docs: list[LetterDoc]) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=page_size("A4"), pageCompression=1)
    _w, h = page_size("A4")
    for doc in docs:
        y = h - 20 * mm
        for font, text in lines_of(doc):
            canvas.setFont(font, 10)
            canvas.drawString(25 * mm, y, text[:110])
            y -= 14
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def batch(docs: list[LetterDoc]) -> bytes:
    return letters_pdf.render_surat_tugas_batch(docs)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    """(CPU seconds, wall seconds, result) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args)
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per figure")
    parser.add_argument("--quick", action="store_true", help="5 letters: only proves it runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.count, args.repeat = 5, 1
    register_fonts()
    docs = [letter(i) for i in range(1, args.count + 1)]
    letters_pdf.render(docs[0])  # warm-up: font and style caches, imports
    floor(docs[:1])
    inf = float("inf")
    floor_s, batch_s, single_s = [inf, inf], [inf, inf], [inf, inf]  # [cpu, wall]
    for _ in range(max(args.repeat, 1)):
        *t, floor_pdf = timed(floor, docs)
        floor_s = [min(a, b) for a, b in zip(floor_s, t, strict=True)]
        *t, batch_pdf = timed(batch, docs)
        batch_s = [min(a, b) for a, b in zip(batch_s, t, strict=True)]
        *t, singles = timed(lambda: [letters_pdf.render(d) for d in docs])
        single_s = [min(a, b) for a, b in zip(single_s, t, strict=True)]
    print(f"Surat Tugas: {args.count}  (CPU time, best of {max(args.repeat, 1)} runs; wall time)")
    print(
        f"floor (canvas drawString, same text, {args.count} pages) : {floor_s[0]:6.3f} s  "
        f"(wall {floor_s[1]:.3f} s)  ({len(floor_pdf) // 1024} KB)"
    )
    print(
        f"batch (one PDF, {args.count} letters)                : {batch_s[0]:6.3f} s  "
        f"ratio {batch_s[0] / floor_s[0]:5.2f}x  (target <= 3x)  "
        f"(wall {batch_s[1]:.3f} s, {batch_s[1] / floor_s[1]:.2f}x)  ({len(batch_pdf) // 1024} KB)"
    )
    print(
        f"one by one ({args.count} PDFs, as approval freezes)   : {single_s[0]:6.3f} s  "
        f"ratio {single_s[0] / floor_s[0]:5.2f}x  (target <= 3x)  "
        f"(wall {single_s[1]:.3f} s, {single_s[1] / floor_s[1]:.2f}x)  "
        f"({sum(map(len, singles)) // 1024} KB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
