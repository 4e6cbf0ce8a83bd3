"""Comments in a YAML file, carried over when the file is rewritten in canonical form.

The canonical writer (``yamlio.dump_yaml``) knows only data; a person's
``# keep this`` would be lost at the next `translate` or `fmt`. So before a
file is replaced, its comments are read and attached to the data they belong
to, and written again into the new text:

- a comment on lines of its own belongs to the key or list item that follows
  it (a comment at the end of the file stays at the end);
- a comment at the end of a line belongs to the key or item on that line.

An item of a list is named by what it holds (a term by its text, an
``ignore`` entry by code and language, a tag by itself), not by its place,
so a comment stays with its term when terms are added, reordered or moved.
Where the data a comment belonged to is gone (a term removed), the comment
moves to the nearest thing that is left (the language's list, the concept).
Blank lines and the comment's indentation follow the canonical form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from moci_vocab.errors import MociError
from moci_vocab.yamlio import Document, parse_yaml

Anchor = tuple  # the path of a node, list items named by content: ("terms", "sq", ("=", "paqe"))
END: Anchor = ("<end>",)


@dataclass(frozen=True)
class Comment:
    """One comment: its text (from ``#`` on) and the node it belongs to."""

    text: str
    anchor: Anchor
    inline: bool  # at the end of the node's line; otherwise on a line of its own before it


def find_comments(text: str, path) -> list[Comment]:
    """Every comment of YAML ``text`` (already known to parse), in the order of the file."""
    if "#" not in text:
        return []
    doc = parse_yaml(text, path)
    lines = text.split("\n")
    columns = _comment_columns(lines, _scalar_spans(text))
    if not columns:
        return []
    starts = _node_starts(doc)
    comments: list[Comment] = []
    for number, column in sorted(columns.items()):
        comment = lines[number][column:].rstrip()
        full_line = not lines[number][:column].strip()
        if full_line:
            following = next((n for n in sorted(starts) if n > number), None)
            anchor = END if following is None else starts[following][0]
            comments.append(Comment(comment, _stable(anchor, doc.data), inline=False))
        else:
            here = max((n for n in starts if n <= number), default=None)
            anchor = () if here is None else starts[here][0]
            comments.append(Comment(comment, _stable(anchor, doc.data), inline=True))
    return comments


def with_comments(text: str, comments: list[Comment], path) -> str:
    """Canonical YAML ``text`` with ``comments`` written back where they belong.

    The result is parsed again and must hold the same data; a comment that
    cannot be placed is an error, never silently dropped.
    """
    if not comments:
        return text
    doc = parse_yaml(text, path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    tail: list[str] = []
    for comment in comments:
        line = _resolve_line(comment.anchor, doc)
        if line is None:
            tail.append(comment.text)
        elif comment.inline and not after.get(line):
            after[line] = [comment.text]
        else:
            before.setdefault(line, []).append(comment.text)
    out: list[str] = []
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" "))]
        out.extend(indent + comment for comment in before.get(number, ()))
        out.append(line + "".join("  " + comment for comment in after.get(number, ())))
    out.extend(tail)
    result = "\n".join(out) + "\n"
    kept = parse_yaml(result, path).data == doc.data
    if not kept or len(find_comments(result, path)) != len(comments):  # pragma: no cover
        # A bug, said clearly rather than a comment lost or the data changed.
        raise MociError(
            "the comments of this file could not be kept in place; nothing was written "
            "(move them to their own lines, or remove them, and run the command again)",
            path,
        )
    return result


def _scalar_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(first line, column, last line, column) of every scalar: text where `#` is data."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spans = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.ScalarEvent):
            start, end = event.start_mark, event.end_mark
            if event.style in ("|", ">"):  # the header line (`key: |  # note`) is not text
                spans.append((start.line + 1, 0, end.line, end.column))
            else:
                spans.append((start.line, start.column, end.line, end.column))
    return spans


def _comment_columns(lines: list[str], spans) -> dict[int, int]:
    """Line number → column of the `#` that starts a comment on it (0-based)."""
    inside: dict[int, list[tuple[int, float]]] = {}  # line → column ranges held by scalars
    for first, start, last, end in spans:
        for number in range(first, last + 1):
            low = start if number == first else 0
            high = end if number == last else float("inf")
            inside.setdefault(number, []).append((low, high))
    columns = {}
    for number, line in enumerate(lines):
        at = line.find("#")
        while at != -1:
            taken = any(low <= at < high for low, high in inside.get(number, ()))
            if not taken and (at == 0 or line[at - 1] in " \t"):
                columns[number] = at
                break
            at = line.find("#", at + 1)
    return columns


def _node_starts(doc: Document) -> dict[int, list[tuple]]:
    """0-based line → the paths of the nodes starting on it, outermost first."""
    starts: dict[int, list[tuple]] = {}
    for path, line in doc.lines.items():
        starts.setdefault(line - 1, []).append(path)
    for paths in starts.values():
        paths.sort(key=len)
    return starts


def _identity(item: Any) -> str | None:
    """What names a list item independent of its place: a term's text, a tag, an ignore."""
    if isinstance(item, dict):
        if "term" in item:
            return str(item["term"])
        if "code" in item:
            return f"{item.get('code')} {item.get('lang') or ''}".strip()
        return None
    if isinstance(item, (str, int)) and not isinstance(item, bool):
        return str(item)
    return None


def _stable(path: tuple, data: Any) -> Anchor:
    """``path`` with each list index replaced by the item's identity where it has one."""
    anchor: list = []
    node = data
    for part in path:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            identity = _identity(node[part])
            anchor.append(("=", identity) if identity is not None else ("#", part))
            node = node[part]
        elif isinstance(node, dict) and part in node:
            anchor.append(part)
            node = node[part]
        else:
            anchor.append(part)
            node = None
    return tuple(anchor)


def _resolve_line(anchor: Anchor, doc: Document) -> int | None:
    """0-based line of the anchored node in ``doc``, or of its nearest surviving parent.

    None: the end of the file (the anchor is END, or nothing of it is left).
    """
    if anchor == END:
        return None
    path: list = []
    node = doc.data
    for part in anchor:
        if isinstance(part, tuple) and isinstance(node, list):
            kind, value = part
            index = (
                next((i for i, item in enumerate(node) if _identity(item) == value), None)
                if kind == "="
                else value
                if value < len(node)
                else None
            )
            if index is None:
                break
            path.append(index)
            node = node[index]
        elif isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        else:
            break
    while path and tuple(path) not in doc.lines:
        path.pop()
    if not path:
        return None if anchor else 0
    return doc.lines[tuple(path)] - 1
