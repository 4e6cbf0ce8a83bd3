"""Issue 19: respell in place, every optional term field from `add` and `translate`,
`show` marking the preferred term, and MV405 (near-identical terms in one concept)."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import snapshot


def concept_file(moci, concept_id: str) -> dict:
    return yaml.safe_load((moci.root / "terms" / f"{concept_id}.yaml").read_text("utf-8"))


def sq_terms(moci, concept_id: str) -> list[dict]:
    return concept_file(moci, concept_id)["terms"]["sq"]


# ------------------------------------------------------------------ translate: every field


@pytest.mark.parametrize(
    ("option", "value", "key", "expected"),
    [
        ("--pos", "noun", "pos", "noun"),
        ("--gender", "feminine", "gender", "feminine"),
        ("--type", "fullForm", "type", "fullForm"),
        ("--context", "Pajtimi kërkon kohë.", "context", "Pajtimi kërkon kohë."),
        ("--source", "mission statement", "source", "mission statement"),
        ("--note", "used by the network", "note", "used by the network"),
    ],
)
def test_translate_sets_each_text_field(seeded, option, value, key, expected):
    seeded("translate", "reconciliation", "sq", "pajtim", option, value)
    term = sq_terms(seeded, "reconciliation")[0]
    assert term[key] == expected
    assert term["status"] == "preferred"  # nothing else changed


def test_translate_sets_forms_and_case_sensitivity_on_a_new_term(seeded):
    seeded(
        "translate", "reconciliation", "sq", "PAJ", "--forms", "PAJ-i", "--forms", "PAJ-it",
        "--case-sensitive", "--type", "acronym",
    )  # fmt: skip
    new = sq_terms(seeded, "reconciliation")[1]
    assert new == {
        "term": "PAJ",
        "status": "admitted",
        "type": "acronym",
        "case_sensitive": True,
        "forms": ["PAJ-i", "PAJ-it"],
    }
    seeded("translate", "reconciliation", "sq", "PAJ", "--not-case-sensitive", "--forms", "x")
    again = sq_terms(seeded, "reconciliation")[1]
    assert "case_sensitive" not in again and again["forms"] == ["x"]


def test_translate_empty_value_removes_a_field(seeded):
    seeded("translate", "reconciliation", "sq", "pajtim", "--gender", "masculine", "--pos", "noun")
    seeded("translate", "reconciliation", "sq", "pajtim", "--gender", "")
    term = sq_terms(seeded, "reconciliation")[0]
    assert "gender" not in term and term["pos"] == "noun"


def test_translate_refuses_a_bad_choice_without_writing(seeded):
    before = snapshot(seeded.root)
    result = seeded("translate", "reconciliation", "sq", "pajtim", "--gender", "plural", ok=False)
    assert result.exit_code == 2
    assert snapshot(seeded.root) == before


# ------------------------------------------------------------------ add: every field


def test_add_takes_term_fields_for_the_source_or_one_language(moci):
    moci(
        "add", "sos", "--term", "en=SOS", "--term", "sq=SOS", "--case-sensitive",
        "--type", "acronym", "--type", "sq=acronym", "--gender", "sq=masculine",
        "--context", "Send an SOS = help", "--context", "sq=Dërgo një SOS.",
        "--source", "sq=attested", "--forms", "sq=SOS-i", "--note", "sq=a note",
        "--note", "English note", "--pos", "noun", "--yes",
    )  # fmt: skip
    data = concept_file(moci, "sos")["terms"]
    assert data["en"][0] == {
        "term": "SOS",
        "status": "preferred",
        "type": "acronym",
        "pos": "noun",
        "case_sensitive": True,
        "context": "Send an SOS = help",  # '=' after a non-language stays in the text
        "note": "English note",
    }
    assert data["sq"][0] == {
        "term": "SOS",
        "status": "preferred",
        "type": "acronym",
        "pos": "noun",
        "gender": "masculine",
        "case_sensitive": True,
        "forms": ["SOS-i"],
        "context": "Dërgo një SOS.",
        "note": "a note",
        "source": "attested",
    }


def test_add_refuses_fields_for_a_language_without_a_term(moci):
    result = moci("add", "x", "--term", "en=x", "--gender", "sq=feminine", "--yes", ok=False)
    assert "no sq term" in result.output
    assert not (moci.root / "terms" / "x.yaml").exists()


def test_add_refuses_a_bad_gender(moci):
    result = moci("add", "x", "--term", "en=x", "--gender", "plural", "--yes", ok=False)
    assert result.exit_code == 1 and "gender 'plural' is not one of" in result.output


# ------------------------------------------------------------------ respell


def full_term(seeded) -> None:
    seeded(
        "translate", "resilience", "sq", "qëndrueshmëri", "--note", "n", "--source", "s",
        "--forms", "qëndrueshmërinë", "--pos", "noun", "--review", "reviewed",
    )  # fmt: skip


def test_respell_keeps_every_field_and_the_place(seeded):
    seeded("translate", "resilience", "sq", "rezilienc")
    full_term(seeded)
    before = sq_terms(seeded, "resilience")
    seeded("respell", "resilience", "sq", "qëndrueshmëri", "Qëndrueshmëri")
    after = sq_terms(seeded, "resilience")
    assert after[0] == {**before[0], "term": "Qëndrueshmëri"}
    assert after[1] == before[1]


def test_respell_fixes_diacritics_and_keeps_links(seeded):
    links = {k: concept_file(seeded, "reconciliation")[k] for k in ("related", "broader")}
    seeded("translate", "reconciliation", "sq", "pajtim", "--note", "kept")
    seeded("respell", "reconciliation", "sq", "pajtim", "pajtím")
    data = concept_file(seeded, "reconciliation")
    assert data["terms"]["sq"] == [{"term": "pajtím", "status": "preferred", "note": "kept"}]
    assert {k: data[k] for k in ("related", "broader")} == links
    assert seeded.json("show", "resilience")["id"] == "resilience"  # the others still load


def test_respell_drops_a_form_equal_to_the_new_spelling(seeded):
    seeded("translate", "resilience", "sq", "qëndrueshmëri", "--forms", "qendrueshmeria")
    seeded("respell", "resilience", "sq", "qëndrueshmëri", "qendrueshmeria")
    assert "forms" not in sq_terms(seeded, "resilience")[0]


def test_respell_warns_on_near_duplicates(seeded):
    result = seeded("respell", "resilience", "sq", "qëndrueshmëri", "pajtimi")
    assert "looks like 'pajtim' in reconciliation" in result.stderr
    assert sq_terms(seeded, "resilience")[0]["term"] == "pajtimi"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("resilience", "sq", "nothing", "x"), "has no sq term 'nothing'"),
        (("resilience", "sq", "qëndrueshmëri", "qëndrueshmëri"), "spelled 'qëndrueshmëri' already"),
        (("nowhere", "sq", "a", "b"), "there is no concept 'nowhere'"),
        (("resilience", "xx", "a", "b"), "xx"),
        (("resilience", "sq", "qëndrueshmëri", "  "), "is empty"),
    ],
)
def test_respell_refuses_bad_input_and_changes_nothing(seeded, args, message):
    before = snapshot(seeded.root)
    result = seeded("respell", *args, ok=False)
    assert result.exit_code == 1 and message in result.output
    assert snapshot(seeded.root) == before


def test_respell_refuses_a_spelling_the_concept_has_already(seeded):
    seeded("translate", "resilience", "sq", "rezilienca")
    result = seeded("respell", "resilience", "sq", "qëndrueshmëri", "Rezilienca", ok=False)
    assert "has the sq term 'rezilienca' already" in result.output


def test_respell_operation_without_cli(tmp_path):
    from moci_vocab.model import Concept, Review, Term
    from moci_vocab.operations import respell
    from tests.exim_support import glossary

    term = Term("rezilienc", note="n", review=Review("approved", "AB", "2026-01-01"))
    concept = Concept("resilience", terms={"en": [Term("resilience")], "sq": [term]})
    g = glossary(tmp_path, [concept])
    outcome = respell(g, "resilience", "sq", "REZILIENC", "rezilienca")
    assert term.term == "rezilienca" and term.review.by == "AB" and term.note == "n"
    assert [p.name for p in outcome.changes.paths()] == ["resilience.yaml"]


# ------------------------------------------------------------------ show


def test_show_lists_the_preferred_term_first_and_marks_it(seeded):
    seeded("translate", "resilience", "sq", "rezilienca")
    seeded("translate", "resilience", "sq", "rezilienca", "--status", "preferred")
    assert [t["term"] for t in sq_terms(seeded, "resilience")] == ["qëndrueshmëri", "rezilienca"]
    out = seeded("show", "resilience").stdout
    line = next(line for line in out.splitlines() if line.lstrip().startswith("sq"))
    assert line.index("rezilienca") < line.index("qëndrueshmëri")
    assert "★ rezilienca (preferred)" in line and "qëndrueshmëri (admitted)" in line


# ------------------------------------------------------------------ check MV405


def codes(moci, concept_id: str) -> list[str]:
    result = moci("check", "--format", "json", ok=None)
    data = json.loads(result.stdout)
    return [f["code"] for f in data["findings"] if f["concept"] == concept_id]


def test_check_warns_on_a_typo_pair_inside_one_concept(seeded):
    seeded("translate", "resilience", "sq", "rezilienc")
    seeded("translate", "resilience", "sq", "rezilienca")
    assert codes(seeded, "resilience").count("MV405") == 1
    seeded("respell", "resilience", "sq", "rezilienc", "qëndresa")
    assert "MV405" not in codes(seeded, "resilience")


@pytest.mark.parametrize(
    ("second", "extra"),
    [
        ("rezilienca", ("--status", "deprecated")),  # a kept misspelling is deliberate
        ("rezilienca", ("--type", "variant")),  # a declared spelling variant
        ("rezi-lienc", ()),  # compounding: only a hyphen differs
        ("rezistenca", ()),  # two words, not a typo (ratio below 88)
    ],
)
def test_check_does_not_flag_deliberate_variants(seeded, second, extra):
    seeded("translate", "resilience", "sq", "rezilienc")
    seeded("translate", "resilience", "sq", second, *extra)
    assert "MV405" not in codes(seeded, "resilience")
