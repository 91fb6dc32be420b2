"""Shared reportlab basics for every PDF the village prints (letters, receipts, worksheets).

Small API, all of it usable from a raw canvas or from platypus flowables:

- ``page_size(paper)``: A4 or F4 (215 x 330 mm) from the ``letters.paper`` setting.
- ``register_fonts()``: DejaVu Serif/Sans shipped in ``pesiar_desktop/resources/fonts`` (falls back to the
  system DejaVu folder on Linux); use the names ``SERIF``, ``SERIF_BOLD``, ``SANS`` ….
- ``Letterhead`` (``reportdata.village``; ``services.village.letterhead(db)`` loads it): the
  kop surat from the village profile (+ logo); ``draw_letterhead(canvas, …)`` or
  ``LetterheadFlowable``.
- ``SignatureBlock`` / ``draw_signature(canvas, …)`` or ``SignatureFlowable``: place and long
  Indonesian date, then the kepala desa / ``a.n.`` / ``a.n. … u.b.`` variants.
- ``qr_drawing(payload, size)``: reportlab's own QR widget; ``draw_qr(canvas, …)``: the code
  from zxing-cpp's encoder (reportlab's as a fallback) drawn as one path.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4 as _A4
from reportlab.lib.units import mm as _mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pesiar_desktop.config import resources_dir
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.rules import formatting

mm: float = float(_mm)  # typed: reportlab ships no annotations


@functools.lru_cache(maxsize=256)
def long_date(value: date | None) -> str:
    """``formatting.long_date`` remembered: babel's formatting is slow, and a letter prints
    its date several times (signature, footer), a batch the same date on every page."""
    return formatting.long_date(value)


# --- paper -----------------------------------------------------------------------------------

A4: tuple[float, float] = (float(_A4[0]), float(_A4[1]))
F4: tuple[float, float] = (215 * mm, 330 * mm)
PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "F4": F4}


def page_size(paper: str) -> tuple[float, float]:
    """Width and height in points for the ``letters.paper`` setting ("A4" or "F4")."""
    try:
        return PAPER_SIZES[paper.strip().upper()]
    except KeyError:
        raise PesiarError(f"Ukuran kertas tidak dikenal: {paper!r} (pilih A4 atau F4).") from None


# --- fonts -----------------------------------------------------------------------------------

SERIF = "PesiarSerif"
SERIF_BOLD = "PesiarSerif-Bold"
SERIF_ITALIC = "PesiarSerif-Italic"
SERIF_BOLD_ITALIC = "PesiarSerif-BoldItalic"
SANS = "PesiarSans"
SANS_BOLD = "PesiarSans-Bold"

_FONT_FILES = {
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
}
_SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_fonts_registered = False


@dataclass(frozen=True)
class ReportStyles:
    """The title, subtitle and note styles of a landscape report (recap, population)."""

    title: Any
    sub: Any
    note: Any


def landscape_report(path: Path, paper: str, title: str) -> tuple[Any, float, ReportStyles]:
    """A landscape report document (12 mm sides), its text width and its heading styles:
    the page set-up the monthly recap and the population report share."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    size = landscape(page_size(paper))
    margin = 12 * _mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=10 * _mm,
        bottomMargin=12 * _mm,
        title=title,
        author="PESIAR Desktop",
        creator="PESIAR Desktop",
    )
    styles = ReportStyles(
        ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=13, leading=16, alignment=1),
        ParagraphStyle("sub", fontName=SERIF, fontSize=10.5, leading=13, alignment=1),
        ParagraphStyle("note", fontName=SERIF_ITALIC, fontSize=8.5, leading=11),
    )
    return doc, size[0] - 2 * margin, styles


def report_footer(doc: Any, label: str, left: str = "") -> Any:
    """The footer of a landscape report: "<label> · halaman n" on the right, `left` (e.g. the
    audit log's head) on the left; for `doc.build(onFirstPage=…, onLaterPages=…)`."""

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin, 6 * _mm, f"{label} · halaman {document.page}"
        )
        if left:
            canvas.drawString(doc.leftMargin, 6 * _mm, left)
        canvas.restoreState()

    return footer


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def _font_path(filename: str) -> Path:
    for folder in (fonts_dir(), _SYSTEM_FONT_DIR):
        path = folder / filename
        if path.is_file():
            return path
    raise FileNotFoundError(f"Huruf {filename} tidak ditemukan di {fonts_dir()}.")


