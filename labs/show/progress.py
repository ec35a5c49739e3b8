"""Progress for a long cell: "k of n: label" while it runs, one line if stopped.

A run of the kill matrix takes half a minute; a silent cell that long looks hung.
``Progress`` is the callback a long run calls as it goes, ``(done, total, label)``:

    from labs.show.progress import Progress
    with Progress("the kill matrix") as progress:
        result = matrix.run_matrix(progress=progress)

- In Jupyter it shows a progress bar and the label, updated in place
  (``IPython.display`` with a ``display_id``), and blanks it when the run ends.
  The display starts blank and ends blank, so the stored output and a fresh
  run's output are the same: nbval compares the first display message, and
  never sees the updates.
- In a terminal it rewrites one line on stderr, and erases it at the end.
  When stderr is not a terminal (a log file, CI) it prints nothing.
- Interrupted (Ctrl-C, or Jupyter's stop button), it says one line,
  ``stopped: the kill matrix; nothing left running``, instead of a traceback.
  That line is true because every run is in a sandboxed child that the
  sandbox kills (with its process group) on the way out; no cleanup is
  needed here.
"""
from __future__ import annotations

import html
import shutil
import sys
from contextlib import contextmanager


class Stopped(KeyboardInterrupt):
    """A run the user stopped. IPython shows ``_render_traceback_`` instead of
    a traceback, so the cell ends with one line; a ``KeyboardInterrupt``
    still, so queued cells are not run and callers may catch it as one."""

    def __init__(self, what: str):
        super().__init__(what)
        self.line = f"stopped: {what}; nothing left running"

    def _render_traceback_(self):
        return [self.line]


def in_jupyter() -> bool:
    """True inside a Jupyter kernel (notebook, JupyterLab, nbval, nbclient)."""
    if "IPython" not in sys.modules:  # a kernel imported it before any cell ran: not
        return False                  # one (and a terminal saves IPython's import, ~50 ms)
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


@contextmanager
def stoppable(what: str, jupyter: bool | None = None, stream=None):
    """Turn Ctrl-C inside the block into one line saying what was stopped.

    In Jupyter the cell ends with that line (raised as ``Stopped``, so the
    cells queued after it do not run). In a terminal the line goes to stderr
    and the program exits with status 130, the shell's code for Ctrl-C."""
    try:
        yield
    except KeyboardInterrupt:  # a Stopped from an inner run too: the outer block says what it was
        if in_jupyter() if jupyter is None else jupyter:
            raise Stopped(what) from None
        print(Stopped(what).line, file=stream or sys.stderr, flush=True)
        raise SystemExit(130) from None


class Progress:
    """A ``(done, total, label)`` callback that shows "done of total: label"."""

    def __init__(self, what: str, jupyter: bool | None = None, stream=None):
        self.what = what
        self.jupyter = in_jupyter() if jupyter is None else jupyter
        self.stream = stream or sys.stderr
        self.handle = None   # Jupyter: the display being updated
        self.width = 0       # terminal: length of the line on screen
        self._stop = None

    # ------------------------------------------------------------ the callback

    def __call__(self, done: int, total: int, label: str = "") -> None:
        text = f"{done} of {total}: {label}" if label else f"{done} of {total}"
        if self.jupyter:
            self._show_in_jupyter(done, total, text)
        elif self._is_terminal():
            self._show_in_terminal(text)

    def _show_in_jupyter(self, done, total, text):
        from IPython.display import display
        bundle = {
            "text/plain": f"{self.what}: {text}",
            "text/html": (f'<progress value="{done}" max="{total}" style="width: 20em">'
                          f'</progress> <code>{html.escape(self.what)}: '
                          f'{html.escape(text)}</code>'),
        }
        if self.handle is None:
            self.handle = display(BLANK, raw=True, display_id=True)
        self.handle.update(bundle, raw=True)

    def _is_terminal(self) -> bool:
        return getattr(self.stream, "isatty", lambda: False)()

    def _show_in_terminal(self, text):
        columns = shutil.get_terminal_size().columns
        line = f"{self.what}: {text}"
        if len(line) >= columns:  # one screen line, or \r cannot rewrite it
            line = line[:max(columns - 4, 0)] + "..."
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    # ------------------------------------------------------------ the end

    def close(self) -> None:
        """Blank what was shown: the results, printed next, stand alone."""
        if self.handle is not None:
            self.handle.update(BLANK, raw=True)
            self.handle = None
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def __enter__(self):
        global _open
        self._stop = stoppable(self.what, self.jupyter, self.stream)
        self._stop.__enter__()
        _open += 1
        return self

    def __exit__(self, *exc):
        global _open
        _open -= 1
        self.close()
        return self._stop.__exit__(*exc)


_open = 0  # Progress blocks open now (one thread: a notebook's cell, a command)


def showing() -> bool:
    """True inside a ``with Progress(...)`` block: a run inside it shows no
    progress of its own."""
    return _open > 0


# What Jupyter shows before the first step and after the last: nothing.
BLANK = {"text/plain": ""}
