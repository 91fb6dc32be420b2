"""Letter numbers from the regency's token template (setting ``letters.number_template``).

Tokens: ``{kode}`` (classification code of the letter type), ``{urut}`` (the yearly
sequence; ``{urut:03}`` pads it to three digits), ``{kode_desa}``, ``{bulan_romawi}``
(XI), ``{bulan}`` (11), ``{tahun}`` (2026). Example:
``{kode}/{urut:03}/{kode_desa}/{bulan_romawi}/{tahun}`` → ``400.7/012/DS-2005/XI/2026``.
"""

from __future__ import annotations

import string
from datetime import date

from pesiar_desktop.rules.formatting import roman_month

TOKENS = ("kode", "urut", "kode_desa", "bulan_romawi", "bulan", "tahun")
DEFAULT_TEMPLATE = "{kode}/{urut:03}/{kode_desa}/{bulan_romawi}/{tahun}"
MAX_LENGTH = 80  # letter.number column


class TemplateError(ValueError):
    """The template cannot make numbers; the message is Indonesian and shown as is."""


def template_errors(template: str) -> list[str]:
    """Why a template is unusable (empty list when it is fine)."""
    errors: list[str] = []
    if not template.strip():
        return ["Templat nomor surat kosong."]
    try:
        fields = [
            (name, spec)
            for _text, name, spec, _conv in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError as err:
        return [f"Templat nomor surat tidak sah ({err}); periksa tanda kurung kurawal."]
    names = [name for name, _spec in fields]
    unknown = sorted({n for n in names if n not in TOKENS})
    if unknown:
        errors.append(
            "Token tidak dikenal: "
            + ", ".join("{" + n + "}" for n in unknown)
            + ". Yang boleh: "
            + ", ".join("{" + t + "}" for t in TOKENS)
            + "."
        )
    if "urut" not in names:
        errors.append("Templat harus memuat {urut}, nomor urut surat; tanpa itu nomor akan kembar.")
    if "tahun" not in names:
        errors.append("Templat harus memuat {tahun}: nomor urut dimulai lagi setiap tahun.")
    for name, spec in fields:
        if spec and name != "urut":
            errors.append(
                f"Format hanya boleh pada {{urut}} (mis. {{urut:03}}), bukan {{{name}:{spec}}}."
            )
        elif spec and name == "urut":
            try:
                format(1, spec)
            except ValueError:
                errors.append(f"Format {{urut:{spec}}} tidak sah; contoh yang benar: {{urut:03}}.")
    return errors


def format_number(template: str, *, kode: str, seq: int, kode_desa: str, on: date) -> str:
    """The letter number for sequence ``seq`` of the year of ``on``."""
    errors = template_errors(template)
    if errors:
        raise TemplateError(" ".join(errors))
    number = template.format(
        kode=kode,
        urut=seq,
        kode_desa=kode_desa,
        bulan_romawi=roman_month(on),
        bulan=f"{on.month:02d}",
        tahun=on.year,
    )
    if len(number) > MAX_LENGTH:
        raise TemplateError(f"Nomor surat terlalu panjang ({len(number)} > {MAX_LENGTH} huruf).")
    return number


def default_village_code(region_code: str, is_kelurahan: bool = False) -> str:
    """``DS-2005`` from region code 52.01.01.2005 (``KEL-1001`` for a kelurahan)."""
    digits = region_code.replace(".", "")
    return f"{'KEL' if is_kelurahan else 'DS'}-{digits[-4:]}"
