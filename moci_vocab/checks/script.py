"""MV3xx: every term in its language's script, and look-alike letters.

The manifest gives each language an ISO 15924 script (Latn, Cyrl, Geor,
Armn …). A letter of any other script in a term is an error (MV301), told
apart from the commonest case, a *look-alike* (MV302): a Cyrillic ``с`` typed
into a Latin term, or a Latin ``a`` in a Serbian Cyrillic one. Such a term
looks right, and silently never matches anything; the message names the
character and its code point. Digits, punctuation, spaces and combining marks
(Unicode's Common and Inherited scripts) are allowed everywhere.

Definitions, notes and contexts may quote other scripts (names, acronyms), so
there only a *word* that mixes Latin, Cyrillic or Greek letters is flagged (MV303).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from moci_vocab.checks.context import Context, indexed_terms, quote, term_key
from moci_vocab.languages import script_name
from moci_vocab.model import Concept, Term

# Letters that look the same as a letter of another script (after Unicode's
# confusables list, restricted to what a keyboard layout switch produces).
CYRILLIC_AS_LATIN = {
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y", "Ү": "Y",
}  # fmt: skip
GREEK_AS_LATIN = {
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
LATIN_AS_CYRILLIC = {
    latin: cyrillic
    for cyrillic, latin in CYRILLIC_AS_LATIN.items()
    if cyrillic not in "вһԁԛԝӏүҮ"  # these only look alike one way
}
LATIN_AS_GREEK = {latin: greek for greek, latin in GREEK_AS_LATIN.items()}
LOOK_ALIKES = {
    "Latin": {**CYRILLIC_AS_LATIN, **GREEK_AS_LATIN},
    "Cyrillic": LATIN_AS_CYRILLIC,
    "Greek": LATIN_AS_GREEK,
}


@cache
def script_pattern(*codes: str):
    """A pattern matching any letter outside the scripts ``codes`` (None: unknown script)."""
    import regex

    names = "".join(rf"\p{{Script={script_name(code)}}}" for code in codes)
    try:
        return regex.compile(
            rf"(?V1)[[\p{{L}}\p{{M}}]--[{names}\p{{Script=Common}}\p{{Script=Inherited}}]]"
        )
    except regex.error:
        return None


@cache
def _mixed_word_pattern():
    import regex

    # A word with letters of two of Latin, Cyrillic, Greek: never right in running text.
    return regex.compile(
        r"\b(?:(?=\w*\p{Script=Latin})(?=\w*[\p{Script=Cyrillic}\p{Script=Greek}])"
        r"|(?=\w*\p{Script=Cyrillic})(?=\w*\p{Script=Greek}))\w+"
    )


@cache
def _char_script(ch: str) -> str:
    import regex

    for name in ("Latin", "Cyrillic", "Greek", "Georgian", "Armenian", "Arabic", "Hebrew"):
        if regex.match(rf"\p{{Script={name}}}", ch):
            return name
    return "another"


def check(ctx: Context) -> None:
    """Report terms written in a script other than their language's."""
    scripts = {tag: spec.script for tag, spec in ctx.manifest.languages.items()}
    source_script = scripts.get(ctx.source)
    # Characters already seen in clean terms, per allowed scripts: most terms are
    # decided by one set comparison instead of a regex.
    clean: dict[tuple[str, ...], set[str]] = {}
    for concept in ctx.concepts():
        source_keys = None
        for lang, index, term in indexed_terms(concept):
            script = scripts.get(lang)
            if script is None:
                continue  # an undeclared language: MV101
            allowed: tuple[str, ...] = (script,)
            foreign = _foreign(term, allowed, clean)
            if foreign and source_script and source_script != script:
                # A name kept in the source language's form is in the source script.
                if source_keys is None:
                    source_keys = {term_key(t.term) for t in concept.terms.get(ctx.source, ())}
                if concept.do_not_translate or term_key(term.term) in source_keys:
                    allowed = (script, source_script)
                    foreign = _foreign(term, allowed, clean)
            if foreign:
                _report(ctx, concept, lang, index, term, allowed, foreign)
        _check_running_text(ctx, concept)


def _foreign(term: Term, allowed: tuple[str, ...], clean: dict) -> list[str]:
    """The letters of the term (and its forms) outside the ``allowed`` scripts."""
    text = term.term if not term.forms else " ".join([term.term, *term.forms])
    if allowed == ("Latn",) and text.isascii():
        return []  # the common case, decided without a regex
    known = clean.setdefault(allowed, set())
    chars = set(text)
    if chars <= known:
        return []
    pattern = script_pattern(*allowed)
    if pattern is None:
        return []  # unknown script: reported once for the manifest (MV112)
    foreign = pattern.findall(text)
    if not foreign:
        known |= chars
    return foreign


def _report(ctx, concept: Concept, lang: str, index: int, term: Term, allowed, foreign) -> None:
    expected = script_name(allowed[0])
    alikes = LOOK_ALIKES.get(expected, {})
    look_alike = _distinct(ch for ch in foreign if ch in alikes)
    other = _distinct(ch for ch in foreign if ch not in alikes)
    shown = quote(term.term)
    if look_alike:
        described = "; ".join(
            f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) looks like {expected} "
            f"{alikes[ch]!r}"
            for ch in look_alike[:3]
        )
        ctx.term_issue(
            "MV302",
            concept,
            lang,
            index,
            term,
            f"term {shown} has a look-alike letter of another script: {described}; "
            f"retype it in {expected}",
            extra={"characters": [f"U+{ord(ch):04X}" for ch in look_alike]},
        )
    if other:
        scripts = sorted({_char_script(ch) for ch in other})
        described = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in other[:5])
        ctx.term_issue(
            "MV301",
            concept,
            lang,
            index,
            term,
            f"term {shown} has {' and '.join(scripts)} letters ({described}) but "
            f"{lang} is written in {expected} ({allowed[0]}); use {expected} letters",
            extra={"characters": [f"U+{ord(ch):04X}" for ch in other]},
        )


def _distinct(chars) -> list[str]:
    return list(dict.fromkeys(chars))


def _check_running_text(ctx: Context, concept: Concept) -> None:
    for field in ("definition", "note"):
        for lang, text in getattr(concept, field).items():
            _mixed_words(ctx, concept, text, (field, lang), lang, None)
    for lang, index, term in indexed_terms(concept):
        for key in ("context", "note"):
            value = getattr(term, key)
            if value:
                _mixed_words(ctx, concept, value, ("terms", lang, index, key), lang, term.term)


def _mixed_words(ctx, concept: Concept, text: str, at: tuple, lang: str, term) -> None:
    if text.isascii():
        return
    match = _mixed_word_pattern().search(text)
    if match is None:
        return
    word = match.group()
    letters = {}
    for ch in word:
        if ch.isalpha():
            letters.setdefault(_char_script(ch), ch)
    described = ", ".join(f"{name} {ch!r} (U+{ord(ch):04X})" for name, ch in letters.items())
    ctx.add(
        "MV303",
        concept.id,
        f"{at[-1] if at[0] == 'terms' else at[0]} has the word {quote(word)} mixing scripts "
        f"({described}); retype it in one script",
        lang=lang,
        at=at,
        term=term,
    )
