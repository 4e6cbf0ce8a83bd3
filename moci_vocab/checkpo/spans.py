"""What in a message is not running text: placeholders, markup, URLs, paths, keys, choices,
commands, command-line options, a context glued before the text.

One answer for both sides of `check-po`: the source matcher and the target
matcher remove the same spans before they look for words, and ignore the same
invisible characters (soft hyphen, zero-width space and joiners, BOM).

Every pattern refuses to cross a NUL: many messages are cleaned in one go,
joined by NUL, and no span may reach from one message into the next.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable

# Soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM: not letters,
# and a word that contains one is the same word.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Armenian's emphasis, exclamation and question marks (՛ ՜ ՞: U+055B, U+055C, U+055E) and
# its abbreviation mark ՟ (U+055F): written over a word's stressed vowel, inside the word
# (հա՞րց, the question հարց asked; Ընտրե՛ք, choose!), so not letters, and the word that
# holds one is the same word, as with the characters above.
INVISIBLE += "\u055b\u055c\u055e\u055f"

# A markup tag with its attributes (<a href="…">, </b>): here and in verbal.py's modifier test.
TAG = r"<[^<>\x00]*>"
# Not an ICU plural's branch: "one {კითხვა} other {კითხვა}" (unicode.org/reports/tr35/
# tr35-messageFormat.html), braces after a category and before another branch or the
# argument's close, hold a branch of one word, the message's text, not a placeholder nor
# a Fluent reference, which the two patterns of braces below took it for (Kolibri's
# "{numLeft, plural, one {question unanswered} …}" rendered with one word in each branch:
# the term went with the braces, and the question was flagged; session 31). Braces after
# such a word elsewhere ("Choose one {file}") stay a placeholder (review31 F3).
_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# Read just after the opening brace (a branch opens with one), so that the look-arounds
# run only where a brace is: before it, at every position of every text, they cost
# check-po 31% of its instructions on a real catalog (session 31).
_NOT_A_BRANCH = (
    "(?:"
    + "".join(rf"(?<!\b{key} \{{)" for key in _CATEGORIES)
    + r"|(?![^{}\x00]*+\}\s*+(?:(?:"
    + "|".join(_CATEGORIES)
    + r")\s*\{|\})))"
)
# Spans that start with a sign: placeholders of every common syntax, markup, entities.
_SIGNED = re.compile(
    # A named placeholder between percent signs, no word character or % before the first or
    # after the second: Symfony's %name% (symfony.com/doc/current/translation.html, "Message
    # Placeholders"), LibreOffice's %OBJECT_NAME%, Krusader's %aCurrent%; not
    # "%3%mandatory%4%", "%sdocumentation%s", "%dx%d". (The printf branch took its first
    # letter: "%email%" was read as "mail".)
    r"%(?<![\w%]%)[A-Za-z_]\w*+%(?![\w%])"
    # printf and Python %-format, with positions (%1$s), Objective-C %@, Ruby %{name}; the
    # width starts with 1-9 (a 0 before it is a flag: with `\d+` a "%" and 20,000 zeros took
    # 42 s, each way of sharing them between flags and width tried; the same matches)
    # (a %(key) holds no "%" or "(": "%(" 20,000 times, each key read to the text's end, took
    # 6 s, 100 KB a minute; review29)
    r"|%(?:\d+\$|\([^()%\x00]*\))?[-#0+']*(?:[1-9]\d*|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?"
    r"[diouxXeEfFgGcrsaSpn@%]"
    r"|%\{[^{}\x00]*\}"
    r"|%L?\d+"  # Qt %1, %L1
    # Fluent placeables and references ({ $var }, { -brand }, { msg.attr }, { NUMBER($n) })
    r"|\{" + _NOT_A_BRANCH + r"\s*[-$]?[\w.-]+(?:\([^(){}\x00]*\))?\s*(?:\}|->)"  # ({ $n ->)
    r'|\{\s*"[^"\x00]*"\s*\}'
    r"|\[[\w.…-]+\]|\*\[[\w.-]+\]"  # Fluent variant keys: [one], *[other], [windows]; [FILE…]
    # ICU MessageFormat argument heads: {count, plural, / {n, number} / {d, date, short}
    # (and Java's MessageFormat: {0,choice,0#no files|1#one file}, docs.oracle.com's
    # java.text.MessageFormat and ChoiceFormat, whose limits "|1#", "|1<" go too: the
    # choices pass took "files|1" for a value list)
    r"|\{\s*\w+\s*,\s*(?:plural|select|selectordinal|number|date|time|spellout|ordinal|duration"
    r"|choice)\s*(?:,\s*(?:offset:\d+\s*)?(?:\w+\s*\})?|\})"
    r"|\|\s*-?\d+(?:\.\d+)?[#<≤]"
    r"|\{" + _NOT_A_BRANCH + r"[^{}\s\x00]*\}"  # Python/.NET/ICU {name}, {0}, {0:N2}
    # shell-style $name, ${name}, $(name); i18next's nesting $t(key) (i18next.com, "Nesting")
    r"|\$\{[^{}\x00]*\}|\$t?\([^()\x00]*\)|\$[A-Za-z_]\w*"
    "|"
    + TAG  # tags with their attributes
    + r'|"[a-z][a-z0-9_-]*"'  # a quoted value or key: "name", "size", "x-content"
    # “size”, „size“, ‘owner’ (each branch starts with its sign: the regex engine then
    # skips fast to the next position where one of them is)
    r"|“[a-z][a-z0-9_-]*[”“]|„[a-z][a-z0-9_-]*[”“]|‘[a-z][a-z0-9_-]*’"
    r"|«[a-z][a-z0-9_-]*»"
    r"|&[a-zA-Z]+;|&#[xX]?[0-9a-fA-F]+;"
)
_SIGNS = ("%", "{", "<", "&", "[", "$", '"', "“", "„", "‘", "«")
# A usage line's command, typed as it is: a lowercase word opening a message or a line,
# before an argument in brackets (names [channel], call <command>, &lt;class&gt;), not
# before a markup tag (<b>, </i>, <span …>).
_COMMAND = re.compile(
    r"(?<![^\x00\n])[a-z][\w-]*(?=[ \t]+(?:\[|&lt;[^\W\d_A-Z]|<(?!/?(?:a|b|i|u|s|p|tt"
    r"|br|em|big|code|span|small|strong|sub|sup)\b)[^\W\d_A-Z]))"
)
# The text of an inline code element, HTML's <code>, <kbd>, <samp>, <var> and <tt>
# (parliament-votes-ka's "… by the <code>date</code> in …", a field's name the translation
# keeps), and of a Markdown code span (`date`): code, as a quoted key is, not words. The
# element's own text only (no tag inside); a code span on one line, of 100 characters at
# most, opened by a backtick after no letter and before no space, closed by one after no
# space and before no letter (a stray pair takes no sentence away, nor Armenian's pause
# typed as a backtick, "Սեղմիր` նկարին", "(0,125 = 1/8)` Ձևաչափեք").
_INLINE_CODE = re.compile(
    r"<(code|kbd|samp|var|tt)(?:\s[^<>\x00]*)?>[^<\x00]*</\1\s*>"
    r"|(?<![^\W\d_])`[^`\s\x00][^`\x00\n]{0,99}(?<!\s)`(?![^\W\d_])"
)
_INLINE_CODE_SIGNS = ("<code", "<kbd", "<samp", "<var", "<tt", "`")
# Laravel's placeholders (its translation strings: "Welcome, :name", "The :attribute field
# is required.", ":Resource was deleted", ":NAME": a colon, then a name in any case). The
# colon opens the text or follows a space, a bracket or a quote, and no word or colon follows
# the name: not "Note:word", "10:30", "http://", "a:b" in code, nor an emoji's ":smile:".
# (The colon first: the engine skips to the next colon; the look-behind then reads the
# character before it.)
_LARAVEL = re.compile(r":(?<![^\s\x00(\[{\"'“‘«]:)[A-Za-z_]\w*(?![\w:])")
# With the same opening, other frameworks' names after a sign: Drupal's @name (and Drupal
# 7's !name, in small letters: "!Leave ports at zero" is prose; Drupal's
# FormattableMarkup::placeholderFormat() and format_string()), which also takes Texinfo's
# @file{…}, CSS's @media and a chat's @user; Apple's stringsdict variable %#@name@ (its
# "%#" is the printf pass's; developer.apple.com, "Localizing strings that contain
# plurals"); Vue I18n's linked messages @:key and @.lower:key (vue-i18n.intlify.dev,
# "Linked messages"); Android's ^1 … ^9 (TextUtils.expandTemplate: not "2^16" or "R^2",
# glued to what is before). Not "@ home", "user@example.com" (the address pass's). (A pass
# of its own: the colon's, on many more texts, skips faster to one sign than to any of four.)
_AT = re.compile(
    r"[@!^](?<![^\s\x00(\[{\"'“‘«#][@!^])"
    r"(?:(?<=@)(?:[A-Za-z_]\w*+|(?:\.[a-z]+)?:[\w.|/-]+)"
    r"|(?<=!)[a-z_]\w*+|(?<=\^)[1-9])(?!\w)"
)
# Spans found by a sign inside them (each pass runs only when its sign occurs).
_URL = re.compile(r"\b[a-zA-Z][\w+.-]*://[^\s<>\"'\x00]*|\bwww\.[^\s<>\"'\x00]+|\babout:[\w-]+")


def _spliced(text: str, pieces: list[str], done: int) -> str:
    """``text`` with its part before ``done`` given as ``pieces`` (text and replacements):
    the end of every substitution here that replaced something (a call only then: strip_spans
    runs on every msgid)."""
    pieces.append(text[done:])
    return "".join(pieces)


class _Urls:
    """`_URL`'s substitution, tried only where a URL may start (the regex engine tried every
    letter after a non-word character, and from each read the rest of a long run of
    letters and dots before failing: "a." x 20,000 took seconds): before each "://", the
    first word's start in the run of scheme characters before it, at or after where the
    last URL ended; and each "www." and "about:". The same matches, left to right."""

    def sub(self, repl: str, text: str) -> str:
        """``_URL.sub(repl, text)`` for a string ``repl``."""
        events: list[tuple[int, int]] = []  # (a run's start, its "://") or (a sign's, -1)
        at = text.find("://")
        while at >= 0:
            start = at
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_+.-"):
                start -= 1
            events.append((start, at))
            at = text.find("://", at + 3)
        for sign in ("www.", "about:"):
            at = text.find(sign)
            while at >= 0:
                events.append((at, -1))
                at = text.find(sign, at + 1)
        pieces: list[str] = []
        done = 0
        match = _URL.match
        for start, end in sorted(events):
            found = None
            if end < 0:
                if start >= done:
                    found = match(text, start)
            else:
                for at in range(max(start, done), end):  # (each run read once)
                    char = text[at]
                    if ("a" <= char <= "z" or "A" <= char <= "Z") and (
                        at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
                    ):
                        found = match(text, at)
                        break
            if found is not None:
                pieces += (text[done : found.start()], repl)
                done = found.end()
        return _spliced(text, pieces, done) if pieces else text


_URLS = _Urls()
# ... and an address mask with wildcards (IRC bans: *!*user@*.host), and the form of an
# address without a domain's dot (Thunderbird's "not of the form user@host", "user@domain"):
# two words glued by "@" are an address or a reference, code.
# (Each pattern below starts only where its run of characters starts, and reads a run once,
# possessively: from every character of a long word the engine read the rest of it before
# failing, a 20,000-letter word took seconds; review DEFECT 1 of the thirteenth session.)
_EMAIL_AT = re.compile(r"[\w.+*?!-]++@[\w*?-]++(?:\.[\w*?-]++)*")
_EMAIL_RUN = re.compile(r"(?<![\w.+*?!-])" + _EMAIL_AT.pattern)


class _Starts:
    """A pattern's substitution tried where a run of its first characters starts, or right
    where the last match ended (the run it ended in, "a@b.+@c", goes on there), as
    ``pattern.sub`` reads them: the same matches, each run read once."""

    def __init__(self, at: re.Pattern, run: re.Pattern) -> None:
        self.at, self.run = at, run

    def sub(self, repl: str, text: str) -> str:
        """``at.sub(repl, text)`` for a string ``repl``."""
        pieces: list[str] = []
        done = 0
        while True:
            found = self.at.match(text, done) if done else None
            if found is None or found.end() == done:
                found = self.run.search(text, done)
            if found is None:
                break
            pieces += (text[done : found.start()], repl)
            done = found.end()
        return _spliced(text, pieces, done) if pieces else text


_EMAIL = _Starts(_EMAIL_AT, _EMAIL_RUN)
# Not a menu path (/Buddies/Show/Empty Groups, /Shokë/Shfaq/Grupe, GTK's item paths):
# two or more segments, each starting with a capital or a non-Latin letter, no dot; nor
# the slash a menu item escapes (Audio\/Video Call).
# At most 16 segments: a path may start at every "/" after a sign ("/A,/A,/A,…"), and each
# start read the rest of the menu path (30 KB: 6 s, 100 KB: 3 minutes; review29).
_MENU_PATH = r"(?:/[_&]?[^\W\d_a-z][^\s/\x00.]*){2,16}(?![^\s\x00…])"
_PATH = re.compile(
    r"(?<![\w/.\\])(?!" + _MENU_PATH + r")(?:~|\.\.?)?/[\w.$~-]+(?:/[\w.*$~-]*)*"
    r"|\b[A-Za-z]:\\[^\s\x00]*|(?<![\w/])~/[^\s\x00]*"
)
# Every span of _PATH starts at most this many characters before one of its signs ("/",
# "~/", "../", "C:\\"): it is tried only there (`sub_near`), not at every character.
_PATH_REACH = 2


class _RelativePaths:
    """A path without a leading slash (``config/app.yml``, ``usr/share/foo``,
    ``plugins/xfce4-weather-plugin/``): code, not words, where a cheap test says so (`is_path`);
    a menu path ("File/Open"), a word pair ("and/or", "Show/Hide", "read/write/execute")
    stays. Read from each run of path characters' first slash: what follows it first (most
    runs, word pairs, can be no path: no dot after the last slash, no slash at the end, no
    root before), then, only where it may be one, the run's start. Each run read once."""

    _CHARS = "_.$~*-"  # (with letters and digits: what a run of a path holds, but "/")
    _TAIL = re.compile(r"(?:/[\w.$~*-]*+)++")
    # The usual roots of a Unix file system, written without their slash; not those that
    # are English words in a pair ("Home/End", "home/office", "the bin/trash", "opt/in"; "dev",
    # "src", "share" in lists; review30).
    _ROOTS = frozenset(("usr", "etc", "var", "tmp", "sbin", "lib", "lib64", "proc", "srv"))
    _ROOTS |= {"mnt"}
    _ROOT_BEFORE = re.compile(r"(?:usr|etc|var|tmp|sbin|lib(?:64)?|proc|srv|mnt)\Z")
    _FILE = re.compile(r"[\w.$~*-]*\w\.[a-z][a-z0-9]{0,9}")

    @staticmethod
    def _menu(part: str) -> bool:
        """Does a part open as a menu's or a label's word: with a capital or a keyboard
        mnemonic (View, _View; Evolution's "Modify _folders/options/rules/")?"""
        return part[:1].isupper() or (part[:1] in "_&~" and part[1:2].isalpha())

    @classmethod
    def is_path(cls, run: str) -> bool:
        """Is a run of path characters holding a slash a path: its last part a file name
        with an extension (src/main.c), a folder of two parts or more none opening with a
        capital or a mnemonic (.cache/darktable/; not a menu, "Tools/Options/", GTK's
        "_View/_Bookmarks/"), or a Unix root first (usr/share/foo)?"""
        parts = run.split("/")
        if cls._FILE.fullmatch(parts[-1]) and parts[-2]:
            return True
        if not parts[-1] and len(parts) > 2 and all(parts[:-1]) and not any(map(cls._menu, parts)):
            return True
        return parts[0] in cls._ROOTS and bool(parts[1])

    def sub(self, repl: str, text: str) -> str:
        """The text with each such path replaced by ``repl``."""
        pieces: list[str] = []
        done = 0
        at = text.find("/")
        while at >= 0:
            # (a full stop after it is the sentence's: "Build src/main.c.")
            end = at + len(self._TAIL.match(text, at).group().rstrip("."))
            last = text.rfind("/", at, end)
            if (
                (last == end - 1 or "." in text[last:end])
                or self._ROOT_BEFORE.search(text, max(0, at - 5), at) is not None
            ) and (text[at - 1 : at] not in ("/", "\\")):
                start = at
                while start > done and (
                    text[start - 1].isalnum() or text[start - 1] in self._CHARS
                ):
                    start -= 1
                if text[start - 1 : start] not in ("/", "\\") and self.is_path(text[start:end]):
                    pieces += (text[done:start], repl)
                    done = end
            at = text.find("/", max(end, at + 1))
        return _spliced(text, pieces, done) if pieces else text


