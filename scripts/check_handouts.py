"""Check the handouts in a real browser: headless Chromium opens every page.

  python scripts/check_handouts.py [--site build/handouts] [--chromium PATH]

Serves the site on 127.0.0.1 and drives Debian's `chromium` over the DevTools
protocol (one WebSocket, websocket-client): no library that downloads its own
browser. A page fails when it does not load, logs a console error, fails to
load a resource, has an internal link to a missing page or anchor, a figure
that does not display, content wider than a 1280 px window, or, printed on A4
paper, code or figures that would be cut off. Writes screenshots of the index
and of one lab page under the site, for a human look. Exit status 0 when every
page passes, 1 with one line per problem, 2 when it cannot run.
"""
from __future__ import annotations

import argparse
import base64
import functools
import os
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from browser import Browser, console_errors  # a sibling script: scripts/ is on sys.path

WIDTH, HEIGHT = 1280, 900
PRINT_WIDTH = 698  # A4 (794 px at 96 dpi) less the lab template's 0.5 in margins

# Run in the page; returns what the checks need, as JSON.
INSPECT = """(() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => !e.closest('pre, table, .jp-OutputArea-output') || e.matches('pre, table, img'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
  return JSON.stringify({
    title: document.title,
    text: document.body ? document.body.innerText.length : 0,
    overflow: root.scrollWidth - root.clientWidth,
    wide: wide,
    images: [...document.images].map(i => ({
      src: i.currentSrc.slice(0, 80), ok: i.complete && i.naturalWidth > 0,
      shown: i.getBoundingClientRect().width > 0 && i.getBoundingClientRect().height > 0})),
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    ids: [...document.querySelectorAll('[id], a[name]')].map(e => e.id || e.name),
  });
})()"""

# Printed: code that scrolls or is clipped, and anything wider than the paper.
PRINT_INSPECT = """(() => {
  const width = document.documentElement.clientWidth;
  const cut = [...document.querySelectorAll('pre, img, table, svg, .jp-InputArea, .jp-OutputArea-output')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + ': ' + (e.innerText || e.getAttribute('src') || '')
         .trim().split('\\n')[0].slice(0, 60));
  return JSON.stringify(cut.slice(0, 3).concat(cut.length > 3 ? ['... ' + cut.length + ' in all'] : []));
})()"""


# ------------------------------------------------------------ one page

def check_page(browser: Browser, url: str) -> tuple[list[str], dict]:
    browser.send("Emulation.setEmulatedMedia", media="screen")
    browser.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
                 deviceScaleFactor=1, mobile=False)
    # The previous page's late events (a console message can be delivered
    # after its load event) must not count against this one: load a blank
    # page first, reading everything that arrives until it has loaded.
    browser.events.clear()
    browser.send("Page.navigate", url="about:blank")
    browser.wait_for("Page.loadEventFired")
    browser.events.clear()
    navigation = browser.send("Page.navigate", url=url)
    if navigation.get("errorText"):
        return [f"does not load: {navigation['errorText']}"], {}
    browser.wait_for("Page.loadEventFired")
    page = browser.evaluate(INSPECT)
    problems = console_errors(browser.events)
    if page["text"] == 0:
        problems.append("the page is empty")
    for image in page["images"]:
        if not (image["ok"] and image["shown"]):
            problems.append(f"figure not displayed: {image['src']}")
    if page["overflow"] > 0:
        problems.append(f"{page['overflow']} px wider than a {WIDTH} px window: "
                        + ", ".join(page["wide"]))
    browser.send("Emulation.setEmulatedMedia", media="print")
    browser.send("Emulation.setDeviceMetricsOverride", width=PRINT_WIDTH, height=HEIGHT,
                 deviceScaleFactor=1, mobile=False)
    for cut in browser.evaluate(PRINT_INSPECT):
        problems.append(f"cut off when printed: {cut}")
    return problems, page


