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
    assert page.startswith("<table>") and page.count("<tr>") == 3
    assert ">[cut off, cut off]</td>" in page and "<th" in page


def test_html_escapes_and_keeps_lines():
    t = tables.grid(["a", "b"], [["<x>", "one\ntwo"]], right=[1])
    page = t._repr_html_()
    assert "&lt;x&gt;" in page and "one<br>two" in page and "text-align: right" in page
