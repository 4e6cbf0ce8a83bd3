"""Findings out: rich text for people, JSON, GitHub annotations, SARIF 2.1.0.

Shared by `check` and `check-po` (and the loader's schema problems), so the
four formats are written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from moci_vocab import __version__
from moci_vocab.digests import sha256
from moci_vocab.errors import display_path
from moci_vocab.findings import Finding, JsonBlock, Tally, TextBlock, shown_values
from moci_vocab.safetext import dumps_json, escape_json_text, github_escape, printable

FORMATS = ("text", "json", "github", "sarif")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_json(findings: list[Finding], extra_summary: dict[str, Any] | None = None) -> str:
    """``{"findings": [...], "summary": {...}}``; paths relative to the current folder."""
    return "".join(json_chunks(findings, extra_summary))


def json_chunks(
    findings: Iterable[Finding],
    extra_summary: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
    tally: Tally | None = None,
    plain: bool = False,
) -> Iterator[str]:
    """``render_json``'s text in pieces, a finding at a time: nothing is kept.

    ``extra_summary`` may be a function, asked at the end (when a stream of
    findings has counted what it checked); ``tally`` counts what went by.
    ``plain``: the caller knows that the findings' values (``extra`` too) are only
    strings, integers, booleans, None, lists and dicts (see ``dumps_json``).
    ``findings`` may hold ``JsonBlock``s: written as they are (a block of UTF-8 bytes
    comes as it is, its own chunk: for a caller that writes to a UTF-8 stream).
    """
    tally = tally if tally is not None else Tally()
    shown = shown_files()
    opened = False
    batch: list[dict[str, Any]] = []
    for f in findings:
        if type(f) is JsonBlock:  # written already: what was before it first
            if batch:
                yield (",\n" if opened else '{\n  "findings": [\n') + _json_items(batch, plain)
                opened, batch = True, []
            tally.add_counts(f.counts, f.suppressed)
            if type(f.text) is bytes:  # UTF-8 for a UTF-8 stream: written after the text
                yield ",\n" if opened else '{\n  "findings": [\n'
                yield f.text
            else:
                yield (",\n" if opened else '{\n  "findings": [\n') + f.text
            opened = True
            continue
        tally.add(f)
        batch.append(f.to_json(shown(f.file) if f.file else "", shown))
        if len(batch) == _JSON_BATCH:
            yield (",\n" if opened else '{\n  "findings": [\n') + _json_items(batch, plain)
            opened, batch = True, []
    if batch:
        yield (",\n" if opened else '{\n  "findings": [\n') + _json_items(batch, plain)
        opened = True
    totals: dict[str, Any] = dict(tally.counts)
    totals.update((extra_summary() if callable(extra_summary) else extra_summary) or {})
    # the findings listed with "suppressed" set (`check` counts its own in its summary)
    totals.setdefault("suppressed", sum(tally.suppressed.values()))
    tail = '  "summary": ' + _indented(dumps_json(totals), 2)[2:] + "\n}"
    yield ("\n  ],\n" if opened else '{\n  "findings": [],\n') + tail


# Findings written to JSON together (one call of the encoder for many of them).
_JSON_BATCH = 256


def _json_items(items: list[Any], plain: bool = False) -> str:
    """The items as the lines they are inside ``{"findings": [...]}`` (indent 4, comma-joined)."""
    text = dumps_json(items, plain)  # "[\n  {…},\n  {…}\n]": the items at indent 2
    return _indented(text[2:-2], 2)


# A value of a template's sample finding that is a hole to fill (private-use characters:
# JSON writes them as they are).
_HOLE = "\ue000{}\ue001"
_HOLE_RE = re.compile('"\ue000(\\w+)\ue001"')


def hole(name: str) -> str:
    """The value that makes ``name`` a hole in a `JsonTemplate`'s sample finding."""
    return _HOLE.format(name)


