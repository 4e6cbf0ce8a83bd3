"""Per-language inflection data for matching glossary terms in translations.

Data, not code: for each language, the endings a word may take (every
combination of a few "slots", e.g. plural marker + case ending), the
vowels a stem may lose at its end, the "fleeting" vowels dropped from a last
syllable (Albanian qendër → qendra, Georgian მომხმარებელი → მომხმარებლის),
stem replacements (Armenian -ում → -մ in հաշտեցման), and the little
connecting words of multi-word terms that change with the phrase (Albanian
i/e/të/së in "fjalor i përbashkët" → "fjalorë të përbashkët").

`target_match` reads these tables; a language without an entry gets
`GENERIC`: drop one final vowel, then accept any ending up to three letters.
Each table is a cached function (SQ(), KA() …), built the first time its
language is asked for: a check pays only for the languages it uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

from moci_vocab.records import Record

IRREGULAR_DIR = Path(__file__).with_name("irregular")


class Inflection(Record):
    """How words of one language change: everything `target_match` needs.

    A frozen dataclass written out (see records.py): its fields are the annotated names
    below, each a keyword of the constructor defaulting to the class attribute; repr, ==
    and hash as the dataclass had them (the hash without ``irregular``). Making the
    dataclass cost every check-po start-up ~1 ms, and importing `dataclasses` ~0.6 ms.
    """

    # Endings a stem may take (always including ""): a set, or `Endings` looked up by slots.
    suffixes: frozenset[str] | Endings
    # Letters a word may lose at its end before an ending is added.
    final_vowels: str = ""
    # Plural markers that follow only some letters: (those letters, the marker), not in
    # ``suffixes``: a stem ending in one of the letters gets stem + marker as a stem of its
    # own, which takes the endings in turn. sq -j and -nj after a vowel (kufi-j, kufijtë;
    # mulli-nj), and the j of gj where a -g stem palatalizes before the plural -e (zogj,
    # dialogjet); a stem cut back to another consonant takes none (minë, a mine: min-a,
    # min-ën, never minj-, mice, the plural of mi).
    plural_marks: tuple[tuple[str, str], ...] = ()
    # Vowels that drop out of the last syllable before its final consonant(s)...
    fleeting: tuple[str, ...] = ()
    # ...when that consonant is one of these ("" = any consonant).
    fleeting_before: str = ""
    # ...when at most this many consonants follow it at the end of the word.
    fleeting_cluster: int = 1
    # (old ending, new ending) replacements of a word's end, tried in addition.
    replacements: tuple[tuple[str, str], ...] = ()
    # ... and those tried only on the word as written (not after a final vowel is
    # dropped): a lemma given in an inflected form, Georgian საქაღალდის → საქაღალდე.
    lemma_endings: tuple[tuple[str, str], ...] = ()
    # A term given in a plural whose lemma's stem alternates: (the plural's ending as written,
    # the lemma's stem ending, the only endings that stem takes): the term's word forms, not
    # a stem for any ending. sq blloqe (blocks) → bllok, blloku, bllokun, bllokut (a masculine
    # -k noun's singular); faqe (page), a feminine singular in -qe, gets bllok's forms too
    # (fak, faku: no words), but not fakt (a fact) nor faks (a fax), which no -u noun's
    # singular is; likewise a term given in one form of a verb (sq mungon, it is missing →
    # mungojnë, munguar). From the term as written only; the first ending that fits decides.
    lemma_forms: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # Small words inside multi-word terms that change with the phrase.
    connectors: frozenset[str] = frozenset()
    # Without a suffix list: accept any ending up to this many letters.
    open_suffix: int = 0
    # Shortest stem that may be shortened by the rules above (short words stay exact).
    min_stem: int = 3
    # Irregular stems of a lemma (miq for mik, տան for տուն): from irregular/<lang>.txt.
    irregular: dict[str, tuple[str, ...]]  # (a new {} each: see __init__)
    # Compound words: a term may be the last part of a longer word (qytet in kryeqytet),
    # and a multi-word term may be written as one word (ვებ გვერდი → ვებგვერდი).
    compounds: bool = False
    # The fewest letters before a compound's last part: Albanian's first parts are words of
    # three letters or more (krye-qytet, ueb-faqe, fjalë-kalim), so dë-ftesë (a receipt) is
    # no ftesë (an invitation), fi-llojë (it begins) no lloj (a type), kl-ikoni (click!) no
    # ikonë (an icon).
    compound_head: int = 2
    # Prefixes that derive another word rather than make a compound (ka გადა-, sq mos-):
    # a term after one of them is not a component.
    prefixes: frozenset[str] = frozenset()
    # Prefixes that say an English modifier as part of a compound (Armenian ենթա-, sub-,
    # for "child"), with those English words: "child widget" as ենթավիջեթ holds
    # the term վիջեթ (widget), and the term ենթատարր (child element) by its prefix, where
    # the English word after "child" is a concept whose term the compound's rest is (see
    # rendered.kind_compounds). Elsewhere the prefix makes a word of its own (ենթապանակ
    # renders "subfolder" or "sub-folder", not the folder the English names beside it): it
    # stays in ``prefixes``.
    kind_prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Verbs made on a noun's stem: (noun ending, the verb endings its stem takes);
    # sq ndryshim (change) → ndrysho, ndryshoni (see verbal.py).
    verbs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # How those verb forms end when they are past participles, which render the noun
    # anywhere (sq ndryshuar, përkthyer; hy ընտրված, ընտրուածը: the selected one).
    participles: tuple[str, ...] = ()
    # The endings of the agent noun made on the verb's stem (Armenian -իչ: ընդլայնիչ, an
    # expander, of ընդլայնել, to expand, whose verbal noun is ընդլայնում), which renders a
    # noun term where its English word is an agent noun too (-er, -or: "Indent Expander" as
    # Նահանջի ընդլայնիչ; see verbal.py); not another English noun (որոնիչ, a search
    # engine, is no search).
    agents: tuple[str, ...] = ()
    # How the action noun of that verb ends in the genitive, which says such an agent noun
    # term where its English agent noun modifies the next word (Armenian -ման: OBS's
    # կոդավորիչ, an encoder, of կոդավորել, to encode → կոդավորման կարգավորումներ, encoding
    # settings, for "Encoder Settings"; see verbal.py): a modifier, as a relational
    # adjective is (``adjectives``); not the agent itself ("the encoder" is no կոդավորում).
    agent_actions: tuple[str, ...] = ()
    # How the participles end that qualify a noun (Armenian -ող: ընդլայնվող սյուն, an
    # expanding column): they render the term only where the English noun modifies the next
    # word ("Expander Column") or is an -ing form itself ("Recent browsing" as Վերջերս
    # դիտարկվող), not a head noun they replace ("the scrollbars" as ոլորվող տիրույթ, a
    # scrolling region: another word for the bar).
    attributive: tuple[str, ...] = ()
    # How the participles end that agree with a noun as its adjective only (Albanian
    # feminine plural -uara, -ura, -yera: "të shkarkuara", the downloaded ones): they
    # render the noun as the other participles do (`participles`), but are no verb said
    # in a command's place (verbal.py's verb slot: "Rating filters" is no vlerësuara).
    agreeing: tuple[str, ...] = ()
    # How the verb's dictionary form ends where a translation may say a command by it alone
    # (hy Սկսել, to begin, for "Begin Search": the object is left to the button's place).
    infinitives: tuple[str, ...] = ()
    # Relational adjectives made on a noun's stem, with their endings: sq familje →
    # familjar, familjare (Family Tree → Pema familjare); javë → javore (week view).
    # Only where the English noun modifies the next word (see verbal.py). A third item,
    # if any: the prefixes such an adjective takes before the stem (ka სა-…-ო).
    adjectives: tuple[tuple[str, ...], ...] = ((), ())
    # A term may be the first part of a closed compound whose rest is a word of its own
    # (ka აუდიოფაილი: აუდიო + ფაილი; see rendered.py), unless it ends in one of these
    # letters: a case ending that a first part drops (ka -ი: კანონი → კანონ-).
    # None: the language makes no such compounds.
    first_parts: str | None = None
    # A term may be the first part of a closed compound joined to its rest, a word of its
    # own, by this linking vowel (hy ա: սահիկ-ա-ցուցադրություն, slide show; see
    # rendered.py); "" for none.
    linked_parts: str = ""
    # A term given in an inflected form whose stem dropped a vowel: (its ending as written,
    # the lemma's stem end with the vowel back), after a consonant; only the vowel the
    # lemma has (ka -ებლის → -ებელ-: მომხმარებლის → მომხმარებელი, მწარმოებლის →
    # მწარმოებელი; -ნის/-რის → -ან/-არ: საგნის → საგანი, კალენდრის → კალენდარი; -ვის →
    # -ავ: ნაგვის → ნაგავი). Also an ending cut only after a consonant (ka ღილაკზე →
    # ღილაკ-ი: not ანგარიში, account, a lemma).
    restored: tuple[tuple[str, str], ...] = ()
    # The endings of a term as written before which its lemma's last syllable lost its
    # ``fleeting`` vowel (hy genitive -ի: խմբի, of the group → խումբ, խումբը; ծրագրի →
    # ծրագիր; համակարգչի → համակարգիչ): each fleeting vowel comes back before the last one
    # or ``fleeting_cluster`` consonants of the stem, after a consonant (the stems that are
    # no word, խիմբ, ծրագուր, add no word; a vowel before them, տարի → տար-, adds none).
    syncope: tuple[str, ...] = ()
    # A term given in the plural stands for its lemma, whatever the lemma's stem class:
    # (the plural forms of a term as written that no singular has, the vowel a lemma's stem
    # ends in that drops before the plural marker). A term ending in one of those forms after
    # a consonant may be the plural of a stem in that vowel (ka უჯრები, cells → უჯრა:
    # უჯრაზე, უჯრაში, უჯრათა, as the plural of ფაილი is ფაილები; not -ების, also the
    # genitive of the verbal nouns in -ება); a plural stem with no vowel at all gets each
    # ``fleeting`` vowel back after its first letter (hy գրքեր, books → գրք- → գիրք, գիրքը:
    # a monosyllable's vowel drops before an ending, as in գրքի). A vowel the plural stem
    # dropped inside it comes back by ``restored`` (ka ფანჯრები → ფანჯარა). See
    # `target_match.stems_of`.
    plural: tuple[tuple[str, ...], str] = ((), "")
    # A term given in an inflected form (sq biri, the child: the definite of bir) stands for
    # its lemma's listed irregular stems too (bij, children; see `target_match.stems_of`).
    # Not where the lemma's data holds another derivation, used only where the English allows
    # (ka მონიშნული: მონიშვნა, see rendered.py).
    lemma_irregular: bool = False
    # ... and the endings of a term as written after which its stem, where that stem is one
    # the irregular data lists for a lemma, stands for the lemma and its other stems: sq zëri,
    # zërin (the entry: the masculine singular's definite endings on zër) → zë, zëra, zërat;
    # not bija (the daughter: the feminine -a on bij, which the data lists as the plural stem
    # of bir, a son).
    irregular_definite: tuple[str, ...] = ()
    # Words derived on the stem of a borrowed term that keep its sense: (the prefixes before
    # the stem, "" for none; the endings after it). ka და-არქივ-ება (archiving, the
    # perfective preverb), გადა-არქივ-ება (re-archiving), სა-არქივ-ო (of archives),
    # არქივ-ატორი (archiver), for არქივი, archive; not ამო-არქივება (un-archiving:
    # extracting, a verb of its own), nor a native root's (დასახელება, a title, on სახელი,
    # name). See rendered.py.
    borrowed: tuple[frozenset[str], tuple[str, ...]] = (frozenset(), ())
    # A diphthong of a term's last syllable that the language reduces in a derived or
    # compound word, its reduced form, and the vowels a compound's linking vowel or a
    # derivation's suffix starts with there: Armenian ույ → ու (զրույց, conversation →
    # զրուցաշար, a conversation thread; գույն → գունավոր, coloured; օրացույց → օրացուցային;
    # ողջույն → ողջունագիր). A word of the translation that starts so is the term (see
    # rendered.linked_compounds). Not the verb in -ել (զեկույց, report → զեկուցել, to
    # report): it renders the noun only where the English word is a verb (verbal.py).
    reduced: tuple[str, str, str] = ("", "", "")
    # Stems that derive a word on a term as written (ending in a consonant), which takes
    # the regular endings in turn: Armenian's verbal noun in -ում, made on a noun through
    # its verb in -ել (կազմաձև, configuration → կազմաձևել → կազմաձևում, կազմաձևումը), and
    # that noun's genitive and instrumental stems with -ու- gone (կազմաձևման, -մամբ). Not
    # on an irregular case stem (անուն → անվան-: անվանում, a title, is a word of its own).
    derived: tuple[str, ...] = ()
    # The action nouns made on the noun of a term that is the noun's relational adjective
    # (``adjectives``' suffixes), which take the regular endings: Armenian's verbs in
    # -ավորել, -ացնել made on a noun and their nouns in -ում (genitive -ման, instrumental
    # -մամբ): Firefox's backup պահուստային (of a reserve: պահուստ-ային) → պահուստավորում,
    # պահուստավորման (backing up), պահուստացում. Not on a noun term itself: a noun's
    # derived verb may drift from it (ձև, a form → ձևավորում, design).
    action_nouns: tuple[str, ...] = ()
    # The period as the mark of an abbreviation, in a language whose full stop is another
    # sign (Armenian ։): a short label's word marked with it may be the term shortened
    # (Թղթապ., Թղթպ. for թղթապանակ; see rendered.abbreviated). "" where a period ends a
    # sentence and says nothing more.
    abbreviation_mark: str = ""
    # The marks after a word cut short in a language whose full stop is the period too
    # (Georgian, Albanian): a short label's word of four letters or more that is the term's
    # start, cut after a consonant as these languages cut a word (ka მოწყ., მონაც.,
    # კონტ.; sq admin., Krtl.), followed by the period or by a hyphen and a case ending (ka
    # მოწყ-ის, as after an acronym: აშშ-ის), may be the term shortened (see
    # rendered.abbreviated). "" for none.
    cut_marks: str = ""
    # The suffixes that make an adjective (or a participle) of another word (ka -იერ-,
    # -ურ-, -ულ-, -ოვან-, -იან-, -ეულ-): a term's start cut right before one is the stem of
    # that word as much as a cut of the term (Georgian კანონ. of კანონიერი, legal, is
    # კანონი's, law: "Legal text" said კანონ. ტექსტი, law text), so no cut of it.
    cut_before: tuple[str, ...] = ()
    # The negative prefixes of adjectives and nouns (hy ան-, ապ-, դժ-, չ-; sq pa-, mos-,
    # jo-; ka the privative უ-…-ო of nouns, უსახელო, nameless, and არა- of adjectives,
    # არასწორი): (prefix, the ending after the stem, "" for none; which English negators it
    # answers: "no" for *no* and *without* before a noun, "not" for *not*, *n't*, *never*,
    # *non*, *nor*, *cannot*, "" for both). A term said with one renders its English word
    # where the English negates that word ("not valid" as hy անվավեր, "No name" as ka
    # უსახელო; see negation.py). Not ka ა-: above all the preverb of verbs made on a noun
    # (ასახელებს, names it; review29), and არა- only after "not": არაფერი is "nothing".
    negative: tuple[tuple[str, str, str], ...] = ()
    # The word for *everything* (its stems), which renders "all" with a noun (ka
    # ყველაფერი: "All items in the Trash" → everything in the Trash).
    everything: tuple[str, ...] = ()
    # The participles of choosing and marking standing as a noun, with an article, a case or
    # the plural (hy ընտրվածը, the selected one; նշվածները, the marked ones), which render
    # a noun the English says as selected, checked or marked ("Delete the selected text" →
    # Ջնջել ընտրվածը; see rendered.said_as_everything).
    selected: tuple[str, ...] = ()
    # An English word whose senses the language says by words of their own: (the English
    # word, the sense, its words or phrases), hy email as a message նամակ, the medium փոստ,
    # the address էլ. հասցե. See senses.py.
    sense_words: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # A participle of purpose made of a preverb, a mark and the verb's stem (ka მო-სა-წვევ-ი,
    # for inviting: an invitation), whose verbal noun is the preverb and the stem (მოწვევა):
    # (the preverbs, the mark). See rendered.lemma_derived.
    purpose: tuple[frozenset[str], str] = (frozenset(), "")
    # An agent noun made of a preverb (``purpose``'s), a mark and the verb's stem with an
    # ending (ka შე-მ-ხსენ-ებელ-ი, a reminder; და-მა-კავშირ-ებელ-ი, a connector), whose
    # verbal noun is the preverb and the stem with another ending (შე-ხსენ-ებ-ა, reminding):
    # (the marks, the agent noun's ending, the verbal noun's stem ending); and the other way
    # (a verbal-noun term said by its agent noun). See rendered.agent_pair_stems.
    agent_nouns: tuple[tuple[str, ...], str, str] = ((), "", "")
    # A participle made of a preverb, a mark (``agent_nouns``') and the verb's stem (ka
    # და-მ-შიფრ-ავ-ი, an encoder): (the preverbs that say only the verb's aspect, the
    # participle's endings). Without such a preverb it is the same word (OBS's "Audio
    # Encoder" as აუდიოს მშიფრავი, "this encoder" as ამ მშიფრავით, for the term დამშიფრავი;
    # session 31). Not a preverb of direction, which makes another word (გამო-მ-თვლ-ელი, a
    # calculator: მთვლელი is a counter; გამომცემელი, a publisher: მცემელი, one who beats;
    # review31 F6), nor a verbal noun without its preverb (ქმედება, a deed, beside
    # მოქმედება, an action).
    bare_participles: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # The suffix of the abstract noun of a noun or an adjective (ka -ობა: წევრი, a member →
    # წევრობა, membership; მრავალსესიიანი, multisession → მრავალსესიიანობა), and the
    # adjective suffixes whose abstract noun is said by the adjective: the abstract noun
    # renders a noun term where the English names a role one takes ("requested to become a
    # member" as წევრობაზე მოთხოვნა, a request for membership; Cosinnus, Lemmy's "Remove as
    # admin" as ადმინისტრატორობის მოხსნა; rendered.said_as_role: not the people, "Add a
    # child" as ბავშვობის დამატება, of childhood, review31 F7), and the adjective an
    # abstract-noun term anywhere (K3b's multisession მრავალსესიიანობა said მრავალსესიიანი
    # პროექტი, LabPlot's percentile პროცენტულობა as პროცენტული): one English word for both;
    # session 31. Not a verbal noun's (-ება, -ობა: აღწერა → აღწერილობა, a description
    # beside description, is a second word where a catalog says აღწერა) nor another
    # adjective's (გამჭვირვალობა, transparency, is no გამჭვირვალე, transparent).
    abstract: tuple[str, tuple[str, ...]] = ("", ())
    # The stems of the word for a number that identifies a thing (a row's, a page's, a
    # telephone's: `idioms.identifying_numbers`), where the language has one beside the
    # numeral: ka ნომერი (ნომერ-, ნომრ-) beside რიცხვი. A glossary's *number* that is the
    # numeral is said by it there (LibreOffice Help's "Row number" as რიგის ნომერი).
    identifier: tuple[str, ...] = ()
    # A finite verb made on a term's root, which says the English word where English has
    # the verb (verbal.finite_misses): (the verbal noun endings cut off a term to leave its
    # root, the longest that fits, and the preverbs cut off it too; a noun in -ი less its -ი,
    # with no preverb cut: ანგარიში is no ა-ნგარიშ-ი; the person and version marks after a
    # preverb; the endings of a command's or a wish's verb; a statement's). ka მო-თხოვ-ნა,
    # a request → მო-ი-თხოვ-ეთ, request! (PKP's "Request revisions"); ი-თხოვ-ს, is
    # requesting; გა-დართ-ვა, switching → გა-დართ-ეთ (GCompris' "switch keyboard octave").
    # A preverb or a mark before the root: a bare root before an ending may be a noun's form;
    # and no ending of a noun (-ა, -ება, -ი: მოწვევა, an invitation beside the term მიწვევა,
    # is a second word, not a verb).
    finite: tuple[
        tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[str]
    ] = ((), frozenset(), frozenset(), frozenset(), frozenset())

    _fields = tuple(__annotations__)  # every field above, in order

    def __init__(self, suffixes: frozenset[str], **fields: Any) -> None:
        unknown = fields.keys() - set(self._fields)
        if unknown:
            raise TypeError(f"Inflection() got an unexpected keyword argument {min(unknown)!r}")
        values = self.__dict__  # frozen: set past __setattr__, as a frozen dataclass does
        values["suffixes"] = suffixes
        values["irregular"] = {}
        values.update(fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self._fields if name != "irregular"))

    def replace(self, **changes: Any) -> Inflection:
        """A copy with ``changes`` (as `dataclasses.replace` made one)."""
        return Inflection(**{**{name: getattr(self, name) for name in self._fields}, **changes})


def irregular_stems(lang: str) -> dict[str, tuple[str, ...]]:
    """The irregular stems of a language's data file: ``lemma: stem stem …`` per line.

    Each stem takes the language's regular endings (miq → miq, miqtë, miqve); a
    full irregular form is listed as a stem that takes the empty ending.
    """
    path = IRREGULAR_DIR / f"{lang}.txt"
    if not path.is_file():
        return {}
    import unicodedata

    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        lemma, _, stems = line.partition(":")
        lemma = unicodedata.normalize("NFC", lemma.strip()).casefold()
        found = tuple(unicodedata.normalize("NFC", s).casefold() for s in stems.split())
        table[lemma] = table.get(lemma, ()) + found
    return table


def _combine(*slots: list[str]) -> frozenset[str]:
    """Every concatenation of one item per slot ("" allowed in each)."""
    return frozenset("".join(parts) for parts in product(*slots))


class Endings:
    """The endings `_combine` would make of ``slots`` (and the ``extra`` ones), looked up
    by slots instead of made: an ending is a head (one item of each slot but the last
    ``tail`` ones) followed by a tail (one of each of those), so ``in`` cuts it at each
    length a tail has and looks both parts up in two small sets.

    Georgian's five slots make 27,288 endings: as a frozenset they cost each process that
    checks Georgian ~70 M instructions (~10 ms) to make, against ~1,300 look-ups in the
    811 KB of Georgian of the parallel benchmark (2026-12-07, session 24). Iterating, or
    comparing with a set, makes them all (once).
    """

    __slots__ = ("_all", "_cuts", "_extra", "_heads", "_slots", "_tails")

    def __init__(self, slots: tuple[list[str], ...], tail: int, extra: frozenset[str]) -> None:
        self._slots = slots
        self._extra = extra
        self._heads = _combine(*slots[:-tail])
        self._tails = _combine(*slots[-tail:])
        # each length a tail has, shortest first: most rests are a head alone (a case ending)
        self._cuts = tuple(sorted({len(t) for t in self._tails}))
        self._all: frozenset[str] | None = None

    def __contains__(self, rest: str) -> bool:
        size = len(rest)
        heads, tails = self._heads, self._tails
        for cut in self._cuts:
            if cut > size:
                break
            if rest[size - cut :] in tails and rest[: size - cut] in heads:
                return True
        return rest in self._extra

    def made(self) -> frozenset[str]:
        """Every ending, made (once)."""
        if self._all is None:
            self._all = _combine(*self._slots) | self._extra
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self.made())

    def __len__(self) -> int:
        return len(self.made())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Endings):
            other = other.made()
        return self.made() == other if isinstance(other, (set, frozenset)) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.made())

    def __repr__(self) -> str:
        return f"Endings({self._slots!r}, extra={sorted(self._extra)!r})"


# --- Albanian -----------------------------------------------------------------
# Indefinite/definite, singular/plural, five cases; plural markers before the
# case/definite ending (fjalor-ë-t, qendr-a-t, nism-a-ve, aktivizm-i-t).
_SQ_PLURAL = ["", "ë", "e", "a", "ra", "ër", "ij"]
# -j, -nj after a vowel only; the j of a -g stem's gj (`Inflection.plural_marks`)
_SQ_PLURAL_MARKS = (("aeëiouy", "j"), ("aeëiouy", "nj"), ("g", "j"))
_SQ_CASE = [
    "",
    "i", "u", "in", "un", "it", "ut", "ë", "ën", "ës", "në", "së", "a", "ja", "n", "s",
    "e", "je", "en", "es", "jen", "jes", "t", "të", "ve", "ët", "et", "at", "it",
    "sh", "ësh", "esh", "ash", "ish", "ave", "eve", "ëve", "rave",
]  # fmt: skip
# The feminine nouns in -je on a stem (lëviz, to move → lëvizje, lëvizjet, lëvizjeve,
# lëvizjesh; hap → hapje): the -je and the endings after it, on any stem; not the plural
# -j, which follows a vowel only (minë, a mine: no minjtë, the mice).
_SQ_JE = tuple("j" + case for case in _SQ_CASE if case.startswith("e"))

# Lemmas written in a case form (të dhënash, të dhënave, kërkimesh) reduce to their stem;
# then the definite and case forms (emri, sistemit, volumin, punës, përmbajtja; the -u
# declension of nouns in -k, -g, -h and a stressed -i: miun, mikun → mi, mik), the
# feminine definite -a (tema → temë, teme, temën) and the definite plural -t after
# its plural vowel (gërmat → gërmë, gërma, gërmave; skedarët → skedar), the
# definite forms of the feminine nouns in -e (faqja, faqen, faqes → faqe; dritares →
# dritare), and the definite -u of the masculine nouns in -g, -k, -h (LibreOffice help's
# dialogu → dialog, dialogjet; blloku → bllok).
_SQ_LEMMA_ENDINGS = (
    ("ash", ""), ("ësh", ""), ("esh", ""), ("ave", ""), ("ëve", ""), ("eve", ""),
    ("i", ""), ("in", ""), ("it", ""), ("ës", ""), ("ën", ""), ("ja", "j"), ("ut", ""), ("un", ""),
    ("a", ""), ("at", ""), ("ët", ""), ("et", ""), ("ja", ""), ("en", ""), ("es", ""),
    ("gu", "g"), ("ku", "k"), ("hu", "h"),
)  # fmt: skip
# Masculine nouns in a stressed -i or -u take -r- before the definite endings (kufi →
# kufiri, kufirin, kufirit; dru → druri; gju → gjuri): the stem with -r.
_SQ_R_STEMS = (("i", "ir"), ("u", "ur"))
# Plural stems of masculine nouns, from the term as written only: -ull → -uj (artikull →
# artikuj, titull → tituj, popull → popuj) and a final -k turned -q before the plural -e
# (disk → disqe, disqesh; park → parqe); not a feminine -kë/-ke (pikë → pika, no piq-);
# and back, a term given in the -uj plural: artikuj, artikujt → artikull (artikulli,
# artikullin).
_SQ_PLURAL_STEMS = (("ull", "uj"), ("k", "q"), ("uj", "ull"), ("ujt", "ull"))
# A term given in the -qe plural of a masculine -k noun: its singular's forms, the -u
# declension (blloqe → bllok, blloku, bllokun, bllokut; see `Inflection.lemma_forms`).
# A term that is a verb of the -oj class in the present's third person (MediaWiki Content
# Translation's missing, mungon, it is missing): the verb's other forms, present, past,
# imperative, subjunctive, passive and participle (mungojnë, they are missing; të munguar,
# missed), the dictionary form first; a noun in -on gets no words so (buton → butoj,
# butojnë: a noun's verb keeps its -on-, telefon → telefonoj), and one in -ion, most of
# them (aplikacion, version), gets none at all: its probe (`target_match._probe`) stays
# as long as it was.
_SQ_VERB_FORMS = (
    "oj", "on", "ojmë", "oni", "ojnë", "onte", "onin", "oi", "uan", "o", "ojë", "ohet", "ohen",
    "uar", "uara",
)  # fmt: skip
_SQ_LEMMA_FORMS = (
    ("qe", "k", ("", "u", "un", "ut")),
    ("ion", "ion", ("",)),  # (the first that fits decides: the term itself)
    ("on", "", _SQ_VERB_FORMS),
)
# A feminine noun in a stressed -i given in its definite genitive, dative or ablative -së
# (LibreOffice's asset pasurisë, kategorisë, shtëpisë): the lemma in -i (pasuri, pasurie,
# pasuria); and any noun in the genitive plural -ve (përdoruesve, of the users →
# përdorues, përdoruesi). Not its definite accusative -në, definite plural -të nor the
# ablative plural -sh (kategorinë, kategoritë, kategorish): many lemmas end so, makinë,
# shinë (a rail, no shi, rain: shiu), dritë (light: no "drive"), qiparish (a cypress: no
# qipari). From the term as written only.
_SQ_LEMMA_GENITIVES = (("isë", "i"), ("ve", ""))
# A feminine noun in -je given in its definite -ja (Thunderbird's support përkrahja →
# përkrahje): the lemma, whose verb the noun's verb data make (përkrah, përkrahni:
# "Support Thunderbird" as Përkrahni Thunderbird-in; see `Inflection.verbs`). Its forms
# add no word to the stem's (përkrah-jes, përkrah-jet); a noun in -e or -ë gets a lemma
# in -je that no word has (faqja → faqje, shenja → shenje).
_SQ_LEMMA_JE = (("ja", "je"),)


# Verbs on a noun's stem: nouns in -im come from verbs in -oj (ndryshim, change ←
# ndryshoj: imperative ndrysho, ndryshoni, ndryshoje; ndryshon, ndryshohet, ndryshuar);
# nouns in -je from verbs on the bare stem (cytje, pounce ← cyt: cyt, cytni, cytur);
# feminine nouns in -e, -ë from verbs in -oj on their stem (kopje, copy → kopjo, kopjoni;
# bisedë, chat → bisedoni; punë → puno);
# a noun that is the verb's stem itself takes -oj's forms (dokument → dokumentoni).
# Their past participles (ndryshuar, përkthyer, cytur) render the noun anywhere: "the
# translation message" as "mesazhi i përkthyer", the translated message (verbal.py); as
# adjectives they agree, with -a in the feminine plural (NewPipe's "Video download folder"
# as "Dosja e videove të shkarkuara", the folder of the downloaded videos).
_SQ_OJ = (
    "o", "oni", "oje", "ojeni", "ojë", "oj", "on", "ojmë", "ojnë", "ohet", "ohen", "uar", "uara",
)  # fmt: skip
_SQ_AGREEING = ("uara", "ura", "yera")
# Relational adjectives in -or, -ar on a noun's stem (javë → javor, javore; familje →
# familjar, familjare, familjarët), -ësor on a noun in -ë (gjuhë → gjuhësor: "language pack"
# as paketë gjuhësore) and -ual on a borrowed one (tekst → tekstual: "text string" as varg
# tekstual), and their gender, number and case endings.
_SQ_ADJECTIVES = (
    ("or", "ar", "ësor", "ual"),
    ("", "e", "ë", "i", "in", "it", "ja", "en", "es", "et", "ët", "eve", "ëve", "ve"),
)
# Suffixes that take only some nouns: (how the term must end, the shortest stem). -ësor is
# made on a noun in -ë (gjuhë → gjuhësor), -ual on a borrowed stem of five letters or more
# (tekst → tekstual): not akt → aktual (current) nor grad → gradual, other words (review of
# 462a29d). Every other suffix: any one-word term, a stem of three letters or more.
ADJECTIVE_BASES: dict[str, tuple[str, int]] = {"ësor": ("ë", 3), "ual": ("", 5)}
_SQ_VERBS = (
    ("im", (*_SQ_OJ, "yer", "yera")),  # (-im nouns of -ej verbs: përkthim → përkthyer)
    ("je", ("", "ni", "ur", "ura", "ja", "jani", "ë")),
    ("e", _SQ_OJ),
    ("ë", _SQ_OJ),
    ("", ("oni", "oje", "ojeni", "ohet", "ohen", "uar", "uara")),
)


@cache
def SQ() -> Inflection:
    """Albanian: plural and case endings, final vowels, fleeting ë."""
    return Inflection(
        suffixes=_combine(_SQ_PLURAL, _SQ_CASE) | frozenset(_SQ_JE),
        plural_marks=_SQ_PLURAL_MARKS,
        final_vowels="ëe",
        fleeting=("ë",),
        fleeting_before="rlmnj",
        replacements=_SQ_LEMMA_ENDINGS + _SQ_R_STEMS,
        lemma_endings=_SQ_PLURAL_STEMS + _SQ_LEMMA_GENITIVES + _SQ_LEMMA_JE,
        lemma_forms=_SQ_LEMMA_FORMS,
        connectors=frozenset({"i", "e", "të", "së", "ë", "t"}),
        irregular=irregular_stems("sq"),
        min_stem=2,
        compounds=True,
        compound_head=3,
        # native prefixes, and the Latin ones of borrowed words: kon-tekst (context) is no
        # compound of tekst, dis-pozicion of pozicion, pro-fil of file, sipër-faqe (a surface)
        # of faqe (a page), ndër-faqe (an interface) neither
        prefixes=frozenset(
            {"mos", "pa", "ç", "sh", "zh", "ri", "për", "nën", "mbi", "para", "kundër", "jo"}
            | {"sipër", "ndër"}
            | {"kon", "kom", "dis", "pre", "pro", "re", "de", "sub", "trans", "inter"}
        ),
        verbs=_SQ_VERBS,
        participles=("uar", "ur", "yer", *_SQ_AGREEING),
        agreeing=_SQ_AGREEING,
        adjectives=_SQ_ADJECTIVES,
        lemma_irregular=True,
        irregular_definite=("i", "in", "it", "u", "un", "ut"),
        cut_marks=".",
        negative=(("pa", "", ""), ("mos", "", ""), ("jo", "", "")),
    )


# --- Georgian -----------------------------------------------------------------
# Nominative -ი on consonant stems; plural -ებ-; case endings; postpositions
# glued to the case ending (-ისთვის, -ზე, -ში, -სთან); then the particles -ც
# ("also") and -ა (emphatic / "is").
# Relational adjectives of a noun (ფაილი → ფაილური სისტემა, ეკრანი → ეკრანული) and
# the "having" adjective in -იან (სრულეკრანიანი, full-screen).
_KA_DERIVED = ["", "ურ", "ულ", "იან"]
# ... also on the plural stem (GCompris' სიტყვებიანი, with words: "Full word image set"),
# with an adjective's few endings only: `Endings`' extra ones, not a sixth derived ending
# (which would take every case, postposition and particle after it).
_KA_PLURAL_HAVING = tuple(
    "ებიან" + end
    for end in ("ი", "ის", "ს", "მა", "ით", "ად", "ო", "ები", "ებს", "ების", "ია", "იც")
)
_KA_PLURAL = ["", "ებ", "ნ", "თ"]
_KA_CASE = ["", "ი", "ის", "ს", "მა", "მ", "ით", "თ", "ად", "დ", "ო", "ვ", "ისა", "ითა", "ადა"]
_KA_POST = [
    "", "ზე", "ში", "თან", "თვის", "გან", "კენ", "დან", "მდე", "ებრ", "ვით", "ივით",
    "თანაა", "ზეა", "შია", "ისას", "აკენ", "აგან", "ათვის", "ადმი", "ამდე",
    "თვისა",  # the long form, before the particle -ა: ფაილებისთვისაა
    "დანაა",  # the ablative before the particle -ა as თანაა: მოწყობილობიდანაა (is from)
    # the emphatic particle -ვე (right, the very) on a postposition (-თან takes -ა- before it
    # or not): ხაზშივე (right in the line), პროგრამიდანვე (from the program itself),
    # დასრულებისთანავე (as soon as it ends), ბრაუზერშივეა (is right in the browser). Not
    # on a bare stem, where no noun takes it (მერ-ვე is მერვე, eighth: no form of მერი)
    "შივე", "ზევე", "დანვე", "თანვე", "თანავე",
    # the likeness adjectives on the genitive: დასტისებრი (folder-like), პანელისმაგვარი
    "ებრი", "მაგვარი", "მაგვარ",
]  # fmt: skip
_KA_PARTICLE = ["", "ც", "აც", "ა", "ია"]
# Lemmas written in an inflected form (მონაცემები, მონაცემთა, მომხმარებლის) reduce to
# their stem; a genitive -ის may have cut a final -ა or -ე (საქაღალდის → საქაღალდე,
# გამჭვირვალობის → გამჭვირვალობა). Only on the word as written: გარსი less its -ი is
# no dative გარ-ს.
_KA_LEMMA_ENDINGS = (
    ("ები", ""), ("ების", ""), ("ის", ""), ("ის", "ა"), ("ის", "ე"), ("ს", ""), ("თა", ""),
    # the plural marker -ებ- before another case (უჯრებს, dative plural → უჯრ-ა, უჯრის)
    ("ებს", ""), ("ებმა", ""), ("ებით", ""), ("ებად", ""), ("ებზე", ""), ("ებში", ""),
    # the ablative (აპლიკაციიდან, from the application → აპლიკაცი-ა, აპლიკაცი-ის)
    ("იდან", ""),
    # a vowel stem before the postpositions -ზე, -ში (findutils' სისტემაზე, on the system
    # → სისტემა, სისტემას, სისტემების)
    ("აზე", "ა"), ("აში", "ა"), ("ეზე", "ე"), ("ეში", "ე"),
    # a participle in -ებული said by its verbal noun (KMail's attachment მიმაგრებულ, the
    # attached → მიმაგრება, attaching, მიმაგრების)
    ("ებული", "ება"), ("ებულ", "ება"),
    # the plural stem without a case ending (Kajongg's rule წესებ- → წეს-ი, წესში)
    ("ებ", ""),
    # the instrumental and the adverbial (Orca's umlaut უმლაუტით, with an umlaut → უმლაუტი;
    # ფაილად, as a file), and the postposition -თვის (for) on the genitive (GeoNode's field
    # ველისთვის, for the field → ველი, ველები): a Georgian noun's lemma ends in a vowel
    ("ით", ""), ("ად", ""), ("ისთვის", ""), ("ისთვის", "ა"), ("ისთვის", "ე"),
    # ... of a stem in -ა or -ე, which drops its vowel there as before the genitive's -ის
    # (ენით, with the language → ენა, ენას, ენაზე; საქაღალდით → საქაღალდე)
    ("ით", "ა"), ("ით", "ე"), ("ად", "ა"), ("ად", "ე"),
)  # fmt: skip


# The past participle of a verbal noun renders the noun anywhere (Sphinx's "no output" as
# გამოტანილი არაფერი, nothing output: გამოტანა → გამოტანილი), as in Albanian and Armenian:
# -ება → -ებული (დაყენება → დაყენებული), -ვა and -ობა → -ული (შენახვა → შენახული,
# არსებობა → არსებული; a verb term in the present too, არსებობს → არსებული: Krusader's
# "files that exist" as არსებული ფაილები), another verbal noun in -ა → -ილი (გახსნა →
# გახსნილი, წაშლა → წაშლილი); with the adjective's case, plural and postposition endings
# (არსებულ ფაილებს, გახსნილში). Not where the English has a participle of the noun's own
# verb too (verbal.py).
_KA_PARTICIPLE_ENDS = (
    "ი", "", "ს", "მა", "ის", "ით", "ად", "ო", "იც", "საც", "ზე", "ში", "ისთვის",
    "ები", "ებს", "ების", "ებით", "ებმა", "ებად", "ებზე", "ებში", "ებისთვის", "ებიც",
)  # fmt: skip
_KA_PARTICIPLES = tuple(p + end for p in ("ულ", "ილ") for end in _KA_PARTICIPLE_ENDS)
_KA_UL = tuple("ულ" + end for end in _KA_PARTICIPLE_ENDS)
_KA_VERBS = (
    ("ება", tuple("ებულ" + end for end in _KA_PARTICIPLE_ENDS)),
    ("ვა", _KA_UL),
    ("ობა", _KA_UL),
    ("ობს", _KA_UL),
    ("ა", tuple("ილ" + end for end in _KA_PARTICIPLE_ENDS)),
)


# A term given in the genitive whose stem dropped a vowel: the vowel its lemma has (see
# `Inflection.restored`); and a lemma in -ა keeps its vowel (ფანჯრის → ფანჯარა, ფანჯარაში,
# into the window; ქვეყნის → ქვეყანა).
_KA_RESTORED_GENITIVE = (
    ("ებლის", "ებელ"), ("ნის", "ან"), ("რის", "არ"), ("ვის", "ავ"), ("ნის", "ანა"), ("რის", "არა"),
    ("მის", "ამ"),  # ალმის, ალმები → ალამი (a flag: libksieve's ალმები)
)  # fmt: skip
# The plural forms of a term as written that no singular has (`Inflection.plural`): the
# nominative, dative, ergative and the postpositions on the dative (not -ების, -ებით, -ებად,
# -ებ-: also forms of the verbal nouns in -ება: საკუთრების, of property, is no plural of
# a საკუთარა); and the restored stems of a plural (ფანჯრები → ფანჯარა, ქვეყნები →
# ქვეყანა, მომხმარებლები → მომხმარებელი).
_KA_PLURAL_TERMS = ("ები", "ებს", "ებმა", "ებზე", "ებში", "ებთან")
_KA_RESTORED = _KA_RESTORED_GENITIVE + tuple(
    (old[: -len("ის")] + ending, new)
    for old, new in _KA_RESTORED_GENITIVE
    for ending in (*_KA_PLURAL_TERMS, "ით", "ად", "ისთვის")  # (ნიშნით → ნიშან-ი)
)
# A term given with a postposition on a consonant stem: the stem (Akonadi's ღილაკზე, on the
# button → ღილაკი, ღილაკები; Spectacle's ბუფერში, in the clipboard → ბუფერი). After a
# consonant only: a vowel there is the lemma's own (ანგარიში, account; ნიმუში, template)
# or a vowel stem's, kept (სისტემაზე → სისტემა: `_KA_LEMMA_ENDINGS`).
_KA_RESTORED += (("ზე", ""), ("ში", ""))
# ... and the ergative -მა of an agent noun in -ებელი (მომხმარებელმა, the user did →
# მომხმარებელი, მომხმარებლის), as its genitive -ებლის is read. Not -მა after any consonant:
# lemmas end so (ფორმა, გეგმა, and the verbal nouns ჩასმა, შერწყმა, მიბმა: no ჩას-ი); a
# listed stem's ergative (ნომერმა) is read by its data (`target_match._alternating_lemma`).
# A term's only (`restored`): `learn`'s headwords keep the nominative (მომხმარებელი).
_KA_RESTORED += (("ებელმა", "ებელ"),)


# The relational adjective of a noun in სა-…-ო, of what is for or of the thing: ფოსტა, mail
# → საფოსტო (საფოსტო სერვერი, a mail server; საფოსტო პროგრამა, a mail program), ქალაქი →
# საქალაქო, ბანკი → საბანკო; invariable before its noun; and in სა-…-ე, of what holds the
# thing: ნაგავი, trash → სანაგვე (სანაგვე საქაღალდე, the trash folder), as ფერფლი →
# საფერფლე (an ashtray), მარილი → სამარილე. Only where the English noun modifies the next
# word (verbal.py), as the Albanian and Armenian adjectives.
_KA_ADJECTIVES = (("ო", "ე"), ("",), ("სა",))


# The preverbs of Georgian verbs, and the marks between a preverb and a verb's root: a
# person prefix (მ-, გ-, გვ-, ვ-, ჰ-, ს-) and a version vowel (ი-, ა-, ე-, უ-), each or
# both (მო-გ-ი-წვი-ათ, he invited you; მო-ი-თხოვ-ეთ, request!); and the endings of a
# finite verb after its root: a command's or a wish's, the imperative and the optative
# (-ეთ, -ოთ, -ოს, -ონ: request!, that you request), for an English imperative or
# infinitive; a statement's, the present's and future's (-ს, -ებს, -ავს, -ობს …), the
# aorist's -ეს, the imperfect's and conjunctive's (-ებდა, -ოდა, -ებდეს, -ოდეს), for an
# English verb with its subject ("is requesting", "%s posts"). Not -ა, -ე, -ო, -ი, -ის,
# -ით: a noun ends so too.
_KA_PREVERBS = frozenset(
    {"ა", "ამო", "გა", "გადა", "გადმო", "გამო", "და", "მი", "მიმო", "მო", "შე", "შემო"}
    | {"ჩა", "ჩამო", "წა", "წამო", "წარ", "აღ", "გან"}
)
_KA_MARKS = frozenset(
    person + version
    for person in ("", "მ", "გ", "გვ", "ვ", "ჰ", "ს")
    for version in ("", "ი", "ა", "ე", "უ")
)
_KA_COMMANDS = frozenset({"ეთ", "ოთ", "ოს", "ონ"})
_KA_STATEMENTS = frozenset(
    {"ს", "თ", "ენ", "ებს", "ებთ", "ებენ", "ავს", "ავთ", "ავენ", "ამს", "ამთ", "ობს", "ობთ"}
    | {"ობენ", "ეს", "ებდა", "ებდეს", "ოდა", "ოდეს"}
)


@cache
def KA() -> Inflection:
    """Georgian: plural, case, postposition and particle endings, truncated stems."""
    return Inflection(
        suffixes=Endings(
            (_KA_DERIVED, _KA_PLURAL, _KA_CASE, _KA_POST, _KA_PARTICLE),
            tail=2,  # a postposition and a particle: 130 tails after 240 heads
            extra=frozenset(_KA_PLURAL_HAVING),
        ),
        final_vowels="იაე",
        fleeting=("ა", "ე", "ო"),
        fleeting_before="ლრნმ",
        min_stem=2,
        lemma_endings=_KA_LEMMA_ENDINGS,
        irregular=irregular_stems("ka"),
        compounds=True,
        first_parts="ი",
        restored=_KA_RESTORED,
        # the a-stems drop their -ა before the plural -ებ- (უჯრა → უჯრები) as the consonant
        # stems their -ი (ფაილი → ფაილები); the e-, o- and u-stems keep their vowel
        plural=(_KA_PLURAL_TERMS, "ა"),
        # preverbs and the სა-/მე-/უ- of derived nouns and adjectives
        prefixes=frozenset(
            {"გადა", "გამო", "შემო", "წამო", "ჩამო", "ამო", "გა", "შე", "და", "ჩა", "წა"}
            | {"მო", "მი", "წარ", "ა", "უ", "სა", "მე", "ნა", "გარდა", "მიმო"}
        ),
        # -ება/-ებული (verbal noun, participle), -ირება (of verbs borrowed with -ir-),
        # სა-…-ო (adjective), -ატორი (agent noun)
        borrowed=(frozenset({"", "და", "გადა", "სა"}), ("ებ", "ირ", "ატორ", "ო")),
        everything=("ყველაფერ", "ყველაფრ"),
        cut_marks=".-",
        cut_before=("იერ", "ურ", "ულ", "ოვან", "იან", "ეულ"),
        # the privative უ-…-ო of a noun (უსახელო, nameless), არა- of an adjective (არასწორი)
        negative=(("უ", "ო", "no"), ("არა", "", "not")),
        verbs=_KA_VERBS,
        participles=_KA_PARTICIPLES,
        adjectives=_KA_ADJECTIVES,
        purpose=(
            frozenset({"მო", "მი", "გა", "შე", "და", "ჩა", "წა", "ა", "გადა", "გამო", "შემო"})
            | frozenset({"წამო", "ჩამო", "ამო"}),
            "სა",
        ),
        agent_nouns=(("მა", "მ"), "ებელ", "ებ"),
        # the perfective და-, and the present participle's endings: მ-…-ავ-ი, მ-…-ელ-ი
        # (-ებელ-ი), მ-…-არ-ი, მ-…-ალ-ი
        bare_participles=(("და",), ("ავი", "ელი", "არი", "ალი")),
        abstract=("ობა", ("იან", "ულ", "ურ")),
        identifier=("ნომერ", "ნომრ"),
        finite=(("ება", "ვა", "ნა", "ა"), _KA_PREVERBS, _KA_MARKS, _KA_COMMANDS, _KA_STATEMENTS),
    )


# --- Armenian -----------------------------------------------------------------
# Definite article -ը/-ն, possessive -ս/-դ, cases -ի -ին -ից -ով -ում -ան -ամբ,
# plural -եր/-ներ; genitive -ության/-ման come from the replacements below.
_HY_PLURAL = ["", "եր", "ներ"]
_HY_CASE = [
    "", "ը", "ն", "ս", "դ", "ի", "ին", "ից", "ով", "ում", "ու", "ան", "անը", "անն", "ամբ",
    "իս", "իդ", "ային", "յի", "յին", "յից", "յով", "յում", "յան", "յը", "ն", "ը", "ի",
    # the u-declension (գինի → գինու, գինուց) and the oj-declension (կին → կնոջ)
    "ուն", "ունը", "ունն", "ուց", "ոջ", "ոջը", "ոջն", "ոջից", "ոջով",
    # a possessive -ս/-դ after a case ending (նկարումդ, in your picture; ֆայլիցս)
    "ումս", "ումդ", "իցս", "իցդ", "ովս", "ովդ", "ինս", "ինդ",
    # the classical spelling's -ութիւն, genitive -ութեան, on the stem -ութ (see HY)
    "իւն", "իւնը", "իւնն", "իւնից", "իւնով", "իւնում", "եան", "եանը", "եանն", "եամբ",
]  # fmt: skip


# The endings a plural in -եր/-ներ takes (a consonant's: not -յի, -ու, -ոջ, -իւն …): a term
# written so is a plural (`Inflection.plural`).
_HY_PLURAL_CASES = (
    "", "ը", "ն", "ս", "դ", "ի", "ին", "ից", "ով", "ում", "իս", "իդ",
    "ումս", "ումդ", "իցս", "իցդ", "ովս", "ովդ", "ինս", "ինդ",
)  # fmt: skip


# A lemma in -ա given with its article -ն (թեման, կոնֆիգուրացիան → -ա), or in a case
# that puts -յ- after its -ա (թեմայի, of the theme → թեմա, թեմաներ); a loanword in -իա
# given with its article also has its adjective in -իոն (կոնֆիգուրացիան → կոնֆիգուրացիոն).
_HY_LEMMA_ENDINGS = (
    ("ան", "ա"), ("այի", "ա"), ("այից", "ա"), ("այով", "ա"), ("այում", "ա"), ("իան", "իոն"),
    # the genitive -ման of a verbal noun in -ում (որոնման, of the search → որոնում,
    # որոնումը; կառավարման → կառավարում)
    ("ման", "ում"),
    # a noun given in the instrumental -ով (ֆայլով → ֆայլ), or a verbal noun in -ում in the
    # locative (Lichess's forum ֆորումում → ֆորում, ֆորումի). Not the ablative -ից nor the
    # article on -ու, which end lemmas too (մասնակից, a participant, is no մասնակի, partial;
    # անուն, a name, has no stem անու-); a lemma in -ի with its article: `_HY_LEMMA_FORMS`.
    ("ով", ""), ("ումում", "ում"),
    # a noun in -ու given in its genitive -վի (MediaWiki's language լեզվի → լեզու,
    # լեզուները; կատվի → կատու): the u-stems' genitive, as the replacement ու → վ makes it;
    # and a noun in -իվ, whose ի drops before the genitive's (AOSP Email's account հաշվի →
    # հաշիվ, հաշիվը): the stem that is no word (լեզվի → լեզիվ) adds no word
    ("վի", "ու"), ("վի", "իվ"),
    # ... and in the instrumental -վով, made on the same stem (լեզվով → լեզու; հաշվով → հաշիվ)
    ("վով", "ու"), ("վով", "իվ"),
    # a noun given with its article -ն after a consonant, which the article takes only
    # before a word in a vowel (Discourse's notification ծանուցումն, Android's feature
    # գործառույթն, value արժեքն → ծանուցում, ծանուցումը, ծանուցման): the lemma is the
    # word without it. Not after յ: գույն (a colour), ձայն (a sound), նույն (the same),
    # ողջույն (a greeting), լռելյայն (by default) end in -յն as lemmas.
    *((consonant + "ն", consonant) for consonant in "բգդզթժլխծկհձղճմնշչպջռսվտրցփքֆ"),
)  # fmt: skip
# A lemma in -ի given with its article -ն (Lichess's queen թագուհին): the forms of a noun
# in -ի, its u-declension's among them (թագուհի, թագուհու, թագուհով, թագուհիներ; see
# `Inflection.lemma_forms`), not a stem for any ending: -ին also ends adjectives (վերջին,
# last, is no վերջ, an end, nor վերջում, at the end; առաջին, first, no առաջ, forward).
_HY_LEMMA_FORMS = (
    ("ին", "", (
        "ի", "ին", "իս", "իդ", "ու", "ուն", "ուց", "ով",
        *("իներ" + case for case in ("", "ը", "ն", "ի", "ին", "ից", "ով", "ում")),
    )),
)  # fmt: skip


# Verbs on a noun's stem: verbal nouns in -ում and -ություն (classical -ութիւն) come from
# verbs in -ել (որոնում, search ← որոնել; ընտրություն, selection ← ընտրել), those in
# -ացում/-եցում from verbs in -ացնել/-եցնել (թարմացում ← թարմացնել). The verb's
# infinitive and imperative where English may use the word as a verb ("Search", a keyword
# list), and its past participles in -ած, -ված (classical -ուած) with an article, a case or
# the plural anywhere: "Copy the selection" as Պատճենել ընտրվածը, copy the selected one.
def _hy_verbs() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """Armenian's (noun ending, verb endings) pairs and its participle endings (made only
    when Armenian is asked for: every process imports this module)."""
    taken = ("", "ը", "ն", "ի", "ին", "ից", "ով", "ներ", "ները", "ների", "ներին", "ներից")
    # The past participles with their endings; the noun in -ք on them, what the action
    # made, with its endings (ընտրվածք, the selected part: "print of selection" as
    # ընտրվածքի տպումը); and the subject participles in -ող, -վող before the noun they
    # qualify, with no ending (ընդլայնվող սյուն, an expanding column, for "Expander
    # Column"; թարգմանվող լեզու, the language translated into, for "translation
    # language"): with an ending the word is a noun of its own (օգտագործողը, the user, of
    # օգտագործում, use).
    past = ("ած", "ված", "ուած")
    participles = (
        *(p + end for p in past for end in taken),
        *(p + "ք" + end for p in past for end in taken),
        "ող",
        "վող",
    )
    # the infinitive declines as a noun: որոնելու (for searching: "Words to search for"),
    # որոնելով, որոնելուց, որոնելը, and որոնելիս (while searching)
    declined = ("", "ու", "ով", "ուց", "ը", "իս")
    plain = (*("ել" + end for end in declined), "իր", "եք")
    el = (*plain, *participles)
    verbs = (
        ("ում", el),
        ("ություն", el),
        ("ությ", el),  # (the stem of an -ություն term given in the genitive: -ության)
        ("ութիւն", el),
        ("ութեան", el),
        ("ութ", el),
        ("ացում", _causative("աց", declined, participles)),
        ("եցում", _causative("եց", declined, participles)),
        # the agent noun in -իչ is made on its verb's stem (զտիչ, a filter ← զտել;
        # ցուցադրիչ ← ցուցադրել), and a noun makes its verb in -ել on its stem (լուսանկար,
        # a photo → լուսանկարել; էկրանահան, a screenshot → էկրանահանել; էջանիշ →
        # էջանշել): their infinitive, declined, and imperative, where English may use the
        # word as a verb ("Filter and display", "Take a screenshot"); no participle (it
        # would render the noun anywhere: ձևավորված, designed, is no form, ձև)
        ("իչ", plain),
        ("", plain),
    )
    return verbs, participles


def _causative(
    mark: str, declined: tuple[str, ...], participles: tuple[str, ...]
) -> tuple[str, ...]:
    """The forms of a causative verb in -ացնել/-եցնել (``mark``: աց, եց): its infinitive,
    declined, its imperatives, its past participles on the stem -ացր-/-եցր- and its
    subject participle in -նող."""
    return (
        *(mark + "նել" + end for end in declined),
        mark + "րու",
        mark + "րեք",
        *(mark + "ր" + p for p in participles if p.startswith(("ած", "ված", "ուած"))),
        mark + "նող",  # (the subject participle: թարմացնող, updating)
    )


# Relational adjectives in -ական, -ային on a noun's stem (լեզու → լեզվական, linguistic:
# "Language Features" as Լեզվական առանձնահատկություններ; գրաֆիկա → գրաֆիկական; ցանց →
# ցանցային), as a modifier before its noun (no ending), or standing as a noun with the
# article (-ը, -ն) or the genitive -ի.
_HY_ADJECTIVES = (("ական", "ային"), ("", "ը", "ն", "ի"))


@cache
def HY() -> Inflection:
    """Armenian: plural and case endings, with the -ու/-ի stem changes."""
    verbs, participles = _hy_verbs()
    return Inflection(
        suffixes=_combine(_HY_PLURAL, _HY_CASE),
        # Not ո: a noun in -ո keeps it in every form (կինո, cinema: կինոն, կինոյի,
        # կինոյով; ռադիոյից), and a stem cut from it is another word with endings of its
        # own (կին, a woman: կինը; հետո → հետ, լոգո → լոգը, the catalogs' 142 files hold
        # no form of an -ո word without its ո).
        final_vowels="ըաեի",
        fleeting=("ու", "ի"),
        fleeting_cluster=2,
        # (and a term given in the plural -եր: ծրագրեր, programs → ծրագիր, ծրագիրը)
        syncope=("ի", *("եր" + case for case in _HY_PLURAL_CASES)),
        min_stem=2,
        replacements=(
            ("ություն", "ությ"),  # կայունություն → կայունության
            ("ում", "մ"),  # հաշտեցում → հաշտեցման
            ("ու", "վ"),  # լեզու → լեզվի
            ("իչ", "չ"),
            ("յուն", "յան"),
            ("ների", ""),  # a lemma written in the plural: տվյալների → տվյալ
            ("ներ", ""),
            ("եր", ""),  # նիշեր → նիշ
            ("ության", "ությ"),  # a lemma in the genitive: բովանդակության
            # the same suffix in the classical spelling (Xfce's Armenian catalogs):
            # պատմութիւն, genitive պատմութեան → պատմութ-իւնը, պատմութ-իւնից
            ("ութիւն", "ութ"),
            ("ութեան", "ութ"),
            # the adjective of a loanword in -իա: կոնֆիգուրացիա → կոնֆիգուրացիոն,
            # անիմացիա → անիմացիոն (ինֆորմացիոն, նավիգացիոն)
            ("իա", "իոն"),
        ),
        lemma_endings=_HY_LEMMA_ENDINGS,  # only on the word as written
        lemma_forms=_HY_LEMMA_FORMS,
        # a monosyllable's plural in -եր without its vowel (գիրք → գրքեր, միտք → մտքեր)
        plural=(tuple(marker + case for marker in ("ներ", "եր") for case in _HY_PLURAL_CASES), ""),
        irregular=irregular_stems("hy"),
        # a term given with its article stands for its irregular lemma's stems too
        # (անունը, the name → անուն → անվան; օգտատերը → օգտատիրոջ)
        lemma_irregular=True,
        compounds=True,
        prefixes=frozenset({"ան", "ապ", "դժ", "չ", "վեր", "հակա", "նախա", "ենթա", "տ", "գեր"}),
        # ... and գեր- (over-, super-: գերհամակարգիչ, a supercomputer; գերբնական,
        # supernatural) for "super": Joomla's "Super User" as Գերօգտվող holds the term
        # օգտվող (user). Only beside "super" + that noun: գեր- also starts words of their
        # own (գերազանց, excellent; գերակա, prevailing), which stay in ``prefixes``.
        kind_prefixes=(("ենթա", ("child",)), ("գեր", ("super",))),
        verbs=verbs,
        participles=participles,
        infinitives=("ել", "ալ"),
        attributive=("ող",),
        # (the subject participle -ող, -վող, the one who does it, is no verb in a command's
        # place either: PKP's "Reviewer" said Գրախոսող, beside the term գրախոս, stays
        # reported)
        agreeing=("ող",),
        agents=tuple("իչ" + end for end in ("", "ը", "ն", "ի", "ից", "ով", "ներ", "ները", "ների")),
        agent_actions=("ման",),
        adjectives=_HY_ADJECTIVES,
        linked_parts="ա",
        derived=("ում", "ման", "մամբ"),
        action_nouns=tuple(verb + end for verb in ("ավոր", "աց") for end in ("ում", "ման", "մամբ")),
        reduced=("ույ", "ու", "աի"),
        abbreviation_mark=".",
        negative=(("ան", "", ""), ("ապ", "", ""), ("դժ", "", ""), ("չ", "", "")),
        # բոլոր (all) standing as a noun, with an article or a case (բոլորը, all of them;
        # բոլորի, of all), and ամբողջը (the whole): "All Files" as Բոլորը, "Mute All
        # Tracks" as "turn off the sound of all". Not the bare determiner (բոլոր ֆայլերը,
        # all the files), which has its noun beside it, nor բոլորովին (entirely).
        everything=("բոլորը", "բոլորն", "բոլորի", "բոլորից", "ամբողջը", "ամբողջն"),
        # A participle before its noun takes no ending (ընտրված տեքստը, the selected text):
        # with an article, a case or the plural it stands as a noun, its noun left to the
        # context (Ջնջել ընտրվածը, delete the selected one; Բոլոր նշվածները կջնջվեն, all the
        # marked ones will be deleted), as a translator says "the selected text/item".
        selected=tuple(
            participle + ending
            for participle in ("ընտրված", "նշված", "ընտրուած", "նշուած")
            for ending in ("ը", "ն", "ի", "ից", "ին", "ով", "ում", "ներ")
        ),
        # email's senses (senses.py): a message is a letter (էլ. նամակ), the medium the
        # electronic mail (էլ. փոստով, by email; bare փոստով is by post), the address the
        # e-address or the e-mail's (էլ. հասցե, էլեկտրոնային հասցե, էլ. փոստի հասցե;
        # classical հասցէ): the email said before the address, as the English says it (the
        # address alone, or փոստային հասցե, the postal address, says no email)
        sense_words=(
            ("email", "message", ("նամակ",)),
            ("email", "medium", ("էլ փոստ", "էլեկտրոնային փոստ", "էլփոստ")),
            (
                "email",
                "address",
                tuple(
                    f"{email} {address}"
                    for email in ("էլ", "էլեկտրոնային", "փոստի", "էլփոստի")
                    for address in ("հասցե", "հասցէ")
                ),
            ),
        ),
    )


# --- South Slavic, Latin script (Serbian, Croatian, Bosnian, Montenegrin) -----
_SH_CASE = [
    "", "a", "e", "i", "o", "u", "om", "em", "ama", "ima", "ov", "ev", "ova", "eva",
    "ovi", "evi", "ove", "eve", "ovima", "evima", "og", "oga", "ome", "omu", "im",
    "ih", "oj", "en", "na", "no", "ni", "ne", "nom", "nog", "nih", "nim",
]  # fmt: skip


@cache
def SH_LATN() -> Inflection:
    """Serbian, Croatian, Bosnian and Montenegrin in Latin script: case endings."""
    return Inflection(
        suffixes=frozenset(_SH_CASE),
        final_vowels="aeiou",
        fleeting=("a",),
        fleeting_before="kcgl",
        irregular=irregular_stems("sh-Latn"),
    )


_LAT_TO_CYR = str.maketrans(
    {
        "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "g": "г", "h": "х", "i": "и",
        "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "r": "р", "s": "с",
        "t": "т", "u": "у", "v": "в", "z": "з",
    }
)  # fmt: skip


@cache
def SH_CYRL() -> Inflection:
    """Serbian and Montenegrin in Cyrillic script: the Latin case endings transliterated."""
    return Inflection(
        suffixes=frozenset(s.translate(_LAT_TO_CYR) for s in _SH_CASE),
        final_vowels="аеиоу",
        fleeting=("а",),
        fleeting_before="кцгл",
        irregular=irregular_stems("sh-Cyrl"),
    )


# --- Macedonian: no cases, but definite articles and plurals ------------------
@cache
def MK() -> Inflection:
    """Macedonian: plural endings and postposed articles."""
    return Inflection(
        suffixes=_combine(
            ["", "и", "ови", "еви", "а", "ја", "иња", "ња"],
            ["", "от", "та", "то", "те", "ов", "ва", "во", "ве", "он", "на", "но", "не", "ите"],
        ),
        final_vowels="аеиоу",
        fleeting=("е",),
        fleeting_before="кцрл",
    )


# --- Russian: noun and adjective endings ------------------------------------------
@cache
def RU() -> Inflection:
    """Russian: noun case endings."""
    return Inflection(
        suffixes=frozenset(
            [
                "",
                "а",
                "я",
                "у",
                "ю",
                "ом",
                "ем",
                "ём",
                "ой",
                "ей",
                "ою",
                "ею",
                "е",
                "и",
                "ы",
                "ов",
                "ев",
                "ёв",
                "ам",
                "ям",
                "ами",
                "ями",
                "ах",
                "ях",
                "ь",
                "ью",
                "ий",
                "ый",
                "ая",
                "яя",
                "ое",
                "ее",
                "ые",
                "ие",
                "ого",
                "его",
                "ому",
                "ему",
                "ым",
                "им",
                "ую",
                "юю",
                "ых",
                "их",
                "ыми",
                "ими",
                "ии",
                "ия",
                "ию",
                "иям",
                "иями",
                "иях",
                "ий",
            ]
        ),
        final_vowels="аяеиоуыьйю",
        fleeting=(
            "о",
            "е",
            "ё",
        ),
        fleeting_before="кцл",
        replacements=(("ие", "и"), ("ия", "и"), ("ый", ""), ("ий", ""), ("ой", ""), ("ая", "")),
    )


# --- Azerbaijani: agglutinative, with vowel harmony -------------------------------
_AZ_PLURAL = ["", "lar", "lər"]
_AZ_POSS = ["", "ı", "i", "u", "ü", "ım", "im", "um", "üm", "ımız", "imiz", "umuz", "ümüz",
            "sı", "si", "su", "sü", "ları", "ləri"]  # fmt: skip
_AZ_CASE = [
    "", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "a", "ə", "ya", "yə", "na",
    "nə", "ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "yı", "yi", "yu", "yü", "da", "də",
    "nda", "ndə", "dan", "dən", "ndan", "ndən", "la", "lə", "yla", "ylə", "dır", "dir",
]  # fmt: skip


@cache
def AZ() -> Inflection:
    """Azerbaijani: plural, possessive and case suffixes (every vowel-harmony variant)."""
    return Inflection(
        suffixes=_combine(_AZ_PLURAL, _AZ_POSS, _AZ_CASE),
        final_vowels="",
        fleeting=(
            "ı",
            "i",
            "u",
            "ü",
        ),
        fleeting_before="",
        min_stem=5,
        # a final k/q voices before a vowel: barışıq → barışığın, kömək → köməyi
        replacements=(("q", "ğ"), ("k", "y")),
    )


GENERIC = Inflection(
    suffixes=frozenset({""}),
    final_vowels="aeiouyëäöüåæøəıаеиоуыэюяёіїєაეიოუաեէըիոօ",
    open_suffix=3,
)

# Tag → the function that builds its table (only the languages in use are built).
LANGUAGES: dict[str, Callable[[], Inflection]] = {
    "sq": SQ,
    "ka": KA,
    "hy": HY,
    "sr-Latn": SH_LATN,
    "sr-Cyrl": SH_CYRL,
    "sr": SH_CYRL,
    "hr": SH_LATN,
    "bs": SH_LATN,
    "bs-Latn": SH_LATN,
    "cnr": SH_LATN,
    "cnr-Latn": SH_LATN,
    "mk": MK,
    "ru": RU,
    "az": AZ,
    "az-Latn": AZ,
}

# Bumped whenever the tables above change, so that compiled caches are rebuilt.
DATA_VERSION = 88


def for_language(tag: str) -> Inflection:
    """The data for a BCP 47 tag: exact, then language + script, then language, then generic."""
    if tag in LANGUAGES:
        return LANGUAGES[tag]()
    parts = tag.split("-")
    for size in range(len(parts) - 1, 0, -1):
        candidate = "-".join(parts[:size])
        if candidate in LANGUAGES:
            return LANGUAGES[candidate]()
    return GENERIC