_RELATIVE_PATH = _RelativePaths()


class _Paths:
    """Both kinds of path in one pass (`_PATH`, then `_RELATIVE_PATH` on what is left): the
    texts holding a slash are found once for both."""

    SIGNS = ("/", ":\\")

    def sub(self, repl: str, text: str) -> str:
        """The text with each path replaced by ``repl``."""
        text = sub_near(_PATH, repl, text, self.SIGNS, _PATH_REACH)
        return _RELATIVE_PATH.sub(repl, text) if "/" in text else text


_PATHS = _Paths()
# A file name extension standing alone: "the .desktop file", "Edit .po files": a dot at
# the start of a message or line, or after a space or "(". (The dot first, so that the
# regex engine skips fast to the next one.)
_EXTENSION = re.compile(r"\.(?<![^ \x00\n(]\.)[a-z][a-z0-9]{1,9}\b")
# Literal option values listed with pipes, as in a usage line: (theme|background|fonts).
_CHOICES = re.compile(r"(?<![\w-])[\w-]++(?:\|[\w-]++)+")
# A message context glued before the text with "||" (Gramps' sgettext: "localized lexeme
# inflections - short month form||Aug"): the context is for the translator, not text; at
# a message's start only, glued to the words on both sides ("a || b" stays).
_CONTEXT = re.compile(r"(?<![^\x00])[^\x00\n|]{0,79}[^\s\x00|]\|\|(?=[^|\s\x00])")
# A command-line option, typed as it is: --window, --tab, --geometry=GEOMETRY.
_OPTION = re.compile(r"--(?<![\w-]--)[^\W\d_][\w-]*(?:=[^\s\x00]*)?")
_KEYS = re.compile(
    r"\b(?:Ctrl|Control|Alt|AltGr|Shift|Cmd|Command|Option|Opt|Meta|Super|Win|Fn)"
    r"(?:\s*\+\s*[\w-]+)+"
)


