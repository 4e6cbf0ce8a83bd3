"""`check-po`'s source side: where a glossary term is (and is not) found in a msgid."""

from __future__ import annotations

import time

import pytest

from moci_vocab.checkpo.compile import compile_glossary
from moci_vocab.checkpo.source_match import source_key
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term


def glossary(*concepts: Concept) -> Glossary:
    manifest = Manifest(
        name="t", source_language="en", languages={"sq": LanguageSpec("sq", "Latn")}
    )
    return Glossary(root=None, manifest=manifest, concepts={c.id: c for c in concepts})


def concept(cid: str, en: str, sq: str = "fjalë", **term_args) -> Concept:
    dnt = term_args.pop("do_not_translate", False)
    return Concept(
        id=cid,
        do_not_translate=dnt,
        terms={"en": [Term(en, "preferred", **term_args)], "sq": [Term(sq, "preferred")]},
    )


concept_ = concept  # (for a test whose parameter is named concept)

COMMON = glossary(
    concept("tab", "tab", pos="noun"),
    concept("window", "window", pos="noun"),
    concept("user", "user"),
    concept("file", "file"),
    concept("page", "page"),
    concept("search-engine", "search engine"),
    concept("engine", "engine"),
    concept("add-on", "add-on"),
    concept("pop-up", "pop-up"),
    concept("plug-in", "plug-in"),
    concept("font", "font"),
    concept("name", "name"),
    concept("options", "options"),
    concept("device", "device"),
    concept("error", "error"),
    concept("type", "type"),
    concept("south-caucasus", "South Caucasus"),
)


def found(text: str, gloss: Glossary = COMMON) -> set[str]:
    compiled = compile_glossary(gloss, "sq")
    return {compiled.rules[c].concept for _i, c in compiled.source_matcher.pairs([text])}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Press { $shortcut } to open a { crashed-restore-tab-button }", {"tab"}),
        ("Search { $engine } for it", {"engine", "search-engine"}),
        ("{ $count -> [one] one tab *[windows] many } ", {"window"}),
        ("{ -brand-short-name } uses { page.title }", {"page"}),
        ("{ NUMBER($user) } left", {"user"}),
        ("%1$s and %2$d of %(user)s in {file} and {0} and %1", {"user", "file"}),
        ("{count, number} of {user}", {"user"}),
        ('<a data-l10n-name="page" href="file.html">here</a>', {"page", "file"}),
        ("See https://example.com/user/page and www.example.org/file", {"user", "page", "file"}),
        ("Write to user@example.com", {"user"}),
        ("Ban *!*user@*.host or *!*@*.host", {"user"}),  # masks with wildcards
        # the form of an address, no domain's dot (Thunderbird, round 17)
        ("It is not of the form user@host or name@domain", {"user", "name"}),
        ("Open /usr/share/file or ~/page or C:\\Users\\file", {"user", "file", "page"}),
        ("X-Content-Type-Options is missing", {"type", "options"}),
        ("X-User-Agent, UserName and FileChooser", {"user", "name", "file"}),  # CamelCase
        ("CKR_DEVICE_ERROR and USER_NOT_FOUND", {"device", "error", "user"}),
        ("set data-l10n-name and font-size and user_name", {"name", "font", "user"}),
        ("A user-friendly page", {"user"}),
        ("Switch with Ctrl+Tab or Ctrl+Shift+Tab", {"tab"}),
        ("Press Tab to move on", {"tab"}),
        ("Use the Tab key to move on", {"tab"}),
        ("This works only on Windows and macOS for your own files", {"window"}),
        ("The page to show (user|file|tab)", {"user", "file", "tab"}),  # literal values
        ("Open Sound Device audio output", {"device"}),  # a name running into lowercase
        ("System V shared memory of the User Name tool", {"name", "user"}),
        ('Please open "Options Page" and "Files and Folders" there', {"options", "file"}),
        ("Possible values: “name”, ‘type’ and «user»", {"name", "type", "user"}),
        ("Werte: „file“, „page“ oder “tab“", {"file", "page", "tab"}),  # German quotes
        ("names [channel]:  List the users of a channel", {"name"}),  # a usage line's command
        ("type &lt;user&gt;:  Show it\nfile <page> [tab]", {"type", "file"}),
        ("Edit the .page ones: [FILE…]", {"page", "file"}),  # an extension, an argument
        ("Before the first --window or --tab, or --file=FILE", {"window", "tab", "file"}),
        ("Re&name it", {"name"}),  # a mnemonic inside a word: rename
        # a word glued to a leading hyphen after a space: an option, an address's suffix
        # (Postorius, round 16: "the -owner address", "<em>-request/-owner</em> addresses")
        (
            "Send it to the -user address, or -file/-page ones, with -tab",
            {"user", "file", "page", "tab"},
        ),
        # a context glued before the text (Gramps: "... short month form||Aug", round 7)
        ("localized lexeme inflections - short file form||Page", {"file"}),
        # a word between percent signs (Thunderbird's chat log, round 17: "%time% -
        # %sender%: %message%"), a key=value field's key (Claws Mail, round 17:
        # "[id=%d, name='%s']"), LibreOffice's %PRODUCTNAME
        ("%time% - %window%: %device%", {"window", "device"}),
        (
            "Rule [id=%d, name='%s'] for user=%s, file=\"%s\" and page={0}",
            {"name", "user", "file", "page"},
        ),
        ("Open %USER or %ERROR", {"user", "error"}),
        # wiki and template syntax: a link's target, magic words, {{ name }} placeholders
        # (MediaWiki; Jinja, Django, Angular, Handlebars, i18next)
        ("By [[User:$2|$2]] ([[User talk:$2|talk]]) on [[:File:$1]]", {"user", "file"}),
        ("Welcome to {{SITENAME}}: {{int:page-title}} {{MediaWiki:user-page}}", {"page", "user"}),
        ("Hello {{ user.name }}, {{count}} in {{ file }}", {"user", "name", "file"}),
        # inline code: HTML's code elements and Markdown's code spans (parliament-votes-ka,
        # round 33: "… by the <code>date</code> in …", the translation keeping the code)
        ("Sorted by the <code>page</code> in the list", {"page"}),
        ('Press <kbd>File</kbd>, <samp>user</samp> or <code class="x">name</code>', {"file"}),
        ("Set <var>window</var> and <tt>device</tt>", {"window", "device"}),
        ("Sorted by the `page` in the list", {"page"}),
    ],
)
def test_no_term_inside_placeholders_code_names_and_keys(text, absent):
    assert not found(text) & absent


def test_inline_code_takes_only_its_own_text():
    # the words around a code element or span stay, and so does a tag's other text, a
    # stray backtick and a pair of them too far apart
    assert found("The <code>page</code> of the user") == {"user"}
    assert found("The <b>page</b> of the user") == {"page", "user"}
    assert found("The <code>page <b>file</b></code> name") >= {"page"}
    assert found("Don`t open the page") == {"page"}
    assert found("Open the `" + "page " * 30 + "` file") >= {"page", "file"}
    # Armenian's pause typed as a backtick (tuxpaint-hy, libreoffice-cui-hy): no code span
    assert found("Open` the page, the user` file") == {"page", "user", "file"}
    assert found("Open (1/8)` the page` file") == {"page", "file"}


@pytest.mark.parametrize(
    ("placeholder", "concept", "prose"),
    [
        # Laravel's translation strings: ":name", ":Name", ":NAME" (session 28, round 30's
        # judges: "Update :resource", "The :attribute field is required.")
        ("Update :page", "page", "Update the page"),
        ("The :name field is required.", "name", "Note:name"),  # (a word before the colon)
        (":User was deleted", "user", "10:30 user"),
        ("Welcome, :USER", "user", "Status: user"),  # (a space after the colon)
        ('(:file items) and ":page"', "file", "The user :smile: file"),  # an emoji's code
        ("Your :type", "type", "{{ns:project}}:Type users"),  # a wiki pass's space is no space
        ("Open :device now", "device", "Options : device"),  # a colon standing apart
    ],
)
def test_a_laravel_placeholder_is_no_word_and_a_colon_in_prose_stays(placeholder, concept, prose):
    """A Laravel placeholder holds no term (each row fails before session 28); the colons
    of prose, times, URLs, emoji codes and wiki syntax beside it are no placeholder."""
    assert concept not in found(placeholder)
    assert concept in found(prose)


