"""How each thread row runs its worker and sends the stop (runs in the child).

``start(scene, work)`` starts the worker the way the mechanism needs it and
returns the function that sends the stop, or None when the mechanism's own
timer sends it (stopit, func-timeout, the SIGALRM decorator). Every runner
sets ``scene.ended`` when the worker's function is over, however it ended:
the one sign of a stop that no mechanism can fake (``is_alive()`` can lie).
"""
from __future__ import annotations

import importlib
import signal
import sys
import threading
import time

from labs.child import record, scenes
from labs.child.kill import async_raise, os_kill_tid, pthread_cancel, pthread_kill

TIMEOUT_S = 0.5  # the timeout given to stopit, func-timeout, pebble, join and the alarm
TRACE_LAPS = 20_000  # the busy loop the settrace row times, untraced then traced


def need(module):
    """Import a library under study; skip the scenario cleanly without it."""
    try:
        return importlib.import_module(module)
    except ImportError as why:  # stopit needs pkg_resources: setuptools<82
        record.skip(f"{module} cannot be imported here ({why})")


def runs(scene, work, setup=None):
    """The worker thread's target: note who it is, run ``work``, and mark
    its end. ``setup`` (a mechanism's own preparation) runs first, in it."""
    def run():
        scene.worker = threading.current_thread()
        try:
            if setup is not None:
                setup()
            work(scene)
        finally:
            scene.ended.set()
    return run


def start(scene, work, daemon=False):
    mech = scene.mechanism
    if mech == "stopit":
        stopit = need("stopit")

        def under_stopit(scene):
            scene.entered = time.monotonic()
            with stopit.ThreadingTimeout(TIMEOUT_S):
                work(scene)
        threading.Thread(target=runs(scene, under_stopit), name="worker", daemon=daemon).start()
        return None
    if mech == "func-timeout":
        func_timeout = need("func_timeout")

        def body():  # runs in func_timeout's own (daemon) thread
            threading.current_thread().name = "worker"
            runs(scene, work)()

        def call():
            scene.entered = time.monotonic()
            try:
                func_timeout.func_timeout(TIMEOUT_S, body)
            except func_timeout.FunctionTimedOut:
                record.mark("FunctionTimedOut in the caller")
        threading.Thread(target=call, name="caller", daemon=daemon).start()
        return None
    if mech == "sigalrm":
        threading.Thread(target=runs(scene, lambda scene: under_alarm(scene, work)),
                         name="worker", daemon=daemon).start()
        return None
    if mech == "async-exc+signal":
        # A Python handler, so that the signal interrupts the worker's call
        # (EINTR) instead of killing the process; it runs in the main thread.
        signal.signal(signal.SIGUSR1,
                      lambda signum, frame: scene.facts.update(signal_handler_ran=True))
    setup = (lambda: install_tracer(scene)) if mech == "settrace" else None
    thread = threading.Thread(target=runs(scene, work, setup), name="worker", daemon=daemon)
    thread.start()
    stops = {
        "async-exc": lambda: async_raise(thread, SystemExit),
        "async-exc+signal": lambda: (async_raise(thread, SystemExit),
                                     pthread_kill(thread, signal.SIGUSR1)),
        "pthread-cancel": lambda: pthread_cancel(thread),
        "os-kill-tid": lambda: os_kill_tid(thread, signal.SIGTERM),
        "pthread-kill": lambda: pthread_kill(thread, signal.SIGINT),
        "settrace": lambda: setattr(scene, "killed", True),
        "join-timeout": lambda: join_and_look(scene, thread),
        "thread-_stop": lambda: call_private_stop(scene, thread),
        "event": scene.stop.set,
        "event-wakeup": lambda: (scene.stop.set(), wake(scene)),
    }
    return stops[mech]


def wake(scene):
    scene.wake_w.send(b"!")
    scene.tasks.put(None)


# ------------------------------------------------------------ the recipes people copy

def install_tracer(scene):
    """The "killable thread" recipe: a trace function that raises SystemExit
    at the next line event once the kill flag is set. Installed in the worker
    (``sys.settrace`` traces the calling thread only). First, what it costs:
    the same busy loop timed untraced, then traced, nobody stopping anything."""
    def globaltrace(frame, event, arg):
        return localtrace if event == "call" else None

    def localtrace(frame, event, arg):
        if scene.killed and event == "line":
            raise SystemExit
        return localtrace

    untraced = cpu_time(lambda: scenes.spin_laps(TRACE_LAPS))
    sys.settrace(globaltrace)
    traced = cpu_time(lambda: scenes.spin_laps(TRACE_LAPS))
    scene.facts["trace_slowdown_x"] = round(traced / untraced, 1)


def cpu_time(fn) -> float:
    """CPU seconds this thread spent in ``fn()``: other threads and a loaded
    machine do not count."""
    began = time.thread_time()
    fn()
    return max(time.thread_time() - began, 1e-9)


def join_and_look(scene, thread):
    """``thread.join(timeout)``: it waits, then returns; what is left?"""
    thread.join(TIMEOUT_S)
    scene.facts["alive_after_join_timeout"] = thread.is_alive()


def call_private_stop(scene, thread):
    """``Thread._stop()``, found in answers: call it on the running worker and
    record what happened, whatever this Python does with it."""
    try:
        thread._stop()
    except Exception as problem:  # what the user sees
        scene.facts.update(private_stop_raised=type(problem).__name__,
                           private_stop_message=str(problem))
    else:
        scene.facts.update(private_stop_raised=None, private_stop_message=None)
    scene.facts["is_alive_after_private_stop"] = thread.is_alive()


def under_alarm(scene, work):
    """The SIGALRM timeout decorator, used where people need it: in a worker
    thread. Its first step, ``signal.signal``, only works in the main thread;
    the worker records what it raised, then does its work without a timeout,
    as code that logs the error and goes on would."""
    def on_alarm(signum, frame):
        raise TimeoutError("timed out")

    scene.entered = time.monotonic()
    try:
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, TIMEOUT_S)
    except ValueError as problem:
        scene.facts.update(alarm_raised=type(problem).__name__, alarm_message=str(problem))
    else:
        scene.facts.update(alarm_raised=None, alarm_message=None)
    work(scene)
