"""Issue 19: the spreadsheet round trip (wide CSV, and the XLSX "glossary" sheet).

Export, edit any cell, import: the edits come back as a diff and are applied with
--yes. Property tests: no edit changes nothing; random edits, imported and exported
again, give the edited sheet.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import examples
from exim_support import glossary, hostile_glossary, request
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from moci_vocab.exporters import get_exporter
from moci_vocab.exporters.csv import neutralise, wide_rows
from moci_vocab.importers import ReadOptions, get_reader
from moci_vocab.importers.merge import plan_merge
from moci_vocab.model import CONCEPT_STATUSES, Concept, Review, Term
from moci_vocab.store import canonical_concept_text
from moci_vocab.textnorm import match_key
from tests.conftest import snapshot

# ------------------------------------------------------------------ helpers


def sample(root: Path):
    """The hostile glossary plus a plain concept with a note, several statuses, a review."""
    g = hostile_glossary(root)
    g.concepts["youth-work"] = Concept(
        id="youth-work",
        tags=["core"],
        definition={"en": "Work with young people.", "sq": "Punë me të rinjtë."},
        note={"sq": "Shih edhe punonjës rinor."},
        terms={
            "en": [Term("youth work", pos="noun")],
            "sq": [
                Term("punë rinore", review=Review("approved", "AB", "2026-11-20"), note="n"),
                Term("punë me të rinjtë", "admitted"),
            ],
            "ka": [Term("ახალგაზრდული მუშაობა")],
        },
    )
    g.manifest.tags["core"] = ""
    return g


def sheet_of(g) -> list[list[str]]:
    """The wide sheet exactly as the CSV exporter writes it (cells unescaped)."""
    return wide_rows(request(g, Path(".")))


def write_sheet(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [[neutralise(cell) for cell in row] for row in rows]
    )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def take_back(g, path: Path, fmt: str = "csv"):
    imported = get_reader(fmt)(path, ReadOptions(source_language="en"))
    return plan_merge(g, imported, decide=lambda duplicate: "new")


def cells(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    """id → {column: value} of the non-empty cells (columns of empty cells come and go)."""
    header = rows[0]
    return {row[0]: {c: v for c, v in zip(header, row, strict=True) if v} for row in rows[1:]}


def texts(g) -> dict[str, str]:
    return {cid: canonical_concept_text(c) for cid, c in g.concepts.items()}


# ------------------------------------------------------------------ examples


def test_no_edit_changes_nothing(tmp_path):
    g = sample(tmp_path)
    before = texts(g)
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", sheet_of(g)))
    assert plan.edits == [] and plan.changes.paths() == []
    assert texts(g) == before


def edit(rows, concept_id: str, column: str, value: str) -> None:
    header = rows[0]
    row = next(r for r in rows[1:] if r[0] == concept_id)
    row[header.index(column)] = value


def test_each_kind_of_edit_is_a_change_in_the_diff(tmp_path):
    g = sample(tmp_path)
    rows = sheet_of(g)
    edit(rows, "youth-work", "sq", "punë rinore e re")  # preferred term replaced
    edit(rows, "youth-work", "sq:admitted", "")  # admitted term removed
    edit(rows, "reconciliation", "sq:deprecated", "")
    edit(rows, "reconciliation", "sq:admitted", "pajtimi")  # deprecated → admitted
    edit(rows, "youth-work", "definition:en", "Youth work, edited.")
    edit(rows, "youth-work", "note:sq", "")
    edit(rows, "youth-work", "status", "approved")
    edit(rows, "youth-work", "ka", "ახალგაზრდული მუშაობა\nახალი")  # a second preferred line
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    described = sorted(e.describe() for e in plan.edits)
    assert described == sorted(
        [
            "sq preferred term 'punë rinore' replaced by 'punë rinore e re'",
            "sq admitted term 'punë me të rinjtë' removed",
            "sq term 'pajtimi': 'deprecated' → 'admitted'",
            "definition in en: 'Work with young people.' → 'Youth work, edited.'",
            "note in sq removed (was 'Shih edhe punonjës rinor.')",
            "status: 'draft' → 'approved'",
            "ka preferred term 'ახალი' added",
        ]
    )
    youth = g.concepts["youth-work"]
    assert [(t.term, t.status) for t in youth.terms["sq"]] == [("punë rinore e re", "preferred")]
    assert youth.terms["sq"][0].review is None  # a new word, not the approved one
    assert youth.status == "approved" and youth.note == {}
    assert cells(sheet_of(g)) == cells(rows)


def test_a_case_correction_keeps_the_terms_fields(tmp_path):
    g = sample(tmp_path)
    rows = sheet_of(g)
    edit(rows, "youth-work", "sq", "Punë rinore")
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    assert [e.kind for e in plan.edits] == ["respelled"]
    term = g.concepts["youth-work"].terms["sq"][0]
    assert (term.term, term.note, term.review.by) == ("Punë rinore", "n", "AB")


def test_rows_left_out_of_the_sheet_are_left_alone(tmp_path):
    g = sample(tmp_path)
    rows = [r for r in sheet_of(g) if r[0] != "formula"]
    before = texts(g)
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    assert plan.edits == [] and texts(g) == before


def test_languages_left_out_of_the_export_are_left_alone(tmp_path):
    g = sample(tmp_path)
    rows = wide_rows(request(g, Path("."), languages=["en", "sq"]))
    ka_before = g.concepts["youth-work"].terms["ka"]
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    assert plan.edits == [] and g.concepts["youth-work"].terms["ka"] == ka_before


def test_a_term_listed_twice_is_reported(tmp_path):
    g = sample(tmp_path)
    rows = sheet_of(g)
    edit(rows, "youth-work", "sq:admitted", "punë rinore")
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    assert any("listed twice" in message for _line, message in plan.problems)


# ------------------------------------------------------------------ properties

WORD = st.text(alphabet="abcëçšžAB'=-", min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
CELL = st.lists(LINE, min_size=0, max_size=2).map("\n".join)


@st.composite
def edits(draw, rows):
    header = rows[0]
    editable = [
        c
        for c in header
        if c not in ("id", "glossary_version", "domain", "tags", "related", "broader")
        and c != "do_not_translate"
    ]
    changes = []
    for _ in range(draw(st.integers(1, 6))):
        row = draw(st.integers(1, len(rows) - 1))
        column = draw(st.sampled_from(editable))
        if column == "status":
            value = draw(st.sampled_from(CONCEPT_STATUSES))
        elif column.startswith(("definition:", "note:")):
            value = draw(st.one_of(st.just(""), LINE))
        elif column == "en":
            value = draw(LINE)  # a concept keeps a source term
        else:
            value = draw(CELL)
        changes.append((row, header.index(column), value))
    return changes


def term_cells_are_unique(rows) -> bool:
    """A sheet that lists one term twice in a concept and language is not a valid edit."""
    header = rows[0]
    for row in rows[1:]:
        seen: dict[str, set[str]] = {}
        for column, value in zip(header, row, strict=True):
            lang = column.partition(":")[0]
            if lang not in ("en", "sq", "ka", "sr-Latn") or not value:
                continue
            keys = seen.setdefault(lang, set())
            for line in value.split("\n"):
                key = match_key(line)
                if key in keys:
                    return False
                keys.add(key)
    return True


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_edits_come_back_as_the_edited_sheet(tmp_path, data):
    g = sample(tmp_path)
    rows = sheet_of(g)
    for row, column, value in data.draw(edits(rows)):
        rows[row][column] = value
    assume(term_cells_are_unique(rows))
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", rows))
    assert plan.problems == []
    assert cells(sheet_of(g)) == cells(rows)
    # and once more: the edited sheet is now the glossary, so nothing changes
    again = take_back(g, write_sheet(tmp_path / "again.csv", sheet_of(g)))
    assert again.edits == []


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(terms=st.lists(st.tuples(LINE, st.sampled_from(["preferred", "admitted"])), max_size=4))
def test_no_edit_changes_nothing_for_any_terms(tmp_path, terms):
    g = sample(tmp_path)
    keys = [match_key(text) for text, _status in terms]
    assume(len(set(keys)) == len(keys) and "youth work" not in keys)
    g.concepts["youth-work"].terms["en"] += [Term(text, status) for text, status in terms]
    before = texts(g)
    plan = take_back(g, write_sheet(tmp_path / "sheet.csv", sheet_of(g)))
    assert plan.edits == [] and texts(g) == before


# ------------------------------------------------------------------ through the CLI


@pytest.fixture
def exported(seeded, tmp_path):
    seeded("translate", "reconciliation", "sq", "pajtueshmëri")
    seeded("export", "csv", "-o", str(tmp_path / "out"))
    (path,) = [p for p in (tmp_path / "out").glob("*.csv") if not p.stem.endswith("-terms")]
    return seeded, path


def edited(path: Path, changes: dict[tuple[str, str], str]) -> Path:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for (concept_id, column), value in changes.items():
        edit(rows, concept_id, column, value)
    out = path.with_name("edited.csv")
    csv.writer(out.open("w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(rows)
    return out


def test_cli_shows_the_diff_and_needs_yes(exported):
    moci, path = exported
    sheet = edited(
        path,
        {
            ("reconciliation", "sq"): "pajtimi",
            ("reconciliation", "sq:admitted"): "",
            ("resilience", "definition:en"): "Bouncing back.",
        },
    )
    before = snapshot(moci.root)
    refused = moci("import", "csv", str(sheet), ok=False)
    assert "pass --yes to apply them" in refused.stderr
    assert snapshot(moci.root) == before
    assert "@@ reconciliation" in refused.stdout
    assert "- sq preferred term: pajtim\n+ sq preferred term: pajtimi" in refused.stdout
    assert "- sq admitted term: pajtueshmëri" in refused.stdout
    assert "+ definition in en: Bouncing back." in refused.stdout
    dry = moci.json("import", "csv", str(sheet), "--dry-run")
    assert {e["kind"] for e in dry["edits"]} == {"replaced", "removed", "set"}
    moci("import", "csv", str(sheet), "--yes")
    shown = moci.json("show", "reconciliation")
    assert [t["term"] for t in shown["terms"]["sq"]] == ["pajtimi"]
    assert moci.json("show", "resilience")["definition"]["en"] == "Bouncing back."
    assert moci("import", "csv", str(sheet)).stdout == ""  # applied: nothing left to change


def test_cli_unedited_sheet_changes_nothing(exported):
    moci, path = exported
    before = snapshot(moci.root)
    result = moci("import", "csv", str(path))
    assert snapshot(moci.root) == before
    # The count, not the temporary path (pytest-366 once held a "66").
    assert result.stderr.endswith(": 0 new concepts, 0 updated (0 terms added), 3 unchanged\n")


# ------------------------------------------------------------------ XLSX


def write_xlsx(path: Path, rows: list[list[str]], sheet: str = "glossary") -> Path:
    """A minimal stand-in for `export xlsx`: the wide rows as typed text cells."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = worksheet.cell(row=r, column=c)
            cell.value = value or None
            cell.data_type = "s"  # text, never a formula
    workbook.create_sheet("en-sq")
    workbook.save(path)
    return path


