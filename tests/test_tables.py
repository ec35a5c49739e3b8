"""The tables people read: text for print() and terminals, HTML for Jupyter."""
from __future__ import annotations

from labs.show import tables


def test_a_grid_is_its_text_and_shows_as_html_in_jupyter():
    t = tables.grid(["", "bad", "fixed"], [["ledger", "[cut off, cut off]", "[stopped]"],
                                           ["ended", "hung", "exit 0"]], rule=False)
    assert str(t).splitlines() == ["        bad                 fixed",
                                   "ledger  [cut off, cut off]  [stopped]",
                                   "ended   hung                exit 0"]
    assert repr(t) == str(t)  # Jupyter's text/plain: the table, not a quoted string
    page = t._repr_html_()
    assert page.startswith("<table") and page.count("<tr>") == 3
    assert ">[cut off, cut off]</td>" in page and "<th" in page


def test_html_escapes_and_keeps_lines():
    t = tables.grid(["a", "b"], [["<x>", "one\ntwo"]], right=[1])
    page = t._repr_html_()
    assert "&lt;x&gt;" in page and "one<br>two" in page and "text-align:right" in page


def test_stacked_timelines_share_one_time_scale():
    """A 20 ms run under a 2.5 s one: the same x range, so that bars of the
    same length mean the same time."""
    import matplotlib
    matplotlib.use("Agg")
    from labs.contract.outcome import Outcome

    def run(variant, seconds):
        events = [{"t": 0.0, "kind": "state", "thread": "MainThread", "state": "working"},
                  {"t": seconds, "kind": "state", "thread": "MainThread", "state": "done"}]
        return Outcome(lab="handed-off", variant=variant, hazard_observed=False, facts={},
                       exit={"code": 0, "signal": None, "timed_out": False}, child_elapsed_s=seconds,
                       elapsed_s=seconds, stacks=None, timeline=events, python=None)

    fig = tables.timelines([run("bad-exit", 2.5), run("fixed-join", 0.02)])
    long, short = (ax.get_xlim() for ax in fig.axes[:2])
    assert long == short and long[1] >= 2.5


def test_versions_table_shows_each_release_measured(tmp_path, monkeypatch):
    import json
    data = {"versions": {"3.13": {"release": "3.13.0", "facts": {
                "anatomy/stop-entering-with": {"lock_held_after_stop": False}}},
            "3.14": {"release": "3.14.10", "facts": {
                "anatomy/stop-entering-with": {"lock_held_after_stop": True}}},
            "3.15": {"release": "3.15.2", "facts": {}}}}
    monkeypatch.setattr(tables, "MEASURED", tmp_path / "m.json")
    tables.MEASURED.write_text(json.dumps(data))
    t = tables.versions_table("anatomy", "stop-entering-with")
    assert t.head == ["", "3.13.0", "3.14.10", "3.15.2"]
    assert t.rows == [["lock_held_after_stop", "no", "yes", "-"]]


def test_the_measured_file_covers_every_run_on_six_versions():
    """make versions wrote it; every run the notebooks show, on 3.10 to 3.15."""
    import json

    from labs.contract import versions
    found = json.loads(tables.MEASURED.read_text())["versions"]
    assert sorted(found, key=versions.version_of) == list(versions.SUPPORTED)
    for minor, v in found.items():
        assert v["release"].startswith(minor + ".")
        for (lab, variant), keys in versions.ACROSS_VERSIONS.items():
            assert set(v["facts"][f"{lab}/{variant}"]) == set(keys), (minor, lab, variant)


def test_make_versions_merges_what_it_measured_into_the_file(tmp_path):
    """A version not found this time keeps its last measurement."""
    import importlib
    import json
    script = importlib.import_module("versions")  # scripts/versions.py
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"versions": {"3.14": {"release": "3.14.10", "facts": {"a/b": {"x": 1}}}}}))
    script.write_measured({"3.10": ("3.10.13", {"a/b": {"x": 0}})}, path)
    got = json.loads(path.read_text())["versions"]
    assert list(got) == ["3.10", "3.14"] and got["3.14"]["facts"] == {"a/b": {"x": 1}}
