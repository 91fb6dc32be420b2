"""Demo part for keaktifan: families in arrears brought back to active this month (paid in
full), REHAB instalment plans at different stages (one paid off this month, one halfway,
one just started), all through the reactivation service so every figure (Beranda, agent
progress, the recap's Keaktifan sheet) has something to show on a fresh demo.

The demo's BPJS list is dated the first of the running month (`register`): a family is
reactivated after it (a completion before it would contradict the list), while REHAB
instalments, which leave the members in arrears until the last one, start months earlier."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.models import Reactivation
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules import premiums
from pesiar_desktop.services import arrears, reactivation
from pesiar_desktop.services.arrears import FamilyArrears
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.reactivation import PaymentInput

FULL_PAYMENTS = 8  # families reactivated in full this month
# REHAB plans: (instalments, months since the start, instalments paid so far)
REHAB_PLANS = ((2, 1, 2), (6, 3, 3), (3, 0, 1))
KADERS = ("Ibu Hj. Sumiati", "Ibu Baiq Nurhayati", "Bapak L. Kertawangsa")


def _month_back(today: date, back: int, day: int) -> date:
    index = today.year * 12 + today.month - 1 - back
    year, month = divmod(index, 12)
    return min(date(year, month + 1, min(day, 28)), today)


def _payment(rng: random.Random, paid_on: date, amount: int) -> PaymentInput:
    """Paid by the family at the office, or collected by a Kader JKN."""
    if rng.random() < 0.5:
        return PaymentInput(paid_on, amount, fc.COLLECTOR_FAMILY)
    return PaymentInput(paid_on, amount, fc.COLLECTOR_KADER, collector_name=rng.choice(KADERS))


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    require(actor, reactivation.PERMISSION)
    today = min(today, clock.today())  # the service refuses payments dated in the future
    with db.read() as session:
        if session.scalar(select(func.count(Reactivation.id))):
            return ""
    rng = random.Random(seed + 1414)
    owing = [f for f in arrears.list_arrears(db, today) if f.amount_owed and not f.missing_rate]
    if not owing:
        return ""
    rng.shuffle(owing)
    rehab_able = [f for f in owing if f.rehab_allowed]
    plans: list[FamilyArrears] = rehab_able[: len(REHAB_PLANS)]
    full = [f for f in owing if f not in plans and f.months_counted <= 12][:FULL_PAYMENTS]
    list_date = today.replace(day=1)
    for family in full:
        paid_on = list_date + timedelta(days=rng.randint(0, (today - list_date).days))
        reactivation.pay(
            db,
            actor,
            family.family_id,
            _payment(rng, paid_on, family.amount_owed),
        )
    for family, (instalments, months_ago, paid) in zip(plans, REHAB_PLANS, strict=False):
        start = _month_back(today, months_ago, 5)
        schedule = premiums.rehab_schedule(family.amount_owed, instalments, start)
        for seq, due_on, amount in schedule[:paid]:
            on = min(due_on + timedelta(days=rng.randint(0, 3)), today)
            if seq == instalments:  # the one that reactivates: after the month's list
                on = max(on, list_date)
            reactivation.pay(
                db,
                actor,
                family.family_id,
                _payment(rng, on, amount),
                rehab=instalments if seq == 1 else None,
            )
    people = sum(f.people for f in full)
    return (
        f"Keaktifan: {len(full)} keluarga menunggak ({people} jiwa) diaktifkan kembali dengan "
        f"membayar lunas, {len(plans)} rencana cicilan REHAB."
    )
