"""`check` rules in detail: near-duplicates, keys, scripts, severities, silencing."""

from __future__ import annotations

import random

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from moci_vocab.checks import duplicates, run_check
from moci_vocab.checks.context import fold_of_key, term_key
from moci_vocab.checks.duplicates import near_pairs, typo_level
from moci_vocab.textnorm import fold, match_key, nfc
from tests.test_check import MANIFEST, concept, write_glossary

PLAIN_MANIFEST = MANIFEST.replace("checks:\n  MV999: error\n", "")


def flagged(a: str, b: str) -> bool:
    """Whether two terms of two concepts are reported as near-duplicates (MV401)."""
    keys = sorted({fold_of_key(term_key(a)), fold_of_key(term_key(b))})
    return any(typo_level(x, y) for x, y in near_pairs(keys))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("reconciliation", "reconcilation"),  # a dropped letter
        ("reconciliation", "reconsiliation"),  # a changed letter in a long word
        ("sustainability", "sustainabillity"),
        ("volunteer", "volunteers"),  # one concept twice, singular and plural
        ("co-creation", "cocreation"),
        ("social innovation", "social innovtion"),  # typo in one word of several
        ("youth exchange", "youth exchanges"),
        ("pajtim", "pajtimi"),  # Albanian definite form
        ("განათლება", "განატლება"),  # Georgian, one letter changed
    ],
)
def test_near_duplicates_that_are_flagged(a, b):
    assert flagged(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("art", "act"),  # short distinct words
        ("art", "arts"),
        ("mentor", "mentoring"),  # person and activity: two concepts
        ("culture", "cultural"),
        ("youth work", "youth worker"),  # a derived word, not a typo
        ("երիտասարդական աշխատանք", "երիտասարդական աշխատող"),  # youth work / youth worker (hy)
        ("civil society", "civil society organisation"),
        ("participation", "participatory"),
        ("rights", "rights of"),
        ("climate change", "climate action"),
        ("pajtim", "pajtin"),  # one changed letter in a short word: too often a real word
    ],
)
def test_short_or_distinct_words_are_not_flagged(a, b):
    assert not flagged(a, b)


def test_diacritic_variants_are_not_left_to_fuzzy_matching():
    """`mireqenie` / `mirëqenie` fold to one key: MV402 reports them, MV401 never sees them."""
    assert fold_of_key(term_key("mirëqenie")) == fold_of_key(term_key("mireqenie"))


def test_blocking_finds_a_typo_among_many_terms_sharing_a_prefix():
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    keys = {f"social {''.join(rng.choice(alphabet) for _ in range(9))}" for _ in range(3000)}
    keys |= {"social innovation", "social innovtion", "scoial innovation"}
    pairs = near_pairs(sorted(keys))
    assert ("social innovation", "social innovtion") in pairs
    assert ("scoial innovation", "social innovation") in pairs


@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 10_000))
def test_blocking_reports_only_real_pairs_and_catches_planted_typos(seed):
    rng = random.Random(seed)
    words = sorted(
        {"".join(rng.choice("abcdeëfgh ") for _ in range(rng.randint(5, 14))) for _ in range(300)}
    )
    base = rng.choice([w for w in words if len(w) >= 9])
    cut = rng.randrange(len(base))
    typo = base[:cut] + base[cut + 1 :]
    keys = sorted(set(words) | {typo})
    pairs = near_pairs(keys)
    for a, b in pairs:
        assert fuzz.ratio(a, b) >= duplicates.DUPLICATE_CUTOFF
    if typo != base and fuzz.ratio(base, typo) >= duplicates.DUPLICATE_CUTOFF:
        assert tuple(sorted((base, typo))) in pairs


def test_python_fallback_gives_the_same_pairs(monkeypatch):
    import builtins

    rng = random.Random(3)
    keys = sorted(
        {"".join(rng.choice("abcde") for _ in range(rng.randint(4, 9))) for _ in range(400)}
    )
    with_numpy = near_pairs(keys)
    real_import = builtins.__import__

    def no_numpy(name, *args, **kwargs):
        if name == "numpy":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_numpy)
    assert near_pairs(keys) == with_numpy
    assert with_numpy  # the sample is dense enough to have pairs


@given(st.text(max_size=30))
def test_fast_keys_equal_textnorm(text):
    text = nfc(text)
    assert term_key(text) == match_key(text)
    assert fold_of_key(term_key(text)) == fold(text)


# --------------------------------------------------------------------------- scripts


