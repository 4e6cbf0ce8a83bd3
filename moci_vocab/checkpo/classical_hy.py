"""Armenian in the classical (Mashtots) orthography, read as the reformed one (MV606).

Armenian has two orthographies in living use: the reformed one of Soviet Armenia (the
reform of 1922, revised in 1940; Armenia's catalogs write it) and the classical one, which
Western Armenian, the diaspora and Iran's Armenians keep (Xfce's Armenian catalogs,
Mastodon's): հաշիւ, genitive հաշուի (reformed հաշիվ, հաշվի), գործողութիւն (գործողություն),
օգտատէր (օգտատեր). A glossary is in one, a catalog may be in the other: in a file told
classical (`is_classical`), the glossary's terms and the translations are both written in
one key, `reformed`, the classical spelling mapped to the reformed one by the reform's
rules (as summarised in the Wikipedia article "Reformed Armenian orthography" and
Abeghyan's 1922 rules it describes), each one a test row:

- իւ → յու before a consonant (ութիւն → ություն, դիւրին → դյուրին), իվ at the end of a
  word or before a vowel (հաշիւ → հաշիվ, ակտիւութիւն → ակտիվություն) or an ending on
  such a stem: the possessive -դ, -ս, the plural -ներ (հաշիւդ, հաշիւներ → հաշիվդ,
  հաշիվներ; ութիւններ keeps its յու: its ն is the stem's);
- ու before a vowel → վ (հաշուի → հաշվի, ստացուած → ստացված, տուեալ → տվեալ → տվյալ);
- any other ւ → վ (աւելի → ավելի, կարգաւորում → կարգավորում), but not after ե: եւ and
  the reformed ligature և are one word to the matcher already (և casefolds to եւ);
- եա → յա (ութեան → ության), եօ → յո;
- է → ե and օ → ո inside a word (օգտատէր → օգտատեր, էմօջի → էմոջի), not at its start;
- ոյ → ույ before a consonant (նոյն → նույն, լոյս → լույս); a word's final silent յ after
  ա or ո dropped when another vowel comes before (ստանայ → ստանա, հետոյ → հետո; not հայ);
- յ at a word's start → հ (յիշատակ → հիշատակ, յաջող → հաջող), first: the յ the other
  rules write stays (եօթ → յոթ); so does the reformed one of the few words that start
  with յ (յոթ, յուղ, յուրաքանչյուր, յուրաց-: classical եօթ, իւղ, իւրաքանչիւր, իւրաց-),
  listed, so that a reformed term finds the classical word and the other way round.

The key is a key, not a respelling to show: a reformed text is mostly left as it is, and
where the rules change one (a loanword's եա, a compound's inner օ, the rare word in
initial յ) they change both sides alike. The case of each letter is kept.

The detection: a classical file writes ւ outside ու and եւ (its իւ, աւ); a reformed one
almost never does (reformed catalogs type the ligature և as եւ, so եւ does not count). Of
the held-out Armenian catalogs (rounds 1-28: 153 files) and the committed ones (6), those
letters are 0.84% to 1.91% of the letters of the 15 classical files (14 of Xfce's, gigolo
to xfconf, and Thunderbird for Android) and 0.23% or less of every other (at most 0.08%
in a file of 1,000 letters or more); round 29's Mastodon server messages: 1.16%. A file
is read as classical from `SHARE` (0.4%) with `MIN_MARKS` of them; a file that writes the
reformed -ությ- `REFORMED` times while writing fewer classical marks is told reformed at
that entry, without reading the rest (the everyday case, cheap).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import chain

from moci_vocab.checkpo.inflection import Inflection, for_language

SHARE = 0.004
MIN_MARKS = 10
REFORMED = 20

NOTICE = (
    "this file writes {lang} in the classical orthography (հաշիւ, -ութիւն): in it, glossary "
    "terms are matched reading it as the reformed one (հաշիվ, -ություն)"
)
# ... and where some of its entries write the reformed spelling (the file mixes the two)
MIXED = (
    "; {count} of its entries write the reformed one instead (-ություն; the first at line "
    "{line}: {word})"
)
# The reform's surest mark, its -ություն (classical -ութիւն, -ութեան) in any form: a word
# of a classical file that writes it is written in the reformed spelling. (Others, a final
# -իվ, an inner վ, are also the classical spelling of some loanwords: not counted.)
_REFORMED = re.compile("ությ", re.IGNORECASE)


def is_classical(texts: list[list[str]]) -> bool:
    """Whether a catalog's translations (each entry's forms) write Armenian in the
    classical orthography."""
    marks = reformed = 0
    # A chunk of entries at a time, joined: a few C-speed counts per chunk, not per text
    for start in range(0, len(texts), _CHUNK):
        text = "\n".join(chain.from_iterable(texts[start : start + _CHUNK]))
        marks += _marks(text)
        reformed += len(_REFORMED.findall(text))  # the notice's mark, in any case
        if reformed >= REFORMED and marks < reformed:
            return False
    if marks < MIN_MARKS:
        return False
    letters = sum(map(str.isalpha, "".join(chain.from_iterable(texts))))
    return marks >= SHARE * letters


_CHUNK = 200


def notice(lang: str, texts: list[list[str]], lines: Callable[[list[int]], dict[int, int]]) -> str:
    """MV606's message for a classical file (``texts``: its translations as written;
    ``lines``: the lines of entries), with how many of its entries write the reformed
    spelling, if any: one finding for the file, not one per entry (which spelling a word
    was written in is not told once it is read in the key both share)."""
    message = NOTICE.format(lang=lang)
    mixed = []  # (entry, its first reformed -ությ-)
    for i, forms in enumerate(texts):
        found = next(filter(None, map(_REFORMED.search, forms)), None)
        if found:
            mixed.append((i, found))
    if not mixed:
        return message
    first, found = mixed[0]
    text, start, end = found.string, found.start(), found.end()
    # the word around the mark, walked out letter by letter (linear in the text)
    while start and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start:end] if end - start <= 40 else text[start : start + 40] + "…"
    return message + MIXED.format(count=len(mixed), line=lines([first])[first], word=word)


def _marks(text: str) -> int:
    """How many times ``text`` writes ւ outside ու and եւ (any case)."""
    return (
        text.count("ւ")
        + text.count("Ւ")
        - text.count("ու")
        - text.count("Ու")
        - text.count("ՈՒ")
        - text.count("եւ")
        - text.count("Եւ")
        - text.count("ԵՒ")
    )


_VOWELS = "աեէըիոօԱԵԷԸԻՈՕ"
_LETTER = r"[^\W\d_]"
# Each rule: a pattern (case-insensitive) and what its match is written as, in order. The
# glossary's terms are compiled with them and cached: a change bumps inflection.DATA_VERSION.
_RULES = (
    # (first: the յ the other rules write, as in եօթ → յոթ, is the reformed one's; and
    # not in the reformed words that start with յ, whose classical spelling starts with
    # եօ or իւ, so that both spellings meet: յոթ (եօթ, seven, and its compounds), յուղ
    # (իւղ, oil), յուրաքանչյուր (իւրաքանչիւր, each), յուրաց- (իւրաց-, to make one's own);
    # the classical words in յո-, յու- are other words: յոգնել, յուսալ → հոգնել, հուսալ)
    (rf"(?<!{_LETTER})յ(?!ոթ|ուղ|ուրաքանչ|ուրաց)", "հ"),
    # (and before the endings -դ, -ս and the plural's -նե-: հաշիւդ, հաշիւներ; not
    # -ութիւններ, whose ն is the stem's)
    (rf"իւ(?=[{_VOWELS}]|[դս]?(?!{_LETTER})|նե)", "իվ"),
    ("իւ", "յու"),
    (rf"(?<={_LETTER})ու(?=[{_VOWELS}])", "վ"),
    ("(?<![ոե])ւ", "վ"),
    ("եա", "յա"),
    ("եօ", "յո"),
    (rf"(?<={_LETTER})է", "ե"),
    (rf"(?<={_LETTER})օ", "ո"),
    (rf"ոյ(?={_LETTER})(?![{_VOWELS}])", "ույ"),
    # (a word's final յ after ա, ո: dropped in `_written` when another vowel is before)
    (rf"(?<=[աո])յ(?!{_LETTER})", ""),
)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    """`_RULES` compiled (when a classical file is first read: not on every Armenian one)."""
    return tuple((re.compile(pattern, re.IGNORECASE), written) for pattern, written in _RULES)


def reformed(text: str) -> str:
    """``text`` (NFC) with its classical spellings written as the reformed ones (the key)."""
    for pattern, written in _compiled():
        text = pattern.sub(lambda match, written=written: _written(match, written), text)
    return text


@cache
def inflection() -> Inflection:
    """Armenian's data as a classical file is matched: the reformed data, and the endings
    its classical ones become on the reformed stem -ությ- (-ութ-իւնից → -ությ-ունից: a
    term in the genitive, ութեան → ության, finds պատմութիւնից as պատմությունից; the
    reformed data has no such ending, and a reformed file is not changed here)."""
    infl = for_language("hy")
    classical = (ending for ending in infl.suffixes if "իւ" in ending or "եա" in ending)
    made = (reformed("ութ" + ending) for ending in classical)
    fields = {name: getattr(infl, name) for name in infl._fields}
    fields["suffixes"] = infl.suffixes | {word[4:] for word in made if word.startswith("ությ")}
    return Inflection(**fields)


def _written(match: re.Match[str], written: str) -> str:
    """What a rule's match is written as, in its case; a final յ stays in a word of one
    syllable (հայ, խոյ: its ա or ո, just before the յ, is the word's only vowel)."""
    found = match.group()
    if not written:
        # Back from the ա or ո to the word's start or a vowel: once per word (a word has
        # one final յ), so linear in the text (a search from the text's start was not).
        text, at = match.string, match.start() - 1
        while at > 0 and text[at - 1].isalpha():
            at -= 1
            if text[at] in _VOWELS:
                return ""
        return found
    if len(found) > 1 and found.isupper():
        return written.upper()
    if found[0].isupper():
        return written[0].upper() + written[1:]
    return written
