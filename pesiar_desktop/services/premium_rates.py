"""The premium table as the rules read it (`rules.premiums.Rate`): one small module so the
registration, arrears and target services share it without importing each other."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pesiar_desktop.models import PremiumRate
from pesiar_desktop.rules.premiums import Rate


def load_rates(session: Session) -> list[Rate]:
    return [
        Rate(r.segment, r.jkn_class, r.amount, r.subsidy, r.valid_from)
        for r in session.scalars(select(PremiumRate))
    ]
