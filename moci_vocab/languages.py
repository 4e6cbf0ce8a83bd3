"""Languages as BCP 47 tags, with names, scripts and plural rules from CLDR.

Babel carries CLDR; it is imported only when a name or plural rule is
asked for, so that start-up stays fast. Tag syntax is checked here without
Babel (RFC 5646 shape), and the language subtag must be one CLDR knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import PurePath

# language[-script][-region][-variant...] (RFC 5646, without extensions). Ends with \Z,
# not $: `$` also matches before a final newline, and "bs-BA\n" from a pull request's
# manifest became export files named "bs-BA\n.po" and an xml:lang with a line break.
_TAG_RE = re.compile(
    r"^(?P<lang>[a-z]{2,3})"
    r"(?:-(?P<script>[A-Z][a-z]{3}))?"
    r"(?:-(?P<region>[A-Z]{2}|\d{3}))?"
    r"(?:-(?P<variant>[0-9A-Za-z]{5,8}|\d[0-9A-Za-z]{3}))*\Z"
)

# Scripts whose ISO 15924 code differs from the name the `regex` module uses.
SCRIPT_NAMES = {
    "Latn": "Latin",
    "Cyrl": "Cyrillic",
    "Geor": "Georgian",
    "Armn": "Armenian",
    "Grek": "Greek",
    "Arab": "Arabic",
    "Hebr": "Hebrew",
}


# gettext's script modifiers (``sr@latin``) and the ISO 15924 codes they stand for.
GETTEXT_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}


def split_tag(tag: str) -> tuple[str, str | None, str | None]:
    """(language, script, region) of a well-formed tag."""
    match = _TAG_RE.match(tag)
    if match is None:
        raise ValueError(tag)
    return match["lang"], match["script"], match["region"]


def normalize_tag(tag: str) -> str:
    """Canonical case of a tag: `SR-latn` → `sr-Latn`, `pt_br` → `pt-BR`."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3) and (part.isalpha() or part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def is_well_formed(tag: object) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 tag (sq, sr-Latn), whatever CLDR knows."""
    return isinstance(tag, str) and _TAG_RE.match(tag) is not None


def tag_problem(tag: object) -> str | None:
    """Why ``tag`` is not a usable BCP 47 tag, or None when it is."""
    if not is_well_formed(tag):
        hint = normalize_tag(tag) if isinstance(tag, str) else ""
        suggestion = f" (did you mean {hint!r}?)" if is_well_formed(hint) else ""
        return f"{tag!r} is not a BCP 47 language tag such as sq, ka, sr-Latn{suggestion}"
    if not _known_language(tag.split("-")[0]):
        return f"{tag!r}: CLDR knows no language {tag.split('-')[0]!r}"
    return None


@cache
def _known_language(code: str) -> bool:
    from babel import Locale
    from babel.core import get_global

    # Codes CLDR only knows as aliases (cnr → sr_ME) are languages too.
    return code in Locale("en").languages or code in get_global("language_aliases")


