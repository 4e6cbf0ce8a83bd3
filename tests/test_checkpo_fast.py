"""`check-po`'s whole-file fast paths agree with the simple per-entry ones.

The fast PO reader (one regular expression over the file) against the line
parser, the joined source keys (one Aho-Corasick pass over all msgids)
against `source_key` per text, and the batch-lowered translations against
`Translation(text).low`: on generated input, including input the fast paths
must hand over to the slow ones.
"""

from __future__ import annotations

import re
import time
from unittest.mock import patch

import pytest
from conftest import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from moci_vocab.checkpo import conventions, source_match, spans, target_match
from moci_vocab.checkpo.conventions import _Catalog
from moci_vocab.checkpo.source_match import SourceMatcher, english_variants, source_key
from moci_vocab.checkpo.spans import clean
from moci_vocab.checkpo.target_match import Translation, lowered
from moci_vocab.errors import MociError
from moci_vocab.po import read as reader
from moci_vocab.po.read import _parse_po, _Syntax, read_po
from moci_vocab.schema import MAX_TERM_CHARS

# --------------------------------------------------------------------------- reader

# Characters of a value as written: plain ones and valid escapes (mostly valid files).
_chars = st.sampled_from([*"ab ë\txყ%{}<>&_-.", "\\n", '\\"', "\\t", "\\\\", "\\x41", "\\101"])
_body = st.lists(_chars, max_size=8).map("".join)


@st.composite
def _quoted(draw) -> str:
    """A PO string value as written: one line, or continuation lines."""
    parts = draw(st.lists(_body, min_size=1, max_size=3))
    return "\n".join(f'"{part}"' for part in parts)


@st.composite
def _entry(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 3))):
        lines.append(
            draw(
                st.sampled_from(
                    ["#: a.py:1", "#, fuzzy", "#, python-format", "#, fuzzy, c-format",
                     "# note", "#~ msgid \"old\"", "#~ msgstr \"vjetër\"", "#| msgid \"x\"", ""]
                )
            )
        )  # fmt: skip
    if draw(st.booleans()):
        lines.append("msgctxt " + draw(_quoted()))
    lines.append("msgid " + draw(_quoted()))
    if draw(st.booleans()):
        lines.append("msgid_plural " + draw(_quoted()))
        for n in range(draw(st.integers(1, 3))):
            lines.append(f"msgstr[{n}] " + draw(_quoted()))
    else:
        lines.append("msgstr " + draw(_quoted()))
    return "\n".join(lines)


@st.composite
def _po_text(draw) -> str:
    header = 'msgid ""\nmsgstr ""\n"Language: sq\\n"\n' if draw(st.booleans()) else ""
    entries = draw(st.lists(_entry(), max_size=5))
    text = header + "\n\n".join(entries)
    if draw(st.booleans()):
        text += '\n\n#~ msgid "gone"\n#~ msgstr "ikur"'
    if draw(st.booleans()):
        text += "\n"
    # Sometimes something unusual: a stray line, blanks inside an entry, a quote
    # without its escape, an unknown escape, CRLF line ends.
    unusual = ["bogus", "   ", "\r\n", '"x"', 'msgid_plural "y"', 'msgid "a"b"', "\\q"]
    damage = draw(st.sampled_from([None] * len(unusual) + unusual))
    if damage == "\r\n":
        text = text.replace("\n", "\r\n")
    elif damage == "\\q":
        text = text.replace(' "', ' "\\q', 1)
    elif damage is not None:
        lines = text.split("\n")
        lines.insert(draw(st.integers(0, len(lines))), damage)
        text = "\n".join(lines)
    return text


def _slow(text: str):
    """What the line parser makes of a text: (headers, entries) or the error's line."""
    try:
        entries = _parse_po(text.replace("\r\n", "\n"))
    except _Syntax as exc:
        return exc.line
    headers: dict[str, str] = {}
    kept = []
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            headers = reader.parse_headers(entry.msgstr[0] if entry.msgstr else "")
        else:
            kept.append(entry)
    return headers, kept


