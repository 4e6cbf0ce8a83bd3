"""Keyboard mnemonics: how a mnemonic (&, ~, _) is read out of a word, on both sides.

A mnemonic between two letters glues no two words: the word is read whole, its mark out
(`inside_words`: KDE's and Qt's "&", Re&name, Tri&m; LibreOffice's "~", A~vailable fields,
Customi~ze, Պ~արբերություն, მარ~ჯվենա). The English side (`unglued`, the keys of
`source_match`) and the target side (`unmark`, every translation's words) read those
marks by that one function. Each side then has its own rule for the rest:

- the English side reads GTK's "_" as a mnemonic only inside a word of letters it alone
  marks (Pr_eferences; not code's joiner: GTK_THEME, latex_elements[, os.path_join);
- the target side takes every "&" and "_" out (a translation holds no code key to keep),
  an "_" on a capital right after a small letter read as the space it took (տարածք_Վեր).
"""

from __future__ import annotations

import re

# A mnemonic between two letters, one pattern a mark, each starting with it (the regex
# engine then skips fast to the next one); no other kind of text glues either between two
# letters.
_GLUED_MARKS = tuple(
    (mark, re.compile(re.escape(mark) + rf"(?<=[^\W\d_]{re.escape(mark)})(?=[^\W\d_])"))
    for mark in "&~"
)
# GTK's "_" (Pr_eferences, D_isplay, Rena_me Session) is also code's joiner (column_info,
# GTK_THEME, Security_Model): it is a mnemonic where it is the only one in a word of letters
# and a small letter follows it, the word not glued to code after it ("latex_elements[",
# "Complex_number(") nor before it ("os.path_join": `_code_before`).
_UNDERSCORE = re.compile(r"_(?<=[^\W\d_]_)(?=[^\W\d_A-Z][^\W\d_]*+(?![\w(\[]))")
_CODE_BEFORE = frozenset(".-$%@#")
# Any of those marks between two letters, one pattern a mark: what `unglued` may take
# out, and more (`any_out`: the English side's prefilter).
_ANY_MARKS = (
    *_GLUED_MARKS,
    ("_", re.compile(r"_(?<=[^\W\d_]_)(?=[^\W\d_])")),
)
# A mnemonic on a capital right after a small letter starts a new word whose space was
# left out (Armenian "տարածք_Վեր", Latin "file_Open"): the target side reads it as a space.
_GLUED_CAPITAL = re.compile("_(?<=[a-zß-öø-ÿа-џա-ֆ]_)(?=[A-ZÀ-ÖØ-ÞА-ЯЀ-ЏԱ-Ֆ])")


def inside_words(text: str) -> str:
    """``text`` without its "&" and "~" mnemonics between two letters (Re&name → Rename,
    A~vailable → Available, მარ~ჯვენა → მარჯვენა): the one reading of both sides."""
    for mark, pattern in _GLUED_MARKS:
        if mark in text:
            text = pattern.sub("", text)
    return text


def unglued(text: str) -> str:
    """The English side: ``text`` without its keyboard mnemonics inside words (Re&name,
    A~vailable, Pr_eferences: Rename, Available, Preferences)."""
    text = inside_words(text)
    return _unglued_underscores(text) if "_" in text else text


def unmark(text: str) -> str:
    """The target side: a translation without keyboard mnemonics: E_mri → Emri,
    Customi&ze → Customize, Պ~արբերություն → Պարբերություն (տարածք_Վեր → տարածք Վեր: a
    word that starts with a capital after a small letter)."""
    if "_" in text:
        text = _GLUED_CAPITAL.sub(" ", text).replace("_", "")
    if "&" in text:
        text = text.replace("&", "")
    return inside_words(text) if "~" in text else text


def any_out(text: str) -> str:
    """``text`` without any mark between two letters that may be a mnemonic: a superset of
    what `unglued` takes out (a prefilter keeps every text that may hold a word)."""
    for mark, pattern in _ANY_MARKS:
        if mark in text:
            text = pattern.sub("", text)
    return text


def _unglued_underscores(text: str) -> str:
    """``text`` without GTK's mnemonic underscores inside words (see `_UNDERSCORE`)."""
    pieces: list[str] = []
    done = 0
    for found in _UNDERSCORE.finditer(text):
        at = found.start()
        if not _code_before(text, at - 1):
            pieces.append(text[done:at])
            done = at + 1
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _code_before(text: str, last: int) -> bool:
    """Is the run of letters that ends at ``last`` glued to code before it (a word
    character, an underscore, a dot, a sign)?"""
    while last > 0 and text[last - 1].isalpha():
        last -= 1
    if last == 0:
        return False
    before = text[last - 1]
    return before.isalnum() or before == "_" or before in _CODE_BEFORE