def test_xlsx_no_edit_changes_nothing_and_edits_come_back(tmp_path):
    g = sample(tmp_path)
    before = texts(g)
    assert take_back(g, write_xlsx(tmp_path / "g.xlsx", sheet_of(g)), "xlsx").edits == []
    assert texts(g) == before
    rows = sheet_of(g)
    edit(rows, "youth-work", "sq", "=punë rinore")  # formula-like text stays text
    edit(rows, "formula", "definition:en", "")
    plan = take_back(g, write_xlsx(tmp_path / "e.xlsx", rows), "xlsx")
    assert len(plan.edits) == 2
    assert cells(sheet_of(g)) == cells(rows)


def test_xlsx_formula_cells_are_reported_not_imported(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["en", "sq"])
    sheet.append(["peace", '=HYPERLINK("http://x")'])
    workbook.save(tmp_path / "f-sq.xlsx")
    imported = get_reader("xlsx")(tmp_path / "f-sq.xlsx", ReadOptions())
    assert [p.line for p in imported.problems] == [2]
    assert "formula" in imported.problems[0].message
    assert imported.concepts[0].concept.terms == {"en": [Term("peace")]}


def test_xlsx_any_layout_with_columns(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Term", "Translation", "Description", 3])
    sheet.append(["Screen Saver", "Mbrojtës ekrani, Ruajtës ekrani", "Shown when idle.", 1.0])
    workbook.save(tmp_path / "foreign.xlsx")
    options = ReadOptions(
        columns={"en": "Term", "sq": "Translation", "definition.en": "Description"}, split=","
    )
    imported = get_reader("xlsx")(tmp_path / "foreign.xlsx", options)
    (incoming,) = imported.concepts
    assert [t.term for t in incoming.concept.terms["sq"]] == ["Mbrojtës ekrani", "Ruajtës ekrani"]
    assert incoming.concept.definition == {"en": "Shown when idle."}
    assert any("'3'" in p.message and "not mapped" in p.message for p in imported.problems)


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04broken"])
def test_xlsx_broken_file_is_one_clear_error(tmp_path, content):
    from moci_vocab.errors import MociError

    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(MociError, match=r"bad\.xlsx"):
        get_reader("xlsx")(path, ReadOptions())


def test_export_csv_exporter_and_sheet_agree(tmp_path):
    """The sheet the tests write is the exporter's own file, byte for byte."""
    g = sample(tmp_path)
    (wide, _long) = get_exporter("csv")(request(g, tmp_path))
    written = write_sheet(tmp_path / "mine.csv", sheet_of(g))
    assert wide.read_bytes() == written.read_bytes()


def test_empty_glossary_sheet_round_trip(tmp_path):
    g = glossary(tmp_path, [])
    assert sheet_of(g)[1:] == []


@pytest.mark.skipif(
    "xlsx" not in __import__("moci_vocab.exporters", fromlist=["EXPORTERS"]).EXPORTERS,
    reason="`export xlsx` (issue 21) is not in this tree yet",
)
def test_xlsx_round_trip_through_export_xlsx(tmp_path):
    """The real `export xlsx` workbook: unedited, it changes nothing; edited, it comes back."""
    import openpyxl

    g = sample(tmp_path)
    before = texts(g)
    (workbook,) = get_exporter("xlsx")(request(g, tmp_path / "out"))
    assert take_back(g, workbook, "xlsx").edits == []
    assert texts(g) == before
    book = openpyxl.load_workbook(workbook)
    sheet = book["glossary"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "youth-work":
            row[header.index("sq")].value = "punë rinore e re"
            row[header.index("status")].value = "approved"
    book.save(tmp_path / "edited.xlsx")
    plan = take_back(g, tmp_path / "edited.xlsx", "xlsx")
    assert sorted(e.kind for e in plan.edits) == ["replaced", "set"]
    assert g.concepts["youth-work"].preferred("sq").term == "punë rinore e re"