@settings(max_examples=examples(400), deadline=None)
@given(_po_text(), st.sampled_from([1, 2, 5, 16, 64, 1 << 16]), st.booleans())
def test_fast_reader_agrees_with_the_line_parser(tmp_path_factory, text, block, bom):
    """Also when the file is read in blocks of any size, and after a byte order mark."""
    path = tmp_path_factory.mktemp("po") / "x.po"
    path.write_bytes(b"\xef\xbb\xbf" * bom + text.encode("utf-8"))
    expected = _slow(text)
    if isinstance(expected, int):
        with pytest.raises(MociError) as info, patch.object(reader, "_BLOCK", block):
            read_po(path)
        assert info.value.line == expected
        return
    with patch.object(reader, "_BLOCK", block):
        catalog = read_po(path)
    assert (catalog.headers, catalog.entries) == expected
    # Line numbers asked for one at a time, out of order, agree as well.
    for i in reversed(range(len(catalog))):
        assert catalog.line(i) == expected[1][i].line


def test_fast_reader_reads_a_plain_catalog_itself(tmp_path, monkeypatch):
    """The everyday file never reaches the line parser."""
    path = tmp_path / "x.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: ka\\n"\n\n#: a.py:3\n#, fuzzy\nmsgid "One \\"two\\""\n'
        'msgstr "ერთი"\n\nmsgctxt "menu"\nmsgid "File"\nmsgid_plural "Files"\n'
        'msgstr[0] "ფაილი"\nmsgstr[1] ""\n"ფაილები"\n\n#~ msgid "old"\n#~ msgstr "ძველი"\n',
        "utf-8",
    )

    def refuse(_text):
        raise AssertionError("the line parser was used")

    monkeypatch.setattr(reader, "_parse_po", refuse)
    catalog = read_po(path)
    assert catalog.language == "ka"
    assert catalog.msgids == ['One "two"', "File"]
    assert catalog.msgstrs == [["ერთი"], ["ფაილი", "ფაილები"]]
    assert catalog.msgctxts == [None, "menu"]
    assert catalog.plurals == [None, "Files"]
    assert catalog.fuzzy == {0}
    assert catalog.lines([1, 0]) == {0: 7, 1: 10}


_WORDS_ALPHABET = st.characters(max_codepoint=0x2FF) | st.sampled_from(
    [*"…“”„‘’–€ﬁ", "\u0345", "\u200b", "\ud800", "ა", "ք", " ", "_"]
)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(_WORDS_ALPHABET, max_size=40))
@example("".join(map(chr, range(256))))
def test_words_by_translate_agree_with_the_regular_expression(text):
    """`target_match.words_of` (a Latin-1 text's words by `bytes.translate` and `split`)
    finds what ``[^\\W_]+`` finds, in every text."""
    assert target_match.words_of(text) == target_match._WORD.findall(text)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(_WORDS_ALPHABET, max_size=40))
@example("".join(map(chr, range(256))))
@example("abcd_efghij klm 12345 ÇELËSI ﬁle")
def test_content_words_by_translate_agree_with_the_regular_expression(text):
    """The conventions' content words (`conventions._content_words`, by `words_of`) are
    the stems the regular expression they replaced finds (session 29), in every text."""
    stems = re.compile(r"([^\W_]{4,5})[^\W_]*")
    assert conventions._content_words(text) == set(stems.findall(text))


def test_a_latin_1_translation_s_words_are_found_without_the_regular_expression(monkeypatch):
    """An Albanian translation's words (its closest words to a missing term, every one of
    them) are not found by the regular expression, which tests each character's category:
    ~330 instructions a character."""

    class Refuse:
        def findall(self, text):
            raise AssertionError("the regular expression was used")

    monkeypatch.setattr(target_match, "_WORD", Refuse())
    plain = "Hap skedarin «Për_ç» (2 herë), ÇELËSI!"
    assert target_match.surface_words(plain) == [
        "Hap",
        "skedarin",
        "Për",
        "ç",
        "2",
        "herë",
        "ÇELËSI",
    ]
    assert target_match.folded_words(plain, plain.casefold())[-1] == "çelësi"


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(_chars | st.sampled_from(["\\", "\\q", "\\r", "\\\n"]), max_size=8))
def test_escapes_read_by_replace_agree_with_the_regular_expression(pieces):
    """`_unescaped` (the usual escapes by `str.replace`) gives what `_ESCAPE_RE` gives,
    and refuses (ValueError) what it refuses: escaped backslashes, octal and hex
    escapes, an unknown escape, a lone backslash at the end."""
    value = "".join(pieces)
    try:
        expected = reader._ESCAPE_RE.sub(reader._unescape_match, value)
    except ValueError:
        with pytest.raises(ValueError):
            reader._unescaped(value)
        return
    assert reader._unescaped(value) == expected


