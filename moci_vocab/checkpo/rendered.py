"""Missing terms that the translation renders after all, in ways the word rules leave out.

Run on the missing terms only (a few hundred on a large catalog), after the check:

- **A literal kept as written.** The English word is part of a literal that the
  translation keeps letter for letter: a quoted lowercase word or piece of code (the
  ``'file'`` scheme, ``"repository resync %(name)s"``), a word in capitals inside a
  message in ordinary case (the FTP command ``PORT``, ``alsa://SOURCE``; not ``FILE NOT
  FOUND``, a heading ``ERROR:`` nor a noun stressed after a determiner, "only one FILE"),
  or the operating system's name *Windows* kept in a translation (not in Title Case, not
  after a determiner, not a plural subject opening a sentence, "Windows can be tiled":
  there the capital says nothing; in any script: Albanian "Të bashkandara Windows").
  The term is not demanded there, nor where the msgid is a command's argument name alone
  kept as written (``FILE``, ``[DIRECTORY]``: `is_metavariable`), nor where a translation
  in another script keeps a name of three words or more in Latin letters, the words
  capitalised in the msgid ("Windows Media Audio ფაილია": `kept_in_name`), nor where any
  translation keeps such a name whole, every word capitalised ("Media Feature Pack-un":
  `kept_whole_name`), nor the name Windows before a noun it modifies, whatever stands
  before it ("Windows Utils", "the Windows taskbar": `_name_modifying`). A quoted label
  (``"Save"``, ``"Search for Files"``), a capitalised common noun kept in English
  ("Version") and any other msgid copied untranslated are English left in and still
  reported.
- **The first part of a closed compound** (`Inflection.first_parts`): Georgian
  აუდიოფაილი (audio file) holds the term აუდიო, as written, when the rest of the word
  (ფაილის) is itself a word, of four letters or more, that the catalog's translations
  use on their own (`whole_words`: not a bare ending after a hyphen, Audacity-ის). A
  term in the nominative -ი starts no compound (კანონიერი, legal, is no კანონი + ერი),
  nor does a stem (სახელწოდება, a title, on სახელ- of სახელი), but the consonant stem of a
  term borrowed from the English word does, before a rest that opens with a consonant
  (`borrowed_compound`: ინტერნეტკავშირი, internet connection, on ინტერნეტი).
- **A second reading** (`reread`), of a flagged translation only: a keyboard mnemonic
  between two letters where the English one opens a word ("Device _type" as Armenian
  Սարք_տեսակ: the underscore took the space's place) splits the word there; a quoted
  lowercase value that the msgid does not quote is the translator's own word, not a
  literal (GNOME Web's view "kronollogjia", quoted as its name; nano's "new buffer" as
  "“buffer” të ri", the term in quotes); a translation of one
  letter renders the name of that letter ("E UMLAUT" as Ë) and demands no term.
- **"All" with a noun said as *everything*** (`Inflection.everything`: Georgian
  ყველაფერი): "All items in the Trash" as everything in the Trash; the noun is in the
  word (all-thing). Armenian's բոլոր (all) standing as a noun, with its article or a case
  (բոլորը, all of them; բոլորի, of all), and ամբողջը (the whole) do the same ("All Files"
  as Բոլորը). Not where the msgid says the word elsewhere too (the word for everything
  renders one use), nor "all of the following" (its noun named apart, and kept). So does
  Armenian's participle of choosing or marking standing as a noun (`Inflection.selected`:
  ընտրվածը, the selected one) for a noun the English says as selected, checked or marked
  ("Delete the selected text" as Ջնջել ընտրվածը).
- **A word derived on a borrowed term's stem** (`Inflection.borrowed`: Georgian): the
  verbal noun, participle, adjective or agent noun that the language makes on the stem of
  a term borrowed from the English word (its transliteration is like the English
  spelling) keeps the term's sense: დაარქივება (archiving) for "Add files to the
  archive", საარქივო, არქივატორი (archiver) for არქივი. Not on a native stem: the same
  shape makes words of their own there (დასახელება, a title, on სახელი, name), which
  translators use as synonyms; not with a preverb that makes another verb (ამოარქივება,
  un-archiving, is *extract*); not where the English word follows *of* ("the name of the
  archive": a noun, which the verb does not render).
- **A verbal noun said by its participle of purpose** (`Inflection.purpose`: Georgian): the
  preverb, სა- and the verb's stem (`purpose_stems`: დაშიფვრა, encryption → დასაშიფრად, for
  encrypting; მიმაგრება → მისამაგრებელი ფაილი, the file to attach), for an English noun of
  an action in -ion or -ment said once in the msgid (the participle renders one use: "one
  invitation email … Each invitation" as a wrong word and მოსაწვევში is still reported).
  Not where the msgid uses the noun's verb too (the participle may say it), nor where the
  participle is another concept's term (VLC's playlist დასაკრავი, beside its playback დაკვრა).
Not taken: a noun the English puts beside a placeholder ("the file “%s”") left to the
placeholder that the translation declines ("%s"-ის): a noun in apposition before it
(ფაილ "%s"-ის) or after a genitive placeholder ("%1-ის ანგარიში") is declined the same
way, so a wrong word there went unseen (recall).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.source_match import _AFTER_PARTICIPLE, plurals
from moci_vocab.checkpo.target_match import (
    _VOWELS,
    lowered,
    stems_of,
    surface_words,
    tokens,
)
from moci_vocab.textnorm import CharTable

# Proper names that are an English common noun's plural, kept as written by translators
# (the operating system: "Windows share", "Windows Network").
_NAMES = frozenset({"Windows"})
_QUOTES = ("'", '"', "\u2018", "\u201c", "\u201e", "\u00ab")
# Where a quote opened by one of _QUOTES may end (the same quote, or its typographic pair).
_CLOSING = {"'": "'\u2019", '"': '"\u201d', "\u2018": "\u2019'", "\u201c": '\u201d"'}
_CLOSING |= {"\u201e": '\u201c\u201d"', "\u00ab": "\u00bb"}
# A sign of code in a quoted literal: a placeholder, a path, an option, an assignment.
_CODE_SIGNS = frozenset("%$={}<>/\\:_")
# (No regular expression here: this runs on every check, and compiling one costs more
# than the few tests it would make.)
# Determiners before a common noun (all Windows, the Windows: not the name).
_DETERMINERS = frozenset({
    "the", "a", "an", "all", "any", "some", "every", "each", "this", "these", "those",
    "other", "more", "multiple", "new", "open", "one", "two", "three", "several", "many",
    "your", "my", "our", "their", "its", "no",
})  # fmt: skip
# Words that follow a plural noun opening a sentence, not a name (Windows can be tiled,
# Windows of other workspaces): its verb, or a preposition.
_FOLLOW_A_SUBJECT = frozenset({
    "are", "were", "can", "cannot", "could", "will", "would", "may", "might", "must",
    "should", "have", "had", "do", "don't", "did", "need", "stay", "remain", "get", "become",
    "of", "in", "on", "at", "from", "with", "without", "that", "which", "and", "or", "to",
    "for", "by", "not",
})  # fmt: skip
# More uses of the word than this in one message: no literal (and bounded time).
_MAX_USES = 20
# Shortest term that may start a compound, and shortest rest.
_MIN_PART, _MIN_REST = 4, 4
# No ending of any language's table is longer (Georgian -ულებისთვისაც: 13 letters).
_LONGEST_ENDING = 20


def kept_as_written(
    msgid: str,
    translation: str,
    word: str,
    long: LongMsgid | None = None,
    codes: Callable[[str], set[str]] | None = None,
    kept_spans: Callable[[bool], list[tuple[int, int]]] | None = None,
) -> bool:
    """Is every use of the English ``word`` (casefolded) in the msgid a literal that the
    translation keeps letter for letter: a quoted lowercase word or code, a word in
    capitals in a message in ordinary case, the name Windows, or code or a name by its
    syntax (`kept_code`)? ``long``: what a long msgid says, read once for all its missing
    terms (`LongMsgid`); ``codes``: a long translation's `code_parts`; ``kept_spans``:
    `kept_code` of the msgid and translation, found once for all their missing terms."""
    copied = translation == msgid if long is None else long.copied(translation)
    if copied or not word:
        if not (copied and word):
            return False
        if is_metavariable(msgid) or is_notice(msgid):
            return True
        if not (holds_code(msgid, word, names=False) if long is None else long.sign):
            return False  # English left in (the usual copied msgid: a quick test)
    elif long is None:
        if (
            word.upper() not in msgid
            and not holds_quote_or_name(msgid)
            and not holds_code(msgid, word)
        ):
            return False  # neither in capitals, quotes nor code (the usual case: a quick test)
    elif not long.sign and word.upper() not in long.capitals:
        return False
    found = _uses(msgid, word) if long is None else long.uses(word)
    if not found or len(found) > _MAX_USES:
        return False  # (a message with dozens of uses of one word holds no literal)
    # the spans of code by its syntax that the translation keeps (`kept_code`), found once,
    # where the msgid may hold some by its signs (a quick test)
    code: list[tuple[int, int]] | None = None
    if not copied and long is None and not holds_code(msgid, word):
        code = []
    kept: set[str] | None = None  # the translation's words as written, found once
    for start, end in found:
        if code is None:
            if kept_spans is not None:
                code = kept_spans(copied)
            else:
                spans = None if long is None else long.code_spans()
                code = kept_code(msgid, translation, copied, spans)
        if code and _inside(code, start, end):
            continue
        if copied:
            return False  # a copied msgid: only code by its syntax is kept as written
        literal = _quoted(msgid, start, end)
        if literal is not None and (
            literal in translation if long is None else long.literal_in(translation, literal)
        ):
            continue
        if _in_code(msgid, start, end, translation, long, codes):
            continue
        surface = msgid[start:end]
        if _uri_scheme(msgid, end) and msgid[start : end + 1] in translation:
            continue  # a URI scheme's name kept (data: URI, local file: URIs)
        if _name_modifying(msgid, surface, end):
            pass  # the name before a noun, whatever stands before it (the Windows taskbar)
        elif _after_determiner(msgid, start):
            return False  # a common noun (only one FILE, an ERROR, all Windows), not a literal
        elif not (
            _in_capitals(msgid, surface, end, None if long is None else long.ordinary)
            or _name(msgid, surface, start, translation)
        ):
            return False
        if kept is None:
            kept = set(surface_words(translation))
        if surface not in kept:
            return False
    return True


class LongMsgid:
    """What `kept_as_written` asks of a long msgid (LONG_TEXT characters or more) for each
    of its missing terms, read once for all of them: whether it holds a quote or a name
    (`holds_quote_or_name`), which of their English words it holds in capitals (one pass:
    `substrings.found_in`), the uses of each word (`_indexed_uses`), and whether a
    translation is the msgid copied (compared once per translation). Per term these were
    scans of the whole msgid: 2,000 missing terms of a 1 MB msgid, 2,000 scans of each."""

    def __init__(self, msgid: str, words: set[str]):
        from moci_vocab.checkpo.substrings import found_in  # (a long msgid is rare)

        self.msgid = msgid
        self.words = words
        self.sign = holds_quote_or_name(msgid) or holds_code(msgid)
        self.capitals = set() if self.sign else found_in(msgid, {w.upper() for w in words})
        self.uses = _indexed_uses(msgid)
        self._ordinary: bool | None = None
        self._compared: tuple[str | None, bool] = (None, False)
        self._literals: set[str] | None = None  # of every use of the words (`literal_in`)
        self._held: tuple[str | None, set[str]] = (None, set())
        self._tokens: tuple[list[int], list[tuple[int, int]]] | None = None  # (`token_at`)
        self._code: list[tuple[int, int, bool]] | None = None  # (`code_spans`)

    def token_at(self, start: int, end: int) -> str:
        """`_token_at` of a use of a word (no space inside), by the msgid's runs without
        spaces found once (not a walk over the token per use)."""
        if self._tokens is None:
            spans = [run.span() for run in re.finditer(r"\S+", self.msgid)]
            self._tokens = ([first for first, _last in spans], spans)
        starts, spans = self._tokens
        first, last = spans[bisect.bisect_right(starts, start) - 1]
        return self.msgid[first:last].strip(_AROUND_CODE)

    @property
    def ordinary(self) -> bool:
        """Whether the msgid has more lowercase letters than capitals (`_in_capitals`),
        counted once."""
        if self._ordinary is None:
            msgid = self.msgid
            self._ordinary = sum(map(str.islower, msgid)) > sum(map(str.isupper, msgid))
        return self._ordinary

    def literal_in(self, translation: str, literal: str) -> bool:
        """``literal in translation`` for a literal of a use of the words (`_quoted`): for a
        long translation every such literal is looked for in one pass (`found_in`), not
        one scan per missing term."""
        if len(translation) < LONG_TEXT:
            return literal in translation
        if self._literals is None:
            words = [word for word in self.words if word]
            quoted = (_quoted(self.msgid, *use) for word in words for use in self.uses(word))
            self._literals = {literal for literal in quoted if literal is not None}
        if literal not in self._literals:
            return literal in translation
        seen, held = self._held
        if translation is not seen:
            from moci_vocab.checkpo.substrings import found_in

            held = found_in(translation, self._literals)
            self._held = (translation, held)
        return literal in held

    def code_spans(self) -> list[tuple[int, int, bool]]:
        """`code_spans` of the msgid, found once."""
        if self._code is None:
            self._code = code_spans(self.msgid)
        return self._code

    def copied(self, translation: str) -> bool:
        """Whether the translation is the msgid (the last one's answer kept)."""
        seen, same = self._compared
        if translation is not seen:
            same = translation == self.msgid
            self._compared = (translation, same)
        return same


# The last Latin letter (Latin Extended-B): a letter after it is of another script.
_LATIN_END = "\u024f"


# Each character casefolded where it folds to one character, else kept: a ligature that
# folds to two letters (Armenian և, "and", to եւ; German ß) stays one, so positions hold.
_FOLD_IN_PLACE = CharTable(lambda ch: folded if len(folded := ch.casefold()) == 1 else ch)


def in_place(text: str) -> str:
    """The text casefolded letter for letter (`_FOLD_IN_PLACE`): each position still that of
    the text, for the readings that look back at the text as written (a ligature, whose
    casefold is two letters, moved every later position)."""
    return text.translate(_FOLD_IN_PLACE)


def kept_in_name(
    names: frozenset[str],
    translation: str,
    low: str,
    word: str,
    places: Callable[[str], list[int]] | None = None,
) -> bool:
    """Is the English ``word`` (casefolded) the last word of a name of three words or more
    that a translation in another script keeps in Latin letters, as the msgid has it
    ("Windows Media Audio ფაილია", "Apple Core audio ფაილი"): the word right after two
    capitalised Latin words, all three in the msgid too and capitalised there, and the
    translation going on in its own script after it (past spaces or a hyphen before an
    ending)? A name is said as written. Not English left in a translation of its own
    script: one word (Anjuta's "Plugin-ի"), a label's words in the msgid's sentence case
    (LibreOffice's "the Chapter entry box" as "Chapter entry ველში"), a two-word label in
    Title Case ("Print Preview-ზე", "New Window გახსნა", "System Settings": the review's
    cases), a label named as one by the word after it in the msgid (the "Select Table
    Options dialog", `_UI_NOUNS`), a msgid copied as it is (all Latin). ``names``: the
    msgid's runs of three capitalised words (`name_runs`, made once per entry); ``low``:
    the translation casefolded; ``places``: where a word stands as a whole word in a long
    translation, by an index of its words made once (`word_places`), not a scan of it per
    missing term."""
    if not names:
        return False
    if len(low) != len(translation):
        low, places = in_place(translation), None
    size = len(word)
    if places is not None:
        # The same answer: of the first _MAX_USES finds below (uses inside other words
        # count too), the first whole word that ends a name; one after them is not looked
        # at (a whole word is one of the finds: no find before it overlaps it).
        for at in places(word)[:_MAX_USES]:
            if _ends_name(names, translation, at, at + size, word):
                return low.count(word, 0, at) < _MAX_USES
        return False
    at = low.find(word)
    for _ in range(_MAX_USES):
        if at < 0:
            return False
        end = at + size
        if _word_at(low, at, end) and _ends_name(names, translation, at, end, word):
            return True
        at = low.find(word, end)
    return False


def runs_holding(names: frozenset[str], index: dict[str, list[str]]) -> dict[str, list[str]]:
    """The msgid's name runs by each of their words (casefolded; a plural by its singular
    too): ``index``, filled from
    ``names`` when empty (once per entry, not a pass over its runs per missing term)."""
    if not index:
        for run in names:
            for part in set(run.split(" ")):
                index.setdefault(part, []).append(run)
                # a plural's singular too (Encrypted Media Extensions for *extension*)
                for old, new in (("ies", "y"), ("es", ""), ("s", "")):
                    if part.endswith(old) and len(part) > len(old) + 2:
                        index.setdefault(part[: -len(old)] + new, []).append(run)
    return index


def kept_whole_name(
    runs: dict[str, list[str]],
    msgid: str,
    uses: list[tuple[int, int]],
    translation: str,
    low: str,
    word: str,
    places: Callable[[str], list[int]] | None = None,
) -> bool:
    """Is every use of the English ``word`` (casefolded) in the msgid a word of a name of
    three capitalised words or more that a translation of the rest of the message keeps
    whole, as written (every word capitalised, not in quotes), in any script: Firefox's
    "Microsoft's Media Feature Pack" as "Media Feature Pack-un e Microsoft-it", "Encrypted
    Media Extensions" kept in an Albanian sentence? A name is said as written; a use
    outside it is not ("GNOME Color Profile Viewer shows the color profiles": the second
    is the term's). Not a label in quotes ('"Search For Files"': English left in), a run
    of two words ("Print Preview", "Window Protocol"), a msgid copied as it is (the
    caller's test). ``runs``: the msgid's runs (`name_runs`, casefolded) by their words
    (`runs_holding`); ``uses``: where the word stands in the msgid (`_uses`); ``low``: the
    translation casefolded; ``places``: where a long translation has each word
    (`word_places`), not a scan of it per missing term. Of the runs holding the word, the
    first _MAX_USES are looked for, each at its first _MAX_USES places (bounded time)."""
    if not uses or len(uses) > _MAX_USES:
        return False
    if len(low) != len(translation):
        low, places = in_place(translation), None
    kept = []
    for run in runs.get(word, [])[:_MAX_USES]:
        if places is not None:
            starts = [
                at for at in places(run[: run.find(" ")])[:_MAX_USES] if low.startswith(run, at)
            ]
        else:
            starts = []
            at = low.find(run)
            while at >= 0 and len(starts) < _MAX_USES:
                starts.append(at)
                at = low.find(run, at + len(run))
        for at in starts:
            end = at + len(run)
            if (
                _word_at(low, at, end)
                and translation[at - 1 : at] not in (*_QUOTES, "\u201d", "\u2019", "\u00bb")
                and all(part[:1].isupper() for part in translation[at:end].split(" "))
            ):
                kept.append(run)
                break
    return bool(kept) and all(_inside_run(msgid, use, kept) for use in uses)


def same_words(text: str, msgid: str) -> bool:
    """Is the text the msgid's words in its order, whatever stands between them ("Show
    Window Title Bar." or "Use System Title Font…" for the msgid without the full stop or the
    ellipsis): a msgid copied, not translated?"""
    return text == msgid or _WORDS.findall(text) == _WORDS.findall(msgid)


# A word as `same_words` compares them: a run of letters and digits.
_WORDS = re.compile(r"[^\W_]+")


def _inside_run(msgid: str, use: tuple[int, int], runs: list[str]) -> bool:
    """Does one of the runs (casefolded) stand in the msgid over the use (start, end)?"""
    start, end = use
    for run in runs:
        first = max(0, start - len(run))
        window = msgid[first : end + len(run)].casefold()
        at = window.find(run)
        while at >= 0:
            if first + at <= start and first + at + len(run) >= end:
                before = msgid[max(0, first + at - 20) : first + at].split()
                # a command named after a verb of the interface is a label, English left
                # in ("Choose Insert Special Character to add one"), not a name
                return not before or before[-1].strip("\"'“‘").casefold() not in _LABEL_CUES
            at = window.find(run, at + 1)
    return False


# Verbs before a label of the interface (a menu command, a button) named in Title Case.
_LABEL_CUES = frozenset({"choose", "select", "click", "press", "pick", "tap", "use"})


def _ends_name(names: frozenset[str], translation: str, at: int, end: int, word: str) -> bool:
    """`kept_in_name` of the use of the word at translation[at:end] (a whole word)."""
    if translation[end : end + 1] not in (" ", "-", "\u2011"):
        return False
    rest = translation[end : end + 3].lstrip(" -\u2011")
    before = translation[max(0, at - 81) : at]
    if rest[:1] > _LATIN_END and rest[:1].isalpha() and before.endswith(" "):
        parts = before[:-1].rsplit(" ", 2)
        words = parts[-2:] if len(parts) == 3 or len(before) == at else []
        words[:1] = [w.lstrip(_AROUND_CODE) for w in words[:1]]  # ("(Apple Core")
        return (
            len(words) == 2
            and all(w[:1].isupper() and w.isascii() and w.isalpha() for w in words)
            and f"{words[0]} {words[1]} {word}".casefold() in names
        )
    return False


def word_places(low: str) -> Callable[[str], list[int]]:
    """Where each word stands as a whole word in a text (casefolded), in order: an index of
    its runs of letters and digits (`_word_at`'s words), made when first asked for."""
    index: dict[str, list[int]] = {}
    made: list[bool] = []

    def places(word: str) -> list[int]:
        if not made:
            made.append(True)
            for run in re.finditer(r"[^\W_]+", low):  # (str.isalnum's runs)
                index.setdefault(run.group(), []).append(run.start())
        return index.get(word, [])

    return places


# Nouns after a run of capitalised words that make it a label of the interface, not a name
# (the "Select Table dialog", the "Character Encoding menu", the "Sticky Keys option").
_UI_NOUNS = frozenset({
    "dialog", "dialogue", "menu", "submenu", "box", "button", "tab", "field", "page",
    "window", "option", "options", "command", "panel", "pane", "toolbar", "bar", "list",
    "view", "item", "entry", "area", "section", "icon", "checkbox", "wizard", "setting",
    "settings", "key", "keys", "mode", "tool", "column",
})  # fmt: skip


def name_runs(msgid: str) -> frozenset[str]:
    """The msgid's runs of three Latin words that all start with a capital, one space
    apart (windows media audio, apple core audio: casefolded), not followed by a noun that
    names a label of the interface (`_UI_NOUNS`): where `kept_in_name` looks a name up.
    Read once per entry, however many of its terms are missing (a long msgid is not
    searched again for each)."""
    words = msgid.split(" ")
    found = set()
    for at in range(len(words) - 2):
        first, middle, last = words[at].lstrip(_AROUND_CODE), words[at + 1], words[at + 2]
        last = last.rstrip(_AROUND_CODE)
        if not (first[:1].isupper() and middle[:1].isupper() and last[:1].isupper()):
            continue
        if not all(w.isascii() and w.isalpha() for w in (first, middle, last)):
            continue
        after = words[at + 3].strip(_AROUND_CODE).casefold() if at + 3 < len(words) else ""
        if words[at + 2] == last and after in _UI_NOUNS:
            continue  # a label: the "Paragraph Style dialog"
        found.add(f"{first} {middle} {last}".casefold())
    return frozenset(found)


_NOTICE = 200  # characters of a msgid that may be a copyright line
_NOTICE_OPENINGS = ("©", "copyright", "(c)")


def is_notice(msgid: str) -> bool:
    """Is the msgid a copyright line ("© 1996–2022 The Evince document viewer authors",
    "Copyright (C) 2009 ..."): a legal notice whose words name its holders, which a
    translation may keep as written (Evince's Georgian, judged false)? A notice opens with
    the sign or the word and has a year; not a label "Copyright" (English left in), a
    message about copyright ("The copyright notice of the data"), nor a long text (a
    licence)."""
    if len(msgid) > _NOTICE:
        return False
    opens = msgid.lstrip()[:9].casefold().startswith(_NOTICE_OPENINGS)
    return opens and any(ch.isdigit() for ch in msgid)


_METAVARIABLE = 40  # characters of a msgid that may be an argument's name alone


def is_metavariable(msgid: str) -> bool:
    """Is the msgid one word in capitals alone (FILE, [DIRECTORY], <PATH>, NAME...): the
    name of a command's argument in a usage line, which a translation may keep as written
    (GNOME Builder's FILE); not a message in capitals of two words or more (FILE NOT
    FOUND), a heading (ERROR:), nor an abbreviation (URL, PDF: four letters at least, a
    vowel among them), which names a concept the glossary may translate."""
    if len(msgid) > _METAVARIABLE:
        return False  # (one short word: a long message is not read, whatever it holds)
    core = msgid.strip()
    for _ in range(2):  # [FILE...], [FILE]...
        if core.endswith("..."):
            core = core[:-3]
        if core[:1] + core[-1:] in ("[]", "<>"):
            core = core[1:-1]
    return (
        len(core) >= 4
        and core.isupper()
        and core.replace("_", "").replace("-", "").isalnum()
        and any(vowel in core for vowel in "AEIOU")
    )


def holds_quote_or_name(msgid: str) -> bool:
    """Whether a msgid holds a quote, a name kept as written or a sign of code (a colon or
    a slash inside a word: `_in_code`): the part of `kept_as_written`'s quick test that
    does not depend on the word."""
    return (
        any(quote in msgid for quote in _QUOTES)
        or any(name in msgid for name in _NAMES)
        or ":" in msgid
        or "/" in msgid
    )


# --- Code and names by their syntax (`kept_code`) ---------------------------------------
# A word of code is not the noun, nor a name's word, when the translation keeps the
# code or the name letter for letter (translators keep them; a translated one has the
# term anyway). Each kind by a rule of its syntax, never by a program's words:
# - a declaration of Basic (LibreOffice's help: "RTrim (Text As String)", "Trim( Text As
#   String )"): a name, "As" and a type in an argument list after a name, or after a
#   statement's name at a line's start with one of Basic's own types ("RmDir Text As
#   String"); not a label in Title Case ("Save As Template", "Mark All As Read"), no
#   argument list and no type of Basic's;
# - a comment of C (/* ignore all text here */);
# - a key's name, a capitalised word and Up or Down ("Page Up", "Alt-Page Down", "Page
#   Up/Dn"): the key, not the noun (as the Tab key is: source_match's name marker);
# - the words of an acronym's expansion, their initials the acronym beside them ("UDF —
#   Universal Disk Format, for removable devices", "ALSA (Advanced Linux Sound
#   Architecture)"): a name, kept in a translation of the rest of the message. Not in a
#   msgid copied as it is: a catalog may translate the name (LibreOffice's Georgian help
#   says "Complex Text Layout" ტექსტის კომპლექსური განლაგება, and left "Complex Text
#   Layout (CTL)" in English: judged real).
_BASIC_TYPES = frozenset({
    "Boolean", "Byte", "Currency", "Date", "Decimal", "Double", "Integer", "Long", "Object",
    "Single", "String", "Variant",
})  # fmt: skip
_BASIC_MODIFIERS = ("Optional ", "ByVal ", "ByRef ", "ParamArray ")
_IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_KEY_WORDS = (" Up", " Down", " Dn")  # (also signs: _CODE_SIGNS_OF_SYNTAX)
_ACRONYM_SIGNS = ("(", "-", "\u2013", "\u2014", ":")
# What a msgid holds where it may hold code of these kinds (a quick test).
_CODE_SIGNS_OF_SYNTAX = (" As ", "/*", " Up", " Down", " Dn")


def holds_code(msgid: str, word: str | None = None, names: bool = True) -> bool:
    """Whether a msgid may hold code or a name of `kept_code`'s kinds where its English
    ``word`` (casefolded) is (a quick test): a sign of code, or the word capitalised and a
    sign an acronym stands by (a name's words are capitalised; "(" and ":" alone are in
    most messages, and each let in costs a reading of the message). Without ``word``: for
    any word (a long msgid's, read once for all its words); not ``names``: code only (a
    msgid copied as it is)."""
    held: Callable[[str], bool] = msgid.__contains__
    if len(msgid) >= LONG_TEXT:  # (a long msgid: its signs found in one pass)
        held = _signs_in(msgid).__contains__
    if any(map(held, _CODE_SIGNS_OF_SYNTAX)):
        return True
    if not names or (word is not None and word.capitalize() not in msgid):
        return False
    return any(map(held, _ACRONYM_SIGNS))


def _signs_in(msgid: str) -> set[str]:
    """The signs of `code_spans`'s kinds that a long msgid holds, found in one pass."""
    from moci_vocab.checkpo.substrings import found_in

    return found_in(msgid, {*_CODE_SIGNS_OF_SYNTAX, *_ACRONYM_SIGNS})


def kept_code(
    msgid: str,
    translation: str,
    copied: bool = False,
    spans: list[tuple[int, int, bool]] | None = None,
) -> list[tuple[int, int]]:
    """The spans of the msgid that are code or a name by their syntax (above) and that the
    translation keeps letter for letter (``copied``: the translation is the msgid; then
    code only, no name), sorted, overlapping ones merged. ``spans``: `code_spans` of the
    msgid when known. Each span's text is looked for in the translation, a long one in one
    pass for all of them (`substrings.found_in`)."""
    if spans is None:
        spans = code_spans(msgid)
    wanted = [(a, b) for a, b, name in spans if not (copied and name)]
    if not wanted:
        return []
    if copied:
        held: Callable[[str], bool] = lambda text: True  # noqa: E731 (the msgid itself)
    elif len(translation) >= LONG_TEXT and len(wanted) > 1:
        from moci_vocab.checkpo.substrings import found_in

        held = found_in(translation, {msgid[a:b] for a, b in wanted}).__contains__
    else:
        held = translation.__contains__
    merged: list[tuple[int, int]] = []
    for a, b in sorted(wanted):
        if held(msgid[a:b]):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
    return merged


def _kept_spans(
    msgid: str, translation: str, long: LongMsgid | None
) -> Callable[[bool], list[tuple[int, int]]]:
    """`kept_code` of a msgid and its translation (copied or not), each found when first
    asked for, then kept: once for all the translation's missing terms."""
    found: dict[bool, list[tuple[int, int]]] = {}

    def spans(copied: bool) -> list[tuple[int, int]]:
        got = found.get(copied)
        if got is None:
            code = None if long is None else long.code_spans()
            got = found[copied] = kept_code(msgid, translation, copied, code)
        return got

    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) inside one of the sorted, disjoint spans?"""
    at = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def code_spans(msgid: str) -> list[tuple[int, int, bool]]:
    """The spans of the msgid that are code or a name by their syntax (`kept_code`), each
    with whether it is a name (an acronym's expansion). String scans from each sign, no
    regular expression (a pattern compiled on each check costs more than these few tests:
    this is asked of flagged msgids only)."""
    spans: list[tuple[int, int, bool]] = []
    # (a long msgid's signs found first in one pass; only those it holds are looked for)
    held = _signs_in(msgid) if len(msgid) >= LONG_TEXT else None
    at = msgid.find(" As ") if held is None or " As " in held else -1
    while at >= 0:
        declaration = _basic_declaration(msgid, at)
        if declaration is not None:
            spans.append((*declaration, False))
        at = msgid.find(" As ", at + 4)
    at = msgid.find("/*") if held is None or "/*" in held else -1
    while at >= 0:
        close = msgid.find("*/", at + 2)
        if close < 0:
            break
        spans.append((at, close + 2, False))
        at = msgid.find("/*", close + 2)
    for key in _KEY_WORDS:
        at = msgid.find(key) if held is None or key in held else -1
        while at >= 0:
            end = at + len(key)
            first = _word_before(msgid, at)
            if first < at and not msgid[end : end + 1].isalnum():
                spans.append((first, end, False))
            at = msgid.find(key, end)
    for sign in _ACRONYM_SIGNS:
        at = msgid.find(sign) if held is None or sign in held else -1
        while at >= 0:
            spans.extend(_expansions(msgid, at, sign))
            at = msgid.find(sign, at + 1)
    return spans


def _basic_declaration(msgid: str, at: int) -> tuple[int, int] | None:
    """The span of a Basic declaration "Name As Type" whose " As " is at msgid[at:], in an
    argument list after a name, or after a statement's name at a line's start with one of
    Basic's types; None when there is none."""
    start = at - 2 if msgid[max(0, at - 2) : at] == "()" else at
    while start > 0 and msgid[start - 1] in _IDENTIFIER:
        start -= 1
    if start == at or msgid[start].isdigit():
        return None
    end = at + 4
    if msgid.startswith("New ", end):
        end += 4
    kind = end
    while end < len(msgid) and (msgid[end] in _IDENTIFIER or msgid[end] == "."):
        end += 1
    if end == kind or msgid[kind].isdigit():
        return None
    type_end = end
    if msgid.startswith("()", end):
        end += 2
    for modifier in _BASIC_MODIFIERS:
        if msgid[max(0, start - len(modifier)) : start] == modifier:
            start -= len(modifier)
            break
    before = msgid[max(0, start - 80) : start].rstrip(" \t")
    if before.endswith(("(", ",")):
        head = before[:-1].rstrip(" \t")
        if before.endswith(",") or head[-1:].isalnum() or head[-1:] == "_":
            return start, end
    elif msgid[kind:type_end] in _BASIC_TYPES:
        line = before[before.rfind("\n") + 1 :].strip()
        if line and line.replace("_", "").isalnum():
            return start, end
    return None


def _capitalised(word: str) -> bool:
    """A word of an ASCII capital and lowercase letters ("Portable")."""
    return (
        len(word) > 1
        and word.isascii()
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
    )


def _word_before(text: str, at: int) -> int:
    """Where the capitalised word ending at text[at] starts (``at``: none there)."""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return at
    return start if _capitalised(text[start:at]) else at


def _expansions(msgid: str, at: int, sign: str) -> list[tuple[int, int, bool]]:
    """The spans of the capitalised words whose initials are the acronym beside the sign at
    msgid[at]: the acronym before it and the words after ("PDF - Portable Document Format",
    "DV (Digital Video)"), or the words before "(" and the acronym inside ("Hardware
    Abstraction Layer (HAL)"). At most six words are read on either side."""
    found: list[tuple[int, int, bool]] = []
    end = at - 1 if msgid[at - 1 : at] == " " else at
    start = end
    while start > 0 and end - start < 7 and _is_capital(msgid[start - 1]):
        start -= 1
    acronym = msgid[start:end]
    if 2 <= len(acronym) <= 6 and (start == 0 or not msgid[start - 1].isalnum()):
        first = at + 1 + (sign != "(" and msgid[at + 1 : at + 2] == " ")
        span = _words_of_initials(msgid, first, acronym)
        if span is not None:
            found.append((*span, True))
    if sign != "(":
        return found
    close = at + 1
    while close < len(msgid) and close - at <= 7 and _is_capital(msgid[close]):
        close += 1
    acronym = msgid[at + 1 : close]
    if not (2 <= len(acronym) <= 6 and msgid[close : close + 1] == ")"):
        return found
    last = at - 1 if msgid[at - 1 : at] == " " else at
    first = end = last
    for count in range(len(acronym)):  # a word per letter, back from "(", a space or "-" apart
        word = _word_before(msgid, end)
        if word == end:
            break
        first = word
        if count + 1 < len(acronym):
            if word == 0 or msgid[word - 1] not in " -":
                break
            end = word - 1
    else:
        if _initials(msgid[first:last]) == acronym:
            found.append((first, last, True))
    return found


def _is_capital(char: str) -> bool:
    """An ASCII capital letter."""
    return "A" <= char <= "Z"


def _words_of_initials(msgid: str, first: int, acronym: str) -> tuple[int, int] | None:
    """The span of as many capitalised words from msgid[first] on as the acronym has
    letters, one space or hyphen apart, when their initials are the acronym."""
    at = first
    for letter in acronym:
        if msgid[at : at + 1] != letter:
            return None
        end = at + 1
        while end < len(msgid) and msgid[end].isalpha():
            end += 1
        if not _capitalised(msgid[at:end]):
            return None
        last, at = end, end + 1
        if letter is not acronym[-1] and msgid[end : end + 1] not in (" ", "-"):
            return None
    return first, last


def _initials(words: str) -> str:
    """The first letters of the words of a name ("Portable Document Format": PDF)."""
    return "".join(word[0] for word in words.replace("-", " ").split())


# Around a code token: quotes, brackets and the sentence's punctuation.
_AROUND_CODE = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb()[]<>.,;!?"


def _in_code(
    msgid: str,
    start: int,
    end: int,
    translation: str,
    long: LongMsgid | None = None,
    codes: Callable[[str], set[str]] | None = None,
) -> bool:
    """Is msgid[start:end] a name inside a code token that the translation keeps: lowercase
    names joined by colons (yelp:document, host:port) or the path under an upper-case
    variable (XDG_PICTURES_DIR/Webcam), with the word a part of such a token of the
    translation too (Yelp:document; XDG_VIDEOS_DIR/Webcam)? Not Trac's "[1:Version" (a
    number before the colon: translatable markup) nor "and/or", "Audio/Video". ``long``,
    ``codes``: a long msgid's tokens and a long translation's parts, found once (they were
    read again for each use of each word: 2,000 words of a 46 KB msgid, each in a token
    "yelp:…", against a 536 KB translation took 18 s)."""
    token = _token_at(msgid, start, end) if long is None else long.token_at(start, end)
    sign = ":" if ":" in token else "/"
    parts = token.split(sign)
    if len(parts) < 2 or not all(parts) or not all(map(_name_like, parts)):
        return False
    if sign == ":":
        if not all(part[0].isalpha() and part.islower() for part in parts):
            return False
    elif "_" not in parts[0] or not parts[0].isupper():
        return False  # a slash between words (and/or, Audio/Video) is not a path
    word = msgid[start:end].casefold()
    if codes is not None:
        return word in codes(sign)
    for chunk in translation.split():
        kept = chunk.strip(_AROUND_CODE).casefold()
        if sign in kept and word in kept.split(sign):
            return True
    return False


def code_parts(translation: str) -> Callable[[str], set[str]]:
    """The parts of a translation's code tokens joined by a sign (":" or "/"), casefolded,
    found when first asked for: a word is such a part of a token of the translation (as
    `_in_code` asks) when it is in this set."""
    parts: dict[str, set[str]] = {}

    def of(sign: str) -> set[str]:
        found = parts.get(sign)
        if found is None:
            found = parts[sign] = set()
            for chunk in translation.split():
                kept = chunk.strip(_AROUND_CODE).casefold()
                if sign in kept:
                    found.update(kept.split(sign))
        return found

    return of


def _token_at(text: str, start: int, end: int) -> str:
    """The run of text without spaces around text[start:end], less what is around code."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(_AROUND_CODE)


def _name_like(part: str) -> bool:
    """A name of code: letters, digits, _ . - only."""
    return all(ch.isalnum() or ch in "_.-" for ch in part)


def _in_capitals(msgid: str, surface: str, end: int, ordinary: bool | None = None) -> bool:
    """A word in capitals inside a message in ordinary case (PORT command, alsa://SOURCE),
    not a message in capitals (FILE NOT FOUND) nor a heading (ERROR: …). ``ordinary``:
    whether the msgid has more lowercase letters than capitals, when the caller knows."""
    if len(surface) < 2 or not surface.isupper() or msgid[end : end + 1] == ":":
        return False
    if ordinary is not None:
        return ordinary
    # (counted in C: a generator per letter cost most of the drop pass on a large catalog)
    return sum(map(str.islower, msgid)) > sum(map(str.isupper, msgid))


def _after_determiner(msgid: str, start: int) -> bool:
    """Does a determiner stand right before msgid[start:] (the Windows, only one FILE)?"""
    before = msgid[max(0, start - 40) : start].split()
    return bool(before) and before[-1].casefold() in _DETERMINERS


def _name(msgid: str, surface: str, start: int, translation: str) -> bool:
    """The name Windows: kept in a translation, in a message not in Title Case, not the
    plural subject of a sentence (Close All Windows; Windows are tiled)."""
    if surface not in _NAMES:
        return False
    long_words = [w for w in msgid.split() if len(w) > 3 and w[0].isalpha()]
    if long_words and all(w[0].isupper() for w in long_words):
        return False  # Title Case: capitals say nothing
    opening = msgid[:start].rstrip(" \t\"'(\u201c\u2018")
    if opening == "" or opening[-1] in ".!?:\n":  # a sentence's first word: its capital
        after = msgid[start + len(surface) : start + len(surface) + 40].split()
        return not after or after[0].casefold() not in _FOLLOW_A_SUBJECT  # Windows share
    return True


def _uri_scheme(msgid: str, end: int) -> bool:
    """Is the word ending at ``end`` a URI scheme's name, its colon and then "URI" or
    "URL" after it ("Navigation to toplevel data: URI not allowed", "local file: URIs")?"""
    return msgid[end : end + 1] == ":" and msgid[end + 1 : end + 6].lstrip(" ")[:3] in (
        "URI",
        "URL",
    )


# Adjectives and adverbs that follow an object, not nouns (Keep Windows Open, Group Windows
# Together, Arrange Windows Side by Side, Close all Windows Except This: review of a68a15b).
_NOT_A_NOUN_AFTER = frozenset({"open", "together", "side", "apart", "except", "anytime"})


def _name_modifying(msgid: str, surface: str, end: int) -> bool:
    """The name Windows right before a noun it modifies ("Windows Utils", "the Windows
    taskbar", "no Windows Media Foundation"), in Title Case or after a determiner too: an
    English noun modifies another in the singular (a window manager, the window list), so
    the plural there is the name. Not before a verb, a preposition or a conjunction
    (Windows can be tiled, Windows of other workspaces), an adverb (Close all Windows now,
    Arrange Windows Vertically) or nothing (Close All Windows)."""
    if surface not in _NAMES or msgid[end : end + 1] != " ":
        return False
    after = msgid[end + 1 : end + 41].split(None, 1)
    noun = after[0].rstrip(".,;:!?)\u201d\u2019\"'") if after else ""
    low = noun.casefold()
    return (
        noun.replace("-", "").isalpha()
        and low not in _FOLLOW_A_SUBJECT
        and low not in _NOT_A_NOUN_AFTER
        and low.encode() not in _AFTER_PARTICIPLE  # (prepositions, conjunctions, adverbs)
        and not low.endswith(("ly", "ed"))  # an adverb; a participle (Windows Maximized)
    )


def _quoted(msgid: str, start: int, end: int) -> str | None:
    """The quoted literal (one word, or text with a sign of code) around msgid[start:end],
    or None: a quoted phrase of words is a label, not a literal."""
    # (a line break more than 80 characters back is of no matter: not searched for)
    line_start = msgid.rfind("\n", start - 81 if start > 81 else 0, start) + 1
    for at in range(start - 1, max(line_start, start - 80) - 1, -1):
        quote = msgid[at]
        if quote not in _CLOSING:
            continue
        stop = min(len(msgid), at + 82)  # a literal has at most 80 characters
        close = next((i for i in range(end, stop) if msgid[i] in _CLOSING[quote]), -1)
        if close < 0 or "\n" in msgid[end:close]:
            return None
        text = msgid[at + 1 : close]
        # one lowercase word (a scheme, a key) or code; a capitalised word is a label
        one_word = all(ch.isalnum() or ch in "_.-" for ch in text) and text == text.lower()
        return text if text and (one_word or not _CODE_SIGNS.isdisjoint(text)) else None
    return None


def _word_at(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole word (no letter or digit on either side)?"""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _uses(msgid: str, word: str) -> list[tuple[int, int]]:
    """Where the word or one of its English plurals (source_match.plurals) stands in the
    msgid as a whole word; at most _MAX_USES + 1 of them."""
    low = msgid.casefold()
    if len(low) != len(msgid):  # casefolding moved letters (ß → ss): no positions to trust
        return []
    found: list[tuple[int, int]] = []
    for form in {word, *plurals(word)}:
        at = low.find(form)
        while at >= 0 and len(found) <= _MAX_USES:
            if _word_at(low, at, at + len(form)):
                found.append((at, at + len(form)))
            at = low.find(form, at + len(form))
    return sorted(found)


def _indexed_uses(msgid: str) -> Callable[[str], list[tuple[int, int]]]:
    """`_uses` of a long msgid for any word (of letters), by an index of its words made
    once: a form stands as a whole word where a run of letters and digits is that form.
    More than _MAX_USES uses are cut to _MAX_USES + 1, as `_uses` cuts them (which ones is
    then of no matter to `kept_as_written`: too many)."""
    index: dict[str, list[int]] = {}
    made: list[bool] = []  # (the index is made when first asked for)

    def uses(word: str) -> list[tuple[int, int]]:
        if not made:
            made.append(True)
            low = msgid.casefold()
            if len(low) == len(msgid):  # (casefolding moved letters: no positions to trust)
                for run in re.finditer(r"[^\W_]+", low):  # (str.isalnum's runs)
                    index.setdefault(run.group(), []).append(run.start())
        found = sorted(
            (at, at + len(form)) for form in {word, *plurals(word)} for at in index.get(form, ())
        )
        return found[: _MAX_USES + 1]

    return uses


def compound_part(
    words: list[str], term: str, infl: Inflection, known: Callable[[str], bool]
) -> bool:
    """Does a word of the translation start with the term and go on with a word of its own?"""
    return _compound_part(sorted(words), term, infl, known)


def _compound_part(
    ordered: list[str], term: str, infl: Inflection, known: Callable[[str], bool]
) -> bool:
    """`compound_part` with the translation's words sorted: those starting with the term are
    found by bisection, not by a pass over all of them for each missing term."""
    if infl.first_parts is None or " " in term or len(term) < _MIN_PART:
        return False
    if infl.first_parts and term.endswith(tuple(infl.first_parts)):
        return False  # a case ending, which a first part drops: no compound of the term
    for token in _starting(ordered, term):
        rest = token[len(term) :]
        if len(rest) >= _MIN_REST and known(rest):
            return True
    return False


def borrowed_compound(
    words: list[str], term: str, english: str, infl: Inflection, known: Callable[[str], bool]
) -> bool:
    """Does a word of the translation (``words``: sorted) start with the consonant stem of a
    term borrowed from the English word, less the case ending a first part drops, and go on
    with a word of its own (ka ინტერნეტკავშირი, internet connection, ინტერნეტსივრცე: ინტერნეტ-
    of ინტერნეტი, internet; Mozilla's and Kolibri's)? Not a native stem (`_borrowed`: სახელ-
    of სახელი, name, in სახელწოდება, a title, a word of its own), which `_compound_part`
    leaves too."""
    if not infl.first_parts or " " in term or not term.endswith(tuple(infl.first_parts)):
        return False
    stem = term[:-1]
    if len(stem) < _MIN_PART or stem[-1] in _VOWELS:
        return False
    for token in _starting(words, stem):
        rest = token[len(stem) :]
        if len(rest) >= _MIN_REST and rest[0] not in _VOWELS and known(rest):
            return _borrowed(stem, english)
    return False


def said_as_role(words: list[str], term: str, infl: Inflection) -> bool:
    """Does a word of the translation (``words``: sorted) say a noun term by its abstract
    noun (`Inflection.abstract`: ka წევრი, a member → წევრობა, membership, წევრობაზე)? A
    consonant stem's nominative -ი, five letters or more, not a participle's."""
    suffix = infl.abstract[0]
    if not suffix or " " in term or len(term) < 5 or not term.endswith("ი"):
        return False
    if term.endswith(infl.bare_participles[1]):
        return False
    return _stem_said(words, (term[:-1] + suffix[:-1],), infl, None, after_vowel=True)


# The English before a noun that names a role one takes (become a member, be an admin,
# remove as admin), said by the role's abstract noun (`said_as_role`).
_ROLE_VERBS = frozenset({"become", "becomes", "became", "becoming", "be", "being", "as"})


def _role_of(msgid: str, english: str) -> bool:
    """Does every use of the English noun follow *become*, *be* or *as* (an article between
    allowed): a role one takes, not the people who have it ("Members", "add a member")?"""
    uses = _uses(msgid, english)
    for start, _end in uses:
        before = msgid[max(0, start - 40) : start].casefold().split()
        if before and before[-1] in ("a", "an"):
            before = before[:-1]
        if not before or before[-1] not in _ROLE_VERBS:
            return False
    return bool(uses)


def known_words(vocabulary: Callable[[], set[str]], infl: Inflection) -> Callable[[str], bool]:
    """A test of whether a word is a word of the catalog, or a form of one (`form_of_known`):
    the words (``vocabulary``) are made when first asked for, sorted when a form is first
    searched, and each stem's scan is kept for every later word (``scanned``)."""
    words_known: set[str] | None = None
    ordered: list[str] | None = None  # the same words in order (a form's search)
    scanned: dict[str, bool] = {}  # stem → its scan's answer (`form_of_known`)

    def known(word: str) -> bool:
        nonlocal words_known, ordered
        if words_known is None:
            words_known = vocabulary()
        if word in words_known:
            return True
        if ordered is None:
            ordered = sorted(words_known)
        return form_of_known(word, infl, ordered, scanned)

    return known


def linked_compounds(
    missing: list[tuple[int, int, str]],
    terms: dict[int, list[str]],
    link: str,
    infl: Inflection,
    vocabulary: Callable[[], set[str]],
    named_next: Callable[[int, int], list[str]] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms that a word of the translation holds as the
    first part of a closed compound joined by the linking vowel ``link`` (Armenian
    Սահիկացուցադրություն, slide show: սահիկ + ա + ցուցադրություն), its rest a word the
    catalog's translations use on their own, or a form of one, of _MIN_REST letters or more;
    or the word is a form of the term of the noun the English names right after the
    concept's word, that term such a compound (Common Voice's "voice clips" said
    ձայնագրություններ, recordings: the clip's term ձայն + ա + գրություն holds the voice's
    ձայն, its rest no word of the catalog).

    ``missing``: (entry, concept, the translation checked), a translation's terms together;
    ``terms``: concept → its allowed terms (casefolded; a term of several words, or of
    fewer than _MIN_PART letters, starts no compound); ``named_next``: (entry, concept) →
    the one-word terms (casefolded) of the concepts whose English word follows the
    concept's in the msgid, asked for only where no compound of the catalog's words is
    found. Each translation's words are found once and sorted, each term a bisection: no
    pass over the translation per missing term.
    """
    found: set[tuple[int, int]] = set()
    known = known_words(vocabulary, infl)
    last: tuple[int, str] | None = None
    parts: list[str] = []
    answers: dict[str, bool] = {}  # first part → whether a word of the translation has it
    # concept → its terms' first parts with the linking vowel, and their reduced stems with
    # the vowel a derived or compound word goes on with (`reduced_starts`)
    starts: dict[int, tuple[list[str], list[str]]] = {}
    for entry, concept, text in missing:
        both = starts.get(concept)
        if both is None:
            words = [t for t in terms.get(concept, ()) if " " not in t and len(t) >= _MIN_PART]
            both = starts[concept] = (
                [first + link for term in words for first in _first_parts(term, infl)],
                [start for term in words for start in reduced_starts(term, infl)],
            )
        firsts, reduced = both
        if not firsts:
            continue
        if last is None or last[0] != entry or last[1] is not text:
            last = (entry, text)
            parts = sorted(set(tokens(text)))
            answers = {}
        for first in firsts:
            answer = answers.get(first)
            if answer is None:  # (concepts sharing a term: its words read once)
                answer = answers[first] = any(
                    len(token) - len(first) >= _MIN_REST and known(token[len(first) :])
                    for token in _starting(parts, first)
                )
            if answer:
                found.add((entry, concept))
                break
        else:
            # a word starting with the reduced stem is derived on the term (its own rest)
            # (or a word is the term of the next English noun, made on this one: ձայն-ա-)
            if any(next(_starting(parts, start), None) is not None for start in reduced) or (
                named_next is not None
                and (following := named_next(entry, concept))
                and _next_holds(parts, firsts, following, infl)
            ):
                found.add((entry, concept))
    return found


def _next_holds(
    parts: list[str], firsts: list[str], following: list[str], infl: Inflection
) -> bool:
    """Is a word of the translation (its sorted ``parts``) a form of one of the
    ``following`` terms that starts with one of ``firsts`` (a term and the linking vowel)
    and goes on for _MIN_REST letters or more?"""
    return any(
        _form_of(token, term, infl)
        for term in following
        for first in firsts
        if term.startswith(first) and len(term) - len(first) >= _MIN_REST
        for token in _starting(parts, first)
    )


def first_part_of(term: str, infl: Inflection) -> list[str]:
    """The term as a compound's first part, a term of several words or of fewer than
    _MIN_PART letters as none (`_first_parts`)."""
    return [] if " " in term or len(term) < _MIN_PART else _first_parts(term, infl)


def compound_firsts(term: str, infl: Inflection) -> list[str]:
    """The first parts a one-word term may be a compound of: what comes before each
    linking vowel (`Inflection.linked_parts`) that has _MIN_PART letters or more before it
    and _MIN_REST after it (ձայնագրություն: ձայն)."""
    link = infl.linked_parts
    if not link or " " in term:
        return []
    return [
        term[:at]
        for at in range(_MIN_PART, len(term) - len(link) - _MIN_REST + 1)
        if term.startswith(link, at)
    ]


def _first_parts(term: str, infl: Inflection) -> list[str]:
    """The term as a compound's first part: as written, and a term given in the plural as
    its lemma too (hy տվյալներ, data → տվյալ: տվյալ-ա-կազմ, a dataset), as the plural marker
    is no part of a compound."""
    for form in sorted(infl.plural[0], key=len, reverse=True):
        if form and term.endswith(form) and len(term) - len(form) >= _MIN_PART:
            return [term, term[: -len(form)]]
    return [term]


def kind_compounds(
    missing: list[tuple[int, int, str]],
    english: Callable[[int], str],
    terms: Callable[[int], list[str]],
    named: Callable[[str], list[int]],
    holds: Callable[[str, int], bool],
    msgid: Callable[[int], str],
    infl: Inflection,
    starts: Callable[[int], Iterable[str]] | None = None,
    longest: Callable[[int], int] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms that a compound of a modifier's prefix
    (`Inflection.kind_prefixes`: Armenian ենթա- for "child") renders: where the
    English says "child widget", ենթավիջեթ holds the widget (its rest a form of the term
    վիջեթ) and the child, when that concept's term is made of the prefix too (ենթատարր,
    a child element). Only that pair of English words: "subfolders" or "sub-folders"
    beside "the selected folder" is another word (ենթապանակ), and "Child Pack direction"
    as Ենթամենյու (submenu) renders no concept named "pack".

    ``missing``: (entry, concept, the translation checked); ``english``: a concept's English
    word, casefolded; ``terms``: its terms, casefolded; ``named``: the concepts an English
    word (or its plural) names; ``holds``: whether a word is a form of a concept's term;
    ``starts``: the first two letters its terms' forms may start with (the terms' own when
    not given), the only rests ``holds`` is asked about; ``longest``: the most letters of
    its terms' stems and exact forms (a compound's last part is one with an ending: no
    longer), where not given any length.
    """
    found: set[tuple[int, int]] = set()
    begins: dict[int, set[str]] = {}

    def starts_of(concept: int) -> set[str]:
        """The first two letters a rest must have to be one of the concept's forms."""
        known = begins.get(concept)
        if known is None:
            made = starts(concept) if starts is not None else (t[:2] for t in terms(concept))
            known = begins[concept] = set(made)
        return known

    prefixes = tuple(prefix for prefix, _ in infl.kind_prefixes)
    last: tuple[int, str] | None = None
    # each kind prefix → the rests of the translation's words with it and the distinct
    # (modifier, noun) pairs of the msgid: made once per translation, not once per missing
    # concept (a long msgid was read again for each: review of 39b8503)
    read: list[tuple[str, list[str], dict[tuple[str, str], None]]] = []
    for entry, concept, text in missing:
        if last is None or last[0] != entry or last[1] is not text:
            # (a translation's words and its msgid read once: its terms come together)
            last = (entry, text)
            prefixed = [t for t in set(tokens(text)) if t.startswith(prefixes)]
            low = msgid(entry).casefold() if prefixed else ""
            read = []
            for prefix, before in infl.kind_prefixes if prefixed else ():
                own = [
                    t
                    for t in prefixed
                    if t.startswith(prefix) and len(t) - len(prefix) >= _MIN_REST
                ]
                if not own:
                    continue
                pairs = dict.fromkeys(m.groups() for m in _modified(before).finditer(low))
                # a compound's last part is a form of a concept named after the modifier:
                # no longer than its longest stem or form and an ending (the concepts the
                # prefix's own concept asks about are named too)
                reach = None
                if infl.compounds and longest is not None:
                    asked = {c for _modifier, noun in pairs for c in named(noun)}
                    reach = max(map(longest, asked), default=0) + _LONGEST_ENDING
                # the rests by their first two letters: a concept reads only those that may
                # start its terms' stems (review30 F10: every rest for every concept named
                # was quadratic in a long entry); in a language of compounds also by the
                # two letters at each place a compound's last part may start, after a head
                # of two letters or more, within its reach of the end (review30 F12:
                # ենթա-գլխ-վիջեթ, a child header widget, holds the widget; review31 F5:
                # every place of a long rest was a place for every concept again)
                rests: dict[str, list[str]] = {}
                for t in own:
                    rest = t[len(prefix) :]
                    first = 2 if reach is None else max(2, len(rest) - reach)
                    places = range(first, len(rest) - 1) if infl.compounds else ()
                    for start in dict.fromkeys(rest[at : at + 2] for at in (0, *places)):
                        rests.setdefault(start, []).append(rest)
                read.append((prefix, rests, pairs))
        word = english(concept)
        for prefix, rests, pairs in read:
            for modifier, noun in pairs:
                if word == modifier and any(t.startswith(prefix) for t in terms(concept)):
                    others = named(noun)  # the prefix's own concept: the rest says the noun
                elif concept in named(noun):
                    others = [concept]
                else:
                    continue
                if any(
                    holds(rest, other)
                    for other in others
                    # (a rest indexed at several places is read once)
                    for rest in dict.fromkeys(
                        rest for start in starts_of(other) for rest in rests.get(start, ())
                    )
                ):
                    found.add((entry, concept))
                    break
    return found


@cache
def _modified(before: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern of one of ``before`` and the next word, separated by spaces or a hyphen."""
    words = "|".join(map(re.escape, before))
    return re.compile(f"\\b({words})[\\s-]+_?([^\\W\\d_]+)")


def reduced_starts(term: str, infl: Inflection) -> list[str]:
    """How a word derived on the term or a compound of it starts where the language reduces
    a diphthong of the term's last syllable there (`Inflection.reduced`): Armenian զրույց
    → զրուցա-, զրուցի- (զրուցաշար, a conversation thread); [] for other terms."""
    old, new, vowels = infl.reduced
    at = term.rfind(old) if old else -1
    if at < 1 or not term[at + len(old) :] or any(ch in _VOWELS for ch in term[at + len(old) :]):
        return []  # (the diphthong with consonants only after it, and a letter before it)
    stem = term[:at] + new + term[at + len(old) :]
    return [stem + vowel for vowel in vowels]


def _starting(ordered: list[str], prefix: str) -> Iterator[str]:
    """The words of a sorted list that start with ``prefix``."""
    at = bisect.bisect_left(ordered, prefix)
    while at < len(ordered) and ordered[at].startswith(prefix):
        yield ordered[at]
        at += 1


def form_of_known(
    word: str, infl: Inflection, ordered: list[str], scanned: dict[str, bool] | None = None
) -> bool:
    """Is the word a form of a word of the catalog (``ordered``: its words, sorted) by the
    language's endings: its stem (of _MIN_REST letters or more) less an ending, and the
    known word that stem plus an ending, or plus a final vowel and an ending
    (აუდიომოწყობილობებზე: მოწყობილობ-ებზე, the catalog's მოწყობილობ-ა)? The word's stem may
    be the whole word, its ending none: a bare lemma whose catalog has only its forms
    (Common Voice's տվյալակազմ, dataset: կազմ, the catalog's կազմը).

    ``scanned``: each stem's answer, kept by the caller for all the words it asks about:
    the catalog's words that start with a stem are read once, not once per word asked
    (a catalog of 100,000 words sharing a prefix, 2,000 missing terms: 52 s)."""
    import bisect

    suffixes, vowels = infl.suffixes, infl.final_vowels
    shortest = max(_MIN_REST, len(word) - _LONGEST_ENDING)
    for size in range(len(word), shortest - 1, -1):  # the longest stem first
        stem = word[:size]
        if word[size:] not in suffixes:
            continue
        known = None if scanned is None else scanned.get(stem)
        if known is None:
            known = False
            at = bisect.bisect_left(ordered, stem)
            while at < len(ordered) and ordered[at].startswith(stem):
                rest = ordered[at][size:]
                if rest in suffixes or (rest[:1] in vowels and rest[1:] in suffixes):
                    known = True
                    break
                at += 1
            if scanned is not None:
                scanned[stem] = known
        if known:
            return True
    return False


# A word of four letters or more marked with a period, in a short label, where the full stop
# is another sign: an abbreviation (Thunderbird's Armenian Թղթապ., Թղթպ. for թղթապանակ,
# folder). A longer translation is prose, where translators use a period as a full stop too.
LABEL = 120


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    """A word marked with a period (compiled when first needed: most checks have no short
    label with a period)."""
    return re.compile(r"(?<![^\W\d_])([^\W\d_]{4,})\.")


def _cuts(text: str, marks: str, suffixes, msgid: str = "") -> list[str]:
    """The words of four letters or more cut short after a consonant in a text
    (`Inflection.cut_marks`): marked with a period, or with a hyphen and an ending of the
    language (``suffixes``) after it; casefolded. Found from each mark back to its word's
    start (a pattern read every word of every label: 2.5 M instructions in the real
    15.8k-entry Albanian case).

    A period that ends the text is its full stop, not a cut, unless the text cuts another
    word too (LineageOS's Georgian ახალ.კონტ., new contact): "Emri i qytet." is a sentence
    ending on qytet (city), no cut of qytetar (citizen; review29, issue 15's point 7). So is
    a period before a space and a capital where the source (``msgid``) has sentences too
    (`has_sentences`: "Emri i qytet. Ruaje." for "Citizen name. Save it.", review30 F3; not
    nano's "Krtl. Pas." for "Next File", Albanian's cuts of kartelë and pasardhës)."""
    found = []
    last: list[str] = []  # a word before the period that ends the text
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            before = text[at - 1 : at]
            if not before.isalpha() or before.casefold()[-1] in _VOWELS:
                at = text.find(mark, at + 1)
                continue  # (no word before the mark, or one that ends in a vowel)
            start = at
            while start and text[start - 1].isalpha():
                start -= 1
            word = text[start:at].casefold()
            if len(word) >= 4 and word[-1] not in _VOWELS:
                if mark == "-":
                    end = at + 1
                    while end < len(text) and text[end].isalpha():
                        end += 1
                    ending = text[at + 1 : end].casefold()
                    if ending and ending in suffixes:
                        found.append(word)
                elif text[at + 1 :].rstrip(_AFTER_FULL_STOP) and not (
                    msgid and _sentence_after(text, at + 1) and has_sentences(msgid)
                ):
                    found.append(word)
                else:
                    last.append(word)
            at = text.find(mark, at + 1)
    return found + last if found else found


# What may close a text after its full stop: spaces (a no-break one too), quotes, brackets,
# more periods (an ellipsis, "Ndrysho qytet...": review30 F3).
_AFTER_FULL_STOP = " \t\n\"')]}\u00bb\u201d\u2019\u00a0."
# A word's full stop before another sentence in an English msgid (`has_sentences`).
_SENTENCES = re.compile(r"[^\W\d_]\.\s+[A-Z]")


def _sentence_after(text: str, at: int) -> bool:
    """Does another sentence start after position ``at`` of a label: a space, a capital?"""
    rest = text[at:]
    opened = rest.lstrip()
    return len(opened) < len(rest) and opened[:1].isupper()


def has_sentences(msgid: str) -> bool:
    """Does the msgid end a sentence before another: a word, a period, a space and a capital
    ("Citizen name. Save it.")?"""
    return "." in msgid and _SENTENCES.search(msgid) is not None


def abbreviated(
    missing: list[tuple[int, int, str]],
    terms: dict[int, list[str]],
    vocabulary: Callable[[], set[str]],
    infl: Inflection,
    glossary: Callable[[], list[str]] | None = None,
    msgids: list[str] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms that a short translation writes abbreviated:
    a word marked with a period that is the term's start, of four letters or more and at
    least two short of the term, with none of its letters left out but vowels (Թղթապ.,
    Թղթպ. for թղթապանակ), and that is not the stem of a word of the catalog by an ending of
    the language (Audacity's Armenian ձայն. ֆայլ, a sound file, for the term
    ձայնագրություն, track, is the word ձայն, sound, of ձայնը: not the term).

    In a language whose full stop is another sign (`Inflection.abbreviation_mark`,
    Armenian), any such word; where the period is the full stop too
    (`Inflection.cut_marks`: Georgian, Albanian), a word cut after a consonant, as those
    languages cut one (ka მოწყ., მონაც.; sq admin.), or with a hyphen and a case ending
    (ka მოწყ-ის), that is the stem of no word of the catalog nor of another glossary term
    (ka კანონ., of კანონი, law, is no კანონიერი, legal), nor ends right before a suffix that
    derives the term from another word (`Inflection.cut_before`: კანონ. for კანონიერი where
    neither has კანონი).

    ``missing``: (entry, concept, the translation checked), a translation's terms together;
    ``terms``: concept → its allowed terms (casefolded); ``vocabulary``: the words the
    catalog's translations use on their own (`whole_words`), asked for only when an
    abbreviation of a term is found; ``glossary``: every glossary term's words (casefolded),
    asked for then too (a language with ``cut_marks``); ``msgids``: the catalog's msgids (in
    a translation of one that has sentences, `has_sentences`, a period before a space and a
    capital is a full stop, no cut).
    """
    found: set[tuple[int, int]] = set()
    last: tuple[int, str] | None = None
    marked: list[str] = []
    cut = infl.cut_marks

    words: set[str] | None = None  # the catalog's words, asked for when first needed
    ordered: list[str] | None = None  # ... and the glossary's, sorted (``cut_marks``)
    # a word marked with a period (and the term, where another cut of it is no word: ``cut``)
    # → whether it is a word itself
    real: dict[tuple[str, str], bool] = {}
    budget = [_STEM_READS]
    for entry, concept, text in missing:
        if last is None or last[0] != entry or last[1] is not text:
            last = (entry, text)
            if len(text) > LABEL:
                marked = []
            elif cut:
                msgid = msgids[entry] if msgids is not None else ""
                marked = sorted(set(_cuts(text, cut, infl.suffixes, msgid)))
            else:
                periods = _abbreviation_pattern().findall(text.casefold()) if "." in text else []
                marked = sorted(set(periods))
        if not marked:
            continue
        for term in terms.get(concept, ()):
            hits = [
                word
                for word in marked
                if " " not in term
                and _shortens(word, term)
                and not (cut and term.startswith(word, 0) and _based(term[len(word) :], infl))
            ]
            if hits:
                if words is None:
                    words = vocabulary()
                if cut and ordered is None:
                    ordered = sorted(words.union(glossary() if glossary is not None else ()))
                keys = [(word, term if cut else "") for word in hits]
                for key in keys:
                    if key not in real and len(real) < _MAX_MARKS:
                        real[key] = (
                            _stem_of_known(key[0], term, ordered, infl, budget)
                            if ordered is not None
                            else _word_or_stem(key[0], words, infl)
                        )
                if not all(real.get(key, True) for key in keys):
                    found.add((entry, concept))
                    break
    return found


def _stem_of_known(
    word: str, term: str, ordered: list[str], infl: Inflection, budget: list[int]
) -> bool:
    """Is the word the stem of one of the sorted words ``ordered`` by an ending of the
    language, after a final vowel or not (ka კანონ: კანონი)? Not of a longer cut of the
    term itself nor of a form of it (Android's Georgian მონაცემ. beside მონაც. for
    მონაცემები, მონაცემი: no word of its own). The words starting with it are found by
    bisection (Georgian's endings are too many to try each); ``budget``: how many more
    words all the marks may read (hostile: 1,000 marks that each start 100,000 words),
    after which a mark is taken for a word (it stays reported)."""
    suffixes, vowels = infl.suffixes, infl.final_vowels
    size = len(word)
    for other in _starting(ordered, word):
        budget[0] -= 1
        if budget[0] < 0:
            return True
        rest = other[size:]
        if rest and (rest in suffixes or (rest[0] in vowels and rest[1:] in suffixes)):
            cut = other[-1] not in _VOWELS and _shortens(other, term)
            if cut or _form_of(other, term, infl):
                continue  # (another cut of the term, or a form of it: მონაცემ for მონაცემი)
            return True
    return False


def _form_of(word: str, term: str, infl: Inflection) -> bool:
    """Is the word a form of the term by the language's rules (one of its stems and an
    ending)?"""
    return any(
        word.startswith(stem) and word[len(stem) :] in infl.suffixes
        for stem in stems_of(term, infl, term=True)
    )


# How many catalog words the cut marks of one check may read, together (`_stem_of_known`).
_STEM_READS = 200_000


def _based(rest: str, infl: Inflection) -> bool:
    """Is the rest of a term after a cut a suffix that derives it from another word
    (`Inflection.cut_before`) and an ending (კანონ|იერ|ი): the cut is that word's stem as
    much as the term's? Not a root that holds such letters (კალკ. for კალკულატორი,
    calculator: ულატორი is no suffix and ending; review30 F4)."""
    return any(
        rest.startswith(suffix) and rest[len(suffix) :] in infl.suffixes
        for suffix in infl.cut_before
    )


def _shortens(word: str, term: str) -> bool:
    """Is ``word`` the start of ``term`` with none but vowels left out (its first letter
    kept), two letters shorter than the term or more and not all of it (Krtl: kartelë)?"""
    if word[:1] != term[:1] or len(word) > len(term) - 2:
        return False  # (the term less a letter may be a form of it)
    # An abbreviation keeps at least half the letters of the term's start it stands for
    # (Թղթպ: թղթապ; Krtl: kartel): no more of the term is read, however long it is.
    end = min(len(term), 2 * len(word))
    at = 0
    for letter in word:
        while at < end and term[at] != letter:
            if term[at] not in _VOWELS:
                return False  # (a consonant left out: another word)
            at += 1
        if at == end:
            return False
        at += 1
    return at < len(term)  # (a letter of the term or more left out at its end)


# At most this many different marked words of a catalog are looked up as abbreviations
# (each with one look-up per ending of the language): a catalog with more is no catalog of
# labels, and its other marks stay reported.
_MAX_MARKS = 1000


def _word_or_stem(word: str, words: set[str], infl: Inflection) -> bool:
    """Is the word the stem of one of ``words`` by an ending of the language, after a final
    vowel or not (ձայն: ձայնը)? One look-up per ending, whatever the catalog's size. (Not
    the word alone: the catalog's words hold the abbreviations themselves, Թղթպ. gives
    թղթպ.)"""
    return any(
        word + vowel + ending in words
        for ending in infl.suffixes
        for vowel in ("", *infl.final_vowels)
        if vowel or ending
    )


def whole_words(texts: list[str]) -> set[str]:
    """The words of the texts that stand on their own: of each run of characters between
    spaces that starts with a letter, its first word (Audacity-ის gives audacity, not the
    bare ending ის; %s-ისთვის, a placeholder's ending, gives nothing)."""
    import re

    first = re.compile(r"[^\W\d_]+").match
    found: set[str] = set()
    for low in lowered(texts):
        for chunk in low.split():
            word = first(chunk)
            if word is not None:
                found.add(word.group())
    return found


def rendered_misses(
    missing: list[tuple[int, int, str]],
    english: dict[int, str],
    terms: dict[int, list[str]],
    msgid_of: Callable[[int], str],
    infl: Inflection,
    vocabulary: Callable[[], set[str]],
    glossary_terms: Callable[[], dict[int, list[str]]] | None = None,
    runs_known: dict[int, frozenset[str]] | None = None,
) -> set[tuple[int, int]]:
    """(entry, concept) of the missing terms the translation renders after all.

    ``missing``: (entry, concept, the translation checked); ``english``: concept → its
    English word (one word, casefolded); ``terms``: concept → its allowed one-word
    target terms (casefolded; a term of several words starts no compound);
    ``vocabulary``: the words of the catalog's translations, made when first asked for;
    ``glossary_terms``: every concept's allowed terms (casefolded), made when first asked for
    (else those of ``terms``); ``runs_known``: entry → its msgid's `name_runs`, as the caller
    found them (an entry not in it is read here: each msgid's runs are read once).
    """
    found: set[tuple[int, int]] = set()
    # Each entry's words after "all" (`words_after_all`): its msgid read once, not once per
    # missing concept (a long msgid with many concepts would be read again for each).
    alls: dict[tuple[int, str], tuple[frozenset[str], frozenset[str]]] = {}

    def after_all(
        entry: int, cue: str = _ALL_WITH
    ) -> Callable[[], tuple[frozenset[str], frozenset[str]]]:
        """The entry's words after "all" (or ``cue``'s word: `words_after_all`) and its
        other words, read when first asked for."""

        def read() -> tuple[frozenset[str], frozenset[str]]:
            found = alls.get((entry, cue))
            if found is None:
                found = alls[entry, cue] = words_after_all(msgid_of(entry), cue)
            return found

        return read

    known = known_words(vocabulary, infl)
    compounds = infl.first_parts is not None
    derivations: dict[str, tuple[str, ...]] = {}  # term → `lemma_derived`, found once
    purposes: dict[str, tuple[str, ...]] = {}  # term → `purpose_stems`, found once
    actions: dict[str, tuple[str, ...]] = {}  # term → `agent_pair_stems`, found once
    # concept → the entries whose translation says its agent-noun pair (`said_by_agent_pair`):
    # taken only where the catalog says it so in two entries or more (its own convention)
    paired: dict[int, set[int]] = {}
    # every concept's one-word terms less a final vowel → their concepts: made once, when a
    # participle is first found (not a tuple of the others' terms per concept: quadratic in
    # the glossary, review of 36e5ebb)
    owners: dict[str, set[int]] = {}

    def others_of(concept: int) -> Callable[[str], bool]:
        """Whether a word starts with another concept's one-word term (less a final vowel)."""

        def starts_another(token: str) -> bool:
            if not owners:
                every = terms if glossary_terms is None else glossary_terms()
                for other, own in every.items():
                    for term in own:
                        if " " not in term and term:
                            stem = term[:-1] if term[-1:] in infl.final_vowels else term
                            owners.setdefault(stem, set()).add(other)
                owners.setdefault("", set())  # (made: an empty glossary is not made again)
            return any(
                owners.get(token[:size], {concept}) - {concept} for size in range(1, len(token) + 1)
            )

        return starts_another

    msgid_words: dict[int, Callable[[], list[str]]] = {}

    def words_of(entry: int) -> Callable[[], list[str]]:
        """The entry's English words (sorted, each once), read once whatever its number of
        missing terms."""
        read = msgid_words.get(entry)
        if read is None:
            got: list[list[str]] = []

            def read() -> list[str]:
                if not got:  # sorted, each once: a verb is a bisection (`lemma_derivation`)
                    got.append(sorted(set(re.findall(r"[a-z]+", msgid_of(entry).casefold()))))
                return got[0]

            msgid_words[entry] = read
        return read

    # A translation's missing terms come together: it is read once for all of them (its
    # words sorted, so that each term is a bisection, not a pass over them).
    last: tuple[int, str] | None = None
    low = ""
    names: tuple[int, frozenset[str]] = (-1, frozenset())  # the last entry's `name_runs`
    runs_of: dict[str, list[str]] = {}  # ... by their words (`runs_holding`), made once
    # whether the last translation with name runs is its msgid's words copied (`same_words`)
    copy_test: tuple[int, str | None, bool] = (-1, None, False)
    parts: list[str] = []
    everything = selected = False
    # What the English word is looked for in: the casefolded translation, or for a long one
    # the English words of its missing terms that it holds, found in one pass, not one scan
    # per term (`substrings.found_in`).
    said_in: str | set[str] = ""
    # What a long msgid says (`LongMsgid`), read once per entry.
    long_msgid: tuple[int, LongMsgid | None] = (-1, None)
    # Where a long translation has each word as a whole word (`word_places`), or None;
    # and the parts of its code tokens (`code_parts`), or None.
    places: Callable[[str], list[int]] | None = None
    codes: Callable[[str], set[str]] | None = None
    # `kept_code` of the last translation and its msgid, found when first asked for.
    spans_of: tuple[str | None, int, Callable[[bool], list[tuple[int, int]]] | None]
    spans_of = (None, -1, None)
    for at, (entry, concept, text) in enumerate(missing):
        if last is None or last[0] != entry or last[1] is not text:
            last = (entry, text)
            low = text.casefold()
            said_in = low if len(low) < LONG_TEXT else _english_in(low, missing, at, english)
            places = None if len(low) < LONG_TEXT else word_places(low)
            codes = None if len(text) < LONG_TEXT else code_parts(text)
            if compounds or infl.everything or infl.selected:
                parts = sorted(set(tokens(text)))
                everything = any(True for e in infl.everything for _ in _starting(parts, e))
                selected = any(True for e in infl.selected for _ in _starting(parts, e))
        word = english.get(concept)
        # (a literal kept as written has the English word in the translation: a quick test)
        if word and word in said_in:
            msgid = msgid_of(entry)
            if len(msgid) >= LONG_TEXT and long_msgid[0] != entry:  # (read once)
                long_msgid = (entry, LongMsgid(msgid, _entry_english(missing, at, english)))
            long = long_msgid[1] if long_msgid[0] == entry else None
            if spans_of[0] is not text or spans_of[1] != entry:  # (once per translation)
                spans_of = (text, entry, _kept_spans(msgid, text, long))
            if kept_as_written(msgid, text, word, long, codes, spans_of[2]):
                found.add((entry, concept))
                continue
            if names[0] != entry:  # (read once per entry, not per missing term)
                runs = runs_known.get(entry) if runs_known is not None else None
                names = (entry, name_runs(msgid) if runs is None else runs)
                runs_of.clear()
            if names[1] and (copy_test[0] != entry or copy_test[1] is not text):
                copy_test = (entry, text, same_words(text, msgid))  # (once per translation)
            if kept_in_name(names[1], text, low, word, places) or (
                names[1]
                and not copy_test[2]
                and word in runs_holding(names[1], runs_of)
                and kept_whole_name(
                    runs_of,
                    msgid,
                    _uses(msgid, word) if long is None else long.uses(word),
                    text,
                    low,
                    word,
                    places,
                )
            ):
                found.add((entry, concept))
                continue
        if word and everything and said_as_everything(word, after_all(entry)):
            found.add((entry, concept))
            continue
        if word and selected and said_as_everything(word, after_all(entry, _SELECTED_WITH)):
            found.add((entry, concept))
            continue
        if compounds:
            if any(_compound_part(parts, term, infl, known) for term in terms.get(concept, ())):
                found.add((entry, concept))
                continue
            if word and any(
                borrowed_compound(parts, term, word, infl, known) for term in terms.get(concept, ())
            ):
                found.add((entry, concept))
                continue
            if (
                word
                and infl.abstract[0]
                and any(said_as_role(parts, term, infl) for term in terms.get(concept, ()))
                and _role_of(msgid_of(entry), word)
            ):
                found.add((entry, concept))
                continue
            if word and any(
                borrowed_derivative(parts, term, word, msgid_of(entry), infl)
                for term in terms.get(concept, ())
            ):
                found.add((entry, concept))
                continue
            if (
                word  # (None: an English word of several words, "human rights")
                and word.endswith(("ion", "ment"))
                and infl.purpose[1]
                and any(
                    said_for_purpose(parts, term, infl, purposes, others_of(concept))
                    for term in terms.get(concept, ())
                )
                and len(_uses(msgid_of(entry), word)) == 1
                and not _verb_said(word, words_of(entry))
            ):
                found.add((entry, concept))
                continue
            if (
                word
                and word.endswith(("er", "or"))
                and infl.agent_nouns[1]
                and any(
                    said_by_agent_pair(parts, term, infl, actions, others_of(concept))
                    for term in terms.get(concept, ())
                )
                and not _verb_said(word, words_of(entry))
            ):
                paired.setdefault(concept, set()).add(entry)
                continue
            if word and word.endswith("ion"):
                for term in terms.get(concept, ()):
                    derived = derivations.get(term)
                    if derived is None:
                        derived = derivations[term] = lemma_derived(term, infl)
                    if derived and lemma_derivation(parts, derived, word, words_of(entry), infl):
                        found.add((entry, concept))
                        break
    # the agent-noun pair said in one entry only may be a wrong word ("User settings" as
    # მოხმარების პარამეტრები, usage settings, for the user მომხმარებელი: another concept)
    found.update((entry, concept) for concept, at in paired.items() if len(at) >= 2 for entry in at)
    return found


# From this many characters a translation's missing terms are looked for in one pass
# (verbal.py's _LONG, the same bound).
LONG_TEXT = 4096


def _entry_english(
    missing: list[tuple[int, int, str]], at: int, english: dict[int, str]
) -> set[str]:
    """The English words of the missing terms from ``at`` on of its entry (they come
    together, a translation after another)."""
    entry = missing[at][0]
    words = set()
    for other in range(at, len(missing)):
        if missing[other][0] != entry:
            break
        words.add(english.get(missing[other][1]) or "")
    return words


def _english_in(
    low: str, missing: list[tuple[int, int, str]], at: int, english: dict[int, str]
) -> set[str]:
    """The English words of the missing terms from ``at`` on that share its translation
    (they come together) which that translation (``low``: casefolded) holds."""
    from moci_vocab.checkpo.substrings import found_in  # (a long translation is rare)

    entry, _concept, text = missing[at]
    words = set()
    for other in range(at, len(missing)):
        if missing[other][0] != entry or missing[other][2] is not text:
            break
        words.add(english.get(missing[other][1]) or "")
    return found_in(low, words)


def lemma_derived(term: str, infl: Inflection) -> tuple[str, ...]:
    """The irregular stems of the lemma of a term given in a case (ka მონიშნულის, of the
    selected → მონიშნული's მონიშვნ-, the verbal noun მონიშვნა), or the verbal noun's stem
    of a participle of purpose (`Inflection.purpose`: NeoChat's *invitation* მოსაწვევი →
    მოწვევ-, the verbal noun მოწვევა, which the catalog writes too), or () (a term that is
    the lemma itself has its data in `target_match`)."""
    if " " in term:
        return ()
    for old, new in infl.lemma_endings:
        if term.endswith(old) and len(term) - len(old) >= 3:
            lemma = term[: -len(old)] + new
            for ending in ("", *(infl.first_parts or "")):
                if lemma + ending in infl.irregular:
                    return infl.irregular[lemma + ending]
    preverbs, mark = infl.purpose
    if mark and infl.first_parts and term.endswith(tuple(infl.first_parts)):
        for preverb in preverbs:
            start = len(preverb) + len(mark)
            # (a stem of three letters or more)
            if (
                term.startswith(preverb)
                and term.startswith(mark, len(preverb))
                and len(term) > start + 3
            ):
                return (preverb + term[start:-1],)
    return ()


def purpose_stems(term: str, infl: Inflection) -> tuple[str, ...]:
    """The stems of the participle of purpose of a term that is a verbal noun with a preverb
    (`Inflection.purpose`), or of its lemma (a term given in a case, მიმაგრების): the
    preverb, the mark სა and the verb's stem, with -ებელ- for a noun in -ება (მიმაგრება,
    attaching → მი-სა-მაგრ-ებელ-ი, to be attached), the stem of a noun in -ვრა, -ვნა without
    its ვ, -ვრა's alone or with -ავ- (დაშიფვრა, encrypting → და-სა-შიფრ-ი, და-სა-შიფრ-ად,
    for encrypting; დაკვრა → და-სა-კრ-ავ-ი, to be played; მონიშვნა → მო-სა-ნიშნ-ად; not
    შე-სა-ნიშნ-ავ-ი, remarkable, for შენიშვნა, a note), of another in a consonant and -ვა
    alone (შენახვა → შე-სა-ნახ-ი), of one in a consonant and -ა alone or with -ელ-
    (გადატანა → გადა-სა-ტან-ი; წაშლა → წა-სა-შლ-ელ-ი; მოწვევა → მო-სა-წვევ-ი). Not a noun
    without a preverb (ბრძანება, a command)."""
    preverbs, mark = infl.purpose
    if not mark or " " in term:
        return ()
    found: set[str] = set()
    for lemma in stems_of(term, infl, term=True):
        if not lemma.endswith("ა"):
            continue
        # (the longest preverb first: გადა- before გა-)
        preverb = max((p for p in preverbs if lemma.startswith(p)), key=len, default=None)
        if preverb is None or len(lemma) - len(preverb) < 3:
            continue
        head, rest = preverb + mark, lemma[len(preverb) :]
        if rest.endswith("ება"):
            found.add(head + rest[:-3] + "ებელ")
        elif rest[-3:-1] in ("ვრ", "ვნ"):  # (the verb's stem has no ვ: შიფრ-ავ-ს, ნიშნ-ავ-ს)
            root = rest[:-3] + rest[-2]
            found.update((head + root, head + root + "ავ") if root[-1] == "რ" else (head + root,))
        elif rest.endswith("ვა") and rest[-3] not in _VOWELS:
            found.add(head + rest[:-2])
        elif rest[-2] not in _VOWELS:
            found.update((head + rest[:-1], head + rest[:-1] + "ელ"))
    return tuple(sorted(found))


def said_for_purpose(
    words: list[str],
    term: str,
    infl: Inflection,
    known: dict[str, tuple[str, ...]],
    others: Callable[[str], bool] | None = None,
) -> bool:
    """Does a word of the translation (``words``: sorted) say the participle of purpose of
    the term's verbal noun (`purpose_stems`; libmessagecore's attachment მიმაგრება as
    "მიღებული მისამაგრებელი ფაილი", the file to attach; Thunderbird's encryption დაშიფვრა
    as "არ გამოდგება დასაშიფრად", not fit for encrypting)? ``known``: each term's stems,
    kept by the caller (found once per term); ``others``: whether a word starts with
    another concept's one-word term (less a final vowel): a participle that does is that
    concept's word (VLC's playlist დასაკრავი, to be played, beside its playback დაკვრა).
    (`rendered_misses` asks it only where the msgid does not use the noun's verb as well:
    the participle may say that.)"""
    stems = known.get(term)
    if stems is None:
        stems = known[term] = purpose_stems(term, infl)
    return _stem_said(words, stems, infl, others, after_vowel=False)


def _stem_said(
    words: list[str],
    stems: tuple[str, ...],
    infl: Inflection,
    others: Callable[[str], bool] | None,
    after_vowel: bool,
) -> bool:
    """Does a word (``words``: sorted) start with one of the stems and end in one of the
    language's suffixes (``after_vowel``: or a final vowel and one), without being another
    concept's word (``others``)?"""
    suffixes, vowels = infl.suffixes, infl.final_vowels
    for stem in stems:
        for token in _starting(words, stem):
            rest = token[len(stem) :]
            said = rest in suffixes or (after_vowel and rest[:1] in vowels and rest[1:] in suffixes)
            if said and not (others is not None and others(token)):
                return True
    return False


def agent_pair_stems(term: str, infl: Inflection) -> tuple[str, ...]:
    """The stems of the other word of an agent noun and its verb's verbal noun
    (`Inflection.agent_nouns`), for a term that is one of them or its lemma (a term given in
    a case, მომხმარებლის): of an agent noun, the preverb, if any, and the verb's stem with
    the verbal noun's ending, the mark left out (შემხსენებელი, a reminder → შე-ხსენ-ებ-, of
    შეხსენება, reminding; დამაკავშირებელი, a connector → და-კავშირ-ებ-); of a verbal noun
    with that ending, the agent noun with each mark, its vowel kept or dropped (შეხსენება →
    შე-მ-ხსენ-ებელ-, შე-მ-ხსენ-ებლ-, of შემხსენებელი, შემხსენებლის). A stem of three letters
    or more after the preverb and the mark."""
    marks, ending, action = infl.agent_nouns
    if not ending or " " in term:
        return ()
    preverbs = sorted(infl.purpose[0], key=len, reverse=True)
    dropped = ending[:-2] + ending[-1]  # (the fleeting vowel: -ებელ- → -ებლ-)
    found: set[str] = set()
    for lemma in stems_of(term, infl, term=True):
        if lemma.endswith(ending):
            body = lemma[: -len(ending)]
            # the longest preverb followed by a mark, else none (მო-მ-ხმარ-: not ∅-მ-ომხმარ-)
            start = next(
                (
                    (preverb, len(preverb) + len(mark))
                    for preverb in (*preverbs, "")
                    for mark in marks
                    if body.startswith(preverb) and body.startswith(mark, len(preverb))
                ),
                None,
            )
            if start is not None and len(body) - start[1] >= 3:
                found.add(start[0] + body[start[1] :] + action)
        elif lemma.endswith(action + "ა"):
            body = lemma[: -len(action) - 1]
            preverb = next((p for p in preverbs if body.startswith(p)), "")
            if len(body) - len(preverb) >= 3:
                for mark in marks:
                    head = preverb + mark + body[len(preverb) :]
                    found.update((head + ending, head + dropped))
    return tuple(sorted(found))


def said_by_agent_pair(
    words: list[str],
    term: str,
    infl: Inflection,
    known: dict[str, tuple[str, ...]],
    others: Callable[[str], bool] | None = None,
) -> bool:
    """Does a word of the translation (``words``: sorted) say the verbal noun of an agent-noun
    term, or the agent noun of a verbal-noun term (`agent_pair_stems`: calendarsupport's
    reminder შემხსენებელი as "შეხსენებების გარეშე", without reminders; Thunderbird's
    reminder შეხსენება as "შემხსენებლის ხმოვანი სიგნალი", the reminder's sound)?
    ``known``: each term's stems, kept by the caller (found once per term); ``others``:
    whether a word starts with another concept's one-word term: such a word is that
    concept's (a glossary's usage მოხმარება beside its user მომხმარებელი).
    (`rendered_misses` asks it only for an English agent noun whose verb the msgid does not
    use, the verbal noun may say that, and takes it only where the catalog says the concept so
    in two entries or more: one may be a wrong word, "User settings" as მოხმარების
    პარამეტრები, usage settings, for the user მომხმარებელი.)"""
    stems = known.get(term)
    if stems is None:
        stems = known[term] = agent_pair_stems(term, infl)
    return _stem_said(words, stems, infl, others, after_vowel=True)


def lemma_derivation(
    words: list[str],
    derived: tuple[str, ...],
    english: str,
    msgid_words: Callable[[], list[str]],
    infl: Inflection,
) -> bool:
    """Does a word of the translation (``words``: sorted) say the other derivation of the
    lemma of a term given in a case (``derived``: `lemma_derived`; Krusader's term
    მონიშნულის, of the selected, as მონიშვნას, მონიშვნის, the verbal noun of one verb)?
    Only for an English noun in -ion whose verb the msgid does not use as well ("You can
    select with Ctrl": there the verbal noun says the verb). ``msgid_words``: the msgid's
    words (runs of a-z, casefolded; sorted, each once), read when first asked for, once per
    entry."""
    suffixes, vowels = infl.suffixes, infl.final_vowels
    for stem in derived:
        base = stem[:-1] if stem[-1:] in vowels else stem
        for token in _starting(words, base):
            rest = token[len(base) :]
            if rest in suffixes or (rest[:1] in vowels and rest[1:] in suffixes):
                return not _verb_said(english, msgid_words)
    return False


def _verb_said(english: str, msgid_words: Callable[[], list[str]]) -> bool:
    """Does the msgid (``msgid_words``: its words, sorted) use the English noun's verb too
    (selection → select, invitation → invit: invite, invited; attachment → attach;
    reminder → remind)?"""
    if english.endswith("ation") and len(english) > 8:
        verb = english[:-5]
    elif english.endswith("ion"):
        verb = english[:-3]
    elif english.endswith(("er", "or")):  # (an agent noun: reminder → remind, user → us-)
        verb = english[:-2]
    else:
        verb = english.removesuffix("ment")
    uses = _starting(msgid_words(), verb)  # (a bisection, not a pass)
    return any(w.rstrip("s") != english for w in uses)


def borrowed_derivative(
    words: list[str], term: str, english: str, msgid: str, infl: Inflection
) -> bool:
    """Does a word of the translation (``words``: sorted) derive a verbal noun, a participle,
    an adjective or an agent noun on the stem of a term borrowed from the English word
    (`Inflection.borrowed`: ka დაარქივება, საარქივო, არქივატორი on არქივ- of არქივი,
    archive)? Not on a native stem (დასახელება, a title, on სახელ- of სახელი, name: *name*
    is not said like სახელ-), nor where the English word depends on another noun by *of*
    ("the name of the archive": a noun there, not the verb)."""
    prefixes, endings = infl.borrowed
    if not endings or " " in term:
        return False
    stem = term[:-1] if term[-1:] in infl.final_vowels else term
    if len(stem) < _MIN_PART:
        return False
    for prefix in prefixes:
        start = len(prefix) + len(stem)
        for token in _starting(words, prefix + stem):
            # the stem where it first stands in the word, as it was read before the words
            # were sorted (a stem that overlaps a preverb, დადა- in დადადაება, is read there)
            if token.find(stem) == len(prefix) and token.startswith(endings, start):
                return _borrowed(stem, english) and not _after_of(msgid, english)
    return False


def _after_of(msgid: str, english: str) -> bool:
    """Does a use of the English word follow *of* (a determiner between allowed)?"""
    for start, _end in _uses(msgid, english):
        before = msgid[max(0, start - 40) : start].casefold().split()
        if before and before[-1] in _DETERMINERS:
            before = before[:-1]
        if before and before[-1] == "of":
            return True
    return False


# English spellings folded to how they are said and transliterated (archive ~ arkiv;
# Georgian has no f: ფონტი, font).
_SPELLINGS = (("ch", "k"), ("ph", "f"), ("c", "k"), ("x", "ks"), ("w", "v"), ("y", "i"))
_SPELLINGS += (("f", "p"), ("q", "k"))
# ... and the ou said u of words borrowed through French or German (group, Gruppe ~ ჯგუფ-:
# jgup ~ grup 75, was 67 against group; route, coupon; session 31)
_SPELLINGS += (("ou", "u"),)
# How like the English word (rapidfuzz ratio of the folded spellings) a borrowed stem is:
# ka არქივ- ~ archive 91, ფაილ- ~ file 75, სესი- ~ session 73; native სახელ- ~ name 40,
# ქმედ- ~ action 17.
_BORROWED_LIKENESS = 70


@cache
def _borrowed(stem: str, english: str) -> bool:
    """Is the target stem the English word borrowed: its Latin transliteration like the
    English spelling as said?"""
    from rapidfuzz.fuzz import ratio

    from moci_vocab.translit import to_latin

    latin = to_latin(stem).casefold().replace("'", "")
    said = english.casefold()
    for spelt, sound in _SPELLINGS:
        said = said.replace(spelt, sound)
    return ratio(latin, said) >= _BORROWED_LIKENESS


# "all" with a noun (all items, all the files, Empty all items from Trash); not "all of
# the following", which names its noun apart (Armenian "all of the following" as the
# following's բոլորը: the noun stays).
_ALL_WITH = r"\ball\s+(?:(?:the|your|these|those|my|our)\s+)?([a-z]+)"
# ... and the noun said as selected, checked or marked (`Inflection.selected`)
_SELECTED_WITH = r"\b(?:selected|checked|marked|chosen)\s+([a-z]+)"
_ENGLISH_WORD = r"[a-z]+"


def said_as_everything(
    english: str, after_all: Callable[[], tuple[frozenset[str], frozenset[str]]]
) -> bool:
    """Is the English word said with "all" (all items), and nowhere else in the msgid, in an
    entry whose translation has the language's word for everything (`Inflection.everything`:
    ka ყველაფერი, hy բոլորը)? Where the msgid says the word elsewhere too ("send the files,
    or all files as an archive"), the word for everything renders only one of its uses.
    ``after_all``: the msgid's words after "all" and its other words (`words_after_all`),
    read once per entry; or after "selected" and its like, where the translation has the
    participle standing as a noun (`Inflection.selected`: hy ընտրվածը)."""
    alls, others = after_all()
    if not alls:
        return False
    forms = {english, *plurals(english)}
    return not alls.isdisjoint(forms) and others.isdisjoint(forms)


_NO_WORDS: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def words_after_all(msgid: str, cue: str = _ALL_WITH) -> tuple[frozenset[str], frozenset[str]]:
    """The words the msgid says with "all" (all items, all the files → items, files), or
    with ``cue``'s word (`_SELECTED_WITH`), and the words it says elsewhere (both empty
    without one)."""
    low = msgid.casefold()
    if cue is _ALL_WITH and "all" not in low:
        return _NO_WORDS
    low = low.replace("_", "").replace("&", "")
    starts = {m.start(1): m.group(1) for m in _pattern(cue).finditer(low)}
    if not starts:
        return _NO_WORDS
    others = {m.group() for m in _pattern(_ENGLISH_WORD).finditer(low) if m.start() not in starts}
    return frozenset(starts.values()), frozenset(others)


# What a second reading (`reread`) looks for: a mnemonic between two letters where the
# English one opens a word after a space (Device _type; not an entity, &amp;), a quoted
# lowercase value (spans.py takes it away as a literal) that the msgid does not quote: a
# value the msgid quotes is a literal copied; one it has as running text ("Command to
# execute in new buffer" as nano's Albanian "në “buffer” të ri") or not at all is the
# translator's own word in quotes.
_MID_MNEMONIC = r"[_&](?<=[^\W\d_][_&])(?=[^\W\d_])"
_OPENING_MNEMONIC = r"[_&](?<=\s[_&])(?![a-z]+;|#)(?=[^\W\d_])"
_QUOTED_VALUE = r'["\u201c\u201e\u2018\u00ab]([a-z][a-z0-9_-]*)["\u201d\u201c\u2019\u00bb]'
# `reread`'s answer for a translation that demands no term (one letter).
NO_TERM = ""


@cache
def _pattern(source: str) -> re.Pattern:
    """One of the second reading's patterns, compiled when it is first needed."""
    return re.compile(source)


def reread(msgid: str, text: str, known: Callable[[str], bool] | None = None) -> str | None:
    """The translation as a second reading has it (see the module's docstring), `NO_TERM`
    when it demands no term, or None when nothing in it reads otherwise.

    Made only for a flagged translation that the word rules' cleaning changed (a mnemonic
    or a span taken out) or that is short (`FileCheck.closest_words`). With ``known`` (is
    this a word the catalog's translations use on their own?), a mnemonic splits a word
    only where the letters after it are such a word (Սարք_տեսակ: տեսակ, type; not
    սարք_ավորումը, equipment, whose ավորումը is no word): the caller asks again with it
    when the first reading finds the term (the catalog's words are gathered only then).
    """
    stripped = text.strip()
    if len(stripped) == 1 and stripped.isalpha():
        # a letter's name rendered by the letter (E UMLAUT: Ë): the msgid names the letter
        base = unicodedata.normalize("NFD", stripped)[0].casefold()
        return NO_TERM if base in msgid.casefold().split() else None
    new = text
    # (each test on a string first: the patterns are compiled and run only where they may
    # find something; most flagged translations have a placeholder or markup, nothing else)
    if (
        ("_" in new or "&" in new)
        # (a superset of the pattern's whitespace before the mnemonic: a tab, a newline,
        # a no-break space are \s too)
        and ("_" in msgid or "&" in msgid)
        and _pattern(_OPENING_MNEMONIC).search(msgid)
    ):
        mnemonic = _pattern(_MID_MNEMONIC)
        if known is None:
            new = mnemonic.sub(" ", new)
        else:
            new = mnemonic.sub(lambda m: " " if known(_word_after(new, m.end())) else "", new)
    if '"' in new or "\u201c" in new or "\u201e" in new or "\u2018" in new or "\u00ab" in new:
        literals: set[str] | None = None  # the msgid's words, found once (linear time)

        def swap(match: re.Match) -> str:
            """A value the msgid does not quote is the translator's own word, not a literal."""
            nonlocal literals
            if literals is None:
                literals = set(_pattern(_QUOTED_VALUE).findall(msgid))
            value = match.group(1)
            return match.group() if value in literals else f" {value} "

        new = _pattern(_QUOTED_VALUE).sub(swap, new)
    return new if new != text else None


def _word_after(text: str, start: int) -> str:
    """The letters of text from ``start`` on, casefolded, up to the first other character."""
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end].casefold()
