"""check-po: an English word whose senses a language says by words of their own
(senses.py: hy email as a message նամակ, the medium փոստ, the address հասցե)."""

from __future__ import annotations

import pytest

from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.senses import said_by_sense, sense_of
from tests.test_checkpo_rendered import flagged


@pytest.mark.parametrize(
    ("msgid", "sense"),
    [
        ("Send an email when replies are made", "message"),
        ("Send Test Email", "message"),
        ("Do you want to send password reset email(s) to these user(s)?", "message"),
        ("We have already sent you an email with directions", "message"),
        ("You can safely ignore this email", "message"),
        ("Send user a welcome email.", "message"),
        ("Password reset email sent.", "message"),
        ("The email will be sent once the author has been created.", "message"),
        ("Never (we will not send you any emails)", "message"),
        ("Notify subscribers by email before expiry.", "medium"),
        ("Sort by email", None),  # the address the list is ordered by
        ("Search users by email", None),
        ("Email address", "address"),
        ("The names and email addresses entered", "address"),
        ("The email address of the journal's primary contact", "address"),
        ("Show email", None),
        ("Emails validated", None),
        ("Enter your email", None),
        ("We sent a code to your email", None),  # the destination, not the object
        ("An email is already registered", None),
        ("Perhaps this email is already registered", None),  # an address (Discourse)
        ("That email is not valid", None),
    ],
)
def test_the_sense_english_marks_for_a_use_of_email(msgid, sense):
    low = msgid.casefold()
    start = low.find("email")
    assert sense_of(low, start, start + len("email")) == sense


HY = for_language("hy")


@pytest.mark.parametrize(
    ("terms", "msgid", "translation", "said"),
    [
        # NodeBB, PKP: the message said as a letter where the glossary's email is the mail
        (["փոստ"], "Send an email if a new chat message arrives", "Ուղարկել էլ.նամակ, եթե", True),
        (["էլ. փոստ"], "Send Test Email", "Ուղարկեք փորձնական էլ.նամակ", True),
        (["փոստ"], "Resend verification email", "Կրկին ուղարկել նամակը", True),
        # Cosinnus: the glossary's email is the address
        (["հասցե"], "User Welcome Email", "Օգտատիրոջ Ողջույնի էլ․ նամակ", True),
        (
            ["հասցե"],
            "Never (we will not send you any emails)",
            "Երբեք (մենք այլևս ձեզ էլ․նամակներ չենք ուղարկի)",
            True,
        ),
        # a placeholder named email is no use of the word
        (
            ["փոստ"],
            "We sent you an email at {email}.",
            "Մենք նամակ ենք ուղարկել {email} հասցեին։",
            True,
        ),
        (
            ["փոստ"],
            "We sent you an email at %(email)s.",
            "Նամակ է ուղարկվել %(email)s հասցեին։",
            True,
        ),
        # OJS: the medium said as the mail where the glossary's email is the letter
        (["նամակ"], "Notify subscribers by email.", "Էլ․ փոստով տեղեկացնել բաժանորդներին", True),
        (["փոստ"], "Email address", "Էլ․ հասցե", True),
        (["նամակ"], "The email address of the contact", "Կոնտակտի էլ. փոստի հասցեն", True),
        (["փոստ"], "Email Address", "Էլեկտրոնային հասցե", True),
        # the address said, the email not (the benchmark's injected word before it)
        (
            ["փոստ"],
            "A valid email address is required.",
            "Պահանջվում է էլ․ փոքր վավեր հասցե:",
            False,
        ),
        (["փոստ"], "Email address", "Հասցե", False),
        # another address, or the post (review34 F3)
        (["էլ. փոստ"], "Enter your email address", "Մուտքագրեք ձեր IP հասցեն", False),
        (["էլ. փոստ"], "Enter your email address", "Մուտքագրեք ձեր փոստային հասցեն", False),
        (["նամակ"], "Contact us by email", "Կապվեք մեզ հետ փոստով", False),
        # an address said as a letter (NodeBB's real findings): no sense the English marks
        (["փոստ"], "Show email", "Ցույց տալ էլ.նամակը", False),
        (["փոստ"], "Emails validated", "Էլ.նամակները վավերացված են", False),
        # a message said as the mail (OJS's real finding, beside an address said right)
        (
            ["նամակ"],
            "To send the user a notification email, the email address must be given.",
            "Ծանուցման էլ. փոստ ուղարկելու համար էլ․ փոստի հասցեն պետք է նշել։",
            False,
        ),
        # a glossary whose term is no word of email's senses
        (["իմեյլ"], "Send an email", "Ուղարկել նամակ", False),
        # the message sense without a letter in the translation
        (["փոստ"], "Send an email", "Ուղարկել հաղորդագրություն", False),
    ],
)
def test_each_use_said_by_its_senses_word(terms, msgid, translation, said):
    assert said_by_sense("email", terms, msgid, translation, HY) is said


def test_end_to_end_armenian_email_said_by_its_senses_word(tmp_path):
    # NodeBB and PKP (rounds 25, 26): "send an email" as նամակ ուղարկել where the glossary's
    # email is փոստ; "Show email" (an address) said as a letter stays reported
    entries = [
        ("Send an email when replies are made", "Ուղարկել էլ.նամակ, երբ պատասխաններ են տրվում"),
        ("Password reset email sent.", "Գաղտնաբառի վերակայման նամակն ուղարկվել է:"),
        ("Show email", "Ցույց տալ էլ.նամակը"),
        ("Change Email", "Փոխել էլ. փոստը"),
    ]
    assert flagged(tmp_path, "hy", "email", "էլ. փոստ", entries) == ["Show email"]


def test_other_languages_read_no_senses(tmp_path):
    entries = [("Send an email", "Dërgo një letër")]
    assert flagged(tmp_path, "sq", "email", "email", entries) == ["Send an email"]


def test_a_hostile_message_is_read_in_bounded_time():
    import time

    started = time.process_time()
    msgid = "this email, " * 5000 + "by " * 20000 + "email"
    translation = "նամակ " * 20000 + "էլ. փոստով"
    assert said_by_sense("email", ["փոստ"], msgid, translation, HY)
    assert not said_by_sense("email", ["փոստ"], "Show email " * 20000, translation, HY)
    assert time.process_time() - started < 1.0