def screenshot(browser: Browser, url: str, path: Path, height: int,
               from_first_figure: bool = False) -> None:
    """The top of the page, or the stretch that starts just above its first figure."""
    browser.send("Emulation.setEmulatedMedia", media="screen")
    browser.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
                 deviceScaleFactor=1, mobile=False)
    browser.events.clear()
    browser.send("Page.navigate", url=url)
    browser.wait_for("Page.loadEventFired")
    top = 0
    if from_first_figure:
        top = browser.evaluate("JSON.stringify(document.images.length ? Math.max(0, "
                               "document.images[0].getBoundingClientRect().top + scrollY - 300) : 0)")
    shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                        clip={"x": 0, "y": top, "width": WIDTH, "height": height, "scale": 1})
    path.write_bytes(base64.b64decode(shot["data"]))


# ------------------------------------------------------------ the site

def broken_links(site: Path, base: str, pages: dict[str, dict]) -> list[tuple[str, str]]:
    """Every link inside the site must reach a file, and its #anchor an id there."""
    broken = []
    for page, seen in pages.items():
        for link in seen.get("links", []):
            if not link.startswith(base):
                continue  # outside the site: not ours to check offline
            parts = urlsplit(link)
            path = unquote(parts.path).lstrip("/") or "index.html"
            target = site / path
            if target.is_dir():
                target, path = target / "index.html", f"{path.rstrip('/')}/index.html".lstrip("/")
            if not target.is_file():
                broken.append((page, f"broken link: {path}"))
            elif parts.fragment and path in pages and not \
                    {parts.fragment, unquote(parts.fragment)} & set(pages[path].get("ids", [])):
                # the HTML standard finds an anchor by its fragment as written, then decoded
                broken.append((page, f"broken link: {path}#{parts.fragment}"))
    return broken


def serve(site: Path) -> ThreadingHTTPServer:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lab_page(pages: list[str]) -> str:
    """The page to photograph: the first lab after the introduction."""
    labs = [p for p in pages if p[:2].isdigit()]
    return labs[1] if len(labs) > 1 else (labs or pages)[0]


def check(site: Path, binary: str) -> int:
    names = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    if "index.html" not in names:
        print(f"check_handouts: error: no {site}/index.html: run `make handouts` first",
              file=sys.stderr)
        return 2
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    browser = Browser(binary, WIDTH, HEIGHT)
    problems: list[tuple[str, str]] = []
    seen: dict[str, dict] = {}
    started = time.monotonic()
    try:
        for name in names:
            page_problems, seen[name] = check_page(browser, base + name)
            problems += [(name, p) for p in page_problems]
            print(f"{'ok  ' if not page_problems else 'FAIL'} {name} "
                  f"({len(seen[name].get('images', []))} figures, "
                  f"{len(seen[name].get('links', []))} links)", flush=True)
        problems += broken_links(site, base, seen)
        screenshot(browser, base + "index.html", site / "screenshot-index.png", HEIGHT)
        screenshot(browser, base + lab_page(names), site / "screenshot-lab.png", 2 * HEIGHT)
        screenshot(browser, base + lab_page(names), site / "screenshot-lab-figure.png", HEIGHT,
                   from_first_figure=True)
    finally:
        browser.close()
        server.shutdown()
    for name, problem in problems:
        print(f"{name}: {problem}")
    print(f"{len(names) - len({n for n, _ in problems})} passed, "
          f"{len({n for n, _ in problems})} failed: pages in headless Chromium "
          f"({time.monotonic() - started:.0f} s); screenshots: {site}/screenshot-*.png")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="build/handouts", type=Path)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"),
                        help="the browser binary (default: chromium on PATH, or $CHROMIUM)")
    args = parser.parse_args(argv)
    binary = shutil.which(args.chromium)
    if binary is None:
        print(f"check_handouts: error: no {args.chromium} on PATH: "
              "install Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    return check(args.site, binary)


if __name__ == "__main__":
    sys.exit(main())
