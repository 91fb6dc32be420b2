"""A reminder to one family as the WhatsApp message and the printed slip say it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules import reminders as rc


@dataclass(frozen=True)
class ReminderNotice:
    """What one family is reminded of, on `as_of`.

    Arrears: `amount` is what to pay now — the whole arrears (`total_owed`), or the next
    instalment (`rehab_seq` of `rehab_of`, due `due_on`) when the family has a REHAB plan
    running; `reference` the JKN card number. First premium: `amount` is the family's
    monthly premium, `reference` the registration's VA number, payable from
    `payable_from` to `due_on` (`window`: fieldwork_codes.WINDOW_*).
    """

    kind: str
    family_id: int
    head_name: str
    no_kk: str
    address: str
    area_label: str
    phone: str  # as the register holds it
    people: int
    amount: int
    reference: str  # VA number or JKN card number; "" when not known
    as_of: date
    village_title: str  # "Desa Suka Makmur"
    kader_name: str = ""
    kader_phone: str = ""
    agent_id: int | None = None
    registration_id: int | None = None
    months: int = 0  # arrears: the family's counted months (at most 24)
    total_owed: int = 0  # arrears: the whole amount
    payable_from: date | None = None
    due_on: date | None = None
    window: str = ""  # first premium only
    rehab_seq: int = 0  # arrears with a REHAB plan: the next instalment, 1-based
    rehab_of: int = 0

    @property
    def is_arrears(self) -> bool:
        return self.kind == rc.KIND_ARREARS

    @property
    def reference_label(self) -> str:
        return "No. kartu JKN" if self.is_arrears else "Nomor VA"

    @property
    def lapsed(self) -> bool:
        """A first premium whose last day has passed: the registration must be made again."""
        return not self.is_arrears and self.window == fc.WINDOW_CLOSED

    @property
    def title(self) -> str:
        return "PENGINGAT TUNGGAKAN IURAN JKN" if self.is_arrears else (
            "PENGINGAT IURAN PERTAMA JKN")  # fmt: skip
