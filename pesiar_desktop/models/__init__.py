"""ORM classes only: no behaviour beyond simple derived properties."""

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

__all__ = [
    "AdvocacyAttachment",
    "ArrearsPayment",
    "Reactivation",
    "ReactivationMember",
    "RehabInstalment",
    "Reminder",
    "AdvocacyEvent",
    "Agent",
    "Assignment",
    "AssignmentArea",
    "AssignmentFamily",
    "FeePayment",
    "Letter",
    "LetterCounter",
    "LetterText",
    "PremiumRate",
    "Registration",
    "RegistrationMember",
    "Visit",
    "VisitPlan",
    "AuditLog",
    "Base",
    "Dusun",
    "Family",
    "ImportBatch",
    "ImportRow",
    "Membership",
    "MembershipHistory",
    "PopulationEvent",
    "Resident",
    "Rt",
    "SavedMapping",
    "Setting",
    "User",
    "Village",
]
