"""The tests' Jupyter kernels talk over unix sockets (IPC transport), each under a
name of its own, not over TCP.

On TCP the launcher picks five free ports and frees them; the kernel binds them
later, and with make test's workers starting kernels at once another process may
take one first: a kernel that died at start, "zmq.error.ZMQError: Address
already in use" (once in a fresh-clone CI, twentieth session; the race of
QuantEcon/sphinxcontrib-jupyter#261). Over IPC no port is chosen. Used by the
tests that start kernels, and by nbval's (tests/early.py calls use_for_nbval).
"""
from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile

from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import default

_KERNEL_SOCKETS = None
_kernel_names = itertools.count(1)


def _kernel_socket_prefix() -> str:
    global _KERNEL_SOCKETS
    if _KERNEL_SOCKETS is None:
        _KERNEL_SOCKETS = tempfile.mkdtemp(prefix="tkl-kernels-")
        atexit.register(shutil.rmtree, _KERNEL_SOCKETS, ignore_errors=True)
    return os.path.join(_KERNEL_SOCKETS, f"k{next(_kernel_names)}")


class _OnIpc:
    """The IPC transport, each kernel's sockets ``<prefix>-1`` to ``-5``."""

    @default("transport")
    def _transport_default(self):
        return "ipc"

    @default("ip")
    def _ip_default(self):
        return _kernel_socket_prefix()


class IpcKernelManager(_OnIpc, KernelManager):
    """A KernelManager on IPC."""


class AsyncIpcKernelManager(_OnIpc, AsyncKernelManager):
    """The same, for nbclient's NotebookClient (``kernel_manager_class``)."""


def start_ipc_kernel(**kwargs):
    """jupyter_client's start_new_kernel(), on IPC: (manager, ready client)."""
    km = IpcKernelManager(kernel_name=kwargs.pop("kernel_name", "python3"))
    km.start_kernel(**kwargs)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
    except RuntimeError:
        kc.stop_channels()
        km.shutdown_kernel()
        raise
    return km, kc


def use_for_nbval() -> None:
    """nbval (make test's notebooks) starts its kernels with this name."""
    try:
        import nbval.kernel
    except ImportError:
        return
    nbval.kernel.KernelManager = IpcKernelManager
