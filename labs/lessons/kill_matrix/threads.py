"""One scenario of a thread row, from the child's main thread (runs in the child).

The main thread starts the worker (``mechanisms.start``), waits until it is
where the stop must land (for a blocked or midway worker: until ``/proc``
shows it inside its socket read), sends the stop, and watches for a window of
``WINDOW_S``: a worker still running then never stopped. Then it lets
whatever is still blocked go (it answers the socket, ends the spin), so that
only the mechanism decides whether the process can exit, and reports facts.
"""
from __future__ import annotations

import time

from labs.child import procfs, record, wait
from labs.lessons.kill_matrix.mechanisms import TIMEOUT_S, start
from labs.lessons.kill_matrix.scenarios import NEXT, TASK, Scene, worker_for

WINDOW_S = 1.0   # a worker still running this long after the stop request never stopped
COOPERATIVE = ("event", "event-wakeup")


def still_alive(thread) -> bool:
    """Does Python still count ``thread`` alive? Asked with a bounded join, not
    a bare is_alive(): while another thread is joining it (func-timeout's own
    JoinThread does, every 2 s), is_alive() can read True for a moment after
    the thread has ended. A thread that ended is joined at once; one whose OS
    thread was cancelled behind Python's back never is."""
    thread.join(WINDOW_S)
    return thread.is_alive()


def has_stopped(scene) -> bool:
    """The worker's function is over, or its OS thread is gone (pthread_cancel
    ends it without Python knowing). Not ``is_alive()``: Thread._stop() can
    make that read False for a thread that runs on."""
    return scene.ended.is_set() or procfs.thread_gone(scene.worker.native_id)


def wait_until(predicate, until, send_stop=None, scene=None) -> bool:
    """Send the stop (if given), then poll ``predicate`` until it holds or the
    window ``until`` closes. An exception aimed at the worker but raised in
    main (pthread-kill's SIGINT) is recorded in ``scene``, and the wait goes
    on: one try covers the sending and the waiting, so it cannot land between
    them."""
    sent = send_stop is None
    while True:
        try:
            if not sent:
                sent = True  # before the call: the stop is sent once
                send_stop()
            return wait.until(predicate, max(0.0, until - time.monotonic()), poll=0.001)
        except KeyboardInterrupt:
            if scene is None:
                raise
            scene.main_interrupted = True


def run_threads(mechanism, scenario, option=None):
    """One scenario of a thread row, in the sandbox's child."""
    reason = procfs.cannot_watch_threads()
    if reason:
        record.skip(f"cannot see where a thread is blocked: {reason}")
    scene = Scene(mechanism)
    if scenario == "midway":
        scene.tasks.put(TASK)
        scene.tasks.put(NEXT)
    send_stop = start(scene, worker_for(mechanism, scenario, option), daemon=option == "daemon")
    scene.ready.wait()
    worker = scene.worker
    if mechanism not in COOPERATIVE and scenario != "busy":
        # The stop must find the worker inside its read, not on its way there.
        wait_until(lambda: procfs.in_syscall_on(scene.conn.fileno(), tid=worker.native_id),
                   float("inf"), scene=scene)
    record.event("stop", native_id=worker.native_id)
    record.facts(stop_requested=True)  # kept even if the process dies now
    if send_stop is None:  # stopit, func-timeout, the alarm: their timer sends it
        asked = scene.entered + TIMEOUT_S
    else:
        record.mark("stop requested")
        asked = time.monotonic()
    stopped = wait_until(lambda: has_stopped(scene), asked + WINDOW_S, send_stop, scene)
    latency = time.monotonic() - asked if stopped else None
    if stopped:
        record.state("stopped", thread=worker)
    # The clean-up: answer the read, end the spin. Whatever still runs now was
    # not stopped; it may finish its task (that is not the mechanism's merit).
    scene.released.set()
    scene.peer.send(b"xx")  # one reply per task
    # Every worker ends now, or has no OS thread left: wait for that, so that a
    # slow machine cannot change what is measured next. The deadline guards.
    wait_until(lambda: has_stopped(scene), float("inf"), scene=scene)
    gone = procfs.thread_gone(worker.native_id)  # before is_alive(): a thread that
    # ends normally stops being alive before its OS thread goes, never after
    key = "stopped_midway" if scenario == "midway" else "stopped"
    facts = {key: stopped, "stop_latency_s": latency and round(latency, 6),
             "python_thinks_alive": gone and not scene.ended.is_set() and still_alive(worker),
             "caught": scene.caught, "main_interrupted": scene.main_interrupted,
             **scene.facts}
    if scenario == "midway":
        facts.update(lock_held_after_stop=scene.lock.locked(),
                     invariant_ok=scene.bank.invariant_ok(),
                     task_kept=TASK in scene.done or TASK in list(scene.tasks.queue),
                     task_finished=TASK in scene.done,
                     # The stop landed if the worker never went on to the next task.
                     stop_landed=NEXT in list(scene.tasks.queue))
    record.facts(**facts)
    scene.close()
    record.facts(scenario_done=True)
    # Now the interpreter exits as any program would: it joins non-daemon
    # threads, and a cancelled one never ends. The deadline sees that.
