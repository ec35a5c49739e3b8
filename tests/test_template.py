"""The template lab that CONTRIBUTING.md tells maintainers to copy: it keeps
the contract (a verdict only from measured facts, the hazard in bad only)."""
from __future__ import annotations

from labs.contract import registry


def test_the_template_lab_shows_its_hazard_in_bad_only(run_once):
    lab = registry.get_lab("template")
    assert "template" not in registry.lab_ids()  # hidden: not in list or demo
    bad, fixed = run_once("template", "bad"), run_once("template", "fixed")
    assert bad.error is None and fixed.error is None
    assert bad.facts["pairs_intact"] is False and bad.hazard_observed is True
    assert fixed.facts["pairs_intact"] is True and fixed.hazard_observed is False
    assert lab.required_facts("bad") == ("pairs_intact",)
