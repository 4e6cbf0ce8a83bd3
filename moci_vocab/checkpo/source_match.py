"""Finding the glossary's source (English) terms in a msgid: one Aho-Corasick pass.

Text and patterns are reduced to the same key: NFC, casefolded, placeholders
and markup removed, every run of non-letters (spaces, hyphens, apostrophes)
turned into a word gap, padded with a space at both ends. A pattern is
" cultural  centre ", so the automaton itself enforces word boundaries
("form" is not found in "format") and "South-Caucasus" meets "south
caucasus". Every English term contributes its plural and spelling variants
("reconciliations", "cultural centers"). The automaton runs leftmost-longest:
a term that covers another starts at or before it and is longer, so
"European Network of Cultural Centres" wins over "cultural centre" inside it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import accumulate, product

from moci_vocab.checkpo.mnemonics import any_out, unglued
from moci_vocab.checkpo.spans import clean, strip_spans, sub_near, visible

# Kept for callers of the old names: the non-text spans are spans.py's answer.
strip_placeholders = strip_spans

# A capitalised word inside a sentence-case message is a name ("use Windows",
# "the Tab key", "Press Tab"): it is marked with this letter, so that it meets
# only terms written with a capital (names), never a lowercase common noun.
NAME_MARK = "\x01"
# Where a sentence ends (". ", "? ", a line break …), the key has this word: no term
# spans it, and part-of-speech rules see a sentence's first word.
SENTENCE = " \x02 "
_SENTENCE_ENDS = (". ", "! ", "? ", ": ", "; ", "\n", "\u2026 ", "\u3002")
# The capitalised words `_mark_names` may mark: after a space or inside a run of letters
# (a name phrase), or before a space and what may be a capital; the others stay as they
# are (the sentence's first word …), without a call per word.
# (The capital first: the regex engine then skips fast to the next one.)
_MAYBE_NAME = re.compile(
    r"[A-Z](?:(?<=[ A-Za-z].)|(?=[a-z]+\b [^a-z\d\s\x00-\x40\[-`{-\x7f]))[a-z]+\b"
)
# Two or more capitalised words that run on into a lowercase word are a name ("Open Sound
# System audio output", "System V shared memory"): a title-case label would capitalise
# that word too (its small words, which stay lowercase, do not count) ...
_NAME_RUN = re.compile(
    r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)+"
    r"(?= (?!(?:with|from|into|over|onto|upon|than|like|near|past|till)\b)[a-z]{4,})"
)
# ... and so are capitalised words in quotes ("System Preferences", "Files and Folders").
_QUOTED_NAME = re.compile(
    r'(["\u201c\u201e])([A-Z][a-z]*(?: (?:[A-Z][a-z]*|and|or|of|&))+)(?=["\u201d\u201c])'
)
_QUOTES = ('"', "\u201c", "\u201e")  # where a _QUOTED_NAME starts
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}")
_UPPER_WORD = re.compile(r"\b[A-Z][a-z]{3,}")


def source_key(text: str, fold_case: bool = True, names: bool = True) -> str:
    """The matching key of a text: ' word  word … ' (casefolded unless told not to).

    Words are joined by two spaces and the key is padded with one: a pattern
    ' word ' then takes one space on each side, so that the next word's pattern
    still finds its own space (the automaton's hits do not overlap). Hyphens,
    underscores and dots between letters stay inside a word (``user-friendly``,
    ``USER_NOT_FOUND``, ``file.txt`` are one word each); ``names`` marks the
    capitalised names of a sentence (see NAME_MARK).
    """
    return joined_key([text], fold_case, names).decode("utf-8")


def _mark_names(text: str, lookback: Callable[[int], bool] | None = None) -> str:
    """Mark capitalised words used as names in sentence-case messages (NUL-joined).

    A key's name (the Tab key, Press Tab) always; any other capitalised word
    after a lowercase word, not followed by another capitalised word, when most
    words of its message are lowercase. The previous word is read back to the
    last space, which may be in an earlier message (``lookback``: see `joined_key`).
    """
    sentence_case: dict[int, bool] = {}
    run_end = -1  # where the name phrase (_NAME_RUN) the last words belong to ends
    # Whether the last word this was asked about is of a run of capitalised words from which
    # _NAME_RUN failed, and where that word ends: the pattern fails from each later word of
    # the run too (their ends are some of that word's), so it is not tried again there (from
    # every word of a long run it read the rest: quadratic; review DEFECT 2 of the thirteenth
    # session). Only the text between two asked words is read for it: once in all.
    failed = False
    last_end = -1
    # How many NULs come before ``counted`` (the last word the look-back was asked for): the
    # next one's are counted from there (the words come in order), not every NUL of the
    # text found first (a chunk's thousands, for a few dozen look-backs: 15 M instructions
    # on the real 15.8k-entry case).
    counted = nuls = 0

    def mark(match: re.Match) -> str:
        nonlocal run_end, failed, last_end, counted, nuls
        word = match.group()
        start, end = match.span()
        in_failed, failed = failed, False
        before, last_end = last_end, end
        if start < run_end:
            return NAME_MARK + word
        if (
            text[end : end + 1] == " "
            and text[end + 1 : end + 2].isupper()
            and (start == 0 or not (text[start - 1].isalpha() or text[start - 1] == NAME_MARK))
        ):
            if in_failed and _in_one_run(text, before, start):
                failed = True  # (a later word of the run it failed from)
            else:
                run = _NAME_RUN.match(text, start)
                if run is None:
                    failed = True
                elif _is_name_run(text, start, run.group()):
                    run_end = run.end()
                    return NAME_MARK + word
        if start < 2 or text[start - 1] != " ":
            return word
        after = text[end : end + 4]
        if after in (" key", " Key") or text[start - 6 : start] in ("Press ", "press "):
            return NAME_MARK + word
        if after[:1] == " " and after[1:2].isupper():
            return word  # part of a capitalised phrase (the Culture of Solidarity)
        before = text[start - 2]
        if before == ",":
            before = text[start - 3 : start - 2]
        if not ("a" <= before <= "z"):
            return word
        # The previous word must begin with a lowercase letter: it may be in an earlier
        # message, which the batch may have left out (then asked last: it costs most).
        head = text.rfind(" ", 0, start - 1) + 1
        first = text.rfind("\x00", 0, start) + 1 if lookback is not None else -1
        asked = head <= first
        if not asked and not ("a" <= text[head] <= "z"):
            return word
        if first < 0:
            first = text.rfind("\x00", 0, start) + 1
        if first not in sentence_case:
            last = text.find("\x00", start)
            sentence_case[first] = _mostly_lowercase(text, first, last if last >= 0 else len(text))
        if not sentence_case[first]:
            return word
        if asked:
            nuls += text.count("\x00", counted, start)
            counted = start
            if not lookback(nuls):  # type: ignore[misc]
                return word
        return NAME_MARK + word

    if '"' in text or "\u201c" in text or "\u201e" in text:
        text = sub_near(_QUOTED_NAME, _mark_quoted, text, _QUOTES)
    return _MAYBE_NAME.sub(mark, text)


# An ASCII message's characters as `_mostly_lowercase` reads them: a-z → a, A-Z → A,
# digits and _ → w (word characters, as regex's \w), anything else → space.
_WORD_CLASSES = bytes(
    ord("a") if 97 <= b <= 122 else ord("A") if 65 <= b <= 90 else
    ord("w") if 48 <= b <= 57 or b == 95 else 32
    for b in range(256)
)  # fmt: skip


def _mostly_lowercase(text: str, first: int, last: int) -> bool:
    """Does text[first:last] have more lowercase words (`_LOWER_WORD`) than capitalised
    ones (`_UPPER_WORD`)? An ASCII message is counted with two `bytes.count` calls."""
    part = text[first:last]
    if part.isascii():  # a word of the regexes starts after a non-word character
        classes = b" " + part.encode("ascii").translate(_WORD_CLASSES)
        return classes.count(b" aaaa") > classes.count(b" Aaaa")
    lower = len(_LOWER_WORD.findall(text, first, last))
    return lower > len(_UPPER_WORD.findall(text, first, last))


def _in_one_run(text: str, end: int, start: int) -> bool:
    """Is text[end:start], between two words, only single spaces and words of capitals and
    letters (`_NAME_RUN`'s: "Aa V Bb"), so that both words are of one run?"""
    gap = text[end:start]
    if gap == " ":
        return True
    if gap[:1] != " " or gap[-1:] != " " or "  " in gap:
        return False
    return all(w[:1].isupper() and w.isascii() and w.isalpha() for w in gap[1:-1].split(" "))


def _is_name_run(text: str, start: int, run: str) -> bool:
    """Is a run of capitalised words a name? At a sentence's start only when it is long or
    has an all-capital word (Open Sound System, System V): two capitalised words there may
    be a loosely capitalised label (Live Playback delay)."""
    before = text[max(0, start - 4) : start].rstrip(" ")  # a few letters: no copies
    at_start = not before or before[-1] in "\x00\n.!?:;"
    return not at_start or run.count(" ") >= 2 or any(w.isupper() for w in run.split())


def _mark_quoted(match: re.Match) -> str:
    """Every capitalised word of a quoted name phrase marked (NAME_MARK)."""
    return match.group(1) + _CAPITAL_WORD.sub(NAME_MARK + r"\g<0>", match.group(2))


# --- English variants -------------------------------------------------------------

_IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "criterion": "criteria",
    "medium": "media",
    "datum": "data",
    "analysis": "analyses",
    "life": "lives",
    "leaf": "leaves",
}
# British/American spellings read alike (the glossary writes British English).
_SPELLING = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("our", "or"),
    ("ours", "ors"),
    ("yse", "yze"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("mme", "m"),
)


def plurals(word: str) -> set[str]:
    """English plural forms of a noun (regular rules, a few irregular ones)."""
    forms = {word + "s"}
    if word in _IRREGULAR_PLURALS:
        forms.add(_IRREGULAR_PLURALS[word])
    for singular, plural in _IRREGULAR_PLURALS.items():
        if word.endswith(singular) and len(word) > len(singular) + 2:
            forms.add(word[: -len(singular)] + plural)
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    return forms


def verb_forms(word: str) -> set[str]:
    """The regular English verb forms of ``word`` (-s, -ed, -ing)."""
    stem = word[:-1] if word.endswith("e") else word
    return {word + "s", stem + "ed", stem + "ing", word + "d" if word.endswith("e") else ""} - {""}


def spellings(word: str) -> set[str]:
    """``word`` and its American spellings of British endings (-ise → -ize, …)."""
    forms = {word}
    for british, american in _SPELLING:
        if word.endswith(british) and len(word) > len(british) + 2:
            forms.add(word[: -len(british)] + american)
    return forms


# Parts of speech whose English word has no plural form of its own.
_NO_PLURAL = ("properNoun", "adjective", "adverb")


def english_variants(term: str, pos: str | None = None, fold_case: bool = True) -> set[str]:
    """Keys under which a source term is found: itself, plurals, spelling variants.

    Hyphen and space alike (``add-ons`` = ``add ons`` = ``addons``; ``South
    Caucasus`` = ``South-Caucasus``); a term written with a capital also meets
    the marked names of a sentence (NAME_MARK). An English adjective or adverb has
    no plural: a ``pos: adjective`` *second* (the ordinal) is not "seconds" (the unit
    of time), nor *liquid* "liquids".
    """
    words = source_key(term, fold_case, names=False).split()
    if not words:
        return set()
    # The head noun is the last word, or the word before "of" ("Centres of Culture").
    heads = {len(words) - 1}
    if "of" in words[1:]:
        heads.add(words.index("of", 1) - 1)
    choices: list[set[str]] = []
    for i, word in enumerate(words):
        options = spellings(word)
        if i in heads and pos not in _NO_PLURAL and len(word) > 2:
            for form in list(options):
                options |= plurals(form)
                if pos == "verb":
                    options |= verb_forms(form)
        choices.append(options)
    if len(words) > 6:  # long names: no combinatorial explosion, only the forms as written
        choices = [{w} for w in words]
    keys: set[str] = set()
    for combo in product(*choices):
        key = "  ".join(combo)
        keys.add(key)
        if "-" in key:
            keys.add(key.replace("-", "  "))
            if len(combo) == 1:
                keys.add(key.replace("-", ""))
        elif 1 < len(combo) <= 3:
            keys.add("-".join(combo))
    marks = ("", NAME_MARK) if term[:1].isupper() else ("",)
    found = {f" {mark}{key} " for key in keys for mark in marks}
    capitals = [w[:1].isupper() for w in term.split()]
    if len(capitals) > 1 and sum(capitals) > 1 and capitals[0]:
        # a name phrase of the text has every capitalised word marked (_mark_all)
        spaced = [k for k in keys if k.count("  ") == len(capitals) - 1]
        for key in spaced:
            parts = key.split("  ")
            marked = [NAME_MARK + p if cap else p for p, cap in zip(parts, capitals, strict=True)]
            found.add(" " + "  ".join(marked) + " ")
    return found


# --- Matching --------------------------------------------------------------------------

# The keys of many texts are made in one go, over the texts joined by NUL (a
# "word" no pattern contains, so no hit spans two texts).
_NON_ASCII_NON_WORD = re.compile(r"[^\w\x00-\x7f]")
_HYPHENS = ("\u2010", "\u2011")  # hyphen, non-breaking hyphen
# ASCII letters, digits, NUL, NAME_MARK, SENTENCE and the joiners - _ . stay; every other ASCII byte
# becomes a space (UTF-8 bytes of other letters are >= 0x80 and stay too). So do "%" and "=",
# which glue a word to them into code no term matches: what spans.py leaves of a %word%
# placeholder (Thunderbird's chat log "%time% - %sender%: %message%": the word after the
# "%") and a key=value field's key (Claws Mail's "[id=%d, name='%s']", its placeholder
# taken away: "name=''", the word before the "="); `_words_of` frees the word on their
# other side. (Not joiners: a run of them at a word's edge is not taken away, `_LOOSE`.)
_ASCII_WORDS = bytes(
    b if b >= 0x80 or b in (0, 1, 2) or chr(b).isalnum() or chr(b) in "-_.%=" else 0x20
    for b in range(256)
)


# A run of joiners ("-", "...") with a space or NUL on either side: it is not inside a
# word, and becomes a space ("file...", "- item", "a -- b"). It is matched from its
# first joiner only (each run read once, however long); a joiner first in the pattern,
# so that the regex engine skips fast to the next one. A word glued to a leading hyphen
# after a space goes with it: no prose but an option (-v) or the suffix of a list's
# e-mail addresses (Postorius' "the -owner address", "<em>-request/-owner</em>"), as
# --window is (spans.py); not a number (-1), nor at a text's start (after its NUL, or
# the one `joined_key` puts before the first text: keyed together or alone, the same).
_LOOSE = re.compile(
    rb"[-_.](?<![-_.].)"
    rb"(?:(?<= -)[a-z\x01\x80-\xff][^ \x00]*|(?<=[ \x00].)[-_.]*|[-_.]*+(?=[ \x00]))"
)


def _prepared(text: str) -> str:
    """A text (or NUL-joined texts) as the name marker reads it: cleaned, hyphens as
    "-", mnemonics inside words out (Re&name), no NAME_MARK or sentence mark of its own."""
    if "&" in text:  # a spaced ampersand is "and" ("Erase & format": coordination)
        text = text.replace(" & ", " and ").replace(" &amp; ", " and ")
    text = unglued(clean(text))
    for hyphen in _HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, "-")
    for mark in (NAME_MARK, "\x02"):
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _lookback(texts: list[str], kept: list[int]) -> Callable[[int], bool]:
    """`joined_key`'s look-back for the batch of ``texts[i] for i in kept``: whether the
    name marker, reading back from the n-th of them over all the texts, finds a word
    that begins with a lowercase letter (after the last space before it, or else at
    the very first character)."""

    def lowercase(n: int) -> bool:
        for k in range(kept[n] - 1, -1, -1):
            text = _prepared(texts[k])
            space = text.rfind(" ")
            if space >= 0:
                return "a" <= text[space + 1 : space + 2] <= "z"  # "" at the end: a NUL
        return "a" <= _prepared(texts[0])[:1] <= "z"

    return lowercase