class JsonTemplate:
    """The JSON item `json_chunks` writes for findings that differ only in some values,
    as the text between those values: written without a ``Finding`` and a dict per
    finding.

    ``sample``: such a finding whose differing values (strings, or the line) are
    ``hole(name)``. ``filled`` puts the JSON of some values in (``json_value`` of a
    string, integer or None; ``json_nested`` of a list or dict); the caller writes
    an item as the text left, joined by the JSON of the other values in the order of
    ``names``. A block of items so written goes out through ``json_block``.
    """

    def __init__(self, sample: Finding, shown_file: str):
        parts = _HOLE_RE.split(_json_items([sample.to_json(shown_file)], plain=True))
        self.pieces: list[str] = parts[0::2]
        self.names: list[str] = parts[1::2]
        # How far in the lines of each hole's value go (for json_nested).
        lines = [before.rsplit("\n", 1)[-1] for before in self.pieces[:-1]]
        self.indents = {
            name: len(line) - len(line.lstrip(" "))
            for line, name in zip(lines, self.names, strict=False)
        }

    def filled(self, values: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The text between the holes with these (JSON) values put in, and the names of
        the holes left, in order."""
        pieces = [self.pieces[0]]
        names = []
        for name, piece in zip(self.names, self.pieces[1:], strict=True):
            if name in values:
                pieces[-1] += values[name] + piece
            else:
                names.append(name)
                pieces.append(piece)
        return tuple(pieces), tuple(names)


def json_value(value: str | int | None) -> str:
    """A string, integer or None as `json_chunks` writes it inside an item (before
    ``json_block`` escapes the unsafe characters of the block)."""
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    import orjson  # loaded already after the first call: no call of ours in between

    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # a lone surrogate: as dumps_json writes it then
        import json  # not at the top: text output never needs it

        return json.dumps(value, ensure_ascii=False)


def json_nested(value: Any, indent: int) -> str:
    """A list or dict as `json_chunks` writes it at ``indent`` spaces (a template's hole)."""
    return dumps_json(value, plain=True).replace("\n", "\n" + " " * indent)


def json_block(
    items: list,
    counts: dict[str, int],
    safe: bool = False,
    suppressed: dict[str, int] | None = None,
) -> JsonBlock:
    """Items written by a `JsonTemplate` as a block of `json_chunks`: unsafe characters
    escaped, unless the caller knows there are none (``safe``: see ``safetext.json_safe``).
    Items of UTF-8 bytes make a block of UTF-8 bytes (the text's encoding); ``suppressed``:
    how many of them are suppressed, per how (see `Tally`)."""
    if items and type(items[0]) is bytes:
        data = b",\n".join(items)
        if not safe:  # (the escapes are ASCII; an escaped surrogate comes back as it was)
            text = escape_json_text(data.decode("utf-8", "surrogateescape"))
            data = text.encode("utf-8", "surrogateescape")
        return JsonBlock(data, counts, suppressed)
    text = ",\n".join(items)
    return JsonBlock(text if safe else escape_json_text(text), counts, suppressed)


def json_utf8(value: str | None, errors: str = "strict") -> bytes:
    """`json_value` of a string or None in UTF-8 (orjson's own bytes); a lone surrogate
    encoded with ``errors``, as a text stream with that error handler would."""
    if value is None:
        return b"null"
    import orjson  # loaded already after the first call

    try:
        return orjson.dumps(value)
    except TypeError:  # a lone surrogate: as json_value writes it
        import json

        return json.dumps(value, ensure_ascii=False).encode("utf-8", errors)


def json_encoder() -> Callable[[Any], bytes]:
    """orjson's ``dumps``: a string's UTF-8 as `json_value` writes it (TypeError for a
    lone surrogate), for a caller that encodes many."""
    import orjson

    return orjson.dumps


def _indented(text: str, spaces: int) -> str:
    """JSON text moved right by ``spaces`` (newlines inside JSON strings are escaped)."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


def shown_paths() -> Callable[[Finding], str]:
    """``finding_path`` remembered per file for one output (one resolve per file)."""
    shown_file = shown_files()

    def shown(f: Finding) -> str:
        return shown_file(f.file) if f.file else ""

    return shown


def shown_files() -> Callable[[str], str]:
    """``display_path`` remembered per file for one output (one resolve per file)."""
    cache: dict[str, str] = {}

    def shown(file: str) -> str:
        path = cache.get(file)
        if path is None:
            path = cache[file] = display_path(file)
        return path

    return shown


def render_github(findings: list[Finding]) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line per finding that counts."""
    return "".join(github_chunks(findings))


def github_chunks(findings: Iterable[Finding], tally: Tally | None = None) -> Iterator[str]:
    """``render_github``'s lines one by one (newlines between them); ``tally`` counts."""
    shown = shown_paths()
    first = True
    for f in findings:
        if tally is not None:
            tally.add(f)
        if f.suppressed is not None:
            continue
        yield ("" if first else "\n") + _github_line(f, shown(f))
        first = False


def _github_line(f: Finding, path: str) -> str:
    kind = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
    props = []
    if f.file:
        props.append("file=" + github_escape(path, True))
    if f.line:
        props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
    props.append("title=" + github_escape(f"{f.code} {f.concept or ''}".strip(), True))
    return f"::{kind} {','.join(props)}::{github_escape(_plain_message(f))}"


def _plain_message(f: Finding) -> str:
    where = ", ".join(part for part in (f.concept, f.lang) if part)
    return f"{f.message} [{where}]" if where else f.message


def finding_path(f: Finding) -> str:
    """The finding's file as every format shows it: relative to the current folder."""
    return display_path(f.file) if f.file else ""


def text_line(f: Finding, path: str | None = None) -> str:
    """``path:line:col: CODE severity: message [concept, lang]``, as compilers and linters
    print it (editors make it clickable); line and column 1 when the finding has none.
    ``path``: the finding's ``finding_path`` when the caller has it already."""
    path = finding_path(f) if path is None else path
    where = f"{path}:{f.line or 1}:{f.column or 1}: " if f.file else ""
    return printable(f"{where}{f.code} {f.severity}: {_plain_message(f)}")


def fingerprint(f: Finding, path: str | None = None) -> str:
    """A hash that follows a finding across commits (not its line: lines move).

    ``path``: the finding's ``finding_path`` when the caller has it already."""
    path = finding_path(f) if path is None else path
    parts = (f.code, path.replace("\\", "/"), f.concept or "", f.lang or "", f.message)
    return sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _sarif_rule(code: str, rule: Any) -> dict[str, Any]:
    """A reportingDescriptor; ``rule`` is a checks.registry.Rule (or None for an unknown code)."""
    if rule is None:
        return {"id": code, "shortDescription": {"text": code}}
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.full_description()},
        "helpUri": rule.help_uri(),
        "help": {"text": f"{rule.summary}. See {rule.help_uri()}"},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity, "note")},
        "properties": {"tags": [rule.page]},
    }


