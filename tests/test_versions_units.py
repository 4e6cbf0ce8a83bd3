"""Unit tests of versions: semver rules, the concept diff, changelog text, markdown escaping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moci_vocab.errors import MociError
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Review, Term
from moci_vocab.versions import changelog
from moci_vocab.versions.diff import Change, diff_glossaries, empty_glossary, find_renames
from moci_vocab.versions.release import choose_version
from moci_vocab.versions.render import MARKDOWN, describe, md_code, md_text, render_markdown
from moci_vocab.versions.revisions import comparison_of
from moci_vocab.versions.semver import Version, change_level, classify, latest

V = Version.parse


def glossary(*concepts: Concept, langs=("en", "sq", "ka")) -> Glossary:
    manifest = Manifest(name="T", languages={tag: LanguageSpec(tag, "Latn") for tag in langs})
    return Glossary(root=".", manifest=manifest, concepts={c.id: c for c in concepts})


def concept(cid: str = "reconciliation", **terms: str) -> Concept:
    terms = terms or {"en": "reconciliation", "sq": "pajtim"}
    return Concept(
        id=cid,
        definition={"en": "Restoring trust."},
        terms={lang: [Term(text)] for lang, text in terms.items()},
    )


# --------------------------------------------------------------------------- semver


def test_version_parse_and_print():
    assert str(V("1.2.3")) == "1.2.3"
    assert str(V("v0.10.0")) == "0.10.0"
    assert str(V("1.0.0-rc.1")) == "1.0.0-rc.1"
    assert V("1.2.3").tag == "v1.2.3"
    for bad in ("1.2", "01.2.3", "1.2.3.4", "one", ""):
        with pytest.raises(MociError, match="not a semantic version"):
            V(bad)


def test_version_order_is_semantic():
    ordered = ["0.9.0", "0.10.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "1.0.1"]
    assert sorted((V(v) for v in reversed(ordered)), key=Version.sort_key) == [
        V(v) for v in ordered
    ]
    assert latest(["v0.9.0", "v0.10.0", "vnext", "v1.0.0-rc.1"]) == (V("1.0.0-rc.1"), "v1.0.0-rc.1")
    assert latest(["v0.9.0", "v0.10.0"]) == (V("0.10.0"), "v0.10.0")
    assert latest(["vnext"]) is None


def test_bump():
    assert str(V("1.2.3").bump("major")) == "2.0.0"
    assert str(V("1.2.3").bump("minor")) == "1.3.0"
    assert str(V("1.2.3").bump("patch")) == "1.2.4"
    assert str(V("2.0.0-rc.1").bump("major")) == "2.0.0"  # a pre-release becomes its release
    assert str(V("1.2.0-rc.1").bump("patch")) == "1.2.0"


@given(
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, 500),
    st.sampled_from(["major", "minor", "patch"]),
)
def test_a_bump_is_always_higher_and_resets_lower_parts(major, minor, patch, level):
    old = Version(major, minor, patch)
    new = old.bump(level)
    assert new > old
    assert V(str(new)) == new
    if level == "major":
        assert (new.minor, new.patch) == (0, 0)
    if level == "minor":
        assert new.patch == 0 and new.major == old.major


@pytest.mark.parametrize(
    ("change", "level"),
    [
        (Change("c", "added"), "minor"),
        (Change("c", "removed"), "major"),
        (Change("c", "renamed", field="id", old="b", new="c"), "major"),
        (Change("c", "added", "sq", "term", new="t", term="t", term_status="admitted"), "minor"),
        (Change("c", "removed", "sq", "term", old="t", term="t", term_status="preferred"), "major"),
        (Change("c", "removed", "sq", "term", old="t", term="t", term_status="admitted"), "minor"),
        (Change("c", "changed", "sq", "term.status", "preferred", "admitted", "t"), "major"),
        (Change("c", "changed", "sq", "term.status", "preferred", "deprecated", "t"), "major"),
        (Change("c", "changed", "sq", "term.status", "admitted", "preferred", "t"), "minor"),
        (Change("c", "changed", "sq", "term.status", "admitted", "forbidden", "t"), "minor"),
        (Change("c", "changed", "en", "definition", "a", "b"), "patch"),
        (Change("c", "added", "sq", "note", None, "n"), "patch"),
        (Change("c", "changed", "sq", "term.review", {"state": "draft"}, {"state": "x"}), "patch"),
        (Change("c", "added", field="tags", new="core"), "patch"),
        (Change("c", "added", field="related", new="x"), "patch"),
        (Change("c", "changed", field="domain", old="a", new="b"), "patch"),
        (Change("c", "changed", field="status", old="draft", new="approved"), "patch"),
        (Change("c", "changed", field="status", old="approved", new="retired"), "major"),
        (Change("c", "changed", field="status", old="retired", new="approved"), "minor"),
        (Change(None, "added", "hy", "languages", new="hy"), "minor"),
        (Change(None, "removed", "hy", "languages", old="hy"), "major"),
        (Change(None, "added", field="domains", new="arts"), "patch"),
    ],
)
def test_change_levels(change, level):
    assert change_level(change) == level


def test_classify_takes_the_highest_level():
    patch = Change("c", "changed", "en", "definition", "a", "b")
    minor = Change("d", "added")
    major = Change("e", "removed")
    assert classify([]) == "none"
    assert classify([patch]) == "patch"
    assert classify([patch, minor]) == "minor"
    assert classify([major, patch, minor]) == "major"


@pytest.mark.parametrize(
    ("current", "released", "level", "bump", "expected"),
    [
        ("0.1.0", None, "minor", "auto", "0.1.0"),  # first release: the manifest's version
        ("0.1.0", None, "minor", "major", "1.0.0"),
        ("0.1.0", "0.1.0", "minor", "auto", "0.2.0"),
        ("0.1.0", "0.1.0", "patch", "auto", "0.1.1"),
        ("0.1.0", "0.1.0", "major", "auto", "1.0.0"),
        ("0.1.0", "0.3.0", "patch", "auto", "0.3.1"),  # manifest behind the tag
        ("1.0.0", "0.3.0", "minor", "auto", "1.0.0"),  # a version chosen by hand is kept
        ("0.3.1", "0.3.0", "minor", "auto", "0.4.0"),  # ... unless it is too low
        ("1.0.0", "0.3.0", "minor", "minor", "1.1.0"),
    ],
)
def test_choose_version(current, released, level, bump, expected):
    chosen = choose_version(V(current), V(released) if released else None, level, bump)
    assert str(chosen) == expected


# --------------------------------------------------------------------------- diff


def test_identical_glossaries_have_no_changes():
    a = glossary(concept(), concept("resilience", en="resilience"))
    b = glossary(concept(), concept("resilience", en="resilience"))
    assert diff_glossaries(a, b) == []


def test_a_respelled_term_is_one_removed_and_one_added():
    old = glossary(concept())
    new = glossary(concept(en="reconciliation", sq="pajtimi"))
    assert [(c.kind, c.field, c.old, c.new, c.term_status) for c in diff_glossaries(old, new)] == [
        ("added", "term", None, "pajtimi", "preferred"),
        ("removed", "term", "pajtim", None, "preferred"),
    ]


def test_term_details_and_review():
    before, after = concept(), concept()
    after.terms["sq"][0].review = Review("reviewed", by="AB", date="2026-01-01")
    after.terms["sq"][0].pos = "noun"
    after.terms["sq"][0].forms = ["pajtimi", "pajtimin"]
    changes = diff_glossaries(glossary(before), glossary(after))
    assert [(c.field, c.kind, c.old, c.new) for c in changes] == [
        ("term.pos", "added", None, "noun"),
        ("term.forms", "added", None, ["pajtimi", "pajtimin"]),
        ("term.review", "added", None, {"state": "reviewed", "by": "AB", "date": "2026-01-01"}),
    ]
    assert describe(changes[2], MARKDOWN) == (
        "`reconciliation`: sq term `pajtim`: review set to `reviewed` (AB, 2026-01-01)"
    )


def test_tags_and_links_by_item_and_order_alone_is_no_change():
    before, after = concept(), concept()
    before.tags, after.tags = ["a", "b"], ["b", "a"]
    assert diff_glossaries(glossary(before), glossary(after)) == []
    after.tags = ["b", "c"]
    assert [(c.field, c.kind, c.old, c.new) for c in diff_glossaries(glossary(before),
                                                                     glossary(after))] == [
        ("tags", "added", None, "c"),
        ("tags", "removed", "a", None),
    ]  # fmt: skip


def test_renames_by_identical_content_and_by_term_overlap():
    old = {"a": concept("a"), "b": concept("b", en="resilience", sq="qëndrueshmëri", ka="x")}
    new = {
        "a2": concept("a2"),
        "b2": concept("b2", en="resilience", sq="qëndrueshmëri", ka="y"),  # 2 of 4 pairs shared
        "c": concept("c", en="other"),
    }
    assert find_renames(old, new) == {"a": "a2", "b": "b2"}
    assert find_renames({"x": concept("x", en="one")}, {"y": concept("y", en="two")}) == {}


def test_a_rename_with_an_edit_reports_both_and_not_the_references():
    moved = concept("resilience", en="resilience")
    referrer = concept()
    referrer.related = ["resilience"]
    old = glossary(referrer, moved)
    renamed = concept("resilience-capacity", en="resilience")
    renamed.definition = {"en": "Recovering."}
    new_referrer = concept()
    new_referrer.related = ["resilience-capacity"]
    changes = diff_glossaries(old, glossary(new_referrer, renamed))
    assert [(c.concept, c.kind, c.field) for c in changes] == [
        ("resilience-capacity", "renamed", "id"),
        ("resilience-capacity", "changed", "definition"),
    ]


def test_manifest_languages():
    old = glossary(langs=("en", "sq"))
    new = glossary(langs=("en", "sq", "hy"))
    assert [(c.kind, c.lang, c.field) for c in diff_glossaries(old, new)] == [
        ("added", "hy", "languages")
    ]


_texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12)
_concepts = st.builds(
    lambda cid, en, sq, definition: Concept(
        id=cid,
        definition={"en": definition} if definition else {},
        terms={"en": [Term(en)], "sq": [Term(sq, status="admitted")]},
    ),
    st.from_regex(r"[a-z]{1,6}", fullmatch=True),
    _texts.filter(bool),
    _texts.filter(bool),
    _texts,
)


@given(st.lists(_concepts, max_size=6, unique_by=lambda c: c.id))
def test_diff_properties(concepts):
    g = glossary(*concepts)
    assert diff_glossaries(g, g) == []
    added = diff_glossaries(empty_glossary(g), g)
    assert [(c.concept, c.kind) for c in added] == [(c.id, "added") for c in sorted(
        concepts, key=lambda c: c.id)]  # fmt: skip
    assert all(change_level(c) == "minor" for c in added)
    removed = diff_glossaries(g, empty_glossary(g))
    assert all(c.kind == "removed" and change_level(c) == "major" for c in removed)


# --------------------------------------------------------------------------- text


def test_md_code_holds_backticks_literally():
    assert md_code("pajtim") == "`pajtim`"
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"
    assert md_code("two\nlines") == "`two lines`"


def test_md_text_escapes_markup():
    assert md_text("<b>*hi*</b> @all [x](y) | a_b") == (
        "\\<b\\>\\*hi\\*\\</b\\> \\@all \\[x\\](y) \\| a\\_b"
    )
    assert md_text("Georgian შერიგება stays") == "Georgian შერიგება stays"


def test_changelog_prepend_keeps_title_and_older_sections():
    first = changelog.section("0.1.0", "2026-01-01", "minor", [Change("a", "added")], None)
    text = changelog.prepend("# Changelog of T\n\nIntro.\n", first, "Changelog of T")
    assert text == "# Changelog of T\n\nIntro.\n\n" + first
    second = changelog.section("0.2.0", "2026-02-01", "patch", [], "v0.1.0")
    text = changelog.prepend(text, second, "Changelog of T")
    assert text.startswith("# Changelog of T\n\nIntro.\n\n## 0.2.0 — 2026-02-01\n")
    assert changelog.versions(text) == ["0.2.0", "0.1.0"]
    assert changelog.section_text(text, "0.1.0") == first
    assert changelog.section_text(text, "0.2.0").startswith("## 0.2.0 — 2026-02-01\n\nPatch")
    assert changelog.section_text(text, "9.9.9") is None


def test_changelog_created_when_missing():
    section = changelog.section("0.1.0", "2026-01-01", "none", [], None)
    assert changelog.prepend(None, section, "Changelog of T") == f"# Changelog of T\n\n{section}"
    assert section == "## 0.1.0 — 2026-01-01\n\nFirst release — no changes to concepts or terms.\n"


def test_markdown_is_cut_to_fit_a_comment():
    many = [Change(f"c{i:04d}", "added", new={"en": "x" * 50}) for i in range(2000)]
    comparison = comparison_of(None, glossary(), "v1.0.0", None)
    comparison.changes = many
    text = render_markdown(comparison, limit=5000)
    assert len(text) < 5200
    assert text.rstrip().endswith("more (run `moci-vocab diff` to see them all).")