def register_fonts() -> None:
    """Register the DejaVu fonts with reportlab once per process (cheap to call again).

    Also registers the font families so ``<b>``/``<i>`` work inside platypus Paragraphs.
    """
    global _fonts_registered
    if _fonts_registered:
        return
    for name, filename in _FONT_FILES.items():
        font = TTFont(name, str(_font_path(filename)))
        _remember_embedding(font)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )
    _fonts_registered = True


@functools.lru_cache(maxsize=64)
def _to_unicode_cmap(fontname: str, subset: tuple[int, ...]) -> str:
    return str(_make_to_unicode_cmap(fontname, list(subset)))


def _cached_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map for a font subset (a pure function), remembered."""
    return _to_unicode_cmap(fontname, tuple(subset))


# Every PDF builds each embedded subset's ToUnicode map again: keep the few distinct ones.
if not hasattr(ttfonts, "_pesiar_make_to_unicode_cmap"):
    ttfonts._pesiar_make_to_unicode_cmap = ttfonts.makeToUnicodeCMap
_make_to_unicode_cmap = ttfonts._pesiar_make_to_unicode_cmap
ttfonts.makeToUnicodeCMap = _cached_to_unicode_cmap


class _Formatted(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF value already formatted to bytes (a font's Widths array)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def _remember_embedding(font: TTFont) -> None:
    """Make embedding ``font`` in a PDF cheap from the second PDF on.

    Every PDF embeds a subset of each face it uses: reportlab builds the subset font file
    (pure Python), zlib-compresses it and formats its Widths array, for each PDF again. The
    subset is nearly always the same (all ASCII plus the few other characters the letter
    uses), so the results (and the compressed ToUnicode map) are remembered per subset: exactly the bytes reportlab would
    write, computed once per process instead of once per letter (approval renders each
    letter as its own PDF).
    """
    face = font.face
    make_subset = face.makeSubset
    add_subset_objects = face.addSubsetObjects
    add_objects = font.addObjects
    subsets: dict[tuple[int, ...], bytes] = {}
    packed: dict[tuple[int, ...], bytes] = {}
    widths: dict[tuple[tuple[int, ...], bool], _Formatted] = {}
    packed_cmaps: dict[tuple[tuple[int, ...], str], bytes] = {}

    def bounded(cache: dict[Any, Any]) -> dict[Any, Any]:
        if len(cache) >= 32:
            cache.clear()
        return cache

    def cached_make_subset(subset: Sequence[int]) -> bytes:
        key = tuple(subset)
        data = subsets.get(key)
        if data is None:
            data = bounded(subsets)[key] = make_subset(subset)
        return data

    def cached_add_subset_objects(doc: Any, fontname: str, subset: Sequence[int]) -> Any:
        descriptor = add_subset_objects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            key = tuple(subset)
            data = packed.get(key)
            if data is None:
                data = bounded(packed)[key] = pdfdoc.PDFZCompress.encode(stream.content)
            stream.content = data
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        return descriptor

    def cached_add_objects(doc: Any) -> None:
        state = font.state.get(doc)
        if state is None:
            add_objects(doc)
            return
        names = [
            (font.getSubsetInternalName(n, doc)[1:], tuple(subset))
            for n, subset in enumerate(state.subsets)
        ]
        add_objects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, subset in names:
            pdf_font = fonts.get(name)
            if pdf_font is None or not isinstance(pdf_font.Widths, pdfdoc.PDFArray):
                continue
            cmap = doc.idToObject.get(pdf_font.ToUnicode.name)
            if cmap is not None and cmap.filters == [pdfdoc.PDFZCompress]:
                key = (subset, cmap.content)
                data = packed_cmaps.get(key)
                if data is None:
                    data = bounded(packed_cmaps)[key] = pdfdoc.PDFZCompress.encode(cmap.content)
                cmap.content = data
                cmap.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
            key = (subset, bool(rl_config.pdfMultiLine))
            formatted = widths.get(key)
            if formatted is None:
                data = pdfdoc.format(pdf_font.Widths, doc)
                formatted = bounded(widths)[key] = _Formatted(data)
            pdf_font.Widths = formatted

    face.makeSubset = cached_make_subset
    face.addSubsetObjects = cached_add_subset_objects
    font.addObjects = cached_add_objects


# --- letterhead (kop surat) --------------------------------------------------------------------


def letterhead_lines(letterhead: Letterhead) -> list[tuple[str, float, str]]:
    """(text, font size, font) per line of the kop surat, top to bottom, rule line not
    included."""
    p = letterhead.profile
    kind = "KELURAHAN" if p.is_kelurahan else "DESA"
    rows: list[tuple[str, float, str]] = [
        (f"PEMERINTAH {p.kabupaten_name.upper()}", 13, SERIF_BOLD),
        (f"KECAMATAN {p.kecamatan_name.upper()}", 13, SERIF_BOLD),
        (f"{kind} {p.desa_name.upper()}", 16, SERIF_BOLD),
    ]
    rows += [(text, CONTACT_SIZE, SERIF_ITALIC) for text in contact_rows(letterhead)]
    return rows


def contact_rows(letterhead: Letterhead) -> list[str]:
    """The contact line, or address / phone and e-mail on two lines when one line
    would not fit beside a logo at a readable size."""
    line = letterhead.contact_line()
    if not line:
        return []
    register_fonts()
    parts = letterhead.contact_parts()
    if len(parts) < 2 or pdfmetrics.stringWidth(line, SERIF_ITALIC, CONTACT_SIZE) <= (
        CONTACT_WIDTH
    ):
        rows = [line]
    else:
        rows = [parts[0], "  ·  ".join(parts[1:])]
    # A long address wraps at a readable size instead of shrinking to nothing.
    return [
        piece
        for row in rows
        for piece in simpleSplit(row, SERIF_ITALIC, CONTACT_SIZE, CONTACT_WIDTH)
    ]


_image_cache: dict[bytes, ImageReader] = {}


def image_reader(data: bytes) -> ImageReader:
    """An ImageReader for PNG/JPEG bytes, cached so 100 letters decode the logo once."""
    key = hashlib.sha1(data).digest()
    reader = _image_cache.get(key)
    if reader is None:
        if len(_image_cache) > 64:
            _image_cache.clear()
        reader = ImageReader(io.BytesIO(data))
        _image_cache[key] = reader
    return reader


LETTERHEAD_LOGO = 24 * mm
CONTACT_SIZE = 8.5
# Text width left beside the logo on the narrowest page (A4 less margins less two logo bands).
CONTACT_WIDTH = 105 * mm


def letterhead_height(letterhead: Letterhead) -> float:
    """Height the kop surat takes, from its top edge to below the double rule."""
    text = sum(size * 1.22 for _t, size, _f in letterhead_lines(letterhead))
    return max(text, LETTERHEAD_LOGO) + 4 * mm


def draw_letterhead(
    canvas: Canvas, letterhead: Letterhead, left: float, right: float, top: float
) -> float:
    """Draw the kop surat between x=left and x=right from y=top down; returns the y under it.

    Logo on the left (when the village has one), the lines centred on the page, then the
    double rule (thick over thin) that Indonesian letterheads end with.
    """
    register_fonts()
    height = letterhead_height(letterhead)
    rule_y = top - height + 2.5 * mm
    centre = (left + right) / 2
    if letterhead.logo:
        reader = image_reader(letterhead.logo)
        iw, ih = reader.getSize()
        scale = min(LETTERHEAD_LOGO / iw, LETTERHEAD_LOGO / ih)
        w, h = iw * scale, ih * scale
        canvas.drawImage(
            reader, left, rule_y + 2.5 * mm + (height - 5 * mm - h) / 2, w, h, mask="auto"
        )
    lines = letterhead_lines(letterhead)
    text_height = sum(size * 1.22 for _t, size, _f in lines)
    y = rule_y + 2 * mm + (height - 4.5 * mm - text_height) / 2 + text_height
    for text, size, font in lines:
        y -= size * 1.22
        fitted = _fit_size(text, font, size, right - left - 2 * (LETTERHEAD_LOGO + 2 * mm))
        canvas.setFont(font, fitted)
        canvas.drawCentredString(centre, y + size * 0.22, text)
    canvas.setLineWidth(2.2)
    canvas.line(left, rule_y, right, rule_y)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule_y - 1.1 * mm, right, rule_y - 1.1 * mm)
    return rule_y - 1.1 * mm


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    """Shrink a line that would not fit (long kabupaten names, long addresses)."""
    actual = float(pdfmetrics.stringWidth(text, font, size))
    if actual <= width or actual == 0:
        return size
    return max(size * width / actual, 6.0)


class LetterheadFlowable(Flowable):  # type: ignore[misc]
    """The kop surat as a platypus flowable (first page of a letter)."""

    def __init__(self, letterhead: Letterhead, width: float):
        super().__init__()
        self.letterhead = letterhead
        self.width = width
        self.height = letterhead_height(letterhead)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        draw_letterhead(self.canv, self.letterhead, 0, self.width, self.height)


# --- signature block ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureBlock:
    """Who signs and how. ``variant``: "kades", "an" (a.n. Kepala Desa, Sekretaris Desa) or
    "ub" (a.n. Kepala Desa / Sekretaris Desa / u.b. ``signer_title``).

    ``place``/``on`` give the "Suka Makmur, 23 November 2026" line; ``enacted=True`` writes
    the SK form "Ditetapkan di … / pada tanggal …" instead.
    """

    profile: VillageProfile
    on: date | None
    variant: str = "kades"
    signer_name: str = ""
    signer_title: str = ""
    signer_id: str = ""  # NIP/NIPD line under the name, if any
    place: str = ""
    enacted: bool = False
    extra_lines: Sequence[str] = field(default_factory=tuple)

    def _office(self) -> str:
        kind = "Lurah" if self.profile.is_kelurahan else "Kepala Desa"
        return f"{kind} {self.profile.desa_name}"

    def header_lines(self) -> list[str]:
        """The lines above the space for the signature (place/date first)."""
        place = self.place or self.profile.desa_name
        when = long_date(self.on) if self.on else "…………………… 20……"
        rows = (
            [f"Ditetapkan di {place}", f"pada tanggal {when}"]
            if self.enacted
            else [f"{place}, {when}"]
        )
        office = self._office()
        if self.variant == "kades":
            rows.append(f"{office.upper() if self.enacted else office},")
        elif self.variant == "an":
            rows += [f"a.n. {office}", f"{self.signer_title or 'Sekretaris Desa'},"]
        elif self.variant == "ub":
            rows += [
                f"a.n. {office}",
                "Sekretaris Desa",
                "u.b.",
                f"{self.signer_title or 'Kepala Urusan Umum'},",
            ]
        else:
            raise ValueError(f"Variasi tanda tangan tidak dikenal: {self.variant!r}")
        rows.extend(self.extra_lines)
        return rows

    def name(self) -> str:
        if self.signer_name:
            return self.signer_name
        if self.variant == "kades":
            return self.profile.kepala_desa_name or "(nama kepala desa)"
        if self.variant == "an":
            return self.profile.sekretaris_desa_name or "(nama sekretaris desa)"
        return "(nama pejabat)"


SIGNATURE_WIDTH = 75 * mm
SIGNATURE_SPACE = 18 * mm


_RT_RW = re.compile(r"\bRT (\S+)/RW (\S+)")
NBSP = "\u00a0"


def keep_rt_rw(text: str) -> str:
    """ "RT 005/RW 002" with no-break spaces: a line never ends between RT and its number."""
    return _RT_RW.sub(lambda m: f"RT{NBSP}{m.group(1)}/RW{NBSP}{m.group(2)}", text)


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy wrap at ordinary spaces only, so a no-break space holds its words together
    (reportlab's simpleSplit breaks at those too); a word wider than the line is split by
    simpleSplit."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if pdfmetrics.stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if pdfmetrics.stringWidth(word, font, size) <= width:
            current = word
        else:
            parts = [str(x) for x in simpleSplit(word.replace(NBSP, " "), font, size, width)]
            lines += parts[:-1]
            current = parts[-1] if parts else ""
    if current:
        lines.append(current)
    return lines


def _split(text: str, font: str, size: float, width: float = SIGNATURE_WIDTH) -> list[str]:
    """A line of the block wrapped to the block's width (a long name with its titles, a long
    desa name): never past the margin."""
    return simpleSplit(text, font, size, width) or [""]


def signature_rows(block: SignatureBlock, size: float = 11) -> tuple[list[str], list[str]]:
    """The header lines and the name lines, each wrapped to the block's width."""
    header = [piece for line in block.header_lines() for piece in _split(line, SERIF, size)]
    return header, _split(block.name(), SERIF_BOLD, size)


