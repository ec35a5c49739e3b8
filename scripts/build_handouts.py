"""Build the handouts: a static site of the notebooks as stored, under build/handouts/.

  python scripts/build_handouts.py [--out build/handouts] [--figures build/figures]

Nothing is re-executed: every page shows the outputs and figures committed
with its notebook. Pages:

- index.html          the table of labs: what breaks, run time, exercises
- NN-name.html        one per notebooks/NN-*.ipynb (whatever notebooks exist)
- instructors.html    INSTRUCTORS.md
- figures-LAB.html    each lab's timeline figures from `make demo`, when
                      build/figures/ holds them (the notebooks show the same
                      runs; these pages show every variant side by side)

nbconvert's lab template does the converting (it ships with jupyter, which
the project already needs). The page template below drops the template's
scripts that load from the web (require.js, MathJax, mermaid: no notebook
uses them), so a page loads offline, and adds its own style last (a
navigation bar; on paper: no prompts, code small enough for 100 columns,
wrapped rather than cut off).
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
TIMINGS = re.compile(r"<!-- timings:start -->(.*?)<!-- timings:end -->", re.S)

# Read on screen at 1280 px, and printed on A4 from the browser: code wraps
# instead of being cut off, figures shrink to the page, navigation is not printed.
STYLE = """
body { margin: 0; }
main, .handout { max-width: 1100px; margin: 0 auto; padding: 0 24px; box-sizing: border-box; }
nav.handout-nav { max-width: 1100px; margin: 0 auto; padding: 12px 24px;
  display: flex; gap: 1.5em; font: 15px/1.4 system-ui, sans-serif; box-sizing: border-box; }
nav.handout-nav .next { margin-left: auto; }
img { max-width: 100%; height: auto; }
.jp-RenderedHTMLCommon table { display: block; overflow-x: auto; }
.handout { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; }
.handout table { border-collapse: collapse; margin: 1em 0; }
.handout th, .handout td { border: 1px solid #ccc; padding: 6px 10px; text-align: left;
  vertical-align: top; }
