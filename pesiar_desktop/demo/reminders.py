"""Demo part for reminders (pengingat): about half the families in arrears and half the
unpaid first premiums of the follow-up list were reminded in the last three weeks, by
WhatsApp when their number can be used, else by a printed slip; some twice. Runs after
the field work and any reactivations, so the follow-up list's "Terakhir diingatkan" and
the reminder counts are not empty on a fresh demo."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select

from pesiar_desktop.db import Database
from pesiar_desktop.models import Reminder
from pesiar_desktop.reportdata.reminders import ReminderNotice
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.rules.phone import normalise_mobile
from pesiar_desktop.services import reminders
from pesiar_desktop.services.context import Actor

MAX_FAMILIES = 150  # a big demo village stays quick to build
SHARE = 0.5
DAYS_BACK = 21


def add_reminders(db: Database, actor: Actor, *, seed: int, today: date) -> int:
    """Record the demo's reminders; returns how many (0 when some already exist)."""
    with db.read() as session:
        if session.scalar(select(func.count(Reminder.id))):
            return 0
    rng = random.Random(seed + 1414)
    targets = [t for t in reminders.everyone(db, today) if rng.random() < SHARE]
    notices = reminders.prepare(db, targets[:MAX_FAMILIES], today)
    sent: dict[tuple[date, str], list[ReminderNotice]] = defaultdict(list)
    for notice in notices:
        channel = (
            rc.CHANNEL_WHATSAPP if normalise_mobile(notice.phone).ok else rc.CHANNEL_SLIP
        )  # fmt: skip
        day = today - timedelta(days=rng.randint(0, DAYS_BACK))
        sent[(day, channel)].append(notice)
        if rng.random() < 0.2:  # an earlier printed slip, then this one
            sent[(day - timedelta(days=rng.randint(7, 14)), rc.CHANNEL_SLIP)].append(notice)
    count = 0
    for (day, channel), group in sorted(sent.items()):
        count += len(reminders.record(db, actor, group, channel, day))
    return count


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    count = add_reminders(db, actor, seed=seed, today=today)
    return f"{count} pengingat iuran terkirim (WhatsApp atau slip)." if count else ""
