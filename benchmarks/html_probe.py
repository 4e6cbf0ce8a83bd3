"""Measure the HTML glossary in headless Chromium as a reader would use it.

``probed`` loads a copy of a page with a probe script that searches, times keystrokes and
reads computed styles, and returns what it measured. Used by ``tests/test_html.py`` and by
``bench_html.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from lxml import html as lxml_html

# Runs after the page's own script: the measurements a person would notice, written into the
# DOM so that --dump-dom carries them out. Only the test's copy of the page gets it.
PROBE = """
<script>
(function () {
  const out = {};
  const bar = document.getElementById("bar");
  out.title_position = getComputedStyle(document.querySelector("header.top")).position;
  out.bar_position = getComputedStyle(bar).position;
  out.bar_height = bar.offsetHeight;
  out.viewport = [innerWidth, innerHeight];
  out.th_display = getComputedStyle(document.querySelector("table.terms th")).display;
  const entry = document.querySelector(".entry");
  out.scroll_margin = parseFloat(getComputedStyle(entry).scrollMarginTop);
  const q = document.getElementById("q");
  function visible() {
    const articles = [...document.querySelectorAll("#entries > article")];
    return articles.filter((a) => !a.hidden).map((a) => a.id);
  }
  out.searches = {};
  for (const query of JSON.parse(document.body.dataset.queries || "[]")) {
    q.value = query;
    q.dispatchEvent(new Event("input"));
    out.searches[query] = { hits: visible().slice(0, 5), url: location.search };
  }
  const timings = [];
  out.laid_out = []; // how many entries the page holds after each keystroke
  for (const query of JSON.parse(document.body.dataset.typed || "[]")) {
    const start = performance.now();
    q.value = query;
    q.dispatchEvent(new Event("input"));
    const scripted = performance.now() - start;
    document.body.offsetHeight; // the layout the keystroke causes, not only the script
    timings.push(performance.now() - start);
    (out.scripted = out.scripted || []).push(scripted);
    out.laid_out.push(document.querySelectorAll("#entries > article").length);
  }
  out.timings = timings;
  // the same fixed work on this machine now: how slow the machine is at the moment
  out.calibration = Math.min(...[1, 2, 3].map(() => {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 3e6; i++) x += i % 7;
    return performance.now() - start + (x < 0 ? 1 : 0);
  }));
  // in a phone-sized frame (see probed()), the frame's parent carries the result out
  const target = window.parent === window ? document.body : window.parent.document.body;
  target.dataset.probe = JSON.stringify(out);
})();
</script>
"""


def headless(chromium: str, profile: Path) -> list[str]:
    """Headless Chromium that prints the DOM once the page has loaded, with no network."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--dump-dom",
    ]


def probed(
    chromium: str, page: Path, tmp_path: Path, width: int = 1280, height: int = 800, **lists
) -> dict:
    """Load a copy of ``page`` with the probe in headless Chromium; return what it measured."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)  # the probe's
    attributes = " ".join(
        f"data-{key}='{html_attr(json.dumps(value, ensure_ascii=False))}'"
        for key, value in lists.items()
    )
    text = text.replace("<body>", f"<body {attributes}>", 1).replace("</body>", PROBE + "</body>")
    copy = tmp_path / f"probe-{width}.html"
    copy.write_text(text, encoding="utf-8")
    if width < 500:  # headless windows are at least 500 px wide: a phone is a frame
        frame = f'<iframe src="{copy.name}" width="{width}" height="{height}"></iframe>'
        copy = tmp_path / f"phone-{width}.html"
        copy.write_text(f"<!DOCTYPE html><html><body>{frame}</body></html>", encoding="utf-8")
    profile = tmp_path / f"chromium-profile-{width}"
    command = [
        *headless(chromium, profile),
        "--allow-file-access-from-files",
        f"--window-size={max(width, 500)},{height}",
        copy.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = lxml_html.fromstring(result.stdout)
    return json.loads(dom.xpath("//body/@data-probe")[0])


def html_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;")
