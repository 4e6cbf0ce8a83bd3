"""``glossary/CHANGELOG.md``: one section per release, newest first.

A section is ``## <version> — <date>``, a sentence saying what kind of
release it is and what it is compared with, then the changes grouped under
Added / Changed / Deprecated / Renamed / Removed (breaking ones marked).
A new section goes above the previous ones, below the file's title.
"""

from __future__ import annotations

import re

from moci_vocab.versions.diff import Change
from moci_vocab.versions.render import markdown_lines, md_code, summary

_SECTION_RE = re.compile(r"^## +v?(\S+)")


def heading(version: str, date: str) -> str:
    """The changelog heading of a release: ``## 1.2.0 — 2026-11-20``."""
    return f"## {version} — {date}"


def section(version: str, date: str, level: str, changes: list[Change], since: str | None) -> str:
    """The markdown section of one release (ends with a blank line)."""
    if since is None:
        intro = "First release"
    else:
        kind = {"none": "Release", "patch": "Patch release", "minor": "Minor release"}
        intro = f"{kind.get(level, 'Major release')}, compared with {md_code(since)}"
    lines = [heading(version, date), ""]
    if changes:
        lines += [f"{intro} — {summary(changes)}.", ""]
        lines += markdown_lines(changes, heading="###")
    else:
        lines += [f"{intro} — no changes to concepts or terms.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def prepend(existing: str | None, new_section: str, title: str) -> str:
    """``existing`` changelog text with ``new_section`` above its first release section."""
    if not existing or not existing.strip():
        return f"# {title}\n\n{new_section}"
    lines = existing.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if _is_section(line)), len(lines))
    head = "".join(lines[:at]).rstrip("\n")
    rest = "".join(lines[at:])
    text = f"{head}\n\n{new_section}" if head else new_section
    if rest:
        text += f"\n{rest}"
    return text if text.endswith("\n") else text + "\n"


def _is_section(line: str) -> bool:
    return _SECTION_RE.match(line) is not None


def versions(text: str) -> list[str]:
    """The versions of the file's sections, newest (top) first; code blocks are skipped."""
    found = []
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        match = None if fenced else _SECTION_RE.match(line)
        if match:
            found.append(match.group(1))
    return found


def section_text(text: str, version: str) -> str | None:
    """The body of the section for ``version`` (heading line included), or None."""
    lines = text.splitlines()
    start = None
    for index, line in enumerate(lines):
        match = _SECTION_RE.match(line)
        if match and start is not None:
            return "\n".join(lines[start:index]).strip() + "\n"
        if match and match.group(1) == version:
            start = index
    if start is None:
        return None
    return "\n".join(lines[start:]).strip() + "\n"