def joined_key(
    texts: list[str],
    fold_case: bool = True,
    names: bool = True,
    lookback: Callable[[int], bool] | None = None,
) -> bytes:
    """The keys of all texts (as `source_key`), UTF-8, separated by NUL words.

    Text i is the part between the i-th and the (i+1)-th NUL. Whole-text string
    operations instead of one regex substitution per text: several times faster
    on a large catalog. A text's key depends on the text before it only through
    the name marker's look-back (`_mark_names`); ``lookback(n)``, for texts that are
    some of a batch (the others left out), answers it for the n-th text as the whole
    batch would (see `SourceMatcher.kept`).
    """
    text = "\x00".join(texts)
    if text.count("\x00") != max(0, len(texts) - 1):  # a NUL inside a text: one by one
        return b"\x00".join(joined_key([t.replace("\x00", " ")], fold_case, names) for t in texts)
    text = _prepared(text)
    if names:
        text = _mark_names(text, lookback)
    # (a NUL before the first text, as before each other one: see _LOOSE)
    data = b"\x00" + _word_bytes(text, fold_case) + b" "
    # (One space for a run of joiners: the runs of spaces become one below.)
    data = _LOOSE.sub(b" ", data)[1:-1]
    # Words two spaces apart (a pattern takes one on each side, and hits do not
    # overlap), and a space on each side of every NUL.
    return b" " + _spaced(data).replace(b"\x00", b" \x00 ") + b" "


