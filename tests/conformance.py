"""What every exporter and every importer must do: one conformance class per direction.

After translate-toolkit's ``tests/translate/storage/test_base.py``: the tests
are written once, against the interface (``exporters.EXPORTERS``,
``importers.READERS``), and run for every format in those registries, so a
new exporter or importer is tested the moment it is registered. A format
with special needs says so in ``EXPORT_TRAITS`` (see docs/architecture.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from exim_support import export, glossary, hostile_glossary, reimport

from moci_vocab.errors import MociError
from moci_vocab.exporters import EXPORTERS
from moci_vocab.importers import READERS, ReadOptions, get_reader
from moci_vocab.model import Concept, Term

VERSION = "3.4.5"


@dataclass(frozen=True)
class ExportTraits:
    """What the conformance tests need to know about one export format."""

    reader: str | None = None  # the importer that reads the export back (round trip)
    slow: bool = False  # typesets or renders: the hostile glossary only, once
    needs_target: bool = False  # writes nothing without a target language
    # Term pairs only (a concept without a term in the target language is left out):
    # the hostile glossary is exported in these languages, where every concept has both.
    pair_languages: tuple[str, ...] | None = None


# Formats not listed get the defaults, with the importer of the same name (if any).
EXPORT_TRAITS: dict[str, ExportTraits] = {
    "po": ExportTraits(reader="po", needs_target=True),
    "mo": ExportTraits(needs_target=True),
    "pot": ExportTraits(),
    "booklet": ExportTraits(slow=True),
    "tmx": ExportTraits(needs_target=True, pair_languages=("en", "sq")),
    "weblate": ExportTraits(needs_target=True),
    "omegat": ExportTraits(needs_target=True),
}


def traits(fmt: str) -> ExportTraits:
    """The traits of ``fmt``: listed, or the defaults with a reader of the same name."""
    if fmt in EXPORT_TRAITS:
        return EXPORT_TRAITS[fmt]
    return ExportTraits(reader=fmt if fmt in READERS else None)


def text_of(path: Path) -> str:
    """What a reader of ``path`` sees: a PDF's text, else the file's characters."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        pypdf = pytest.importorskip("pypdf")
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8", errors="replace")


def small_glossary(root: Path, version: str = VERSION):
    """Two plain concepts, in the source and one target language."""
    peace = Concept("peace", definition={"en": "No war."})
    peace.terms = {"en": [Term("peace")], "sq": [Term("paqe")]}
    trust = Concept("trust", terms={"en": [Term("trust")], "sq": [Term("besim")]})
    return glossary(root, [peace, trust], version)


class ExporterBasics:
    """Files, version stamp, reproducibility and escaping (see ExporterConformance)."""

    fmt: str

    def test_empty_glossary_exports_without_error(self, tmp_path: Path) -> None:
        paths = export(glossary(tmp_path, [], VERSION), self.fmt, tmp_path / "out")
        assert all(path.is_file() for path in paths)
        if not traits(self.fmt).needs_target:
            assert paths, f"{self.fmt} wrote nothing for an empty glossary"

    def test_every_file_carries_the_version_stamp(self, tmp_path: Path) -> None:
        source = hostile_glossary if traits(self.fmt).slow else small_glossary
        g = source(tmp_path)
        g.manifest.version = VERSION
        paths = export(g, self.fmt, tmp_path / "out")
        assert paths
        for path in paths:
            if path.suffix == ".mo":
                assert VERSION.encode() in path.read_bytes(), path.name
            else:
                assert VERSION in text_of(path), path.name

    def test_exporting_twice_gives_the_same_bytes(self, tmp_path: Path) -> None:
        if traits(self.fmt).slow:
            pytest.skip("reproducibility of the typeset formats is tested in their own files")
        g = hostile_glossary(tmp_path)
        first = {p.name: p.read_bytes() for p in export(g, self.fmt, tmp_path / "a")}
        second = {p.name: p.read_bytes() for p in export(g, self.fmt, tmp_path / "b")}
        assert first == second

    def test_hostile_text_is_escaped(self, tmp_path: Path) -> None:
        """Markup, formulas and quotes in the data are never live: each file still parses."""
        languages = traits(self.fmt).pair_languages
        paths = export(hostile_glossary(tmp_path), self.fmt, tmp_path / "out", languages=languages)
        assert paths
        for path in paths:
            check = ESCAPING.get(path.suffix)
            if check is not None:
                check(path)


def _xml_escaped(path: Path) -> None:
    from xml.etree import ElementTree

    text = "".join(ElementTree.parse(path).getroot().itertext())
    assert "second line <b>&amp;</b>" in text, f"{path.name}: the definition did not survive"


def _html_escaped(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert "<b>&amp;</b>" not in raw, f"{path.name}: markup from the data is live"


def _csv_escaped(path: Path) -> None:
    import csv

    text = path.read_text(encoding="utf-8-sig")
    dialect = "excel-tab" if path.suffix == ".tsv" else "excel"
    for row in csv.reader(io.StringIO(text, newline=""), dialect=dialect):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), f"{path.name}: formula {cell!r}"


def _json_escaped(path: Path) -> None:
    import json

    assert "second line <b>&amp;</b>" in json.dumps(json.loads(path.read_text(encoding="utf-8")))


def _po_escaped(path: Path) -> None:
    from moci_vocab.po.read import read_po

    catalog = read_po(path)
    assert "=pajtim" not in catalog.msgids  # a forbidden term is a comment, never a msgid
    assert {"reconciliation", "formula"} <= {c for c in catalog.msgctxts if c}


# How each kind of file proves that what it embeds is escaped (by file suffix, so that a
# new exporter writing one of these kinds is checked without being listed).
ESCAPING = {
    ".tbx": _xml_escaped,
    ".xml": _xml_escaped,
    ".tmx": _xml_escaped,
    ".xlf": _xml_escaped,
    ".xliff": _xml_escaped,
    ".rdf": _xml_escaped,
    ".html": _html_escaped,
    ".csv": _csv_escaped,
    ".tsv": _csv_escaped,
    ".json": _json_escaped,
    ".po": _po_escaped,
    ".pot": _po_escaped,
}


class ExporterRoundTrip:
    """The round-trip half of the exporter contract (see ExporterConformance)."""

    fmt: str

    def test_round_trip_through_its_importer(self, tmp_path: Path) -> None:
        reader = traits(self.fmt).reader
        if reader is None:
            pytest.skip(f"no importer reads {self.fmt}")
        g = small_glossary(tmp_path)
        for path in export(g, self.fmt, tmp_path / "out", languages=["en", "sq"]):
            back, imported, _plan = reimport(path, reader, tmp_path)
            assert imported.problems == [], imported.problems
            for concept in g.concepts.values():
                source = concept.representative("en").term
                found = [c for c in back.concepts.values() if c.representative("en").term == source]
                assert found, f"{path.name}: {source!r} did not come back"
                assert found[0].terms.get("sq", [])[:1] == concept.terms["sq"][:1], path.name


class ExporterConformance(ExporterBasics, ExporterRoundTrip):
    """The contract of an exporter; a test class sets ``fmt`` (a registry name)."""


class ImporterConformance:
    """The contract of an importer; a test class sets ``fmt`` (a registry name)."""

    fmt: str

    def test_an_empty_file_is_one_clear_error_or_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / f"empty.{self.fmt}"
        path.write_bytes(b"")
        try:
            imported = get_reader(self.fmt)(path, ReadOptions(languages=["sq"]))
        except MociError as exc:
            assert path.name in str(exc.path or "") + str(exc), str(exc)
            assert "\n" not in str(exc)
        else:
            assert imported.concepts == []

    def test_binary_garbage_is_one_clear_error(self, tmp_path: Path) -> None:
        path = tmp_path / f"garbage.{self.fmt}"
        path.write_bytes(b"\x00\xff\xfe\x00binary\x00" * 50)
        with pytest.raises(MociError) as caught:
            get_reader(self.fmt)(path, ReadOptions(languages=["sq"]))
        assert "\n" not in str(caught.value)

    def test_a_missing_file_is_one_clear_error(self, tmp_path: Path) -> None:
        with pytest.raises(MociError):
            get_reader(self.fmt)(tmp_path / f"missing.{self.fmt}", ReadOptions())

    def test_reads_back_what_the_exporter_of_its_format_writes(self, tmp_path: Path) -> None:
        exporters = [name for name in EXPORTERS if traits(name).reader == self.fmt]
        if not exporters:
            pytest.skip(f"no exporter writes {self.fmt}")
        g = hostile_glossary(tmp_path)
        for path in export(g, exporters[0], tmp_path / "out"):
            _back, imported, plan = reimport(path, self.fmt, tmp_path)
            assert imported.concepts, path.name
            assert plan.summary()["added"] >= 1, path.name
