"""Headless Chromium over the DevTools protocol, for DOM-level tests of HTML.

Drives Debian's `chromium` through its remote-debugging websocket with
`websocket-client`; imports neither digestcore nor pytest. Use `Browser` as a
context manager; the pytest fixtures are in conftest_browser.py.

What counts as a console error (`Browser.console_errors()`):
  * console.error and failed console.assert (Runtime.consoleAPICalled);
  * uncaught exceptions and unhandled rejections (Runtime.exceptionThrown);
  * browser log entries of level "error" (Log.entryAdded): failed subresource
    loads, blocked content, CSP violations. A page we render must not point at
    anything missing, so these count, except a request for /favicon.ico,
    which the browser makes of its own accord.
console.warn and warning-level log entries stay in `console` but are not errors.
"""
from __future__ import annotations

import base64
import ctypes
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Callable, Optional

try:
    import websocket  # websocket-client
except ImportError:  # conftest_browser.require_browser() skips or fails on this
    websocket = None  # type: ignore[assignment]

ROOT = pathlib.Path(__file__).resolve().parents[2]
CDP_TIMEOUT = 30.0
REQUIRE_ENV = "DIGESTCORE_REQUIRE_BROWSER"
OWN = "digestcore-harness://"  # sourceURL of the harness's own scripts
FLAGS = [
    "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--no-sandbox",  # Chromium refuses to start as root with its sandbox on
    "--disable-dev-shm-usage",  # /dev/shm may be small in containers
    "--remote-debugging-port=0",  # the port it picks is in DevToolsActivePort
    "--hide-scrollbars", "--force-device-scale-factor=1",  # stable layout and PNG sizes
]

# Runs before any page script in every frame: records how a payload announces
# itself (`window.__pwned = ...`, alert/confirm/prompt/print).
TRAP = """(() => {
  const hits = [];
  Object.defineProperty(window, '__digestcoreHits', {value: hits});
  let pwned;
  Object.defineProperty(window, '__pwned', {configurable: false,
    get() { return pwned; }, set(v) { hits.push('__pwned=' + String(v)); pwned = v; }});
  for (const f of ['alert', 'confirm', 'prompt', 'print'])
    window[f] = (...a) => { hits.push(f + '(' + a.map(String).join(',') + ')'); };
})();
//# sourceURL=""" + OWN + "trap"

# Markup that carries script, whether or not it ran, plus the trap's records.
SCRIPT_MARKUP = """(() => {
  const URL_ATTR = /^(href|src|action|formaction|xlink:href|data|poster|background|ping)$/i;
  const out = [];
  if (document.scripts.length) out.push(document.scripts.length + ' <script> element(s)');
  for (const el of document.querySelectorAll('*')) {
    if (/^(iframe|frame|object|embed)$/.test(el.localName)) out.push('<' + el.localName + '>');
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (/^on/i.test(a.name)) out.push('<' + el.localName + ' ' + a.name + '>');
      else if (URL_ATTR.test(a.name) && /^(javascript|vbscript):/.test(v))
        out.push('<' + el.localName + ' ' + a.name + '=' + v.split(':')[0] + ':>');
    }
  }
  for (const w of [window, ...Array.from(window.frames)])
    try { out.push(...(w.__digestcoreHits || [])); } catch (e) { /* cross-origin */ }
  return out;
})()"""


class BrowserError(RuntimeError):
    pass


@dataclass
class ConsoleMessage:
    source: str  # "console", "exception" or "log"
    level: str   # "error", "warning", "log", "info", ...
    text: str
    url: str = ""


def find_chromium() -> Optional[str]:
    """The browser to run: $DIGESTCORE_CHROMIUM if set, else `chromium` on PATH."""
    return shutil.which(os.environ.get("DIGESTCORE_CHROMIUM") or "chromium")


def artifact_path(name: str) -> pathlib.Path:
    """Path for test artefact `name`: under $DIGESTCORE_TEST_ARTIFACTS, else
    build/test-artifacts/browser/ in the repository (created)."""
    env = os.environ.get("DIGESTCORE_TEST_ARTIFACTS")
    d = pathlib.Path(env) if env else ROOT / "build" / "test-artifacts" / "browser"
    d.mkdir(parents=True, exist_ok=True)
    return d / name


