"""What the Linux kernel says about our threads and our children, from /proc.

The labs force interleavings on facts the kernel reports ("this thread is
inside a read on that socket") instead of on sleeps, and the sandbox checks
that no process of a run is left behind.
"""
from __future__ import annotations

import os
import struct
import threading
import time

from labs.child import wait

# System call numbers (x86_64, aarch64), as /proc/PID/task/TID/syscall gives
# them: recvfrom and recvmsg (a grader's proxy waiting for its reply), read,
# futex (a lock's or condition's wait), tgkill (a signal aimed at one thread
# of another process). None (or empty) elsewhere: the kernel's view is then
# not read by number.
_MACHINE = os.uname().machine
RECV = {"x86_64": {"45", "47"}, "aarch64": {"207", "212"}}.get(_MACHINE)
READ = {"x86_64": "0", "aarch64": "63"}.get(_MACHINE)
FUTEX = {"x86_64": "202", "aarch64": "98"}.get(_MACHINE)
# a thread of a practice check's child waiting for the grader's reply (labs.practice.wire)
RECEIVE = (RECV or set()) | ({READ} if READ else set())
TGKILL = {"x86_64": 234, "aarch64": 131}.get(_MACHINE)
# CPython's switch interval (sys.getswitchinterval(), 5 ms; a practice answer may
# not change it): a thread that waits for the GIL is in a timed futex wait with
# at most this much left, so a timed wait counts as one of its own only with more
GIL_WAIT_S = 0.005
TIMESPEC_MAX_S = 10 ** 11  # _timespec: larger (3000 years) is memory holding something else
TICKS = os.sysconf("SC_CLK_TCK")  # the unit of /proc/PID/stat's CPU times


def in_syscall_on(fd: int, tid: int | None = None, pid: int | None = None) -> bool:
    """True when a thread sits in a system call whose first argument is ``fd``
    (a read or recv on that socket): thread ``tid`` of this process, or the
    main thread of process ``pid``. The kernel's syscall file reads "running"
    for a running thread, "-1 ..." for one blocked outside a system call, else
    the call's number and its arguments."""
    path = f"/proc/{pid}/syscall" if pid is not None else f"/proc/self/task/{tid}/syscall"
    try:
        with open(path) as f:
            fields = f.read().split()
    except OSError:
        return False
    return len(fields) > 2 and fields[0] not in ("running", "-1") and fields[1] == hex(fd)


def tids(pid: int) -> list[int]:
    """Kernel thread ids of process ``pid`` (/proc/PID/task); [] once it is gone."""
    try:
        return sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return []


def context_switches(tid: int, voluntary_only: bool = False, pid: int | None = None) -> int:
    """How often the kernel has switched thread ``tid`` of this process (or
    of process ``pid``) out. A thread blocked in a system call adds one each
    time something wakes it. OSError once the thread is gone."""
    kinds = ("voluntary_ctxt_switches",) if voluntary_only else (
        "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")
    with open(f"/proc/{pid or 'self'}/task/{tid}/status") as f:
        return sum(int(line.split()[1]) for line in f if line.startswith(kinds))


def schedstat(pid: int, tid: int) -> tuple[int, int] | None:
    """(CPU time, time runnable but waiting for a CPU), in ns, of thread
    ``tid`` of process ``pid`` (/proc/PID/task/TID/schedstat); None when the
    thread is gone."""
    try:
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            cpu, delay = f.read().split()[:2]
        return int(cpu), int(delay)
    except (OSError, ValueError):
        return None


def written(pid: int, tid: int) -> int | None:
    """How many bytes thread ``tid`` of ``pid`` has passed to write system
    calls (``wchar`` of /proc/PID/task/TID/io: write, writev, pwrite and the
    like; a send on a socket is not one): None when it is gone or the
    kernel does not say."""
    try:
        with open(f"/proc/{pid}/task/{tid}/io") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("wchar:"))
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def cpu_when_blocked(pid: int, tid: int, bound_s: float = 0.1) -> int | None:
    """The CPU time (ns) of thread ``tid`` of ``pid`` once it is blocked
    (asleep: not running or runnable), read within ``bound_s``: the kernel
    adds a running thread's time at its ticks and as it stops, so the count
    of a blocked one is exact (a thread that has just sent the grader an
    operation blocks at once, for its reply). None when it is gone or does
    not block in time."""
    if not wait.until(lambda: thread_state(pid, tid) not in (None, "R", "D"), bound_s,
                      poll=0.0002):
        return None
    times = schedstat(pid, tid)
    return None if times is None else times[0]


