"""Changes for people: one sentence per change, as plain text, rich text or markdown.

Markdown goes into pull-request comments and the changelog, so everything
taken from the glossary is escaped: ids and terms become code spans (no
markup, no links, no @-mentions inside), free text (definitions, notes) has
its markdown punctuation backslash-escaped, and newlines become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from moci_vocab.languages import is_well_formed
from moci_vocab.safetext import printable
from moci_vocab.versions.diff import Change
from moci_vocab.versions.semver import change_level

# Keep-a-Changelog order; each change falls in exactly one section.
SECTIONS = ("Added", "Changed", "Deprecated", "Renamed", "Removed")
GITHUB_COMMENT_LIMIT = 60_000  # GitHub refuses comments over 65 536 characters
MARKER = "<!-- moci-vocab diff -->"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~@&$#!])")
SYMBOLS = {"added": "+", "removed": "-", "changed": "~", "renamed": ">"}
COLOURS = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "cyan"}


@dataclass(frozen=True)
class Style:
    """How a rendering shows identifiers and free text (Markdown or terminal)."""

    ident: Callable[[str], str]  # concept ids, terms, language tags
    escape: Callable[[str], str]  # free text made safe, on one line

    def text(self, value: str) -> str:
        """Free text (definitions, notes) in quotes."""
        return f"“{self.escape(value)}”"

    def lang(self, tag: str | None) -> str:
        """A language tag: as it is when well-formed (sq, sr-Latn), else as an identifier.

        A concept file's language keys are not checked on loading (`check` reports an
        undeclared one), and a pull request's key "x\\n<!--" opened an HTML comment in
        the diff comment that hid the changes after it.
        """
        tag = tag or ""
        return tag if is_well_formed(tag) else self.ident(tag)


def one_line(text: str) -> str:
    """Text on one line: whitespace runs as one space, controls escaped (see safetext)."""
    return printable(" ".join(str(text).split()))


def md_text(text: str) -> str:
    """Free text safe inside markdown: punctuation escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def md_code(text: str) -> str:
    """A code span holding ``text`` literally, however many backticks it contains."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or not text.strip():
        text = f" {text} "
    return f"{fence}{text}{fence}"


MARKDOWN = Style(ident=md_code, escape=md_text)
PLAIN = Style(ident=one_line, escape=one_line)


def section_of(change: Change) -> str:
    """The changelog section a change belongs in (Added, Changed, Renamed, …)."""
    whole = change.field in (None, "term", "languages")
    if change.kind == "renamed":
        return "Renamed"
    if whole and change.kind == "added":
        return "Added"
    if whole and change.kind == "removed":
        return "Removed"
    if change.field == "term.status" and change.new in ("deprecated", "forbidden"):
        return "Deprecated"
    return "Changed"


def grouped(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """(section, changes) in SECTIONS order, empty sections left out."""
    groups: dict[str, list[Change]] = {name: [] for name in SECTIONS}
    for change in changes:
        groups[section_of(change)].append(change)
    return [(name, items) for name, items in groups.items() if items]


# --------------------------------------------------------------------------- sentences


def _value(value: Any, style: Style) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_value(item, style) for item in value) or "none"
    if isinstance(value, dict) and "state" in value:  # a review
        who = ", ".join(str(value[key]) for key in ("by", "date") if value.get(key))
        return style.ident(value["state"]) + (f" ({style.escape(who)})" if who else "")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v, style)}" for k, v in value.items())
    return style.ident(str(value))


def _labels(labels: Any, style: Style) -> str:
    if not isinstance(labels, dict) or not labels:
        return "no terms"
    return ", ".join(f"{style.lang(lang)} {style.ident(text)}" for lang, text in labels.items())


_LINK_NAMES = {"tags": "tag", "related": "related concept", "broader": "broader concept"}
_VOCAB_NAMES = {"domains": "domain", "tags": "tag"}


def describe(change: Change, style: Style = PLAIN) -> str:
    """One sentence for one change."""
    if change.concept is None:
        return _describe_manifest(change, style)
    cid = style.ident(change.concept)
    field, kind, old, new = change.field, change.kind, change.old, change.new
    if field is None:
        if kind == "added":
            return f"Concept {cid} added: {_labels(new, style)}"
        return f"Concept {cid} removed (was: {_labels(old, style)})"
    if field == "id":
        return f"Concept {style.ident(old)} renamed to {cid}"
    if field == "term" or field.startswith("term."):
        return f"{cid}: " + _describe_term(change, style)
    if field in ("definition", "note"):
        what = f"{style.lang(change.lang)} {field}"
        if kind == "added":
            return f"{cid}: {what} added: {style.text(new)}"
        if kind == "removed":
            return f"{cid}: {what} removed (was {style.text(old)})"
        return f"{cid}: {what} changed from {style.text(old)} to {style.text(new)}"
    if field in _LINK_NAMES:
        item = new if kind == "added" else old
        return f"{cid}: {_LINK_NAMES[field]} {style.ident(item)} {kind}"
    if field == "do_not_translate":
        return f"{cid}: " + ("now do-not-translate" if new else "no longer do-not-translate")
    if field == "ignore":
        return f"{cid}: silenced findings changed ({len(old)} → {len(new)})"
    return f"{cid}: {field} {_value(old, style)} → {_value(new, style)}"


def _describe_term(change: Change, style: Style) -> str:
    term = f"{style.lang(change.lang)} term {style.ident(change.term or '')}"
    kind, old, new = change.kind, change.old, change.new
    if change.field == "term":
        if kind == "added":
            return f"{term} added ({change.term_status})"
        return f"{term} removed (was {change.term_status})"
    detail = change.field.removeprefix("term.")
    if detail == "status":
        return f"{term} {old} → {new}"
    if kind == "added":
        return f"{term}: {detail} set to {_text_or_value(detail, new, style)}"
    if kind == "removed":
        return f"{term}: {detail} removed (was {_text_or_value(detail, old, style)})"
    old_text, new_text = _text_or_value(detail, old, style), _text_or_value(detail, new, style)
    return f"{term}: {detail} {old_text} → {new_text}"


def _text_or_value(detail: str, value: Any, style: Style) -> str:
    if detail in ("context", "note", "source") and isinstance(value, str):
        return style.text(value)
    return _value(value, style)


def _describe_manifest(change: Change, style: Style) -> str:
    field, kind = change.field, change.kind
    if field == "languages":
        return f"Language {style.ident(change.lang or '')} {kind}"
    if field in _VOCAB_NAMES:
        item = change.new if kind == "added" else change.old
        return f"{_VOCAB_NAMES[field].capitalize()} {style.ident(item)} {kind} in the manifest"
    return f"Glossary {field}: {_value(change.old, style)} → {_value(change.new, style)}"


def markdown_lines(changes: list[Change], heading: str = "###") -> list[str]:
    """The changes as markdown sections and bullets; breaking ones marked."""
    lines: list[str] = []
    for section, items in grouped(changes):
        lines += [f"{heading} {section}", ""]
        for change in items:
            breaking = " **(breaking)**" if change_level(change) == "major" else ""
            lines.append(f"- {describe(change, MARKDOWN)}{breaking}")
        lines.append("")
    return lines


# --------------------------------------------------------------------------- whole documents


def summary(changes: list[Change]) -> str:
    """``3 changes: 1 added, 2 changed``."""
    if not changes:
        return "no changes"
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    parts = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    noun = "change" if len(changes) == 1 else "changes"
    return f"{len(changes)} {noun}: {parts}"


def to_json(comparison) -> dict[str, Any]:
    """The spec's diff JSON, plus versions, the suggested bump and each change's level."""
    return {
        "from": comparison.from_label,
        "to": comparison.to_label,
        "from_version": comparison.from_version,
        "to_version": comparison.to_version,
        "bump": comparison.level,
        "changes": [
            {**change.to_json(), "level": change_level(change)} for change in comparison.changes
        ],
    }


def _side(label: str | None, empty: str) -> str:
    return empty if label is None else label


def render_markdown(comparison, limit: int = GITHUB_COMMENT_LIMIT) -> str:
    """A pull-request comment: title, bump suggestion, grouped changes (cut at ``limit``)."""
    old = _side(comparison.from_label, "nothing released yet")
    new = _side(comparison.to_label, "working tree")
    head = [
        MARKER,
        f"### Glossary changes: {md_code(old)} → {md_code(new)}",
        "",
    ]
    if not comparison.changes:
        return "\n".join([*head, "No changes to concepts or terms.", ""])
    head += [f"{summary(comparison.changes)}. {_bump_sentence(comparison, md_code)}", ""]
    body = markdown_lines(comparison.changes, heading="####")
    lines = list(head)
    size = sum(len(line) + 1 for line in lines)
    for index, line in enumerate(body):
        if size + len(line) + 1 > limit:
            left = sum(1 for rest in body[index:] if rest.startswith("- "))
            lines += ["", f"… and {left} more (run `moci-vocab diff` to see them all)."]
            break
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines).rstrip("\n") + "\n"


def _bump_sentence(comparison, code: Callable[[str], str]) -> str:
    if comparison.level == "none":
        return "No release needed."
    text = f"Suggested release: {comparison.level}"
    if comparison.next_version:
        text += f" ({code(comparison.base_version)} → {code(comparison.next_version)})"
    return text + "."


def print_text(comparison, console) -> None:
    """The changes on a terminal: one coloured line each (NO_COLOR is honoured by rich)."""
    from rich.text import Text

    old = _side(comparison.from_label, "the empty glossary (nothing released yet)")
    new = _side(comparison.to_label, "the working tree")
    console.print(Text(f"Changes from {old} to {new}", style="bold"))
    if not comparison.changes:
        console.print("no changes to concepts or terms")
        return
    for change in comparison.changes:
        line = Text(f"{SYMBOLS[change.kind]} ", style=COLOURS[change.kind])
        line.append(describe(change, PLAIN))
        if change_level(change) == "major":
            line.append(" (breaking)", style="bold red")
        console.print(line)
    console.print(
        Text(f"{summary(comparison.changes)}. {_bump_sentence(comparison, str)}", style="dim")
    )