def clean(text: str) -> str:
    """NFC, without invisible characters and non-text spans (NUL-separated texts allowed)."""
    return strip_spans(visible(text))


# Armenian's ligature և (e + v) has no capital: in capitals it is written ԵՎ, at a word's
# start Եվ, and typed as ե + ւ where a keyboard lacks it; casefold makes և and ԵՒ "եւ" but
# ԵՎ, Եվ "եվ", so a term ձևաչափ was not found in ՁԵՎԱՉԱՓԵՐ. Every "եվ" is written "եւ"
# here, before casefold and on both sides (each pair as long as the other: the words stay
# where they were): a key for matching only, so a word in initial եվ (Եվրոպա) meeting a
# word in և is harmless, as no two words differ by it alone.
_EV = (("եվ", "եւ"), ("Եվ", "Եւ"), ("ԵՎ", "ԵՒ"))


def visible(text: str) -> str:
    """NFC, without invisible characters, Armenian's ev in one spelling (`_EV`): the first
    step of `clean`, per character."""
    if not text.isascii():
        for char in INVISIBLE:
            if char in text:
                text = text.replace(char, "")
        text = unicodedata.normalize("NFC", text)
        if "վ" in text or "Վ" in text:
            for written, key in _EV:
                text = text.replace(written, key)
    return text