# Session 29: other frameworks' placeholders (each row fails before it), and the prose beside
# each syntax that stays prose (each row holds before and after).
@pytest.mark.parametrize(
    ("placeholder", "concept", "prose"),
    [
        # Symfony's %name% (the printf pass took its first letter: "%email%" read "mail")
        ("Send %email% to %user%", "mail", "Send 100% of the mail"),
        # Drupal's @name, Drupal 7's !name; Texinfo's @file{…}, a chat's @user
        ("Deleted @count files of @type", "type", "The type @ home"),
        ("See @file{{manual}} or !page", "page", "Mail me @ 5 about the page!"),
        ("Messages containing @user", "user", "A user@ matters, user @ home"),
        # Vue I18n's linked messages
        ("Hello @:user.name and @.lower:page", "page", "Hello @ page"),
        # Apple's stringsdict variable
        ("You have %#@files@ and %1$#@page@", "page", "Page %@ and %1$@"),
        # i18next's nesting
        ("Add $t(file) now", "file", "Add $ file now"),
    ],
)
def test_other_frameworks_placeholders_hold_no_term_and_prose_stays(placeholder, concept, prose):
    """A placeholder of each syntax holds no term; the prose with its sign stays words."""
    gloss = glossary(concept_(concept, concept))
    assert concept not in found(placeholder, gloss)
    assert concept in found(prose, gloss)


def test_an_android_template_number_is_no_word():
    # TextUtils.expandTemplate's ^1 … ^9 (a word before a lone number is read as a numbered
    # name: "Bookmark 2"); a power stays as written
    assert source_key("Voicemail from ^1, ^2") == source_key("Voicemail from , ")
    assert "16" in source_key("2^16 files").split()


def test_the_branches_of_a_java_choice_are_text():
    # Java's ChoiceFormat (the choices pass took "files|1" for a value list)
    text = "{0,choice,0#no tabs|1#one file|1<{0,number,integer} files}"
    assert found(text) == {"tab", "file"}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # keyboard mnemonics inside a word: LibreOffice's ~, GTK's _ (KDE's &: above)
        ("A~vailable fields and Pa~ge", {"page"}),
        ("Pr_eferences of the Fi_le", {"file"}),
    ],
)
def test_a_mnemonic_inside_a_word_is_read_out(text, present):
    assert present <= found(text)


def test_an_underscore_is_a_mnemonic_only_alone_in_a_word_of_letters():
    assert found("Save the Fi_le") == {"file"}
    assert found("Rena_me Session") == set()  # rename
    # code's underscores: two in a word, a capital after, glued to code before or after
    assert found("GTK_TAB and Security_Page and file_user_name") == set()
    assert found("os.path_file, latex_page[1] and Complex_type(x)") == set()
    # a tilde, an asterisk, a sharp sign standing apart: prose
    assert found("~ 3 files, **page** and C# type") == {"file", "page", "type"}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Open a new tab", {"tab"}),
        ("Open Link in New Tab", {"tab"}),  # title case: capitals say nothing
        ("Windows can be closed.", {"window"}),  # a sentence's first word
        ("Close all windows. Tabs stay.", {"window", "tab"}),
        ("{ $count -> [one] One file *[other] { $count } files }", {"file"}),
        ("{count, plural, one {# file} other {# files}}", {"file"}),
        # the text of wiki syntax: a PLURAL's or GENDER's branches, a link's label
        ("{{PLURAL:$1|tab|tabs}} hidden", {"tab"}),  # not a value list: 1|tab|tabs
        ("Send it to {{GENDER:$1|user}}", {"user"}),
        ("See the [[Special:Log/delete|page]]", {"page"}),
        ("See the [[page]] and [[Help:tab]]", {"page"}),  # a bare link shows its target
        ("{{PLURAL:$2|One file.|The {{PLURAL:$1|tab is|$1 tabs are}} here.}}", {"file", "tab"}),
        ("Manage add-ons, pop-ups and plug-ins", {"add-on", "pop-up", "plug-in"}),
        ("Add ons and addons", {"add-on"}),
        ("The South-Caucasus and the South Caucasus", {"south-caucasus"}),
        ("Save the file.", {"file"}),
        ("/Tools/_Page Setup...", {"page"}),  # a menu path, not a file path
        ("/Conversation/Media/Audio\\/Video _Page", {"page"}),  # an escaped slash in it
        ("Use a -- b for the tab", {"tab"}),  # a dash, not an option
        ("A user - a file -", {"user", "file"}),  # a spaced dash, no option
        ("pass\u00adword for the pa\u200bge", {"page"}),
        ("user\u2019s page", {"user", "page"}),
        ("a user | a file", {"user", "file"}),  # a pipe between words, not a value list
        ("Open Link in New Tab", {"tab"}),  # title case keeps its small words lowercase
        ("File Name contains bad letters", {"file", "name"}),  # at the start: maybe a label
        ("Save the File Name", {"name"}),  # a capitalised run that ends the text
        ("the “user’s” file and “File”", {"user", "file"}),  # not a lone lowercase value
        ("type <b>user</b> names", {"type", "user", "name"}),  # markup, not an argument
        ("A name [user]", {"name"}),  # not at the start: no command
        ("Open the page .Save the file .", {"page", "file"}),  # dots, no extension
        ("user || file", {"user", "file"}),  # a spaced "||" is no context
        ("Name of the file||Page", {"page"}),  # the text after a context
        # a percent or an equals sign standing apart: prose
        ("The user = 50 % of the page", {"user", "page"}),
        ("Save %s file as %d%% of the page", {"file", "page"}),
        # a value after "=", a word before "%": free (GNOME's "0=no, 1=yes", XChat's
        # "%p=Password" legend and "(%C20User limit reached%O)")
        ("Level 0=page, 1=file, -1=default", {"page", "file"}),
        ("%p=User name, %C20Open the page%O", {"user", "name", "page"}),
    ],
)
def test_terms_are_still_found_in_running_text(text, present):
    assert present <= found(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # a path without a leading slash: a file name with an extension last, a folder of
        # two parts or more, a Unix root first (review29: Joomla's relative paths)
        ("Edit config/page.yml now", set()),
        ("Build src/tab.c.", set()),
        ("Look in usr/share/file", set()),
        ("Copy it to .cache/user/ first", set()),
        ("Open text/shared/01/page.xhp", set()),
        # ... not a menu path, a pair or a list of words
        ("Choose File/Page Setup", {"file", "page"}),
        ("Show and/or hide the tab", {"tab"}),
        ("read/write/file rights", {"file"}),
        ("Open Tools/Page/ first", {"page"}),
        ("Home/End keys, I/O. Page", {"page"}),
        ("Open _File/_Page/ first", {"file", "page"}),  # GTK's mnemonics (review30 F2)
        ("Modify _file/options/page/", {"file", "options", "page"}),  # a label's mnemonic
        ("Drag the page to the bin/window, opt/in", {"page", "window"}),  # roots and words
    ],
)
def test_a_path_without_a_leading_slash_is_no_text(text, present):
    assert found(text) == present


def test_soft_hyphen_and_zero_width_characters_are_ignored():
    gloss = glossary(concept("password", "password"))
    assert found("Enter the pass\u00adword", gloss) == {"password"}
    assert found("Enter the pass\u200bword\u200d", gloss) == {"password"}