def test_the_usual_escapes_are_read_without_a_call_per_escape(tmp_path, monkeypatch):
    """A catalog's \\n, \\" and \\t are read by the string's own replace (a regular
    expression's callback per escape cost the 15,800-entry catalog ~10 M instructions);
    an escaped backslash or a rarer escape still goes through `_unescape_match`."""
    calls = []
    original = reader._unescape_match

    def counted(match: re.Match) -> str:
        calls.append(match.group())
        return original(match)

    monkeypatch.setattr(reader, "_unescape_match", counted)
    path = tmp_path / "x.po"
    path.write_text(
        'msgid "Line\\none \\"quoted\\"\\tand a tab"\nmsgstr "Rreshti\\nnjë"\n\n'
        'msgid "C:\\\\dir \\x41"\nmsgstr "\\101"\n',
        encoding="utf-8",
    )
    catalog = read_po(path)
    assert catalog.msgids == ['Line\none "quoted"\tand a tab', "C:\\dir A"]
    assert catalog.msgstrs == [["Rreshti\nnjë"], ["A"]]
    assert sorted(calls) == ["\\101", "\\\\", "\\x41"]


@pytest.mark.parametrize(("encoding", "bound"), [("utf-8", 0.5), ("iso-8859-1", 1.5)])
def test_reading_holds_the_raw_strings_of_one_block_at_a_time(tmp_path, encoding, bound):
    """The reader's intermediate strings (the regular expression's raw strings, the joined
    values) exist for one block at a time: reading makes little more than the catalog it
    returns. All at once they were over twice the file's size (a 1.3 MB catalog touched
    15 MB). A UTF-8 file is never decoded whole; another charset's text is (its bytes,
    a copy of the file, are freed once decoded)."""
    import tracemalloc

    lines = [f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={encoding}\\n"\n']
    for i in range(6000):
        lines.append(
            f'#: src/file{i}.c:{i}\nmsgid "Open the file number {i} of the folder"\n'
            f'msgstr "Hapni skedarin numër {i} të dosjes «ë»"\n'
        )
    data = "\n".join(lines).encode(encoding)
    path = tmp_path / "x.po"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        catalog = read_po(path)
        live, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(catalog) == 6000 and catalog.line(5999) == 6 + 4 * 5999
    assert peak - live < len(data) * bound


# --------------------------------------------------------------------------- source keys

_text = st.text(
    alphabet=st.sampled_from(list("ab cß-_.'%(){}<>&;sdİı\u00a0é\u0301\x00ΣAB1~@!^:")), max_size=30
)


def test_a_mnemonic_inside_a_word_hides_no_term_from_the_prefilter():
    # the key reads "Op&en" as "open"; the few-words prefilter read the raw text and let
    # the text go unread (hypothesis: ["s&s"] for the term "ss")
    matcher = SourceMatcher(sorted(english_variants("open", "noun")), [0, 0], [], [])
    assert matcher.finder is not None
    assert matcher.pairs(["Op&en the file", "x"]) == [(0, 0)]
    assert matcher.pairs(["s&s", "O&pen"]) == [(1, 0)]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_text, max_size=6))
def test_joined_source_keys_find_what_each_key_finds(texts):
    terms = ["ab", "a b", "c", "ss", "abc", "é", "b1", "ab ab"]
    patterns, owners = [], []
    for index, term in enumerate(terms):
        for key in english_variants(term, "noun"):
            patterns.append(key)
            owners.append(index)
    matcher = SourceMatcher(patterns, owners, [], [])
    one_by_one = []
    for i, text in enumerate(texts):
        hits = matcher.automaton.find(source_key(text).encode())
        one_by_one.extend(
            (i, concept) for concept in dict.fromkeys(owners[p] for _s, _e, p in hits)
        )
    assert matcher.pairs(texts) == one_by_one


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_text, max_size=6))
def test_lowered_translations_are_each_translation_lowered(texts):
    assert lowered(texts) == [Translation(text).low for text in texts]