def _word_bytes(text: str, fold_case: bool) -> bytes:
    """`_words_of` each NUL-separated text: the texts that are all ASCII together, the
    others apart (one non-ASCII character makes every step over a whole catalog's text
    several times slower: casefold letter by letter, the non-ASCII pass at every one)."""
    if text.isascii():
        return _words_of(text, fold_case)
    parts = text.split("\x00")
    plain = [i for i, part in enumerate(parts) if part.isascii()]
    if not plain:
        return _words_of(text, fold_case)
    other = [i for i, part in enumerate(parts) if not part.isascii()]
    found: list[bytes] = parts  # type: ignore[assignment]  # each part replaced below
    for group in (plain, other):
        words = _words_of("\x00".join([parts[i] for i in group]), fold_case).split(b"\x00")
        for i, part in zip(group, words, strict=True):
            found[i] = part
    return b"\x00".join(found)


def _words_of(text: str, fold_case: bool) -> bytes:
    """A text's (or NUL-separated texts') words as UTF-8: sentence ends marked (SENTENCE),
    casefolded unless told not to, every other character but a letter, a digit, the
    joiners - _ . and the marks a space. Each text's part depends on that text only."""
    for end in _SENTENCE_ENDS:
        if end[0] in text and end in text:  # a letter's scan is much faster than a pair's
            text = text.replace(end, SENTENCE)
    if fold_case:
        text = text.casefold()
    if not text.isascii():
        text = _NON_ASCII_NON_WORD.sub(" ", text)
    data = text.encode("utf-8").translate(_ASCII_WORDS)
    # "%" and "=" glue only the word on one side (`_ASCII_WORDS`): a placeholder's name
    # after "%", a field's key before "="; the word on the other side stays free (a value,
    # "0=no, 1=yes"; a word after a code, XChat's "reached%O", "%p=Password").
    # (A byte's value looked for, not a bytes object: `bytes in bytes` first tries the
    # right side as an integer and formats the TypeError it then drops, ~1,800
    # instructions a test.)
    if _PERCENT in data:
        data = data.replace(b"%", b" %")
    if _EQUALS in data:
        data = data.replace(b"=", b"= ")
    return data


_PERCENT, _EQUALS = ord("%"), ord("=")


def _spaced(data: bytes, block: int = 1 << 16) -> bytes:
    """``data`` with every run of spaces (its only whitespace) made two spaces, a block of
    about ``block`` bytes at a time, cut after a run of spaces: a whole catalog's words
    (some 200,000 bytes objects at once) would raise the memory a check touches by ~20 MB,
    each page a fault (the generated 15,000-entry case: 5,500 faults more)."""
    if len(data) <= block:
        return _spaced_block(data)
    pieces, start, size = [], 0, len(data)
    while start < size:
        cut = data.find(b" ", start + block)
        if cut < 0:
            cut = size
        else:
            after = _NOT_SPACE.search(data, cut)
            cut = size if after is None else after.start()
        pieces.append(_spaced_block(data[start:cut]))
        start = cut
    return b"".join(pieces)


_NOT_SPACE = re.compile(rb"[^ ]")


def _spaced_block(data: bytes) -> bytes:
    """`_spaced` of one block."""
    words = data.split()  # (a NUL is not whitespace: it stays inside a word)
    if not words:
        return b"  " if data else b""
    spaced = b"  ".join(words)
    if data[:1] == b" ":
        spaced = b"  " + spaced
    if data[-1:] == b" ":
        spaced += b"  "
    return spaced


# Parts of speech a source term may be restricted to (Term.pos), per pattern.
ANY, NOUN, VERB = 0, 1, 2
POS_KINDS = {"noun": NOUN, "verb": VERB}
# A pattern owned by no concept: a phrase where a term's word has another sense
# (Concept.not_senses); it wins over the term by being longer, and is then dropped.
NOT_A_SENSE = -1