def signature_height(block: SignatureBlock, size: float = 11) -> float:
    lead = size * 1.3
    header, names = signature_rows(block, size)
    rows = len(header) + len(names) + (1 if block.signer_id else 0)
    extra = 2 * mm if block.enacted else 0
    return rows * lead + SIGNATURE_SPACE + extra


def draw_signature(
    canvas: Canvas, block: SignatureBlock, x: float, top: float, size: float = 11
) -> float:
    """Draw the block left-aligned at x from y=top down; returns the y under the name.

    The name is bold and underlined; a line is left free for the wet signature and stamp.
    """
    register_fonts()
    lead = size * 1.3
    y = top
    header, names = signature_rows(block, size)
    first_lines = block.header_lines()[:2]
    # The rule goes under "pada tanggal …" (the second line, however the first wrapped).
    date_line = sum(len(_split(line, SERIF, size)) for line in first_lines) - 1
    for i, line in enumerate(header):
        y -= lead
        canvas.setFont(SERIF, size)
        canvas.drawString(x, y + 0.25 * size, line)
        if block.enacted and i == date_line:
            # The short rule under "pada tanggal …" in SK signature blocks.
            canvas.setLineWidth(0.6)
            canvas.line(x, y - 0.5 * mm, x + SIGNATURE_WIDTH - 5 * mm, y - 0.5 * mm)
            y -= 2 * mm
    y -= SIGNATURE_SPACE
    canvas.setFont(SERIF_BOLD, size)
    canvas.setLineWidth(0.7)
    for name in names:
        y -= lead
        canvas.drawString(x, y + 0.25 * size, name)
        width = pdfmetrics.stringWidth(name, SERIF_BOLD, size)
        canvas.line(x, y + 0.25 * size - 1.5, x + width, y + 0.25 * size - 1.5)
    if block.signer_id:
        y -= lead
        canvas.setFont(SERIF, size)
        canvas.drawString(x, y + 0.25 * size, block.signer_id)
    return y


