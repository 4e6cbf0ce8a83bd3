"""moci-vocab's own JSON export, read back (or a bare list of concepts).

Each concept is checked exactly as a concept file is (``schema.parse_concept``);
a concept with schema errors is reported with its position and left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.findings import Finding
from moci_vocab.importers import ImportFile, Incoming, ReadOptions, read_bytes, refuse_runaway
from moci_vocab.model import is_slug

MAX_DIGITS = 100  # Python refuses to parse ints over 4,300 digits; none is meant here
# An upper bound of the values a document holds (each one after the first in an array or
# object follows a comma), counted before parsing: json.loads made ~64 bytes of objects of
# every 3 bytes of `[],` (60 MB: 1.64 GB). moci-vocab's JSON export has ~81 a concept.
MAX_JSON_VALUES = 8_000_000


class _HugeNumber(ValueError):
    def __init__(self, digits: str):
        super().__init__(digits)
        self.digits = digits


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _HugeNumber(digits)
    return int(digits)


def read_json(path: Path, options: ReadOptions) -> ImportFile:
    """The concepts of a moci-vocab JSON export."""
    raw = read_bytes(path)
    values = raw.count(b",") + raw.count(b"[") + raw.count(b"{") + 1
    if values > MAX_JSON_VALUES:
        raise MociError(
            f"holds more than {MAX_JSON_VALUES:,} JSON values (commas and brackets counted); "
            "a glossary import is limited to that many (split the file)",
            path,
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_parse_int)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise MociError("is not valid UTF-8", path, line) from None
    except json.JSONDecodeError as exc:
        raise MociError(f"is not valid JSON: {exc.msg}", path, exc.lineno) from None
    except _HugeNumber as exc:
        line = raw[: raw.find(exc.digits.encode("ascii"))].count(b"\n") + 1
        raise MociError(
            f"has a number of {len(exc.digits)} digits; no glossary value is a number that long",
            path,
            line,
        ) from None
    except RecursionError:
        raise MociError("nests arrays or objects too deeply (hundreds of levels)", path) from None
    result = ImportFile(path=path, format="json", ours=True)
    if isinstance(data, dict):
        result.version = data.get("version") if isinstance(data.get("version"), str) else None
        items = data.get("concepts")
    else:
        items = data
    if not isinstance(items, list):
        raise MociError("is not a moci-vocab JSON export (no list of `concepts`)", path)
    refuse_runaway(len(items), path, "concepts")
    keep = {options.source_language, *options.languages} if options.languages else None
    for index, item in enumerate(items):
        concept = _concept(item, index, result)
        if concept is None:
            continue
        if keep is not None:
            concept.terms = {lang: t for lang, t in concept.terms.items() if lang in keep}
        if concept.terms:
            result.concepts.append(Incoming(concept=concept, group=concept.id))
    return result


def _concept(item, index: int, result: ImportFile):
    from moci_vocab.schema import parse_concept
    from moci_vocab.yamlio import Document

    where = f"concepts[{index}]"
    concept_id = item.get("id") if isinstance(item, dict) else None
    if not isinstance(concept_id, str) or not is_slug(concept_id):
        result.problem(None, f"{where}: has no valid `id`; left out")
        return None
    findings: list[Finding] = []
    # parse_concept checks the id against the file name; give it the matching one.
    doc = Document(path=Path(f"{concept_id}.yaml"), data=item)
    concept = parse_concept(doc, findings.append)
    errors = [f for f in findings if f.severity == "error"]
    if errors or concept is None:
        reason = errors[0].message if errors else "unusable"
        result.problem(None, f"{where} ({concept_id}): {reason}; left out")
        return None
    return concept
