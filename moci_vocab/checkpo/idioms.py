"""English fixed phrases in which a common noun does not have its own sense.

"The number of pages" is a count, not a number, and "the number of times" counts
occurrences (sq *herë*, ka *-ჯერ*, hy *անգամ*), not time, and so is *time* counted or
ordered as an occasion: "every time" and "each time" (you connect) are whenever, "the first
time", "next time" and "one time" (archiving, a password) an occasion (sq *herën e parë*, *sa
herë*, ka *ერთჯერადი*, hy *հաջորդ անգամ*); "up to date" is current, not a
date; "at any time" is whenever, "at a later date" later; "in the event of" (a conflict)
is in case of, not an event of a calendar or a program, and to "make room" (for more
messages) is to free space, not a chat room; "last name" and "time
zone" are terms of their own (surname, a region of one clock time), as are "terminal
bell" (the alert), "square root" and the licences' "at your option" (a choice); "Creative
Commons" is the licences' name, not what is common; "metric units" (and "imperial",
"English units") name a system of measurement, which translators say as such (sq *sistemi
metrik*, hy *մետրիկ համակարգ*); the "command line" (the interface, ka ბრძანების სტრიქონი
where a glossary's *line* is a drawn ხაზი) and a "character set" (an encoding, ka კოდური
გვერდი, code page) are terms of their own too, as is the search option "match case" (ka
"upper and lower case letters differ"), and so is a "table of contents" (ka სარჩევი, sq
*pasqyrë e lëndës*: a word of its own, neither a table nor the content term); "at no time"
is never, "in real time" live and "take your time" slowly, and a "word processor" (an
editor, ka ტექსტური პროცესორი) and a "short circuit" (a fault) are terms of their own.
*Times* counted after a quantifier ("many times", "several times", "multiple times", "times
a day") are occasions too, and "at times", "in no time" and "ahead of time" are adverbs
(sometimes, quickly, in advance); not where they are clock times or slots, "at times of
high load", "at times when/that/you …", the object of a verb of choosing ("Pick several
times that work for you"), nor after a number word ("Enter two times to compare"). (Not
"this time", "over time", "some time", "from time to time", "most of the time", "all the
time": the design catalogs say these with the time word, sq *kohë pas kohe*, *shumicën e
kohës*, *gjithë kohës*, "within this time".) *Time* counted by a number or a count
placeholder ("viewed %{count} times") is an occasion too: read in the msgid itself
(`counted_times`), as the key has no placeholders.
"At this time" (and "at any given time", "at this point in time", "at that point in
time") is now, at one moment (hy *այս պահին*), not a time the message names (but "at this
time of (the) day" is a clock time), and a "staff member" is a person on the staff (hy
*անձնակազմ*, *աշխատակից*), not a member of a group; "page views" count visits (hy
*դիտումներ*), no page (but LibreOffice's "Notes page views", "Print page views" are layouts).
To "team up" is to join forces (sq *bëhen tok*, hy *համատեղ*), no team (not "teams up": "Free
for teams up to 10 members"). A phone's "mobile data" (or "cellular data") is the network's
data service, and so are "data roaming", Android's "data saver", a "data plan", "data usage"
and "data connectivity": a term of their own that translators say as such (ka *მობილური
ინტერნეტი*, hy *բջջային ինտերնետ*, "mobile internet"; hy *թրաֆիկ*, traffic), not the stored
data a glossary's *data* means. In these the other words keep their sense (`OTHERS_KEPT`).
A glossary's concept for *number*, *date*, *time*, *name*, *unit*, *command*, *line*,
*character*, *event*, *room*, *table*, *content*, *word*, *circuit*, *team*, *member*, *page*
or *data* is not demanded there: check-po adds these phrases to every English glossary as other
senses (as a concept's ``not_senses`` does), except where a concept has the phrase as its
own term, or another concept's term of two words or more lies inside it (*real time* in "in
real time"). "The number of the record" (before a determiner) is the record's number: there
the concept is demanded as usual.

In a few phrases only one word loses its sense: a "desktop file" (a ``.desktop`` file,
named after the freedesktop.org format) and a "desktop entry" are files and entries,
whatever desktop the glossary means, and a "service provider" (an ISP, ka
ინტერნეტ-პროვაიდერი) is a provider; the head word keeps its own (`HEADS_KEPT`): the
phrase is found as the head's concept when the glossary has one.
"""

from __future__ import annotations

import functools
import re