def test_a_do_not_translate_name_wins_over_a_common_term_inside_it():
    gloss = glossary(
        concept("window", "window", pos="noun"),
        concept("windows-os", "Windows", do_not_translate=True, case_sensitive=True),
        concept("culture", "culture"),
        concept("cos", "Culture of Solidarity", do_not_translate=True),
    )
    assert found("Install Windows now", gloss) == {"windows-os"}
    assert found("Windows is installed", gloss) == {"windows-os"}
    assert found("Members of the Culture of Solidarity meet", gloss) == {"cos"}
    assert found("Open two windows", gloss) == {"window"}


def test_a_do_not_translate_name_wins_a_shared_key():
    gloss = glossary(
        concept("a-pocket", "pocket"),
        concept("b-pocket-app", "Pocket", do_not_translate=True),
    )
    assert found("Save to Pocket", gloss) == {"b-pocket-app"}


def test_case_sensitive_terms_match_only_in_their_case():
    gloss = glossary(concept("moci", "MOCI", case_sensitive=True, do_not_translate=True))
    assert found("The MOCI network", gloss) == {"moci"}
    assert found("the moci network", gloss) == set()
    assert found("The Moci network", gloss) == set()


def test_a_capitalised_term_still_meets_a_name_phrase():
    gloss = glossary(concept("south-caucasus", "South Caucasus"), concept("moci", "MOCI"))
    assert found("the South Caucasus region and the MOCI Open Data project", gloss) == {
        "south-caucasus",
        "moci",
    }


def test_an_idiom_hides_no_longer_term_that_starts_at_its_last_word():
    # review of ea4cb5b: leftmost-longest let "each time" win over a *time zone* concept
    gloss = glossary(
        concept("time", "time"), concept("time-zone", "time zone"), concept("limit", "time limit")
    )
    assert found("Select each time zone", gloss) == {"time-zone"}
    assert found("The first time limit has passed", gloss) == {"limit"}
    assert found("Every time stamp is in UTC, each time", gloss) == set()
    assert found("Open it at any time zone", gloss) == {"time-zone"}
    # not the concept's own longer key: an endnote number of a note is still no number
    number = concept("number", "number", pos="noun")
    number.not_senses = ["endnote number"]
    assert found("Set the endnote number of a note", glossary(number)) == set()


def test_an_idiom_hides_no_other_term_of_two_words_inside_it():
    # review of e1051e9 (session 18, DEFECT 1): "in real time", added for *time*, hid a
    # *real time* concept; "at any time" an *any time* one. A term of the concept the
    # idiom is added for stays another sense ("time" alone), as does a one-word term.
    gloss = glossary(
        concept("time", "time", pos="noun"),
        concept("real-time", "real time"),
        concept("any-time", "any time"),
        concept("word", "word", pos="noun"),
        concept("processor", "processor", pos="noun"),
    )
    assert found("Show updates in real time", gloss) == {"real-time"}
    assert found("In Real Time", gloss) == {"real-time"}
    assert found("Call us at any time", gloss) == {"any-time"}
    assert found("Take your time, at no time", gloss) == set()
    assert found("My first word processor", gloss) == set()


def test_the_keys_an_idiom_joins_are_linear_in_the_glossary():
    # review DEFECT 3: every not_senses phrase x every key starting with its last word was
    # joined (n = 1,000: 7.6 s, 564 MB); only the idioms are, each once
    from moci_vocab.checkpo.compile import compile_glossary

    def patterns(n: int) -> int:
        concepts = [concept("time", "time")]
        for i in range(n):
            word = "".join(chr(97 + (i // 26**k) % 26) for k in range(3))
            concepts.append(concept(f"t{i}", f"time w{word}x"))
            other = concept(f"o{i}", f"o{word}q")
            other.not_senses = [f"some x{word}q time"]
            concepts.append(other)
        return len(compile_glossary(glossary(*concepts), "sq").patterns)

    small, large = patterns(100), patterns(400)
    assert large - small < 4.5 * (small - patterns(0))  # linear: about 4x the keys, not 16x


POS = glossary(
    concept("bookmark", "bookmark", pos="noun"),
    concept("download", "download", pos="noun"),
    concept("update", "update", pos="noun"),
    concept("file", "file", pos="noun"),
    concept("search", "search", pos="verb"),
    concept("tab", "tab"),  # no pos: found as a verb too, as before
    concept("selected", "selected", pos="noun"),  # (a generated glossary's participle)
    concept("post", "post", pos="noun"),
    concept("help", "help", pos="noun"),
    concept("access", "access", pos="noun"),
    concept("recording", "recording", pos="noun"),
    concept("missing", "missing", pos="noun"),  # (a generated glossary's adjective)
)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Bookmark this page", {"bookmark"}),
        ("Download the file", {"download"}),
        ("Update now", {"update"}),
        ("Unable to update the list", {"update"}),
        ("You can download it later", {"download"}),
        ("Please update", {"update"}),
        ("It will update itself", {"update"}),  # (issue 15's modals: will, may, should)
        ("You may bookmark it", {"bookmark"}),
        ("You should download it", {"download"}),
        ("Download it", {"download"}),  # (issue 15: before a pronoun)
        ("Update them now", {"update"}),
        ("Don't download anything.", {"download"}),
        ("Done. Update now to get it", {"update"}),
        # Thunar: "option to <verb> <its object>" (its "list" is a verb)
        ("Select this option to file folders by date", {"file"}),
        ("Enable this option to download updates", {"download"}),
        # an adverb in -ly modifies a verb, never a noun (Tokodon: "Publicly list follows")
        ("Publicly bookmark posts", {"bookmark"}),
        ("Automatically update lists", {"update"}),
        ("Manually download new files", {"download"}),
        # ... after a modal or "to" too (FreedomBox, LibreOffice: round 20 and earlier)
        ("Users must explicitly bookmark /plinth", {"bookmark"}),
        ("It allows you to quickly update lists", {"update"}),
        ("Unable to automatically file folders", {"file"}),
        # a modal or "do" with "not" before a verb (Secrets: "Could not change credentials")
        ("Could not update credentials", {"update"}),
        ("The list will not update itself", {"update"}),
        ("Do not download anything", {"download"}),
        ("File a bug", {"file"}),
        # an imperative before a participle and its noun (Thunderbird, round 17)
        ("File selected message", {"file"}),
        ("Done. Update marked folders now", {"update"}),
        # "To <word> to" (WordPress, round 18)
        ("To post to WordPress by e-mail you must set up an account", {"post"}),
        ("Done. To file to the archive, press Enter", {"file"}),
        # a subject pronoun: its verb follows (Lichess, round 22: "How do you move pieces?")
        ("How do you download files?", {"download"}),
        ("When you update or delete a list", {"update"}),
        ("The mail that you post to the list", {"post"}),
        ("You bookmark pages with a star", {"bookmark"}),
        ("We update lists daily", {"update"}),
        ("They file bugs", {"file"}),
        ("Users who post to the list", {"post"}),
        # "never", "always" before a verb (LibreOffice, KeePassXC: "Slides never change
        # automatically", "a static file that never changes")
        ("Slides never update automatically", {"update"}),
        ("A list that never updates or breaks", {"update"}),
        ("Always download new files", {"download"}),
        # a relative clause's verb after "that" or "which" (MediaWiki: "pages that link
        # here", "Edits that change the target"; FreedomBox: "a client that features a Web
        # UI"; GCompris: "monuments which date from")
        ("A list of all pages that bookmark here", {"bookmark"}),
        ("Edits that update the target", {"update"}),
        ("A client that files a bug", {"file"}),
        ("Monuments which update from the 2nd century", {"update"}),
        ("A button that bookmarks to the list", {"bookmark"}),  # -s and a particle
        # "to" after a question word, an adjective of ease, learning, a purpose clause's
        # input action (NewPipe: "Ask where to download", "Tap to download %s")
        ("Ask where to download", {"download"}),
        ("Tap to download %s", {"download"}),
        ("It is easy to bookmark pages", {"bookmark"}),
        ("When you are learning to post", {"post"}),
        # a plural subject after a quantifier and a particle after the word (MediaWiki: "No
        # pages link to $2"; Lichess: "Two rooks team up")
        ("No pages bookmark to this one", {"bookmark"}),
        ("Two lists update together", {"update"}),
        # a clause's singular subject after a subordinator and a determiner, then the
        # form in -s and an object or a particle (Postorius: "when a member posts to the
        # list"; session 19)
        ("Default action when a member posts to the list", {"post"}),
        ("If the server updates to the new list", {"update"}),
        ("When the user bookmarks the page", {"bookmark"}),
        ("Done once each client downloads to it", {"download"}),
        # an adverb between a modal or "to" and the verb (MediaWiki: "can only link";
        # Matomo: "You can also update"; session 19)
        ("You can also update or delete this account", {"update"}),
        ("Elements can only bookmark pages", {"bookmark"}),
        ("It is easy to also download lists", {"download"}),
        ("Start a new search", {"search"}),
        ("The search of the page", {"search"}),
        ("The page whose search failed", {"search"}),  # a verb term after "whose"
        ("A list of search results", {"search"}),
        # "you" as the object of a verb: after an edge, a modal, "to", "and" (session 19)
        ("Bookmark you later", {"bookmark"}),
        ("We will update you soon", {"update"}),
        ("It is easy to update you", {"update"}),
        ("Sign in and update you", {"update"}),
        # ... and after a subject, where "you" ends the clause or an object, a preposition,
        # a conjunction or an adverb follows (review, session 19)
        ("Notify me when someone bookmarks you", {"bookmark"}),
        ("Get notified when someone files you in a list", {"file"}),
        ("We'll update you when it is done", {"update"}),
        ("This lets your friends bookmark you about offers", {"bookmark"}),
        ("Nobody updates you anymore", {"update"}),
        ("We will download you a copy", {"download"}),
        # a verb taking an object and a bare infinitive (review, session 19)
        ("This wizard helps you set up your account", {"help"}),
        ("Search helps you find answers", {"help"}),
        # "which" as a relative pronoun after a noun, and "which"/"what" opening a text
        ("An app which files your bugs", {"file"}),
        ("Which update the list?", {"update"}),
        ("Check what updates the file", {"update"}),  # (review, session 19)
        # coordinated with a verb that is no noun, in the same form, or with a word in a
        # verb's place (ownCloud: "Restart and update"; Poedit: "Paste and Match Style";
        # Shaarli, MediaWiki, LibreOffice, Scratch; session 28)
        ("Restart and update", {"update"}),
        ("Update and restart", {"update"}),
        ("Allows you to save and bookmark pages", {"bookmark"}),
        ("To add or update translations, use the site", {"update"}),
        ("The manager adds, removes, and updates extensions", {"update"}),
        ("Want to share and post?", {"post"}),
        # an -ing form after "be": a progressive (Consul: "the proposals they are following";
        # Element: "A new session is requesting encryption keys")
        ("The app is recording sound", {"recording"}),
        ("They were recording", {"recording"}),
        # a form in -s after a subject pronoun (GTK: "it defaults to"; NodeBB: "when somebody
        # posts to this topic")
        ("If this is not set, it updates to the URL", {"update"}),
        ("Notify me when somebody posts to this topic", {"post"}),
        # a form in -s after a singular subject that a determiner taking no plural opens
        # (Wikibase: "This page redirects to"; Lichess: "A piece attacks or defends")
        ("This page bookmarks to the entity page", {"bookmark"}),
        ("A piece files or defends a square", {"file"}),
        ("So if one visitor downloads %1$s and %2$s", {"download"}),
        # an imperative before an adjective that opens its object (Cosinnus: "Post new
        # Idea"; Element: "Link new device")
        ("Post new Idea", {"post"}),
        ("Bookmark existing pages", {"bookmark"}),
        ("Is this picture OK to download?", {"download"}),  # ok, safe: adjectives of leave
    ],
)
def test_a_term_is_not_demanded_as_another_part_of_speech(text, absent):
    assert not found(text, POS) & absent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Setting up hotspot…", set()),
        ("I see instructions for setting up the Mailbox", set()),
        ("Setting up to 5 alarms", {"setting"}),  # (a quantity's "up to")
        ("Open the setting up there", {"setting"}),  # (a determiner: the noun)
        ("Settings up to date", {"setting"}),
    ],
)
def test_an_ing_form_before_up_is_a_phrasal_verb(text, expected):
    """(Briar, Matomo: "Setting up hotspot…", "setting up consent tracking"; session 19)"""
    gloss = glossary(concept("setting", "setting", pos="noun"))
    assert found(text, gloss) == expected