class Browser:
    """One headless Chromium showing one page, driven synchronously."""

    def __init__(self, executable: Optional[str] = None, width: int = 1024,
                 height: int = 768, timeout: float = CDP_TIMEOUT):
        self.executable = executable or find_chromium()
        self.width, self.height, self.timeout = width, height, timeout
        self.console: list[ConsoleMessage] = []
        self.scripts: list[str] = []  # URLs of page scripts compiled
        self.dialogs: list[str] = []
        self._proc: Any = None  # subprocess.Popen once started
        self._ws: Any = None
        self._tmp = ""
        self._id = 0
        self._replies: dict[int, dict] = {}
        self._events: list[str] = []  # event names since the last open()
        self.healthy = False  # started, and no call has timed out or lost the link

    @staticmethod
    def available() -> bool:
        return websocket is not None and find_chromium() is not None

    def __enter__(self) -> "Browser":
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        if websocket is None or not self.executable:
            raise BrowserError("chromium or websocket-client is not installed")
        self._tmp = tempfile.mkdtemp(prefix="digestcore-chromium-")
        # XDG dirs in the profile keep ~/.config clean and put the profile path
        # on the crash handlers' command lines, so close() can find them too.
        env = dict(os.environ, XDG_CONFIG_HOME=self._tmp, XDG_CACHE_HOME=self._tmp)
        prctl = ctypes.CDLL(None).prctl  # resolved before fork, called after
        with open(os.path.join(self._tmp, "stderr.log"), "wb") as log:
            self._proc = subprocess.Popen(  # own session: one killpg reaches all
                [str(self.executable), *FLAGS, f"--user-data-dir={self._tmp}",
                 f"--window-size={self.width},{self.height}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                env=env, start_new_session=True,
                # PR_SET_PDEATHSIG: if pytest itself is killed, so is Chromium.
                preexec_fn=lambda: prctl(1, signal.SIGKILL))
        port, pages = self._wait_port(), []  # type: int, list[dict]
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no *_proxy
        deadline = time.monotonic() + self.timeout
        while not pages and time.monotonic() < deadline:  # target may lag the port
            with direct.open(f"http://127.0.0.1:{port}/json/list", timeout=self.timeout) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            time.sleep(0 if pages else 0.05)
        if not pages:
            raise BrowserError("chromium exposed no page target")
        # Our own socket keeps *_proxy variables out of it; no Origin header,
        # since Chromium refuses websocket origins it was not told of.
        sock = socket.create_connection(("127.0.0.1", port), timeout=self.timeout)
        self._ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], socket=sock,
                                               timeout=self.timeout, suppress_origin=True)
        for method in ("Page.enable", "Runtime.enable", "Log.enable", "Debugger.enable"):
            self.send(method)
        self.send("Debugger.setSkipAllPauses", skip=True)  # `debugger;` must not hang us
        self.send("Page.addScriptToEvaluateOnNewDocument", source=TRAP)
        self.send("Emulation.setDeviceMetricsOverride", width=self.width,
                  height=self.height, deviceScaleFactor=1, mobile=False)
        self.healthy = True

    def _wait_port(self) -> int:
        path = os.path.join(self._tmp, "DevToolsActivePort")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise BrowserError(f"chromium exited ({self._proc.returncode}):\n{self.log()}")
            with suppress(FileNotFoundError), open(path) as f:
                first = f.readline().strip()
                if first.isdigit():  # the file may be seen before it is filled
                    return int(first)
            time.sleep(0.05)
        raise BrowserError(f"no DevToolsActivePort after {self.timeout}s:\n{self.log()}")

    def log(self, lines: int = 20) -> str:
        """The end of Chromium's stderr, for failure messages."""
        with suppress(OSError), open(os.path.join(self._tmp, "stderr.log"), errors="replace") as f:
            return "".join(f.readlines()[-lines:])
        return ""

    def _own_pids(self) -> list[int]:
        """Chromium's processes: its group, and the crash handlers that leave
        it (found by the profile path on their command line)."""
        pids = []
        for d in filter(str.isdigit, os.listdir("/proc")):
            with suppress(OSError), open(f"/proc/{d}/cmdline", "rb") as f:
                if os.getpgid(int(d)) == self._proc.pid or self._tmp.encode() in f.read():
                    pids.append(int(d))
        return pids

    def close(self) -> None:
        """Stop Chromium and wait until none of its processes, zombies
        included, is left. Safe to call twice."""
        if self._proc is not None:
            pids = self._own_pids()
            if self._ws is not None:  # a clean exit first: Chromium stops its helpers
                with suppress(Exception):
                    self._ws.send(json.dumps({"id": -1, "method": "Browser.close"}))
                    self._proc.wait(timeout=5)
            for pid in pids:
                with suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            with suppress(OSError):
                os.killpg(self._proc.pid, signal.SIGKILL)
            self._proc.wait(timeout=10)
            # Orphaned helpers are reaped by init; wait for that, boundedly.
            deadline = time.monotonic() + 10
            while any(os.path.exists(f"/proc/{p}") for p in pids) and time.monotonic() < deadline:
                time.sleep(0.05)
            self._proc = None
        if self._ws is not None:
            with suppress(Exception):
                self._ws.close()
            self._ws = None
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = ""

    def send(self, method: str, **params: Any) -> dict:
        """Call a CDP method and return its result. Events read meanwhile are
        handled in order; replies are matched by id."""
        self._id += 1
        mid = self._id
        self._ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        self._pump(lambda: mid in self._replies, f"the reply to {method}")
        reply = self._replies.pop(mid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def _pump(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not done():
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise websocket.WebSocketTimeoutException()
                self._ws.settimeout(left)
                msg = json.loads(self._ws.recv())
            except (websocket.WebSocketException, OSError) as e:
                self.healthy = False  # a hung page or a dead browser: start anew
                if isinstance(e, websocket.WebSocketTimeoutException):
                    raise BrowserError(f"no {what} within {self.timeout}s") from None
                raise BrowserError(f"connection lost waiting for {what}: {e!r}\n{self.log()}") from e
            if "id" in msg:
                self._replies[msg["id"]] = msg
            else:
                self._event(msg.get("method", ""), msg.get("params", {}))

    def _event(self, method: str, p: dict) -> None:
        self._events.append(method)
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", a.get("type"))))
                            for a in p.get("args", []))
            kind = p.get("type", "log")
            self.console.append(ConsoleMessage(
                "console", "error" if kind == "assert" else kind, text))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            text = d.get("exception", {}).get("description") or d.get("text", "")
            self.console.append(ConsoleMessage("exception", "error", text, d.get("url", "")))
        elif method == "Log.entryAdded":
            e = p.get("entry", {})
            self.console.append(ConsoleMessage("log", e.get("level", ""), e.get("text", ""),
                                               e.get("url", "")))
        elif method == "Debugger.scriptParsed":
            aux = p.get("executionContextAuxData") or {}
            # Page worlds only (not extensions'), and not our own evaluate().
            if aux.get("isDefault", True) and not p.get("url", "").startswith(OWN):
                self.scripts.append(p.get("url") or "(no url)")
        elif method == "Page.javascriptDialogOpening":
            # A dialog the trap missed would block the page: record, dismiss.
            self.dialogs.append(p.get("message", ""))
            self._ws.send(json.dumps({"id": -2, "method": "Page.handleJavaScriptDialog",
                                      "params": {"accept": False}}))

    def open(self, path_or_url: "str | os.PathLike[str]") -> None:
        """Navigate (a path becomes a file:// URL), wait for the load event and
        web fonts, and start fresh console and script records."""
        url = os.fspath(path_or_url)
        if ":" not in url.split("/")[0]:
            url = pathlib.Path(url).resolve().as_uri()
        self.console.clear(); self.scripts.clear(); self.dialogs.clear(); self._events.clear()
        res = self.send("Page.navigate", url=url)
        if res.get("errorText"):
            raise BrowserError(f"cannot open {url}: {res['errorText']}")
        self._pump(lambda: "Page.loadEventFired" in self._events, f"load event of {url}")
        self.evaluate("document.fonts.ready.then(() => true)", await_promise=True)

    def evaluate(self, js: str, await_promise: bool = False) -> Any:
        """The value of expression `js` in the page, as JSON; raises
        BrowserError when it throws."""
        res = self.send("Runtime.evaluate", expression=f"{js}\n//# sourceURL={OWN}eval",
                        returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in res:
            d = res["exceptionDetails"]
            raise BrowserError("evaluate: " + (d.get("exception", {}).get("description")
                                               or d.get("text", "")))
        return res.get("result", {}).get("value")

    def console_errors(self) -> list[ConsoleMessage]:
        """The messages that count as errors (see the module's docstring)."""
        if self.healthy:  # a round trip first: events arrive in order, so any
            self.evaluate("0")  # message logged until now is read before its reply
        return [m for m in self.console if m.level == "error"
                and not (m.source == "log" and m.url.endswith("/favicon.ico"))]

    def script_evidence(self) -> list[str]:
        """Why the page is not inert: dialogs, page scripts compiled (inline,
        handlers, javascript: URLs, frames), script-bearing markup and trap
        records. Empty means no script ran and none is in the DOM."""
        return ([f"dialog: {d}" for d in self.dialogs]
                + [f"script compiled: {u}" for u in self.scripts]
                + self.evaluate(SCRIPT_MARKUP))

    def screenshot(self, path: "str | os.PathLike[str]", full_page: bool = True) -> pathlib.Path:
        """Write a PNG of the page (the whole document when full_page)."""
        params: dict = {"format": "png"}
        if full_page:
            w, h = self.evaluate("[document.documentElement.scrollWidth,"
                                 " document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": w, "height": h, "scale": 1})
        out = pathlib.Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))
        return out