class _Wikitext:
    """Template and wiki syntax around text: MediaWiki's {{PLURAL:$1|page|pages}},
    {{GENDER:$1|user}}, magic words ({{SITENAME}}, {{int:key}}) and links ([[Special:Log|the
    log]]), and the {{ name }} placeholders of Jinja, Django, Angular, Handlebars and
    i18next. The syntax goes, the text a reader sees stays: a branch of a PLURAL, a link's
    label. (Else the choices pass took "1|page" for a value list: the English word was
    found where the translation's was not, or the other way round.)

    Innermost first, a bounded number of rounds: each pattern reads runs of characters
    that exclude its own brackets, so a round is linear in the text."""

    _LINK = re.compile(r"\[\[[^\[\]|\x00]*+(?:\|([^\[\]\x00]*+))?\]\]")
    _MAGIC = re.compile(r"\{\{[^{}|\x00]*+\}\}")
    _BRANCHES = re.compile(r"\{\{\s*+#?[\w-]++\s*+:[^{}|\x00]*+\|([^{}\x00]*+)\}\}")
    _ROUNDS = 8  # nesting deeper than this stays as it is (then the other passes see it)

    @staticmethod
    def _label(found: re.Match) -> str:
        label = found.group(1)
        if label is None:  # [[Help]] shows its target; [[:File:$1]], [[User:$2]] are code
            target = found.group(0)[2:-2]
            label = "" if any(sign in target for sign in ":$/#") else target
        return f" {label} "

    @staticmethod
    def _branches(found: re.Match) -> str:
        return " " + found.group(1).replace("|", " ") + " "

    def sub(self, _repl: str, text: str) -> str:
        """The text without the syntax, each piece replaced by a space."""
        if "[[" in text:
            text = self._LINK.sub(self._label, text)
        for _round in range(self._ROUNDS):
            if "{{" not in text:
                break
            done = self._BRANCHES.sub(self._branches, self._MAGIC.sub(" ", text))
            if done == text:
                break
            text = done
        return text