def test_a_pronoun_opening_its_text_reads_no_word_of_the_text_before():
    """The words before a hit are read across texts: "Which items:" after another text is
    no relative clause (Krusader, review of session 18's rules: the text before ended in
    two words)."""
    compiled = compile_glossary(POS, "sq")
    pairs = compiled.source_matcher.pairs(["Open the folder", "Which files:"])
    assert {compiled.rules[c].concept for i, c in pairs if i == 1} == {"file"}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Add a bookmark", {"bookmark"}),
        ("Download failed", {"download"}),
        ("Updates are available", {"update"}),
        ("Save to file", {"file"}),
        ("Add option to file", {"file"}),  # nothing after it: the place the option goes
        ("Daily update", {"update"}),  # -ly adjectives and nouns are no adverbs
        ("Family bookmark list", {"bookmark"}),
        ("Recently used file", {"file"}),  # the adverb before the participle, not the noun
        ("Go to the automatically saved file", {"file"}),
        ("The file list automatically updates", {"update"}),  # (no modal, no "to": as before)
        ("Clear the currently selected date", {"selected"}),  # a participle term
        ("There is currently %(count)s file here", {"file"}),  # inside a sentence
        ("Reset options to bookmark. Done", {"bookmark"}),
        ("The file that you opened", {"file"}),
        ("This gives you access to the files", {"access"}),  # "you": the object of a verb
        ("We send you updates", {"update"}),
        ("Never downloaded files", {"file"}),
        ("Choose the always download option", {"download"}),  # the adverb named
        # other adverbs of frequency may open a clause, after a comma the key drops (review
        # of session 18: Anki's "…, usually field content or tag edits")
        ("The system is old and sometimes updates fail", {"update"}),
        ("It works, usually file content", {"file"}),
        ("There are recording rooms free", {"recording"}),  # (no rule for the progressive)
        ("The paths that files follow", {"file"}),  # "that" the object: its clause's subject
        ("It means that file is gone", {"file"}),  # after a verb of saying: "that" opens
        # "that" opening a clause after a verb, its subject a plural noun (review of session
        # 18: LibreOffice, Postorius, WordPress)
        ("Specifies that files with a zero size are shown", {"file"}),
        ("Flag indicating that posts to the list are held", {"post"}),
        ("Note that updates from this source are unsigned", {"update"}),
        ("Note that files you delete are lost", {"file"}),
        ("Specifies that download objects are kept", {"download"}),
        ("Identifies which bookmark and version it is", {"bookmark"}),
        ("You can choose which files to use", {"file"}),  # "which" takes a plural
        ("It also allows that post to stay", {"post"}),  # "that" the determiner
        ("The comments file to show", {"file"}),  # no quantifier: a noun's modifier
        ("All files to bookmark", {"file"}),  # the plural itself
        ("No settings file to import", {"file"}),  # a verb after the particle
        ("No settings file for this plugin", {"file"}),  # "for" follows nouns too
        ("Available to bookmark owners", {"bookmark"}),  # "available to": a preposition
        ("Lets files be shared", {"file"}),  # "let" takes its object, a noun, first
        ("Let bookmarks sync", {"bookmark"}),
        ("This is not a file", {"file"}),  # "not" with no modal before it, an article after
        ("Files not downloaded: no download yet", {"download"}),
        ("Search the web", {"search"}),
        ("Tab the text", {"tab"}),
        ("Bookmarks", {"bookmark"}),
        # a participle ending a clause of its own, a plural, a noun in -eed
        ("File saved", {"file"}),
        ("File copied to the clipboard", {"file"}),
        ("Download failed twice", {"download"}),  # (not a participle's noun: an adverb)
        ("Update deleted successfully", {"update"}),
        ("Download selected", {"download"}),
        ("Bookmark selected as default", {"bookmark"}),
        ("Download cancelled operation", {"download"}),  # (a past tense and its object)
        ("Bookmark unread status", {"bookmark"}),  # an adjective of the noun, no participle
        ("Update %(id)s checked out", {"update"}),  # a clause: a particle after it
        ("Files selected today", {"file"}),
        ("Bookmark feed address", {"bookmark"}),
        # not "via" after it: a placeholder taken out may stand between ("File “{}” via
        # relay", Warp: 10 injected errors went uncaught with it)
        ("File “{}” via relay", {"file"}),
        ("To post: 3 drafts", {"post"}),  # no "to" after it: a label
        ("Switch to File to the Left", {"file"}),  # "to" a preposition (KWin)
        ("Go from file to file to compare them", {"file"}),
        ("From file to file", {"file"}),
        # a noun after "whose" and after "of", even before a determiner (GTK 3, round 19)
        ("The radio action whose bookmark this action belongs to", {"bookmark"}),
        ("What kind of file this is", {"file"}),
        ("Give it bookmark access", {"bookmark"}),  # (no -s: "it" the object)
        ("The size of update the server sends", {"update"}),
        # a singular noun in -s after "it" is its object, not a verb (review, session 14)
        ("Allow it access to the camera", {"access"}),
        ("Give it access", {"access"}),
        # a plural noun, a participle or a plural before the word in -s, or a particle but
        # "to" after it: no clause's verb (review, session 19: a compound subject)
        ("If the security updates from Debian fail", {"update"}),
        ("When the selected posts to the list are gone", {"post"}),
        ("If the file downloads fail", {"download"}),  # (no object nor particle)
        ("When the user posts", {"post"}),  # (the end: too short to tell)
        ("Move the selected updates to the trash", {"update"}),
        # a predicate after "be" and a frequency adverb; "that" after an adjective of
        # judgement opens a clause, its subject follows (review, session 19, MINOR 2)
        ("There are always updates available.", {"update"}),
        ("There were never posts from this contact.", {"post"}),
        ("It is possible that files from this source are unsafe.", {"file"}),
        ("It is important that updates to the list are checked.", {"update"}),
        # an adjective after "to"; a quantity's "up to"
        ("Go to first bookmark", {"bookmark"}),
        ("Apply to only files", {"file"}),
        ("Recording up to 10 minutes", {"recording"}),  # (a quantity's "up to")
        ("The file downloads from the server", {"download"}),  # (no subordinator)
        # a verb's gerund after "of" is the verb
        ("Instead of searching the web, open a file", {"search"}),
        ("The act of searching", {"search"}),
        # a noun before "you": its reduced relative clause, or the next clause
        # after a comma the key drops (Matomo, round 24, session 19)
        ("The current bookmark you entered is not correct.", {"bookmark"}),
        ("Please set up the first file you would like to track", {"file"}),
        ("On a Linux download, you can compile PHP", {"download"}),
        # a noun after "which" or "what" after a verb taking a clause or a preposition
        ("You can see which files your visitors downloaded.", {"file"}),
        ("An overview of what updates your visitors take", {"update"}),
        ("It depends on from which download this page is loaded", {"download"}),
        # a noun after a quantifier of plurals
        ("Charts that show how many updates your site gets", {"update"}),
        ("Get the help you need", {"help"}),
    ],
)
def test_a_term_is_demanded_in_its_own_part_of_speech(text, present):
    assert present <= found(text, POS)