_EDGES = {b"", b"\x00", SENTENCE.strip().encode()}
_DETERMINERS = set(
    b"the a an this these those your my our their his her its it them me us you him "
    b"all any some every each another".split()
)
# (not "let", "lets": their object comes first, a noun: "Lets users select gadgets")
_MODALS = set(b"can will please must may should could would cannot shall might".split())
_NEGATED = set(b"don doesn didn can won couldn shouldn wouldn mustn".split())
# A noun is not wanted after these: a modal, a negation written without its apostrophe, or
# a subject pronoun ("we sent", "they link": a noun never follows one).
_BEFORE_A_VERB = _MODALS | {b"dont", b"cant", b"wont", b"we", b"they", b"who"}
# Nor after "not" after these: a modal or "do" ("Could not change credentials", "does not
# exist": the verb).
_BEFORE_NOT = _MODALS | {b"do", b"does", b"did"}
# After "to", a verb follows these words (unable to update); else "to" is a
# preposition (save to file).
_TO_VERB = set(
    b"want wants need needs how able unable going like try trying wish failed fails "
    b"allow allows used about order ready tried attempting attempt continue learn learns "
    # a question word ("where to download"); adjectives of ease or leave ("easy to install",
    # "OK to upload?"); the
    # input actions of a purpose clause ("Tap to download", "Click to mail %s")
    b"learning where what when whether easy hard difficult possible impossible necessary "
    b"ok okay safe "
    b"tap click press swipe touch".split()
)
# After "to", a verb follows these nouns where the word after "to" has a word after it
# ("Select this option to list folders"; not "Options to Defaults", "Add option to toolbar").
_TO_VERB_WITH_OBJECT = {b"option", b"options"}
# "You" is the subject, and a verb follows it, where it opens a clause: at the start, after a
# conjunction or an auxiliary ("How do you move pieces?", "when you move or capture", "the
# mail that you sent"); after a verb it is the object, and a noun may follow ("gives you
# access").
_BEFORE_SUBJECT_YOU = _EDGES | set(
    b"when whenever if once after before until unless where as that so how what why then "
    b"while because do does did can could will would".split()
)
# The words whose own word before them tells that a verb follows, and those words: t
# (couldn't), to, not, you.
_BEFORE_ITS_VERB = {
    b"t": _NEGATED,
    b"to": _TO_VERB,
    b"not": _BEFORE_NOT,
    b"you": _BEFORE_SUBJECT_YOU,
    b"which": set(),  # (after a plural noun: `fits_pos`)
}
# An adverb in -ly modifies a verb (or an adjective), never a noun: a noun term right after
# one opening a sentence is the imperative ("Publicly list follows", "Automatically
# update"). Not before a term in -ed (an adverb modifies a participle too: "the currently
# selected date", a glossary's *selected* is that adjective), nor inside a sentence, where a
# placeholder taken out of the text may stand between them ("There is currently %(count)s
# service installed"). The adverbs that open commands, listed (not every word in -ly: the
# adjectives daily, weekly, early, only, friendly; family, assembly, reply), and looked up
# with the modals: a hit pays nothing more.
_ADVERBS = set(
    b"automatically manually publicly privately permanently temporarily immediately quickly "
    b"silently securely safely completely partially fully recursively directly explicitly "
    b"globally locally remotely randomly optionally properly correctly continuously "
    b"periodically regularly repeatedly instantly gradually smoothly forcibly forcefully "
    b"interactively selectively individually separately alphabetically briefly carefully "
    b"slowly quietly asynchronously synchronously conditionally unconditionally dynamically "
    b"statically simply easily".split()
)
# "Never" and "always" stand before a verb, never before a noun ("Slides never change
# automatically", "a file that never changes", "Always update"). Not after a determiner,
# where the adverb is named ("the always option"), nor before a term in -ed, a participle
# ("never used files"). (Not the other adverbs of frequency: opening a clause, after a
# comma the key does not keep, they may stand before its subject: "…, usually field
# content", "but often files are lost".)
_FREQUENCY = {b"never", b"always"}
_BE = set(b"is are was were be been being am isnt arent wasnt werent".split())
# Adverbs between a modal and its verb ("You can also update", "can only link"), and those
# between "to" and its verb ("to also update"; not "to first page", "to only files").
_MID_ADVERBS = set(b"also still just even then now only".split())
_MID_AFTER_TO = set(b"also still just even".split())
_VERB_SIGNS = _BEFORE_A_VERB | _ADVERBS | _FREQUENCY | _MID_ADVERBS
# The words before such an adverb that make the word after it a verb (a modal, "to": "must
# explicitly type", "to automatically name"; "to" takes no adverb as a preposition, and the
# adverbs above modify no adjective before a noun).
_BEFORE_AN_ADVERB = _BEFORE_A_VERB | {b"to"}
_AFTER_IMPERATIVE = set(
    b"now again here later anyway automatically manually instead from with as using into for"
    b" by".split()
)
# The participles and adjectives that say which of its objects an imperative takes (English
# usage data): the ones chosen, marked or found so.
_CHOSEN = set(
    b"selected marked checked unchecked highlighted tagged flagged starred quoted chosen "
    # adjectives that come before a noun, never after one in a noun phrase ("Post new Idea",
    # "Link new device": no noun takes "new" after it)
    b"new existing".split()
)
# What follows a participle that ends a clause of its own ("File saved to disk", "Image
# copied and resized"): prepositions, conjunctions, auxiliaries and adverbs (besides those
# in -ly).
_AFTER_PARTICIPLE = set(
    b"to from in on at by with for of as into onto over under after before since until via "
    b"through during without within across about against between behind beyond per than "
    b"and or but nor so yet then because while when whenever if unless though although "
    b"is are was were be been being has have had will would can could shall should may "
    b"might must do does did not now again here there already instead later anyway too also "
    b"only just still ok please once twice today tonight yesterday tomorrow always never ever "
    b"often sometimes out up off down away back".split()
)
_IMPERATIVE_CUES = _AFTER_IMPERATIVE | _CHOSEN
_ARTICLES = {b"a", b"an", b"the"}
# The words after which a word is a noun: a determiner, "whose" (the possessive
# determiner of a relative clause: "the radio action whose group this action belongs to")
# and "of", which takes a noun, never a verb ("what kind of window this is"); not the object
# pronouns, which follow a verb.
_NOUN_MARKERS = (_DETERMINERS - {b"it", b"them", b"me", b"us", b"you", b"him"}) | {
    b"that",
    b"no",
    b"whose",
    b"of",
    # quantifiers that take a plural noun, never a verb ("how many visits your site gets")
    *b"many few several both various multiple".split(),
}
# "You" after a noun opens its reduced relative clause ("the password you entered") or, the
# comma gone from the key, the next clause ("On a Linux server, you can …"); a verb takes it
# as its object after an edge, a verb sign or a conjunction ("Contact you", "will email
# you", "and remind you"): `fits_pos`. (No other subject pronoun is a determiner.)
_SUBJECTS = {b"you"}
_WH = {b"which", b"what"}
# Subjects of a verb in -s that are no determiner of a noun: a third person's pronoun and
# the indefinite pronouns of persons ("it defaults to", "when somebody posts to this
# topic"; a plural noun never follows them).
_THIRD_SUBJECTS = set(
    b"it he she someone somebody anyone anybody everyone everybody nobody".split()
)
# Verbs that take two objects, a pronoun the first ("Give it updates").
_TWO_OBJECTS = set(
    b"give gives gave send sends sent show shows showed offer offers grant grants granted "
    b"tell tells told bring brings brought pass passes hand hands email emails".split()
)
# Verbs whose bare and -s forms are no noun (English usage data): a word coordinated with
# one by "and" or "or" is a verb too ("Restart and update", "Add and comment new ideas",
# "allows you to save and share bookmarks", "To add or change translations").
_ONLY_VERBS = set(
    b"add adds allow allows apply applies cancel cancels choose chooses configure configures "
    b"create creates delete deletes disable disables enable enables erase erases hide hides "
    b"ignore ignores "
    b"install installs manage manages modify modifies paste pastes receive receives reload "
    b"reloads remove removes rename renames restart restarts restore restores retry retries "
    b"save saves select selects send sends submit submits uninstall uninstalls verify "
    b"verifies".split()
)
_AND_OR = {b"and", b"or"}
# Words in -ing that are adjectives after "be", no progressive ("A section is missing").
_ING_ADJECTIVES = set(b"missing pending remaining existing outstanding".split())
# What "be" follows where a noun phrase, not a verb, comes after it.
_PRESENTING = set(b"there here these those".split())
# The words before a hit that `_verb_in_clause` reads: what may make it a verb whatever
# its own word is (one set lookup for every hit).
_CLAUSE_CUES = _THIRD_SUBJECTS | _BE | _AND_OR
# Verbs that take an object and a bare infinitive ("helps you find", "lets you choose").
_BARE_INFINITIVE_VERBS = set(
    b"help helps helped let lets make makes made have has had see sees saw watch watches "
    b"watched hear hears heard".split()
)
_CLAUSE_SUBJECTS = set(b"your my our their his her its each every".split())
_BEFORE_WH = set(
    b"see sees shows show choose chooses select selects tell tells decide decides know knows "
    b"find out learn check determine specify from of in on at to for by with about into".split()
)
_BEFORE_OBJECT_YOU = _EDGES | _VERB_SIGNS | {b"to", b"and", b"or", b"not", b"t", b"ll", b"d"}
# ... and only where a verb follows "you" (its clause's): not where "you" ends the clause,
# an object, a preposition, a conjunction or an adverb follows ("someone mentions you in a
# post", "email you a link", "message you about offers", "messages you anymore").
_AFTER_OBJECT_YOU = set(
    b"a an the this these those your my our their his her its all any some every each another "
    b"about on in at for with from by of to into onto over under after before since until via "
    b"when whenever if unless once while as and or but so than because where "
    b"up out back here there now again anymore soon later today too also directly".split()
)


def _clause_after(after: list[bytes]) -> bool:
    """Does a word that may be a verb follow the "you" that ``after`` (what follows a hit,
    split once) starts with (not the end, a number, nor one of _AFTER_OBJECT_YOU)?"""
    more = after[1].split(None, 1)[:1] if len(after) > 1 else []
    return bool(more) and more[0].isalpha() and more[0] not in _AFTER_OBJECT_YOU


def _verb_after(key: bytes, start: int, end: int, before: list[bytes], prev: bytes) -> bool:
    """Does ``prev`` (one of _VERB_SIGNS, the word before the hit at key[start:end]) make
    the hit a verb? ``before``: the text before the hit, split off its last word."""
    if prev in _BEFORE_A_VERB:
        return True
    if prev in _MID_ADVERBS:
        second = before[0].rsplit(None, 1)[-1:] if len(before) > 1 else []
        return bool(second) and (
            second[0] in _BEFORE_A_VERB or (second[0] == b"to" and prev in _MID_AFTER_TO)
        )
    if key[start:end].strip().endswith(b"ed"):
        return False  # a participle, which an adverb modifies too
    ahead = before[0].rsplit(None, 1)[-1:] if len(before) > 1 else []
    second = ahead[0] if ahead else b""  # (the word before the adverb; b"": an edge)
    if prev in _FREQUENCY:  # (after a form of "be" a predicate follows: "are always updates")
        return second == b"that" or not (second in _NOUN_MARKERS or second in _BE)
    return second in _EDGES or second in _BEFORE_AN_ADVERB


