"""CLI: `arrears` and `reactivation pay` on a demo village, with their exit codes."""

from __future__ import annotations

import json

from pesiar_desktop.cli import main
from tests.conftest import as_user
from tests.unit.test_registrations_printouts import pdf_text


def test_arrears_and_reactivation_commands(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path)]
    assert main([*base, "demo", "--residents", "600", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main([*base, "arrears", "--json"]) == 0
    families = json.loads(capsys.readouterr().out)
    assert families, "the demo village has families in arrears"
    for family in families:
        assert family["months_counted"] == min(family["months_in_arrears"], 24)
        assert family["amount_owed"] == sum(m["amount_owed"] for m in family["members"])
        for member in family["members"]:
            assert member["amount_owed"] == member["months_counted"] * member["monthly_premium"]
    family = families[0]
    kk, owed = family["no_kk"], family["amount_owed"]
    nik = family["members"][0]["nik"]
    # Refused: too little, a viewer, an unknown family or user, a bad date.
    assert main([*base, "reactivation", "pay", kk, "35000", *as_user("operator")]) == 1
    assert "kurang" in capsys.readouterr().err
    assert main([*base, "reactivation", "pay", kk, str(owed), *as_user("bpd")]) == 1
    assert "tidak berhak" in capsys.readouterr().err
    assert main([*base, "reactivation", "pay", "1" * 16, str(owed), *as_user("operator")]) == 1
    assert main([*base, "reactivation", "pay", kk, str(owed), "--user", "nobody"]) == 1
    bad_date = [*base, "reactivation", "pay", kk, str(owed), "--date", "2026-13-01"]
    assert main([*bad_date, *as_user("operator")]) == 1
    capsys.readouterr()
    # Paid in full, found by a member's NIK, with its receipt.
    out = tmp_path / "tt.pdf"
    args = [*base, "reactivation", "pay", nik, str(owed), *as_user("operator")]
    assert main([*args, "--receipt", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["completed"] is True
    flat = " ".join(pdf_text(out).split())
    assert result["receipt_number"] in flat and "Pelunasan tunggakan" in flat
    assert main([*base, "arrears", "--json"]) == 0
    assert kk not in {f["no_kk"] for f in json.loads(capsys.readouterr().out)}
    # Paid again: nobody in arrears any more.
    assert main([*args]) == 1
    assert "menunggak" in capsys.readouterr().err
    assert main([*base, "arrears"]) == 0
    assert "Keluarga menunggak:" in capsys.readouterr().out
