"""check-po on one long entry (a pull request's catalog: 1 MB in one msgid or msgstr)
against many missing terms: each long text is read once, not once per missing term."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import ClassVar

from conftest import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo import verbal
from moci_vocab.checkpo.verbal import _Long, _own_participle, word_ends
from tests.test_checkpo import write_po


def _word_ends_before(text: str, word: str) -> list[int]:
    """`word_ends` as it was: one character on after every hit inside a longer word."""
    size, last = len(word), verbal._word_char(word[-1])
    found, at = [], text.find(word)
    while at >= 0:
        end = at + size
        if (
            (end == len(text) or not verbal._word_char(text[end]))
            if last
            else end < len(text) and verbal._word_char(text[end])
        ):
            found.append(at)
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return found


_piece = st.sampled_from(["a", "aa", "b", "ab", "ed", "en", "_", "1", "²", "é", "ß", " ", ".", "-"])
_texts = st.lists(_piece, max_size=40).map("".join)
_words = st.lists(st.sampled_from(["a", "aa", "aaa", "ab", "ba", "abed", "aben", "é"]), min_size=1)


@settings(max_examples=examples(400), deadline=None)
@given(_texts, _words)
@example("a" * 30 + " " + "ab" * 20 + "a_" * 12 + "abed²aben aa", ["a", "aa", "ab", "ba", "abed"])
def test_a_long_text_is_read_once_with_the_same_result(text, words):
    # The index of a long msgid, the participles found by bisection and the skip inside a
    # longer word give what the search of every word, one by one, gave.
    long = _Long(text, frozenset(words))
    for word in words:
        before = _word_ends_before(text, word)
        assert list(word_ends(text, word)) == before
        assert long.ends(word) == before
        assert long.own_participle(word) == _own_participle(text, word)


def test_word_ends_skips_a_long_word_at_once():
    # "aa" in a run of a million a's: each character of the run was a loop in Python
    # (50 such nouns: 12 s of CPU in one check-po run)
    text = "a" * 1_000_000 + " aa"
    started = time.process_time()
    for size in range(2, 22):
        found = list(word_ends(text, "a" * size))
        assert found == [1_000_000 - size, *([1_000_001] if size == 2 else [])]
    assert time.process_time() - started < 0.5


def _english_nouns(rnd: random.Random, count: int) -> set[str]:
    """``count`` distinct made-up English-looking nouns of eight letters."""
    nouns: set[str] = set()
    while len(nouns) < count:
        nouns.add("".join(rnd.choice("bcdfgklmnprstvz") + rnd.choice("aeiou") for _ in range(4)))
    return nouns


_ARMENIAN = [chr(c) for c in range(0x0561, 0x0586)]


def _armenian_noun(rnd: random.Random) -> str:
    """A made-up Armenian verbal noun: six letters and -ում."""
    return "".join(rnd.choice(_ARMENIAN) for _ in range(6)) + "ում"


def _root(tmp_path: Path, nouns: list[str], terms: list[str]) -> Path:
    """A glossary of Armenian noun terms, written as files (quicker than `add`)."""
    from moci_vocab.operations import init_glossary

    root = tmp_path / "g"
    init_glossary(root, "t", "en", ["hy"]).changes.apply()
    for noun, term in zip(nouns, terms, strict=True):
        (root / "terms" / f"{noun}.yaml").write_text(
            f"id: {noun}\ndefinition:\n  en: A {noun}.\nterms:\n  en:\n"
            f"    - term: {noun}\n      pos: noun\n  hy:\n    - term: {term}\n",
            encoding="utf-8",
        )
    return root


def test_a_long_translation_against_many_missing_terms_is_checked_in_bounded_time(tmp_path):
    # Each noun opens a sentence of the msgid (a verb's place), none is in the translation,
    # which is long: its words were made (verbal.py), scanned for the word for everything
    # and compared word by word for the closest one (run.py) once per missing term. On the
    # old code, 2,000 nouns and a 1 MB translation took 178 s of CPU; these 300: 5 s.
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(5)
    nouns = _english_nouns(rnd, 300)
    terms = [_armenian_noun(rnd) for _ in nouns]
    root = _root(tmp_path, sorted(nouns), terms)
    path = write_po(tmp_path / "hy.po", "hy", [(". ".join(sorted(nouns)), "կի " * 100_000)])
    check_files(root, [write_po(tmp_path / "w.po", "hy", [("x", "y")])], Options())  # cache
    started = time.process_time()
    findings = check_files(root, [path], Options()).findings
    assert time.process_time() - started < 1.5
    assert len([f for f in findings if f.code == "MV601"]) == 300


def test_the_closest_word_is_searched_among_at_most_1024_words_of_a_translation(tmp_path):
    # A translation of 60,000 distinct words against 300 missing terms: each term was
    # compared with every word (2,000 terms and 1 MB: 58 s of CPU). The closest word is now
    # searched among the first 1,024 distinct words (no real translation has that many).
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(7)
    nouns = _english_nouns(rnd, 300)
    terms = [_armenian_noun(rnd) for _ in nouns]
    said = list(dict.fromkeys(_armenian_noun(rnd) for _ in range(60_000)))
    root = _root(tmp_path, sorted(nouns), terms)
    path = write_po(tmp_path / "hy.po", "hy", [(". ".join(sorted(nouns)), " ".join(said))])
    check_files(root, [write_po(tmp_path / "w.po", "hy", [("x", "y")])], Options())  # cache
    started = time.process_time()
    findings = check_files(root, [path], Options()).findings
    assert time.process_time() - started < 1.5
    missing = [f for f in findings if f.code == "MV601"]
    assert len(missing) == 300
    first = set(said[:1024])
    closest = [f.message.split("; closest: ")[1].split("'")[1] for f in missing]
    assert all(word in first for word in closest)


def _sq_root(tmp_path: Path, nouns: list[str], terms: list[str]) -> Path:
    """A glossary of Albanian noun terms, written as files."""
    from moci_vocab.operations import init_glossary

    root = tmp_path / "g"
    init_glossary(root, "t", "en", ["sq"]).changes.apply()
    for noun, term in zip(nouns, terms, strict=True):
        (root / "terms" / f"{noun}.yaml").write_text(
            f"id: {noun}\ndefinition:\n  en: A {noun}.\nterms:\n  en:\n"
            f"    - term: {noun}\n      pos: noun\n  sq:\n    - term: {term}\n",
            encoding="utf-8",
        )
    return root


def _random_sq_root(tmp_path: Path, rnd: random.Random) -> tuple[list[str], Path]:
    """200 English nouns and a glossary giving each a random Albanian term in -im."""
    nouns = sorted(_english_nouns(rnd, 200))
    terms = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyzë") for _ in range(6)) + "im"
             for _ in nouns]  # fmt: skip
    return nouns, _sq_root(tmp_path, nouns, terms)


def test_a_translation_with_mnemonics_is_read_a_second_time_once(tmp_path, monkeypatch):
    # A translation whose terms each follow a mnemonic (a_kodex): the second reading,
    # strict (a mnemonic splits only before a word of the catalog's own) once the lax one
    # finds the term, was made once per missing term with a Python call per mnemonic (the
    # review's 300 terms x 305 KB: 10 s of CPU). Now each reading once per translation:
    # half the terms are found there (no finding), the other half are missing.
    from moci_vocab.checkpo import rendered
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(11)
    nouns = sorted(_english_nouns(rnd, 200))
    terms = ["".join(rnd.choice("bcdfghklmnprstvz") + rnd.choice("aeiou") for _ in range(3)) + "x"
             for _ in nouns]  # fmt: skip
    root = _sq_root(tmp_path, nouns, terms)
    said = " ".join("a_" + term for term in terms[::2])
    path = write_po(
        tmp_path / "sq.po",
        "sq",
        [("Open _File " + " ".join(nouns), (said + " ") * 20), ("Words", " ".join(terms))],
    )
    check_files(root, [write_po(tmp_path / "w.po", "sq", [("x", "y")])], Options())  # cache
    calls = []
    reread = rendered.reread

    def counted(msgid: str, text: str, known=None) -> str | None:
        calls.append(known is not None)
        return reread(msgid, text, known)

    monkeypatch.setattr(rendered, "reread", counted)
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.concept for f in findings if f.code == "MV601") == nouns[1::2]
    assert calls == [False, True]  # (101 calls on the old code: the strict one per term)


class _Counted(str):
    """A translation that counts the times it is searched for a substring (``in``)."""

    scans = 0

    def casefold(self) -> str:
        return _Counted(str.casefold(self))

    def __contains__(self, part: object) -> bool:
        _Counted.scans += 1
        return str.__contains__(self, part)  # type: ignore[operator]


def test_a_long_translation_is_searched_once_for_all_missing_terms(tmp_path, monkeypatch):
    # 200 Albanian nouns, each opening a sentence and modifying another noun in the msgid;
    # the long translation holds none of them. It was searched once per missing term for
    # the term's adjective stems and participles (verbal.py), for its English word
    # (drop_rendered, rendered_misses): 2,000 nouns and 1 MB, seconds. Now all of them are
    # looked for in one pass (`substrings.found_in`); same findings.
    from moci_vocab.checkpo import run
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(5)
    nouns, root = _random_sq_root(tmp_path, rnd)
    msgid = ". ".join(nouns) + " all files and the " + " ".join(nouns) + " FILE"
    path = write_po(tmp_path / "sq.po", "sq", [(msgid, "ki file " * 700)])
    check_files(root, [write_po(tmp_path / "w.po", "sq", [("x", "y")])], Options())  # cache
    read = run.read_catalog

    def counted(path: Path):
        catalog = read(path)
        catalog.msgstrs = [[_Counted(text) for text in texts] for texts in catalog.msgstrs]
        return catalog

    monkeypatch.setattr(run, "read_catalog", counted)
    _Counted.scans = 0
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.concept for f in findings if f.code == "MV601") == nouns
    # (the cleaning's tests for placeholder signs: 26, whatever the number of terms; 626
    # on the old code: 400 adjective probes, 200 English words)
    assert _Counted.scans < 40


def test_a_georgian_translation_with_a_tilde_is_read_without_it_once(tmp_path, monkeypatch):
    # A translation with LibreOffice's tilde mnemonics was looked at again without them
    # (rendered.untilded) for every missing Georgian term; that text was made and prepared
    # again per term (a 1 MB translation with one tilde, 2,000 missing terms: 29 s of CPU).
    # Now every translation is read without them once (`mnemonics.unmark`); same findings.
    from moci_vocab.checkpo import mnemonics, target_match
    from moci_vocab.checkpo.run import Options, check_files
    from moci_vocab.operations import init_glossary

    rnd = random.Random(9)
    nouns = sorted(_english_nouns(rnd, 60))
    letters = [chr(c) for c in range(0x10D0, 0x10F0)]
    terms = ["".join(rnd.choice(letters) for _ in range(6)) + "ი" for _ in nouns]
    root = tmp_path / "g"
    init_glossary(root, "t", "en", ["ka"]).changes.apply()
    for noun, term in zip(nouns, terms, strict=True):
        (root / "terms" / f"{noun}.yaml").write_text(
            f"id: {noun}\ndefinition:\n  en: A {noun}.\nterms:\n  en:\n"
            f"    - term: {noun}\n      pos: noun\n  ka:\n    - term: {term}\n",
            encoding="utf-8",
        )
    said = f"{terms[0][:3]}~{terms[0][3:]} " + "კი " * 10
    path = write_po(tmp_path / "ka.po", "ka", [(". ".join(nouns), said)])
    check_files(root, [write_po(tmp_path / "w.po", "ka", [("x", "y")])], Options())  # cache
    calls = []
    unmark = mnemonics.unmark

    def counted(text: str) -> str:
        if "~" in text:
            calls.append(text)
        return unmark(text)

    monkeypatch.setattr(target_match, "unmark", counted)
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.concept for f in findings if f.code == "MV601") == nouns[1:]
    # a few readings of the translation (5), not one per missing term (60)
    assert len(calls) < len(nouns) // 4


class _Scanned(str):
    """A text that counts the times it is searched (``in``, ``find``), by kind."""

    scans: ClassVar[dict[str, int]] = {}

    def __new__(cls, text: str, kind: str) -> _Scanned:
        made = str.__new__(cls, text)
        made.kind = kind
        return made

    def casefold(self) -> str:
        return _Scanned(str.casefold(self), self.kind)

    def __contains__(self, part: object) -> bool:
        _Scanned.scans[self.kind] = _Scanned.scans.get(self.kind, 0) + 1
        return str.__contains__(self, part)  # type: ignore[operator]

    def find(self, *args) -> int:  # type: ignore[override]
        _Scanned.scans[self.kind] = _Scanned.scans.get(self.kind, 0) + 1
        return str.find(self, *args)


def test_a_long_entry_is_searched_once_for_all_missing_terms_that_it_names(tmp_path, monkeypatch):
    # 200 Albanian nouns, each in capitals after two capitalised words in a long msgid (a
    # name's shape), each in the long translation too, none of their terms: the inline test
    # looked for each concept's probe in the translation (run_chunk), drop_rendered and
    # kept_as_written for each word in capitals in the msgid, kept_in_name for each word
    # in the translation, a scan per missing term each (2,000 terms and 1 MB: seconds).
    # Now one pass for all of them each; same findings.
    from moci_vocab.checkpo import run
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(13)
    nouns, root = _random_sq_root(tmp_path, rnd)
    msgid = " ".join(f"the Open New {noun.upper()} here and there" for noun in nouns)
    # (written with ë, as Albanian is: a catalog without it is matched so, MV606)
    said = " ".join(f"ki {noun} dhe" for noun in nouns) + " kë" * 2_000
    assert len(msgid) > 4_096 and len(said) > 4_096
    path = write_po(tmp_path / "sq.po", "sq", [(msgid, said)])
    check_files(root, [write_po(tmp_path / "w.po", "sq", [("x", "y")])], Options())  # cache
    expected = sorted(f.concept for f in check_files(root, [path], Options()).findings)
    read, prepared = run.read_catalog, run.prepared

    def scanned_catalog(path: Path):
        catalog = read(path)
        catalog.msgids = [_Scanned(text, "msgid") for text in catalog.msgids]
        catalog.msgstrs = [
            [_Scanned(text, "msgstr") for text in texts] for texts in catalog.msgstrs
        ]
        return catalog

    def scanned_lows(texts: list[str]) -> tuple[list[str], list[str]]:
        plains, lows = prepared(texts)
        return plains, [_Scanned(low, "low") for low in lows]

    monkeypatch.setattr(run, "read_catalog", scanned_catalog)
    monkeypatch.setattr(run, "prepared", scanned_lows)
    _Scanned.scans = {}
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.concept for f in findings) == expected == nouns
    # (19, 26 and 1 now; on the old code 410, 426 and 201: per missing term)
    assert _Scanned.scans.get("msgid", 0) < 40, _Scanned.scans
    assert _Scanned.scans.get("msgstr", 0) < 40, _Scanned.scans
    assert _Scanned.scans.get("low", 0) < 10, _Scanned.scans


class _Split(str):
    """A translation that counts the times it is split into words."""

    splits = 0

    def split(self, *args, **kwargs) -> list[str]:  # type: ignore[override]
        _Split.splits += 1
        return str.split(self, *args, **kwargs)


def test_a_long_entrys_code_tokens_are_read_once(tmp_path, monkeypatch):
    # 200 Albanian nouns, each in a code token of a long msgid ("open yelp:noun now") and
    # in the long translation too: for each use of each word the token around it was
    # walked letter by letter and the translation split and searched (2,000 words, a
    # 536 KB translation: 18 s of CPU). Now the msgid's tokens and the translation's code
    # parts are found once; same findings.
    from moci_vocab.checkpo import run
    from moci_vocab.checkpo.run import Options, check_files

    rnd = random.Random(17)
    nouns, root = _random_sq_root(tmp_path, rnd)
    msgid = " ".join(f"open yelp:{noun} now" for noun in nouns)
    said = " ".join(f"hap {noun} tani" for noun in nouns) + " tanë" * 1_000  # (with ë)
    path = write_po(tmp_path / "sq.po", "sq", [(msgid, said)])
    check_files(root, [write_po(tmp_path / "w.po", "sq", [("x", "y")])], Options())  # cache
    expected = sorted(f.concept for f in check_files(root, [path], Options()).findings)
    read = run.read_catalog

    def split_counted(path: Path):
        catalog = read(path)
        catalog.msgstrs = [[_Split(text) for text in texts] for texts in catalog.msgstrs]
        return catalog

    monkeypatch.setattr(run, "read_catalog", split_counted)
    _Split.splits = 0
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.concept for f in findings) == expected == nouns
    assert _Split.splits < 5  # (200 on the old code: once per use of a word)


_spaced = st.lists(st.sampled_from(["a", "b:c", "/", " ", "\u00a0", "\u2003", "\n", "x_Y", "é"]))


@settings(max_examples=examples(200), deadline=None)
@given(_spaced.map("".join), _spaced.map("".join))
def test_a_long_entrys_tokens_and_code_parts_are_those_found_per_use(msgid, translation):
    # `LongMsgid.token_at` and `code_parts` answer what `_token_at` and the loop of
    # `_in_code` answered for each use of a word (spaces of every kind included).
    from moci_vocab.checkpo.rendered import _AROUND_CODE, LongMsgid, _token_at, code_parts

    long = LongMsgid(msgid, set())
    for run in re.finditer(r"[^\W_]+", msgid):
        assert long.token_at(*run.span()) == _token_at(msgid, *run.span())
    parts = code_parts(translation)
    for word in {"a", "b", "c", "x", "y", "é", "x_y"}:
        for sign in (":", "/"):
            kept = [chunk.strip(_AROUND_CODE).casefold() for chunk in translation.split()]
            assert (word in parts(sign)) == any(
                sign in chunk and word in chunk.split(sign) for chunk in kept
            )
