"""The editing operations and the model's rules, tested directly: no CLI, no files touched.

Each operation takes a loaded ``Glossary`` and returns an ``Outcome`` whose
changes are only staged; these tests look at the model and the staged texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from moci_vocab import operations
from moci_vocab.errors import MociError, UnknownConcept
from moci_vocab.languages import resolve_tag
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term
from moci_vocab.operations import Edit, NewConcept

LANGS = ("en", "sq", "ka", "hy", "sr-Latn", "sr-Cyrl")


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    """An in-memory glossary with one concept; nothing is written to ``tmp_path``."""
    specs = {tag: LanguageSpec(tag, "Latn", required=tag == "en") for tag in LANGS}
    manifest = Manifest(name="Test", source_language="en", languages=specs)
    g = Glossary(tmp_path, manifest)
    operations.add_concept(
        g, NewConcept("peace", [("en", "peace"), ("sq", "paqe"), ("ka", "მშვიდობა")])
    )
    return g


def staged_text(outcome: operations.Outcome, name: str) -> str:
    """The staged text of the file whose name is ``name``."""
    return next(text for path, text in outcome.changes.writes.items() if path.name == name)


# --------------------------------------------------------------------------- model rules


def test_representative_is_preferred_then_allowed_then_first() -> None:
    concept = Concept("x")
    assert concept.representative("en") is None
    concept.terms["en"] = [Term("old", "deprecated"), Term("also", "admitted")]
    assert concept.representative("en").term == "also"
    concept.terms["en"].append(Term("main", "preferred"))
    assert concept.representative("en").term == "main"
    concept.terms["sq"] = [Term("bad", "forbidden")]
    assert concept.representative("sq").term == "bad"


def test_add_term_keeps_one_preferred_and_no_duplicates() -> None:
    concept = Concept("x")
    first = concept.add_term("en", Term("Peace", "preferred"))
    second = concept.add_term("en", Term("harmony", "preferred"))
    assert (first.status, second.status) == ("preferred", "admitted")
    assert concept.add_term("en", Term("peace", "preferred")) is first  # same match key
    assert [t.term for t in concept.terms["en"]] == ["Peace", "harmony"]


def test_prefer_demotes_the_previous_preferred_term() -> None:
    concept = Concept("x")
    first = concept.add_term("en", Term("a"))
    second = concept.add_term("en", Term("b"))
    assert concept.prefer("en", second) == [first]
    assert (first.status, second.status) == ("admitted", "preferred")
    assert concept.prefer("en", second) == []


def test_ordered_terms_follow_the_manifest(glossary: Glossary) -> None:
    terms = {"zz": [Term("z")], "ka": [Term("k")], "en": [Term("e")], "sq": [], "aa": [Term("a")]}
    assert list(glossary.ordered_terms(terms)) == ["en", "ka", "aa", "zz"]


@pytest.mark.parametrize(
    ("raw", "nearest", "expected"),
    [
        ("SQ", False, "sq"),
        ("sr@latin", False, "sr-Latn"),
        ("sr_RS@latin", True, "sr-Latn"),
        ("sr_RS", True, "sr-Cyrl"),
        ("sq_AL", False, None),
        ("sq_AL", True, "sq"),
        ("de", True, None),
        ("", True, None),
    ],
)
def test_resolve_tag(raw: str, nearest: bool, expected: str | None) -> None:
    assert resolve_tag(raw, LANGS, nearest=nearest) == expected


# --------------------------------------------------------------------------- operations


def test_add_concept_stages_its_file_in_canonical_order(glossary: Glossary) -> None:
    outcome = operations.add_concept(
        glossary,
        NewConcept(
            "trust", [("sq", "besim"), ("en", "trust"), ("en", "confidence")], tags=["core"]
        ),
    )
    concept = glossary.concepts["trust"]
    assert list(concept.terms) == ["en", "sq"]
    assert [(t.term, t.status) for t in concept.terms["en"]] == [
        ("trust", "preferred"),
        ("confidence", "admitted"),
    ]
    assert "id: trust" in staged_text(outcome, "trust.yaml")
    assert "core" in staged_text(outcome, "glossary.yaml")  # a new tag joins the manifest
    assert not (Path(glossary.root) / "terms" / "trust.yaml").exists()  # staged, not written


def test_add_concept_refuses_bad_input(glossary: Glossary) -> None:
    with pytest.raises(MociError, match="not a valid concept id"):
        operations.add_concept(glossary, NewConcept("Bad Id", [("en", "x")]))
    with pytest.raises(MociError, match="exists already"):
        operations.add_concept(glossary, NewConcept("peace", [("en", "x")]))
    with pytest.raises(MociError, match="source language"):
        operations.add_concept(glossary, NewConcept("only-sq", [("sq", "x")]))
    with pytest.raises(MociError, match="not in this glossary"):
        operations.add_concept(glossary, NewConcept("de", [("en", "x"), ("de", "Frieden")]))


def test_translate_adds_admitted_then_prefers(glossary: Glossary) -> None:
    added = operations.translate(glossary, "peace", "sq", "paqja")
    assert "admitted" in added.messages[0]
    changed = operations.translate(glossary, "peace", "sq", "paqja", status="preferred")
    terms = glossary.concepts["peace"].terms["sq"]
    assert [(t.term, t.status) for t in terms] == [("paqe", "admitted"), ("paqja", "preferred")]
    assert any("'paqe' is now admitted" in message for message in changed.messages)


def test_translate_accepts_gettext_spelling_of_a_language(glossary: Glossary) -> None:
    operations.translate(glossary, "peace", "sr@latin", "mir")
    assert glossary.concepts["peace"].preferred("sr-Latn").term == "mir"


def test_deprecate_warns_when_no_preferred_term_is_left(glossary: Glossary) -> None:
    outcome = operations.deprecate(glossary, "peace", "ka", "მშვიდობა")
    assert glossary.concepts["peace"].terms["ka"][0].status == "deprecated"
    assert any(message.startswith("warning:") for message in outcome.messages)


def test_edit_and_unknown_concepts(glossary: Glossary) -> None:
    operations.edit(glossary, "peace", Edit(definitions=[("en", "No war.")], add_tags=["core"]))
    assert glossary.concepts["peace"].definition == {"en": "No war."}
    with pytest.raises(UnknownConcept, match="did you mean peace"):
        operations.edit(glossary, "peac", Edit())
    with pytest.raises(MociError, match=r"no en \(source language\) term left"):
        operations.edit(glossary, "peace", Edit(remove_terms=[("en", "peace")]))


def test_rename_updates_links_and_remove_refuses_while_linked(glossary: Glossary) -> None:
    operations.add_concept(glossary, NewConcept("war", [("en", "war")]))
    operations.edit(glossary, "war", Edit(add_related=["peace"]))
    outcome = operations.rename(glossary, "peace", "calm")
    assert glossary.concepts["war"].related == ["calm"]
    assert [p.name for p in outcome.changes.deletes] == ["peace.yaml"]
    with pytest.raises(MociError, match=r"war still refers to it \(edit it with"):
        operations.remove(glossary, "calm")
    operations.edit(glossary, "war", Edit(remove_related=["calm"]))
    assert [p.name for p in operations.remove(glossary, "calm").changes.deletes] == ["calm.yaml"]
    assert "calm" not in glossary.concepts
