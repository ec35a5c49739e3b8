"""Headless Chromium for the checks (check_handouts.py, check_lab.py): one tab,
driven over the DevTools protocol with one WebSocket (websocket-client). It is
Debian's `chromium`: no library that downloads its own browser."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

LOAD_TIMEOUT_S = 30


class Browser:
    """Headless Chromium, one tab, driven over the DevTools protocol."""

    def __init__(self, binary: str, width: int, height: int):
        self.profile = tempfile.mkdtemp(prefix="check-browser-")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)  # its own process group: closed as one
        self.events: list[dict] = []
        self.next_id = 0
        self.socket = websocket.create_connection(self._page_socket(), timeout=LOAD_TIMEOUT_S,
                                                  suppress_origin=True)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def _page_socket(self) -> str:
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while not port_file.is_file() or not port_file.read_text().strip():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chromium did not start")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            targets = json.load(answer)
        return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error'].get('message')}")
                return message["result"]
            self.events.append(message)

    def wait_for(self, method: str) -> None:
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {LOAD_TIMEOUT_S} s")
            self.events.append(json.loads(self.socket.recv()))

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return json.loads(result["result"]["value"])

    def close(self) -> None:
        """Ask Chromium to quit, then kill its process group whatever it did."""
        try:
            self.socket.send(json.dumps({"id": 0, "method": "Browser.close"}))
            self.process.wait(timeout=5)
        except (OSError, websocket.WebSocketException, subprocess.TimeoutExpired):
            pass
        try:
            self.socket.close()
        finally:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


def console_errors(events: list[dict]) -> list[str]:
    errors = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
            errors.append("console error: " + " ".join(str(a.get("value", a.get("description", "")))
                                                       for a in p["args"])[:200])
        elif method == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            errors.append("uncaught: " + d.get("exception", {}).get("description", d["text"])[:200])
        elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
            errors.append(f"console error: {p['entry']['text'][:200]} {p['entry'].get('url', '')}")
        elif method == "Network.loadingFailed" and not p.get("canceled"):
            errors.append(f"resource failed: {p['errorText']}")
        elif method == "Network.responseReceived" and p["response"]["status"] >= 400:
            errors.append(f"HTTP {p['response']['status']}: {p['response']['url']}")
    return errors
