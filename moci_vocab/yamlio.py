"""YAML in and out: safe loading with line numbers, one canonical writer.

Loading composes the document with libyaml (the C parser, when PyYAML has
it) and builds plain Python values from the node tree itself. That is as
fast as ``yaml.safe_load`` (whose constructor is Python too), and it lets us
refuse what a glossary file never needs: tags (``!!python/object``),
aliases (alias bombs), absurd nesting. It also records the line of every
key, so every error can name file and line.

Writing produces the one canonical form: block style, two-space indent,
lists indented under their key, UTF-8, NFC, no anchors, dates plain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moci_vocab.errors import MociError
from moci_vocab.textnorm import nfc

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32

Path_ = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Document:
    """A loaded YAML file: its data and the line (1-based) of every key and item."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *keys: str | int) -> int | None:
        """The line of the deepest known prefix of ``keys`` (None for an empty file)."""
        for end in range(len(keys), -1, -1):
            found = self.lines.get(tuple(keys[:end]))
            if found is not None:
                return found
        return None


def _loader_class():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text of a file, or an error naming the line of the first bad byte."""
    if b"\x00" in raw[:8192]:
        raise MociError("is a binary file, not UTF-8 YAML text", path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise MociError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", path, line
        ) from None
    return text.removeprefix("\ufeff")


def read_yaml(path: Path) -> Document:
    """Load one YAML file safely. Raises MociError naming file and line."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise MociError(
                f"is {size // (1024 * 1024)} MB; glossary files are limited to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                path,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise MociError(f"cannot be read ({exc.strerror})", path) from None
    return parse_yaml(decode(raw, path), path)


def parse_yaml(text: str, path: Path) -> Document:
    """Parse YAML text into a Document (see module docstring for what is refused)."""
    import yaml

    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise MociError(f"is not valid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise MociError(f"is not valid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    doc = Document(path=path, data=None)
    if node is not None:
        if "&" in text:
            _refuse_anchors(text, path)
        doc.data = _Builder(doc).build(node, (), 0)
    return doc


def _refuse_anchors(text: str, path: Path) -> None:
    """Anchors are harmless alone but never canonical; refuse them with their line."""
    import yaml

    for event in yaml.parse(text, Loader=_loader_class()):
        if getattr(event, "anchor", None):
            raise MociError(
                "uses a YAML anchor (&); write the value out instead",
                path,
                event.start_mark.line + 1,
            )


class _Builder:
    """Builds Python values from composed nodes, recording the line of each key."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.seen: set[int] = set()

    def fail(self, message: str, node) -> MociError:
        return MociError(message, self.doc.path, node.start_mark.line + 1)

    def build(self, node, at: Path_, depth: int) -> Any:
        import yaml

        if depth > MAX_DEPTH:
            raise self.fail(f"nests deeper than {MAX_DEPTH} levels", node)
        if id(node) in self.seen:
            raise self.fail("uses a YAML alias (*); write the value out instead", node)
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise self.fail(f"uses the YAML tag {node.tag!r}; tags are not allowed", node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.doc.lines[(*at, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*at, index), depth + 1))
            return items
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, at, depth + 1)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise self.fail("has a key that is not text", key_node)
            key = str(key)
            if key == "<<":
                raise self.fail("uses a YAML merge key (<<); write the values out", key_node)
            if key in result:
                raise self.fail(f"has the key {key!r} twice", key_node)
            self.doc.lines[(*at, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*at, key), depth + 1)
        return result

    def scalar(self, node) -> Any:
        tag, value = node.tag, node.value
        if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
            return nfc(value) if not value.isascii() else value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() in ("true", "yes", "on")
        if tag == "tag:yaml.org,2002:int":
            try:
                return int(value.replace("_", ""), 0)
            except ValueError:
                return value
        return value  # floats stay text: no glossary field is a float


# --------------------------------------------------------------------------- writing


def dump_yaml(data: Any) -> str:
    """The canonical YAML text of ``data`` (dicts keep their key order)."""
    import yaml

    # The pure-Python dumper: its indentation can be tuned (the C one cannot).
    class CanonicalDumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False):
            return super().increase_indent(flow, False)

        def ignore_aliases(self, data: Any) -> bool:
            return True

    def represent_str(dumper, value: str):
        value = nfc(value)
        if _DATE_RE.match(value):
            # Plain, as people write dates by hand; our loader reads it back as text.
            return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value)
        style = "|" if "\n" in value and _literal_safe(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    CanonicalDumper.add_representer(str, represent_str)
    return yaml.dump(
        data,
        Dumper=CanonicalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )


def _literal_safe(value: str) -> bool:
    """A literal block keeps text exactly only without trailing spaces and odd line ends."""
    return not any(line != line.rstrip() for line in value.split("\n")) and "\r" not in value
