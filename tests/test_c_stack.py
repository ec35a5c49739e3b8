"""3.14+ fatal-signal dumps end with the current thread's C stack (FACTS.md,
"faulthandler dumps"): the sandbox keeps it, without machine paths or addresses.
The sample is the shape 3.14.10 writes (measured in the sid root), with a made-up
home directory."""
import pytest

from labs.contract import outcome as dumps
from labs.contract import versions

PY = "/home/someone/project/.venv-3.14/bin/python"
LIBC = "/usr/lib/x86_64-linux-gnu/libc.so.6"
DUMP = f"""Fatal Python error: Aborted

Thread 0x00007f1c332f86c0 [stuck-worker] (most recent call first):
  File "labs/selftest.py", line 41 in stuck

Current thread 0x00007f1c337f9200 [MainThread] (most recent call first):
  File "labs/selftest.py", line 47 in hang

Current thread's C stack trace (most recent call first):
  Binary file "{PY}", at _Py_DumpStack+0x4a [0x49b2f9]
  Binary file "{PY}" [0x53d28e]
  Binary file "{LIBC}", at +0x406b0 [0x7f1c3383a6b0]
  Binary file "{LIBC}", at +0x9cefe [0x7f1c33896efe]
  Binary file "{PY}", at PyEvent_WaitTimed+0x40 [0x74c890]
  Binary file "{PY}" [0x79f9bb]
  Binary file "{LIBC}", at __libc_start_main+0x87 [0x7f1c338240d7]
  <truncated rest of calls>
"""


def test_the_c_stack_is_kept_without_paths_offsets_or_addresses():
    short = dumps.short_c_stack(DUMP)
    assert "/home/someone" not in short and "0x49b2f9" not in short and "+0x" not in short
    head, block = short.split("Current thread's C stack trace (most recent call first):\n")
    assert head == DUMP.split("Current thread's C stack")[0]  # the Python frames untouched
    assert block.splitlines() == [
        dumps.C_STACK_NOTE,
        '  Binary file "python", at _Py_DumpStack',
        "  ... 3 frames without a symbol",
        '  Binary file "python", at PyEvent_WaitTimed',
        "  ... 1 frame without a symbol",
        '  Binary file "libc.so.6", at __libc_start_main',
        "  <truncated rest of calls>"]


def test_the_c_stack_does_not_change_the_threads_parsed():
    short = dumps.short_c_stack(DUMP)
    assert dumps.parse_dump(short, {}) == dumps.parse_dump(DUMP, {})
    assert [t["frames"] for t in dumps.parse_dump(short, {})] == [
        [("labs/selftest.py", 41, "stuck")], [("labs/selftest.py", 47, "hang")]]


def test_text_after_the_c_stack_is_kept_and_dumps_without_one_are_unchanged():
    more = DUMP + "\nExtension modules: _cffi_backend (total: 1)\n"
    assert dumps.short_c_stack(more).endswith(
        "  <truncated rest of calls>\n\nExtension modules: _cffi_backend (total: 1)\n")
    before_314 = DUMP.split("Current thread's C stack")[0]
    assert dumps.short_c_stack(before_314) == before_314
    assert dumps.short_c_stack("") == ""


def test_a_real_hang_on_314_has_a_short_c_stack(run_once):
    o = run_once("selftest", "hang", deadline=1.0)  # the same run as test_sandbox's
    if versions.version_of(o.python) < (3, 14):
        pytest.skip(f"faulthandler writes a C stack from 3.14; the child ran {o.python}")
    if "C stack trace" not in o.stacks:
        pytest.skip("this build wrote no C stack (no backtrace support)")
    assert dumps.C_STACK_NOTE in o.stacks and " [0x" not in o.stacks