def _sarif_artifact(shown: str) -> dict[str, Any]:
    path = shown.replace("\\", "/")
    if Path(path).is_absolute():  # outside the current folder: a file URI, no base
        return {"uri": Path(path).as_uri()}
    return {"uri": path, "uriBaseId": "SRCROOT"}


def _sarif_location(
    artifact: dict[str, Any], line: int | None, column: int | None = None
) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact}
    if line:
        region = {"startLine": line}
        if column:
            region["startColumn"] = column
        location["region"] = region
    return {"physicalLocation": location}


def _sarif_related(
    f: Finding, artifacts: dict[str, dict[str, Any]], shown: Callable[[str], str]
) -> list[dict[str, Any]]:
    """The other members of a cluster finding (its first member is the result's location)."""
    related = []
    for n, (file, line, concept) in enumerate(f.locations[1:], start=1):
        if file:
            path = shown(file)
            if path not in artifacts:
                artifacts[path] = _sarif_artifact(path)
            place = _sarif_location(artifacts[path], line)
            related.append({"id": n, **place, "message": {"text": concept or ""}})
    return related


def render_sarif(
    findings: list[Finding],
    rules: dict[str, Any],
    tool: str = "moci-vocab",
    command_line: str | None = None,
    exit_code: int = 0,
) -> str:
    """SARIF 2.1.0 for code scanning; ``rules`` maps code → checks.registry.Rule."""
    return "".join(sarif_chunks(findings, rules, tool, command_line, exit_code))