def cpu_wait_s(pid: int | None, tid: int | None) -> float:
    """Seconds thread ``tid`` of process ``pid`` spent runnable but waiting
    for a CPU (``schedstat``'s second field): a loaded machine's time, not
    the thread's own. 0.0 once gone (or without a pid)."""
    return (schedstat(pid, tid) or (0, 0))[1] / 1e9 if pid and tid else 0.0


def queued_s(pid: int | None) -> float:
    """``cpu_wait_s`` summed over the threads process ``pid`` has now: how
    long they have waited for a CPU (a thread that has ended takes its share
    with it, so the sum can go down). 0.0 without a pid or once it is gone."""
    return sum(cpu_wait_s(pid, t) for t in (tids(pid) if pid else ()))


def queued_both(pid: int | None) -> float:
    """``queued_s`` of process ``pid`` (a learner's, a lab's child) and of
    this one (the grader, the sandbox's parent): the machine's time, as both
    have waited for a CPU so far."""
    return queued_s(pid) + queued_s(os.getpid())


def thread_state(pid: int, tid: int) -> str | None:
    """The state letter of thread ``tid`` of ``pid`` (R running, S asleep,
    D in uninterruptible sleep, T stopped, Z zombie); None when it is gone."""
    try:
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            text = f.read()
        return text[text.rindex(")") + 2:].split()[0]
    except (OSError, ValueError, IndexError):
        return None


def syscall(pid: int, tid: int) -> str | None:
    """The system call thread ``tid`` of ``pid`` is blocked in, as the kernel
    gives it ("45 0x5 ..."): None when it runs, or is blocked outside a
    system call; "?" when the kernel does not say (no permission, gone)."""
    try:
        with open(f"/proc/{pid}/task/{tid}/syscall") as f:
            line = f.read().strip()
    except OSError:
        return "?"
    return None if not line or line == "running" or line.startswith("-1") else line


def task_state(pid: int, tid: int) -> tuple[str, str, int] | None:
    """(state letter, system call number or "running", CPU time in ns) of
    thread ``tid`` of ``pid``; None when it is gone."""
    state, cpu = thread_state(pid, tid), schedstat(pid, tid)
    if state is None or cpu is None:
        return None
    try:
        with open(f"/proc/{pid}/task/{tid}/syscall") as f:
            call = (f.read().split() or ["?"])[0]
    except OSError:
        return None
    return state, call, cpu[0]


def stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name: state, ppid, pgrp,
    session, ... (the name may hold spaces, hence the split at its last ')').
    None when there is no such process. Read with os.open and os.read, not
    open(): the sandbox reads every process's stat after each run, and a
    text file object costs about twice as much."""
    try:
        fd = os.open(f"/proc/{pid}/stat", os.O_RDONLY)
    except OSError:
        return None
    try:
        data = os.read(fd, 4096)
    except OSError:  # the process ended between the open and the read
        return None
    finally:
        os.close(fd)
    text = data.decode(errors="replace")
    return text[text.rindex(")") + 2:].split()


def cpu_s(pid: int) -> float:
    """Seconds of CPU process ``pid`` has used so far (user and system, its
    ended threads included: /proc/PID/stat, in clock ticks); 0.0 when there
    is no such process."""
    fields = stat(pid)
    try:
        return (int(fields[11]) + int(fields[12])) / TICKS if fields else 0.0
    except (IndexError, ValueError):
        return 0.0


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (a zombie has ended)."""
    fields = stat(pid)
    return fields is not None and fields[0] not in "ZX"


def processes_in_group(pgid: int, exclude: int | None = None) -> list[int]:
    """Pids of live (not zombie) processes in process group ``pgid``."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        pid = int(entry)
        fields = None if pid == exclude else stat(pid)
        if fields and int(fields[2]) == pgid and fields[0] not in "ZX":
            found.append(pid)
    return found


def waits_untimed(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` is blocked in a futex wait without a timeout
    (the kernel's syscall file: number, then the arguments; the 4th is the
    timeout's address). Alone this says little: CPython itself waits so for
    a moment -- ``drop_gil`` waits on ``switch_cond``, untimed, until the
    thread that asked for the GIL has it (Python/ceval_gil.c,
    FORCE_SWITCHING) -- so read it with ``waits_on_its_own``."""
    try:
        with open(f"/proc/{pid}/task/{tid}/syscall") as f:
            words = f.read().split()
    except OSError:
        return False
    return FUTEX is not None and len(words) > 4 and words[0] == FUTEX and int(words[4], 16) == 0


