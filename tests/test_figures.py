"""Every figure fits JupyterLab's output column: at most timeline.WIDTH_IN
inches wide (shown at full size at 100 dpi), no text under timeline.TEXT_PT
points, a legend that lists only what occurs."""
from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib.text import Text  # noqa: E402

from labs.lessons.blocking_io import bench  # noqa: E402
from labs.lessons.lost_task import figures as lost_task_figures  # noqa: E402
from labs.practice import exercises, grade  # noqa: E402
from labs.show import tables, timeline  # noqa: E402


def assert_fits(fig):
    import matplotlib.pyplot as plt

    width = fig.get_size_inches()[0]
    small = sorted({(t.get_text(), t.get_fontsize()) for t in fig.findobj(Text)
                    if t.get_visible() and t.get_text().strip()
                    and t.get_fontsize() < timeline.TEXT_PT})
    plt.close(fig)
    assert width <= timeline.WIDTH_IN, width
    assert not small, small


@pytest.fixture(scope="module")
def lost_task_runs(run_once_module):
    return [run_once_module("lost-task", v, 3) for v in ("bad-daemon", "fixed")]


@pytest.fixture(scope="module")
def run_once_module():
    from labs import sandbox
    cache = {}

    def run(lab, variant, deadline):
        if (lab, variant) not in cache:
            cache[lab, variant] = sandbox.run(lab, variant, deadline=deadline)
        return cache[lab, variant]
    return run


def test_a_timeline_fits(lost_task_runs):
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=timeline.figure_size(lost_task_runs[1]))
    timeline.draw(lost_task_runs[1], ax)
    assert_fits(fig)
    assert_fits(tables.timelines(lost_task_runs))


def test_lesson_2s_figures_fit_and_list_only_what_occurs(lost_task_runs):
    assert_fits(lost_task_figures.figure(lost_task_runs[0]))
    fig = lost_task_figures.ledgers(lost_task_runs)
    fixed = fig.axes[1].get_legend()
    labels = [t.get_text() for t in fixed.get_texts()]
    assert "lost" not in labels and "put back" not in labels and "done" in labels
    assert "lost" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert_fits(fig)


def test_a_practice_result_fits():
    ex = exercises.get("lock-leak/safe-transfer")
    assert_fits(grade.grade(ex.id, ex.reference().read_text(), runs=1).figure())


def test_the_benchmark_figure_fits():
    import matplotlib.pyplot as plt
    rows = {f"timeout-{t}": {"median": t / 2, "p99": t, "idle_cpu_s_per_s": 1e-4,
                             "idle_wakeups_per_s": 1 / t} for t in (0.01, 0.1)}
    rows.update(wakeup={"median": 1e-4}, shutdown={"median": 1e-4})
    results = {"mechanisms": rows, "baseline_event_wake_s": {"median": 5e-5},
               "stops": 3, "python": "3.x"}
    fig, ax = plt.subplots(figsize=bench.FIGSIZE)
    bench.draw(results, ax)
    assert_fits(fig)


def test_the_kill_matrix_figure_fits(run_once):
    from labs.lessons.kill_matrix import figures, rows, scene
    row = rows.cells("event", {s: run_once("kill-matrix", f"event.{s}")
                               for s in scene.SCENARIOS})
    assert_fits(figures.draw({"rows": [row, row]}).figure)