def test_names_kept_in_the_source_form_may_be_latin(tmp_path):
    files = {
        "moci": "id: moci\nstatus: draft\ndo_not_translate: true\ndefinition:\n  en: The network.\n"
        "terms:\n  en:\n    - term: MOCI\n      status: preferred\n"
        "  ka:\n    - term: MOCI\n      status: preferred\n",
        "erasmus": concept(
            "erasmus",
            "Erasmus+",
            "Erasmus+",
            terms="  ka:\n    - term: Erasmus+\n      status: preferred\n"
            "  hy:\n    - term: Erasmus+ ծրագիր\n      status: preferred\n",
        ),
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    assert [f for f in result.findings if f.code.startswith("MV3")] == [
        f for f in result.findings if f.concept == "erasmus" and f.lang == "hy"
    ]
    (finding,) = [f for f in result.findings if f.code.startswith("MV3")]
    assert finding.code == "MV301" and "Erasmus" in finding.message


def test_digits_punctuation_and_marks_are_allowed_in_any_script(tmp_path):
    files = {
        "x": concept(
            "x",
            "Agenda 2030",
            "Agjenda 2030",
            terms="  ka:\n    - term: „დღის წესრიგი 2030“ — (ა/ბ)\n      status: preferred\n"
            "  hy:\n    - term: Օրակարգ 2030-ը՝ «Ա»\n      status: preferred\n",
        )
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    assert [f.code for f in result.findings if f.code.startswith("MV3")] == []


def test_unknown_script_in_manifest_is_reported_not_crashing(tmp_path):
    manifest = PLAIN_MANIFEST.replace("ka: {script: Geor", "ka: {script: Xyzw")
    files = {"x": concept("x", "art", "art", terms="  ka:\n    - term: ხელოვნება\n")}
    result = run_check(write_glossary(tmp_path / "g", files, manifest))
    (finding,) = [f for f in result.findings if f.code == "MV112"]
    assert "'Xyzw'" in finding.message
    assert finding.file.endswith("glossary.yaml") and finding.line == 7


# --------------------------------------------------------------------------- severities, ignore


def test_manifest_overrides_severity_and_turns_rules_off(tmp_path):
    files = {
        "typo-a": concept("typo-a", "sustainability", "qëndrueshmëri"),
        "typo-b": concept("typo-b", "sustainabillity", "zhvillim"),
        "spaced": concept("spaced", "youth  work", "punë rinore"),
    }
    manifest = PLAIN_MANIFEST + "checks:\n  MV401: error\n  MV203: off\n"
    result = run_check(write_glossary(tmp_path / "g", files, manifest))
    assert {(f.code, f.severity) for f in result.findings} == {("MV401", "error")}


def test_bare_off_in_yaml_is_understood(tmp_path):
    """YAML reads a bare `off` as false; it still means off."""
    files = {"spaced": concept("spaced", "youth  work", "punë rinore")}
    result = run_check(
        write_glossary(tmp_path / "g", files, PLAIN_MANIFEST + "checks: {MV203: off}\n")
    )
    assert result.findings == []


def test_ignore_silences_one_finding_with_its_language(tmp_path):
    files = {
        "a": concept(
            "a",
            "culture",
            "kulturë",
            terms="  ka:\n    - term: კულტურა\n",
            body="ignore:\n  - {code: MV403, lang: sq, reason: Albanian uses one word for both}\n",
        ),
        "b": concept("b", "cultural sector", "kulturë", terms="  ka:\n    - term: კულტურა\n"),
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    # The sq pair is silenced by the entry in `a`; ka is still reported, once for both.
    assert [(f.code, f.concept, f.lang) for f in result.findings] == [("MV403", "a", "ka")]
    assert [concept for *_, concept in result.findings[0].locations] == ["a", "b"]
    assert result.suppressed == 1


def test_ignore_for_another_language_silences_nothing(tmp_path):
    files = {
        "a": concept(
            "a", "culture", "kulturë", body="ignore:\n  - {code: MV403, lang: ka, reason: x}\n"
        ),
        "b": concept("b", "cultural sector", "kulturë"),
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    assert sorted((f.code, f.concept) for f in result.findings) == [("MV111", "a"), ("MV403", "a")]


def test_three_cycle_is_reported_once_at_each_member(tmp_path):
    files = {
        "a": concept("a", "learning", "mësim", body="broader:\n  - b\n"),
        "b": concept("b", "education", "arsim", body="broader:\n  - c\n"),
        "c": concept("c", "training", "trajnim", body="broader:\n  - a\n"),
        "d": concept("d", "school", "shkollë", body="broader:\n  - a\n"),
        "e": concept("e", "self", "vetja", body="broader:\n  - e\n"),
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    cycles = sorted((f.concept, f.message) for f in result.findings if f.code == "MV503")
    assert [c for c, _m in cycles] == ["a", "b", "c", "e"]
    assert "a → b → c → a" in cycles[0][1]
    assert "broader` than itself" in cycles[3][1]


def test_a_long_cycle_names_ten_concepts_and_its_length(tmp_path):
    """A cycle of 20,000 concept files (a pull request's) named in full at each: 4.4 GB."""
    ids = [f"c{n:02d}" for n in range(30)]
    files = {
        cid: concept(cid, f"w{cid}", f"s{cid}", body=f"broader:\n  - {ids[(n + 1) % 30]}\n")
        for n, cid in enumerate(ids)
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    cycles = [f for f in result.findings if f.code == "MV503"]
    assert sorted(f.concept for f in cycles) == ids
    shown = " → ".join(ids[:10])
    assert cycles[0].message == (
        f"`broader` links form a cycle ({shown} → … → c00, 30 concepts); remove one of them"
    )


def test_concepts_on_many_cycles_are_each_reported_once(tmp_path):
    """30 concepts each `broader` than every other close 435 cycles: one finding a concept
    (120 such files gave 295,120 findings, 208 MB of output)."""
    ids = [f"c{n:02d}" for n in range(30)]

    def links(cid: str) -> str:
        return "broader:\n" + "".join(f"  - {other}\n" for other in ids if other != cid)

    files = {cid: concept(cid, f"w{cid}", f"s{cid}", body=links(cid)) for cid in ids}
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    assert sorted(f.concept for f in result.findings if f.code == "MV503") == ids


def test_many_related_and_broader_links_are_checked_in_linear_time(tmp_path):
    """40,000 `related` and 40,000 `broader` links in one file (under the 100,000 values a
    file may hold): each related link was looked up in the broader list (~30 s)."""
    import time

    links = "related:\n" + "".join(f"  - r{n}\n" for n in range(40_000))
    links += "broader:\n" + "".join(f"  - b{n}\n" for n in range(40_000)) + "  - r7\n"
    root = write_glossary(tmp_path / "g", {"x": concept("x", "w", "s", body=links)}, PLAIN_MANIFEST)
    started = time.process_time()
    result = run_check(root)
    assert time.process_time() - started < 10
    assert [f.message for f in result.findings if f.code == "MV505"] == [
        "'r7' is both `related` and `broader`; keep it under `broader` only"
    ]


def test_thousands_of_terms_in_one_language_are_compared_in_bounded_time(tmp_path):
    """A pull request's 3,000 admitted terms of one concept and language were compared pair
    by pair for MV405 (4.5 million pairs; 15,000 terms: hours); a typo pair is still found."""
    import time

    many = "".join(f"    - term: kulturë{n} {n}\n      status: admitted\n" for n in range(3_000))
    typo = "    - term: rezilienc\n      status: admitted\n    - term: rezilienca\n"
    body = concept("x", "resilience", "reziliencë", terms="")
    body = body.replace("      status: preferred\n", "      status: preferred\n" + many + typo, 2)
    root = write_glossary(tmp_path / "g", {"x": body}, PLAIN_MANIFEST)
    started = time.process_time()
    result = run_check(root)
    assert time.process_time() - started < 10
    near = [f.message for f in result.findings if f.code == "MV405"]
    assert any("'rezilienc' and 'rezilienca'" in message for message in near), near


def test_shipped_glossary_has_no_errors():
    """The MOCI glossary in this repository passes `check` (warnings are listed in issue 3)."""
    from tests.conftest import REPO

    result = run_check(REPO)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == [], errors


@pytest.mark.parametrize(
    "char",
    ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u200f"],
    ids=lambda ch: f"U+{ord(ch):04X}",
)
def test_bidirectional_controls_are_reported(tmp_path, char):
    """Overrides and isolates reorder what a reader sees ("Trojan Source"): never silent."""
    files = {
        "bidi": concept("bidi", "open call", f"thirrje{char} e hapur"),
        "defined": concept("defined", "grant", "grant", body=f"note:\n  en: See{char} below.\n"),
    }
    result = run_check(write_glossary(tmp_path / "g", files, PLAIN_MANIFEST))
    found = {(f.concept, f.code) for f in result.findings}
    assert {("bidi", "MV204"), ("defined", "MV204")} <= found
    assert any(f"U+{ord(char):04X}" in f.message for f in result.findings)
