"""Nothing is cut off or runs past a margin in any PDF (issue 15 item 1): every document
rendered from the long-text village (tests/long_text.py) is read back with pdfplumber."""

from __future__ import annotations

import pytest

from tests import long_text as lt
from tests.pdf_fit import check_pdf_fits


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
