"""An English word whose senses a language says by words of their own.

English *email* is the message ("send an email", "this email", "a welcome email"), the
medium ("by email") and the address ("email address"). Armenian says each by its own
word: *նամակ* (a letter: *էլ. նամակ*, "send an email" as *նամակ ուղարկել*), *փոստ* with
its electronic mark (*էլ. փոստով*, by email; bare *փոստով* is by post) and *հասցե* with it
(*էլ. հասցե*, *էլ. փոստի հասցե*; the address alone, or *փոստային հասցե*, the postal
address, says no email). A glossary gives one of them for email, and a translation that
says a use of the word by its own sense's word renders it: NodeBB's and PKP's "Send an
email", "a password reset email" as *նամակ* where the glossary's email is the mail *փոստ*,
OJS's "by email" as *էլ. փոստով* where it is the letter *նամակ* (`Inflection.sense_words`).

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
from collections.abc import Callable

from moci_vocab.checkpo.inflection import Inflection
from moci_vocab.checkpo.source_match import plurals
from moci_vocab.checkpo.target_match import stems_of, tokens

# What the words around a use of the English word say of its sense (casefolded; only the
# words that touch it, spaces between them: "email, address" is no address).
_WORD = re.compile(r"[\w'’-]+")
_BY = frozenset({"by", "via", "through"})  # the medium, "by email"
# ... but "sort by email", "search users by email" name the address the list is ordered or
# found by: no sense is read there
_ORDERING = frozenset(
    {"sort", "sorted", "search", "searched", "filter", "filtered", "find", "found", "order"}
    | {"ordered", "group", "grouped", "look", "identify", "identified"}
)
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})  # the message at hand
_KINDS = frozenset(  # kinds of message: "a welcome email", "password reset email(s)"
    {"welcome", "confirmation", "verification", "invitation", "activation", "reset", "test"}
    | {"reminder"}
)
# the message as the object of sending or receiving, three words between at most and no
# preposition ("sent you an email"; not "sent a code to your email", the destination)
_SENDING = frozenset(
    {"send", "sends", "sending", "sent", "resend", "resends", "resending", "resent"}
    | {"receive", "receives", "received", "receiving"}
)
_PREPOSITIONS = frozenset({"to", "at", "from", "for", "on", "in", "with"})
# ... or before "sent": "Password reset email sent", "The email will be sent"
_AUXILIARIES = frozenset({"was", "were", "is", "are", "will", "be", "been", "has", "have", "to"})
# what is said of an address, not a message: "this email is already registered", "that
# email is not valid", "is in use" (no sense is read there)
_OF_ADDRESS = frozenset(
    {"already", "valid", "invalid", "registered", "verified", "confirmed", "unconfirmed"}
    | {"taken", "exist", "exists"}
)
# How far around a use its words are read (a verb and three words before it).
_REACH = 60


def sense_of(msgid: str, start: int, end: int) -> str | None:
    """The sense the English marks for the word at msgid[start:end] (casefolded msgid),
    or None."""
    after = _touching(msgid[end : end + _REACH], first=True)
    at = 0
    while at < len(after) and at < 2 and after[at] in {"is", "was", "has", "does", "not"}:
        at += 1
    if after[at : at + 1] and (after[at] in _OF_ADDRESS or after[at : at + 2] == ["in", "use"]):
        return None
    if after[:1] in (["address"], ["addresses"]):
        return "address"
    at = 0
    while at < len(after) and at < 2 and after[at] in _AUXILIARIES:
        at += 1
    if after[at : at + 1] == ["sent"]:
        return "message"
    before = _touching(msgid[max(0, start - _REACH) : start], first=False)
    last = before[-1] if before else ""
    if last in _BY:
        return None if _ORDERING.intersection(before[-4:-1]) else "medium"
    if last in _DEMONSTRATIVES or last in _KINDS:
        return "message"
    for back in range(1, min(len(before), 4) + 1):  # (the verb, then 0-3 words)
        if before[-back] in _SENDING:
            between = before[len(before) - back + 1 :]
            return None if _PREPOSITIONS.intersection(between) else "message"
    return None


def _touching(text: str, first: bool) -> list[str]:
    """The words of ``text`` that touch its start (``first``) or its end, in order, each
    after the last only by spaces."""
    words = list(_WORD.finditer(text))
    if first:
        kept, at = [], 0
        for word in words:
            if text[at : word.start()].strip():
                break
            kept.append(word.group())
            at = word.end()
        return kept
    kept, at = [], len(text)
    for word in reversed(words):
        if text[word.end() : at].strip():
            break
        kept.append(word.group())
        at = word.start()
    return kept[::-1]


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


def sense_reader(
    word: str, terms: list[str], infl: Inflection
) -> Callable[[str, str], bool] | None:
    """Whether a translation says each use of the English ``word`` in a msgid by the word
    of its sense (`Inflection.sense_words`): a test of (msgid, translation), made once per
    concept, or None where the glossary's ``terms`` (casefolded) give none of those words."""
    # each sense's phrases: a phrase's last word as its stems (`target_match.stems_of`), any
    # form of it; the words before it as written (էլ. փոստով, not փոստային, postal)
    senses = {
        sense: [
            (*((part,) for part in phrase.split()[:-1]), stems_of(phrase.split()[-1], infl))
            for phrase in said
        ]
        for english, sense, said in infl.sense_words
        if english == word
    }
    # (the glossary's term names one sense: a phrase's last word, its head)
    family = tuple(stem for phrases in senses.values() for *_, last in phrases for stem in last)
    if not family or not any(_holds(tokens(term), family, infl) for term in terms):
        return None

    def said(msgid: str, translation: str) -> bool:
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
        words = tokens(translation)
        return all(_says(words, senses[sense], infl) for sense in read)

    return said


def said_by_sense(
    word: str, terms: list[str], msgid: str, translation: str, infl: Inflection
) -> bool:
    """Does the translation say each use of the English ``word`` by the word of its sense
    (`Inflection.sense_words`), where the glossary's ``terms`` (casefolded) give one of
    those words?"""
    said = sense_reader(word, terms, infl)
    return said is not None and said(msgid, translation)


def _says(words: list[str], phrases: list[tuple[tuple[str, ...], ...]], infl: Inflection) -> bool:
    """Do the words hold one of the phrases, word after word: the last a form of its stems,
    the words before it as written?"""
    for *before, last in phrases:
        for at in range(len(before), len(words)):
            if _holds(words[at : at + 1], last, infl) and all(
                words[at - len(before) + k] == part for k, (part,) in enumerate(before)
            ):
                return True
    return False


def _holds(words: list[str], stems: tuple[str, ...], infl: Inflection) -> bool:
    """Is one of the words one of the ``stems`` (`target_match.stems_of`) and an ending?"""
    return any(
        word.startswith(stem) and word[len(stem) :] in infl.suffixes
        for stem in stems
        for word in words
    )
