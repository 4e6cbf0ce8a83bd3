"""An English word whose senses a language says by words of their own.

English *email* is the message ("send an email", "this email", "a welcome email"), the
medium ("by email") and the address ("email address"). Armenian says each by its own
word: *նամակ* (a letter: *էլ. նամակ*, "send an email" as *նամակ ուղարկել*), *փոստ* (the
mail: *էլ. փոստով*, by email) and *հասցե* (the address: *էլ. հասցե*). A glossary gives
one of them for email, and a translation that says a use of the word by its own sense's
word renders it: NodeBB's and PKP's "Send an email", "a password reset email" as *նամակ*
where the glossary's email is the mail *փոստ*, OJS's "by email" as *էլ. փոստով* where it
is the letter *նամակ* (`Inflection.sense_words`).

The sense is read in the English, use by use: the address before "address"; the medium
after "by", "via", "through" (not "sort by email", "search users by email": the address);
the message after a demonstrative ("ignore this email"), after a kind of message
("welcome", "confirmation", "reset", "test" …), as the object of *send* or *receive* (three
words between them at most, no preposition: "sent you an email", not "sent a code to your
email"), or before "sent" ("Password reset email sent", "The email will be sent"); none
where the English says what is said of an address ("this email is already registered").
Only where every use of the word is so read and the translation holds each read sense's
word is the term not demanded: "Show email" or "Emails validated" (an address) said *նամակ*
stay reported, as does "a notification email" said *էլ. փոստ* beside an "email address".
Only a glossary whose term for the word is one of the senses' words is read so: its
choice names one sense, the others are the language's.
"""

from __future__ import annotations

import re

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.source_match import plurals
from moci_vocab.checkpo.target_match import stems_of, tokens

# What the words around a use of the English word say of its sense: the text after it,
# then before it (casefolded), the first that matches.
_AFTER = (
    ("address", re.compile(r"\s+address")),
    # "Password reset email sent", "The email will be sent"
    (
        "message",
        re.compile(
            r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|will\s+be|to\s+be)\s+)?sent\b"
        ),
    ),
)
# "Sort by email", "search users by email" name the address the list is ordered or found by,
# no medium: no sense is read there.
_BY_ADDRESS = re.compile(
    r"\b(?:sort(?:ed)?|search(?:ed)?|filter(?:ed)?|find|found|order(?:ed)?|group(?:ed)?"
    r"|look\s+up|identif(?:y|ied))(?:\s+[\w'’-]+){0,2}\s+by\s+$"
)
_BEFORE = (
    ("medium", re.compile(r"\b(?:by|via|through)\s+$")),
    ("message", re.compile(r"\b(?:this|that|these|those)\s+$")),
    (
        "message",
        re.compile(
            r"\b(?:welcome|confirmation|verification|invitation|activation|reset|test"
            r"|reminder)\s+$"
        ),
    ),
    # the object of sending or receiving, not its destination (no preposition between)
    (
        "message",
        re.compile(
            r"\b(?:(?:re)?send(?:s|ing)?|sent|receiv(?:e|es|ed|ing))"
            r"(?:\s+(?!(?:to|at|from|for|on|in|with)\b)[\w'’-]+){0,3}\s+$"
        ),
    ),
)
# How far before a use its sense is looked for (three words and a verb).
_REACH = 60


# What is said of an address, not a message: "this email is already registered", "that
# email is not valid" (no sense is read there).
_OF_ADDRESS = re.compile(
    r"\s+(?:(?:is|was|has|does)\s+)?(?:not\s+)?(?:already|valid|invalid|registered|verified"
    r"|confirmed|unconfirmed|in\s+use|taken|exists?)\b"
)


def sense_of(msgid: str, start: int, end: int) -> str | None:
    """The sense the English marks for the word at msgid[start:end] (casefolded msgid),
    or None."""
    after = msgid[end : end + 30]
    if _OF_ADDRESS.match(after):
        return None
    for sense, pattern in _AFTER:
        if pattern.match(after):
            return sense
    before = msgid[max(0, start - _REACH) : start]
    if _BY_ADDRESS.search(before):
        return None
    for sense, pattern in _BEFORE:
        if pattern.search(before):
            return sense
    return None


# What opens a placeholder's name ({email}, {$email}, %(email)s, $email, <email>).
_OPENING = ("{", "$", "%(", "<")


def _uses(low: str, word: str) -> list[tuple[int, int]]:
    """Where the word or its plural stands in the casefolded msgid as a word of the
    text, not a placeholder's name ({email}, %(email)s, $email)."""
    found = []
    for form in {word, *plurals(word)}:
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", low):
            start, end = match.span()
            if not low[max(0, start - 2) : start].endswith(_OPENING) and low[end : end + 1] != "}":
                found.append((start, end))
    return sorted(found)


def said_by_sense(
    word: str, terms: list[str], msgid: str, translation: str, infl: Inflection
) -> bool:
    """Does the translation say each use of the English ``word`` by the word of its sense
    (`Inflection.sense_words`), where the glossary's ``terms`` (casefolded) give one of
    those words?"""
    senses = {sense: said for english, sense, said in infl.sense_words if english == word}
    if not senses:
        return False
    family = {said for words in senses.values() for said in words}
    if not any(_holds(tokens(term), family, infl) for term in terms):
        return False
    low = msgid.casefold()
    if len(low) != len(msgid):  # (casefolding moved letters: no positions to trust)
        return False
    read = set()
    for start, end in _uses(low, word):
        sense = sense_of(low, start, end)
        if sense not in senses:  # (a use of no sense read: reported, the rest unread)
            return False
        read.add(sense)
    if not read:
        return False
    said = tokens(translation)
    return all(_holds(said, senses[sense], infl) for sense in read)


def _holds(words: list[str], wanted: set[str] | tuple[str, ...], infl: Inflection) -> bool:
    """Is one of the words a form of one of ``wanted`` (a stem and an ending)?"""
    return any(
        word.startswith(stem) and word[len(stem) :] in infl.suffixes
        for lemma in wanted
        for stem in stems_of(lemma, infl)
        for word in words
    )
