"""Nothing is cut off or runs past a margin in any PDF (issue 15 item 1): every document
rendered from the long-text village (tests/long_text.py) is read back with pdfplumber."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from tests import long_text as lt
from tests.pdf_fit import check_pdf_fits, pdf_plain_text


@pytest.fixture(scope="module")
def long_village(tmp_path_factory):
    built = lt.build(tmp_path_factory.mktemp("long"))
    yield built
    built.db.dispose()


LETTER_VALUES = {
    "sk": [lt.KADES, lt.AGENT, lt.UNSUR],
    "surat_tugas": [lt.KADES, lt.AGENT, lt.UNSUR, lt.ADDRESS],
    "pakta": [lt.KADES, lt.AGENT, lt.UNSUR, lt.ADDRESS],
    "receipt": [lt.ADDRESS, lt.HEAD],
    "worksheet": [lt.HEAD, lt.ADDRESS, lt.AGENT],
    "recap": [lt.KADES, lt.AGENT],
    "fees": [lt.KADES, lt.AGENT],
}


@pytest.mark.parametrize("name", sorted(LETTER_VALUES))
def test_every_glyph_fits(long_village, name):
    data = long_village.pdfs[name]
    assert check_pdf_fits(data, LETTER_VALUES[name]) == []


@pytest.mark.parametrize("name", ["sk", "surat_tugas", "pakta"])
def test_drafts_fit_too(long_village, name):
    data = long_village.pdfs[f"{name}_draft"]
    assert check_pdf_fits(data, LETTER_VALUES[name]) == []


def _page_starts(data: bytes, words: int = 8) -> list[str]:
    """The first upright words of every page (the rotated KONSEP watermark left out)."""
    starts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            upright = [w for w in page.extract_words(keep_blank_chars=False) if w["upright"]]
            upright.sort(key=lambda w: (round(w["top"]), w["x0"]))
            starts.append(" ".join(w["text"] for w in upright[:words]))
    return starts


@pytest.mark.parametrize("name", ["sk", "surat_tugas", "pakta"])
def test_approved_letter_breaks_its_pages_where_the_draft_did(long_village, name):
    """Issue 15 item 2: approving adds the number, date and QR, nothing moves."""
    draft = _page_starts(long_village.pdfs[f"{name}_draft"])
    approved = _page_starts(long_village.pdfs[name])
    assert len(approved) == len(draft)
    assert approved == draft
    if name == "sk":
        assert len(draft) >= 2  # the long-text SK does run over a page break


@pytest.mark.parametrize("name", ["sk", "surat_tugas", "id_card"])
def test_letters_write_the_area_as_offices_do(long_village, name):
    plain = pdf_plain_text(long_village.pdfs[name])
    text = " ".join(plain.split())
    assert re.search(r"RT\s\d{3}/RW\s\d{3}", text)
    assert not re.search(r"RT \d{3}, \d{3}", text)  # not the old "RT 001, 002"
    # A line never ends between "RT" and its number, or between "RW" and its number.
    assert not [line for line in plain.splitlines() if re.search(r"(\bRT|/RW)\s*$", line)]


def test_a_long_village_name_stays_inside_the_pakta_signatures(village_db, admin):
    """The place line over the agent's signature ("<desa>, <date>") and the "Kepala Desa
    <desa>," line on the left were drawn unwrapped: a long village name ran past the right
    margin (almost off the paper) and the left column into the agent's."""
    from sqlalchemy import update

    from pesiar_desktop.models.village import Village
    from pesiar_desktop.reports.letters_pdf import MARGIN_RIGHT
    from pesiar_desktop.services import letters
    from tests.unit.test_agents_support import make_agent

    with village_db.transaction() as session:
        session.execute(
            update(Village).values(desa_name="Karang Bayan Timur Laut Sejahtera Makmur")
        )
    agent = make_agent(village_db, admin, lt.AGENT)
    row = letters.draft(village_db, admin, letters.TYPE_PAKTA, agent_id=agent.id)
    data = letters.pdf_bytes(village_db, row.id)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            right = page.width - MARGIN_RIGHT + 1
            late = [w["text"] for w in page.extract_words() if w["upright"] and w["x1"] > right]
            assert late == []
