"""Findings: what `check`, `check-po` and the loader report about files.

One shape for all of them, so every output format (text, JSON, GitHub
annotations, SARIF) is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from moci_vocab.records import Record

SEVERITIES = ("error", "warning", "info")

# A finding's msgid or msgctxt is written (JSON, SARIF, a baseline file) in full up to this
# many characters, a longer one cut there with a marker (`shown_text`): a finding repeats its
# entry's texts, so a pull request's 50 KB msgid naming 2,000 glossary words was 100 MB of
# JSON. No committed or held-out catalog has a msgid or msgctxt of half as many characters.
SHOWN_CHARS = 4096
# And an entry's findings share its texts (`shown_chars`): an entry has a finding per
# glossary word its msgid names, so entries of 4,000 characters naming 455 glossary words
# each were ~470 bytes of JSON per byte of catalog. Of an entry with k findings, more than
# SHOWN_COPIES, each writes its msgid and msgctxt cut to SHOWN_COPIES / k of its length
# (all of them together: each text at most SHOWN_COPIES times over), but never to fewer
# than SHOWN_PREFIX characters. The most any committed, held-out or benchmarked catalog
# has: 41 findings of one entry (the hard case's 5,000-concept glossary mined from its own
# catalog, a 1,792-character msgid); the committed and held-out catalogs', 4.
SHOWN_COPIES = 48
SHOWN_PREFIX = 64


def shown_chars(length: int, count: int = 1) -> int:
    """How many characters of a text of ``length`` each of its entry's ``count`` findings
    writes (`shown_text`): at most SHOWN_CHARS, and from SHOWN_COPIES + 1 findings on its
    share of SHOWN_COPIES times the text (at least SHOWN_PREFIX)."""
    if count <= SHOWN_COPIES:
        return SHOWN_CHARS
    return max(SHOWN_PREFIX, min(SHOWN_CHARS, SHOWN_COPIES * length // count))


def shown_text(text: Any, count: int = 1) -> Any:
    """A finding's msgid or msgctxt as written out, its entry having ``count`` findings: a
    text of more than `shown_chars` characters cut there, with what was cut said
    ("…[cut: 50009 characters]"); anything else as it is."""
    if type(text) is not str:
        return text
    limit = SHOWN_CHARS if count <= SHOWN_COPIES else shown_chars(len(text), count)
    if len(text) <= limit:
        return text
    marker = f"…[cut: {len(text)} characters]"
    # a cut that would write more than the text itself (70 characters as 64 and a marker)
    return text if len(text) <= limit + len(marker) else text[:limit] + marker


def shown_values(extra: dict[str, Any], count: int = 1) -> dict[str, Any]:
    """A finding's ``extra`` as written out: its msgid and msgctxt as `shown_text` writes
    them, its entry having ``count`` findings (the dict itself when neither is cut; the
    finding keeps its texts whole, which its baseline fingerprint is made of)."""
    msgid, context = extra.get("msgid"), extra.get("msgctxt")
    if shown_text(msgid, count) is msgid and shown_text(context, count) is context:
        return extra
    return {
        key: shown_text(value, count) if key in _TEXTS else value for key, value in extra.items()
    }


_TEXTS = ("msgid", "msgctxt")  # the values of ``extra`` that `shown_values` cuts


class Finding(Record):
    """One problem, located (file, line, concept, language), with its rule code and severity."""

    _fields = (
        "code",
        "severity",
        "message",
        "file",
        "line",
        "concept",
        "lang",
        "extra",
        "column",
        "suppressed",
        "locations",
        "crowd",
    )

    def __init__(
        self,
        code: str,
        severity: str,
        message: str,
        file: str | None = None,
        line: int | None = None,
        concept: str | None = None,
        lang: str | None = None,
        extra: dict[str, Any] | None = None,
        column: int | None = None,
        suppressed: str | None = None,
        locations: tuple[tuple[str | None, int | None, str | None], ...] = (),
        crowd: int = 1,
    ) -> None:
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.concept = concept
        self.lang = lang
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.column = column
        # Why the finding does not count (a baseline, an ignore comment); None: it counts.
        self.suppressed = suppressed
        # A problem shared by several concepts (a cluster of shared or near-duplicate
        # terms) is one finding: (file, line, concept) of every member, its own place first.
        self.locations = locations
        # How many findings its entry has, where more than SHOWN_COPIES (else 1): they
        # share its msgid and msgctxt in the output (`shown_text`).
        self.crowd = crowd

    def to_json(
        self, shown_file: str | None = None, show: Callable[[str], str] | None = None
    ) -> dict[str, Any]:
        """The finding for `--format json`; ``file`` as the user would type it
        (``shown_file``, when the caller has it already; ``show`` turns the files of
        ``locations`` into that, ``errors.display_path`` by default)."""
        if shown_file is None and self.file:
            from moci_vocab.errors import display_path

            shown_file = display_path(self.file)
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "file": shown_file if self.file else None,
            "line": self.line,
            "column": self.column,
            "concept": self.concept,
            "lang": self.lang,
            "message": self.message,
        }
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        if self.locations:
            if show is None:
                from moci_vocab.errors import display_path as show
            data["locations"] = [
                {"file": show(file) if file else None, "line": line, "concept": concept}
                for file, line, concept in self.locations
            ]
        data.update(shown_values(self.extra, self.crowd) if self.extra else self.extra)
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


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    """The number of findings per severity (suppressed ones not counted)."""
    tally = Tally()
    for finding in findings:
        tally.add(finding)
    return tally.counts


class Tally(Record):
    """The counts of findings seen one by one (a stream that is not kept)."""

    _fields = ("counts", "suppressed")

    def __init__(
        self, counts: dict[str, int] | None = None, suppressed: dict[str, int] | None = None
    ) -> None:
        self.counts = dict.fromkeys(SEVERITIES, 0) if counts is None else counts
        # Findings suppressed, by how ("comment", "baseline"): not counted above, but said.
        self.suppressed: dict[str, int] = {} if suppressed is None else suppressed

    def add(self, finding: Finding) -> None:
        """Count one finding (a suppressed one under how it was suppressed)."""
        kind = finding.suppressed
        if kind is None:
            self.counts[finding.severity] = self.counts.get(finding.severity, 0) + 1
        else:
            self.suppressed[kind] = self.suppressed.get(kind, 0) + 1

    def add_counts(self, counts: dict[str, int], suppressed: dict[str, int] | None = None) -> None:
        """Count findings already counted (a ``JsonBlock``'s or ``TextBlock``'s): per
        severity, and the suppressed ones per how."""
        for severity, count in counts.items():
            self.counts[severity] = self.counts.get(severity, 0) + count
        for kind, count in (suppressed or {}).items():
            self.suppressed[kind] = self.suppressed.get(kind, 0) + count

    def fails(self, fail_on: str = "error") -> bool:
        """Whether a counted finding is at least as severe as ``fail_on`` (see ``fails``)."""
        levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
        return any(self.counts.get(level) for level in levels)


class JsonBlock(Record):
    """Findings already written as `report.json_chunks` writes them (its items'
    lines, comma-joined), with their counts per severity (suppressed ones not
    counted): a stream of many findings that differ in a few values writes them
    from a `report.JsonTemplate`, without a ``Finding`` and a dict for each."""

    __slots__ = _fields = ("text", "counts", "suppressed")

    def __init__(
        self, text: str | bytes, counts: dict[str, int], suppressed: dict[str, int] | None = None
    ) -> None:
        self.text = text  # bytes: its text in UTF-8 (`report.json_block`)
        self.counts = counts
        self.suppressed = suppressed  # written but not counted, per how (see `Tally`)


class TextBlock(Record):
    """Findings already written as `report.print_text` writes them to a stream that is
    not a terminal (a line each, ending in a newline), with their counts per severity
    (suppressed ones neither written nor counted): made where the findings are found
    (a worker process), so that the process that prints them only writes them."""

    __slots__ = _fields = ("text", "counts", "suppressed")

    def __init__(
        self, text: str, counts: dict[str, int], suppressed: dict[str, int] | None = None
    ) -> None:
        self.text = text
        self.counts = counts
        self.suppressed = suppressed  # neither written nor counted, per how (see `Tally`)
