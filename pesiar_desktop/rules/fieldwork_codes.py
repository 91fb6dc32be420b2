"""Code tables for Sisir, Advokasi and Registrasi. Store the code, show the label.

The visit outcomes carry a one-key shortcut (1-7) so a stack of worksheets can be typed
in without the mouse; the same digits are printed on the worksheet's checkboxes.
"""

from __future__ import annotations

from datetime import date

# ---------------------------------------------------------------- visits

OUTCOME_WILLING = "WILLING"
OUTCOME_SELF_REGISTERED = "SELF_REGISTERED"
OUTCOME_REFUSED = "REFUSED"
OUTCOME_NOT_HOME = "NOT_HOME"
OUTCOME_MOVED = "MOVED"
OUTCOME_DIED = "DIED"
OUTCOME_REVISIT = "REVISIT"

VISIT_OUTCOMES: dict[str, str] = {
    OUTCOME_WILLING: "Bersedia mendaftar",
    OUTCOME_SELF_REGISTERED: "Sudah mendaftar sendiri",
    OUTCOME_REFUSED: "Menolak",
    OUTCOME_NOT_HOME: "Tidak di rumah",
    OUTCOME_MOVED: "Pindah",
    OUTCOME_DIED: "Meninggal",
    OUTCOME_REVISIT: "Minta kunjungan ulang",
}
# Shortcut key (and worksheet number) of each outcome, in the order above.
OUTCOME_KEYS: dict[str, str] = {str(i): code for i, code in enumerate(VISIT_OUTCOMES, start=1)}
OUTCOME_KEY_OF: dict[str, str] = {code: key for key, code in OUTCOME_KEYS.items()}
# Outcomes that ask for another visit on a date.
OUTCOMES_NEEDING_DATE = frozenset({OUTCOME_REVISIT})
# Outcomes where a revisit date may be given (not home: come back another day).
OUTCOMES_ALLOWING_DATE = frozenset({OUTCOME_REVISIT, OUTCOME_NOT_HOME, OUTCOME_WILLING})

REFUSAL_CANNOT_AFFORD = "CANNOT_AFFORD"
REFUSAL_FEELS_HEALTHY = "FEELS_HEALTHY"
REFUSAL_DOUBTS_SERVICE = "DOUBTS_SERVICE"
REFUSAL_OTHER = "OTHER"
REFUSAL_REASONS: dict[str, str] = {
    REFUSAL_CANNOT_AFFORD: "Tidak mampu membayar iuran",
    REFUSAL_FEELS_HEALTHY: "Merasa sehat, belum perlu",
    REFUSAL_DOUBTS_SERVICE: "Ragu dengan pelayanan",
    REFUSAL_OTHER: "Alasan lain (lihat catatan)",
}

# Topics explained during a visit or an advocacy event (stored comma-separated).
ADVOCACY_TOPICS: dict[str, str] = {
    "BENEFITS": "Manfaat JKN",
    "RIGHTS": "Hak peserta",
    "DUTIES": "Kewajiban peserta dan iuran",
    "PROCEDURE": "Cara mendaftar (e-Dabu / Mobile JKN)",
    "MOBILE_JKN": "Aplikasi Mobile JKN",
    "PAYMENT": "Cara dan jadwal bayar iuran",
    "REHAB": "Cicilan tunggakan (REHAB)",
    "PBI": "Bantuan iuran PBI / Pemda",
    "FKTP": "Puskesmas / FKTP dan rujukan",
    "FRAUD": "Waspada agen palsu",
}

# ---------------------------------------------------------------- advocacy events

ADVOCACY_KINDS: dict[str, str] = {
    "SOSIALISASI": "Sosialisasi",
    "MUSDES": "Musyawarah desa",
    "POSYANDU": "Posyandu",
    "PENGAJIAN": "Pengajian / majelis taklim",
    "PKK": "Pertemuan PKK",
    "KARANG_TARUNA": "Karang taruna",
    "SEKOLAH": "Sekolah / komite",
    "TOKOH": "Pertemuan tokoh agama / adat",
    "PERUSAHAAN": "Pemberi kerja / badan usaha",
    "LAINNYA": "Lainnya",
}

# ---------------------------------------------------------------- registrations

PATH_PBPU = "PBPU"
PATH_PBI_PROPOSAL = "PBI_PROPOSAL"
PATH_PPU_BU_REPORT = "PPU_BU_REPORT"
REGISTRATION_PATHS: dict[str, str] = {
    PATH_PBPU: "PBPU mandiri",
    PATH_PBI_PROPOSAL: "Usulan PBPU Pemda / PBI (Dinas Sosial)",
    PATH_PPU_BU_REPORT: "Laporan pemberi kerja belum mendaftarkan pekerja (PPU BU)",
}
PATH_SHORT: dict[str, str] = {
    PATH_PBPU: "PBPU mandiri",
    PATH_PBI_PROPOSAL: "Usulan PBI",
    PATH_PPU_BU_REPORT: "Lapor PPU BU",
}
# Segment a member gets when a registration on that path becomes active.
PATH_SEGMENT: dict[str, str] = {
    PATH_PBPU: "PBPU",
    PATH_PBI_PROPOSAL: "PBI_APBD",
    PATH_PPU_BU_REPORT: "PPU_BU",
}