def waits_on_its_own(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` waits for another thread of its process to
    move (a lock, an Event, a join of the process's own): it is blocked in a
    futex wait without a timeout while the whole process stands still -- no
    thread runnable or in uninterruptible sleep (R, D), at two reads of every
    thread's state, system call and CPU time that agree (none ran between
    them). CPython's own untimed waits always have a runnable thread beside
    them: the one that holds the GIL's mutex, or takes the GIL from a thread
    in ``drop_gil``. Costs one file read unless ``tid`` waits untimed."""
    if not waits_untimed(pid, tid):
        return False
    still = standing_still(pid)
    return still is not None and tid in still and waits_untimed(pid, tid)


def waits_for_time_or_others(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` waits of its own accord, with a timeout or
    without: blocked in a futex wait (a lock, an Event, a join, a queue of
    the process's own, timed or not), a sleep, or a poll or select of its
    own (``timed_wait``'s system calls, read by number and arguments only),
    while the whole process stands still (``standing_still``: two reads that
    agree). It moves when its timeout passes or another thread moves; nothing
    of the grader's waits for it. CPython's wait for the GIL is a timed futex
    wait too, but never in a process that stands still: the thread that holds
    the GIL is running, and one that blocks releases it first, which wakes a
    waiter (runnable then). Not a receive: a thread that waits for the
    grader's reply has sent an operation. Costs one file read unless the
    thread is in such a wait."""
    if not in_wait(pid, tid):
        return False
    still = standing_still(pid)
    return still is not None and tid in still and in_wait(pid, tid)


def in_wait(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` is blocked in a wait of its own, timed or
    not (``waits_for_time_or_others`` without the process's stillness)."""
    words = (syscall(pid, tid) or "").split()
    found = _TIMED_BY_NR.get(words[0]) if words and words[0] != "?" else None
    if found is None or len(words) < 7:
        return False
    if found[0] == "futex":  # FUTEX_WAIT or FUTEX_WAIT_BITSET, not a wake or a requeue
        return int(words[2], 16) & 0x7F in (0, 9)
    return True


def naps(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` is asleep in a wait of its own, not a wait
    for the GIL: ``in_wait``, and not a futex wait (a sleep, a poll: CPython
    waits for the GIL only on a condition variable), or one untimed (a
    join), or with more than GIL_WAIT_S of it left, or on a word outside the
    interpreter (``futex_outside_interpreter``), or in a process that stands
    still (``waits_for_time_or_others``). A thread waiting for the GIL is in
    a timed futex wait with at most the switch interval left, on a word of
    the interpreter's, while the thread that holds the GIL runs."""
    if thread_state(pid, tid) != "S" or not in_wait(pid, tid):
        return False
    timed = timed_wait(pid, tid)
    if timed is None:  # untimed, or its timeout unread (the call may have just ended)
        # (not CPython's own: a thread waiting for the GIL's mutex, or in drop_gil, waits
        # untimed too; nineteenth session, a right stop-worker stopped in such a wait on
        # 3.10 between its look and its debit, 1 pause run in 20 under load)
        return untimed_wait(pid, tid) and not cpythons_own_futex(pid, tid)
    # a short futex wait: the GIL's only on a word of the interpreter's own
    # (a learner's lock or Event waits on one in the heap), and only while
    # another thread of the process runs (the one that holds it), never in a
    # process that stands still. (Until the thirty-second session a worker
    # that paced on an Event of its own with 1 ms waits between its look and
    # its transfer was never seen napping: hostile round)
    return (timed[0] != "futex" or timed[1] > GIL_WAIT_S
            or futex_outside_interpreter(pid, tid)
            or waits_for_time_or_others(pid, tid))


def futex_outside_interpreter(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` waits on a futex word outside the
    interpreter's own memory (``_interpreter_image``): never CPython's wait
    for the GIL, but a lock, Event, join or queue of the process's own,
    whose words the heap holds. False when the maps cannot be read."""
    return _futex_in_image(pid, tid) is False


# blocking I/O on a descriptor (read, write, readv, writev, pread64, pwrite64), and
# open()/openat(), which blocks on a FIFO until its other end is opened
FD_IO = {"x86_64": {"0", "1", "17", "18", "19", "20"},
         "aarch64": {"63", "64", "65", "66", "67", "68"}}.get(_MACHINE, set())
OPENS = {"x86_64": {"2", "257"}, "aarch64": {"56"}}.get(_MACHINE, set())


def blocked_in_io_no_socket(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` is asleep in a read or a receive (RECEIVE),
    or a write, on a descriptor that is no socket (a pipe, a terminal, a
    FIFO), or in an open that waits (a FIFO's other end): a wait of its own,
    not one for a reply (a practice child's threads wait for the grader's
    replies on sockets only), as two reads of its system call that agree
    show. (Thirteenth hostile reading: a write to a full pipe, and the open
    of a FIFO, were not seen as pauses; a read was.)"""
    words = (syscall(pid, tid) or "").split()
    if len(words) < 2 or thread_state(pid, tid) != "S":
        return False
    if words[0] in OPENS:
        return (syscall(pid, tid) or "").split() == words
    if words[0] not in RECEIVE and words[0] not in FD_IO:
        return False
    try:
        target = os.readlink(f"/proc/{pid}/fd/{int(words[1], 16)}")
    except (OSError, ValueError):
        return False
    return not target.startswith("socket:") and (syscall(pid, tid) or "").split() == words


_IMAGES: dict[int, list[tuple[int, int]]] = {}  # pid -> the interpreter's own memory


def _interpreter_image(pid: int) -> list[tuple[int, int]]:
    """The address ranges of process ``pid``'s interpreter: the mappings of
    its executable and of a libpython, and the anonymous one right after
    each (their .bss), where CPython keeps its runtime state, the GIL's
    mutex and conditions included; [] when the kernel does not say. Read
    once per process."""
    if pid in _IMAGES:
        return _IMAGES[pid]
    ranges: list[tuple[int, int]] = []
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
        with open(f"/proc/{pid}/maps") as f:
            maps = [line.split() for line in f]
    except OSError:
        return ranges
    prev_end, prev_ours = None, False
    for fields in maps:
        lo, hi = (int(x, 16) for x in fields[0].split("-"))
        path = fields[5] if len(fields) > 5 else ""
        ours = path == exe or "libpython" in path.rsplit("/", 1)[-1]
        if ours or (not path and prev_ours and lo == prev_end):
            ranges.append((lo, hi))
        prev_end, prev_ours = hi, ours
    if len(_IMAGES) > 64:
        _IMAGES.clear()
    _IMAGES[pid] = ranges
    return ranges


def cpythons_own_futex(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` waits on a futex word in the interpreter's
    own memory (``_interpreter_image``): CPython's wait for the GIL (its
    mutex, untimed, while another thread holds it; its condition, timed), or
    ``drop_gil``'s untimed wait until the thread that asked for the GIL has
    it -- never a lock, Event, join or queue of the learner's, whose words
    the heap holds. Measured on 3.10.13, 3.11.7 and 3.13.0 (three threads
    that compute: every futex wait sampled was on a word of the image). When
    the maps cannot be read: any untimed futex wait while another thread of
    the process can run (``waits_on_its_own`` says no)."""
    inside = _futex_in_image(pid, tid)
    if inside is None:  # no futex wait, or maps unread
        words = (syscall(pid, tid) or "").split()
        return FUTEX is not None and len(words) >= 2 and words[0] == FUTEX \
            and not waits_on_its_own(pid, tid)
    return inside


def _futex_in_image(pid: int, tid: int) -> bool | None:
    """Whether the futex word thread ``tid`` of ``pid`` waits on is in the
    interpreter's own memory (``_interpreter_image``); None when the thread
    is in no futex wait, or the maps cannot be read."""
    words = (syscall(pid, tid) or "").split()
    if FUTEX is None or len(words) < 2 or words[0] != FUTEX:
        return None
    image = _interpreter_image(pid)
    if not image:
        return None
    word = int(words[1], 16)
    return any(lo <= word < hi for lo, hi in image)


def untimed_wait(pid: int, tid: int) -> bool:
    """Thread ``tid`` of ``pid`` is blocked in a wait with no timeout at all
    (``in_wait``, its timeout NULL or -1), as two reads of its system call
    that agree show."""
    words = (syscall(pid, tid) or "").split()
    found = _TIMED_BY_NR.get(words[0]) if words and words[0] != "?" else None
    if found is None or len(words) < 7 or not in_wait(pid, tid):
        return False
    kind, i = found[1]
    arg = int(words[1 + i], 16)
    untimed = (arg & 0xFFFFFFFF == 0xFFFFFFFF) if kind == "ms" else arg == 0
    return untimed and (syscall(pid, tid) or "").split() == words


# The system calls that wait with a timeout, as (x86_64, aarch64) numbers, and
# where their timeout is: ("ms", i) an int of milliseconds in argument i
# (negative: none); ("rel", i) or ("tv", i) the address of a relative
# timespec or timeval (NULL: none); ("sleep", 2) clock_nanosleep's timespec,
# absolute when its flags say TIMER_ABSTIME; ("futex", 3) a futex wait's.
_TIMED = {
    "poll": ((7, None), ("ms", 2)),
    "epoll_wait": ((232, None), ("ms", 3)),
    "epoll_pwait": ((281, 22), ("ms", 3)),
    "ppoll": ((271, 73), ("rel", 2)),
    "pselect6": ((270, 72), ("rel", 4)),
    "epoll_pwait2": ((441, 441), ("rel", 3)),
    "select": ((23, None), ("tv", 4)),
    "nanosleep": ((35, 101), ("rel", 0)),
    "clock_nanosleep": ((230, 115), ("sleep", 2)),
    "futex": ((202, 98), ("futex", 3)),
    "rt_sigtimedwait": ((128, 137), ("rel", 2)),  # signal.sigtimedwait (sigwaitinfo: NULL)
}
_TIMED_BY_NR = {str(nrs[_MACHINE == "aarch64"]): (name, where)
                for name, (nrs, where) in _TIMED.items() if nrs[_MACHINE == "aarch64"] is not None}
# ... and a few that wait with no timeout, or do not wait, by name: syscall_name
_OTHERS = {"read": (0, 63), "write": (1, 64), "sendto": (44, 206), "recvfrom": (45, 207),
           "recvmsg": (47, 212), "pause": (34, None), "wait4": (61, 260),
           "rt_sigsuspend": (130, 133), "openat": (257, 56)}
_NAME_BY_NR = {**{str(nrs[_MACHINE == "aarch64"]): name for name, (nrs, _) in _TIMED.items()},
               **{str(nrs[_MACHINE == "aarch64"]): name for name, nrs in _OTHERS.items()}}
_NAME_BY_NR.pop("None", None)


def syscall_name(nr: str) -> str:
    """The name of system call ``nr`` (the number ``syscall`` gives first),
    or "system call NR" when it is not one of the few named here."""
    return _NAME_BY_NR.get(nr, f"system call {nr}") if _MACHINE in ("x86_64", "aarch64") \
        else f"system call {nr}"


def timed_wait(pid: int, tid: int) -> tuple[str, float] | None:
    """(system call, seconds) when thread ``tid`` of ``pid`` is blocked in a
    wait with a timeout -- poll, epoll_wait, select and their kin, a sleep, a
    futex wait: what ``selectors``, ``socket.settimeout``, ``time.sleep``
    and ``Event.wait(t)`` come down to. The seconds are the timeout the call
    was given (an upper bound of what is left), or what is left of an
    absolute one. None when the thread is in no such wait, waits without a
    timeout, or the kernel does not say (a timeout behind a pointer is read
    in /proc/PID/mem, which needs the right to trace the process)."""
    found = wait_timeout(pid, tid)
    return found and found[:2]


def wait_timeout(pid: int, tid: int) -> tuple[str, float, float | None] | None:
    """``timed_wait``, and the call's deadline on ``time.monotonic()``'s
    clock when it was given one (the seconds are then what is left of it:
    ``time.sleep`` from 3.11 on, ``Event.wait(t)``, a timed ``join``), or
    None when it was given a length (the seconds are the whole timeout:
    ``select``, ``poll``, ``time.sleep`` on 3.10)."""
    words = (syscall(pid, tid) or "").split()
    found = _TIMED_BY_NR.get(words[0]) if words and words[0] != "?" else None
    if found is None or len(words) < 7:
        return None
    name, (kind, i) = found
    args = [int(w, 16) for w in words[1:7]]
    if kind == "ms":
        ms = args[i] & 0xFFFFFFFF
        ms -= (ms >> 31) << 32  # an int: -1 is "no timeout"
        return (name, ms / 1000, None) if ms >= 0 else None
    if kind == "futex":
        op = args[1] & 0x7F  # FUTEX_PRIVATE_FLAG, FUTEX_CLOCK_REALTIME off
        if op not in (0, 9):  # FUTEX_WAIT (relative), FUTEX_WAIT_BITSET (absolute)
            return None
        clock = time.CLOCK_REALTIME if args[1] & 0x100 else time.CLOCK_MONOTONIC
        absolute = op == 9
    elif kind == "sleep":
        clock, absolute = args[0], bool(args[1] & 1)  # TIMER_ABSTIME
    else:
        clock, absolute = None, False
    # read twice, the system call between: a call that returned meanwhile (and
    # came back to the same call, as a loop of sigtimedwait(0.001) does) leaves
    # its memory holding anything (ninth hostile reading's run: a "nap" of 1.4e14 s)
    t = _timespec(pid, args[i], micro=kind == "tv")
    if (t is None or (syscall(pid, tid) or "").split() != words
            or _timespec(pid, args[i], micro=kind == "tv") != t):
        return None
    if not absolute:
        return name, max(0.0, t), None
    try:
        t -= time.clock_gettime(clock)
    except OSError:
        return None
    return name, max(0.0, t), time.monotonic() + t


def _timespec(pid: int, address: int, micro: bool = False) -> float | None:
    """A timespec (or a timeval) at ``address`` in process ``pid``'s memory,
    in seconds; None for NULL or when it cannot be read."""
    if not address:
        return None
    try:
        with open(f"/proc/{pid}/mem", "rb", buffering=0) as f:
            f.seek(address)
            data = f.read(16)
    except (OSError, ValueError, OverflowError):
        return None
    if len(data) != 16:
        return None
    sec, frac = struct.unpack("qq", data)
    if not 0 <= sec < TIMESPEC_MAX_S or not 0 <= frac < (1e6 if micro else 1e9):
        return None  # not a timespec
    return sec + frac / (1e6 if micro else 1e9)


def standing_still(pid: int, reads: int = 2) -> dict[int, str | None] | None:
    """The system call each thread of ``pid`` is blocked in (``syscall``),
    when no thread of it moves: no thread runnable or in uninterruptible
    sleep (R, D), at ``reads`` reads of every thread's state, system call and
    CPU time that agree (two: none ran between them; one: a snapshot, for a
    process whose timed waits wake every few milliseconds). None otherwise."""
    first = _threads(pid)
    if not first or any(state in "RD" for state, _, _ in first.values()):
        return None
    if any(_threads(pid) != first for _ in range(reads - 1)):
        return None
    return {tid: call for tid, (_state, call, _cpu) in first.items()}


def _threads(pid: int) -> dict[int, tuple]:
    """Every live thread of ``pid``: (state letter, system call, CPU ns)."""
    out = {}
    for tid in tids(pid):
        state, cpu = thread_state(pid, tid), schedstat(pid, tid)
        if state is not None and cpu is not None:
            out[tid] = (state, syscall(pid, tid), cpu[0])
    return out


def with_descendants(pid: int) -> list[int]:
    """``pid`` and every live process below it (its children, theirs, ...),
    from each process's parent in /proc/PID/stat: what a process forked,
    counted with it."""
    parents = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        fields = stat(int(entry))
        if fields and fields[0] not in "ZX":
            parents[int(entry)] = int(fields[1])
    found, todo = [pid], [pid]
    while todo:
        parent = todo.pop()
        kids = [p for p, pp in parents.items() if pp == parent and p not in found]
        found += kids
        todo += kids
    return found


def cannot_watch_threads() -> str | None:
    """None when /proc shows this process's threads: each one's system call
    and its status. Otherwise why not (a lab that forces its interleaving on
    what the kernel says is then skipped with that reason)."""
    me = threading.get_native_id()
    for name in ("syscall", "status"):
        path = f"/proc/self/task/{me}/{name}"
        try:
            with open(path) as f:
                if not f.read().split():
                    return f"{path} is empty here: this lab needs Linux's /proc"
        except OSError as e:
            return f"cannot read {path} ({e.strerror}): this lab needs Linux's /proc"
    return None


def thread_gone(native_id: int) -> bool:
    """Has kernel thread ``native_id`` of this process ended? (pthread_cancel
    ends one behind the interpreter's back: ``is_alive()`` stays True.)"""
    return not os.path.exists(f"/proc/self/task/{native_id}")


def wait_until_thread_gone(native_id: int, bound_s: float) -> bool:
    """Wait until a kernel thread of this process has ended; False when it is
    still there after ``bound_s``. The kernel gives no event for a thread of
    ours ending, so poll, within a bound."""
    return wait.until(lambda: thread_gone(native_id), bound_s, poll=0.005)