@pytest.mark.parametrize(
    ("verb", "verb_concept", "noun", "noun_concept"),
    [
        # coordination: a verb that is no noun, in the same form; a word in a verb's place
        ("Restart and update", "update", "Add pages I create and files I upload", "file"),
        # a spaced "&" is "and" (AOSP TV Settings: "Erase & format"); a mnemonic's is none
        ("Erase & update", "update", "Erase &Update", "update"),
        ("Erase &amp; update", "update", "Tom & files", "file"),
        ("Update and restart", "update", "Files or delete", "file"),  # (no bare form)
        ("Bookmark and save", "bookmark", "Bookmarks and save", "bookmark"),
        ("Want to share and post?", "post", "Filter and bookmark", "bookmark"),
        ("Want to share and post?", "post", "Bookmark and files", "bookmark"),
        ("It may load or file to %S", "file", "It may stutter and file transfers fail", "file"),
        ("To add or update translations", "update", "The updates and bookmarks", "bookmark"),
        # the progressive; not an existential or a demonstrative's "be"
        ("The app is recording sound", "recording", "There are recording rooms free", "recording"),
        ("They were recording", "recording", "These are recording rooms", "recording"),
        ("They were recording", "recording", "This page is missing here", "missing"),
        # a subject pronoun; not a two-object verb's pronoun
        ("It updates to the URL", "update", "Give it updates", "update"),
        ("When somebody posts to it", "post", "Send someone files from the folder", "file"),
        # a singular subject after a determiner taking no plural, one word; not a plural
        # compound's modifier, a number the key does not keep, a quantity, a verb, a
        # participle, an adjective or punctuation the key drops between
        ("This page bookmarks to the page", "bookmark", "Open a user bookmarks page", "bookmark"),
        ("A piece files or defends a square", "file", "Show an additional %d posts", "post"),
        ("A piece files or defends a square", "file", "Show a few posts", "post"),
        ("So if one visitor downloads %1$s and %2$s", "download", "This enables VLC files", "file"),
        ("This page bookmarks to the page", "bookmark", "Send a message containing files", "file"),
        ("This page files to the page", "file", "Open a file, listing bookmarks", "bookmark"),
        ("A piece files or defends a square", "file", "Assign each group specific files", "file"),
        ("A piece files or defends it", "file", "For this forum (new posts and tips)", "post"),
        ("This page bookmarks to the page", "bookmark", "Show this user's posts", "post"),
        # not a subordinator and a form in -s ending the text: an ellipsis ("when
        # messages"), or a placeholder subject the key keeps no trace of (left: "Notify me
        # when %s posts" is demanded)
        ("It updates to the URL", "update", "Show only when updates", "update"),
        ("It updates to the URL", "update", "Notify me when %s posts", "post"),
        ("It updates to the URL", "update", "Restart after updates", "update"),
        # an imperative before an adjective opening its object; not with nothing after
        ("Post new Idea", "post", "File new", "file"),
        ("Is this picture OK to download?", "download", "Download OK", "download"),
    ],
)
def test_a_clause_that_makes_a_word_a_verb_and_the_noun_use_beside_it(
    verb, verb_concept, noun, noun_concept
):
    """Session 28's clause rules: each row's verb use is not demanded (it was before the
    rules: the row fails on their parent) and the noun use that looks like it still is."""
    assert verb_concept not in found(verb, POS)
    assert noun_concept in found(noun, POS)


def test_a_long_chain_of_coordinated_words_is_read_in_linear_time():
    """Each "and" reads one word before it, no further (review28, session 28: a msgid of 500
    coordinated words raised RecursionError, each level reading the one before)."""
    chain = "Want to " + " and ".join(["update"] * 20_000)
    start = time.perf_counter()
    assert "update" in found(chain, POS)  # (the first after "to" is the verb, the others not)
    assert time.perf_counter() - start < 2.0
    assert "update" not in found("Want to share and update", POS)  # one level still read


