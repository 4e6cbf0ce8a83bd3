"""check-po: a term said with the language's negative prefix where the English negates its
word (negation.py)."""

from __future__ import annotations

import pytest

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.negation import negated_words, negates, said_negated
from moci_vocab.checkpo.target_match import TargetMatcher, compile_term, tokens


@pytest.mark.parametrize(
    ("msgid", "word", "expected"),
    [
        ("Port isn't valid", "valid", True),
        ("This exclusion list isn’t valid.", "valid", True),  # a typographic apostrophe
        ("IP settings not valid", "valid", True),
        ("The certificate is no longer valid", "valid", True),
        ("Not a valid port", "valid", True),
        ("No name", "name", True),
        ("(no title)", "title", True),
        ("Questions that have no answers", "answer", True),  # its plural
        ("A non-empty value", "empty", True),
        ("Enter a valid port", "valid", False),
        ("Invalid port", "valid", False),  # the English word itself is another word
        ("Do not delete the file", "file", False),  # the negator governs the verb
        ("Note the name", "name", False),  # "no" inside a word
        ("Valid, not expired", "valid", False),  # the negation after the word
    ],
)
def test_the_english_negates_a_word_before_it_only(msgid, word, expected):
    assert negates(negated_words(msgid), word) is expected


@pytest.mark.parametrize(
    ("lang", "term", "translation", "expected"),
    [
        ("hy", "վավեր", "Միացքն անվավեր է", True),  # ան-
        ("hy", "անուն", "Անանուն ֆայլ", True),  # ան- before a vowel
        ("hy", "վավեր", "Միացքը վավեր չէ", False),  # the term itself: the matcher's
        ("ka", "სახელი", "უსახელო", True),  # უ-…-ო, the privative
        ("ka", "სახელი", "უსახელოს", True),  # ... with a case ending
        ("ka", "პასუხი", "უპასუხო შეკითხვები", True),
        ("ka", "სახელი", "უსახელის", False),  # უ- without -ო: no privative
        ("ka", "ვალიდური", "არავალიდური", True),  # არა-
        ("sq", "i vlefshëm", "Porta është e pavlefshme", True),  # pa-, the connector aside
        ("sq", "zyrtar", "Një version jozyrtar", True),  # jo-
        # point 7: the prefix before another word of the same start stays apart
        ("ka", "განახლება", "უგანათლებო", False),
        ("hy", "գաղտնաբառ", "Անգաղտնի", False),
        ("sq", "qytet", "Pa qytetarë", False),
    ],
)
def test_a_term_said_with_a_negative_prefix(lang, term, translation, expected):
    infl = for_language(lang)
    pattern = compile_term(term, "preferred", [], infl)[0]
    assert said_negated(tokens(translation), pattern, TargetMatcher(infl)) is expected


def test_a_term_of_two_content_words_is_not_read_negated():
    infl = for_language("sq")
    pattern = compile_term("emër përdoruesi", "preferred", [], infl)[0]
    assert not said_negated(tokens("paemër përdoruesi"), pattern, TargetMatcher(infl))
