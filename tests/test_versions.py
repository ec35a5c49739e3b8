"""labs.contract.versions: the table of known differences, the banner every notebook
prints first, and the note under a run that disagrees with the text. These
simulate each build (3.9 to 3.16, free-threaded, other platforms), so they run
on any interpreter; make versions runs the real 3.10 to 3.15."""
from __future__ import annotations

import os
import sys
from types import SimpleNamespace

import pytest

from labs.contract import registry, versions
from labs.contract.versions import Build
from labs.lessons.anatomy import measure as anatomy_measure


def build(version=(3, 11, 7), free=False, plat="linux", pidfd=True):
    return Build(version=version, free_threaded=free, gil_enabled=not free,
                 platform=plat, has_pidfd=pidfd)


def outcome(variant, python="3.11.7", lab="anatomy", skipped=None, error=None, **facts):
    return SimpleNamespace(lab=lab, variant=variant, python=python, facts=facts,
                           skipped=skipped, error=error,
                           exit={"code": 0, "signal": None, "timed_out": False})


def keys(build_, lab=None):
    return [d.key for d in versions.applying(build_, lab)]


def test_the_table_has_the_known_differences_each_with_a_source():
    table = {d.key: d for d in versions.DIFFERENCES}
    assert {"gh-130279", "gh-148874", "gh-144748", "gh-125434", "keyword-call",
            "free-threaded"} <= set(table)
    for d in versions.DIFFERENCES:
        assert d.source.startswith("https://") and d.what and d.versions and d.affects
        for lab, variant in d.affects:
            if variant != "*" and lab == "anatomy":
                assert variant in anatomy_measure.LAB.variants, (d.key, variant)


@pytest.mark.parametrize("version", [(3, 10, 13), (3, 11, 7), (3, 12, 1)])
def test_nothing_applies_on_the_checked_versions_before_313(version):
    assert keys(build(version)) == []


def test_lookup_by_version_and_build():
    assert keys(build((3, 13, 0))) == ["gh-130279", "thread-_stop"]
    assert {"gh-148874", "gh-125434", "keyword-call", "thread-_stop"} <= set(keys(build((3, 14, 10))))
    assert "gh-130279" not in keys(build((3, 14, 10)))  # measured: 3.14.10 runs both handlers
    assert "gh-144748" not in keys(build((3, 14, 2)))
    assert {"gh-144748", "keyword-call", "gh-125434"} <= set(keys(build((3, 15, 2))))
    assert "gh-148874" not in keys(build((3, 15, 2)))  # measured: 3.15.2 releases the lock
    assert "free-threaded" in keys(build((3, 14, 0), free=True))
    assert "free-threaded" not in keys(build((3, 14, 0)))
    gil_back_on = Build(version=(3, 14, 0), free_threaded=True, gil_enabled=True,
                        platform="linux", has_pidfd=True)  # PYTHON_GIL=1
    assert "free-threaded" not in keys(gil_back_on)


def test_each_measured_difference_records_where_it_was_measured():
    for d in versions.DIFFERENCES:
        if d.key != "free-threaded":
            assert d.measured_on, d.key
            assert all(any(c.isdigit() for c in m) for m in d.measured_on)


def test_predicted_facts_follow_the_measured_ranges():
    run = ("anatomy", "stop-entering-with")
    assert versions.predicted(*run, (3, 13, 0)) == {}
    assert versions.predicted(*run, (3, 14, 10)) == {"lock_held_after_stop": True,
                                                     "block_entered": False}
    assert versions.predicted(*run, (3, 15, 2)) == {}  # fixed in 3.15
    assert versions.predicted("anatomy", "tight-loop-in-try", (3, 13, 0))["handlers_run"] == []
    assert versions.predicted("anatomy", "tight-loop-in-try", (3, 14, 10)) == {}
    assert versions.predicted("kill-matrix", "async-exc+signal.blocked", (3, 15, 2)) == {"stopped": True}
    assert versions.predicted("kill-matrix", "async-exc+signal.blocked", (3, 14, 10)) == {}
    with pytest.raises(registry.UnknownName):  # a stale id would predict nothing
        versions.predicted("matrix", "async-exc+signal.blocked", (3, 15, 2))