def _verb_in_clause(
    key: bytes, start: int, end: int, before: list[bytes], prev: bytes, nxt: bytes
) -> bool:
    """Does its clause make the hit at key[start:end] a verb, ``prev`` (one of
    _CLAUSE_CUES) the word before it and ``nxt`` the word after: coordinated with a verb
    that is no noun or with a verb, in the same form ("Restart and update", "adds and
    updates", "Want to share and comment?"), an -ing form after "be" (a progressive: "a
    session is requesting keys", "the proposals they are following") or a form in -s after
    a subject pronoun ("it defaults to", "when somebody posts")? (Not a form in -s ending a
    clause that "when" opens, "Notify me when %s posts": the key keeps no trace of the
    placeholder, and "Show only when messages" has none.)"""
    if prev in _AND_OR:
        # (in the same form: coordinated verbs agree; "pages I create and files I upload"
        # are two noun phrases)
        first = before[0].rsplit(None, 1)[-1:] if len(before) > 1 else []
        if not first or _third_person(first[0]) != _third_person(key[start:end]):
            return False
        if first[0] in _ONLY_VERBS:
            return True
        # ... or with a word that stands where a verb does ("Want to share and comment?",
        # "You can download or update it"), where what follows the word is a verb's (an
        # object's determiner, a particle, the end: not "apps may stutter and data
        # transfers may take long", a clause of its own): the key's words are two spaces
        # apart (a word the 40 bytes read cut short is not read)
        # One level only: a first word that is itself coordinated is not read on ("Want
        # update and update and …": each level read the one before, and 500 of them went
        # past Python's recursion limit).
        words = before[0].rsplit(None, 2)
        if len(words) > 1 and words[-2] in _AND_OR:
            return False
        first_end = start - len(prev) - 2
        first_start = first_end - len(first[0]) - 2
        return (
            (nxt in _AFTER_SUBJECT_VERB or nxt.isdigit())
            and first_start >= 0
            and key[first_start : first_start + 1] == b" "
            and key[first_start:first_end].strip() == first[0]
            and not fits_pos(key, first_start, first_end, NOUN)
        )
    if prev in _BE:
        # (not after "there", "these" …: a noun phrase follows them, "There are recording
        # rooms free", "These are setting files")
        subject = before[0].rsplit(None, 1)[-1:] if len(before) > 1 else []
        word = key[start:end].strip()
        return (
            word.endswith(b"ing")
            and word not in _ING_ADJECTIVES
            and not (subject and subject[0] in _PRESENTING)
        )
    if not _third_person(key[start:end]):
        return False
    # (not a verb's second object: "Give it updates", "Send someone files")
    verb = before[0].rsplit(None, 1)[-1:] if len(before) > 1 else []
    return not (verb and verb[0] in _TWO_OBJECTS)


def _subject_verb(before: list[bytes], prev: bytes) -> bool:
    """Is the hit, a form in -s, the verb of a singular subject: a determiner that takes no
    plural, then one word (``prev``) ("This page redirects to", "A piece attacks two
    pieces"; not "an additional %d posts", whose number the key does not keep)? One word
    only: the key drops the punctuation that may stand after a second ("Open a file,
    listing messages"), and a second may be an adjective ("each group specific lessons")."""
    if len(before) < 2 or not _subject_word(prev):
        return False
    words = before[0].rsplit(None, 1)
    return bool(words) and words[-1] in _SINGULAR_DETERMINERS


def _subject_word(word: bytes) -> bool:
    """May ``word`` be the noun of a singular subject after its determiner (no function
    word, number, word of quantity, adverb, participle or adjective of choosing, nor a word
    in -s)?"""
    return (
        len(word) > 1
        and word.isalpha()
        and word not in _NOT_IN_A_SUBJECT
        and not word.endswith(_NOT_A_SUBJECTS_END)  # ("each automatically updates")
        and not _third_person(word)  # (a plural or a verb: "This enables VLC hotkeys")
    )


def _clause_verb(key: bytes, start: int, end: int, before: list[bytes], prev: bytes) -> bool:
    """Is the hit at key[start:end] a form in -s after a clause's singular subject: a
    subordinator, a determiner, a noun (``prev``), the hit ("when a member posts",
    "if the file contains")?"""
    if len(before) < 2 or not prev.isalpha() or prev.endswith(_VERB_ENDS):
        return False  # (a plural or a participle before: "the selected images to")
    if prev in _DETERMINERS or not _third_person(key[start:end]):
        return False
    words = before[0].rsplit(None, 2)
    return len(words) >= 2 and words[-1] in _SUBJECT_DETERMINERS and words[-2] in _SUBORDINATORS


# The determiners of a singular subject, and the subordinators that open its clause.
_SUBJECT_DETERMINERS = set(b"a an the this that each every".split())
_SUBORDINATORS = set(
    b"when whenever if once where while because unless until after before since".split()
)


def _plural_noun(word: bytes) -> bool:
    """Does the word look like a plural noun (pages, edits; not class, status, this)?"""
    return len(word) >= 4 and word.isalpha() and _third_person(word)


# How words in -s end that are no plural (class, status, analysis).
_NOT_PLURAL = (b"ss", b"us", b"is")


def _third_person(hit: bytes) -> bool:
    """Does the hit (its word, spaces around it or not) end in -s, a plural's or a third
    person's?"""
    word = hit.strip()
    return word.endswith(b"s") and not word.endswith(_NOT_PLURAL)


def _relative_verb(key: bytes, start: int, end: int, before: list[bytes]) -> bool:
    """Is the hit at key[start:end], after "that" or "which" (``before`` split off that
    word), the verb of a relative clause, its subject the noun before the pronoun? Where
    what follows is a verb's (an article or a possessive, a particle, the end: `_objects`):
    a form in -s after a word that is no verb nor opens the sentence ("a client that features
    a web UI", "a citation that links to its source": "that" takes no plural, the word no
    object; not "Note that updates from …", "Specifies that cells with …", "indicating that
    posts to …"), a plain form after a plural noun ("pages that link here", "monuments which
    date from"; not "allows that user to …", "Specifies that graphic objects …")."""
    if len(before) < 2 or not _objects(key, end):
        return False
    words = before[0].rsplit(None, 2)
    if not words or words[-1] in _THAT_VERBS or words[-1] in _EDGES:
        return False  # (an edge: "Which items:", the pronoun opening its text)
    second = words[-1]
    if _third_person(key[start:end]):
        if before[1] != b"that":
            return False  # ("choose which disks to use": "which" takes a plural)
        return not (second.endswith(_VERB_ENDS) or len(words) < 2 or words[-2] in _EDGES)
    return _plural_noun(second)


def _objects(key: bytes, end: int) -> bool:
    """Does what follows the hit ending at ``end`` start like a verb's object or complement
    (an article, a possessive or a quantifier, not a pronoun: "files you delete"), a
    particle, a number (a placeholder's) or nothing?"""
    after = key[end : end + 40].split(None, 1)
    if not after:
        return True
    nxt = after[0]
    return nxt in _OBJECT_STARTS or nxt in _PARTICLES or nxt in _EDGES or nxt.isdigit()


