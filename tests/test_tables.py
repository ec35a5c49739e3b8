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
