"""Issue 19: import --columns, --split, --on-duplicate; spelling variants, conflicting
definitions kept as notes, provenance in `source`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import snapshot


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_columns_map_a_foreign_csv_and_split_alternatives(moci, tmp_path):
    path = write(
        tmp_path,
        "terms.csv",
        "Term,Translation,Description,Remarks\n"
        'Daemon,"демон, сервис",A background process.,ignored\n',
    )
    result = moci(
        "import", "csv", str(path), "--columns",
        "en=Term,sr-Cyrl=Translation,definition.en=Description", "--split", ",",
    )  # fmt: skip
    assert "'Remarks' is not mapped by --columns" in result.stderr
    daemon = moci.json("show", "daemon")
    assert daemon["definition"] == {"en": "A background process."}
    assert [(t["term"], t["status"]) for t in daemon["terms"]["sr-Cyrl"]] == [
        ("демон", "preferred"),
        ("сервис", "admitted"),
    ]
    assert daemon["terms"]["sr-Cyrl"][0]["source"] == "imported from terms.csv"


def test_columns_by_number_for_a_file_without_header(moci, tmp_path):
    path = write(tmp_path, "g.csv", '"abort"|"To terminate abruptly."\n"Accept"|\n')
    moci("import", "csv", str(path), "--columns", "en=1", "--columns", "definition.en=2")
    assert moci.json("show", "abort")["definition"] == {"en": "To terminate abruptly."}
    assert "sq" not in moci.json("show", "accept")["terms"]


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ("en=Nope", "g.csv:1: has no column 'Nope'"),
        ("colour=Term", "'colour' is not something a column can hold"),
        ("en", "must look like FIELD=COLUMN"),
    ],
)
def test_bad_columns_are_one_clear_error(moci, tmp_path, columns, message):
    path = write(tmp_path, "g.csv", "Term,Translation\npeace,paqe\n")
    before = snapshot(moci.root)
    result = moci("import", "csv", str(path), "--columns", columns, ok=False)
    assert result.exit_code == 1 and message in result.stderr
    assert snapshot(moci.root) == before


@pytest.fixture
def checkbox(moci):
    moci("add", "checkbox", "--term", "en=Checkbox", "--term", "sq=kuti zgjedhjeje", "--yes")
    return moci


def test_a_spelling_variant_is_proposed_as_the_same_concept(checkbox, tmp_path):
    path = write(tmp_path, "ui-sq.csv", "source,target\ncheck box,kutizë\n")
    before = snapshot(checkbox.root)
    refused = checkbox("import", "csv", str(path), ok=False)
    assert "(spelling variant)" in refused.stderr and "--on-duplicate" in refused.stderr
    assert snapshot(checkbox.root) == before
    checkbox("import", "csv", str(path), "--yes")
    terms = checkbox.json("show", "checkbox")["terms"]
    assert [(t["term"], t["status"]) for t in terms["en"]] == [
        ("Checkbox", "preferred"),
        ("check box", "admitted"),
    ]
    assert [t["term"] for t in terms["sq"]] == ["kuti zgjedhjeje", "kutizë"]


@pytest.mark.parametrize(("decision", "concepts"), [("new", 2), ("skip", 1), ("merge", 1)])
def test_on_duplicate_decides_without_a_terminal(checkbox, tmp_path, decision, concepts):
    path = write(tmp_path, "ui-sq.csv", "source,target\ncheck-box,kutizë\n")
    checkbox("import", "csv", str(path), "--on-duplicate", decision)
    assert len(checkbox.json("list")) == concepts
    merged = [t["term"] for t in checkbox.json("show", "checkbox")["terms"]["en"]]
    assert ("check-box" in merged) == (decision == "merge")


def test_a_typo_near_duplicate_is_not_a_variant(checkbox, tmp_path):
    path = write(tmp_path, "ui-sq.csv", "source,target\nChekbox,kutizë\n")
    result = checkbox("import", "csv", str(path), "--yes")
    assert "→ new concept" in result.stderr
    assert len(checkbox.json("list")) == 2


def test_variants_inside_one_file_become_one_concept(moci, tmp_path):
    path = write(
        tmp_path,
        "x-sq.csv",
        "source,target\nScreen Saver,mbrojtës ekrani\nScreensaver,ruajtës ekrani\n"
        "Checkbox,kuti\ncheck box,kutizë\nModel,model\nMode,mënyrë\n",
    )
    moci("import", "csv", str(path), "--yes")
    ids = sorted(c["id"] for c in moci.json("list"))
    assert ids == ["checkbox", "mode", "model", "screen-saver"]
    saver = moci.json("show", "screen-saver")["terms"]
    assert [t["term"] for t in saver["en"]] == ["Screen Saver", "Screensaver"]
    assert [t["term"] for t in saver["sq"]] == ["mbrojtës ekrani", "ruajtës ekrani"]


def test_conflicting_definitions_are_reported_and_kept_as_notes(seeded, tmp_path):
    path = write(
        tmp_path,
        "other-sq.csv",
        "source,target,explanation\nreconciliation,pajtim,Making peace after a war.\n",
    )
    result = seeded("import", "csv", str(path))  # the real run, not --dry-run
    assert "other-sq.csv:2: reconciliation: the file's definition in en differs" in result.stderr
    concept = seeded.json("show", "reconciliation")
    assert concept["definition"]["en"] == "Restoring trust between groups after conflict."
    assert concept["note"]["en"] == "Definition in other-sq.csv:2: Making peace after a war."
    again = seeded("import", "csv", str(path))
    assert "differs" not in again.stderr  # kept once, not again


def test_conflicting_definitions_inside_one_file_are_kept(moci, tmp_path):
    path = write(
        tmp_path,
        "x-sq.csv",
        "source,target,explanation\nOpen,hap,To make accessible.\nOpen,çel,To unlock.\n",
    )
    moci("import", "csv", str(path))
    concept = moci.json("show", "open")
    assert concept["definition"]["en"] == "To make accessible."
    assert concept["note"]["en"] == "Another definition (line 3): To unlock."


def test_po_provenance_and_translator_comments(moci, tmp_path):
    path = write(
        tmp_path,
        "glossary-sq.po",
        'msgid ""\nmsgstr ""\n"Last-Translator: Ana Hoxha <ana@example.org>\\n"\n'
        '"PO-Revision-Date: 2024-05-06 10:00+0200\\n"\n"Language: sq\\n"\n\n'
        '# check with the network\n#. "The act of making peace."\nmsgid "peace"\n'
        'msgstr "paqe"\n',
    )
    moci("import", "po", str(path))
    term = moci.json("show", "peace")["terms"]["sq"][0]
    assert term["note"] == "check with the network"
    assert term["source"] == (
        "imported from glossary-sq.po (Last-Translator: Ana Hoxha, 2024-05-06)"
    )
    en = moci.json("show", "peace")["terms"]["en"][0]
    assert en["source"].startswith("imported from glossary-sq.po")


def test_existing_terms_keep_their_source(seeded, tmp_path):
    seeded("translate", "reconciliation", "sq", "pajtim", "--source", "mission statement")
    path = write(tmp_path, "other-sq.csv", "source,target\nreconciliation,pajtim\n")
    seeded("import", "csv", str(path))
    sq = seeded.json("show", "reconciliation")["terms"]["sq"][0]
    assert sq["source"] == "mission statement"
    assert "source" not in seeded.json("show", "reconciliation")["terms"]["en"][0]
