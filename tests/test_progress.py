"""labs.show.progress: "k of n: label" while a long run goes, one line when stopped."""
from __future__ import annotations

import io
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from labs.sandbox import PROJECT_ROOT
from labs.show.progress import BLANK, Progress, Stopped, stoppable
from tests.conftest import as_from_a_terminal
from tests.kernels import AsyncIpcKernelManager, start_ipc_kernel


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_rewrites_one_line_then_erases_it():
    screen = Terminal()
    with Progress("the kill matrix", jupyter=False, stream=screen) as progress:
        progress(1, 3, "async-exc")
        progress(2, 3, "stopit")
    written = screen.getvalue()
    assert "\n" not in written
    assert "\rthe kill matrix: 1 of 3: async-exc" in written
    assert "\rthe kill matrix: 2 of 3: stopit" in written
    assert written.endswith("\r" + " " * len("the kill matrix: 2 of 3: stopit") + "\r")


def test_terminal_line_never_wraps(monkeypatch):
    monkeypatch.setenv("COLUMNS", "30")
    screen = Terminal()
    Progress("the kill matrix", jupyter=False, stream=screen)(7, 10, "x" * 80)
    assert len(screen.getvalue().lstrip("\r")) < 30


def test_not_a_terminal_prints_nothing():
    log = io.StringIO()
    with Progress("the bench", jupyter=False, stream=log) as progress:
        progress(1, 2, "poll")
    assert log.getvalue() == ""


def test_jupyter_updates_one_display_and_ends_blank(monkeypatch):
    shown = []

    class Handle:
        def update(self, bundle, raw):
            shown.append(bundle)

    def display(bundle, raw, display_id):
        assert display_id is True
        shown.append(bundle)
        return Handle()

    monkeypatch.setattr("IPython.display.display", display)
    with Progress("the kill matrix", jupyter=True) as progress:
        progress(1, 2, "async-exc <busy>")
        progress(2, 2, "stopit")
    assert shown[0] == BLANK and shown[-1] == BLANK
    assert shown[1]["text/plain"] == "the kill matrix: 1 of 2: async-exc <busy>"
    assert '<progress value="1" max="2"' in shown[1]["text/html"]
    assert "&lt;busy&gt;" in shown[1]["text/html"]


def test_ctrl_c_in_jupyter_becomes_stopped():
    with pytest.raises(Stopped) as stopped:
        with stoppable("the kill matrix", jupyter=True):
            raise KeyboardInterrupt
    assert stopped.value._render_traceback_() == [
        "stopped: the kill matrix; nothing left running"]


def test_other_errors_pass_through():
    with pytest.raises(ValueError):
        with Progress("x", jupyter=False, stream=io.StringIO()):
            raise ValueError("not ours")


def test_ctrl_c_in_a_terminal_says_one_line_and_exits_130():
    """A real SIGINT to a real process, in the middle of a run."""
    script = textwrap.dedent("""
        import os, signal, sys
        from labs.show.progress import Progress
        with Progress("the kill matrix") as progress:
            progress(1, 30, "async-exc")
            print("running", flush=True)
            sys.stdin.readline()   # the parent sends SIGINT now
        print("not reached")
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=PROJECT_ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, preexec_fn=as_from_a_terminal)
    try:
        assert child.stdout.readline() == "running\n"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=10)
    finally:
        child.kill()
    assert child.returncode == 130
    assert "not reached" not in out
    assert err == "stopped: the kill matrix; nothing left running\n"


@pytest.mark.slow
def test_in_a_real_kernel_output_is_stable_and_a_stop_is_one_line():
    """nbclient stores the display after its updates, nbval compares the first
    message: both must be the same blank. And IPython renders Stopped as the
    one line, not a traceback."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from labs.show.progress import Progress\n"
            "with Progress('three steps') as progress:\n"
            "    for k in range(1, 4):\n"
            "        progress(k, 3, f'step {k}')\n"
            "print('done')"),
        nbformat.v4.new_code_cell(
            "with Progress('a long run'):\n"
            "    raise KeyboardInterrupt"),
    ]
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   kernel_manager_class=AsyncIpcKernelManager,
                   resources={"metadata": {"path": str(PROJECT_ROOT)}}).execute()
    shown, printed = nb.cells[0].outputs
    assert shown.output_type == "display_data" and shown.data == BLANK
    assert printed.text == "done\n"
    (error,) = nb.cells[1].outputs
    assert error.output_type == "error"
    assert error.traceback == ["stopped: a long run; nothing left running"]


def children_running_labs(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"labs.child" in cmdline:
            found.append(int(proc.name))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("cell, line", [
    ("with Progress('the hung lab') as progress:\n"
     "    progress(1, 1, 'lock-leak bad')\n"
     "    sandbox.run('lock-leak', 'bad', deadline=60)",
     "stopped: the hung lab; nothing left running"),
    ("sandbox.run('lock-leak', 'bad', deadline=60)",  # a bare run, as notebook 01 has it
     "stopped: the run of lock-leak / bad; nothing left running"),
    ("sandbox.run_many('lock-leak', ['fixed', 'bad'], deadline=60)",  # notebooks 04, 05
     "stopped: lock-leak, 2 runs; nothing left running"),
    ("from labs.practice import check\n"
     "def worker(bank, lock, stop):\n"
     "    while True:\n"
     "        pass\n"
     "check('lock-leak/stop-worker', worker)",
     "stopped: checking lock-leak/stop-worker; nothing left running"),
], ids=["with-progress", "bare-run", "several-runs", "a-check"])
def test_stop_button_in_a_real_kernel_leaves_one_line_and_no_child(cell, line):
    """Jupyter's stop button (a kernel interrupt) while a lab hangs in its
    sandbox: progress while it ran, one line of output, and the hung child is
    gone."""
    km, kc = start_ipc_kernel(kernel_name="python3", cwd=str(PROJECT_ROOT))
    try:
        kc.execute("from labs import sandbox\nfrom labs.show.progress import Progress\n" + cell)
        kernel = km.provisioner.process.pid
        deadline = time.monotonic() + 30
        while not children_running_labs(kernel):
            assert time.monotonic() < deadline, "the lab never started"
            time.sleep(0.1)
        km.interrupt_kernel()
        errors, shown = [], []
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if msg["msg_type"] == "error":
                errors.append(msg["content"]["traceback"])
            if msg["msg_type"] == "update_display_data":  # the progress line
                shown.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle" \
                    and msg["parent_header"].get("msg_type") == "execute_request":
                break
        assert errors == [[line]]
        assert any(" of " in text for text in shown), shown  # progress while it ran
        assert children_running_labs(kernel) == []
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