_WIKITEXT = _Wikitext()
# The passes of `strip_spans`, each with the strings one of which a span it removes
# contains, or a pattern every such span matches (a pass runs only on a text where one
# of them occurs).
_PASSES = (
    # first: the character before its colon is then the text's own, not the space an
    # earlier pass left ("{{ns:project}}:Autoconfirmed users" is no placeholder)
    # (a colon as its sign: a pattern's search per text, ":[A-Za-z_]", cost 3% more
    # instructions on the real catalog than this substring test and the pass's own scan)
    (_LARAVEL, (":",)),
    (_AT, ("@", "!", "^")),  # (before _SIGNED: "%#@name@" is the printf pass's "%#@" too)
    (_WIKITEXT, ("{{", "[[")),  # first: the choices pass would take "1|page" for a value list
    (_CONTEXT, ("||",)),
    (_INLINE_CODE, _INLINE_CODE_SIGNS),  # before _SIGNED takes the tags away
    (_COMMAND, ("[", "<", "&lt;")),  # before _SIGNED takes the arguments away
    (_SIGNED, _SIGNS),
    (_URLS, ("://", "www.", "about:")),
    (_EMAIL, ("@",)),
    (_PATHS, _Paths.SIGNS),
    # (A dot before a letter, whatever stands before it: that may be an earlier pass's space.)
    (_EXTENSION, re.compile(r"\.[a-z]")),
    (_KEYS, ("+",)),
    (_CHOICES, ("|",)),
    (_OPTION, ("--",)),
)
# From this many NULs (two texts joined) on, each pass runs only on the texts with its sign
# (a pass over them all costs more: the slow ones scan every character).
_SPLIT_FROM = 1