class SignatureFlowable(Flowable):  # type: ignore[misc]
    """The signature block as a flowable, pushed to the right of the text column."""

    def __init__(self, block: SignatureBlock, width: float, size: float = 11):
        super().__init__()
        self.block = block
        self.width = width
        self.size = size
        self.height = signature_height(block, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        draw_signature(self.canv, self.block, self.width - SIGNATURE_WIDTH, self.height, self.size)


class TableWithClosing(Flowable):  # type: ignore[misc]
    """A table and what closes it (total in words, signatures): the closing always stands on
    the page of the table's last rows, with at least ``keep_rows`` of them (the total row
    included), so a signature block never starts a page alone. A long table still breaks
    across pages, its header repeated (the table's ``repeatRows``)."""

    def __init__(self, table: Any, closing: Sequence[Flowable], keep_rows: int = 3):
        super().__init__()
        self.table = table
        self.closing = list(closing)
        self.keep_rows = keep_rows
        self.width = 0.0
        self.height = 0.0
        self._table_height = 0.0
        self._table_x = 0.0
        self._closing_heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        table_width, self._table_height = self.table.wrap(availWidth, availHeight)
        self._closing_heights = [f.wrap(availWidth, availHeight)[1] for f in self.closing]
        # Centred like platypus centres a table, so both parts of a split line up.
        self._table_x = (availWidth - table_width) / 2
        self.width = availWidth
        self.height = self._table_height + sum(self._closing_heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        header = int(getattr(self.table, "repeatRows", 0) or 0)
        body = len(self.table._cellvalues) - header
        keep = min(self.keep_rows, body)
        height = min(availHeight, self._table_height - 1)
        while height > 0:
            parts = self.table.split(availWidth, height)
            if len(parts) == 2:
                first_rows = len(parts[0]._cellvalues) - header
                rest_rows = len(parts[1]._cellvalues) - header
                if first_rows > 0 and rest_rows >= keep:
                    return [parts[0], TableWithClosing(parts[1], self.closing, self.keep_rows)]
            height -= 6
        return []

    def draw(self) -> None:
        y = self.height - self._table_height
        self.table.drawOn(self.canv, self._table_x, y)
        for flowable, height in zip(self.closing, self._closing_heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)


# --- QR code and hashes --------------------------------------------------------------------------


def qr_drawing(payload: str, size: float = 25 * mm) -> Drawing:
    """A square Drawing of ``size`` points holding the QR code for ``payload`` (error level M)."""
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    drawing = Drawing(
        size, size, transform=[size / w, 0, 0, size / h, -x0 * size / w, -y0 * size / h]
    )
    drawing.add(widget)
    return drawing


def _load_zxing() -> Any:
    """zxing-cpp (3.x: ``create_barcode``), or None to fall back on reportlab's encoder."""
    try:
        import zxingcpp
    except ImportError:
        return None
    return zxingcpp if hasattr(zxingcpp, "create_barcode") else None


_zxing: Any = _load_zxing()

# reportlab rebuilds the Reed-Solomon generator polynomial for every block of every code,
# though it depends only on the block's error-correction length (a few distinct values):
# keep each one (the polynomials are never modified, only combined into new ones).
if not hasattr(qrencoder.QRUtil.getErrorCorrectPolynomial, "cache_info"):
    qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(
        functools.cache(qrencoder.QRUtil.getErrorCorrectPolynomial)
    )


def qr_modules(payload: str, level: str = "M") -> list[bytes]:
    """The QR module matrix, one ``bytes`` per row from the top (1 = dark, 0 = light), no
    quiet zone.

    zxing-cpp's C++ encoder (best mask chosen as the standard asks) when it is installed;
    reportlab's pure-Python encoder otherwise (several times slower, one fixed mask: every
    mask is valid for scanners and trying all eight is most of that encoder's time).
    """
    if _zxing is not None:
        code = _zxing.create_barcode(payload, _zxing.BarcodeFormat.QRCode, ec_level=level)
        image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # 0 dark, 255 light
        return [bytes(row).translate(_DARK_IS_ONE) for row in image.tolist()]
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(payload)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return [bytes(1 if dark else 0 for dark in row) for row in qr.modules]


_DARK_IS_ONE = bytes([1] + [0] * 255)  # zxing's image bytes -> 1 for dark, 0 for light
_DARK_RUN = re.compile(b"\x01+")


def qr_path(modules: list[bytes]) -> str:
    """PDF path operators for the dark modules in module units (row 0 at y=0, growing down):
    one ``re`` per horizontal run of dark modules, integer coordinates (a short stream)."""
    return "".join(
        f"{run.start()} {y} {run.end() - run.start()} 1 re\n"
        for y, row in enumerate(modules)
        for run in _DARK_RUN.finditer(row)
    )


def draw_qr(
    canvas: Canvas, payload: str, x: float, y: float, size: float = 25 * mm, border: int = 2
) -> None:
    """Draw the QR code (with a quiet zone of ``border`` modules) with its lower-left corner at
    (x, y), as one filled path of horizontal runs: fast and crisp at any zoom."""
    modules = qr_modules(payload)
    count = len(modules)
    box = size / (count + 2 * border)
    canvas.saveState()
    # Module units with integer coordinates: short content stream, cheap to write.
    canvas.translate(x + border * box, y + (count + border) * box)
    canvas.scale(box, -box)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(qr_path(modules) + "f")
    canvas.restoreState()


def new_canvas(out: Any, paper: str, title: str = "", author: str = "") -> Canvas:
    """A canvas on the setting's paper size with fonts registered and metadata filled."""
    register_fonts()
    canvas = Canvas(out, pagesize=page_size(paper), pageCompression=1)
    if title:
        canvas.setTitle(title)
    if author:
        canvas.setAuthor(author)
    canvas.setCreator("PESIAR Desktop")
    return canvas
