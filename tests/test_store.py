"""The store: canonical writing, safe loading, round trips (issue 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moci_vocab.errors import MociError
from moci_vocab.model import Concept, Review, Term
from moci_vocab.schema import parse_concept
from moci_vocab.store import canonical_concept_text
from moci_vocab.textnorm import nfc
from moci_vocab.yamlio import parse_yaml

# Any text a translator could type: every Unicode category except surrogates and
# the C0/C1 controls YAML cannot carry (tab and newline included on purpose).
unicode_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127])
        + "\x85\u2028\u2029\ufeff"
        + "".join(chr(c) for c in range(0x80, 0xA0)),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


def _round_trip(concept: Concept) -> Concept:
    text = canonical_concept_text(concept)
    problems = []
    doc = parse_yaml(text, Path(f"{concept.id}.yaml"))
    loaded = parse_concept(doc, problems.append)
    assert problems == []
    return loaded


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(term=unicode_text, definition=unicode_text, note=unicode_text, date=unicode_text)
def test_any_unicode_text_survives_write_then_read(term, definition, note, date):
    concept = Concept(
        id="x",
        definition={"en": definition},
        note={"sq": note},
        terms={"en": [Term(term=term, context=note, review=Review("draft", by=date, date=date))]},
    )
    loaded = _round_trip(concept)
    assert loaded.terms["en"][0].term == nfc(term)
    assert loaded.definition["en"] == nfc(definition)
    assert loaded.note["sq"] == nfc(note)
    assert loaded.terms["en"][0].review.date == nfc(date)
    # Canonical form is a fixed point: writing what was read gives the same text.
    assert canonical_concept_text(loaded) == canonical_concept_text(concept)


@pytest.mark.parametrize(
    "value", ["2026-11-20", "true", "null", "1e3", "0x1F", "~", "- x", "a: b", "#x", "'", '"', "@x"]
)
def test_scalars_that_look_like_other_types_stay_text(value):
    concept = Concept(id="x", definition={"en": value}, terms={"en": [Term(term=value)]})
    loaded = _round_trip(concept)
    assert loaded.terms["en"][0].term == value
    assert loaded.definition["en"] == value


def test_review_date_is_written_plain():
    concept = Concept(
        id="x", terms={"sq": [Term("pajtim", review=Review("reviewed", "AB", "2026-11-20"))]}
    )
    assert "        date: 2026-11-20\n" in canonical_concept_text(concept)


def test_multiline_definition_uses_a_literal_block():
    concept = Concept(id="x", definition={"en": "One.\nTwo."}, terms={"en": [Term("x")]})
    assert "  en: |-\n    One.\n    Two.\n" in canonical_concept_text(concept)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/object/apply:os.system ['echo hi']\n", "tags are not allowed"),
        ("a: &x [1]\nb: *x\n", "anchor"),
        ("a: 1\na: 2\n", "has the key 'a' twice"),
        ("<<: {a: 1}\n", "not allowed"),
        ("a: [\n", "not valid YAML"),
        ("[" * 100 + "]" * 100, "nests deeper"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused(text, message):
    with pytest.raises(MociError) as info:
        parse_yaml(text, Path("terms/x.yaml"))
    assert message in str(info.value)
    assert "x.yaml" in str(info.value)


def test_lines_are_recorded_for_keys_and_items():
    doc = parse_yaml("id: x\nterms:\n  en:\n    - term: a\n    - term: b\n", Path("x.yaml"))
    assert doc.line("terms", "en", 1, "term") == 5
    assert doc.line("terms", "en", 7) == 3  # falls back to the nearest known key