def strip_spans(text: str) -> str:
    """The text with every non-text span replaced by a space (NUL-separated texts allowed).

    Over many NUL-joined texts, each pass runs on the texts that contain its
    sign, not on all of them (its sign occurs somewhere in a large catalog,
    and the passes that start at every word cost most): the same result, as
    no span crosses a NUL.
    """
    passes = [(pattern, signs) for pattern, signs in _PASSES if _has_any(text, signs)]
    if not passes:
        return text
    if text.count("\x00") < _SPLIT_FROM:
        for pattern, signs in passes:
            if _has_any(text, signs):  # an earlier pass may have removed the sign
                text = pattern.sub(" ", text)
        return text
    parts = text.split("\x00")
    starts = list(itertools.accumulate((len(part) + 1 for part in parts), initial=0))
    for pattern, signs in passes:
        # The parts that held one of its signs before any pass ran (found once, in the
        # joined text): every span a pass removes contains one of its signs, and a
        # removed span leaves a space, so where an earlier pass took the sign away this
        # pass changes nothing.
        sub = pattern.sub
        for i in _holding(text, starts, signs):
            parts[i] = sub(" ", parts[i])
    return "\x00".join(parts)


def sub_near(
    pattern: re.Pattern,
    repl: str | Callable[[re.Match], str],
    text: str,
    signs: tuple[str, ...],
    reach: int = 0,
) -> str:
    """``pattern.sub(repl, text)`` for a pattern whose every match starts at most ``reach``
    characters before one of ``signs`` (and is never empty): tried at those positions
    only, left to right, its look-behinds still seeing the text before. ``repl``: a
    string without group references, or a function of the match.

    Much faster than the regular expression's own search where the pattern has no fixed
    first character (tried at every character) or the text is long and its first
    characters are a set of non-Latin-1 ones (tested one by one)."""
    starts: set[int] = set()
    for sign in signs:
        at = text.find(sign)
        while at >= 0:
            starts.update(range(max(0, at - reach), at + 1))
            at = text.find(sign, at + 1)
    pieces: list[str] = []
    done = 0  # the text before this is handled
    match = pattern.match
    for start in sorted(starts):
        if start >= done:
            found = match(text, start)
            if found is not None:
                pieces += (text[done:start], repl if isinstance(repl, str) else repl(found))
                done = found.end()
    return _spliced(text, pieces, done) if pieces else text


def _has_any(text: str, signs: tuple[str, ...] | re.Pattern) -> bool:
    if isinstance(signs, re.Pattern):
        return signs.search(text) is not None
    for sign in signs:  # noqa: SIM110 (a generator in any() costs more than the searches)
        if sign in text:
            return True
    return False


def _holding(text: str, starts: list[int], signs: tuple[str, ...] | re.Pattern) -> list[int]:
    """Indices of the NUL-separated parts of ``text`` (starting at ``starts``) that
    contain one of the signs, in order: one search per part that has one (a string's
    own search for each sign: much faster than a regex of them all)."""
    last = len(starts) - 1  # starts has one more item: where a next part would start
    if isinstance(signs, re.Pattern):
        found = []
        find = signs.search
        match = find(text)
        while match is not None:
            i = bisect.bisect_right(starts, match.start()) - 1
            found.append(i)
            if i + 1 >= last:
                break
            match = find(text, starts[i + 1])
        return found
    holding: set[int] = set()
    for sign in signs:
        at = text.find(sign)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            holding.add(i)
            if i + 1 >= last:
                break
            at = text.find(sign, starts[i + 1])
    return sorted(holding)