@cache
def _locale(tag: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        lang, script, _region = split_tag(tag)
        try:
            return Locale.parse(f"{lang}_{script}" if script else lang)
        except (UnknownLocaleError, ValueError):
            return Locale.parse(lang) if lang != tag else None


def default_script(tag: str) -> str:
    """The script a language is written in by default (CLDR likely subtags)."""
    lang, script, region = split_tag(tag)
    if script:
        return script
    from babel.core import get_global

    likely = get_global("likely_subtags")
    for key in (f"{lang}_{region}" if region else None, lang):
        if key and key in likely:
            parts = likely[key].split("_")
            for part in parts[1:]:
                if len(part) == 4:
                    return part
    return "Latn"


def english_name(tag: str) -> str:
    """English display name (Serbian (Latin), Georgian)."""
    locale = _locale(tag)
    if locale is None:
        return tag
    name = locale.get_display_name("en") or tag
    return name[0].upper() + name[1:] if name else tag


def autonym(tag: str) -> str:
    """The language's own name for itself (shqip, ქართული, հայերեն)."""
    locale = _locale(tag)
    if locale is None:
        return tag
    return locale.get_display_name(locale) or tag


def autonym_or_tag(tag: str) -> str:
    """The language's own name, or its tag when CLDR has none for it."""
    try:
        return autonym(tag)
    except ValueError:
        return tag


def plural_forms(tag: str) -> str:
    """The gettext Plural-Forms header for the language, from CLDR."""
    from babel.messages.plurals import get_plural

    try:
        plural = get_plural(tag.replace("-", "_"))
    except Exception:
        plural = get_plural(split_tag(tag)[0])
    return plural.plural_forms


def script_name(code: str) -> str:
    """The `regex` module's name of an ISO 15924 script code."""
    return SCRIPT_NAMES.get(code, code)


def gettext_language(tag: str) -> str:
    """A BCP 47 tag in gettext's spelling: sr-Latn → sr@latin, pt-BR → pt_BR."""
    try:
        lang, script, region = split_tag(tag)
    except ValueError:
        return tag.replace("-", "_")
    code = f"{lang}_{region}" if region else lang
    if script:
        modifiers = {code: name for name, code in GETTEXT_SCRIPTS.items()}
        code += "@" + modifiers.get(script, script.casefold())
    return code


def gettext_to_bcp47(code: str) -> str:
    """gettext's `sr@latin`, `pt_BR` → BCP 47 `sr-Latn`, `pt-BR`."""
    base, _sep, modifier = code.strip().partition("@")
    tag = normalize_tag(base) if base else ""
    script = GETTEXT_SCRIPTS.get(modifier.casefold())
    if script and tag:
        first, *rest = tag.split("-")
        tag = "-".join([first, script, *rest])
    return tag


def resolve_tag(raw: str, known: Iterable[str], nearest: bool = False) -> str | None:
    """The tag among ``known`` that ``raw`` names, or None: the one language-tag resolver.

    ``raw`` may be spelled as BCP 47 or as gettext does (any case, ``_`` or
    ``-``, ``sr@latin``); a tag without a script also names the known tag with
    its default script (``sr`` → ``sr-Cyrl``). With ``nearest`` (a catalog's
    Language header), a region or script the glossary lacks is dropped too
    (``sq_AL`` → ``sq``, ``sr_RS`` → ``sr-Cyrl``).
    """
    by_fold = {tag.casefold(): tag for tag in known}
    tag = gettext_to_bcp47(raw) if raw else ""
    if not tag:
        return None
    if tag.casefold() in by_fold:  # the usual case, without asking CLDR for scripts
        return by_fold[tag.casefold()]
    parts = tag.split("-")
    base = parts[0].casefold()
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    # Tried in this order; a default script (CLDR, through Babel) only when needed.
    candidates: list[Callable[[], list[str]]] = [lambda: [tag]]
    if script is None:
        candidates.append(lambda: _with_default_script(tag))
    if nearest:
        candidates.append(lambda: [f"{base}-{script}" if script else base, base])
        if script is None:
            candidates.append(lambda: _with_default_script(base))
    for more in candidates:
        for candidate in more():
            if candidate.casefold() in by_fold:
                return by_fold[candidate.casefold()]
    return None


def _with_default_script(tag: str) -> list[str]:
    """``tag`` with its language's default script put in (none when it is malformed)."""
    try:
        lang, _script, region = split_tag(tag)
        return ["-".join(p for p in (lang, default_script(tag), region) if p)]
    except ValueError:
        return []


def language_from_filename(path: PurePath, cldr: bool = True) -> str | None:
    """`glossary-sq.po` → sq, `sr@latin.po` → sr-Latn, `pt_BR.csv` → pt-BR.

    ``cldr=False`` takes a well-formed tag without asking CLDR whether it knows the
    language (no Babel: a guess for grouping files, not a language to check with).
    """
    stem = path.stem
    parts = stem.replace(".", "-").split("-")
    # The tag is the name's last part (`glossary-sq`), or its last two when the last is
    # a script (`glossary-sr-Latn`); the whole name only as a last resort, since a
    # prefix can look like a language (`new-sq` would read as Newari).
    candidates = [parts[-1], stem]
    if len(parts) > 1 and len(parts[-1]) == 4 and parts[-1].isalpha():
        candidates.insert(0, "-".join(parts[-2:]))
    for candidate in candidates:
        tag = gettext_to_bcp47(candidate)
        if tag and (tag_problem(tag) is None if cldr else _TAG_RE.match(tag) is not None):
            return tag
    return None
