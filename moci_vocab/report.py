"""Findings out: rich text for people, JSON, GitHub annotations, SARIF 2.1.0.

Shared by `check` and `check-po` (and the loader's schema problems), so the
four formats are written once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from moci_vocab import __version__
from moci_vocab.errors import display_path
from moci_vocab.findings import Finding, summary

FORMATS = ("text", "json", "github", "sarif")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_json(findings: list[Finding], extra_summary: dict[str, Any] | None = None) -> str:
    totals: dict[str, Any] = summary(findings)
    totals.update(extra_summary or {})
    data = {"findings": [f.to_json() for f in findings], "summary": totals}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _github_escape(text: str, is_property: bool = False) -> str:
    """Workflow-command escaping (%, CR, LF; and : , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(findings: list[Finding]) -> str:
    """One `::error file=…,line=…,title=…::message` line per finding."""
    lines = []
    for f in findings:
        kind = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = []
        if f.file:
            props.append("file=" + _github_escape(display_path(f.file), True))
        if f.line:
            props.append(f"line={f.line}")
        props.append("title=" + _github_escape(f"{f.code} {f.concept or ''}".strip(), True))
        lines.append(f"::{kind} {','.join(props)}::{_github_escape(_plain_message(f))}")
    return "\n".join(lines)


def _plain_message(f: Finding) -> str:
    where = ", ".join(part for part in (f.concept, f.lang) if part)
    return f"{f.message} [{where}]" if where else f.message


def render_sarif(findings: list[Finding], rules: dict[str, str], tool: str = "moci-vocab") -> str:
    """SARIF 2.1.0 for code scanning; ``rules`` maps code → short description."""
    used = sorted({f.code for f in findings} | set(rules))
    rule_index = {code: i for i, code in enumerate(used)}
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": SARIF_LEVEL.get(f.severity, "note"),
            "message": {"text": _plain_message(f)},
        }
        if f.file:
            region = {"startLine": f.line} if f.line else {}
            location: dict[str, Any] = {
                "artifactLocation": {"uri": display_path(f.file).replace("\\", "/")}
            }
            if region:
                location["region"] = region
            result["locations"] = [{"physicalLocation": location}]
        props = {k: v for k, v in (("concept", f.concept), ("lang", f.lang)) if v}
        props.update(f.extra)
        if props:
            result["properties"] = props
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool,
                        "version": __version__,
                        "informationUri": "https://github.com/moci-network/moci-vocab",
                        "rules": [
                            {
                                "id": code,
                                "shortDescription": {"text": rules.get(code, code)},
                            }
                            for code in used
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)


def print_text(findings: Iterable[Finding], console=None, what: str = "glossary") -> None:
    """Findings grouped by file, with line numbers, then a one-line summary."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console(highlight=False, soft_wrap=True)
    findings = list(findings)
    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    current = object()
    for f in findings:
        if f.file != current:
            current = f.file
            console.print(Text(display_path(f.file) if f.file else what, style="bold underline"))
        line = Text("  ")
        line.append(f"{f.line or '-':>4}  ", style="dim")
        line.append(f"{f.severity:<7} ", style=style.get(f.severity, ""))
        line.append(f"{f.code} ", style="dim")
        where = " ".join(part for part in (f.concept, f.lang) if part)
        if where:
            line.append(f"{where}: ", style="bold")
        line.append(f.message)
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