# Texts with every sign the span passes look for, and the spans they remove.
_SPAN_PIECES = [
    "a",
    "b ",
    "",
    "%s",
    "%(n)d",
    "{0}",
    "<b>",
    "&amp;",
    "[one]",
    "$HOME",
    '"size"',
    "http://x.org",
    "www.x",
    "about:blank",
    "a@b.org",
    "/usr/lib",
    "~/x",
    "C:\\x",
    "Ctrl+S",
    "Ctrl + Shift",
    "a",
    "b",
    "@",
    "/",
    "+",
    "é",
    "\xad",
    "ë",
    ".po",
    " .desktop",
]
_span_text = st.lists(st.sampled_from([*_SPAN_PIECES, "|", "a|b"]), max_size=8).map("".join)


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(_span_text, min_size=60, max_size=120))
def test_spans_of_many_joined_texts_are_each_texts_spans(texts):
    # Over many texts each pass runs only where its sign is: the same as text by text.
    assert clean("\x00".join(texts)) == "\x00".join(clean(text) for text in texts)


# Texts where a path may start one or two characters before its "/" (~/x, ../x, ./x),
# at a drive letter (C:\\), or not at all (a menu path, Audio\\/Video, a/b inside words).
_path_text = st.lists(
    st.sampled_from(["/", "~", ".", "..", "C:\\", ":", "\\", "a", "Ab", " ", "x/y", "\x00",
                     "\u2026", "_", "$", "*", "-", "é", "Ш", "/Menu", "/Über", "\n"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=examples(400), deadline=None)
@given(_path_text)
@example("a ../b ~/c ./d C:\\e\\f x/y /A/B")
def test_the_path_pass_tried_near_its_signs_removes_what_the_pattern_does(text):
    # _PATH is tried only at the two characters before each "/" or ":\\" and at the sign.
    want = spans._PATH.sub(" ", text)
    assert spans.sub_near(spans._PATH, " ", text, ("/", ":\\"), spans._PATH_REACH) == want


# Quoted capitalised phrases (names: "System Preferences", “Files and Folders”) among
# other quotes, in ASCII and in a text a typographic quote makes non-Latin-1.
_quoted_text = st.lists(
    st.sampled_from(['"', "\u201c", "\u201d", "\u201e", "Ab", "Cd", " ", "and", "of", "x", "\x00"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=examples(400), deadline=None)
@given(_quoted_text)
@example('a "System Preferences" and \u201eFiles and Folders\u201c "b"')
def test_quoted_names_marked_near_their_quotes_are_those_the_pattern_finds(text):
    quoted = source_match._QUOTED_NAME
    want = quoted.sub(source_match._mark_quoted, text)
    assert spans.sub_near(quoted, source_match._mark_quoted, text, source_match._QUOTES) == want


@settings(max_examples=examples(300), deadline=None)
@given(st.binary().map(lambda b: b.translate(bytes(b" a\x00\xc3-"[x % 5] for x in range(256)))))
@example(b" ab  c\x00 " * 20_000 + b"   ")  # past the default block of 64 KB
def test_a_key_has_every_run_of_spaces_as_two_spaces(data):
    want = re.sub(rb" +", b"  ", data)
    assert source_match._spaced(data) == want
    for block in (1, 2, 3, 7):  # block by block, cut anywhere: the same
        assert source_match._spaced(data, block) == want


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("abs xÉé-\nSı\x00")), max_size=12), min_size=1),
    st.text(alphabet=st.sampled_from(list("abs")), min_size=1, max_size=3),
)
def test_conventions_find_an_english_word_where_a_whole_word_search_does(msgids, word):
    # The word index of the compound conventions against the regular expression it replaced.
    whole = re.compile(rf"(?<![a-z]){word}s?(?![a-z])")
    wanted = [e for e, m in enumerate(msgids) if whole.search(m.casefold())]
    assert _Catalog(None, msgids, None, None).entries_with(word) == wanted
    asked = _Catalog(None, msgids, None, None)
    asked.asked = {word, "b"}  # an index of the words asked about only (an automaton's)
    assert asked.entries_with(word) == wanted
    block = conventions._BLOCK
    conventions._BLOCK = 3  # msgids indexed a few at a time, as in a big catalog
    try:
        assert _Catalog(None, msgids, None, None).entries_with(word) == wanted
    finally:
        conventions._BLOCK = block


# Messages where the name marker reads back into the message before ("file Window list
# item" is sentence case: is "Window" a name? Only if the word before it is lowercase,
# and that word may be the end of the previous message) and where a verb's test reads
# the previous message's last word (an article).
_NAMED_PIECES = ["abcd", "list", "item", "Window", "Windows", "Tab", "file", "File", "the",
                 "an", "Item", "open", "Open", "%s", "<b>", ",", ".", "\xad", "ë", "x"]  # fmt: skip