IDIOMS = (
    "number of",
    "number of times",
    "up to date",
    "out of date",
    "at any time",
    "at the same time",
    "at a time",
    "every time",
    "each time",
    "first time",
    "next time",
    "one time",
    "in order to",
    "in order for",
    "first name",
    "last name",
    "time zone",
    "due date",
    "at a later date",
    "terminal bell",
    "at your option",
    "square root",
    "creative commons",
    "desktop file",
    "desktop entry",
    "metric units",
    "imperial units",
    "english units",
    "command line",
    "character set",
    "match case",
    "service provider",
    "in the event of",
    "in the event that",
    "in any event",
    "make room",
    "makes room",
    "making room",
    "made room",
    "table of contents",
    "at no time",
    "in real time",
    "take your time",
    "word processor",
    "short circuit",
    # times counted (occasions, sq *herë*, ka *-ჯერ*, hy *անգամ*) and adverbs of frequency;
    # not after a number word ("Enter two times to compare": clock times) nor "more times"
    # ("Show more times": time slots)
    "many times",
    "several times",
    "multiple times",
    "few times",
    "numerous times",
    "countless times",
    "times a day",
    "at times",
    "in no time",
    "ahead of time",
    # now, at one moment: "Unable to load notifications at this time" (Discourse: hy *այս
    # պահին*, at this moment; NodeBB's "at that point in time", *այդ պահին*), not a time the
    # message names
    "at this time",
    "at any given time",
    "at this point in time",
    "at that point in time",
    # a web analytics' count of visits ("the highest number of page views": hy *առավել
    # դիտվող*, most viewed; ka *ნახვები*, views), not a page the message names; a *view*
    # keeps its sense. Only the plural: a "page view" is also a layout (LibreOffice's "Print
    # page view"), the page's own
    "page views",
    # a person on a site's or a firm's staff (Discourse: hy *անձնակազմ*, the staff, or
    # *աշխատակից*, an employee), not a member of a group the glossary means; the staff
    # keeps its sense
    "staff member",
    # a phrasal verb: to join forces (sq bëhen tok, hy համատեղ), no team
    "team up",
    # the phone network's data service, a term of its own (ka მობილური ინტერნეტი, hy բջջային
    # ինտերնետ: "mobile internet"), not the data a glossary means; the other words keep theirs
    "mobile data",
    "cellular data",
    "data roaming",
    "data saver",
    "data plan",
    # ... its use and the link to it ("Data usage and alerts", "lost data connectivity":
    # hy *թրաֆիկ*, traffic, *ինտերնետ կապ*; sq *përdorimi*, Gaia's "Data usage limit")
    "data usage",
    "data connectivity",
)
# The idioms whose last word keeps its own sense (a desktop file is a file).
HEADS_KEPT = {
    "desktop file": "file",
    "desktop entry": "entry",
    "service provider": "provider",
    # the day is a day (not "times per day": durations, "response times per day")
    "times a day": "day",
}


# Words after "number of" that make it the number (identifier) of one thing.
_ONE_THING = ("the", "a", "an", "this", "that", "its", "your", "each", "every")
# What makes "at times" a noun's phrase (at the times of high load, when …, you choose)
_AT_TIMES_OF = ("of", "when", "that", "which", "where", "you")
# The verbs of choosing whose object "several times" is: time slots ("Pick several times
# that work for you"; review, session 20)
_CHOOSING = ("select", "choose", "pick", "enter", "add", "set", "suggest", "show")
_COUNTED = ("many", "several", "multiple", "a few", "few")
# The layouts LibreOffice names "page views" ("Exports only the Notes page views", "Print
# page views"; review31 F2): the page's own, not visits counted
_PAGE_VIEWS = ("notes", "print")
# Whose stored data "data usage" may be the use of (a privacy text's "personal data usage":
# the data; review30 F6), not a phone's data service ("your data usage" is that one)
_DATA_OWNERS = ("personal", "user", "users", "private", "customer", "customers", "health")


# The idioms whose other words keep their own sense (review, session 20): only the time or the
# team is no concept there; "many" in "many times" is found as a *many* concept.
OTHERS_KEPT = {
    "many times": "time",
    "several times": "time",
    "multiple times": "time",
    "few times": "time",
    "numerous times": "time",
    "countless times": "time",
    "times a day": "time",
    "at times": "time",
    "in no time": "time",
    "ahead of time": "time",
    "at this time": "time",
    "at any given time": "time",
    "at this point in time": "time",
    "at that point in time": "time",
    "staff member": "member",
    "page views": "page",
    "team up": "team",
    "mobile data": "data",
    "cellular data": "data",
    "data roaming": "data",
    "data saver": "data",
    "data plan": "data",
    "data usage": "data",
    "data connectivity": "data",
}