def test_lookup_by_lab():
    assert "gh-148874" in keys(build((3, 14, 0)), "anatomy")
    assert "gh-148874" not in keys(build((3, 14, 0)), "lost-task")


def test_version_of_reads_release_strings():
    assert versions.version_of("3.14.0") == (3, 14, 0)
    assert versions.version_of("3.15.0rc1") == (3, 15, 0)
    assert versions.version_of("3.13") == (3, 13, 0)


def test_banner_on_313_names_the_tight_loop():
    text = versions.banner(build((3, 13, 0)), "anatomy")
    assert "one of the versions" in text and "gh-130279" in text and "(measured)" in text


def test_banner_on_a_checked_version_is_one_line():
    text = versions.banner(build((3, 12, 1)), "anatomy")
    assert text.splitlines() == [
        "Python 3.12.1 (CPython, with the GIL): one of the versions this notebook was "
        "checked on (CPython 3.10 to 3.15 on Linux)."]


def test_banner_on_314_lists_what_applies_to_the_lab():
    text = versions.banner(build((3, 14, 10)), "anatomy")
    assert "one of the versions this notebook was checked on (CPython 3.10 to 3.15" in text
    assert "gh-148874" in text and "gh-125434" in text and "gh-144748" not in text
    assert "gh-148874 [3.14 (3.14.10 measured" in text and "(measured)" in text


def test_banner_on_a_free_threaded_build():
    text = versions.banner(build((3, 14, 0), free=True), "anatomy")
    assert "free-threaded" in text.splitlines()[0]
    assert "skipped" in text and "(cited)" in text and "Debian" not in text


def test_banner_without_a_difference_for_the_lab():
    text = versions.banner(build((3, 15, 0)), "lost-task")
    assert "gh-144748" not in text and "gh-125434" in text
    assert "No known difference" in versions.banner(build((3, 9, 18)), "signal-target")
    assert len(versions.banner(build((3, 14, 0)), "signal-target").splitlines()) == 1
    assert "gh-144748" in versions.banner(build((3, 15, 2)), "signal-target")


@pytest.mark.parametrize("plat, words", [("darwin", "macOS"), ("win32", "Windows")])
def test_banner_off_linux_says_so_with_the_way_out(plat, words):
    text = versions.banner(build((3, 12, 1), plat=plat))
    assert words in text and "needs Linux" in text and "on Linux only" in text
    assert "Binder" in text and "WSL" in text and "container" in text


def test_banner_in_the_browser():
    text = versions.banner(build((3, 12, 1), plat="emscripten"))
    assert "JupyterLite/Pyodide" in text and "cannot start threads" in text


def test_banner_without_pidfd_open():
    assert "pidfd_open" in versions.banner(build((3, 12, 1), pidfd=False))


def test_banner_off_linux_on_an_unchecked_version_lists_both():
    text = versions.banner(build((3, 16, 0), plat="darwin"), "anatomy")
    assert "gh-144748" in text and "macOS" in text


