"""The fast YAML path (libyaml's composer) gives exactly what the event builder gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab import yamlio
from moci_vocab.errors import MociError

REPO = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *REPO.glob("terms/*.yaml"),
        *REPO.glob("glossary/*.yaml"),
        *REPO.glob("tests/fixtures/**/*.yaml"),
        *REPO.glob("tests/hostile/*.yaml"),
    ]
)


def both(text: str) -> tuple[object, object]:
    """(fast path or builder, builder alone): a Document's data and lines, or the error."""

    def run(parse):
        try:
            doc = parse(text, Path("x.yaml"))
        except MociError as exc:
            return ("error", exc.message, exc.line, exc.column)
        return (doc.data, list(doc.lines.items()))  # in order: comments anchor by it

    return run(yamlio.parse_yaml), run(yamlio._built)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_yaml_file_of_the_project_reads_the_same(path):
    try:
        text = yamlio.decode(path.read_bytes(), path)
    except MociError:
        return
    fast, built = both(text)
    assert fast == built


def test_the_fast_path_takes_a_concept_file(monkeypatch):
    text = (REPO / "terms" / sorted(p.name for p in (REPO / "terms").glob("*.yaml"))[0]).read_text(
        "utf-8"
    )
    monkeypatch.setattr(yamlio, "_built", lambda *_: pytest.fail("the builder was used"))
    assert yamlio.parse_yaml(text, Path("x.yaml")).data["terms"]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "<<: {a: 1}\n",  # merge key
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!python/name:os.system x\n",  # a tag
        "---\na: 1\n---\nb: 2\n",  # two documents
        "a:" + " [" * 31 + " x" + " ]" * 31 + "\n",  # at the depth limit
        "a:" + " [" * 32 + " x" + " ]" * 32 + "\n",  # one over
        "a:" + " [" * 30 + " x" + " ]" * 30 + "\n",
        "[1, 2]: x\n",  # a key that is not text
        "? [a]\n: b\n",
        "~: x\n",
        "1: x\ntrue: y\n",
        "a: [1, 0x1f, 1_000, 2.5, null, yes, 2024-01-02, 'q']\n",
        "a: b\n\tc: d\n",  # a tab
        "a: 'unclosed\n",
        "- a\n- b: [c, {d: e}]\n",
        "plain text\n",
        "",
        "a: " + "[" * 2000 + "]" * 2000 + "\n",  # over FAST_MARKS: the builder
        "a: mire\u0308qenie\nb: [x\u0301]\n",  # NFC
        # Quoted, literal and empty scalars are text whatever they hold; a quoted key is
        # still the merge key or a duplicate.
        "'<<': x\n",
        '"<<": {a: 1}\n',
        "a: 1\n'a': 2\n",
        "'1': x\n1: y\n",
        "? |\n  k\n: v\n",
        "'': x\n",
        "a: ''\nb:\nc: ' '\nd: \"yes\"\ne: '0x1f'\nf: >\n  12\n",
        "- ~\n- Null\n- =\n- .5\n- +1\n- -1\n- 0o17\n- Yes\n- off\n",
    ],
)
def test_tricky_files_read_the_same(text):
    fast, built = both(text)
    assert fast == built


KEYS = st.sampled_from(["id", "terms", "en", "sq", "a", "1", "true", "<<", "k", "'<<'", "'1'"])
SCALARS = st.one_of(KEYS, st.sampled_from(["x", "2", "null", "'q'", "ë", "[]", "{}"]))


@st.composite
def yaml_texts(draw, depth=0):
    """Small block/flow YAML, sometimes with duplicate keys or odd scalars."""
    if depth > 3 or draw(st.booleans()):
        return draw(SCALARS)
    if draw(st.booleans()):
        items = draw(st.lists(yaml_texts(depth + 1), max_size=3))
        return "[" + ", ".join(items) + "]"
    pairs = draw(st.lists(st.tuples(KEYS, yaml_texts(depth + 1)), max_size=3))
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


@settings(max_examples=examples(150), deadline=None)
@given(yaml_texts(), st.booleans())
def test_generated_files_read_the_same(text, block):
    body = f"doc: {text}\n" if block else text + "\n"
    fast, built = both(body)
    assert fast == built


def test_lines_are_recorded_in_document_order():
    """Comments are anchored to the first node on their line (yaml_comments)."""
    text = "k: {a: {x: 1}, b: {y: 2}}\nl:\n  - [1, [2, 3]]\n  - z\n"
    fast = yamlio.parse_yaml(text, Path("x.yaml"))
    built = yamlio._built(text, Path("x.yaml"))
    assert list(fast.lines.items()) == list(built.lines.items())


def test_the_tags_of_plain_scalars_are_kept_for_a_few_short_ones_only(monkeypatch):
    """_plain_tag keeps what it resolved, for short scalars and up to 4,096 of them: files
    of many distinct scalars cannot grow it (each is still resolved, the same)."""
    monkeypatch.setattr(yamlio, "_built", lambda *_: pytest.fail("the builder was used"))
    for start in range(0, 5400, 900):
        text = "".join(f"- n{i}\n" for i in range(start, start + 900)) + "- nul\n- null\n- no\n"
        data = yamlio.parse_yaml(text, Path("x.yaml")).data
        assert data == [*(f"n{i}" for i in range(start, start + 900)), "nul", None, False]
    assert 4000 < len(yamlio._PLAIN_TAG_OF) <= 4096
    assert yamlio._plain_tag("n" * 40) == yamlio._STR and "n" * 40 not in yamlio._PLAIN_TAG_OF
