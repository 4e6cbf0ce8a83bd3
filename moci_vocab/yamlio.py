"""YAML in and out: safe loading with line numbers, one canonical writer.

Loading reads the event stream of libyaml (the C parser, when PyYAML has
it) and builds plain Python values from it directly, without a node tree.
That is as fast as ``yaml.safe_load`` (whose constructor is Python too),
and it lets us refuse what a glossary file never needs, at the first event
that shows it: tags (``!!python/object``), anchors and aliases (alias
bombs), absurd nesting, more than MAX_VALUES values, files over 10 MB.
It also records the line of every key, so every error can name file and line.

Writing produces the one canonical form: block style, two-space indent,
lists indented under their key, UTF-8, NFC, no anchors, dates plain.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from moci_vocab.errors import MociError
from moci_vocab.records import Record
from moci_vocab.safetext import lone_surrogate, printable
from moci_vocab.textnorm import nfc

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
# Values (texts, keys, lists, mappings) in one file: a concept file has about 70, a large
# manifest a few thousand. Runaway input (a million tags) stops at the first one over.
MAX_VALUES = 100_000

KeyPath = tuple[str | int, ...]  # the keys and indexes from the document root to a node

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
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


def _scalar_resolver(loader):
    """The tag of an untagged scalar, as ``loader.resolve(ScalarNode, …)`` gives it.

    PyYAML's resolve also keeps the bookkeeping of path resolvers at every
    call; a safe loader has none, so a table by first character is enough
    (a fifth of the time of loading a concept file went there).
    """
    cls = type(loader)
    if cls.yaml_path_resolvers:  # pragma: no cover - not the case for SafeLoader
        import yaml

        return lambda value, implicit: loader.resolve(yaml.ScalarNode, value, implicit)
    table, wildcard, empty = _resolver_tables(cls)

    def resolve(value: str, implicit) -> str:
        if implicit[0]:
            for tag, regexp in table.get(value[0], wildcard) if value else empty:
                if regexp.match(value):
                    return tag
        return _STR

    return resolve


@functools.cache
def _resolver_tables(cls: type) -> tuple[dict[str, list], list, list]:
    """A loader class's implicit resolvers by first character, those for any (wildcard),
    those for the empty scalar; once per class (a safe loader's never change)."""
    implicit_resolvers = cls.yaml_implicit_resolvers
    wildcard = list(implicit_resolvers.get(None, []))
    table = {first: [*found, *wildcard] for first, found in implicit_resolvers.items() if first}
    empty = [*implicit_resolvers.get("", []), *wildcard]
    return table, wildcard, empty


class Document(Record):
    """A loaded YAML file: its data and the line (1-based) of every key and item."""

    _fields = ("path", "data", "lines")

    def __init__(
        self, path: Path | str, data: Any, lines: dict[KeyPath, int] | None = None
    ) -> None:
        self.path = path  # a str when made from a cached line table (see store.document_at)
        self.data = data
        self.lines: dict[KeyPath, int] = {} if lines is None else lines

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
    return parse_yaml(decode(read_bounded(path), path), path)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a clear error.

    The size is checked before reading and the read itself is bounded, since
    a file can grow, or report a size of 0 (/proc files), after `stat`.
    """
    from moci_vocab.fsutil import read_regular_file

    too_big = (
        f"is over {limit // (1024 * 1024)} MB; glossary files are limited to "
        f"{limit // (1024 * 1024)} MB"
    )
    return read_regular_file(path, limit, too_big)


def yaml_problem(exc, text: str) -> str:
    """PyYAML's own account of a syntax error: the problem, and what it was reading where
    it began (line and column, as PyYAML counts them, from 1); a tab is named as such."""
    problem = exc.problem or exc.context or "invalid YAML"
    mark, context = exc.problem_mark, exc.context_mark
    if (mark is not None and _is_tab_at(text, mark)) or "\\t" in problem or " tab " in problem:
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "here"
        return (
            f"a tab character in the indentation ({where}); YAML indents with spaces only "
            f"(PyYAML: {problem})"
        )
    said = problem
    if exc.context and context is not None and exc.problem:
        said += f", {exc.context} at line {context.line + 1}, column {context.column + 1}"
    if "could not find expected ':'" in problem and context is not None:
        said += f" (is the key on line {context.line + 1} missing its colon?)"
    elif problem.startswith("mapping values are not allowed") and mark is not None:
        before = [n for n, line in enumerate(text.split("\n")[: mark.line]) if line.strip()]
        if before:
            said += (
                f" (is a colon missing on line {before[-1] + 1}, or does a value there "
                "hold ': ' and need quotes?)"
            )
    return said


def _is_tab_at(text: str, mark) -> bool:
    """Whether the line of ``mark`` has a tab in its indentation, at or before the mark."""
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return False
    line = lines[mark.line]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return "\t" in indent and mark.column <= len(indent)


def parse_yaml(text: str, path: Path) -> Document:
    """Parse YAML text into a Document (see module docstring for what is refused)."""

    composed = _composed(text, path)
    return composed if composed is not None else _built(text, path)


def _built(text: str, path: Path) -> Document:
    """``parse_yaml`` by the event builder: any file, every refusal and error worded."""
    import yaml

    loader = _loader_class()(text)
    doc = Document(path=path, data=None)
    try:
        doc.data = _Builder(doc, loader).build()
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        char = exc.character
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        raise MociError(
            f"contains the character {shown}, which YAML does not allow ({exc.reason})", path, line
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in problem:
            # libyaml's own limit (PyYAML 6.0.4 and later), met while scanning ahead of the
            # events that would have reached ours: the same finding, in the same words.
            raise MociError(f"nests deeper than {MAX_DEPTH} levels", path, line) from None
        message = f"is not valid YAML: {yaml_problem(exc, text)}"
        raise MociError(message, path, line, column) from None
    except yaml.YAMLError as exc:
        raise MociError(f"is not valid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    return doc


# The fast path (libyaml's C composer, then a loop over its nodes) takes only small, plain
# files: no anchor, alias or tag can be in a text without & * !, and a text with at most
# FAST_MARKS of the characters that open a level ([ { - : ?) cannot nest deeper than
# that, far below where the composer's recursion in C would overflow a 1 MB stack.
FAST_CHARS = 32 * 1024
FAST_MARKS = 1000


class _Unusual(Exception):
    """The fast path declines a file: the event builder reads it (and words any error)."""


def _composed(text: str, path: Path) -> Document | None:
    """The Document of a small plain file from libyaml's composer, or None: then the event
    builder (``_Builder``) reads it, which also gives every error its words and line."""
    import yaml

    if (
        len(text) > FAST_CHARS
        or "&" in text
        or "*" in text
        or "!" in text
        or sum(map(text.count, "[{-:?")) > FAST_MARKS
        or not hasattr(yaml, "CSafeLoader")
    ):
        return None
    loader = yaml.CSafeLoader(text)
    # The composer asks these of every node (three calls into Python each); PyYAML's
    # versions keep path-resolver bookkeeping a safe loader never uses. A text without
    # ! has no tag, so a scalar's tag follows from its style and value alone: _from_nodes
    # resolves it (_plain_tag), and these are the cheapest callables that take the
    # composer's arguments (C builtins; what they return is never read).
    loader.descend_resolver = loader.resolve = slice
    loader.ascend_resolver = tuple
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    doc = Document(path=path, data=None)
    try:
        doc.data = _from_nodes(node, doc.lines)
    except _Unusual:
        return None
    return doc


def _plain_tag(value: str) -> str:
    """The tag of an untagged plain scalar (``_scalar_resolver``'s for the C safe loader)."""
    tag = _PLAIN_TAG_OF.get(value)
    if tag is not None:
        return tag
    import yaml

    table, wildcard, empty = _resolver_tables(yaml.CSafeLoader)
    tag = _STR
    for candidate, regexp in table.get(value[0], wildcard) if value else empty:
        if regexp.match(value):
            tag = candidate
            break
    if len(value) <= 16 and len(_PLAIN_TAG_OF) < 4096:
        _PLAIN_TAG_OF[value] = tag
    return tag


# The tags of short plain scalars met before: in concept files the same few (keys such as
# term, tags, note; values such as noun, true) go through the resolvers' patterns ten times
# a file. Bounded: a file of a million distinct scalars cannot grow it.
_PLAIN_TAG_OF: dict[str, str] = {}


@functools.cache
def _may_not_be_text() -> frozenset[str] | None:
    """The first characters of the plain scalars ``_plain_tag`` may not call text (None:
    any may): digits, signs, ~, y/n/t/f/o (booleans)..."""
    import yaml

    table, wildcard, _empty = _resolver_tables(yaml.CSafeLoader)
    return None if wildcard else frozenset(table)


def _from_nodes(root, lines: dict[KeyPath, int]) -> Any:
    """The value of a composed node tree, with the lines ``_Builder`` records (in the same,
    document order), in a loop (no recursion); anything the builder would refuse or word
    raises ``_Unusual``. The nodes' tags are not read (see ``_composed``): a container's is
    its kind, a scalar's that of its style (quoted, literal, folded: text) or ``_plain_tag``'s."""
    import yaml

    if root is None:
        return None
    scalar_node, sequence_node, mapping_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    firsts = _may_not_be_text()

    def scalar_of(node) -> Any:
        value = node.value
        # Quoted, literal and folded scalars are text, and so is a plain one whose first
        # character no resolver looks for (an empty plain one is null: _plain_tag says).
        if node.style or (value and firsts is not None and value[0] not in firsts):
            return value if value.isascii() else nfc(value)
        tag = _plain_tag(value)
        if tag == _STR:
            return value if value.isascii() else nfc(value)
        if tag not in _PLAIN_TAGS:
            raise _Unusual
        return _Builder.scalar(tag, value)

    kind = type(root)
    if kind is scalar_node:
        return scalar_of(root)
    if kind is not sequence_node and kind is not mapping_node:
        raise _Unusual
    result: Any = [] if kind is sequence_node else {}
    stack = [(iter(root.value), result, (), 1)]
    budget = MAX_VALUES - 1
    # A scalar is read inline where it is plain text (most are: see scalar_of), in a loop
    # that runs once per key and item of every concept file.
    while stack:
        items, value, at, depth = stack[-1]
        item = next(items, None)
        if item is None:
            stack.pop()
            continue
        if depth >= MAX_DEPTH:
            raise _Unusual  # the builder's "nests deeper than"
        if type(value) is list:
            budget -= 1
            child = item
            where = (*at, len(value))
            lines[where] = child.start_mark.line + 1
        else:
            budget -= 2
            key_node, child = item
            if type(key_node) is not scalar_node:
                raise _Unusual
            key = key_node.value
            if key_node.style or (key and firsts is not None and key[0] not in firsts):
                if not key.isascii():
                    key = nfc(key)
            else:
                key = scalar_of(key_node)
                if type(key) is not str:
                    if type(key) is not int:
                        raise _Unusual
                    key = str(key)
            if key == "<<" or key in value:
                raise _Unusual
            where = (*at, key)
            lines[where] = key_node.start_mark.line + 1
        kind = type(child)
        if kind is scalar_node:
            made = child.value
            if child.style or (made and firsts is not None and made[0] not in firsts):
                if not made.isascii():
                    made = nfc(made)
            else:
                made = scalar_of(child)
        elif kind is sequence_node or kind is mapping_node:
            made = [] if kind is sequence_node else {}
            stack.append((iter(child.value), made, where, depth + 1))
        else:
            raise _Unusual
        if type(value) is list:
            value.append(made)
        else:
            value[key] = made
        if budget < 0:
            raise _Unusual
    return result


class _Open(Record):
    """A sequence or mapping being built: its value, where it is, a pending key."""

    _fields = ("value", "at", "key", "has_key")

    def __init__(
        self, value: list | dict, at: KeyPath, key: str | None = None, has_key: bool = False
    ) -> None:
        self.value = value
        self.at = at
        self.key = key
        self.has_key = has_key


class _Builder:
    """Builds Python values straight from parser events, recording the line of each key.

    Iterative on purpose: libyaml's own composer recurses in C and crashes
    the interpreter (segmentation fault) on 100,000 nested brackets; here the
    nesting limit is enforced as each level opens, so hostile input costs one
    pass and a stack of at most MAX_DEPTH levels. Anchors, aliases and tags
    are refused at the event that carries them.
    """

    def __init__(self, doc: Document, loader):
        self.doc = doc
        self.loader = loader
        self.stack: list[_Open] = []

    def fail(self, message: str, event) -> MociError:
        return MociError(message, self.doc.path, event.start_mark.line + 1)

    def build(self) -> Any:
        import yaml

        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # DocumentStart
        result = self.node()
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            raise self.fail("holds more than one YAML document", loader.peek_event())
        return result

    def node(self) -> Any:
        """Events of one node (with everything nested in it) to a value."""
        import yaml

        # This loop runs once per event of every concept file (70 per file):
        # local names, the common cases inline (a text scalar; a value for a
        # key or an item of a list), the rare ones in methods.
        get_event, stack, lines = self.loader.get_event, self.stack, self.doc.lines
        resolve = _scalar_resolver(self.loader)
        scalar_event, sequence_start, mapping_start = (
            yaml.ScalarEvent,
            yaml.SequenceStartEvent,
            yaml.MappingStartEvent,
        )
        ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        budget = MAX_VALUES
        while True:
            event = get_event()
            cls = type(event)
            if cls in ends:
                value = stack.pop().value
            elif cls is scalar_event or cls is sequence_start or cls is mapping_start:
                budget -= 1
                if budget < 0:
                    raise self.fail(
                        f"holds more than {MAX_VALUES:,} values (texts, keys and lists); "
                        "no glossary file needs that many",
                        event,
                    )
                if event.anchor is not None:
                    raise self.fail("uses a YAML anchor (&); write the value out instead", event)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = (
                        resolve(event.value, event.implicit)
                        if cls is scalar_event
                        else _SEQ
                        if cls is sequence_start
                        else _MAP
                    )
                if tag not in _PLAIN_TAGS:
                    raise self.fail(f"uses the YAML tag {tag!r}; tags are not allowed", event)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(f"nests deeper than {MAX_DEPTH} levels", event)
                if cls is not scalar_event:
                    self.open(event, [] if cls is sequence_start else {})
                    continue
                value = event.value
                if tag == _STR:
                    if not value.isascii():
                        value = nfc(value)
                else:
                    value = self.scalar(tag, value)
            else:  # an alias: the only other event inside a document
                raise self.fail("uses a YAML alias (*); write the value out instead", event)
            if not stack:
                return value
            top = stack[-1]
            if top.has_key:  # the value of a key
                top.value[top.key] = value
                top.key, top.has_key = None, False
            elif type(top.value) is list:
                if type(value) is not list and type(value) is not dict:
                    lines[(*top.at, len(top.value))] = event.start_mark.line + 1
                top.value.append(value)
            else:
                self.add(value, event)

    def open(self, event, value: list | dict) -> None:
        """A new sequence or mapping inside the current one (or at the top)."""
        if not self.stack:
            at: KeyPath = ()
        else:
            parent = self.stack[-1]
            if isinstance(parent.value, dict):
                if not parent.has_key:
                    raise self.fail("has a key that is not text", event)
                at = (*parent.at, parent.key)
            else:
                at = (*parent.at, len(parent.value))
                self.doc.lines[at] = event.start_mark.line + 1
        self.stack.append(_Open(value=value, at=at))

    def add(self, value: Any, event) -> None:
        """A finished value into the open container (a key, or the key's value)."""
        top = self.stack[-1]
        if isinstance(top.value, list):
            if not isinstance(value, (list, dict)):
                self.doc.lines[(*top.at, len(top.value))] = event.start_mark.line + 1
            top.value.append(value)
            return
        if top.has_key:
            top.value[top.key] = value
            top.key, top.has_key = None, False
            return
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail("has a key that is not text", event)
        key = str(value)
        if key == "<<":
            raise self.fail("uses a YAML merge key (<<); write the values out", event)
        if key in top.value:
            raise self.fail(f"has the key {key!r} twice", event)
        self.doc.lines[(*top.at, key)] = event.start_mark.line + 1
        top.key, top.has_key = key, True

    @staticmethod
    def scalar(tag: str, value: str) -> Any:
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
        surrogate = lone_surrogate(value)
        if surrogate is not None:  # YAML would write it as an escape: refuse it instead
            raise MociError(
                f"cannot write '{printable(value)}': {surrogate} is not a character (bytes "
                "that were not UTF-8); nothing was written"
            )
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
