"""PPh 21 withheld from an agent's fee (the treasurer's payment list).

An Agen PESIAR is paid as a non-employee (bukan pegawai): PPh 21 is the Pasal 17 rate on 50 %
of the gross, 5 % x 50 % = 2,5 % in the first bracket. Villages and tax offices differ (an
agent with a certificate may be exempt), so the rate is a setting in hundredths of a percent
(``fees.pph21_rate_bp``: 250 = 2,5 %, 0 = none) and this module only does the arithmetic.
"""

from __future__ import annotations

from pesiar_desktop.rules.formatting import percent

BASIS = 10_000  # the rate is in hundredths of a percent


def pph21(gross: int, rate_bp: int) -> int:
    """The tax in whole rupiah, rounded down (the payee is never charged a fraction)."""
    if gross <= 0 or rate_bp <= 0:
        return 0
    return gross * rate_bp // BASIS


def rate_label(rate_bp: int) -> str:
    """ "2,5 %" (two decimals only when needed: 2,25 %)."""
    digits = 0 if rate_bp % 100 == 0 else 1 if rate_bp % 10 == 0 else 2
    return percent(rate_bp / 100, digits)