def sarif_chunks(
    findings: Iterable[Finding],
    rules: dict[str, Any],
    tool: str = "moci-vocab",
    command_line: str | None = None,
    exit_code: int = 0,
    tally: Tally | None = None,
) -> Iterator[str]:
    """``render_sarif``'s text in pieces, a result at a time: nothing is kept.

    The rules come before the results: from a list, the codes of its findings
    join ``rules``; a stream's findings must all have a code in ``rules``.
    """
    if isinstance(findings, list | tuple):
        used = sorted({f.code for f in findings} | set(rules))
    else:
        used = sorted(rules)
    rule_index = {code: i for i, code in enumerate(used)}
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "exitCode": exit_code,
        "workingDirectory": {"uri": _folder_uri(Path.cwd())},
    }
    if command_line:
        invocation["commandLine"] = command_line
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool,
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/moci-network/moci-vocab",
                        "rules": [_sarif_rule(code, rules.get(code)) for code in used],
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {"SRCROOT": {"uri": _folder_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "results": [],
            }
        ],
    }
    text = dumps_json(sarif)
    cut = text.rindex('"results": []')  # the last key of the only run
    head, end = text[:cut] + '"results": [', text[cut + len('"results": []') :]
    shown_file = shown_files()
    artifacts: dict[str, dict[str, Any]] = {}
    opened = False
    for f in findings:
        if tally is not None:
            tally.add(f)
        if f.code not in rule_index:
            raise ValueError(f"SARIF stream: the rule {f.code} is not in the rules given")
        path = shown_file(f.file) if f.file else ""
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": SARIF_LEVEL.get(f.severity, "note"),
            "message": {"text": _plain_message(f)},
            "partialFingerprints": {"mociFinding/v1": fingerprint(f, path)},
        }
        if f.file:
            if path not in artifacts:
                artifacts[path] = _sarif_artifact(path)
            result["locations"] = [_sarif_location(artifacts[path], f.line, f.column)]
        if f.locations:
            result["relatedLocations"] = _sarif_related(f, artifacts, shown_file)
        if f.suppressed is not None:
            # An ignore comment in the file itself is "inSource"; a baseline is "external".
            kind = "inSource" if f.suppressed == "comment" else "external"
            result["suppressions"] = [{"kind": kind, "justification": f.suppressed}]
        props = {k: v for k, v in (("concept", f.concept), ("lang", f.lang)) if v}
        props.update(shown_values(f.extra, f.crowd) if f.extra else f.extra)
        if props:
            result["properties"] = props
        yield (",\n" if opened else head + "\n") + _indented(dumps_json(result), 8)
        opened = True
    yield ("\n      ]" + end) if opened else (head + "]" + end)


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def print_text(
    findings: Iterable[Finding], console=None, what: str = "glossary", plain: TextIO | None = None
) -> None:
    """One ``path:line:col: CODE severity: message`` line per finding, then a summary.

    Every line goes through ``printable`` (see ``text_line``): no escape sequence,
    newline, rich markup or workflow command reaches the terminal or a CI log.
    ``plain``: a stream that is not a terminal, written to directly: the bytes a rich
    console writes there (no colour, no wrapping) without rich's cost per line (most
    of the time of printing many findings); ``console`` is then not used.
    """
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    shown = shown_paths()
    tally = Tally()
    say = _plain_printer(plain) if plain is not None else _rich_printer(console)
    for f, line in _text_lines(findings, shown, tally):
        if type(f) is TextBlock:  # written already (see text_blocks): only with ``plain``
            if plain is None:
                raise TypeError("a TextBlock is written to a stream that is not a terminal")
            tally.add_counts(f.counts, f.suppressed)
            plain.write(f.text)
            continue
        tally.add(f)
        start = line.find(f" {f.severity}:", len(f.code))
        say(line, style.get(f.severity, "") if start >= 0 else "", start + 1, len(f.severity))
    counts = tally.counts
    # Said, so that a quiet run shows the suppressions at work; of the baseline: this run's
    # findings it matched (a baseline entry matches the same entry in every file, so this
    # may exceed the entries --write-baseline wrote).
    hidden = suppressed_summary(tally.suppressed)
    if not any(counts.values()):
        verdict, tone = f"{what}: no problems found", "green"
        if hidden:  # "new": beside the baseline's (ignore comments mark no problem)
            kind = "new problems" if tally.suppressed.get("baseline") else "problems found"
            verdict = f"{what}: no {kind}; {hidden}"
    else:
        verdict = (
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
        )
        if hidden:
            verdict += f"; {hidden}"
        tone = "bold red" if counts["error"] else "yellow"
    say(verdict, tone, 0, len(verdict))