# What starts a verb's object: a determiner that is no pronoun.
_OBJECT_STARTS = _DETERMINERS - {b"it", b"them", b"me", b"us", b"you", b"him", b"her"}
# How the verbs before "that" end: -s, -ed, -ing (Specifies, indicated, indicating that).
_VERB_ENDS = (b"s", b"ed", b"ing")
# Verbs and adjectives whose clause "that" or "which" opens: not a noun before a relative
# pronoun ("it means that …", "allows that user to", "identifies which theme").
_THAT_VERBS = set(
    b"means mean ensures ensure indicates indicate shows show says say seems seem requires "
    b"require suggests suggest implies imply states state assumes assume knows know thinks "
    b"think makes make checks check verifies verify confirms confirm allows allow specifies "
    b"specify identifies identify determines determine defines define notes note expects "
    b"expect notice see remember believe sure given so such now "
    # adjectives of judgement, whose clause "that" opens ("It is possible that files from …")
    b"possible impossible likely unlikely important necessary essential true clear obvious "
    b"certain recommended required advisable crucial vital".split()
)
# Quantifiers that open a plural noun phrase (not "the": "the comments screen to show").
_QUANTIFIERS = set(
    b"no other all some many few several most both these those two three four five".split()
)
# Particles after an intransitive verb ("link to", "team up", "date from"; not "for",
# "with", which follow nouns too: "No settings page for this plugin").
_PARTICLES = set(b"to up from here there back out into together below above".split())
# The determiners that take a singular noun, never a plural ("this", not "that", a
# relative pronoun too; not "the").
_SINGULAR_DETERMINERS = set(b"a an this each every another one".split())
_LETTER_S = ord("s")  # (a hit's key ends in a space after its word: key[end - 2])
# How an adverb and a participle end ("a spreadsheet containing values").
_NOT_A_SUBJECTS_END = (b"ly", b"ing")
# What follows a subject's verb (`_objects`, a conjunction, a number): one set lookup.
_AFTER_SUBJECT_VERB = _OBJECT_STARTS | _PARTICLES | _EDGES | _AND_OR | _QUANTIFIERS
# Words that do not stand between such a determiner and the noun's verb: function words,
# numbers and words of quantity ("a few posts", "an extra %d downloads").
_NOT_IN_A_SUBJECT = (
    _AFTER_PARTICIPLE
    | _DETERMINERS
    | _QUANTIFIERS
    | _SINGULAR_DETERMINERS
    | _CHOSEN
    | set(
        b"six seven eight nine ten hundred thousand million dozen few couple lot number "
        b"additional extra total maximum minimum max min further more less single".split()
    )
)


def fits_pos(key: bytes, start: int, end: int, kind: int) -> bool:
    """Is the hit at key[start:end] used as the part of speech its term has?

    A noun is not wanted where English uses the word as a verb: after a modal
    (can, will, please, must, don't …) or "to" after a verb that takes one
    (unable to, want to), before a determiner or pronoun (Bookmark this page,
    file a bug), or as an imperative opening a sentence (Update now, File selected
    message), or where its clause makes it one (Restart and update, when somebody posts,
    This page redirects to: `_verb_in_clause`, `_subject_verb`), unless a determiner,
    "whose" or "of" stands before it (the kind of window this is). A verb is not wanted
    after those (the update), except its gerund after "of" (instead of downloading), or
    before "of".
    """
    # The word before the hit and the one after it, the one before that only when asked
    # (split no further: a hit's test runs for every source term of a catalog).
    before = key[max(0, start - 40) : start].rsplit(None, 1)
    prev = before[-1] if before else b""
    if kind == NOUN and prev in _NOUN_MARKERS:
        # the trash, an item, your color; not "that" as a relative pronoun, its clause's
        # subject ("a client that features a web UI", "pages that link here")
        return prev != b"that" or not _relative_verb(key, start, end, before)
    after = key[end : end + 40].split(None, 1)
    nxt = after[0] if after else b""
    if kind == NOUN:
        # (not "you" after a noun, a verb after it: its clause, `_SUBJECTS`; but a verb
        # taking an object and a bare infinitive, "helps you find files", is that verb)
        if nxt in _DETERMINERS and (
            nxt not in _SUBJECTS
            or prev in _BEFORE_OBJECT_YOU
            or not _clause_after(after)
            or key[start:end].strip() in _BARE_INFINITIVE_VERBS
        ):
            # "which" or "what" after a verb taking a clause or a preposition: the
            # determiner of a noun, the next noun phrase its clause's subject ("see which
            # files your visitors downloaded", "from which server this page is loaded");
            # not the relative pronoun after a noun ("an app which reports your …")
            # (an -s form only before a possessive or "each": "which files your visitors
            # downloaded"; "check what updates the file" has its verb)
            if prev not in _WH or len(before) < 2:
                return False
            if _third_person(key[start:end]) and nxt not in _CLAUSE_SUBJECTS:
                return False
            second = before[0].rsplit(None, 1)[-1:]
            return bool(second) and second[0] in _BEFORE_WH
        if prev in _CLAUSE_CUES and _verb_in_clause(key, start, end, before, prev, nxt):
            return False
        # a modal; an adverb opening the sentence (the word is then an imperative) or after
        # a modal or "to" ("users must explicitly type", "to quickly change": the verb); an
        # adverb of frequency; a progressive's "be"
        if prev in _VERB_SIGNS and _verb_after(key, start, end, before, prev):
            return False
        if prev in _BEFORE_ITS_VERB:
            # the word before ``prev`` (b"" at the key's start: an edge)
            second = before[0].rsplit(None, 1)[-1] if len(before) > 1 else b""
            if second in _BEFORE_ITS_VERB[prev]:
                return False
            if prev == b"to" and second in _TO_VERB_WITH_OBJECT and nxt not in _EDGES:
                return False
            # "To" opening a sentence and "to" after the word: a purpose clause's verb ("To
            # post to WordPress by e-mail, …", "To jump to a page"). Not inside a sentence,
            # where the first "to" may be a preposition ("Switch to Screen to the Left").
            if prev == b"to" and nxt == b"to" and second in _EDGES:
                return False
            # "which" after a plural noun: the relative pronoun, and the subject of the
            # word, its verb ("monuments which date from")
            if prev == b"which" and _relative_verb(key, start, end, before):
                return False
        # Opening a sentence (not a plural: Files deleted) before "now", "again", "with" …
        # ("Update now"), or before a participle of choosing and the noun it qualifies ("File
        # selected message", "Format quoted field", "List unread messages"), the word is the
        # imperative. Not where a preposition, an adverb or nothing follows the participle:
        # a clause of its own ("File selected", "Contact marked as read"); other participles
        # may be a past tense with its object ("User cancelled operation").
        # (One set lookup for both, as before the participles: a hit's test runs for every
        # source term of a catalog.)
        if prev in _EDGES and nxt in _IMPERATIVE_CUES and not key[start:end].strip().endswith(b"s"):
            if nxt in _AFTER_IMPERATIVE or len(after) < 2:
                return nxt not in _AFTER_IMPERATIVE
            third = after[1].split(None, 1)[0] if after[1].strip() else b""
            return not (third.isalpha() and third not in _AFTER_PARTICIPLE and third[-2:] != b"ly")
        # Opening a sentence and coordinated with a verb that is no noun, the word is an
        # imperative ("Update and restart", "Search or install"), a bare form ("Images and
        # save" are two labels).
        if nxt in _AND_OR and prev in _EDGES:
            more = after[1].split(None, 1)[:1] if len(after) > 1 else []
            return not (more and more[0] in _ONLY_VERBS and not _third_person(key[start:end]))
        # A form in -s after a singular subject: the subject's verb.
        # (and what follows starts an object, a particle, a conjunction or nothing: "a user
        # settings page" has a noun after it, the head of its compound)
        # (the hit's last letter first, an int: this test reads most hits)
        if (
            key[end - 2] == _LETTER_S
            and (nxt in _AFTER_SUBJECT_VERB or nxt.isdigit())
            and _third_person(key[start:end])
            and _subject_verb(before, prev)
        ):
            return False
        # (The rules below read a particle after the word: one test for every hit.)
        if nxt not in _PARTICLES:
            return True
        # A singular subject that a subordinator and a determiner open ("when a member",
        # "if the file"), then the word in -s and "to" (an object's determiner: above): the
        # word is the subject's verb ("when a member posts to the list"; not "the selected
        # images to", "the field names from": no subordinator, or no singular noun before
        # the word; nor another particle, "If the security updates from Debian fail"; a
        # compound subject before "to" reads as the verb too, "if the file downloads to the
        # folder fail": rarer than the clause).
        if nxt == b"to" and _clause_verb(key, start, end, before, prev):
            return False
        # An -ing form before "up": a phrasal verb ("Setting up hotspot…", "for setting up
        # the Mailbox"); no noun in -ing takes "up" after it (but "up to" may be a quantity's:
        # "Recording up to 10 minutes").
        if nxt == b"up" and key[start:end].strip().endswith(b"ing"):
            return after[1].split(None, 1)[:1] == [b"to"] if len(after) > 1 else False
        # A plural subject that a quantifier opens, and a particle after the word: the
        # word is its verb ("No pages link to it", "Two rooks team up").
        if len(before) > 1 and _plural_noun(prev) and not _third_person(key[start:end]):
            # (what follows the particle is an object's start, a number or nothing: "link to
            # $2", "team up to"; not a verb, "No settings file to import")
            words = before[0].rsplit(None, 1)
            more = after[1].split(None, 1)[:1] if len(after) > 1 else []
            return not (
                words
                and words[-1] in _QUANTIFIERS
                and (not more or _objects(after[1], 0) or more[0] in (b"or", b"and"))
            )
        return True
    if kind == VERB:  # the search, a new search, search of …; not its gerund after "of"
        gerund = prev == b"of" and key[start:end].strip().endswith(b"ing")
        if nxt == b"of" or (prev in _NOUN_MARKERS and not gerund):
            return False
        return not (
            len(before) > 1 and before[0].rsplit(None, 1)[-1] in _ARTICLES and prev not in _MODALS
        )
    return True