_named_text = st.lists(
    st.tuples(st.sampled_from(_NAMED_PIECES), st.sampled_from([" ", "", " ", "  "])), max_size=7
).map(lambda pieces: "".join(piece + gap for piece, gap in pieces))


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(_named_text, max_size=12), st.sampled_from(["noun", "verb", None]))
@example(["Open", "abcd Window file list"], "noun")  # Open: not a lowercase word before
@example(["open x", "abcd Window file list"], "noun")  # x: a lowercase word before
@example(["Open an", "File list"], "verb")  # "an file"? The verb is not after an article
def test_keys_of_the_texts_with_a_term_are_their_keys_in_the_whole_batch(texts, pos):
    # `SourceMatcher.kept`: only the texts that hold a pattern's word are keyed, with the
    # name marker's look-back answered over all the texts (and, with verbs, the text
    # before each kept). Same pairs, hits and keys as when every text is keyed.
    from moci_vocab.checkpo import source_match

    patterns, owners, kinds = [], [], []
    for index, term in enumerate(["window", "file", "list item", "tab", "Item"]):
        for key in english_variants(term, pos):
            patterns.append(key)
            owners.append(index)
            kinds.append(source_match.POS_KINDS.get(pos or "", 0))
    patterns.append(" open  file ")  # another sense: no concept
    owners.append(source_match.NOT_A_SENSE)
    kinds.append(0)
    matcher = SourceMatcher(patterns, owners, [], [], kinds)
    assert matcher.finder is not None and matcher.verbs == (pos == "verb")
    whole = SourceMatcher(patterns, owners, [], [], kinds)
    whole.finder = None  # every text keyed
    most = source_match._MOST
    source_match._MOST = 1.0  # keep only the texts with a word, however many
    try:
        assert matcher.kept(texts) is not None or not texts
        assert matcher.pairs(texts) == whole.pairs(texts)
        keys, hits = matcher.find_keyed(texts)
        all_keys, all_hits = whole.find_keyed(texts)
        assert hits == all_hits == whole.find_each(texts)
        with_hits = [i for i, found in enumerate(hits) if found]
        assert [keys[i] for i in with_hits] == [all_keys[i] for i in with_hits]
    finally:
        source_match._MOST = most


# Terms of a few words of a few letters (their plurals, hyphens and capitals make patterns
# that hold one another), and texts made of their words, other words and every kind of gap.
_TERM_WORDS = ["ab", "a", "b", "abs", "ba", "Ab", "İb", "ß", "é", "a-b", "b1"]
_term = st.lists(st.sampled_from(_TERM_WORDS), min_size=1, max_size=3).map(" ".join)
_term_text = st.lists(
    st.tuples(
        st.sampled_from([*_TERM_WORDS, "s", "AB", "the", "Press", "x\x00", "%s", "{a}"]),
        st.sampled_from([" ", "  ", "-", ". ", ", ", "", "\n"]),
    ),
    max_size=10,
).map(lambda pieces: "".join(piece + gap for piece, gap in pieces))


@pytest.mark.skipif(source_match._daachorse() is None, reason="daachorse is not installed")
@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(st.tuples(_term, st.sampled_from(["noun", "verb", None]), st.booleans()), max_size=8),
    st.lists(st.one_of(_term_text, _text), max_size=8),
)
@example([("ab", None, False), ("ab b", None, False), ("b", "noun", False)], ["ab b", "ab-b bs"])
def test_cached_automatons_find_what_ahocorasick_rs_finds(terms, texts):
    # The automatons kept in the compiled cache (daachorse's, read back from their bytes)
    # against ahocorasick_rs's, which every run built before: the same hits, keys and
    # pairs, for the terms' patterns (leftmost-longest), the case-sensitive ones and the
    # finder's words (the first hit found).
    import pickle

    tables: tuple[dict[str, int], dict[str, int]] = ({}, {})
    kinds: dict[str, int] = {}
    for index, (term, pos, cased) in enumerate(terms):
        for key in english_variants(term, pos, fold_case=not cased):
            tables[cased].setdefault(key, index)
            kinds.setdefault(key, source_match.POS_KINDS.get(pos or "", 0))
    keys, cased = tables
    args = (list(keys.values()), list(cased), list(cased.values()))
    kind_lists = ([kinds[k] for k in keys], [kinds[k] for k in cased])
    made = SourceMatcher(list(keys), args[0], *args[1:], *kind_lists)
    serialized = made.serialized()
    assert serialized is not None
    read = SourceMatcher(
        [], args[0], [], args[2], *kind_lists, automata=pickle.loads(pickle.dumps(serialized))
    )
    with patch.object(source_match, "_daachorse", lambda: None):
        built = SourceMatcher(list(keys), args[0], *args[1:], *kind_lists)
    assert built.serialized() is None or not (keys or cased)
    for matcher in (made, read):
        assert matcher.find_keyed(texts) == built.find_keyed(texts)
        assert matcher.pairs(texts) == built.pairs(texts)
        assert matcher.kept(texts) == built.kept(texts)


