"""ORM classes only: no behaviour beyond simple derived properties.

A class is imported from its module the first time it is named here (PEP 562), so a
command loads only the models it uses: an import of residents does not build the
agents', fieldwork, letter and reactivation classes (measured 50-90 ms of start-up
with their mapper configuration). Each model module imports the modules its foreign
keys point to, so the tables a class needs are always in the metadata. `Base`, named
here, loads every module first: whoever walks `Base.metadata` (a restore's schema
check, Alembic) sees every table.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pesiar_desktop.models.agents import (
        Agent,
        Assignment,
        AssignmentArea,
        AssignmentFamily,
        FeePayment,
    )
    from pesiar_desktop.models.base import Base
    from pesiar_desktop.models.fieldwork import (
        AdvocacyAttachment,
        AdvocacyEvent,
        PremiumRate,
        Registration,
        RegistrationMember,
        Visit,
        VisitPlan,
    )
    from pesiar_desktop.models.imports import ImportBatch, ImportRow, SavedMapping
    from pesiar_desktop.models.letters import Letter, LetterCounter, LetterText
    from pesiar_desktop.models.membership import Membership, MembershipHistory
    from pesiar_desktop.models.people import Family, Resident
    from pesiar_desktop.models.population import PopulationEvent
    from pesiar_desktop.models.reactivation import (
        ArrearsPayment,
        Reactivation,
        ReactivationMember,
        RehabInstalment,
    )
    from pesiar_desktop.models.reminders import Reminder
    from pesiar_desktop.models.system import AuditLog, Setting, User
    from pesiar_desktop.models.village import Dusun, Rt, Village

# Each class's module.
_MODULE_OF = {
    **dict.fromkeys(
        ("Agent", "Assignment", "AssignmentArea", "AssignmentFamily", "FeePayment"), "agents"
    ),
    **dict.fromkeys(
        (
            "AdvocacyAttachment",
            "AdvocacyEvent",
            "PremiumRate",
            "Registration",
            "RegistrationMember",
            "Visit",
            "VisitPlan",
        ),
        "fieldwork",
    ),
    **dict.fromkeys(("ImportBatch", "ImportRow", "SavedMapping"), "imports"),
    **dict.fromkeys(("Letter", "LetterCounter", "LetterText"), "letters"),
    **dict.fromkeys(("Membership", "MembershipHistory"), "membership"),
    **dict.fromkeys(("Family", "Resident"), "people"),
    "PopulationEvent": "population",
    **dict.fromkeys(
        ("ArrearsPayment", "Reactivation", "ReactivationMember", "RehabInstalment"),
        "reactivation",
    ),
    "Reminder": "reminders",
    **dict.fromkeys(("AuditLog", "Setting", "User"), "system"),
    **dict.fromkeys(("Dusun", "Rt", "Village"), "village"),
}


def load_all() -> None:
    """Import every model module: all tables in `Base.metadata`, all mappers known."""
    for module in sorted(set(_MODULE_OF.values())):
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    if name == "Base":
        load_all()
        from pesiar_desktop.models.base import Base

        value: Any = Base
    elif name in _MODULE_OF:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # the next lookup is a plain one
    return value


__all__ = [
    "Base",
    "load_all",
    "AdvocacyAttachment",
    "AdvocacyEvent",
    "Agent",
    "ArrearsPayment",
    "Assignment",
    "AssignmentArea",
    "AssignmentFamily",
    "AuditLog",
    "Dusun",
    "Family",
    "FeePayment",
    "ImportBatch",
    "ImportRow",
    "Letter",
    "LetterCounter",
    "LetterText",
    "Membership",
    "MembershipHistory",
    "PopulationEvent",
    "PremiumRate",
    "Reactivation",
    "ReactivationMember",
    "Registration",
    "RegistrationMember",
    "RehabInstalment",
    "Reminder",
    "Resident",
    "Rt",
    "SavedMapping",
    "Setting",
    "User",
    "Village",
    "Visit",
    "VisitPlan",
]