# What separates the words of a pattern (for `finder_words`).
_SEPARATORS = re.compile(r"[ \x00\x01\x02._-]+")
# `SourceMatcher.kept` only with at most this many words (else most texts hold one) ...
_FEW_WORDS = 2000
# ... and only when at most this part of the texts is kept (else the keys of all are made).
_MOST = 0.8


# The automatons: daachorse's where it is installed (an automaton it built is kept in the
# compiled glossary's cache: building the 16,480 patterns of 5,000 concepts took ~20 ms of
# every run), else ahocorasick_rs's (built on each run). Both find the same hits.
@functools.cache
def _daachorse():
    """The daachorse module, imported when first needed; None where it is not installed."""
    try:
        import daachorse
    except ImportError:  # a platform without its wheel
        return None
    return daachorse


def automaton_library() -> str:
    """Which library makes the automatons, with the stamp of its compiled module: a cached
    automaton is read back only by the library (and the very files) that wrote it."""
    module = _daachorse()
    if module is None:
        return "ahocorasick_rs"
    from moci_vocab.layout import file_stamp

    compiled = getattr(module, "daachorse", module)  # its extension module, if it has one
    return f"daachorse {file_stamp(getattr(compiled, '__file__', None) or module.__file__)}"


def automaton(patterns: list[bytes], longest: bool = True):
    """An automaton of ``patterns`` whose ``find(haystack)`` gives (start, end, pattern
    index) of each hit, not overlapping, in order: leftmost-longest (else the first
    found); with ``longest`` False, ``find_overlapping(haystack)`` gives every hit, in
    the order of their ends. daachorse's where it takes the patterns (none empty, none
    twice), else ahocorasick_rs's."""
    module = _daachorse()
    if module is not None and all(patterns) and len(set(patterns)) == len(patterns):
        kind = module.MATCH_KIND_LEFTMOST_LONGEST if longest else module.MATCH_KIND_STANDARD
        try:
            return module.DoubleArrayAhoCorasick(patterns, kind)
        except ValueError:  # patterns it cannot hold (its automaton's size is bounded)
            pass
    return _RsAutomaton(patterns, longest)


def _deserialized(data: bytes | None):
    """The automaton of `SourceMatcher.serialized`'s bytes (None: none)."""
    if data is None:
        return None
    return _daachorse().DoubleArrayAhoCorasick.deserialize(data)  # type: ignore[union-attr]


# ahocorasick_rs makes a DFA of up to 100 patterns, and its build grows with their bytes
# times their byte classes: 100 terms of 200 four-byte letters (a glossary from a pull
# request) took 1.2 s, one term of 250,000 letters minutes. Past this many bytes its
# contiguous NFA is built instead (the same hits, 6 ms for those 100 terms); more than 100
# patterns get an NFA anyway.
_DFA_BYTES = 4096


class _RsAutomaton:
    """ahocorasick_rs's automaton with daachorse's ``find`` (it cannot be serialized)."""

    __slots__ = ("_automaton",)

    def __init__(self, patterns: list[bytes], longest: bool) -> None:
        import ahocorasick_rs as rs

        kind = rs.MATCHKIND_LEFTMOST_LONGEST if longest else rs.MATCHKIND_STANDARD
        if len(patterns) <= 100 and sum(map(len, patterns)) > _DFA_BYTES:
            nfa = rs.Implementation.ContiguousNFA
            self._automaton = rs.BytesAhoCorasick(patterns, kind, implementation=nfa)
        else:
            self._automaton = rs.BytesAhoCorasick(patterns, kind)

    def find(self, haystack: bytes) -> list[tuple[int, int, int]]:
        """(start, end, pattern index) of each hit."""
        return [(s, e, p) for p, s, e in self._automaton.find_matches_as_indexes(haystack)]

    def find_overlapping(self, haystack: bytes) -> list[tuple[int, int, int]]:
        """(start, end, pattern index) of every hit, overlapping ones too (a standard
        automaton's), in the order of their ends."""
        found = self._automaton.find_matches_as_indexes(haystack, overlapping=True)
        return [(s, e, p) for p, s, e in found]