def idioms_with(word: str) -> list[str]:
    """The fixed phrases in which this (casefolded, one-word) term, or its plural in -s
    (Creative Commons), is a word without its own sense."""
    return [
        phrase
        for phrase in IDIOMS
        if (word in phrase.split() or word + "s" in phrase.split())
        and HEADS_KEPT.get(phrase) != word
        and OTHERS_KEPT.get(phrase, word) == word
    ]


def senses_kept(word: str) -> list[str]:
    """Longer phrases with an idiom of the word that keep the word's own sense (the number
    of the record, at times of high load, select several times, personal data usage): the
    concept's, winning over the idiom by being longer."""
    if word == "number":
        return [f"number of {det}" for det in _ONE_THING]
    if word == "time":
        return (
            [f"at times {after}" for after in _AT_TIMES_OF]
            + [f"{verb} {count} times" for verb in _CHOOSING for count in _COUNTED]
            + ["at this time of"]
        )
    if word == "page":
        return [f"{kind} page views" for kind in _PAGE_VIEWS]
    if word == "data":
        return [f"{owner}{joint}data usage" for owner in _DATA_OWNERS for joint in (" ", "-")]
    return []


# *Time* counted by a number or a count placeholder is an occasion too ("this topic has been
# viewed %{count} times", "Earned this badge %{count} time", "Played {count} times",
# "executed %s times": hy *անգամ*, sq *herë*, ka *-ჯერ*), as after a quantifier. The key the
# glossary's terms are found in has no placeholders (`spans.strip_spans`), so this is read
# in the msgid itself: "times" after digits or any placeholder (printf's, ICU's {n}, Ruby's
# %{n}, Python's %(n)s, Laravel's :n, MediaWiki's $1); the singular "time" after "1" or a
# placeholder that counts (%d, or named count, number, num, n, total). Not a number word
# ("two times": clock times, as above).
_PLACEHOLDER = r"%\d*\$?[sdiu]|%\{\w+\}|%\(\w+\)[sd]|\{\{?\s*\w+\s*\}?\}|\$\d+|:\w+"
_COUNTING = (
    r"%\d*\$?[diu]|(?:%\{|%\(|\{\{?\s*+|:)(?:count|number|num|n|total)\b"
    r"(?:\s*+[})]\}?[sd]?|\s*+[sd])?"
)
_COUNTED_TIME = re.compile(
    rf"(?:(?:(?<!\d)\d++|{_PLACEHOLDER})\s++times|(?:\b1|{_COUNTING})\s++time)\b", re.IGNORECASE
)
_TIME_WORD = re.compile(r"\btimes?\b", re.IGNORECASE)
# The English terms of the concepts `counted_times` is asked about.
COUNTED_WORDS = frozenset({"time", "times"})


def counted_times(msgid: str) -> bool:
    """Whether every *time* or *times* of the msgid is counted by a number or a count
    placeholder (an occasion, not a glossary's *time*)."""
    words = len(_TIME_WORD.findall(msgid))
    return words > 0 and len(_COUNTED_TIME.findall(msgid)) == words


# A number that identifies a thing ("row number", "page numbers", "telephone number", "Party
# Number"): some languages say it with a word of its own beside the numeral and the quantity
# (ka ნომერი beside რიცხვი; `Inflection.identifier`), which a glossary's *number* may be
# (LibreOffice Help's Georgian says რიგის ნომერი, the row's number, where its *number* is
# რიცხვი). The things a number identifies, the word before it.
_IDENTIFIED = (
    "page", "row", "column", "line", "table", "revision", "version", "release", "build",
    "telephone", "phone", "mobile", "fax", "entry", "record", "chapter", "slide", "party",
    "serial", "port", "account", "card", "invoice", "order", "ticket", "track", "frame",
    "endnote", "footnote", "house", "room", "seat", "registration", "document", "sheet",
)  # fmt: skip
# (the thing in the singular: "Rows number", "Pages number" count them, review34 F2)
_IDENTIFYING = rf"\b(?:{'|'.join(_IDENTIFIED)})[ -]numbers?\b"


@functools.cache
def _number_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """*number* after what it identifies, and *number* alone: compiled when first asked
    (every check imports this module; few have a *number* concept)."""
    return re.compile(_IDENTIFYING, re.IGNORECASE), re.compile(r"\bnumbers?\b", re.IGNORECASE)


# The English terms of the concepts `identifying_numbers` is asked about.
NUMBER_WORDS = frozenset({"number", "numbers"})


def identifying_numbers(msgid: str) -> bool:
    """Whether every *number* or *numbers* of the msgid is the number of a thing it
    identifies (`_IDENTIFIED`: "Row number", "telephone numbers")."""
    identifying, number = _number_patterns()
    words = len(number.findall(msgid))
    return words > 0 and len(identifying.findall(msgid)) == words