def test_check_here_simulated(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delattr(os, "pidfd_open", raising=False)
    versions.check_here("lock-leak")
    out = capsys.readouterr().out
    assert "macOS" in out and "Binder" in out


def test_check_here_on_this_machine(capsys):
    versions.check_here("anatomy")
    out = capsys.readouterr().out
    assert out.startswith(f"Python {sys.version_info.major}.{sys.version_info.minor}.")
    assert "needs Linux" not in out


def test_expect_is_silent_when_the_facts_match(capsys):
    run = outcome("stop-entering-with", lock_held_after_stop=False)
    assert versions.expect(run, lock_held_after_stop=False) is None  # a cell shows nothing
    assert capsys.readouterr().out == ""
    assert versions.disagreement(run, {"lock_held_after_stop": False}) is None


def test_expect_names_the_known_difference_on_314(capsys):
    run = outcome("stop-entering-with", python="3.14.0", lock_held_after_stop=True,
                  block_entered=False)  # as measured on 3.14.10
    versions.expect(run, lock_held_after_stop=False)
    out = capsys.readouterr().out
    assert "lock_held_after_stop=True" in out and "lock_held_after_stop=False" in out
    assert "known difference: gh-148874" in out and "report" not in out


def test_expect_names_gh_130279_on_313(capsys):
    run = outcome("tight-loop-in-try", python="3.13.0", handlers_run=[],
                  cleanup_finished=False)
    versions.expect(run, handlers_run=["except", "finally"], cleanup_finished=True)
    assert "gh-130279" in capsys.readouterr().out


def test_gh_87135_applies_from_313_8():
    """The 3.13.8 changelog lists gh-87135 (backport PR #137827): a daemon thread
    woken during finalization hangs there too; 3.13.0 was measured ending it."""
    assert "gh-87135" not in keys(build((3, 13, 0)))
    assert "gh-87135" not in keys(build((3, 13, 7)))
    assert "gh-87135" in keys(build((3, 13, 8)), "kill-matrix")
    assert "gh-87135" in keys(build((3, 14, 10)), "kill-matrix")
    assert "gh-87135" in versions.banner(build((3, 13, 9)), "kill-matrix")
    assert versions.predicted("kill-matrix", "daemon-at-exit", (3, 13, 0)) == {}
    hung = {"daemon_os_thread_exited": False, "daemon_hung": True}
    assert versions.predicted("kill-matrix", "daemon-at-exit", (3, 13, 9)) == hung
    run = outcome("daemon-at-exit", python="3.13.9", lab="kill-matrix", **hung)
    note = versions.disagreement(run, {"daemon_os_thread_exited": True, "daemon_hung": False})
    assert "known difference: gh-87135 [3.13.8 and later" in note and "report" not in note
    assert "(measured on 3.10.13 to 3.13.0)" in note
    run_3130 = outcome("daemon-at-exit", python="3.13.0", lab="kill-matrix", **hung)
    assert "No known difference" in versions.disagreement(
        run_3130, {"daemon_os_thread_exited": True, "daemon_hung": False})


def test_the_note_gives_the_releases_that_measured_the_expected_facts():
    """Not one range for every fact: 3.13.0 runs no handler (gh-130279), and
    3.14.10 leaves the lock held (gh-148874)."""
    tight = outcome("tight-loop-in-try", python="3.13.0", handlers_run=[],
                    cleanup_finished=False)
    note = versions.disagreement(tight, {"handlers_run": ["except", "finally"]})
    assert "(measured on 3.10.13 to 3.12.1 and 3.14.10 to 3.15.2)" in note
    entering = outcome("stop-entering-with", python="3.14.10", lock_held_after_stop=True,
                       block_entered=False)
    note = versions.disagreement(entering, {"lock_held_after_stop": False})
    assert "(measured on 3.10.13 to 3.13.0 and 3.15.2)" in note
    keyword = outcome("stop-after-keyword-call", python="3.15.2",
                      ran_after_keyword_call=["next statement"], ran_after_positional_call=[])
    note = versions.disagreement(keyword, {"ran_after_keyword_call": []})
    assert "(measured on 3.10.13 to 3.13.0)" in note
    assert versions.releases_text(versions.measured_where(
        "anatomy", "stop-entering-with", {"lock_held_after_stop": True})) == "3.14.10"
    assert versions.releases_text(versions.measured_where(
        "lock-leak", "bad", {"lock_held_after_stop": True})) == "3.10.13 to 3.15.2"


def test_expect_asks_for_a_report_when_nothing_explains_it(capsys):
    # The same facts on 3.12, where gh-148874 does not apply: unexplained.
    run = outcome("stop-entering-with", python="3.12.1", lock_held_after_stop=True)
    versions.expect(run, lock_held_after_stop=False)
    out = capsys.readouterr().out
    assert "No known difference" in out and "gh-148874" not in out
    assert "python -m labs run anatomy --variant stop-entering-with --json" in out


def test_expect_refuses_a_fact_the_run_does_not_have():
    """Notebook 00 once expected `lock_held_after`, a fact no variant reports:
    every run printed a note asking the learner to report it."""
    run = outcome("stop-entering-with", block_entered=True, lock_held_after_stop=False)
    with pytest.raises(ValueError, match="no fact 'lock_held_after' "
                                         r"\(did you mean 'lock_held_after_stop'\?\)"):
        versions.expect(run, lock_held_after=False)
    with pytest.raises(ValueError, match="its facts: block_entered, lock_held_after_stop"):
        versions.disagreement(run, {"block_entered": True, "lock_held": False})


def test_expect_refuses_the_wrong_name_on_the_real_run(run_once):
    run = run_once("anatomy", "stop-entering-with")
    with pytest.raises(ValueError, match="lock_held_after_stop"):
        versions.expect(run, lock_held_after=False)
    # the right name is accepted: with the value this Python measured (False on
    # 3.14.10 and 3.15.2, gh-148874), agreement; with the other, a disagreement
    seen = run.facts["block_entered"]
    assert versions.disagreement(run, {"block_entered": seen}) is None
    assert versions.disagreement(run, {"block_entered": not seen}) is not None


def test_expect_on_a_missing_fact_and_a_skipped_run(capsys):
    # A run that ended early (an error outcome) misses facts: a note, not a refusal.
    versions.expect(outcome("blocked-in-sleep", error="ended before it reported slept_full"),
                    slept_full=True)
    assert "slept_full='missing'" in capsys.readouterr().out
    versions.expect(outcome("blocked-in-sleep", skipped="a free-threaded build"), slept_full=True)
    assert "skipped here: a free-threaded build" in capsys.readouterr().out


def test_a_skipped_run_shows_its_reason_in_the_facts_table():
    from labs.sandbox import Outcome
    from labs.show import tables as report
    skipped = Outcome(lab="anatomy", variant="only-scheduled", hazard_observed=None, facts={},
                      exit={"code": 0, "signal": None, "timed_out": False}, elapsed_s=0.1,
                      stacks=None, timeline=[], python="3.14.0",
                      skipped="a free-threaded build: these runs rely on the GIL")
    assert "skipped      a free-threaded build: these runs rely on the GIL" in \
        report.facts_table([skipped])


def test_the_version_check_compares_the_key_facts():
    """The verdict cannot tell 3.14's regression: the facts can."""
    leaked = outcome("stop-entering-with", python="3.14.10", block_entered=False,
                     lock_held_after_stop=True)
    released = outcome("stop-entering-with", python="3.15.2", block_entered=True,
                       lock_held_after_stop=False)
    assert versions.fact_problem(leaked) is None  # what 3.14 does (gh-148874)
    assert versions.fact_problem(released) is None  # what 3.15 does (fixed)
    released_on_314 = outcome("stop-entering-with", python="3.14.10", block_entered=True,
                              lock_held_after_stop=False)
    assert "lock_held_after_stop=False (expected True)" in versions.fact_problem(released_on_314)
    assert "lock_held_after_stop=True (expected False)" in versions.fact_problem(
        outcome("stop-entering-with", python="3.15.2", block_entered=True,
                lock_held_after_stop=True))
    assert versions.fact_problem(outcome("tight-loop-in-try", python="3.13.0", handlers_run=[],
                                         cleanup_finished=False)) is None
    assert "handlers_run" in versions.fact_problem(
        outcome("tight-loop-in-try", python="3.14.10", handlers_run=[], cleanup_finished=False))
    late = {"ran_after_keyword_call": ["next statement"], "ran_after_positional_call": []}
    assert versions.fact_problem(outcome("stop-after-keyword-call", python="3.15.2", **late)) is None
    assert versions.fact_problem(outcome("stop-after-keyword-call", python="3.13.0", **late))
    assert versions.fact_problem(outcome("only-scheduled", python="3.15.2")) is None  # no key facts


def test_key_facts_name_real_variants():
    for (lab, variant) in versions.KEY_FACTS:
        assert lab == "anatomy" and variant in anatomy_measure.LAB.variants
