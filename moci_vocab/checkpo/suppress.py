"""Findings of `check-po` that do not count: a baseline file, and ignore comments.

A project that switches `check-po` on with existing inconsistencies writes a
baseline (`--write-baseline FILE`) and then checks with `--baseline FILE`:
only findings that are not in it fail the build. A finding is known by its
fingerprint: code, msgctxt, msgid, concept and language (not its line, so
entries that move keep their place in the baseline).

A translator marks one entry as an intended exception with a comment:
``# moci-vocab: ignore <concept> [<concept> …]`` above the entry in a PO file
(``all`` for every concept), or a ``<note>`` with the same text inside an
XLIFF unit. Suppressed findings are still reported, with ``suppressed`` set
to "baseline" or "comment": visible in JSON and SARIF, not counted.
"""

from __future__ import annotations

import bisect
import os
import re
from pathlib import Path

from moci_vocab.digests import sha256
from moci_vocab.errors import MociError
from moci_vocab.findings import Finding, shown_values

BASELINE_VERSION = 1
IGNORE_ALL = "all"
_FILE_CODES = ("MV600", "MV605", "MV606")  # about a whole file: never in a baseline
_IGNORE = re.compile(r"moci-vocab:\s*ignore\b([^\n<]*)")


def fingerprint(finding: Finding, memo: dict | None = None) -> str:
    """What identifies a finding across runs: code, msgctxt, msgid, concept, language.

    ``memo``: a dict the caller keeps for a run, where the hash of the part (code,
    msgctxt, msgid) of a long msgid or msgctxt is kept: an entry's findings then hash it
    once, not once each (a 1 MB msgid naming 2,000 glossary words was 2 GB of hashing per
    baseline run)."""
    extra = finding.extra
    context, msgid = extra.get("msgctxt") or "", extra.get("msgid") or ""
    if memo is None or len(context) + len(msgid) < _MEMO_FROM:
        parts = (
            finding.code,
            context,
            msgid,
            finding.concept or "",
            finding.lang or "",
        )
        return sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    # (the same digest: the joined text's UTF-8 fed in two parts)
    key = (finding.code, context, msgid)
    head = memo.get(key)
    if head is None:
        head = memo[key] = sha256("\x1f".join((*key, "")).encode("utf-8"))
    digest = head.copy()
    digest.update(f"{finding.concept or ''}\x1f{finding.lang or ''}".encode())
    return digest.hexdigest()[:32]


_MEMO_FROM = 4096  # characters of msgctxt and msgid from which `fingerprint` keeps their hash


def baseline_text(findings: list[Finding]) -> str:
    """The baseline file for these findings (those not suppressed by a comment)."""
    rows: list[tuple[dict, int]] = []  # each with its finding's `Finding.crowd`
    seen: set[str] = set()
    memo: dict = {}
    for f in findings:
        if f.suppressed == "comment" or f.code in _FILE_CODES:
            continue
        key = fingerprint(f, memo)
        if key in seen:
            continue
        seen.add(key)
        row = {
            "fingerprint": key,
            "code": f.code,
            "concept": f.concept,
            "lang": f.lang,
            "msgctxt": f.extra.get("msgctxt"),
            "msgid": f.extra.get("msgid"),
        }
        rows.append((row, f.crowd))
    rows.sort(key=_row_order)
    # (a long msgid or msgctxt cut as in JSON and SARIF: the fingerprint is what is read)
    written = [shown_values(row, crowd) for row, crowd in rows]
    data = {"moci-vocab-baseline": BASELINE_VERSION, "findings": written}
    import json  # only for a baseline: not at the top

    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _row_order(pair: tuple[dict, int]) -> tuple:
    """A baseline row's place: language, concept, msgid, code."""
    row = pair[0]
    return (row["lang"] or "", row["concept"] or "", row["msgid"] or "", row["code"])


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Write the baseline file atomically; how many findings it holds."""
    from moci_vocab.fsutil import atomic_write

    text = baseline_text(findings)
    atomic_write(path, text)
    return text.count('"fingerprint"')


def read_baseline(path: Path) -> set[str]:
    """The fingerprints of a baseline file; a clear error when it is not one."""
    import json

    from moci_vocab.fsutil import MAX_INPUT_BYTES, read_regular_file

    if not os.path.lexists(path):
        raise MociError("no such baseline file (write one with --write-baseline)", path)
    try:
        data = json.loads(read_regular_file(path, MAX_INPUT_BYTES).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # (a JSONDecodeError is a ValueError, and so is a number of 5,000 digits)
        raise MociError(f"not a check-po baseline file: {exc}", path) from None
    rows = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(rows, list) or data.get("moci-vocab-baseline") != BASELINE_VERSION:
        raise MociError("not a check-po baseline file (written by --write-baseline)", path)
    known = [row["fingerprint"] for row in rows if isinstance(row, dict) and "fingerprint" in row]
    if not all(type(key) is str for key in known):  # (a list or a map is no fingerprint)
        raise MociError("not a check-po baseline file: a fingerprint is not text", path)
    return set(known)


def apply_baseline(findings: list[Finding], known: set[str]) -> int:
    """Mark the findings the baseline knows as suppressed; how many were."""
    memo: dict = {}
    return sum(suppress_known(f, known, memo) for f in findings)


def suppress_known(finding: Finding, known: set[str], memo: dict | None = None) -> bool:
    """Mark one finding suppressed ("baseline") when the baseline knows it; whether it was.
    ``memo``: see `fingerprint`."""
    known_here = finding.suppressed is None and finding.code not in _FILE_CODES
    if known_here and fingerprint(finding, memo) in known:
        finding.suppressed = "baseline"
        return True
    return False


def ignore_marks(path: Path, lines_of, data: bytes | None = None) -> dict[int, frozenset[str]]:
    """Entry index → the concepts its ignore comments name (``all`` for every one).

    ``lines_of(indices)`` gives the line of each entry (its first keyword in PO,
    its unit's start in XLIFF). ``data``: the file's bytes, when the reader kept them
    (else the file is read again). Costs nothing for a file without such comments.
    """
    from moci_vocab.errors import MociError
    from moci_vocab.fsutil import MAX_INPUT_BYTES, read_regular_file

    if data is None:
        try:
            data = read_regular_file(path, MAX_INPUT_BYTES)
        except MociError:
            return {}
    # One scan of the bytes (a search for a word of common letters reads ~2.5 bytes a
    # nanosecond: 0.5 ms for a 1.35 MB catalog): every mark `_IGNORE` reads holds it.
    if b"moci-vocab:" not in data:
        return {}
    text = data.decode("utf-8", errors="replace")
    xliff = path.suffix.lower() in (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
    marks: list[tuple[int, frozenset[str]]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if "moci-vocab:" not in line or (not xliff and not line.startswith("#")):
            continue
        match = _IGNORE.search(line)
        if match:
            names = frozenset(re.split(r"[\s,]+", match.group(1).strip())) - {""}
            marks.append((number, names or frozenset({IGNORE_ALL})))
    if not marks:
        return {}
    table = lines_of()
    order = sorted(table, key=table.get)
    starts = [table[i] for i in order]
    found: dict[int, frozenset[str]] = {}
    for number, names in marks:
        if xliff:  # inside the unit: the last unit that starts before the note
            at = bisect.bisect_right(starts, number) - 1
        else:  # above the entry: the first entry whose keyword comes after the comment
            at = bisect.bisect_left(starts, number)
        if 0 <= at < len(order):
            entry = order[at]
            found[entry] = found.get(entry, frozenset()) | names
    return found