def test_not_senses_are_not_the_concept_but_the_word_alone_is():
    tracker = concept("tracker", "tracker")
    tracker.not_senses = ["bug tracker", "activity tracker"]
    gloss = glossary(tracker, concept("location", "location"))
    assert found("Report it in the bug tracker", gloss) == set()
    assert found("Open the bug trackers", gloss) == set()
    assert found("Block this tracker", gloss) == {"tracker"}
    assert found("The bug tracker blocks a tracker", gloss) == {"tracker"}


def test_an_adjective_term_is_not_found_in_the_plural_of_its_word():
    """English adjectives have no plural: the ordinal *second* is not the unit in
    "seconds"; as a noun (or without pos) the word's plural is found as before."""
    ordinal = glossary(concept("second", "second", pos="adjective"))
    assert found("Use the second column", ordinal) == {"second"}
    assert found("Done in 5 seconds", ordinal) == set()
    for unit in (
        glossary(concept("second", "second", pos="noun")),
        glossary(concept("second", "second")),
    ):
        assert found("Done in 5 seconds", unit) == {"second"}
    assert found("Two liquids", glossary(concept("liquid", "liquid", pos="adjective"))) == set()


def test_a_not_sense_holding_another_concepts_word_is_that_concept():
    """A "page number" is not the numeral of a *number* concept, and is still a page: the
    phrase is found as the other concept, not as none (a wrong word for the page there
    is still reported)."""
    number = concept("number", "number", pos="noun")
    number.not_senses = ["page number", "record number"]
    item = concept("item", "item")
    item.not_senses = ["menu item"]
    gloss = glossary(number, item, concept("page", "page"), concept("menu", "menu"))
    assert found("Go to page number 4", gloss) == {"page"}
    assert found("Show the page numbers", gloss) == {"page"}
    assert found("Edit the menu items", gloss) == {"menu"}
    assert found("Show the record number", gloss) == set()  # no *record* concept
    assert found("Enter a number for the item", gloss) == {"number", "item"}


def test_a_long_not_sense_is_searched_only_for_runs_as_long_as_a_term():
    """A not_senses phrase of many words is looked up run by run, but never a run longer
    than the glossary's longest term: the work is linear in its length, not cubic."""
    from moci_vocab.checkpo import compile as compiling

    class Counting(dict):
        asked = 0

        def get(self, key, default=None):
            Counting.asked += 1
            return super().get(key, default)

    words = [f"w{i}" for i in range(60)]
    key = " " + "  ".join(words) + " "
    keys = Counting({" page ": 2, " w10  w11 ": 3})
    assert compiling._other_concept(key, keys, (1,), 2) == " w10  w11 "
    assert Counting.asked <= 2 * len(words)
    assert compiling._other_concept(" menu  item ", Counting({" menu ": 4}), (1,), 1) == " menu "


IDIOMS = glossary(
    concept("number", "number", pos="noun"),
    concept("date", "date"),
    concept("time", "time"),
    concept("name", "name"),
    concept("terminal", "terminal"),
    concept("option", "option"),
    concept("root", "root"),
    concept("unit", "unit", pos="noun"),
    concept("line", "line", pos="noun"),
    concept("command", "command", pos="noun"),
    concept("character", "character", pos="noun"),
    concept("match", "match", pos="noun"),
    concept("case", "case", pos="noun"),
    concept("service", "service", pos="noun"),
    concept("provider", "provider", pos="noun"),
    concept("event", "event", pos="noun"),
    concept("room", "room", pos="noun"),
    concept("content", "content", pos="noun"),
    concept("table", "table", pos="noun"),
    concept("word", "word", pos="noun"),
    concept("circuit", "circuit", pos="noun"),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enter the number of columns", set()),  # a count
        ("The total Number of Pages", set()),
        # occurrences (sq herë; phpMyAdmin, Calc, round 18), even before a determiner
        ("The number of times the text is to be repeated.", set()),
        ("The number of times that a row lock was acquired", set()),
        ("The time it took, and the number of times", {"time"}),
        # time as an occasion (sq "sa herë", "herën e parë", ka ერთჯერადი; round 20)
        ("Update the address every time your IP is changed", set()),
        ("Each time you connect, the address changes", set()),
        ("For the first time, manually run it now.", set()),
        ("Automatically send report next time", set()),
        ("Enable one time archiving of older items", set()),
        ("How many rows can be inserted at one time.", set()),
        ("Set the time every day", {"time"}),
        ("The first time zone", set()),
        ("Database is up to date", set()),
        ("The file is out of date", set()),
        ("You can stop it at any time", set()),
        ("Last name:", set()),
        ("In your time zone", set()),
        ("Hide milestones with no due date", set()),
        ("You can continue the message at a later date.", set()),  # later
        ("Terminal _bell", set()),  # the alert, not the terminal (GNOME and MATE Terminal)
        ("Silence the terminal bell", set()),
        ("version 2 of the License, or (at your option) any later version", set()),  # choice
        ("Square root", set()),  # mathematics, not the root user or folder
        # a system of measurement (libgweather: sq "sistemin metrik", hy "մետրիկ համակարգ")
        ("Use metric units instead of english units.", set()),
        ("Imperial units", set()),
        # terms of their own: the command-line interface, an encoding (KSystemLog, GLib)
        ("From command Line", set()),
        ("Application does not accept documents on command line", set()),
        ("Conversion from character set “%s” to “%s” is not supported", set()),
        ("Run the command on each line", {"command", "line"}),
        ("Insert a special character", {"character"}),
        # the search option (Kate: "upper and lower case letters differ"), an ISP's provider
        ("Match _case", set()),
        ("Use the Internet service provider nameservers", {"provider"}),
        ("A match in this case", {"match", "case"}),
        ("Restart the service", {"service"}),
        ("Convert the unit to metric units", {"unit"}),
        ("Units of measure", {"unit"}),
        ("Open a terminal as root", {"terminal", "root"}),
        ("Set the option for the terminal", {"option", "terminal"}),
        ("Enter the number of the record", {"number"}),  # the record's number
        ("Page number", {"number"}),
        ("Set the date and time", {"date", "time"}),
        ("Name of the file", {"name"}),
        # in case of; to free space (Thunderbird's licence and folder messages, round 17)
        ("In the event of a conflict, the English version shall control", set()),
        ("To make room for more messages, delete old ones", set()),
        ("It is making room for the date", {"date"}),
        ("The event of the year in this room", {"event", "room"}),
        # a compound of its own (ka სარჩევი, sq pasqyrë e lëndës; LibreOffice, round 18)
        ("Specify the entries in the table of contents", set()),
        ("Update all tables of contents", set()),
        ("The contents of the table", {"content", "table"}),
        # never, live, slowly; an editor, a fault (GCompris, Lichess: round 22)
        ("I will at no time receive assistance", set()),
        ("Others see your moves in real time!", set()),
        ("There is no clock, so take your time.", set()),
        ("My first word processor", set()),
        ("It creates a short circuit", set()),
        ("A short circuit in the circuit", {"circuit"}),
        ("By this time, no word", {"time", "word"}),
    ],
)
def test_english_idioms_are_other_senses_of_their_nouns(text, expected):
    assert found(text, IDIOMS) == expected


