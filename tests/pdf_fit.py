"""Checks that a PDF's text fits: every glyph inside the printable page (5 mm from each edge,
what office printers reach; footers sit in the margin below the text frame), no glyph on top of
another, no glyph cut by a table rule, and the whole value readable back (issue 15).

pdfplumber gives every glyph's box and every drawn line/rectangle edge; a glyph that ran out
of its cell crosses the cell's rule or lands on the neighbour's text, and a line that ran off
the page ends past the margin.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4


@dataclass
class Glyph:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def _norm(text: str) -> str:
    return "".join(text.split())


def pdf_plain_text(data: bytes) -> str:
    """Text in reading order (poppler keeps a table cell's wrapped lines together)."""
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")


def check_pdf_fits(
    data: bytes,
    values: list[str],
    *,
    margin: float = 5 * MM,
    skip_pages: tuple[int, ...] = (),
) -> list[str]:
    """Problems found (empty when the PDF is right)."""
    problems: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if number in skip_pages:
                continue
            width, height = float(page.width), float(page.height)
            glyphs = [
                Glyph(number, c["text"], c["x0"], c["x1"], c["top"], c["bottom"])
                for c in page.chars
                if abs(c["matrix"][1]) < 0.01 and c["text"].strip()
                # Horizontal text only: the rotated "KONSEP" watermark crosses everything.
            ]
            for g in glyphs:
                if (
                    g.x0 < margin - 0.5
                    or g.x1 > width - margin + 0.5
                    or g.top < margin - 0.5
                    or g.bottom > height - margin + 0.5
                ):
                    problems.append(f"p{number}: {g.text!r} past the margin at x={g.x0:.0f}")
            problems += _overlaps(glyphs)
            problems += _crossed_rules(page, glyphs)
    text = _norm(pdf_plain_text(data))
    for value in values:
        if _norm(value) not in text:
            problems.append(f"not read back whole: {value!r}")
    return problems[:40]


def _overlaps(glyphs: list[Glyph]) -> list[str]:
    """Glyphs drawn over each other (two texts collided)."""
    found: list[str] = []
    ordered = sorted(glyphs, key=lambda g: g.x0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.x0 >= a.x1 - 0.6:
                break
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.bottom, b.bottom) - max(a.top, b.top)
            # Glyph boxes include the font's ascent/descent: lines set solid touch a little.
            small = min(a.bottom - a.top, b.bottom - b.top)
            if overlap_x > 0.6 and overlap_y > 0.35 * small:
                found.append(f"p{a.page}: {a.text!r} over {b.text!r} at x={a.x0:.0f}")
                if len(found) > 10:
                    return found
    return found


def _crossed_rules(page: pdfplumber.page.Page, glyphs: list[Glyph]) -> list[str]:
    """A vertical rule (table grid, box edge) passing through a glyph: text ran out of its
    cell."""
    found: list[str] = []
    rules = [
        (e["x0"], e["top"], e["bottom"])
        for e in page.edges
        if e["orientation"] == "v" and e["bottom"] - e["top"] > 3
    ]
    for g in glyphs:
        mid = (g.top + g.bottom) / 2
        for x, top, bottom in rules:
            if g.x0 + 0.8 < x < g.x1 - 0.8 and top < mid < bottom:
                found.append(f"p{g.page}: {g.text!r} cut by a rule at x={x:.0f}")
                break
        if len(found) > 10:
            break
    return found