_SUPPRESSED_BY = {"comment": "ignore comments", "baseline": "the baseline"}


def suppressed_summary(suppressed: dict[str, int]) -> str:
    """What the text summary says of suppressed findings: "2 findings suppressed by
    ignore comments; 1 finding suppressed by the baseline" (empty if none)."""
    said = []
    for kind, by in _SUPPRESSED_BY.items():
        if count := suppressed.get(kind):
            said.append(f"{count} finding{'' if count == 1 else 's'} suppressed by {by}")
    return "; ".join(said)


def text_blocks(findings: Iterable[Finding]) -> list[Finding | TextBlock]:
    """``findings`` as `print_text` writes them to a stream that is not a terminal, as
    `TextBlock`s (a finding whose line holds a tab stays a Finding: rich lays it out)."""
    shown = shown_paths()
    out: list[Finding | TextBlock] = []
    lines: list[str] = []
    tally = Tally()
    hidden = Tally()  # the suppressed findings since the last block (not written)
    for f, line in _text_lines(findings, shown, hidden):
        if type(f) is TextBlock or _laid_out_by_rich(line):
            if lines or hidden.suppressed:
                out.append(TextBlock("".join(lines), tally.counts, hidden.suppressed or None))
                lines, tally, hidden.suppressed = [], Tally(), {}
            out.append(f)
            continue
        tally.add(f)
        lines.append(line + "\n")
    if lines or hidden.suppressed:  # (a block of no line still carries what was suppressed)
        out.append(TextBlock("".join(lines), tally.counts, hidden.suppressed or None))
    return out


def _rich_printer(console) -> Callable[[str, str, int, int], None]:
    """Prints a line on a rich console, ``length`` characters from ``start`` in ``style``."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console(highlight=False, soft_wrap=True, markup=False, emoji=False)

    def say(line: str, style: str, start: int, length: int) -> None:
        text = Text(line)
        if style:
            text.stylize(style, start, start + length)
        console.print(text)

    return say


def _text_lines(
    findings: Iterable[Finding | TextBlock],
    shown: Callable[[Finding], str],
    tally: Tally,
) -> Iterator[tuple[Any, str]]:
    """Each finding the text output shows with its line; a `TextBlock` as it is, with no
    line. A suppressed finding is not written: ``tally`` counts it (per how)."""
    for f in findings:
        if type(f) is TextBlock:
            yield f, ""
        elif f.suppressed is None:
            yield f, text_line(f, shown(f))
        else:
            tally.add(f)


def _laid_out_by_rich(line: str) -> bool:
    """Whether a text line goes through rich even to a file: a tab (rich expands it by
    the cells the characters before it take)."""
    return "\t" in line


def _plain_printer(stream: TextIO) -> Callable[[str, str, int, int], None]:
    """Writes a line as a rich console without colours writes it to a file; rich itself
    only for a line with a tab (it expands tabs by the cells characters take)."""
    write = stream.write
    tabbed = None

    def say(line: str, _style: str, _start: int, _length: int) -> None:
        nonlocal tabbed
        if not _laid_out_by_rich(line):
            write(line + "\n")
            return
        if tabbed is None:
            from rich.console import Console

            tabbed = _rich_printer(
                Console(
                    file=stream,
                    highlight=False,
                    soft_wrap=True,
                    markup=False,
                    emoji=False,
                    color_system=None,
                    width=1 << 20,
                )
            )
        tabbed(line, "", 0, 0)

    return say