def test_libreoffices_page_views_are_a_layout_the_pages_own():
    """Review31 F2: LibreOffice's "Print page views" and "Notes page views" (held-out
    libreoffice-flt-hy/ka) are layouts, in the plural too; visits counted stay no page. (With
    a *view* concept as well, the view is found there instead: a kept phrase never hides
    another concept's term.)"""
    gloss = glossary(concept("page", "page", pos="noun"))
    assert found("Print page views", gloss) == {"page"}
    assert found("Exports only the notes page views", gloss) == {"page"}
    assert found("The highest number of page views", gloss) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # times counted, adverbs of frequency (session 20): occasions, not time
        ("The request failed several times", set()),
        ("You have tried too many times", set()),
        ("When a post is flagged multiple times", set()),
        ("Take it a few times a day", {"day"}),  # the day keeps its sense
        ("At times the line is busy", {"line"}),
        ("It crashes all the time", {"time"}),  # sq gjithë kohës: the time word
        ("The number is checked ahead of time", {"number"}),
        ("Set the time for each day", {"time", "day"}),
        ("Processing times per day", {"day", "time"}),  # durations: not "times per day"
        ("Services are unavailable during this time", {"time"}),  # a span: the time
        ("Addresses may change over time", {"time"}),
        # clock times and slots (review, session 20): after a number word, "more times",
        # "at times" + of/when/that/you, the object of a verb of choosing
        ("Enter two times to compare", {"time"}),
        ("The difference between two times", {"time"}),
        ("Show more times", {"time"}),
        ("At times of high load, uploads are paused", {"time"}),
        ("Only sync at times when the device is charging", {"time"}),
        ("Send reminders at times that suit you", {"time"}),
        ("Mute notifications at times you choose", {"time"}),
        ("Select multiple times for the alarm", {"time"}),
        ("Pick several times that work for you", {"time"}),
        ("Choose a few times for the meeting", {"time"}),
        # a phrasal verb (Lichess: "A knight and a rook team up to trap the king"); not
        # "teams up to" a number, a limit (review, session 20)
        ("A knight and a rook team up to trap the king", set()),
        ("Free for teams up to 10 members", {"team", "member"}),
        ("Select a team", {"team"}),
        # the phone network's data service, a term of its own (AOSP Settings: ka მობილური
        # ინტერნეტი, "mobile internet", session 28); the mobile and the plan keep theirs
        ("Use Mobile Data?", {"mobile"}),
        ("Turn off cellular data", set()),
        ("Data roaming", set()),
        ("Data Saver is on", set()),
        ("Using Kolibri with a limited data plan", {"plan"}),
        ("Mobile data usage", {"mobile"}),
        # its use and the link to it (AOSP Settings, round 30: hy թրաֆիկ, ինտերնետ կապ;
        # Gaia's "Data usage limit", sq përdorimi)
        ("Data usage and alerts", set()),
        ("You have lost data connectivity", set()),
        ("Data usage limit", set()),
        # the use of stored data: the data (usupport's privacy consent; review30 F6)
        ("Consent for personal data usage as defined by the Privacy Policy", {"data"}),
        ("Your current data usage is 3 GB", set()),
        # ... whoever owns it, and hyphened (review31 F2)
        ("Consent for users' data usage", {"data"}),
        ("Consent for personal-data usage", {"data"}),
        # guards: the stored data keeps its concept (these pass without the phrases too)
        ("Delete the data on this device", {"data"}),
        ("Back up app data", {"data"}),
        # now, at one moment (Discourse, round 31: hy այս պահին, at this moment; NodeBB's
        # "at that point in time", այդ պահին); not a time named ("during this time", "the
        # time at which", "Set this time")
        ("Sorry, you can't flag this post at this time.", set()),
        ("Unable to load notifications at this time.", set()),
        ("Only one topic can be bannered at any given time.", set()),
        ("A link will be inserted at that point in time", set()),
        ("No upgrade is suggested at this point in time", set()),
        ("Set this time as the alarm", {"time"}),
        ("The time at which the backup ran", {"time"}),
        # a clock time of the day (held-out freedombox-sq: "kopje në këtë orë të ditës";
        # review31 F2)
        ("Backups run at this time of the day.", {"time", "day"}),
        ("It is unavailable at this time of day", {"time", "day"}),
        # a person on the staff (Discourse: hy անձնակազմ, the staff; աշխատակից, an
        # employee), not a group's member; the staff keeps its sense
        ("Please contact a staff member", {"staff"}),
        ("Whispers are only visible to staff members", {"staff"}),
        ("Remove the member from the group", {"member"}),
        ("Members of the staff", {"member", "staff"}),
        # a count of visits (Joomla, Pageviews, round 31: hy առավել դիտվող, most viewed); the
        # view keeps its sense, and a page a message names is a page
        ("Articles with the highest number of page views", {"view"}),
        ("Page views per day", {"view", "day"}),
        ("Add a view to the page", {"view", "page"}),
        ("Print page view", {"page", "view"}),  # a layout (LibreOffice): the page's own
    ],
)
def test_times_counted_adverbs_and_phrasal_verbs_are_other_senses(text, expected):
    gloss = glossary(
        concept("member", "member", pos="noun"),
        concept("staff", "staff", pos="noun"),
        concept("page", "page", pos="noun"),
        concept("view", "view", pos="noun"),
        concept("time", "time", pos="noun"),
        concept("day", "day", pos="noun"),
        concept("number", "number", pos="noun"),
        concept("line", "line", pos="noun"),
        concept("team", "team", pos="noun"),
        concept("data", "data", pos="noun"),
        concept("mobile", "mobile"),
        concept("plan", "plan", pos="noun"),
    )
    assert found(text, gloss) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kept phrase holding another concept's term does not hide it (review DEFECT 1,
        # session 20): the verb is found, the times counted are no time there
        ("Select multiple times", {"select"}),
        ("Add several times to the poll", {"add"}),
        ("Pick several times that work for you", {"time"}),  # no *pick* concept
        ("Select the time", {"select", "time"}),
        # the idiom's other words keep their sense (review MINOR 5, session 20)
        ("Redirected too many times", {"many"}),
        ("Many files", {"many"}),
        ("The team is ready in no time", {"team", "no"}),  # (not the time)
    ],
)
def test_a_phrase_kept_for_a_sense_hides_no_other_concepts_term(text, expected):
    gloss = glossary(
        concept("time", "time", pos="noun"),
        concept("select", "select", pos="verb"),
        concept("add", "add", pos="verb"),
        concept("many", "many"),
        concept("team", "team", pos="noun"),
        concept("no", "no"),
    )
    assert found(text, gloss) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Creative Commons - By attribution", set()),  # the licences' name (Gramps)
        ("A common format", {"common"}),
        # a .desktop file is a file, whatever the glossary's desktop is (Nautilus, Caja)
        ("Unable to rename desktop file", {"file"}),
        ("Unrecognized desktop files", {"file"}),
        ("Can't pass document URIs to a 'Type=Link' desktop entry", set()),
        ("Copy the file to the desktop", {"file", "desktop"}),
    ],
)
def test_names_and_phrases_where_one_word_has_another_sense(text, expected):
    gloss = glossary(
        concept("common", "common"), concept("desktop", "desktop"), concept("file", "file")
    )
    assert found(text, gloss) == expected


def test_a_desktop_file_is_no_desktop_without_a_file_concept_either():
    assert found("Unable to rename desktop file", glossary(concept("desktop", "desktop"))) == set()


def test_a_concept_whose_term_is_the_idiom_is_found_there():
    zone = concept("time-zone", "time zone")
    assert found("In your time zone", glossary(zone, concept("time", "time"))) == {"time-zone"}


def test_not_senses_round_trip_through_the_concept_file(moci):
    from moci_vocab.store import load_glossary

    moci("add", "tracker", "--term", "en=tracker", "--term", "sq=gjurmues", "--yes")
    path = moci.root / "terms" / "tracker.yaml"
    text = path.read_text("utf-8")
    path.write_text(text + "not_senses:\n  - bug tracker\n", "utf-8")
    moci("fmt")
    assert load_glossary(moci.root).concepts["tracker"].not_senses == ["bug tracker"]
    assert "not_senses:\n- bug tracker\n" in path.read_text("utf-8") or (
        "not_senses:\n  - bug tracker\n" in path.read_text("utf-8")
    )
    moci("fmt", "--check")


def test_texts_ending_in_dots_do_not_hide_terms_of_the_next_text():
    gloss = glossary(concept("emblem", "emblem"), concept("name", "name"))
    compiled = compile_glossary(gloss, "sq")
    texts = ["Add Emblems...", "Finishing...", "Name", "_name_", "name-"]
    pairs = compiled.source_matcher.pairs(texts)
    assert [(i, compiled.rules[c].concept) for i, c in pairs] == [
        (0, "emblem"),
        (2, "name"),
        (3, "name"),
        (4, "name"),
    ]


