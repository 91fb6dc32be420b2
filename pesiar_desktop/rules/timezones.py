"""Indonesia's three time zones, from the province part of a village's region code.

WIB (UTC+7): Sumatra, Java, West and Central Kalimantan. WITA (UTC+8): Bali, Nusa Tenggara,
South, East and North Kalimantan, Sulawesi. WIT (UTC+9): Maluku and Papua. The program
stores times in UTC; screens show them in the village's own zone, labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone


@dataclass(frozen=True)
class Zone:
    label: str  # WIB, WITA, WIT
    hours: int  # ahead of UTC

    @property
    def tzinfo(self) -> timezone:
        return timezone(timedelta(hours=self.hours), self.label)


WIB = Zone("WIB", 7)
WITA = Zone("WITA", 8)
WIT = Zone("WIT", 9)

# Province codes (Kemendagri) outside WIB.
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}


def zone_for_region(region_code: str) -> Zone:
    """The zone of a region code such as 52.01.01.2005 (WITA); WIB when unknown."""
    province = region_code.replace(".", "")[:2]
    if province in _WIT_PROVINCES:
        return WIT
    if province in _WITA_PROVINCES:
        return WITA
    return WIB


def local_time(moment: datetime, zone: Zone) -> datetime:
    """`moment` (UTC; naive values are taken as UTC, as the database stores them) in `zone`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone.tzinfo)