class SourceMatcher:
    """One automaton over every source pattern, run once over all texts of a catalog."""

    def __init__(
        self,
        patterns: list[str] | list[bytes],
        owners: list[int],
        cased: list[str],
        cased_owners,
        kinds: list[int] | None = None,
        cased_kinds: list[int] | None = None,
        words: list[str] | None = None,
        automata: tuple[bytes | None, bytes | None, bytes | None] | None = None,
    ):
        """``patterns``: texts, or the same in UTF-8 (a compiled glossary's, as cached);
        ``words``: `finder_words` of the patterns (made here when not given); ``automata``:
        the three automatons as `serialized` gave them (from a verified cache: then none
        is built, and neither the patterns nor the words are read)."""
        self.owners = owners
        # Pattern index → concept index, for both automatons (cased ones after the others).
        self.all_owners = [*owners, *cased_owners]
        # Pattern index → part of speech its term is restricted to (ANY, NOUN, VERB).
        kinds = kinds or [ANY] * len(owners)
        self.all_kinds = [*kinds, *(cased_kinds or [ANY] * len(cased_owners))]
        self.kinds = kinds if any(kinds) else None
        self.cased_owners = cased_owners
        # A verb's part-of-speech test reads the end of the text before (`fits_pos`).
        self.verbs = VERB in self.all_kinds
        if automata is not None:
            self.automaton, self.cased_automaton, self.finder = map(_deserialized, automata)
            return
        if patterns and type(patterns[0]) is bytes:
            encoded = patterns
            if words is None:
                patterns = [pattern.decode() for pattern in patterns]  # type: ignore[union-attr]
        else:
            encoded = [pattern.encode() for pattern in patterns]  # type: ignore[union-attr]
        self.automaton = automaton(encoded) if encoded else None  # type: ignore[arg-type]
        self.cased_automaton = automaton([p.encode() for p in cased]) if cased else None
        # A word of every pattern, to tell the texts that may hold one (`kept`); None when
        # that would not pay.
        if words is None:
            words = finder_words([*patterns, *cased], self.all_owners)  # type: ignore[list-item]
        encoded = [word.encode() for word in words]
        self.finder = automaton(encoded, longest=False) if encoded else None

    def serialized(self) -> tuple[bytes | None, bytes | None, bytes | None] | None:
        """The three automatons (the terms', the case-sensitive terms', the finder's) as
        bytes that `SourceMatcher(..., automata=)` takes back without building them; None
        when one is not daachorse's (see `automaton`)."""
        found = [self.automaton, self.cased_automaton, self.finder]
        if any(a is not None and type(a) is _RsAutomaton for a in found):
            return None
        return tuple(None if a is None else a.serialize() for a in found)  # type: ignore[return-value]

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of each hit in the text's key, in text order.

        `all_owners[pattern index]` is the concept (rule) index.
        """
        return self._hits([text]).get(0, [])

    def find_each(self, texts: list[str]) -> list[list[tuple[int, int, int]]]:
        """`find` of every text, in one pass of the automaton."""
        found = self._hits(texts)
        return [found.get(i, []) for i in range(len(texts))]

    def find_keyed(self, texts: list[str]) -> tuple[list[bytes], list[list[tuple[int, int, int]]]]:
        """`find_each`, and the key of each text (as `joined_key(texts)` splits into) in
        which the hits' offsets are; a text without a hit may have b"" for its key."""
        keys: list[bytes] = []
        found = self._hits(texts, keys)
        return keys, [found.get(i, []) for i in range(len(texts))]

    def kept(self, texts: list[str]) -> list[int] | None:
        """The indices of the texts that may hold a pattern, in order; None: all of them.

        A text whose key holds a pattern holds the pattern's longest word in its
        casefolded NFC form (a key only splits, marks and folds the text's words). With a
        small glossary most texts hold none: their keys are not made, and `joined_key`
        makes the others' as the whole batch would (its look-back). With verb patterns,
        the text before each one is kept too (its last word is read: `fits_pos`).
        """
        if self.finder is None or not texts:
            return None
        # Text by text: one non-ASCII text makes a catalog's casefold letter by letter. A
        # mnemonic inside a word (Op&en) is out of the key's word, so out of the text here:
        # every mark that may be one (`any_out`, more than `unglued` takes: more texts kept).
        data = "\x00".join(
            [text.casefold() if text.isascii() else visible(text).casefold() for text in texts]
        )
        # (A NUL inside a text: counted here, as casefold and `visible` keep every NUL; not
        # in the texts joined as they are, a copy of a chunk's msgids made for that alone.)
        if data.count("\x00") != len(texts) - 1:
            return None
        data = any_out(data).encode("utf-8")
        ends = text_ends(data)
        kept: list[int] = []
        index, bound = 0, ends[0]
        for start, _end, _word in self.finder.find(data):
            while start >= bound:  # past the text's end: the next text (in order)
                index += 1
                bound = ends[index]
            if not kept or kept[-1] != index:
                kept.append(index)
        if self.verbs:
            kept = sorted({*kept, *(i - 1 for i in kept if i)})
        return kept if len(kept) <= _MOST * len(texts) else None

    def keyed(self, texts: list[str], kept: list[int] | None, fold_case: bool = True) -> bytes:
        """The joined key of the kept texts (all when ``kept`` is None), each text's part as
        in `joined_key(texts)`."""
        if kept is None:
            return joined_key(texts, fold_case)
        return joined_key([texts[i] for i in kept], fold_case, lookback=_lookback(texts, kept))

    def pairs(
        self, texts: list[str], verbs: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int]]:
        """(text index, concept index) for every concept found in the texts.

        In text order, each concept once per text (at its first hit). One pass of
        the automaton over all the texts together. ``verbs``, if given, receives (text
        index, concept index) of each hit of a noun term that English uses as a verb there
        (`fits_pos`: "to change", "Change the password"), which is not a pair.
        """
        if self.cased_automaton is not None:
            owners = self.all_owners
            found = self._hits(texts, verbs=verbs)
            return [
                (i, concept)
                for i in sorted(found)
                for concept in dict.fromkeys(owners[hit[0]] for hit in found[i])
            ]
        if self.automaton is None or not texts:
            return []
        kept = self.kept(texts)
        if kept == []:
            return []
        key = self.keyed(texts, kept)
        owners, kinds = self.owners, self.kinds
        ends = text_ends(key)
        result: list[tuple[int, int]] = []
        append = result.append
        seen: list[int] = []  # the concepts of the current text so far
        index, bound, last = 0, ends[0], -1
        first_verb = len(verbs) if verbs is not None else 0
        for start, end, pattern in self.automaton.find(key):
            while start >= bound:  # past the text's end: the next text (in order)
                index += 1
                bound = ends[index]
            owner = owners[pattern]
            if owner < 0:
                continue
            if (
                kinds is not None
                and kinds[pattern]
                and not fits_pos(key, start, end, kinds[pattern])
            ):
                if verbs is not None and kinds[pattern] == NOUN:
                    verbs.append((index, owner))
                continue
            if index != last:
                last = index
                seen = [owner]
                append((index, owner))
            elif owner not in seen:
                seen.append(owner)
                append((index, owner))
        if kept is not None:
            if verbs is not None:
                verbs[first_verb:] = [(kept[index], owner) for index, owner in verbs[first_verb:]]
            return [(kept[index], owner) for index, owner in result]
        return result

    def _hits(
        self,
        texts: list[str],
        keys: list[bytes] | None = None,
        verbs: list[tuple[int, int]] | None = None,
    ) -> dict[int, list[tuple[int, int, int]]]:
        """Text index → hits with offsets in that text's key (both automatons, merged);
        ``keys`` receives each text's key (see `find_keyed`); ``verbs``: as in `pairs`."""
        found: dict[int, list[tuple[int, int, int]]] = {}
        kept = self.kept(texts) if texts else None
        if kept == []:  # no text holds a pattern
            if keys is not None:
                keys.extend([b""] * len(texts))
            return found
        key = b""
        if texts and (self.automaton is not None or keys is not None):
            key = self.keyed(texts, kept)
        if self.automaton is not None and texts:
            _collect(self.automaton, key, 0, found, self.all_kinds)
        if keys is not None and texts:
            parts = key.split(b"\x00")
            if kept is None:
                keys.extend(parts)
            else:
                keys.extend([b""] * len(texts))
                for i, part in zip(kept, parts, strict=True):
                    keys[i] = part
        if self.cased_automaton is not None and texts:
            cased: dict[int, list[tuple[int, int, int]]] = {}
            key = self.keyed(texts, kept, False)
            _collect(self.cased_automaton, key, len(self.owners), cased, self.all_kinds)
            for index, hits in cased.items():
                found[index] = _merge(found[index], hits) if index in found else hits
        owners = self.all_owners
        for index in list(found):  # other senses and other parts of speech: not the concept
            if verbs is not None:
                verbs.extend(
                    (index if kept is None else kept[index], owners[h[0]])
                    for h in found[index]
                    if h[3] is False and owners[h[0]] >= 0 and self.all_kinds[h[0]] == NOUN
                )
            kept_hits = [h for h in found[index] if owners[h[0]] >= 0 and h[3] is not False]
            if kept_hits:
                found[index] = kept_hits
            else:
                del found[index]
        if kept is not None:
            return {kept[i]: [hit[:3] for hit in hits] for i, hits in found.items()}
        return {i: [hit[:3] for hit in hits] for i, hits in found.items()}


def finder_words(patterns: list[str], owners: list[int]) -> list[str]:
    """The longest word of each pattern of a concept, casefolded (for `SourceMatcher.kept`);
    none when a pattern has no word or there are many (most texts would hold one)."""
    words: set[str] = set()
    for pattern, owner in zip(patterns, owners, strict=True):
        if owner >= 0:
            word = max(_SEPARATORS.split(pattern), key=len)
            if not word:
                return []
            words.add(word.casefold())
            if len(words) > _FEW_WORDS:
                return []
    return sorted(words)


def _collect(automaton, key: bytes, offset: int, found: dict, kinds=None) -> None:
    """Hits of one automaton over a joined key, by text, with text-relative offsets.

    Each hit also says whether it fits its term's part of speech (see fits_pos).
    """
    ends = text_ends(key)
    index, base, bound = 0, 0, ends[0]
    for start, end, pattern in automaton.find(key):
        if start >= bound:  # past the text's end: the text it is in, and where it starts
            while start >= bound:
                index += 1
                bound = ends[index]
            base = ends[index - 1]
        fits = None
        if kinds is not None and kinds[pattern + offset]:
            fits = fits_pos(key, start, end, kinds[pattern + offset])
        found.setdefault(index, []).append((pattern + offset, start - base, end - base, fits))


def text_ends(data: bytes) -> list[int]:
    """Where each NUL-separated text of ``data`` ends, its NUL included (the last text's:
    one past the end). A caller going through hits in order moves to the next text while
    a hit starts at or past the current one's end, instead of counting the NULs before
    each hit (`bytes.count` with a range parses its arguments: ~700 instructions a call,
    for each of tens of thousands of hits on a large catalog).
    """
    return list(accumulate(map(_ONE_MORE, map(len, data.split(b"\x00")))))


_ONE_MORE = (1).__add__


def _merge(hits: list, extra: list) -> list:
    """Case-insensitive and case-sensitive hits together, the longer one where they overlap."""
    # Ties go to the case-sensitive hit (``extra``): it is the more specific term.
    ranked = sorted(extra + hits, key=lambda h: (h[1] - h[2], h[1]))
    chosen: list = []
    for hit in ranked:
        if all(hit[2] <= other[1] or other[2] <= hit[1] for other in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h[1])
