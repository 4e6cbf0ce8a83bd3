"""check-po: one reading of a keyboard mnemonic inside a word, on both sides."""

from __future__ import annotations

import time

import pytest

from moci_vocab.checkpo.mnemonics import inside_words, unglued, unmark


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Re&name", "Rename"),
        ("A~vailable fields", "Available fields"),
        ("მარ~ჯვენა არე", "მარჯვენა არე"),  # LibreOffice's Georgian
        ("Պ~արբերություն", "Պարբերություն"),
        ("~/Documents ~ 5", "~/Documents ~ 5"),  # not inside a word
        ("a~~b c~d~", "a~~b cd~"),
        ("Save & Close", "Save & Close"),
        ("x~2 2~x", "x~2 2~x"),  # a digit is no letter
    ],
)
def test_both_sides_read_a_mark_between_two_letters_alike(text, read):
    """The English side (`unglued`) and the target side (`unmark`) read "&" and "~"
    between two letters by one function (session 29 had a third reading, the Georgian
    translations' `rendered.untilded`, which could find nothing the others did not)."""
    assert inside_words(text) == read
    assert unglued(text) == read
    assert unmark(text) == read.replace("&", "")  # (the target side drops every "&")


def test_each_side_keeps_its_own_reading_of_the_underscore():
    code = "GTK_THEME, os.path_join"
    assert unglued(f"Pr_eferences, {code}") == f"Preferences, {code}"
    assert unmark("E_mri, տարածք_Վեր") == "Emri, տարածք Վեր"


def test_many_tildes_are_read_in_linear_time():
    # review of 12771aa: the word was copied again for every tilde inside it (quadratic)
    started = time.process_time()
    assert unmark("ა~" * 400_000) == "ა" * 400_000 + "~"
    assert time.process_time() - started < 1.0  # about 4 s on the quadratic reading
