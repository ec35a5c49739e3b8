"""The work the labs stop: one home for each piece of scenario code.

Everything here runs in the sandbox's child, in the worker threads a lab
starts. Lab modules (lock_leak, blocking_io, anatomy, the kill matrix) build
their scenes from these pieces, so that a notebook shows the one copy that
runs, wherever it is run from.

- busy work: ``spin_forever``, ``spin_until``, ``spin_laps``;
- money moved under a lock: ``Bank``, ``transfer_unsafely``, ``transfer_with``;
- a thread waiting for data on a socket: ``wait_for_data`` (blocked in recv),
  ``wait_for_data_polling`` (a timeout and a stop flag),
  ``wait_for_data_or_wakeup`` and ``wake_up`` (a wake-up socket, no polling).
"""
from __future__ import annotations

import selectors
import threading

from labs.child import record

AMOUNT = 10  # moved by one transfer
TICK = 0.05  # the polling reader's timeout: how often it looks at its stop flag


# ------------------------------------------------------------------ busy work

def spin_forever():
    """Busy pure-Python work that never ends by itself."""
    n = 0
    while True:
        n += 1


def spin_until(stop: threading.Event):
    """Busy work until ``stop`` is set, in a function of its own: on 3.13 an
    exception that fires on the back-edge of a tight loop written inline in a
    ``try`` skips the handlers (see anatomy.tight_loop_in_try); raised in
    here, it reaches the caller's ``try`` through the call, on every version."""
    while not stop.is_set():
        pass


def spin_laps(laps: int) -> int:
    """A fixed amount of busy work: ``laps`` turns of a pure-Python loop (what
    the kill matrix times to price a trace function)."""
    n = 0
    while n < laps:
        n += 1
    return n


# ------------------------------------------------------------------ a transfer under a lock

class Bank:
    """Two accounts; their total is the invariant the lock protects."""

    def __init__(self, balance=1000):
        self.accounts = {"alice": balance, "bob": balance}
        self.total = sum(self.accounts.values())

    def debit(self, who, amount):
        self.accounts[who] -= amount

    def credit(self, who, amount):
        self.accounts[who] += amount

    def invariant_ok(self):
        return sum(self.accounts.values()) == self.total


def transfer_unsafely(bank: Bank, lock, midway):
    """The code people write: acquire, work, release. No try/finally.
    ``midway()`` runs between the debit and the credit: the scene pauses
    there, and that is where a forced stop lands."""
    record.state("waiting for lock")
    lock.acquire()
    record.state("holding lock")
    bank.debit("alice", AMOUNT)
    midway()
    bank.credit("bob", AMOUNT)
    lock.release()
    record.state("working")


def transfer_with(bank: Bank, lock, midway):
    """The same transfer under ``with lock:``."""
    record.state("waiting for lock")
    with lock:
        record.state("holding lock")
        bank.debit("alice", AMOUNT)
        midway()
        bank.credit("bob", AMOUNT)
    record.state("working")


# ------------------------------------------------------------------ waiting for data
# Each reader watches a stop flag, as it should. The first looks at it only
# between calls; the other two never wait longer than a tick, or wake up.

def wait_for_data(sock, stop):
    """Serve a connection until stopped, or until the peer closes it."""
    while not stop.is_set():
        data = sock.recv(1)  # the peer never sends
        if not data:
            return


def wait_for_data_polling(sock, stop, tick=TICK):
    """A timeout on every call, in a loop that checks the flag: the stop is
    seen within one tick; meanwhile the reader wakes up once per tick."""
    sock.settimeout(tick)
    while not stop.is_set():
        try:
            data = sock.recv(1)
        except TimeoutError:  # socket.timeout is TimeoutError since 3.10
            continue
        if not data:
            return


def wait_for_data_or_wakeup(sock, wake, stop):
    """Wait on the socket and on a wake-up socket at once: no timeout, no
    polling. The stopper sets the flag, then writes one byte (``wake_up``)."""
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while not stop.is_set():
            for key, _ in sel.select():  # sleeps until data or a wake-up byte
                if key.fileobj is wake:
                    wake.recv(1)  # the flag is checked as the loop goes round
                elif not sock.recv(4096):
                    return


def wake_up(stop, wake_w):
    stop.set()
    wake_w.send(b"\0")