def test_a_long_run_of_joiners_is_read_once():
    """A run of dots or dashes next to a space is freed in one pass (the old loop freed
    one dot per pass over the whole text: 30,000 dots took about 20 s)."""
    from moci_vocab.checkpo.source_match import source_key

    start = time.process_time()  # (CPU, not the wall: a loaded machine does not stretch it)
    key = source_key("a file " + "." * 30_000 + " name--" + "-" * 30_000)
    assert key == " a  file  \x02  name   "  # ". " ends a sentence
    assert source_key("a.-_.b -_x.. _y_") == " a.-_.b  x  \x02  y   "  # inside a word: kept
    assert source_key("a.-_.b --x.. _y_") == " a.-_.b  \x02  y   "  # --x: a command-line option
    assert time.process_time() - start < 5


def test_people_is_the_plural_of_person_unless_the_concept_says_it_is_not():
    """English "people" stays a plural of "person" (a forbidden term or English left in for
    it is found: review of b71e642); a glossary whose person concept is not meant for it
    (sq njerëz, ka ადამიანები, hy մարդիկ: the benchmark's Gramps) says so in not_senses."""
    person = concept("person", "person", pos="noun")
    assert found("Blocked people", glossary(person)) == {"person"}
    assert found("Two men", glossary(concept("man", "man"))) == {"man"}
    person.not_senses = ["people"]
    assert not found("Matches people with a common ancestor", glossary(person))
    assert found("Merge two persons", glossary(person)) == {"person"}


def test_a_hyphen_led_word_is_read_alike_in_a_batch_and_alone():
    # a text's key does not depend on the texts keyed with it: a word glued to a leading
    # hyphen is dropped after a space, never at a text's start, first text or not
    from moci_vocab.checkpo.source_match import joined_key

    texts = ["-owner first", "the -owner address", " -owner b", "-1 and - a", "x-owner"]
    assert joined_key(texts) == b"\x00".join(joined_key([text]) for text in texts)
    assert joined_key(["the -owner address"]) == b" the  address "
    assert b"owner" in joined_key(["-owner first"])


@pytest.mark.parametrize(
    "text",
    [
        "a" * 40_000 + " | x",  # literal values with pipes: tried from every letter
        "a" * 20_000 + "||b",
        "a" * 100_000 + " @ x",  # an address: the same
        "a." * 40_000 + " :// x",  # a URL's scheme: from every letter after a dot
    ],
)
def test_a_long_word_is_read_once_for_its_spans(text):
    """Review DEFECT 1 of the thirteenth session: a pass of spans.py started at every
    character of a long word and read the rest of it before failing (40,000 letters before
    " | x": 17 s); each now starts where a run starts, or where a URL may — with the same
    spans as the patterns' own substitution (checked on 100,000 random texts)."""
    import time

    from moci_vocab.checkpo.spans import strip_spans

    started = time.process_time()
    assert strip_spans(text) == text
    assert time.process_time() - started < 0.5
    for sample, expected in (
        ("see http://x.org/a, 1.http://y and about:foo.http://q", "see   1.  and  . "),
        ("write a@b.c or -.@ww.+@-!x", "write   or   !x"),  # (a match where one ended)
        ("(theme|back-ground|x_y) a|b||c", "( )  ||c"),
    ):
        assert strip_spans(sample) == expected


@pytest.mark.parametrize(
    "text",
    ["/A," * 10_000, "%(" * 20_000],  # parent 10 s, 4 s
    ids=["menu segments", "key openings"],
)
def test_a_long_run_of_menu_segments_or_key_openings_is_read_in_linear_time(text):
    """Review29: the menu path a path may not be was read from every "/" after a sign to the
    end of the run, and a Python %(key) from every "%" to the text's end (100 KB: minutes).
    A menu path now has at most 16 segments, and a key no "%" or "(": the same spans on
    every committed and held-out catalog."""
    import time

    from moci_vocab.checkpo.spans import strip_spans

    started = time.process_time()
    strip_spans(text)
    assert time.process_time() - started < 1.0
    menu = "/Edit/Preferences/Tools/" + "/".join(["Ä"] * 13)  # 16 segments: a menu path
    for sample, expected in (
        (f"Choose {menu} here", f"Choose {menu} here"),
        ("see /usr/share/x and %(count)d files", "see   and   files"),
        ("%(a%b)s and 100%(x)", "%(a%b)s and 100%(x)"),
    ):
        assert strip_spans(sample) == expected


def test_a_long_run_of_capitalised_words_is_read_once_by_the_name_marker():
    """Review DEFECT 2 of the thirteenth session: the name marker tried its name-run pattern
    from every word of a run of capitalised words, and each try read the rest of the run
    (8,000 words before " the end": 8 s); a failed try now holds for the rest of its run.
    The keys are the same (every committed and held-out msgid, checked)."""
    import time

    from moci_vocab.checkpo.source_match import NAME_MARK, source_key

    started = time.process_time()
    key = source_key(" ".join(["Aa"] * 8_000) + " the end")
    assert time.process_time() - started < 0.5
    assert key.endswith(" aa  the  end ")
    # still a name where a run goes on into a lowercase word, after a run that is none
    assert f"{NAME_MARK}device" in source_key("Aa Bb the Open Sound Device audio output")


def test_time_counted_by_a_number_or_a_placeholder_is_an_occasion(tmp_path):
    # Discourse, Lichess, phpMyAdmin (rounds 18, 22, 31): "viewed %{count} times" said with
    # hy անգամ (an occasion), no time; the time demanded where it is a time, or where a
    # number word counts clock times ("two times")
    import polib

    from moci_vocab.checkpo.run import Options, check_files
    from tests.test_checkpo import noun_glossary, write_po

    root = noun_glossary(tmp_path / "g", "hy", (("time", "ժամանակ"),))
    entries = [
        ("this topic has been viewed %{count} times", "այս թեման դիտվել է %{count} անգամ"),
        ("Earned this badge %{count} time", "Վաստակել է այս կրծքանշանը %{count} անգամ"),
        ("%s queries executed %s times in %s seconds.", "%s հարցում կատարվեց %s անգամ"),
        ("Played 3 times", "Խաղացել են 3 անգամ"),
        ("Played {count} times in the time limit", "Խաղացել են {count} անգամ"),
        ("Enter two times to compare", "Մուտքագրեք երկու արժեք"),
        ("%s time remaining", "Մնացել է %s"),
    ]
    path = write_po(tmp_path / "hy.po", "hy", entries)
    po = polib.pofile(str(path))
    po.append(
        polib.POEntry(
            msgid="Viewed %{count} time",
            msgid_plural="Viewed %{count} times",
            msgstr_plural={0: "Դիտվել է %{count} անգամ", 1: "Դիտվել է %{count} անգամ"},
        )
    )
    po.save(str(path))
    findings = check_files(root, [path], Options()).findings
    assert sorted(f.extra["msgid"] for f in findings if f.code == "MV601") == [
        "%s time remaining",
        "Enter two times to compare",
        "Played {count} times in the time limit",
    ]


@pytest.mark.parametrize(
    "msgid",
    ["Time " + "1" * 20_000, "Time :count" + " " * 20_000 + "x"],  # parent 5 s, 1.3 s
    ids=["a run of digits", "spaces after a count placeholder"],
)
def test_a_counted_time_is_read_in_linear_time(msgid):
    """Review31 F1: the counted-time pattern tried "\\d+" from every digit of a run and
    "\\s*…\\s+" over the spaces after a count placeholder, each read to the run's end:
    quadratic (a 40 KB msgid whose *time* term is missing: 20 s of check-po)."""
    import time

    from moci_vocab.checkpo.idioms import counted_times

    started = time.process_time()
    assert not counted_times(msgid)
    assert time.process_time() - started < 0.5
