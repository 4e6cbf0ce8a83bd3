"""Findings out: rich text for people, JSON, GitHub annotations, SARIF 2.1.0.

Shared by `check` and `check-po` (and the loader's schema problems), so the
four formats are written once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from moci_vocab import __version__
from moci_vocab.errors import display_path
from moci_vocab.findings import Finding, summary
from moci_vocab.safetext import dumps_json, github_escape, printable

FORMATS = ("text", "json", "github", "sarif")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_json(findings: list[Finding], extra_summary: dict[str, Any] | None = None) -> str:
    """``{"findings": [...], "summary": {...}}``; paths relative to the current folder."""
    totals: dict[str, Any] = summary(findings)
    totals.update(extra_summary or {})
    data = {"findings": [f.to_json() for f in findings], "summary": totals}
    return dumps_json(data)


def render_github(findings: list[Finding]) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line per finding that counts."""
    lines = []
    for f in findings:
        if f.suppressed is not None:
            continue
        kind = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = []
        if f.file:
            props.append("file=" + github_escape(finding_path(f), True))
        if f.line:
            props.append(f"line={f.line}")
            if f.column:
                props.append(f"col={f.column}")
        props.append("title=" + github_escape(f"{f.code} {f.concept or ''}".strip(), True))
        lines.append(f"::{kind} {','.join(props)}::{github_escape(_plain_message(f))}")
    return "\n".join(lines)


def _plain_message(f: Finding) -> str:
    where = ", ".join(part for part in (f.concept, f.lang) if part)
    return f"{f.message} [{where}]" if where else f.message


def finding_path(f: Finding) -> str:
    """The finding's file as every format shows it: relative to the current folder."""
    return display_path(f.file) if f.file else ""


def text_line(f: Finding) -> str:
    """``path:line:col: CODE severity: message [concept, lang]``, as compilers and linters
    print it (editors make it clickable); line and column 1 when the finding has none."""
    where = f"{finding_path(f)}:{f.line or 1}:{f.column or 1}: " if f.file else ""
    return printable(f"{where}{f.code} {f.severity}: {_plain_message(f)}")


def fingerprint(f: Finding) -> str:
    """A hash that follows a finding across commits (not its line: lines move)."""
    parts = (f.code, finding_path(f).replace("\\", "/"), f.concept or "", f.lang or "", f.message)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


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


def _sarif_location(f: Finding) -> dict[str, Any]:
    path = finding_path(f).replace("\\", "/")
    if Path(path).is_absolute():  # outside the current folder: a file URI, no base
        artifact: dict[str, Any] = {"uri": Path(path).as_uri()}
    else:
        artifact = {"uri": path, "uriBaseId": "SRCROOT"}
    location: dict[str, Any] = {"artifactLocation": artifact}
    if f.line:
        region = {"startLine": f.line}
        if f.column:
            region["startColumn"] = f.column
        location["region"] = region
    return {"physicalLocation": location}


def render_sarif(
    findings: list[Finding],
    rules: dict[str, Any],
    tool: str = "moci-vocab",
    command_line: str | None = None,
    exit_code: int = 0,
) -> str:
    """SARIF 2.1.0 for code scanning; ``rules`` maps code → checks.registry.Rule."""
    used = sorted({f.code for f in findings} | set(rules))
    rule_index = {code: i for i, code in enumerate(used)}
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": SARIF_LEVEL.get(f.severity, "note"),
            "message": {"text": _plain_message(f)},
            "partialFingerprints": {"mociFinding/v1": fingerprint(f)},
        }
        if f.file:
            result["locations"] = [_sarif_location(f)]
        if f.suppressed is not None:
            # An ignore comment in the file itself is "inSource"; a baseline is "external".
            kind = "inSource" if f.suppressed == "comment" else "external"
            result["suppressions"] = [{"kind": kind, "justification": f.suppressed}]
        props = {k: v for k, v in (("concept", f.concept), ("lang", f.lang)) if v}
        props.update(f.extra)
        if props:
            result["properties"] = props
        results.append(result)
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
                "results": results,
            }
        ],
    }
    return dumps_json(sarif)


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def print_text(findings: Iterable[Finding], console=None, what: str = "glossary") -> None:
    """One ``path:line:col: CODE severity: message`` line per finding, then a summary.

    Every line goes through ``printable`` (see ``text_line``): no escape sequence,
    newline, rich markup or workflow command reaches the terminal or a CI log.
    """
    from rich.console import Console
    from rich.text import Text

    console = console or Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
    findings = [f for f in findings if f.suppressed is None]
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for f in findings:
        line = Text(text_line(f))
        start = line.plain.find(f" {f.severity}:", len(f.code))
        if start >= 0:
            line.stylize(style.get(f.severity, ""), start + 1, start + 1 + len(f.severity))
        console.print(line)
    counts = summary(findings)
    verdict = Text()
    if not findings:
        verdict.append(f"{what}: no problems found", style="green")
    else:
        verdict.append(
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info",
            style="bold red" if counts["error"] else "yellow",
        )
    console.print(verdict)