.handout th { background: #f3f3f3; }
.handout code, .handout pre { font-family: ui-monospace, monospace; font-size: 90%; }
.handout pre { background: #f6f6f6; padding: 8px 12px; white-space: pre-wrap; }
.handout figure { margin: 1.5em 0; }
.handout a.anchor-link { visibility: hidden; margin-left: 0.3em; text-decoration: none; }
.handout :hover > a.anchor-link { visibility: visible; }
.handout figcaption { font-weight: 600; margin-bottom: 0.3em; }
@media print {
  nav.handout-nav { display: none; }
  main, .handout { max-width: none; padding: 0; }
  pre, .jp-RenderedText pre, .highlight pre, .cm-editor pre {
    white-space: pre-wrap !important; overflow-wrap: anywhere; }
  .jp-InputArea, .jp-InputArea-editor, .jp-OutputArea-output { overflow: visible !important; }
  /* 100 columns fit the width of A4: tables of results stay tables */
  .jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
  .jp-RenderedText pre, .highlight pre, .cm-editor pre, .handout pre { font-size: 8pt !important; }
  img, figure { break-inside: avoid; }
  .jp-RenderedHTMLCommon table { display: table; }
  /* the suite's facts tables (labs.show.tables.Table): the page's width, small
     type, and a long value (a path, a list) may break anywhere rather than run off */
  .jp-RenderedHTMLCommon table { table-layout: fixed; width: 100%; font-size: 8pt; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: anywhere; }
}
"""

# No icon file: a browser asks every site for /favicon.ico, and a 404 is a console error.
ICON = '<link rel="icon" href="data:,">'

PAGE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}{{ resources.handout.head }}<style type="text/css">{{ resources.handout.style }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.handout.nav }}
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.handout.nav }}
{{ super() }}
{%- endblock body_footer -%}
"""


# ------------------------------------------------------------ the notebooks

def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob(NOTEBOOK_GLOB))


def title_of(nb) -> str:
    """The notebook's first heading, of any level."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.search(r"^#+\s+(.+?)\s*#*\s*$", cell.source, re.M)
            if heading:
                return heading.group(1)
    return "untitled"


def exercise_count(nb) -> int:
    """Exercises: the sub-headings of the first "Exercise" section, else its
    numbered items (one exercise with steps counts once per step)."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    parts = re.split(r"^(#+)[ \t]+(.*)$", text, flags=re.M)  # [text, level, title, text, ...]
    sections = [(len(parts[i]), parts[i + 1], parts[i + 2]) for i in range(1, len(parts), 3)]
    for k, (level, title, _) in enumerate(sections):
        if re.search(r"\bexercise", title, re.I):
            inside = []
            for sub_level, sub_title, body in sections[k + 1:]:
                if sub_level <= level:
                    break
                inside.append(sub_title)
            subs = [t for t in inside if re.search(r"\bexercise", t, re.I)]
            body = "\n".join([sections[k][2]] + [b for lv, t, b in sections[k + 1:k + 1 + len(inside)]])
            return len(subs) or len(re.findall(r"^\d+\.\s", body, re.M)) or 1
    return 0


def lab_run_by(nb) -> list[str]:
    """The lab ids a notebook runs, e.g. sandbox.run("lock-leak", ...)."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return list(dict.fromkeys(re.findall(r'sandbox\.run\(\s*"([a-z0-9-]+)"', code)))


# ------------------------------------------------------------ links

LINK = re.compile(r'(\]\(\s*<?|\b(?:href|src)\s*=\s*["\'])([^)"\'\s>]+)')


class Links:
    """Rewrites a source file's relative links so that they work in the site:
    a notebook becomes its page, INSTRUCTORS.md its page, a Markdown file
    of the repository a rendered copy, any other repository file a copy."""

    def __init__(self, out: Path, pages: dict[Path, str]):
        self.out = out
        self.pages = pages  # repository file -> its page in the site

    def rewrite(self, text: str, source: Path, page: str) -> str:
        def fix(match):
            target = match.group(2)
            if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", target, re.I):
                return match.group(0)  # external, same page, or absolute
            path, _, fragment = target.partition("#")
            new = self.site_path((source.parent / path).resolve())
            if new is None:
                return match.group(0)  # left as written: the browser check reports it
            depth = page.count("/")
            return match.group(1) + "../" * depth + new + (f"#{fragment}" if fragment else "")
        return LINK.sub(fix, text)

    def site_path(self, target: Path) -> str | None:
        if target in self.pages:
            return self.pages[target]
        if not target.is_file() or ROOT not in target.parents:
            return None
        relative = target.relative_to(ROOT)
        if target.suffix == ".md":
            page = f"files/{relative.with_suffix('.html')}"
            self.pages[target] = page
            write_markdown_page(self, target, page, relative.name)
        else:
            page = f"files/{relative}"
            self.pages[target] = page
            (self.out / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, self.out / page)
        return page


# ------------------------------------------------------------ pages

def nav(*links: tuple[str, str, str]) -> str:
    items = "".join(f'<a class="{cls}" href="{html.escape(href)}">{html.escape(text)}</a>'
                    for cls, href, text in links if href)
    return f'<nav class="handout-nav">{items}</nav>'


def simple_page(title: str, body: str, navigation: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
{ICON}
<style>{STYLE}</style>
</head>
<body>
{navigation}
<div class="handout">
{body}
</div>
{navigation}
</body>
</html>
"""


def write_markdown_page(links: Links, source: Path, page: str, title: str) -> None:
    depth = page.count("/")
    text = links.rewrite(source.read_text(), source, page)
    body = markdown2html_mistune(text)
    out = links.out / page
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(simple_page(title, body, nav(("index", "../" * depth + "index.html", "Index"))))


def exporter() -> HTMLExporter:
    loader = jinja2.DictLoader({"handout.html.j2": PAGE_TEMPLATE})
    return HTMLExporter(template_name="lab", template_file="handout.html.j2",
                        extra_loaders=[loader], exclude_anchor_links=False)


def write_notebook_page(links: Links, entry: dict, previous: dict | None,
                        following: dict | None, convert: HTMLExporter) -> None:
    nb = entry["nb"]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = links.rewrite(cell.source, entry["path"], entry["page"])
    nb.metadata["title"] = entry["title"]
    navigation = nav(("prev", previous and previous["page"], previous and f"← {previous['title']}"),
                     ("index", "index.html", "Index"),
                     *[("figures", f"figures-{lab}.html", f"Figures: {lab}")
                       for lab in entry["figures"]],
                     ("next", following and following["page"],
                      following and f"{following['title']} →"))
    body, _ = convert.from_notebook_node(
        nb, resources={"handout": {"nav": navigation, "style": STYLE, "head": ICON}})
    exercises = re.search(r'<h\d id="([^"]*Exercise[^"]*)"', body, re.I)
    entry["exercise_anchor"] = exercises.group(1) if exercises else ""
    (links.out / entry["page"]).write_text(body)


def write_figure_pages(out: Path, figures: Path, entries: list[dict]) -> None:
    """One page per lab run by a notebook, from build/figures/LAB-VARIANT.png."""
    for entry in entries:
        for lab in entry["figures"]:
            items = []
            for png in sorted(figures.glob(f"{lab}-*.png")):
                variant = png.stem[len(lab) + 1:]
                (out / "figures").mkdir(exist_ok=True)
                shutil.copyfile(png, out / "figures" / png.name)
                items.append(f'<figure><figcaption>{html.escape(variant)}</figcaption>'
                             f'<img src="figures/{html.escape(png.name)}" '
                             f'alt="timeline of {html.escape(lab)} {html.escape(variant)}">'
                             f'</figure>')
            body = (f"<h1>Figures: {html.escape(lab)}</h1>\n"
                    f"<p>Every variant of the lab, one timeline each, from <code>make demo</code> "
                    f"on the machine that built this site. The notebook "
                    f'<a href="{entry["page"]}">{html.escape(entry["title"])}</a> explains them.</p>\n'
                    + "\n".join(items))
            (out / f"figures-{lab}.html").write_text(simple_page(
                f"Figures: {lab}", body,
                nav(("index", "index.html", "Index"), ("next", entry["page"], entry["title"]))))


# ------------------------------------------------------------ the index

def what_breaks(stem: str) -> str:
    """The README's lab table says what breaks in each notebook: one home."""
    for line in (ROOT / "README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].strip("`") == stem:
            return cells[-1]
    return ""


def run_times(guide_text: str) -> dict[str, str]:
    """Measured run times, from the table scripts/time_notebooks.py writes
    into INSTRUCTORS.md: {notebook stem: "42 s"}."""
    block = TIMINGS.search(guide_text)
    times = {}
    for line in (block.group(1).splitlines() if block else []):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        stem = re.search(r"\d\d-[\w-]+", cells[0])
        if stem and len(cells) > 1:
            times[stem.group(0)] = cells[1]
    return times


def inline(markdown: str) -> str:
    """`code` in a table cell, as the README writes it."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(markdown, quote=False))


def write_index(out: Path, entries: list[dict], guide: str | None) -> None:
    guide_file = ROOT / "INSTRUCTORS.md"
    times = run_times(guide_file.read_text() if guide_file.is_file() else "")
    rows = []
    for e in entries:
        stem = e["path"].stem
        exercises = (f'<a href="{e["page"]}#{html.escape(e["exercise_anchor"])}">{e["exercises"]}</a>'
                     if e["exercises"] and e["exercise_anchor"] else str(e["exercises"] or "-"))
        figures = " ".join(f'<a href="figures-{lab}.html">{html.escape(lab)}</a>'
                           for lab in e["figures"]) or "-"
        rows.append(f'<tr><td><a href="{e["page"]}">{html.escape(e["title"])}</a></td>'
                    f'<td>{inline(what_breaks(stem)) or "-"}</td>'
                    f'<td>{html.escape(times.get(stem, "not measured"))}</td>'
                    f"<td>{exercises}</td><td>{figures}</td></tr>")
    guide_line = (f'<p>Running a workshop? The <a href="{guide}">instructor guide</a> has the '
                  f"timings, the cells that wait on purpose, what to say there, and two "
                  f"agendas.</p>" if guide else "")
    body = f"""<h1>How do I kill a thread? You don't.</h1>
<p>Labs that stop Python threads by force and measure what breaks, each run in a sandboxed
child interpreter with a deadline, and the cooperative design that works instead. These
pages are the notebooks as stored, with their outputs and figures: read them before, or
instead of, running anything. Start with the first.</p>
{guide_line}
<table>
<thead><tr><th>notebook</th><th>what breaks</th><th>run time</th><th>exercises</th>
<th>figures (<code>make demo</code>)</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p>Run time: top to bottom, measured by <code>scripts/time_notebooks.py</code>
(the machine is named in the instructor guide).</p>
<p>To run them: <code>make lab</code> (JupyterLab on a workshop machine), conda, or Binder: see the
project's README. They need Linux.</p>
"""
    (out / "index.html").write_text(simple_page(INDEX_TITLE, body, ""))


# ------------------------------------------------------------ main

INDEX_TITLE = "How do I kill a thread? Handouts"
MADE_HERE = ".handouts"  # the mark of a folder this script built: the only kind it deletes


class NotOurs(Exception):
    """--out names a folder this script did not build."""


def build(out: Path, figures: Path) -> list[Path]:
    if out.exists():
        index = out / "index.html"  # (a site built before the mark existed is ours too)
        older = index.is_file() and INDEX_TITLE in index.read_text(errors="replace")
        if not (out / MADE_HERE).is_file() and not older and any(out.iterdir()):
            raise NotOurs(f"{out} exists and was not built by build_handouts: "
                          "not deleting it (choose an empty or new folder for --out)")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MADE_HERE).write_text("built by scripts/build_handouts.py; rebuilt from scratch\n")
    entries = []
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        entries.append({"path": path, "nb": nb, "page": f"{path.stem}.html",
                        "title": title_of(nb), "exercises": exercise_count(nb),
                        "figures": [lab for lab in lab_run_by(nb)
                                    if any(figures.glob(f"{lab}-*.png"))]})
    pages = {e["path"].resolve(): e["page"] for e in entries}
    guide = ROOT / "INSTRUCTORS.md"
    if guide.is_file():
        pages[guide.resolve()] = "instructors.html"
    links = Links(out, pages)
    convert = exporter()
    for i, entry in enumerate(entries):
        write_notebook_page(links, entry, entries[i - 1] if i else None,
                            entries[i + 1] if i + 1 < len(entries) else None, convert)
    if guide.is_file():
        write_markdown_page(links, guide.resolve(), "instructors.html", "Instructor guide")
    write_figure_pages(out, figures, entries)
    write_index(out, entries, "instructors.html" if guide.is_file() else None)
    return sorted(out.rglob("*.html"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="build/handouts", type=Path)
    parser.add_argument("--figures", default="build/figures", type=Path,
                        help="where `make demo` wrote its figures (optional)")
    args = parser.parse_args(argv)
    if not notebooks():
        print("build_handouts: error: no notebooks under notebooks/", file=sys.stderr)
        return 2
    try:
        pages = build(args.out, args.figures)
    except NotOurs as e:
        print(f"build_handouts: error: {e}", file=sys.stderr)
        return 2
    print(f"{len(pages)} pages written under {args.out}/ (open {args.out}/index.html)")
    if not any(args.figures.glob("*.png")):
        print(f"no figures under {args.figures}/: run `make demo` first to add a figure page per lab")
    return 0


if __name__ == "__main__":
    sys.exit(main())
