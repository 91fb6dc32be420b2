"""Pengingat iuran: what a reminder is about, how it goes out, and the WhatsApp link.

A kader reminds a family in arrears (tunggakan) or one whose first premium after
registering is still unpaid (iuran pertama), by a WhatsApp message opened from a
`https://wa.me/<62…>?text=…` link (WhatsApp's documented click-to-chat form: the number
in international form, digits only; the text URL-encoded) or by a printed slip.
"""

from __future__ import annotations

from urllib.parse import quote

KIND_ARREARS = "ARREARS"
KIND_FIRST_PREMIUM = "FIRST_PREMIUM"
KINDS: dict[str, str] = {
    KIND_ARREARS: "Tunggakan iuran",
    KIND_FIRST_PREMIUM: "Iuran pertama",
}

CHANNEL_WHATSAPP = "WHATSAPP"
CHANNEL_SLIP = "SLIP"
CHANNELS: dict[str, str] = {
    CHANNEL_WHATSAPP: "WhatsApp",
    CHANNEL_SLIP: "Slip cetak",
}

WA_BASE = "https://wa.me/"


def whatsapp_url(number: str, text: str) -> str:
    """The click-to-chat link for an international number (62812…) and a message; every
    character of the text but letters, digits and `-._~` is percent-encoded (UTF-8), so
    new lines, "&", "?" and "#" survive."""
    if not number.isdigit():
        raise ValueError(f"not an international number: {number!r}")
    return f"{WA_BASE}{number}?text={quote(text, safe='')}"
