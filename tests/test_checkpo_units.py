"""`check-po` parts: the PO reader, source and target matching, inflection, the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import polib
import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.run import resolve_language
from moci_vocab.checkpo.source_match import SourceMatcher, english_variants
from moci_vocab.checkpo.target_match import TargetMatcher, Translation, compile_term
from moci_vocab.errors import MociError
from moci_vocab.po.read import read_po

# --------------------------------------------------------------------------- reader


def test_reader_handles_continuations_escapes_plurals_fuzzy_obsolete(tmp_path):
    po = tmp_path / "a.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgctxt "menu"\nmsgid ""\n"Two \\"lines\\"\\n"\n'
        '"here"\nmsgstr "Dy\\trreshta"\n\n'
        'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "një kartelë"\n'
        'msgstr[1] "%d kartela"\n\n#~ msgid "old"\n#~ msgstr "vjetër"\n',
        "utf-8",
    )
    catalog = read_po(po)
    assert catalog.language == "sq"
    first, second = catalog.entries
    assert (first.msgctxt, first.msgid, first.msgstr) == (
        "menu",
        'Two "lines"\nhere',
        ["Dy\trreshta"],
    )
    assert first.fuzzy and first.line == 8  # the msgctxt line, as polib counts
    assert (second.msgid_plural, second.msgstr) == ("%d files", ["një kartelë", "%d kartela"])
    assert not second.fuzzy and second.line == 14


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgstr "b"\nbogus\n', 3),
        ('msgid "a"\nmsgstr "b\n', 2),
        ('msgstr "b"\n', 1),
        ('msgid "a"\n', 1),
        ('msgid "a\\q"\nmsgstr ""\n', 1),
        ('msgid "\nmsgstr ""\n', 1),
        ('msgid ""\nmsgstr "\n', 2),
        ('msgid "a"\nmsgstr "x"y"\n', 2),
    ],
)
def test_reader_reports_syntax_errors_with_line(tmp_path, text, line):
    po = tmp_path / "bad.po"
    po.write_text(text, "utf-8")
    with pytest.raises(MociError) as info:
        read_po(po)
    assert info.value.line == line
    assert "bad.po" in str(info.value)


def test_reader_refuses_bad_encoding(tmp_path):
    po = tmp_path / "bad.po"
    po.write_bytes(b'msgid "a"\nmsgstr "\xff"\n')
    with pytest.raises(MociError, match="not valid utf-8") as info:
        read_po(po)
    assert info.value.line == 2


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
    | st.sampled_from(["\n", "\t", '"', "\\"]),
    max_size=40,
)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), _text), _text.filter(bool), _text, st.booleans()),
        max_size=6,
        unique_by=lambda item: (item[0], item[1]),
    )
)
def test_reader_agrees_with_polib(tmp_path_factory, items):
    """Whatever polib writes, the fast reader reads as polib does."""
    path = tmp_path_factory.mktemp("po") / "x.po"
    po = polib.POFile(wrapwidth=30)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ka"}
    for ctxt, msgid, msgstr, fuzzy in items:
        entry = polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=msgstr)
        if fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(path))
    ours = read_po(path)
    theirs = [e for e in polib.pofile(str(path)) if not e.obsolete]
    assert [(e.msgctxt, e.msgid, e.msgstr[0], e.fuzzy) for e in ours.entries] == [
        (e.msgctxt, e.msgid, e.msgstr, e.fuzzy) for e in theirs
    ]
    # Lines: the entry's first keyword (msgctxt or msgid); polib counts from its flags.
    lines = path.read_text("utf-8").splitlines()
    for entry in ours.entries:
        assert lines[entry.line - 1].startswith("msgctxt" if entry.msgctxt is not None else "msgid")


# --------------------------------------------------------------------------- source side


def matcher(terms: dict[str, str]) -> tuple[SourceMatcher, list[str]]:
    patterns, owners, names = [], [], []
    for index, (name, term) in enumerate(terms.items()):
        names.append(name)
        for key in english_variants(term, "noun"):
            patterns.append(key)
            owners.append(index)
    return SourceMatcher(patterns, owners, [], []), names


def found(text: str, terms: dict[str, str]) -> list[str]:
    source, names = matcher(terms)
    return [names[source.all_owners[pattern]] for pattern, _s, _e in source.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reconciliations take time", ["reconciliation"]),
        ("Our Cultural Centres", ["cultural-centre"]),
        ("cultural centers in the US", ["cultural-centre"]),
        ("Youth from the South-Caucasus", ["south-caucasus"]),
        ("the south   caucasus", ["south-caucasus"]),
        ("Pick a format", []),
        ("Fill in the form", ["form"]),
        ("%(form)s and {form} and <form>", []),
        (
            "The European Network of Cultural Centres and a cultural centre",
            ["encc", "cultural-centre"],
        ),
        ("A youth organisation's youth organizations", ["youth-organisation"] * 2),
    ],
)
def test_source_terms_found(text, expected):
    terms = {
        "reconciliation": "reconciliation",
        "cultural-centre": "cultural centre",
        "encc": "European Network of Cultural Centres",
        "south-caucasus": "South Caucasus",
        "form": "form",
        "youth-organisation": "youth organisation",
    }
    assert found(text, terms) == expected


def test_case_sensitive_source_term(moci, tmp_path):
    """An acronym marked case_sensitive matches only as written."""
    from moci_vocab.checkpo.compile import compile_glossary
    from moci_vocab.store import load_concept, load_glossary, save_concept

    moci("add", "sos", "--term", "en=SOS", "--term", "sq=SOS", "--yes")
    concept = load_concept(moci.root, "sos")
    concept.terms["en"][0].case_sensitive = True
    save_concept(moci.root, concept)
    compiled = compile_glossary(load_glossary(moci.root), "sq")
    find = compiled.source_matcher.find
    assert len(find("Send an SOS now")) == 1
    assert find("an sos or Sos") == []


# --------------------------------------------------------------------------- target side


def matches(lang: str, term: str, text: str, forms: list[str] | None = None) -> bool:
    infl = for_language(lang)
    compiled = compile_term(term, "preferred", forms or [], infl)
    target = TargetMatcher(infl)
    translation = Translation(text)
    return any(target.find(translation, t) is not None for t in compiled)


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("sq", "pajtim", "Pajtimin e kërkojmë"),
        ("sq", "pajtim", "rruga e pajtimit"),
        ("sq", "pajtim", "pajtimet e vogla"),
        ("sq", "aktivizëm", "forma të aktivizmit"),
        ("sq", "qendër", "Qendrat kulturore"),
        ("sq", "qendër kulturore", "në qendrën kulturore"),
        ("sq", "nismë", "Nisma jonë"),
        ("sq", "nismë", "nismat e reja"),
        ("sq", "fjalor i përbashkët", "Fjalorë të përbashkët"),
        ("sq", "fjalor i përbashkët", "fjalorit të përbashkët"),
        ("sq", "bazë të dhënash", "bazës së të dhënave"),
        ("sq", "shoqëri civile", "Organizatat e shoqërisë civile"),
        ("ka", "შერიგება", "შერიგების პროცესი"),
        ("ka", "შერიგება", "შერიგებას"),
        ("ka", "შერიგება", "შერიგებისთვის"),
        ("ka", "მომხმარებელი", "მომხმარებლის სახელი"),
        ("ka", "ქვეყანა", "ქვეყნის"),
        ("ka", "სია", "სიის ბოლოს"),
        ("ka", "მოქალაქე", "მოქალაქეებს"),
        ("ka", "სამოქალაქო საზოგადოება", "სამოქალაქო საზოგადოების წევრები"),
        ("hy", "հաշտեցում", "հաշտեցման գործընթացը"),
        ("hy", "հաշտեցում", "Հաշտեցումը"),
        ("hy", "կայունություն", "կայունության համար"),
        ("hy", "խումբ", "խմբի անդամները"),
        ("hy", "թիվ", "ամբողջ թվեր"),
        ("hy", "ամսաթիվ", "ամսաթվի ձևաչափը"),
        ("hy", "բազա", "տվյալների բազայի"),
        ("hy", "օգտատեր", "օգտատիրոջ անունը"),  # irregular: irregular/hy.txt
        ("sr-Latn", "pomirenje", "procesa pomirenja"),
        ("sr-Cyrl", "помирење", "процес помирења"),
        ("ru", "примирение", "процесс примирения"),
        ("mk", "помирување", "помирувањето"),
        ("az", "barışıq", "barışığın"),  # k/q → ğ before a vowel: a replacement rule
        ("de", "Versöhnung", "der Versöhnungen"),  # generic rule
    ],
)
def test_inflected_forms_match(lang, term, text):
    assert matches(lang, term, text)


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("sq", "pajtim", "Paqja dhe pajtueshmëria"),
        ("sq", "qendër", "qendrueshmëria"),
        ("sq", "fjalor i përbashkët", "fjalor i ri"),
        ("ka", "შერიგება", "მშვიდობის პროცესი"),
        ("ka", "სია", "სიახლე"),
        ("hy", "հաշտեցում", "խաղաղության գործընթացը"),
        ("hy", "կայք", "կայուն"),
        ("sr-Latn", "pomirenje", "pomoć"),
        ("de", "Versöhnung", "Versammlung"),
    ],
)
def test_other_words_do_not_match(lang, term, text):
    assert not matches(lang, term, text)


def test_explicit_forms_are_accepted():
    assert not matches("sq", "i ri", "të rinj")
    assert matches("sq", "i ri", "të rinj", forms=["të rinj"])
    assert matches("ka", "კაცი", "კაცმა", forms=["კაცმა"])


def test_every_language_has_plain_data():
    for tag in ("sq", "ka", "hy", "sr-Latn", "sr-Cyrl", "hr", "bs", "mk", "ru", "az", "xx"):
        infl = for_language(tag)
        assert "" in infl.suffixes
        assert all(isinstance(s, str) for s in infl.suffixes)


def test_georgian_endings_looked_up_by_slots_answer_as_every_combination_made():
    # Georgian's 33,200 endings are not made (~10 ms a process): `Endings` cuts a word's
    # rest by slots. Its answers are those of the full product, for each of its strings and
    # for strings made of the slots' items and letters at random (near misses included).
    import random
    from itertools import product

    from moci_vocab.checkpo import inflection
    from moci_vocab.checkpo.inflection import Endings

    slots = (
        inflection._KA_DERIVED,
        inflection._KA_PLURAL,
        inflection._KA_CASE,
        inflection._KA_POST,
        inflection._KA_PARTICLE,
    )
    extra = frozenset(inflection._KA_PLURAL_HAVING)
    every = frozenset("".join(parts) for parts in product(*slots)) | extra
    assert isinstance(for_language("ka").suffixes, Endings)
    assert repr(for_language("ka").suffixes) == repr(Endings(slots, 2, extra))
    endings = Endings(slots, 2, extra)
    assert all(ending in endings for ending in every)
    letters = set("აბგდევზთიკლმნოპრსტუქღშცძხ")
    pieces = sorted({item for slot in slots for item in slot} | extra | letters)
    rng = random.Random(24)
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert (text in endings) == (text in every), text
    assert endings._all is None
    assert endings == every and len(endings) == len(every) == 33_200
    for tail in (1, 2, 3, 4):  # any cut into head and tail slots gives the same answers
        assert all((text in Endings(slots, tail, extra)) == (text in every) for text in pieces)


# --------------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("sq", "sq"),
        ("sq_AL", "sq"),
        ("ka_GE", "ka"),
        ("sr@latin", "sr-Latn"),
        ("sr_RS@latin", "sr-Latn"),
        ("sr_RS", "sr-Cyrl"),
        ("sr-Latn", "sr-Latn"),
        ("SQ", "sq"),
        ("de", None),
        ("", None),
    ],
)
def test_resolve_language(raw, expected):
    lang, problem = resolve_language(raw, ["en", "sq", "ka", "sr-Latn", "sr-Cyrl"])
    assert lang == expected
    assert bool(problem) == (expected is None)


# --------------------------------------------------------------------------- cache


def _age_glossary(root) -> float:
    """Age every glossary file past the racy window, so that a cache may trust them."""
    old = time.time() - 10
    for path in [*root.glob("terms/*.yaml"), root / "glossary" / "glossary.yaml"]:
        os.utime(path, (old, old))
    return old


def test_compiled_glossary_is_cached_and_invalidated(seeded, monkeypatch, tmp_path):
    from moci_vocab.checkpo import compile as compile_module

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    root = seeded.root
    old = _age_glossary(root)
    first = compile_module.load_compiled(root, "sq")
    assert (root / ".moci-cache" / "checkpo-sq.pickle").is_file()

    def must_not_load():
        raise AssertionError("the glossary was loaded although nothing changed")

    again = compile_module.load_compiled(root, "sq", glossary_loader=must_not_load)
    assert [r.concept for r in again.rules] == [r.concept for r in first.rules]
    assert again.source_matcher.find("Reconciliation")  # its automatons read back

    # Other code with the same version number (a development checkout): compiled again.
    with monkeypatch.context() as patched:
        patched.setattr("moci_vocab.cache.code_stamp", lambda: "edited code")
        with pytest.raises(AssertionError, match="was loaded"):
            compile_module.load_compiled(root, "sq", glossary_loader=must_not_load)

    path = root / "terms" / "reconciliation.yaml"
    path.write_text(path.read_text("utf-8").replace("pajtim", "pajtimi"), "utf-8")
    os.utime(path, (old, old))  # same age: the size and inode tell the change
    with pytest.raises(AssertionError, match="was loaded"):
        compile_module.load_compiled(root, "sq", glossary_loader=must_not_load)


def test_cached_glossary_reads_its_automatons_back_without_building_them(
    seeded, monkeypatch, tmp_path
):
    """The source matcher's automatons are built when the glossary is compiled and kept in
    its cache (daachorse's bytes): a run that reads the cache builds none and finds what
    the compiled matcher finds. Without daachorse the cache has another key (a cache it
    wrote is not read back) and ahocorasick_rs builds them on each run."""
    pytest.importorskip("daachorse")
    from moci_vocab.checkpo import compile as compile_module
    from moci_vocab.checkpo import source_match

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    root = seeded.root
    _age_glossary(root)
    texts = ["the Reconciliation of resilience", "nothing here", "reconciliations"]
    expected = compile_module.load_compiled(root, "sq").source_matcher.find_each(texts)
    assert expected[0] and expected[2] and not expected[1]

    def no_build(*_args, **_kwargs):
        raise AssertionError("an automaton was built")

    with monkeypatch.context() as patched:
        patched.setattr(source_match, "automaton", no_build)
        patched.setattr("ahocorasick_rs.BytesAhoCorasick", no_build)
        again = compile_module.load_compiled(root, "sq", glossary_loader=lambda: 1 / 0)
        assert again.source_matcher.find_each(texts) == expected
        assert "patterns" not in again.__dict__  # nor were the patterns decoded
    # Bytes daachorse refuses (a signed cache holds none; derived data all the same):
    # the automatons are built again from the patterns.
    spoilt = compile_module.load_compiled(root, "sq", glossary_loader=lambda: 1 / 0)
    spoilt._automata = tuple(a and a[: len(a) // 2] for a in spoilt._automata)
    assert spoilt.source_matcher.find_each(texts) == expected
    with monkeypatch.context() as patched:
        patched.setattr(source_match, "_daachorse", lambda: None)
        with pytest.raises(ZeroDivisionError):  # not this cache: compiled again
            compile_module.load_compiled(root, "sq", glossary_loader=lambda: 1 / 0)
        built = compile_module.load_compiled(root, "sq")
        assert type(built.source_matcher.automaton) is source_match._RsAutomaton
        assert built.source_matcher.find_each(texts) == expected


def test_patterns_daachorse_refuses_are_built_by_ahocorasick_rs(monkeypatch):
    """Patterns daachorse cannot take (it raises ValueError: its automaton's size is
    bounded) leave the automaton to ahocorasick_rs, which finds the same hits."""
    daachorse = pytest.importorskip("daachorse")
    from moci_vocab.checkpo import source_match
    from moci_vocab.checkpo.source_match import SourceMatcher

    made = SourceMatcher([" ab ", " ab  c "], [0, 1], [], [])
    expected = made.find_each(["ab c", "x ab"])
    assert expected == [[(1, 0, 7)], [(0, 3, 7)]]

    class Refusing:
        def __init__(self, *_args):
            raise ValueError("too many states")

    monkeypatch.setattr(daachorse, "DoubleArrayAhoCorasick", Refusing)
    built = SourceMatcher([" ab ", " ab  c "], [0, 1], [], [])
    assert type(built.automaton) is source_match._RsAutomaton and built.serialized() is None
    assert built.find_each(["ab c", "x ab"]) == expected


def test_cached_rules_load_one_by_one_and_equal_the_compiled_ones(seeded):
    import pickle

    from moci_vocab.checkpo.compile import _UNREAD, LazyItems, compile_glossary
    from moci_vocab.checkpo.target_match import TargetTerm, WordSpec
    from moci_vocab.store import load_glossary

    compiled = compile_glossary(load_glossary(seeded.root), "sq")
    loaded = pickle.loads(pickle.dumps(compiled))
    assert isinstance(loaded.rules, LazyItems)
    unread = len(compiled.rules)
    assert loaded.rules._items.count(_UNREAD) == unread  # nothing unpickled yet
    assert loaded.rules[1] == compiled.rules[1]
    rule = loaded.rules[1]
    assert type(rule.allowed[0]) is TargetTerm and type(rule.allowed[0].words[0]) is WordSpec
    assert loaded.rules._items.count(_UNREAD) == unread - 1  # only the one used
    assert loaded.rules == compiled.rules and list(loaded.rules) == compiled.rules
    assert loaded.rules[-1] == compiled.rules[-1] and loaded.rules[:2] == compiled.rules[:2]
    assert loaded.inline_tests() == compiled.inline_tests()
    assert pickle.loads(pickle.dumps(loaded)).rules == compiled.rules


def test_cached_columns_are_views_of_the_cache_file_read_when_used(seeded, monkeypatch, tmp_path):
    import pickle

    from moci_vocab.checkpo import compile as compile_module
    from moci_vocab.checkpo.compile import LazyItems, Packed, compile_glossary
    from moci_vocab.store import load_glossary

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    root = seeded.root
    _age_glossary(root)
    made = compile_glossary(load_glossary(root), "sq")
    compile_module.load_compiled(root, "sq")
    loaded = compile_module.load_compiled(root, "sq", glossary_loader=lambda: 1 / 0)
    assert isinstance(loaded.rules, LazyItems) and type(loaded.rules._blob) is memoryview
    columns = ("_miss_facts", "_miss_texts", "_other_terms")
    for name in columns:  # a view of the file: nothing copied, nothing unpickled yet
        assert type(getattr(loaded, name)) is Packed
        assert type(getattr(loaded, name).blob) is memoryview
    assert loaded.miss_texts() == made.miss_texts()
    assert type(loaded._miss_texts) is list and type(loaded._miss_facts) is Packed
    assert loaded.miss_facts() == made.miss_facts()
    assert loaded.other_terms() == made.other_terms()
    assert loaded.rules == made.rules
    # pickled again, with or without out-of-band buffers
    for protocol in (4, 5):
        again = pickle.loads(pickle.dumps(loaded, protocol))
        assert again.rules == made.rules and again.miss_texts() == made.miss_texts()


def test_cached_inline_tests_and_patterns_load_as_few_objects(seeded):
    """The cached inline tests hold each equal string and tuple once (a term's text, word,
    stems, exact forms and probe are often one word), and the source patterns load as the
    UTF-8 the automaton is built of: texts are decoded only when asked for."""
    import pickle

    from moci_vocab.checkpo.compile import compile_glossary
    from moci_vocab.store import load_glossary

    compiled = compile_glossary(load_glossary(seeded.root), "sq")
    loaded = pickle.loads(pickle.dumps(compiled, 5))
    assert loaded.inline_tests() == compiled.inline_tests()
    one_word = [t[0] for t in loaded.inline_tests() if t and t[0] and len(t[0][2]) == 1]
    assert one_word
    for text, _status, ((word, stems, exact),), probe in one_word:
        if text == word == probe:
            assert text is word is probe
        if stems == exact:
            assert stems is exact
    assert loaded.source_matcher.find("the reconciliation") == (
        compiled.source_matcher.find("the reconciliation")
    )
    assert "patterns" not in loaded.__dict__  # the automaton needed no text
    assert loaded.patterns == compiled.patterns
    again = pickle.loads(pickle.dumps(loaded, 5))
    assert again.patterns == compiled.patterns and again.owners == compiled.owners


def test_planted_cache_is_ignored(seeded, monkeypatch, tmp_path):
    from moci_vocab.checkpo.compile import load_compiled

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    folder = seeded.root / ".moci-cache"
    folder.mkdir(exist_ok=True)
    (folder / "checkpo-sq.pickle").write_bytes(b"MOCICACHE\x03" + b"0" * 32 + b"junk")
    compiled = load_compiled(seeded.root, "sq")
    assert {r.concept for r in compiled.rules} >= {"reconciliation", "resilience"}


def test_lang_cache_name_is_safe(seeded):
    from moci_vocab.checkpo.compile import _cache_name

    assert _cache_name("../../x") == "checkpo-______x"
    assert Path(_cache_name("sr-Latn")).name == "checkpo-sr-Latn"


def test_a_run_takes_the_glossarys_stamps_once_for_all_its_languages(seeded, monkeypatch, tmp_path):
    from moci_vocab import layout
    from moci_vocab.checkpo.run import Checker, Options, Result

    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    catalogs = []
    for lang, text in (("sq", "pajtim"), ("ka", "შერიგება"), ("hy", "հաշտեցում")):
        path = tmp_path / f"{lang}.po"
        path.write_text(
            f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "reconciliation"\nmsgstr "{text}"\n',
            "utf-8",
        )
        catalogs.append(path)
    calls = []
    real = layout.concept_stamps
    monkeypatch.setattr(layout, "concept_stamps", lambda root: calls.append(root) or real(root))
    checker = Checker(seeded.root, Options())
    for path in catalogs:
        assert list(checker.stream(path, Result())) == []
    assert sorted(checker.compiled_by_lang) == ["hy", "ka", "sq"]
    assert len(calls) == 1  # one stat per concept file for the run, not per language


def test_renders_reads_no_rule_for_a_concept_of_one_term_with_a_probe(seeded, tmp_path):
    # The second reading asks whether the text read otherwise holds the concept's term
    # (`FileCheck.renders`): for a concept with one allowed term that has a probe, its
    # inline test answers as the rule would, and no `Rule` is unpickled.
    import pickle

    from moci_vocab.checkpo.compile import _UNREAD, compile_glossary
    from moci_vocab.checkpo.reader import read_catalog
    from moci_vocab.checkpo.run import FileCheck, Options, Result
    from moci_vocab.store import load_glossary

    compiled = compile_glossary(load_glossary(seeded.root), "sq")
    tests, facts = compiled.inline_tests(), compiled.miss_facts()
    usual = [c for c, t in enumerate(tests) if t and t[0] is not None and not facts[c][5]]
    assert usual
    path = tmp_path / "sq.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: sq\\n"\n', encoding="utf-8")
    for concept in usual:
        term = compiled.rules[concept].allowed[0].text
        loaded = pickle.loads(pickle.dumps(compiled))
        check = FileCheck(read_catalog(path), loaded, Options(), Result())
        unread = loaded.rules._items.count(_UNREAD)
        assert check.renders(concept, f"Hap {term} tani") is True
        assert check.renders(concept, "Hap diçka tjetër") is False
        assert loaded.rules._items.count(_UNREAD) == unread


@pytest.mark.parametrize(
    ("msgid", "identifying"),
    [
        ("Row number of the element; numbering starts at 0.", True),
        ("Business telephone number", True),
        ("Show Entry Number", True),
        ("such as page and chapter numbers", True),
        ("The number of rows", False),
        ("Enter a number", False),
        ("Revision number and the number of pages", False),  # one of them counts
        ("Number of the row", False),
        # a plural before it counts (review34 F2)
        ("Rows number", False),
        ("Pages number: %d", False),
    ],
)
def test_a_number_after_what_it_identifies_is_an_identifier(msgid, identifying):
    from moci_vocab.checkpo.idioms import identifying_numbers

    assert identifying_numbers(msgid) is identifying
