"""Findings: what `check`, `check-po` and the loader report about files.

One shape for all of them, so every output format (text, JSON, GitHub
annotations, SARIF) is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    file: str | None = None
    line: int | None = None
    concept: str | None = None
    lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "concept": self.concept,
            "lang": self.lang,
            "message": self.message,
        }
        data.update(self.extra)
        return data

    def sort_key(self) -> tuple:
        return (self.file or "", self.line or 0, self.code, self.lang or "", self.message)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts
