"""`moci-vocab export` and `moci-vocab import` end to end (CliRunner, scratch glossaries)."""

from __future__ import annotations

import json
import shutil

import polib
from conftest import snapshot
from exim_support import FIXTURES

from moci_vocab.cli.export import FORMATS
from moci_vocab.exporters import EXPORTERS


def test_cli_formats_match_the_registry():
    assert list(FORMATS) == list(EXPORTERS)


def test_export_po_into_the_default_folder(seeded):
    result = seeded("export", "po", "--lang", "sq,ka")
    exports = seeded.root / "exports"
    assert sorted(p.name for p in exports.iterdir()) == ["ka.po", "sq.po"]
    assert "sq.po" in result.stdout
    entries = {e.msgctxt: e.msgstr for e in polib.pofile(str(exports / "sq.po"))}
    assert entries["reconciliation"] == "pajtim"


def test_export_all_writes_every_format_and_a_summary(seeded, tmp_path):
    out = tmp_path / "handouts"
    result = seeded("export", "all", "--lang", "sq", "-o", str(out))
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    slug = "g"  # the scratch glossary is named after its folder
    for expected in ("sq.po", "sq.mo", f"{slug}.pot", f"{slug}.csv", f"{slug}-terms.csv"):
        assert expected in names
    for expected in ("weblate/sq.po", "weblate/sq.tbx", "weblate/sq.csv", f"{slug}-en-sq.utf8"):
        assert expected in names
    for suffix in (".tbx", ".json", ".tmx", ".xlsx", ".ttl", ".jsonld", ".html", ".pdf"):
        assert any(name.endswith(suffix) for name in names), suffix
    assert "wrote" in result.stderr and "13 formats" in result.stderr
    assert len(result.stdout.splitlines()) == len(names)


def test_export_is_repeatable_byte_for_byte(seeded, tmp_path):
    for folder in ("a", "b"):
        for fmt in ("po", "mo", "pot", "csv", "tbx", "json", "weblate", "omegat", "tmx", "xlsx"):
            seeded("export", fmt, "-o", str(tmp_path / folder))
        seeded("export", "skos", "-o", str(tmp_path / folder))
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.*")}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.*")}
    assert first == second and len(first) >= 30


def test_export_filters_by_tag(seeded, tmp_path):
    seeded("export", "json", "--tag", "core", "-o", str(tmp_path))
    (path,) = tmp_path.glob("*.json")
    assert [c["id"] for c in json.loads(path.read_text(encoding="utf-8"))["concepts"]] == [
        "reconciliation"
    ]


def test_export_unknown_language_or_tag_is_one_clear_error(seeded):
    result = seeded("export", "po", "--lang", "xx-nonsense", ok=False)
    assert result.exit_code == 1 and result.stderr.startswith("error:")
    result = seeded("export", "csv", "--tag", "nope", ok=False)
    assert "no tag 'nope'" in result.stderr


def test_export_json_summary(seeded, tmp_path):
    data = seeded.json("export", "tbx", "-o", str(tmp_path))
    assert data["errors"] == [] and data["files"][0]["format"] == "tbx"


def test_export_bom_option(seeded, tmp_path):
    seeded("export", "csv", "--bom", "-o", str(tmp_path))
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in tmp_path.glob("*.csv"))


# ------------------------------------------------------------------ import


def test_import_dry_run_writes_nothing(moci):
    before = snapshot(moci.root)
    result = moci("import", "po", str(FIXTURES / "gnome-glossary-sq.po"), "--dry-run")
    assert snapshot(moci.root) == before
    assert "+ abort: new concept" in result.stdout
    assert "would import" in result.stderr and "12 new concepts" in result.stderr


def test_import_gnome_po_then_show(moci):
    moci("import", "po", str(FIXTURES / "gnome-glossary-sq.po"))
    shown = moci.json("show", "abort")
    assert shown["terms"]["sq"][0]["term"] == "ndërprit"
    assert shown["definition"]["en"].startswith("To terminate")


def test_import_serbian_reports_file_and_line_without_traceback(moci):
    result = moci("import", "po", str(FIXTURES / "gnome-glossary-sr.po"), "--lang", "sr-Cyrl")
    assert "gnome-glossary-sr.po:40:" in result.stderr and "UTF-8" in result.stderr
    assert moci.json("show", "base")["terms"]["sr-Cyrl"][0]["term"] == "Основа"


def test_import_near_duplicate_needs_yes_in_scripts(seeded, tmp_path):
    path = tmp_path / "new-sq.csv"
    path.write_text("source,target\nreconcilation,pajtimi\n", encoding="utf-8")
    before = snapshot(seeded.root)
    result = seeded("import", "csv", str(path), ok=False)
    assert result.exit_code == 1 and "near-duplicate" in result.stderr
    assert snapshot(seeded.root) == before
    seeded("import", "csv", str(path), "--yes")
    assert seeded.json("show", "reconcilation")["terms"]["sq"][0]["term"] == "pajtimi"


def test_import_near_duplicate_asks_on_a_terminal(seeded, tmp_path, monkeypatch):
    import moci_vocab.cli.importing as importing

    monkeypatch.setattr(importing, "is_interactive", lambda: True)
    path = tmp_path / "new-sq.csv"
    path.write_text("source,target\nreconcilation,pajtimi\n", encoding="utf-8")
    result = seeded("import", "csv", str(path), input="1\n")
    assert "looks like" in result.stderr
    terms = seeded.json("show", "reconciliation")["terms"]
    assert [t["term"] for t in terms["en"]] == ["reconciliation", "reconcilation"]
    assert "pajtimi" in [t["term"] for t in terms["sq"]]


def test_export_then_import_into_a_new_glossary_round_trips(seeded, tmp_path, moci_factory=None):
    from click.testing import CliRunner

    from moci_vocab.cli import cli

    seeded("export", "csv", "-o", str(tmp_path / "out"))
    target = tmp_path / "other"
    CliRunner().invoke(cli, ["init", str(target), "--languages", "sq,ka,hy,sr-Latn,sr-Cyrl"])
    (wide,) = [p for p in (tmp_path / "out").glob("*.csv") if not p.stem.endswith("-terms")]
    runner = CliRunner()
    result = runner.invoke(cli, ["--root", str(target), "import", "csv", str(wide), "--yes"])
    assert result.exit_code == 0, result.output
    for concept_file in (seeded.root / "terms").glob("*.yaml"):
        assert (target / "terms" / concept_file.name).read_text(encoding="utf-8") == (
            concept_file.read_text(encoding="utf-8")
        )


def test_import_json_output(moci):
    data = moci.json("import", "tbx", str(FIXTURES / "cs.tbx"), "--dry-run")
    assert data["dry_run"] is True and data["summary"]["added"] == 4
    assert {c["concept"] for c in data["changes"]} >= {"address-bar", "administrator"}


def test_import_bad_file_is_one_clear_error(moci, tmp_path):
    path = tmp_path / "x.tbx"
    shutil.copy(FIXTURES / "cs.csv", path)
    result = moci("import", "tbx", str(path), ok=False)
    assert result.exit_code == 1 and "x.tbx:1" in result.stderr


def test_export_into_dash_is_refused_instead_of_a_folder_named_dash(seeded, monkeypatch):
    monkeypatch.chdir(seeded.root)
    result = seeded("export", "csv", "-o", "-", ok=False)
    assert result.exit_code == 2
    assert "not '-' for standard output" in result.output
    assert not (seeded.root / "-").exists()


def test_an_empty_export_says_why_as_list_does(moci, tmp_path):
    """'no concept matches the filters' was said with no filter given (an empty glossary)."""
    result = moci("export", "csv", "-o", str(tmp_path / "a"))
    assert "warning: the glossary has no concept yet; add one with" in result.stderr
    moci("add", "peace", "--term", "en=peace", "--yes")
    result = moci("export", "csv", "--status", "retired", "-o", str(tmp_path / "b"))
    assert "warning: no concept matches --status retired; the files will be empty" in (
        result.stderr
    )
