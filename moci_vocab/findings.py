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
    """One problem, located (file, line, concept, language), with its rule code and severity."""

    code: str
    severity: str
    message: str
    file: str | None = None
    line: int | None = None
    concept: str | None = None
    lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    column: int | None = None
    # Why the finding does not count (a baseline, an ignore comment); None: it counts.
    suppressed: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding for `--format json`; ``file`` as the user would type it."""
        from moci_vocab.errors import display_path

        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "file": display_path(self.file) if self.file else None,
            "line": self.line,
            "column": self.column,
            "concept": self.concept,
            "lang": self.lang,
            "message": self.message,
        }
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        data.update(self.extra)
        return data

    def sort_key(self) -> tuple:
        """The order findings are reported in: file, line, code, language, message."""
        return (self.file or "", self.line or 0, self.code, self.lang or "", self.message)


FAIL_ON = ("error", "warning")


def has_errors(findings: list[Finding]) -> bool:
    """Whether a finding that counts (not suppressed) is an error."""
    return fails(findings, "error")


def fails(findings: list[Finding], fail_on: str = "error") -> bool:
    """Whether a finding that counts is at least as severe as ``fail_on`` (error, warning)."""
    levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    return any(f.severity in levels and f.suppressed is None for f in findings)


def summary(findings: list[Finding]) -> dict[str, int]:
    """The number of findings per severity (suppressed ones not counted)."""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        if finding.suppressed is None:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts
