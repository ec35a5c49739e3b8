"""The process rows (runs in the child, and in the worker processes it spawns).

``process-terminate`` runs the worker in a ``multiprocessing.Process`` and
calls ``terminate()``; ``pebble`` schedules it on a ``ProcessPool`` with a
timeout; ``terminate_workers`` and ``kill_workers`` submit it to a
``concurrent.futures.ProcessPoolExecutor`` and call that method, new in
Python 3.14 (gh-128041; before 3.14 the two rows are skipped, with the
reason). The same three scenarios as the thread rows, with the lock, the
accounts and the queue shared between processes: a killed process does not
leave "nothing behind".
"""
from __future__ import annotations

# multiprocessing and concurrent.futures are imported where they are used:
# every matrix child imports this module, and only the process rows need them
# (about 10 ms of every thread row's start, scripts/child_start.py).
import os
import signal
import time

from labs.child import procfs, record
from labs.child.scenes import AMOUNT
from labs.lessons.kill_matrix.mechanisms import TIMEOUT_S, need
from labs.lessons.kill_matrix.threads import WINDOW_S, wait_until

# ProcessPoolExecutor's own stops, new in 3.14: each row is named for its method.
POOL_STOPS = ("terminate_workers", "kill_workers")
PROCESSES = ("process-terminate", "pebble", *POOL_STOPS)


# ------------------------------------------------------------ in the worker process
# Module-level functions: the spawn context pickles them by name.

def proc_spin(ready):
    ready.set()
    while True:
        pass


def proc_sleep(ready):
    ready.set()
    time.sleep(3600)  # blocked in a C call


def proc_transfer(ready, lock, accounts, tasks, done, reply, where):
    """A worker process: take a task, then debit, wait for a reply, credit,
    under a lock. ``where`` tells the parent which pid and fd to watch."""
    task = tasks.get()
    with lock:
        accounts[0] -= AMOUNT
        where[0], where[1] = os.getpid(), reply.fileno()
        ready.set()
        reply.recv_bytes()  # midway: the stop lands while we wait here
        accounts[1] += AMOUNT
    done.value = task


# pebble's worker process is started once, with the shared objects (they can
# only be passed to a process at its start); the task then finds them here.
# This global lives in that worker process, nowhere else.
_POOL_ARGS: tuple = ()


def pool_init(*args):
    global _POOL_ARGS
    _POOL_ARGS = args


def pool_spin():
    _POOL_ARGS[-1][0] = os.getpid()  # ``where``: the parent watches this process
    proc_spin(_POOL_ARGS[0])


def pool_spin_ignoring():
    """The same loop in a worker that ignores SIGTERM, as some servers do."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    pool_spin()


def pool_sleep():
    _POOL_ARGS[-1][0] = os.getpid()
    proc_sleep(_POOL_ARGS[0])


def pool_transfer():
    proc_transfer(*_POOL_ARGS)


# ------------------------------------------------------------ in the child's main thread

def cannot_stop_pool_workers(mechanism) -> str | None:
    """Why this Python has no ``ProcessPoolExecutor.<mechanism>``, or None.
    Asked of the class, not of the version number. (The reason leaves out
    this Python's release, so notebook 06 prints the same on 3.10 to 3.13.)"""
    from concurrent.futures import ProcessPoolExecutor
    if hasattr(ProcessPoolExecutor, mechanism):
        return None
    return f"needs Python 3.14: ProcessPoolExecutor.{mechanism} is new in 3.14"


def run_processes(mechanism, scenario, option=None):
    """One scenario of a process row. Spawn, never fork: this child has threads."""
    reason = procfs.cannot_watch_threads()
    if reason:
        record.skip(f"cannot see where a process is blocked: {reason}")
    if mechanism in POOL_STOPS:
        reason = cannot_stop_pool_workers(mechanism)
        if reason:
            record.skip(reason)
    import multiprocessing
    ctx = multiprocessing.get_context("spawn")
    ready, lock = ctx.Event(), ctx.Lock()
    accounts = ctx.Array("i", [1000, 1000], lock=False)
    tasks, done = ctx.Queue(), ctx.Value("i", 0, lock=False)
    reply, answer = ctx.Pipe(duplex=False)
    where = ctx.Array("q", [0, -1], lock=False)
    if scenario == "midway":
        tasks.put(1)
    args = (ready, lock, accounts, tasks, done, reply, where)

    def in_place():
        # A multiprocessing.Event is no pause to kill a process in: set() then
        # waits forever for the dead sleeper. A pipe read is, and /proc shows it.
        ready.wait()
        if scenario == "midway":
            wait_until(lambda: procfs.in_syscall_on(where[1], pid=where[0]), float("inf"))

    record.state("waiting for the worker")
    if mechanism == "process-terminate":
        target, targs = {"busy": (proc_spin, (ready,)), "blocked": (proc_sleep, (ready,)),
                         "midway": (proc_transfer, args)}[scenario]
        proc = ctx.Process(target=target, args=targs, name="worker")
        proc.start()
        in_place()
        record.facts(stop_requested=True)
        record.mark("terminate()")
        asked = time.monotonic()
        proc.terminate()
        stopped = wait_until(lambda: proc.exitcode is not None, asked + WINDOW_S)
        finished = time.monotonic()
        proc.join()
        pool = None
    elif mechanism in POOL_STOPS:
        stopped, asked, finished, measured = stop_pool_worker(mechanism, scenario, option,
                                                              ctx, args, in_place, where)
        pool = None
    else:
        pebble = need("pebble")
        pool = pebble.ProcessPool(max_workers=1, context=ctx, initializer=pool_init,
                                  initargs=args)
        fn = {"busy": pool_spin, "blocked": pool_sleep, "midway": pool_transfer}[scenario]
        future = pool.schedule(fn, timeout=TIMEOUT_S)
        in_place()  # the task has started, so has its clock
        record.facts(stop_requested=True)
        asked = time.monotonic() + TIMEOUT_S
        stopped = wait_until(future.done, asked + WINDOW_S)
        finished = time.monotonic()
        stopped = stopped and type(future.exception()).__name__ == "TimeoutError"
    record.state("stopped" if stopped else "waiting")
    facts = {"stopped_midway" if scenario == "midway" else "stopped": stopped,
             "stop_latency_s": round(max(finished - asked, 0.0), 6) if stopped else None,
             "python_thinks_alive": False, "caught": 0, "main_interrupted": False}
    if mechanism in POOL_STOPS:
        facts.update(measured)
    if scenario == "midway":
        held = not lock.acquire(timeout=0)
        if not held:
            lock.release()
        facts.update(lock_held_after_stop=held, invariant_ok=sum(accounts) == 2000,
                     task_kept=done.value == 1 or not tasks.empty(),
                     task_finished=done.value == 1, stop_landed=stopped)
    answer.send_bytes(b"x")
    if pool is not None:
        pool.stop()
        pool.join()
    tasks.close()
    tasks.join_thread()
    record.facts(**facts)
    record.state("done")
    record.facts(scenario_done=True)


def stop_pool_worker(mechanism, scenario, option, ctx, args, in_place, where):
    """Submit the scenario's work to a ProcessPoolExecutor with one worker,
    wait until it is in place, call ``terminate_workers()`` or
    ``kill_workers()``, and watch the worker process for ``WINDOW_S``.
    Returns (stopped, asked, finished, measured): what the worker died of and
    what its future raised, read off the run."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=pool_init,
                               initargs=args)
    fn = {"busy": pool_spin_ignoring if option == "ignoring" else pool_spin,
          "blocked": pool_sleep, "midway": pool_transfer}[scenario]
    future = pool.submit(fn)
    in_place()
    # The pool's worker is a child of this process: multiprocessing's public
    # list of children gives its Process object, whose exitcode says how it ended.
    worker = next(p for p in multiprocessing.active_children() if p.pid == where[0])
    record.facts(stop_requested=True)
    record.mark(f"{mechanism}()")
    asked = time.monotonic()
    getattr(pool, mechanism)()
    stopped = wait_until(lambda: not procfs.alive(worker.pid), asked + WINDOW_S)
    finished = time.monotonic()
    if not stopped:  # the clean-up, not the mechanism's merit
        worker.kill()
    worker.join()
    # The pool's manager thread may reap the worker first; join() then returns
    # before the exit code is set on the shared Process object: wait for it.
    wait_until(lambda: worker.exitcode is not None, float("inf"))  # the deadline guards
    wait_until(future.done, float("inf"))
    raised = future.exception() if not future.cancelled() else None
    code = worker.exitcode
    # A worker still running after the window was ended by the clean-up: its
    # signal is not the mechanism's, and is not reported.
    measured = {"worker_exit_signal": signal.Signals(-code).name if stopped and code < 0
                else None,
                "future_raised": type(raised).__name__ if raised else None,
                "future_message": str(raised) if raised else None}
    pool.shutdown(wait=True)
    return stopped, asked, finished, measured