@pytest.mark.parametrize("letter", [0x10000, 0x100, 0x61])
def test_the_fallback_automaton_builds_the_longest_terms_in_bounded_time(letter):
    # Where daachorse is missing or refuses the patterns, ahocorasick_rs builds the automaton
    # on every run. Of up to 100 patterns it made a DFA, whose build grows with the bytes
    # times the byte classes: 100 terms as long as the loader takes, in four-byte letters,
    # took 1.2 s of CPU (one term of 250,000 letters: minutes); its NFA takes milliseconds.
    patterns = [(chr(letter + i) * MAX_TERM_CHARS).encode() for i in range(100)]
    with patch.object(source_match, "_daachorse", lambda: None):
        start = time.process_time()
        made = [source_match.automaton(patterns, longest) for longest in (True, False)]
        seconds = time.process_time() - start
    assert seconds < 0.5
    text = b"x " + patterns[7] + b" " + patterns[7][:-1] + b" y"
    for automaton in made:
        assert automaton.find(text) == [(2, 2 + len(patterns[7]), 7)]
    small = [b"ab", b"b", b"abc"]  # (a few short patterns still get the DFA)
    with patch.object(source_match, "_daachorse", lambda: None):
        assert source_match.automaton(small).find(b"abc ab") == [(0, 3, 2), (4, 6, 0)]


@pytest.mark.parametrize("size", [1, 2, 3, 70])
def test_a_pass_runs_on_each_text_that_holds_one_of_its_signs(size):
    # Each pass runs only on the texts holding one of its signs, found sign by sign with
    # the string's own search: a sign first, last or alone in a text, two signs in one.
    texts = ["see /usr/bin", "www.x.org", "a /b c:\\d", "x@y.org", "Ctrl+S", "a|b", "/p"]
    texts = (texts * size)[: max(size, len(texts))]
    assert clean("\x00".join(texts)) == "\x00".join(clean(text) for text in texts)
    assert clean("\x00".join(texts)).split("\x00")[0] == "see  "


_PROBE = st.text(alphabet="abë ıİ\u0307ß", min_size=1, max_size=4)


@pytest.mark.skipif(source_match._daachorse() is None, reason="daachorse is not installed")
@settings(max_examples=examples(400), deadline=None)
@given(st.lists(_PROBE, min_size=1, max_size=8, unique=True), st.text(alphabet="abë ıİ\u0307ßx"))
@example(["ab", "b", "abë"], "xabëb ab")
def test_the_standard_automaton_on_utf8_finds_what_ahocorasick_rs_finds_in_the_text(probes, text):
    # `FileCheck.stand_ins` and the conventions' word index search with the source
    # matcher's automaton (daachorse's) over UTF-8, where they used ahocorasick_rs over
    # the text: the same probes (the first found, not overlapping), and the same words in
    # the same order (overlapping ones, by their ends), in both libraries.
    import ahocorasick_rs

    data = text.encode()
    rs = ahocorasick_rs.AhoCorasick(probes).find_matches_as_strings(text)
    made = [source_match.automaton([p.encode() for p in probes], longest=False)]
    with patch.object(source_match, "_daachorse", lambda: None):
        made.append(source_match.automaton([p.encode() for p in probes], longest=False))
    for finder in made:
        assert [probes[p] for _s, _e, p in finder.find(data)] == rs
    words = sorted({w for w in text.split() if w.isascii() and w.isalpha()})
    if words:
        keys = [f" {w} ".encode() for w in words]
        spaced = b" " + data + b" "
        old = ahocorasick_rs.BytesAhoCorasick(keys).find_matches_as_indexes(spaced, True)
        for finder in (
            source_match.automaton(keys, longest=False),
            source_match._RsAutomaton(keys, longest=False),
        ):
            assert finder.find_overlapping(spaced) == [(s, e, p) for p, s, e in old]