STATUS_SUBMITTED = "submitted"
STATUS_VA_ISSUED = "va_issued"
STATUS_PAID = "paid"
STATUS_ACTIVE = "active"
STATUS_EXPIRED = "expired"
STATUS_CANCELLED = "cancelled"
REGISTRATION_STATUSES: dict[str, str] = {
    STATUS_SUBMITTED: "Diajukan",
    STATUS_VA_ISSUED: "VA terbit",
    STATUS_PAID: "Sudah bayar",
    STATUS_ACTIVE: "Aktif",
    STATUS_EXPIRED: "Kedaluwarsa",
    STATUS_CANCELLED: "Dibatalkan",
}
# Waiting for the first premium (what the follow-up list watches).
UNPAID_STATUSES = (STATUS_SUBMITTED, STATUS_VA_ISSUED)
OPEN_STATUSES = (STATUS_SUBMITTED, STATUS_VA_ISSUED, STATUS_PAID)
FINAL_STATUSES = (STATUS_ACTIVE, STATUS_EXPIRED, STATUS_CANCELLED)

# Where an unpaid PBPU registration stands in its first-payment window (from
# `payment_from` until `payment_due`, both inclusive; services.registrations sets them).
WINDOW_NOT_YET = "not_yet"
WINDOW_OPEN = "open"
WINDOW_CLOSED = "closed"
WINDOW_STATUSES: dict[str, str] = {
    WINDOW_NOT_YET: "Belum bisa dibayar",
    WINDOW_OPEN: "Bisa dibayar",
    WINDOW_CLOSED: "Lewat batas — pendaftaran perlu diulang",
}


def window_status(payment_from: date | None, payment_due: date | None, today: date) -> str:
    """The first-payment window on `today`; no deadline at all counts as closed (it
    should not exist, so it must be chased)."""
    if payment_due is None or today > payment_due:
        return WINDOW_CLOSED
    if payment_from is not None and today < payment_from:
        return WINDOW_NOT_YET
    return WINDOW_OPEN


# ---------------------------------------------------------------- reactivation (keaktifan)

REACTIVATION_FULL = "FULL"
REACTIVATION_REHAB = "REHAB"
REACTIVATION_KINDS: dict[str, str] = {
    REACTIVATION_FULL: "Bayar lunas",
    REACTIVATION_REHAB: "REHAB (cicilan)",
}
REACTIVATION_OPEN = "open"
REACTIVATION_COMPLETED = "completed"
REACTIVATION_CANCELLED = "cancelled"
REACTIVATION_STATUSES: dict[str, str] = {
    REACTIVATION_OPEN: "Berjalan",
    REACTIVATION_COMPLETED: "Aktif kembali",
    REACTIVATION_CANCELLED: "Dibatalkan",
}
COLLECTOR_AGENT = "AGENT"
COLLECTOR_KADER = "KADER"
COLLECTOR_FAMILY = "FAMILY"
COLLECTORS: dict[str, str] = {
    COLLECTOR_AGENT: "Agen PESIAR",
    COLLECTOR_KADER: "Kader JKN",
    COLLECTOR_FAMILY: "Keluarga sendiri",
}
PAYMENT_VALID = "valid"
PAYMENT_CANCELLED = "cancelled"
PAYMENT_CORRECTED = "corrected"
PAYMENT_STATUSES: dict[str, str] = {
    PAYMENT_VALID: "Sah",
    PAYMENT_CANCELLED: "Dibatalkan",
    PAYMENT_CORRECTED: "Dikoreksi",
}

# Allowed moves per path. PBPU pays its own premium through a VA; a proposal to the
# Dinas Sosial or a report to the BPJS branch is either taken up (active) or not.
TRANSITIONS: dict[str, dict[str, frozenset[str]]] = {
    PATH_PBPU: {
        STATUS_SUBMITTED: frozenset({STATUS_VA_ISSUED, STATUS_EXPIRED, STATUS_CANCELLED}),
        STATUS_VA_ISSUED: frozenset({STATUS_PAID, STATUS_EXPIRED, STATUS_CANCELLED}),
        STATUS_PAID: frozenset({STATUS_ACTIVE, STATUS_CANCELLED}),
    },
    PATH_PBI_PROPOSAL: {
        STATUS_SUBMITTED: frozenset({STATUS_ACTIVE, STATUS_CANCELLED}),
    },
    PATH_PPU_BU_REPORT: {
        STATUS_SUBMITTED: frozenset({STATUS_ACTIVE, STATUS_CANCELLED}),
    },
}


def can_move(path: str, current: str, target: str) -> bool:
    return target in TRANSITIONS.get(path, {}).get(current, frozenset())


def topics_to_text(topics: list[str] | tuple[str, ...] | set[str]) -> str:
    """Known topic codes, comma-separated in the table's order."""
    chosen = set(topics)
    return ",".join(code for code in ADVOCACY_TOPICS if code in chosen)


def topics_from_text(text: str) -> list[str]:
    return [code for code in (part.strip() for part in text.split(",")) if code]


def topic_labels(text: str) -> str:
    return ", ".join(ADVOCACY_TOPICS.get(code, code) for code in topics_from_text(text))
