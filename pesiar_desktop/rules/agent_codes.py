"""Where Agen PESIAR come from (DOMAIN.md, People): store the code, show the label."""

from __future__ import annotations

AGENT_SOURCES: dict[str, str] = {
    "KPM": "Kader Pembangunan Manusia",
    "PSM": "Kader Pekerja Sosial Masyarakat",
    "BKKBN": "Kader BKKBN",
    "PERANGKAT": "Perangkat desa",
    "PENDAMPING": "Pendamping desa",
    "TOKOH_AGAMA": "Tokoh agama",
    "BIDAN": "Bidan / tenaga kesehatan",
    "PKK": "Penggerak PKK",
    "KARTAR": "Karang taruna",
    "RELAWAN": "Tenaga sukarela (relawan)",
    "KADER_KES": "Kader kesehatan",
    "BUMDES": "BUMDes",
    "KOPERASI": "Pendamping koperasi",
    "LAINNYA": "Petugas lain yang ditunjuk desa",
}
OTHER = "LAINNYA"


def source_label(code: str, note: str = "") -> str:
    """The label shown in letters; "another officer" shows the desa's own description."""
    if code == OTHER and note.strip():
        return note.strip()
    return AGENT_SOURCES.get(code, code)
