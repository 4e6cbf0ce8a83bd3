"""The `check-po` engine: catalogs in, findings out.

For each translated entry: the glossary's source terms found in the msgid
(source_match), then, per term, the translation must contain an allowed
target term in some inflected form (MV601; MV603 for a do-not-translate
name), and no deprecated or forbidden one (MV602). Per file, one concept
rendered with different terms is reported once (MV604). A file that cannot
be read is one finding (MV600) and the other files are still checked; so is
a file whose language cannot be told or is not in the glossary (MV605). A file
written in another spelling of its language (Albanian without ë, ç; Armenian in the
classical orthography) is said so once (MV606) and matched so (spelling.py).
"""

from __future__ import annotations

import bisect
import heapq
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, contains, eq, itemgetter, le, lt
from pathlib import Path

from moci_vocab.checkpo import RULES, SEVERITY, rules  # noqa: F401 (run's names)
from moci_vocab.checkpo.compile import Compiled, Rule, load_compiled, quote_list, term_of_plain
from moci_vocab.checkpo.inflection import for_language
from moci_vocab.checkpo.reader import read_catalog
from moci_vocab.checkpo.spelling import (
    folded_texts,
    notice,
    respelled,
    respelled_inflection,
)
from moci_vocab.checkpo.suppress import IGNORE_ALL, ignore_marks, read_baseline, suppress_known
from moci_vocab.checkpo.target_match import (
    LIKENESS_CUTOFF,
    TargetMatcher,
    Translation,
    candidate_choices,
    closest_search,
    folded_words,
    near_miss,
    phrase_at,
    prepared,
    surface_words,
    tokens,
)
from moci_vocab.errors import MociError, display_path
from moci_vocab.findings import (
    SHOWN_CHARS,
    SHOWN_COPIES,
    SHOWN_PREFIX,
    Finding,
    JsonBlock,
    TextBlock,
    shown_text,
)
from moci_vocab.languages import language_from_filename
from moci_vocab.po.catalog import Catalog
from moci_vocab.records import Record
from moci_vocab.report import (
    JsonTemplate,
    hole,
    json_block,
    json_encoder,
    json_utf8,
    json_value,
)
from moci_vocab.safetext import json_safe
from moci_vocab.textnorm import nfc

# Where a term of an entry with plural forms was found (bits).
_SINGULAR, _PLURAL, _BOTH = 1, 2, 3
# Entries checked in one go (their source terms found, their translations prepared):
# a catalog of any size is checked in chunks of this many, so that the memory a check
# needs besides the catalog does not grow with it.
CHUNK = 8192


# What a msgid holds where it may negate a word (negation.py): "no" is in "not", "non",
# "nor", "cannot"; the rest are "n't", "never", "without" (in UTF-8: looked for in the
# msgids' bytes).
_NEGATION_SIGNS = tuple(sign.encode() for sign in ("no", "n't", "n\u2019t", "never", "without"))


class Options(Record):
    """What a check-po run is asked for (the CLI's options)."""

    _fields = ("lang", "include_fuzzy", "include_untranslated", "baseline")

    def __init__(
        self,
        lang: str | None = None,
        include_fuzzy: bool = False,
        include_untranslated: bool = False,
        baseline: Path | None = None,
    ) -> None:
        self.lang = lang
        self.include_fuzzy = include_fuzzy
        self.include_untranslated = include_untranslated
        # Findings in this baseline file are reported as suppressed ("baseline").
        self.baseline = baseline


class Result(Record):
    """What a check-po run found, and how much it checked."""

    _fields = ("findings", "files", "entries", "terms")

    def __init__(
        self,
        findings: list[Finding] | None = None,
        files: int = 0,
        entries: int = 0,
        terms: int = 0,
    ) -> None:
        self.findings: list[Finding] = [] if findings is None else findings
        self.files = files
        self.entries = entries  # entries checked
        self.terms = terms  # source-term occurrences checked

    def summary(self) -> dict[str, int]:
        """The counts of files, entries and terms checked."""
        return {"files": self.files, "entries": self.entries, "terms": self.terms}

    def add_counts(self, other: Result) -> None:
        """Add another result's counts (not its findings) to these."""
        self.files += other.files
        self.entries += other.entries
        self.terms += other.terms


# Entries whose translation is the translators' names and addresses, not a translation of
# the msgid: GNOME's "translator-credits", KDE's "Your names" / "Your emails" (msgctxt
# NAME OF TRANSLATORS / EMAIL OF TRANSLATORS). A glossary's *name* is not in them.
_CREDITS = {
    "translator-credits": None,
    "translator_credits": None,
    "Your names": "NAME OF TRANSLATORS",
    "Your emails": "EMAIL OF TRANSLATORS",
}
_CREDITS_SIZES = frozenset(map(len, _CREDITS))
# The English words of those msgids (and their singulars): only a missed concept with one
# of them as its English term can be missing in a credits entry.
_CREDITS_WORDS = frozenset(
    {"translator", "translators", "credit", "credits", "your", "name", "names"}
    | {"email", "emails", "e-mail", "e-mails"}
)


def _is_credits(msgid: str, msgctxt: str | None) -> bool:
    """Whether an entry is the translators' credits (`_CREDITS`)."""
    return msgid in _CREDITS and _CREDITS[msgid] in (None, msgctxt)


def check_files(
    root: Path,
    paths: list[Path],
    options: Options,
    glossary_loader=None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> Result:
    """Check every file; problems with one file never stop the others.

    ``progress(done, total)`` hears of each file checked. ``jobs``: how many
    processes may check files at once (0: one per core; see checkpo.parallel,
    which keeps small inputs in this process); the result is the same.
    """
    result = Result()
    result.findings = list(
        stream_findings(root, paths, options, result, glossary_loader, progress, jobs)
    )
    return result


def stream_findings(
    root: Path,
    paths: list[Path],
    options: Options,
    result: Result,
    glossary_loader=None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    json_blocks: bool | str = False,
    keep: list | None = None,
    text_blocks: bool = False,
    stamps_of: Callable[[Path], tuple[str, int] | None] | None = None,
    deliver: Callable[[int, list], object | None] | None = None,
) -> Iterator[Finding | JsonBlock | TextBlock]:
    """`check_files`' findings one at a time, in the report's order, none kept.

    A file's findings are made when the previous file's are written; in this
    process only one entry's findings exist at a time. ``result`` receives the
    counts (files, entries, terms), complete when the stream ends. The findings
    hold only strings, integers, None, lists and dicts (JSON without a float:
    ``report.json_chunks(..., plain=True)``). ``json_blocks``: the stream is for
    `report.json_chunks`, and may hold `JsonBlock`s of many findings written already;
    an error handler's name ("strict", "surrogateescape"): those of this process may be
    UTF-8 bytes, encoded with it, for a caller that writes them to a stream that would
    encode their text so (the same bytes).
    ``keep``: a list that gets what this process loaded to check (its `Checker`s, with the
    compiled glossaries), for a caller that ends the process without freeing them one
    object at a time (several ms per language); by default it is freed as the stream ends.
    With ``keep``, everything alive when the stream ends is frozen (``gc.freeze()``, as
    `check` does): a long-lived caller may call ``gc.unfreeze()`` once it has written.
    ``text_blocks``: the stream is for `report.print_text` writing to a stream that is not
    a terminal; files checked in worker processes come as `TextBlock`s written there.
    ``stamps_of(root)``: the glossary's `layout.fingerprint`, as a caller took it (once,
    for the languages of this run; see `Checker.fingerprint`); by default taken here.
    ``deliver``: where files checked in worker processes send their written findings as
    soon as each is checked (`parallel.DELIVER`); by default they come with its result.
    """
    from moci_vocab.cache import gc_paused

    # The check allocates hundreds of thousands of small objects (entries, tuples)
    # and makes no reference cycles; the cyclic collector would re-scan the whole
    # growing heap again and again (a third of the run time on a large catalog).
    known = read_baseline(options.baseline) if options.baseline is not None else None
    with gc_paused():
        blocks = known is None and json_blocks  # a baseline suppresses finding by finding
        text = known is None and text_blocks
        found = _ordered(
            root,
            paths,
            options,
            result,
            glossary_loader,
            progress,
            jobs,
            blocks,
            keep,
            text,
            stamps_of,
            deliver,
        )
        if known is None:
            yield from found
        else:
            memo: dict = {}  # (`suppress.fingerprint`: a long msgid hashed once)
            for finding in found:
                suppress_known(finding, known, memo)  # type: ignore[arg-type]
                yield finding
        if keep is not None:
            # What the check loaded lives on with the caller: frozen, it is not walked by
            # the collector when it resumes (~8 ms for two compiled glossaries, more than
            # freeing them). Still freed by reference counts; see gc.unfreeze().
            import gc

            gc.freeze()


def _ordered(
    root: Path,
    paths: list[Path],
    options: Options,
    result: Result,
    glossary_loader,
    progress,
    jobs,
    json_blocks: bool | str = False,
    keep: list | None = None,
    text_blocks: bool = False,
    stamps_of: Callable[[Path], tuple[str, int] | None] | None = None,
    deliver: Callable[[int, list], object | None] | None = None,
) -> Iterator[Finding | JsonBlock | TextBlock]:
    """Every file's findings sorted by ``Finding.sort_key`` (files by name, then line…);
    ``json_blocks``, ``keep``, ``text_blocks``, ``stamps_of``, ``deliver``: see
    `stream_findings` (a file given twice: no blocks)."""
    # Files in the order of their names (the sort key's first part); files given twice
    # are merged by the rest of the key, the earlier one first on ties (a stable sort).
    by_name = sorted(range(len(paths)), key=lambda i: str(paths[i]))
    groups: dict[str, list[Path]] = {}
    for i in by_name:
        groups.setdefault(str(paths[i]), []).append(paths[i])
    workers = 0
    # One file, or --jobs 1: no workers' modules to import.
    if glossary_loader is None and len(paths) > 1 and jobs != 1:
        from moci_vocab.checkpo.parallel import check_in_workers, worker_count

        workers = worker_count(paths, jobs, options.lang)
    memo: dict = {}  # this process's Checker (see parallel.FileJob)
    if keep is not None:
        keep.append(memo)
    if workers:  # each file's findings, in the same order, from worker processes
        from moci_vocab.checkpo.parallel import DELIVER

        if deliver is not None:
            memo[DELIVER] = deliver  # (a forked worker copies the memo)
        kind = "json" if json_blocks else "text" if text_blocks else None
        parts = check_in_workers(
            root, paths, options, workers, progress, by_name, memo, kind, stamps_of
        )
        for group in groups.values():
            found = [next(parts) for _path in group]
            for part in found:
                result.add_counts(part)
            if len(found) == 1:
                yield from found[0].findings
            else:
                yield from heapq.merge(*[part.findings for part in found], key=Finding.sort_key)
        for _rest in parts:  # none: this lets the workers end and be reaped
            pass
        return
    checker = memo["checker"] = Checker(root, options, glossary_loader, stamps_of)
    done = 0

    def one(path: Path, blocks: bool | str = False) -> Iterator:
        nonlocal done
        if progress is not None:
            progress(done, len(paths))
        done += 1
        return checker.stream(path, result, blocks)

    for group in groups.values():
        if len(group) == 1:
            yield from one(group[0], json_blocks)
        else:
            yield from heapq.merge(*[one(path) for path in group], key=Finding.sort_key)
    if progress is not None:
        progress(len(paths), len(paths))


class Checker:
    """Checks one file at a time, loading each language's compiled glossary once."""

    def __init__(
        self,
        root: Path,
        options: Options,
        glossary_loader=None,
        stamps_of: Callable[[Path], tuple[str, int] | None] | None = None,
    ):
        self.root = root
        self.options = options
        self.glossary_loader = glossary_loader
        self.stamps_of = stamps_of  # the fingerprint's maker (None: layout.fingerprint)
        self.compiled_by_lang: dict[str, Compiled] = {}
        self.languages: list[str] | None = None
        # The glossary's fingerprint (one stat per concept file), taken at the first
        # language's load and used for every other one of this run (a list: not yet taken).
        self.stamps: tuple[str, int] | list | None = []

    def check(self, path: Path) -> Result:
        """The findings and counts of one file (an unreadable one is one finding)."""
        result = Result()
        result.findings = list(self.stream(path, result))
        return result

    def stream(
        self, path: Path, result: Result, json_blocks: bool | str = False
    ) -> Iterator[Finding | JsonBlock]:
        """The findings of one file in the report's order; its counts go to ``result``
        (``json_blocks``: see `stream_findings`)."""
        result.files += 1
        try:
            catalog = read_catalog(path)
        except MociError as exc:
            yield _file_finding("MV600", exc.message, path, exc.line)
            return
        if self.languages is None:
            self.languages = _glossary_languages(self.root)
        raw = self.options.lang or catalog.language or language_from_filename(path)
        lang, problem = resolve_language(raw, self.languages)
        if lang is None:
            yield _file_finding("MV605", problem, path, None)
            return
        _compose(catalog)
        written = _respell(catalog, lang)
        unmarked = written is not None
        key = lang + "-unmarked" if unmarked else lang
        if key not in self.compiled_by_lang:
            self.compiled_by_lang[key] = load_compiled(
                self.root, lang, self.glossary_loader, self.fingerprint, unmarked
            )
        compiled = self.compiled_by_lang[key]
        if unmarked:  # said once for the file, before its entries' findings
            severity = compiled.severities.get("MV606", SEVERITY["MV606"])
            if severity != "off":
                message = notice(lang, written, catalog.lines)
                yield Finding("MV606", severity, message, file=str(path), lang=lang)
        check = FileCheck(catalog, compiled, self.options, result, written)
        check.run()
        if json_blocks:
            yield from check.json_findings(json_blocks if type(json_blocks) is str else None)
        else:
            yield from check.findings()

    def fingerprint(self, root: Path) -> tuple[str, int] | None:
        """The glossary's `layout.fingerprint`, taken once for all the languages this
        checker loads (still sound: a value compiled from files changed after it was
        taken is stored under it, which their new stamps never match again)."""
        if isinstance(self.stamps, list):
            if self.stamps_of is not None:
                self.stamps = self.stamps_of(root)
            else:
                from moci_vocab.layout import fingerprint

                self.stamps = fingerprint(root)
        return self.stamps


def _file_finding(code: str, message: str, path: Path, line: int | None) -> Finding:
    return Finding(code, SEVERITY[code], message, file=str(path), line=line)


_IS_NFC = partial(unicodedata.is_normalized, "NFC")


def _compose(catalog: Catalog) -> None:
    """Put the catalog's translations in NFC where any is not, so that every rule reads one
    form (a tool that writes decomposed text, ë as e + U+0308, gets the flags of its NFC twin)."""
    # A C call per translation (2-4 ms on 15,800 entries): nearly every catalog is NFC.
    if all(map(_IS_NFC, chain.from_iterable(catalog.msgstrs))):
        return
    catalog.replace_msgstrs([[nfc(text) for text in forms] for forms in catalog.msgstrs])


def _respell(catalog: Catalog, lang: str) -> list[list[str]] | None:
    """If the catalog writes ``lang`` in its other spelling (sq without ë, ç; hy classical:
    MV606), its translations as written, folded in the catalog (`checkpo.spelling`); else
    None, the catalog left as it is."""
    if not respelled(catalog.msgstrs, lang):
        return None
    written = catalog.msgstrs
    catalog.replace_msgstrs(folded_texts(written, lang))
    return written


def _glossary_languages(root: Path) -> list[str]:
    from moci_vocab.checkpo.compile import glossary_languages

    return glossary_languages(root)


def resolve_language(raw: str | None, languages: list[str]) -> tuple[str | None, str]:
    """A catalog's Language value as one of the glossary's tags, or None and why not."""
    from moci_vocab.languages import resolve_tag

    if not raw or not raw.strip():
        return None, (
            "the file does not say its language (no Language header or XLIFF target, and "
            "its name does not tell); give it with --lang"
        )
    tag = resolve_tag(raw.strip(), languages, nearest=True)
    if tag is None:
        return None, f"the glossary has no language {raw.strip()!r} (it has {', '.join(languages)})"
    return tag, ""


class FileCheck:
    """One catalog against one compiled glossary.

    Works on the catalog's columns: the source terms of all entries are found in
    one pass (`SourceMatcher.concepts`), the translations of the entries with
    terms are prepared in one go (`prepared`), and the everyday case (the
    concept's first allowed term is there, no deprecated term can be) is decided
    inline. Everything else goes through `check_translation`.
    """

    def __init__(
        self,
        catalog: Catalog,
        compiled: Compiled,
        options: Options,
        result: Result,
        written: list[list[str]] | None = None,
    ):
        self.catalog = catalog
        # (the translations as written, when the catalog holds them folded: MV606; the
        # closest words are shown from them)
        self.written = written
        self.compiled = compiled
        self.options = options
        self.result = result
        self.file = str(catalog.path)
        if compiled.unmarked:  # (a catalog written in the other spelling: MV606)
            self.matcher = TargetMatcher(respelled_inflection(compiled.lang))
        else:
            self.matcher = TargetMatcher(for_language(compiled.lang))
        # (concept index, allowed term) → [count, index of the first entry using it]
        self.renderings: dict[tuple[int, str], list[int]] = {}
        # What was found, in the order found, as three columns (`_columns`): entry, concept and
        # plural form of each finding. A missing term (nearly all findings on some files)
        # is only that: its finding is made when it is written (`findings`), so that none
        # are kept. Other findings are made at once, kept in `made` by their position
        # (their concept column holds -1); MV604 ones, found at the end, in `late`.
        self.found_entries, self.found_concepts, self.found_forms = _columns()
        # And of each missing term, the closest words of its translation, found with the
        # chunk's prepared translations (`closest_words`): an index into `near_words`
        # (each text once), _NO_WORDS, or _NO_TEXT when the entry is untranslated.
        self.found_near: list[int] = []
        self.near_words: list[str] = []
        self.near_ids: dict[str, int] = {}
        self.near_safe = True  # whether no near word holds a character JSON escapes
        self.infos: dict[int, _MissInfo] = {}  # concept → what its missing terms say
        # The missing terms (entry, concept) that a second reading of the translation finds
        # (rendered.reread: a mnemonic inside a word, a quoted word, one letter).
        self.reread: set[tuple[int, int]] = set()
        # (entry, concept) of each noun term that English uses as a verb there ("to change",
        # `source_match.fits_pos`): how the catalog renders the verb (`drop_verb_renderings`)
        self.verb_uses: list[tuple[int, int]] = []
        self._catalog_words: set[str] | None = None  # (`catalog_words`)
        # The first translations of the entries with a term, as a chunk prepared them
        # (`target_match.lowered`), for the rules that read them again.
        self.first_lows = _Prepared()
        # The entries with a term whose msgid may negate a word (`_negating`), and whose
        # translation may be a short label with a cut mark (`_short_marked`): noted by the
        # chunks, where they are first read, for `drop_rendered`'s rules.
        self.negating: list[int] = []
        self.labelled: list[int] = []
        self.made: dict[int, Finding] = {}
        self.late: list[tuple[int, Finding]] = []
        # The entry of each made and MV604 finding being written, by the finding's id
        # (`crowds`: a line's findings and missing terms, counted by entry).
        self.entry_of: dict[int, int] = {}
        self.lang = compiled.lang
        self.severities: dict[str, str] = {}  # code → its severity in this glossary
        # Whether a missing term of each concept is reported (MV601/MV603 not silenced).
        self.reported: dict[int, bool] = {}
        # Each concept's allowed terms after the first, or True/False (`other_terms`).
        self.others: dict[int, tuple | bool] = {}
        # The last msgids (and msgid_plurals) of the previous chunk that the source key of
        # the next chunk's first one may read back into (see `_tail`).
        self.source_tail: list[str] = []
        self.plural_tail: list[str] = []
        # Entry → concepts its translator comments ignore (# moci-vocab: ignore …).
        self.ignores = ignore_marks(
            catalog.path, lambda: catalog.lines(range(len(catalog))), catalog.data
        )

    def run(self) -> None:
        """Check every chosen entry of the catalog; findings go to the result."""
        chosen = self.chosen_entries()
        self.result.entries += len(chosen)
        counts: dict[int, int] = {}  # concept → entries using its first allowed term (inline)
        firsts: dict[int, int] = {}  # concept → the first of those entries
        for start in range(0, len(chosen), CHUNK):
            self.run_chunk(chosen[start : start + CHUNK], counts, firsts)
        # Counted by the inline test: its term is the concept's first allowed term.
        inline_tests = self.compiled.inline_tests()
        for concept, count in counts.items():
            key = (concept, inline_tests[concept][0][0])  # type: ignore[index]  # its text
            slot = self.renderings.get(key)
            if slot is None:
                self.renderings[key] = [count, firsts[concept]]
            else:
                slot[0] += count
                slot[1] = min(slot[1], firsts[concept])
        self.drop_credits()
        self.drop_counted()
        self.drop_identifying()
        self.drop_verbal()
        self.drop_verb_renderings(chosen)
        self.drop_rendered()
        self.drop_conventions(chosen)
        self.report_inconsistencies()

    def run_chunk(self, chosen: list[int], counts: dict[int, int], firsts: dict[int, int]) -> None:
        """Check some entries (in catalog order, after those of the previous chunk)."""
        catalog = self.catalog
        msgids, plurals, msgstrs = catalog.msgids, catalog.plurals, catalog.msgstrs
        sources = [msgids[i] for i in chosen]
        # The source key reads a little of the message before (a name test): the previous
        # chunk's last messages go first, so that each chunk finds what one pass would.
        tail = self.source_tail
        self.source_tail = _tail(self.source_tail, sources)
        verbs: list[tuple[int, int]] = []
        pairs = self.compiled.source_matcher.pairs([*tail, *sources] if tail else sources, verbs)
        if tail:
            pairs = _after(pairs, len(tail))
        if verbs:
            skip = len(tail)
            self.verb_uses.extend((chosen[k - skip], c) for k, c in verbs if k >= skip)
        # Where each term of an entry with plural forms is: msgid, msgid_plural or both.
        sides: dict[tuple[int, int], int] = {}
        if plurals.count(None) != len(plurals):
            pairs, sides = self.plural_sides(chosen, pairs)
        # The (first) translation of every entry with a term, prepared in one batch (the
        # others are never read: with a small glossary, most entries); entries with
        # several plural forms take the long way.
        with_terms = list(dict.fromkeys(map(_first, pairs)))
        firsts_text = [msgstrs[chosen[k]][0] if msgstrs[chosen[k]] else "" for k in with_terms]
        plains, lows = prepared(firsts_text)
        plain_firsts = dict(zip(with_terms, plains, strict=True))
        lowered_firsts = dict(zip(with_terms, lows, strict=True))
        inline_tests = self.compiled.inline_tests()
        if lows and max(map(len, lows)) >= _LONG_TRANSLATION:
            # A long translation's `in` tests of its concepts' probes below, answered by one
            # pass over it for all of them (not a scan per concept; other chunks: no cost).
            for k, low in lowered_firsts.items():
                if len(low) >= _LONG_TRANSLATION:
                    lowered_firsts[k] = _probed(low, k, pairs, inline_tests)
        mark = len(self.found_entries)
        form_counts = [len(msgstrs[i]) for i in chosen]
        with_plural_forms = (
            {k for k, count in enumerate(form_counts) if count > 1}
            if form_counts.count(1) != len(form_counts)
            else set()
        )
        del plains
        find_low = self.matcher.find_low
        # A missing term of a concept with no other allowed term, reported (the usual
        # miss, `check_others`): noted here.
        others = self.others
        note_entry, note_concept = self.found_entries.append, self.found_concepts.append
        note_form = self.found_forms.append
        terms = 0
        for k, concept in pairs:
            inline = inline_tests[concept]
            if inline is None:
                continue  # no term in this language yet: nothing to demand
            terms += 1
            term, bad = inline
            if term is not None and k not in with_plural_forms:
                low = lowered_firsts[k]
                if bad is not None:
                    for probe in bad:
                        if probe in low:
                            break  # a deprecated term may be there: the long way
                    else:
                        bad = None
                if bad is None:
                    # (find_low looks for the term's probe first: not there, no term)
                    if term[3] not in low or find_low(low, term) is None:
                        # The first allowed term is not there (and no bad term can be).
                        if others.get(concept) is True:
                            note_entry(chosen[k])
                            note_concept(concept)
                            note_form(0)
                        else:
                            self.check_others(chosen[k], concept, low)
                        continue
                    # The everyday case: the concept's first allowed term is there.
                    if concept in counts:
                        counts[concept] += 1
                    else:
                        counts[concept] = 1
                        firsts[concept] = chosen[k]
                    continue
            self.check_entry(chosen[k], concept, sides.get((k, concept), _BOTH))
        self.result.terms += terms
        self.note_entries(chosen, sources, mark, with_terms, firsts_text, with_plural_forms)
        del firsts_text
        self.closest_words(mark, chosen, plain_firsts, lowered_firsts)
        # The prepared first translations: the conventions rule reads them again
        # (`drop_conventions`; prepared a few at a time there, 3% of the real 15.8k-entry
        # case's instructions).
        self.first_lows.add(chosen, with_terms, lows)

    def note_entries(
        self,
        chosen: list[int],
        sources: list[str],
        mark: int,
        with_terms: list[int],
        firsts: list[str],
        several: set[int],
    ) -> None:
        """Note the chunk's entries with a missing term (found from position ``mark`` on)
        that `drop_rendered`'s rules may read: made where the entries are first read, so
        that those rules read only these entries' missing terms, not every missing term.
        ``chosen[k]`` for k in ``with_terms``: the entries with a term, ``sources[k]``:
        their msgids, ``firsts``: their first translations (by position); ``several``: the
        k of entries of several forms."""
        infl = self.matcher.infl
        signs = infl.abbreviation_mark or infl.cut_marks
        missed = len(self.found_entries) - mark
        if not (infl.negative or signs) or not missed:
            return
        if missed < len(with_terms):  # (a few missing terms: their entries only)
            msgids, msgstrs = self.catalog.msgids, self.catalog.msgstrs
            entries = sorted(set(self.found_entries[mark:]))
            sources = [msgids[entry] for entry in entries]
            firsts = [forms[0] if (forms := msgstrs[entry]) else "" for entry in entries]
        else:  # (nearly every entry with a term has one missing: all of them, no test)
            entries = list(map(chosen.__getitem__, with_terms))
            sources = list(map(sources.__getitem__, with_terms))
        if infl.negative:
            self.negating.extend(map(entries.__getitem__, _negating(sources)))
        if signs:
            picked = list(map(entries.__getitem__, _short_marked(firsts, signs)))
            if several:  # (an entry of several forms: any of them may be a label)
                picked = sorted({*picked, *map(chosen.__getitem__, several)})
            self.labelled.extend(picked)

    def closest_words(
        self, mark: int, chosen: list[int], plains: dict[int, str], lows: dict[int, str]
    ) -> None:
        """The closest words of the missing terms found from position ``mark`` on, in the
        chunk of entries ``chosen`` (``plains``, ``lows``: the first translations of those
        with a term prepared, by position in the chunk).

        The words of a translation are found once for all its missing terms (they are
        found one after the other), casefolded; the likeness search is called directly,
        once per missing term: `target_match.closest_of` with the phrases kept. The words
        as written are split only for a translation where a phrase was found.
        """
        entries, concepts, forms, near = (
            self.found_entries,
            self.found_concepts,
            self.found_forms,
            self.found_near,
        )
        if len(entries) == mark:
            return
        # What was found since the last chunk has no closest words yet.
        near.extend([_NO_WORDS] * (len(entries) - len(near)))
        infos = self.infos
        new = set(concepts[mark:]).difference(infos)
        if new:
            infos.update(self.miss_infos(new))
        place = dict(zip(chosen, range(len(chosen)), strict=True))
        msgstrs = self.catalog.msgstrs
        ids, words_seen = self.near_ids, self.near_words
        extract, ratio = closest_search()
        cutoff = LIKENESS_CUTOFF
        from moci_vocab.checkpo.rendered import NO_TERM, reread

        msgids, reread_found = self.catalog.msgids, self.reread
        last_entry = last_form = -1
        plain = ""
        length = 0  # the translation's
        second: str | None = None  # the translation as read a second time (rendered.reread)
        # A long translation's second reading prepared, and the strict one (`strict_reading`)
        # and it prepared: made once per translation when first asked for, not once per
        # missing term (a 305 KB translation with mnemonics, 300 missing terms: 10 s)
        second_form: Translation | None = None
        strict: str | None = None
        strict_form: Translation | None = None
        strict_made = False
        words: list[str] | None = None  # as written: split when a phrase is found
        folded: list[str] | None = None  # casefolded; None: no translation
        runs: dict[int, list[str]] = {}  # size → the casefolded phrases
        distinct: dict[int, tuple[list[str], list[int]]] = {}  # size → `_once` of them
        many = False  # whether the translation has _MANY_CHOICES words or more
        many_words = _MANY_CHOICES
        for i, entry, concept, form in zip(
            range(mark, len(entries)), entries[mark:], concepts[mark:], forms[mark:], strict=True
        ):
            if concept < 0:
                continue  # not a missing term
            if entry != last_entry or form != last_form:  # a translation's terms come together
                last_entry, last_form = entry, form
                translations = msgstrs[entry]
                text = translations[form] if form < len(translations) else ""
                if text:
                    if form == 0:
                        k = place[entry]
                        plain, low = plains[k], lows[k]
                    else:
                        plain, low = (column[0] for column in prepared([text]))
                    folded = folded_words(plain, low)
                    words = None
                    runs = {}
                    distinct = {}
                    many = len(folded) >= many_words
                    # A second reading only where the cleaning changed the text (a mnemonic
                    # or a span taken out) or it is short: two comparisons per translation.
                    length = len(text)
                    changed = length != len(plain) or length < 4
                    second = reread(msgids[entry], text) if changed else None
                else:
                    folded = None
                    second = None
                second_form = strict_form = None
                strict_made = False
            if second is None:
                pass
            elif length < _LONG_TRANSLATION:  # (a short one read again per term, as it was)
                if second != NO_TERM and second_form is None:  # (prepared once, not per term)
                    second_form = Translation(second)
                if (second_form is None or self.renders(concept, second_form)) and (
                    self.reread_holds(msgids[entry], text, concept)
                ):
                    reread_found.add((entry, concept))
            else:
                if second != NO_TERM and second_form is None:
                    second_form = Translation(second)
                if second_form is None or self.renders(concept, second_form):
                    if not strict_made:
                        strict_made = True
                        strict = self.strict_reading(msgids[entry], text)
                        if strict is not None and strict != NO_TERM:
                            strict_form = Translation(strict)
                    if strict is not None and (
                        strict_form is None or self.renders(concept, strict_form)
                    ):
                        reread_found.add((entry, concept))
            if folded is None:
                near[i] = _NO_TEXT
                continue
            if not folded:
                continue
            info = infos[concept]
            size = info.size
            if size == 1:
                choices = folded
            else:  # the phrases as written are made only for the one found
                choices = runs.get(size)
                if choices is None:
                    choices = runs[size] = candidate_choices(folded, size)
            if not many:
                best = extract(info.folded, choices, scorer=ratio, score_cutoff=cutoff)
            else:  # a long translation: each phrase compared once, not once per repeat
                once = distinct.get(size)
                if once is None:
                    once = distinct[size] = _once(choices)
                best = extract(info.folded, once[0], scorer=ratio, score_cutoff=cutoff)
                if best is not None:  # (the first of the best: where that phrase is first)
                    best = (best[0], best[1], once[1][best[2]])
            if best is not None:
                if words is None:
                    words = surface_words(plain)
                    if self.written is not None:
                        words = self.as_written(entry, form, words)
                found = phrase_at(words, size, best[2])
                known = ids.get(found)
                if known is None:
                    known = ids[found] = len(words_seen)
                    words_seen.append(found)
                    self.near_safe = self.near_safe and json_safe(found)
                near[i] = known

    def as_written(self, entry: int, form: int, words: list[str]) -> list[str]:
        """The words of a translation held folded (``words``, MV606) as the catalog writes
        them: the fold changes letters inside words, never where a word ends, so word for
        word (as read if their number differs, which no fold makes)."""
        text = self.written[entry][form]
        written = surface_words(prepared([text])[0][0])
        return written if len(written) == len(words) else words

    def drop_verbal(self) -> None:
        """Forget the missing noun terms whose English word is a verb, as the translation
        shows (verbal.py); only in a language with verb data."""
        verbs = self.matcher.infl.verbs
        if not verbs or not self.found_entries:
            return
        from moci_vocab.checkpo.source_match import NOUN
        from moci_vocab.checkpo.target_match import lemma_forms, stems_of
        from moci_vocab.checkpo.verbal import verbal_misses

        compiled = self.compiled
        facts = compiled.miss_facts()  # source and expected terms, no `Rule` unpickled
        nouns = {
            c for c, kind in zip(compiled.owners, compiled.kinds, strict=False) if kind == NOUN
        }
        present = nouns.intersection(self.found_concepts)
        present.discard(-1)  # not a missing term (nor a concept: an other sense's pattern)
        words = {c: facts[c][1].casefold() for c in present}
        words = {c: word for c, word in words.items() if word.isalpha()}
        if not words:
            return
        # The entries of each of those concepts' missing terms (positions picked in C).
        missing: dict[int, list[int]] = {}
        entries, concepts = self.found_entries, self.found_concepts
        for p in compress(range(len(concepts)), map(words.__contains__, concepts)):
            missing.setdefault(concepts[p], []).append(entries[p])
        # each term as written and its lemma's stems (a term in the plural: ndryshime;
        # blloqe: bllok, the bare stem of its lemma's forms)
        infl = self.matcher.infl
        terms = {
            c: [
                s
                for text in map(str.casefold, facts[c][2])
                for s in (*stems_of(text, infl, term=True), *lemma_forms(text, infl)[:1])
            ]
            for c in words
        }
        msgstrs = self.catalog.msgstrs

        def term_words() -> dict[str, set[int]]:
            """Each word of the glossary's allowed terms → the concepts that have it."""
            found: dict[str, set[int]] = {}
            for concept, fact in enumerate(facts):
                for text in fact[2]:
                    for part in text.casefold().split():
                        found.setdefault(part, set()).add(concept)
            return found

        def translation(entry: int) -> str:
            """The entry's (first) translation."""
            return msgstrs[entry][0] if msgstrs[entry] else ""

        dropped = verbal_misses(
            words,
            terms,
            self.catalog.msgids,
            translation,
            missing,
            verbs,
            self.matcher.infl.adjectives,
            term_words,
            self.matcher.infl.participles,
            self.matcher.infl.infinitives,
            self.matcher.infl.agents,
            self.matcher.infl.attributive,
            self.matcher.infl.agreeing,
            self.matcher.infl.irregular,
            self.matcher.infl.agent_actions,
        )
        if infl.finite[0]:  # a finite verb on the term's root (Georgian)
            from moci_vocab.checkpo.verbal import finite_misses

            rest = {
                c: [e for e in entries if (e, c) not in dropped] for c, entries in missing.items()
            }
            dropped |= finite_misses(
                words, terms, self.catalog.msgids, translation, rest, infl.finite
            )
        if dropped:
            self.forget(dropped)

    def drop_verb_renderings(self, chosen: list[int]) -> None:
        """Forget the missing noun terms whose English word is a verb said as the catalog
        renders that verb elsewhere (`verbal.verb_rendered_misses`; ``chosen``: the entries
        checked, some of which show its translations at large)."""
        if not self.verb_uses or not self.found_entries:
            return
        from moci_vocab.checkpo.verbal import verb_rendered_misses

        uses: dict[int, list[int]] = {}
        for entry, concept in self.verb_uses:
            uses.setdefault(concept, []).append(entry)
        missing: dict[int, list[int]] = {}
        for p in compress(
            range(len(self.found_concepts)), map(uses.__contains__, self.found_concepts)
        ):
            missing.setdefault(self.found_concepts[p], []).append(self.found_entries[p])
        # Not a concept the catalog mostly says otherwise (as `drop_conventions`): its
        # verb uses' word may be the word it says for the noun too, another term (or, in the
        # benchmark's copy, the wrong word put in for it everywhere).
        said = dict.fromkeys(missing, 0)
        for (concept, _term), (count, _first) in self.renderings.items():
            if concept in said:
                said[concept] += count
        missing = {c: e for c, e in missing.items() if len(e) <= said[c]}
        if not missing:
            return
        facts = self.compiled.miss_facts()
        words = {c: facts[c][1].casefold() for c in missing}
        msgstrs = self.catalog.msgstrs

        def term_stems() -> set[str]:
            """The stems of every glossary term's words (`verbal.verb_stems`)."""
            from moci_vocab.checkpo.target_match import lowered
            from moci_vocab.checkpo.verbal import verb_stems

            texts = [text for fact in facts for text in fact[2]]
            return set().union(*map(verb_stems, lowered(texts))) if texts else set()

        dropped = verb_rendered_misses(
            {c: w for c, w in words.items() if w.isalpha()},
            missing,
            uses,
            self.catalog.msgids,
            lambda entry: msgstrs[entry][0] if msgstrs[entry] else "",
            term_stems,
            chosen,
        )
        if dropped:
            self.forget(dropped)

    def drop_rendered(self) -> None:
        """Forget the missing terms the translation renders after all: a literal kept as
        written, a compound's first part, a mark of the translation (rendered.py), or what
        a second reading found."""
        if not self.found_entries:
            return
        from moci_vocab.checkpo.rendered import (
            LABEL,
            LONG_TEXT,
            abbreviated,
            holds_code,
            holds_quote_or_name,
            is_metavariable,
            is_notice,
            name_runs,
            rendered_misses,
        )

        facts = self.compiled.miss_facts()  # source and expected terms, no `Rule` unpickled
        concepts = set(self.found_concepts)
        concepts.discard(-1)  # not a missing term
        words = {c: facts[c][1].casefold() for c in concepts if not facts[c][3]}
        english = {c: word for c, word in words.items() if word.isalpha()}
        infl = self.matcher.infl
        compounds = infl.first_parts is not None
        # (the allowed terms are read only for a compound's first part)
        terms = {c: [text.casefold() for text in facts[c][2]] for c in words} if compounds else {}
        # Every missing term is looked at again where the language makes compounds of
        # terms (Georgian); elsewhere only possible literals.
        every = compounds
        # (the words for everything, and the participles standing as a noun: hy ընտրվածը)
        everything = infl.everything + infl.selected
        msgstrs, msgids = self.catalog.msgstrs, self.catalog.msgids
        missing = []
        last_entry = last_form = -1
        low = text = ""
        # whether the translation has the word for everything: looked for once per
        # translation, not once per missing term (a 1 MB translation, 2,000 terms: minutes)
        all_said: bool | None = None
        found = self.found_concepts
        # What may be rendered after all: otherwise, only a concept with an English word
        # (not a missing term, nor a do-not-translate name); picked in C.
        wanted = words if every else english
        signs: dict[int, bool] = {}  # entry → whether its msgid holds a quote or a name
        runs: dict[int, frozenset[str]] = {}  # entry → its msgid's `name_runs` (read once)
        codes: dict[int, bool] = {}  # entry → whether its copied msgid may hold code
        # What the English word is looked for in: the casefolded translation, or for a long
        # one the English words of its missing terms that it holds, found in one pass, not
        # one scan per term (`substrings.found_in`).
        said_in: str | set[str] = ""
        groups: dict[tuple[int, int], set[str]] = {}  # (entry, form) → those words

        def long_said(entry: int, form: int, low: str) -> set[str]:
            """The English words of the translation's missing terms that it holds."""
            from moci_vocab.checkpo.substrings import found_in  # (a long text is rare)

            if not groups:  # (every long translation's words at once)
                for at, concept, number in zip(
                    self.found_entries, found, self.found_forms, strict=True
                ):
                    if concept in english:
                        groups.setdefault((at, number), set()).add(english[concept])
            return found_in(low, groups.get((entry, form), ()))

        capitals: dict[int, set[str]] = {}  # entry → `long_capitals`
        by_entry: dict[int, set[str]] = {}  # entry → the English words of its missing terms

        def long_capitals(entry: int, msgid: str) -> set[str]:
            """The English words of the entry's missing terms that its long msgid holds in
            capitals, found in one pass (not a scan of it per term)."""
            from moci_vocab.checkpo.substrings import found_in

            held = capitals.get(entry)
            if held is None:
                if not by_entry:  # (every entry's words at once)
                    for at, concept in zip(self.found_entries, found, strict=True):
                        if concept in english:
                            by_entry.setdefault(at, set()).add(english[concept])
                words = by_entry.get(entry, ())
                held = capitals[entry] = found_in(msgid, {word.upper() for word in words})
            return held

        for entry, concept, form in compress(
            zip(self.found_entries, found, self.found_forms, strict=True),
            map(wanted.__contains__, found),
        ):
            if entry != last_entry or form != last_form:  # a translation's terms come together
                last_entry, last_form = entry, form
                texts = msgstrs[entry]
                text = texts[form] if form < len(texts) else ""
                low = text.casefold()
                all_said = None
                said_in = low if len(low) < LONG_TEXT or every else long_said(entry, form, low)
            if every:
                missing.append((entry, concept, text))
                continue
            # A translation with the language's word for *everything* may say "all" with
            # the noun by it (hy բոլորը, all of them: "All Files"; `rendered.said_as_everything`),
            # and "the selected text" by the participle alone (hy ընտրվածը, the selected one).
            if everything:
                if all_said is None:
                    all_said = any(e in low for e in everything)
                if all_said:
                    missing.append((entry, concept, text))
                    continue
            # Only a translation with the English word in it may keep it as a literal, and
            # only where `kept_as_written`'s quick test passes (the word in capitals, or a
            # quote or a name in the msgid; not a msgid copied as it is, unless a command's
            # argument name alone, FILE: `rendered.is_metavariable`, or code by its syntax:
            # `rendered.holds_code`): made here, once per entry, not per missing term. (Code
            # kept in a translation of the rest of the message is looked for where every
            # missing term is looked at again, Georgian: here each missing term's test of it
            # cost the real 15.8k x 45 Albanian case a million instructions.)
            word = english[concept]
            if word in said_in:
                msgid = msgids[entry]
                sign = signs.get(entry)
                if sign is None:  # (or a name of three capitalised words: `kept_whole_name`)
                    names = runs[entry] = name_runs(msgid)  # (`rendered_misses` reads them)
                    sign = signs[entry] = holds_quote_or_name(msgid) or bool(names)
                if text == msgid:  # (copied: only an argument's name, a copyright line, code)
                    if is_metavariable(msgid) or is_notice(msgid):
                        missing.append((entry, concept, text))
                    else:  # (a long msgid's signs read once, whatever its words)
                        code = codes.get(entry)
                        if code is None:
                            code = codes[entry] = holds_code(msgid, names=False)
                        if code:
                            missing.append((entry, concept, text))
                elif sign or (
                    word.upper() in msgid
                    if len(msgid) < LONG_TEXT
                    else word.upper() in long_capitals(entry, msgid)
                ):
                    missing.append((entry, concept, text))
        dropped = self.reread  # what a second reading found (`closest_words`): one `forget`
        if infl.linked_parts and not every:
            # a compound's first part joined by a linking vowel (hy սահիկ-ա-): every missing
            # term with a term in this language is looked at (its words once per translation)
            from moci_vocab.checkpo.rendered import linked_compounds

            allowed = {c: [text.casefold() for text in facts[c][2]] for c in words}
            linked = [
                (entry, concept, texts[form] if form < len(texts := msgstrs[entry]) else "")
                for entry, concept, form in compress(
                    zip(self.found_entries, found, self.found_forms, strict=True),
                    map(allowed.__contains__, found),
                )
            ]
            dropped |= linked_compounds(
                linked,
                allowed,
                infl.linked_parts,
                infl,
                self.catalog_words,
                self._named_next(words, facts),
            )
        if infl.kind_prefixes and not every:
            # a compound of a modifier's prefix: "child widget" as hy ենթավիջեթ holds the
            # widget and the child (`rendered.kind_compounds`); only translations with a word
            # of such a prefix are read
            starts = tuple(prefix for prefix, _ in infl.kind_prefixes)
            prefixed: dict[tuple[int, int], bool] = {}  # (entry, form) → has such a word
            held = []
            for entry, concept, form in compress(
                zip(self.found_entries, found, self.found_forms, strict=True),
                map(words.__contains__, found),
            ):
                said = msgstrs[entry][form] if form < len(msgstrs[entry]) else ""
                has = prefixed.get((entry, form))
                if has is None:  # (a translation's casefolded text read once, not per term)
                    folded = said.casefold()
                    has = prefixed[entry, form] = any(prefix in folded for prefix in starts)
                if has:
                    held.append((entry, concept, said))
            if held:
                dropped |= self._kind_compounds(held, facts)
        # a term abbreviated with a period in a short label (Armenian Թղթապ. for թղթապանակ,
        # where the full stop is ։; Georgian მოწყ., მოწყ-ის, Albanian admin., cut after a
        # consonant): only the translations short enough with a mark in them are read,
        # picked in C among the missing terms
        signs = infl.abbreviation_mark or infl.cut_marks  # (one or two: ka's . and -)
        mark, other = signs[:1], signs[1:2]
        labels = (
            [
                (entry, concept, text)
                for entry, concept, form in self._terms_of(self.labelled)
                if concept in words
                and form < len(texts := msgstrs[entry])
                and len(text := texts[form]) <= LABEL
                and (mark in text or (other and other in text))
            ]
            if mark
            else []
        )
        if labels:
            allowed = {c: [text.casefold() for text in facts[c][2]] for _, c, _ in labels}

            def glossary() -> list[str]:
                """Every glossary term's words, casefolded (a cut mark is no other term's stem)."""
                return [word for fact in facts for text in fact[2] for word in tokens(text)]

            dropped |= abbreviated(
                labels, allowed, self.catalog_words, infl, glossary, self.catalog.msgids
            )
        if infl.negative and english:
            dropped |= self._negated(english)
        if infl.sense_words:
            dropped |= self._said_by_sense(words, facts)
        if missing:
            vocabulary = self.catalog_words

            dropped |= rendered_misses(
                missing,
                english,
                terms,
                self.catalog.msgids.__getitem__,
                infl,
                vocabulary,
                lambda: {c: [text.casefold() for text in fact[2]] for c, fact in enumerate(facts)},
                runs,
            )
        if dropped:
            self.forget(dropped)

    def _named_next(self, words: dict[int, str], facts: list) -> Callable[[int, int], list[str]]:
        """(entry, concept) → the one-word terms (casefolded) of the concepts whose English
        word, or its plural, follows the concept's word in the entry's msgid and whose term
        is a compound of the concept's term and the linking vowel ("voice clips": the clip's
        ձայն-ա-գրություն; `rendered.linked_compounds`). Such compounds are indexed by their
        first part when first asked for (one pass over the glossary's terms); the msgid is
        read only for a concept that has one."""
        import re

        from moci_vocab.checkpo.rendered import compound_firsts, first_part_of
        from moci_vocab.checkpo.source_match import plurals

        infl = self.matcher.infl
        heads: dict[str, list[int]] = {}  # a compound term's first part → its concepts
        named: dict[int, dict[str, int]] = {}  # concept → the next words read for it
        msgids = self.catalog.msgids

        def following(entry: int, concept: int) -> list[str]:
            word = words.get(concept)
            if not word or not word.isalpha():
                return []
            if not heads:  # (made once: every one-word term's first parts before a link)
                for other, fact in enumerate(facts):
                    for term in fact[2]:
                        for first in compound_firsts(term.casefold(), infl):
                            heads.setdefault(first, []).append(other)
                heads.setdefault("", [])  # (made: a glossary without one is not made again)
            nexts = named.get(concept)
            if nexts is None:  # (the English words of those compounds' concepts, once)
                nexts = named[concept] = {}
                for term in facts[concept][2]:
                    for first in first_part_of(term.casefold(), infl):
                        for other in heads.get(first, ()):
                            english = facts[other][1].casefold()
                            for form in (english, *plurals(english)):
                                nexts[form] = other
            if not nexts:
                return []
            forms = "|".join(
                re.escape(form) for form in sorted({word, *plurals(word)}, key=len)[::-1]
            )
            found: list[str] = []
            for match in re.finditer(rf"\b(?:{forms})[\s-]+([^\W\d_]+)", msgids[entry].casefold()):
                other = nexts.get(match.group(1))
                if other is not None:
                    found.extend(t.casefold() for t in facts[other][2] if " " not in t)
            return found

        return following

    def _said_by_sense(self, words: dict[int, str], facts: list) -> set[tuple[int, int]]:
        """The missing terms whose English word the translation says, use by use, by the
        word of the sense the English marks (`senses.said_by_sense`: hy "send an email" as
        նամակ where the glossary's email is the mail, փոստ): only the concepts of such a
        word are read."""
        infl = self.matcher.infl
        sensed = {english for english, _, _ in infl.sense_words}
        concepts = {concept for concept, word in words.items() if word in sensed}
        if not concepts:
            return set()
        from moci_vocab.checkpo.senses import sense_reader

        msgids, msgstrs, found = self.catalog.msgids, self.catalog.msgstrs, self.found_concepts
        # each concept's test, made once (None: its terms give no sense's word)
        readers = {
            concept: sense_reader(words[concept], [t.casefold() for t in facts[concept][2]], infl)
            for concept in concepts
        }
        dropped: set[tuple[int, int]] = set()
        for entry, concept, form in compress(
            zip(self.found_entries, found, self.found_forms, strict=True),
            map(concepts.__contains__, found),
        ):
            said = readers[concept]
            texts = msgstrs[entry]
            if said is not None and said(msgids[entry], texts[form] if form < len(texts) else ""):
                dropped.add((entry, concept))
        return dropped

    def _negated(self, english: dict[int, str]) -> set[tuple[int, int]]:
        """The missing terms said with a negative prefix where the English negates the
        word (`negation.negated_misses`): only those of the entries whose msgid holds a
        negator's letters (`negating`, noted by the chunks) are read."""
        msgids, msgstrs = self.catalog.msgids, self.catalog.msgstrs
        held = [
            (entry, concept, texts[form])
            for entry, concept, form in self._terms_of(self.negating)
            if concept in english and form < len(texts := msgstrs[entry])
        ]
        if not held:
            return set()
        from moci_vocab.checkpo.negation import negated_misses

        compiled, first = self.compiled.rules, self.first_lows.get

        def prepared_low(entry: int, text: str) -> str:
            """The translation prepared (`Translation.low`): an entry's first as its chunk
            prepared it, if kept (`_Prepared`), else made again."""
            low = first(entry) if msgstrs[entry][0] is text else None
            return low if low is not None else prepared([text])[1][0]

        return negated_misses(
            held,
            english,
            msgids.__getitem__,
            lambda c: compiled[c].allowed,
            self.matcher,
            prepared_low,
        )

    def _kind_compounds(self, held: list[tuple[int, int, str]], facts: list) -> set:
        """`rendered.kind_compounds` on the missing terms ``held``, with every concept's
        English word and terms (``facts``: `miss_facts`) and the matcher's forms."""
        from moci_vocab.checkpo.rendered import kind_compounds
        from moci_vocab.checkpo.source_match import plurals

        named: dict[str, list[int]] = {}
        for concept, fact in enumerate(facts):
            word = fact[1].casefold()
            if word.isalpha():
                for form in {word, *plurals(word)}:
                    named.setdefault(form, []).append(concept)
        compiled, find = self.compiled.rules, self.matcher.find

        def holds(word: str, concept: int) -> bool:
            """Whether the word is a form of one of the concept's terms."""
            text = Translation(word)
            return any(find(text, term) is not None for term in compiled[concept].allowed)

        def starts(concept: int) -> set[str]:
            """The first two letters of the concept's terms' stems and exact forms (its
            irregular stems among them: a form `holds` finds starts so)."""
            return {
                form[:2]
                for term in compiled[concept].allowed
                for spec in term.words
                if spec is not None
                for form in (*spec.stems, *spec.exact)
            }

        def longest(concept: int) -> int:
            """The most letters of the concept's terms' stems and exact forms."""
            return max(
                (
                    len(form)
                    for term in compiled[concept].allowed
                    for spec in term.words
                    if spec is not None
                    for form in (*spec.stems, *spec.exact)
                ),
                default=0,
            )

        return kind_compounds(
            held,
            lambda concept: facts[concept][1].casefold(),
            lambda concept: [term.casefold() for term in facts[concept][2]],
            lambda word: named.get(word, []),
            holds,
            self.catalog.msgids.__getitem__,
            self.matcher.infl,
            starts,
            longest,
        )

    def drop_credits(self) -> None:
        """Forget the missing terms of the translators' credits entries (`_is_credits`).

        Only the missed concepts whose English term is a word of a credits msgid
        (`_CREDITS_WORDS`: *name*, *email*…) are looked at, so that most checks pay nothing
        (a glossary without such a concept: a test of the few missed concepts)."""
        facts = self.compiled.miss_facts()
        wanted = {c for c in self.infos if facts[c][1].casefold() in _CREDITS_WORDS}
        if not wanted:
            return
        msgids, msgctxts = self.catalog.msgids, self.catalog.msgctxts
        concepts = self.found_concepts
        dropped = {
            (entry, concept)
            for entry, concept in compress(
                zip(self.found_entries, concepts, strict=True), map(wanted.__contains__, concepts)
            )
            if len(msgids[entry]) in _CREDITS_SIZES and _is_credits(msgids[entry], msgctxts[entry])
        }
        if dropped:
            self.forget(dropped)

    def drop_counted(self) -> None:
        """Forget the missing *time* terms of msgids whose every *time* is counted
        (`idioms.counted_times`: "viewed %{count} times" is an occasion, not time).

        Only the missed concepts whose English term is *time* are looked at (most checks
        pay a test of the few missed concepts)."""
        from moci_vocab.checkpo.idioms import COUNTED_WORDS, counted_times

        facts = self.compiled.miss_facts()
        wanted = {c for c in self.infos if facts[c][1].casefold() in COUNTED_WORDS}
        if not wanted:
            return
        msgids, concepts = self.catalog.msgids, self.found_concepts
        dropped = {
            (entry, concept)
            for entry, concept in compress(
                zip(self.found_entries, concepts, strict=True), map(wanted.__contains__, concepts)
            )
            if counted_times(msgids[entry])
        }
        if dropped:
            self.forget(dropped)

    def drop_identifying(self) -> None:
        """Forget the missing *number* terms of msgids whose every *number* identifies a
        thing ("Row number": `idioms.identifying_numbers`) where the translation says the
        language's word for such a number (`Inflection.identifier`: ka ნომერი beside the
        numeral რიცხვი)."""
        stems = self.matcher.infl.identifier
        if not stems:
            return
        from moci_vocab.checkpo.idioms import NUMBER_WORDS, identifying_numbers
        from moci_vocab.checkpo.target_match import tokens

        facts = self.compiled.miss_facts()
        wanted = {c for c in self.infos if facts[c][1].casefold() in NUMBER_WORDS}
        if not wanted:
            return
        msgids, msgstrs, concepts = self.catalog.msgids, self.catalog.msgstrs, self.found_concepts
        dropped = {
            (entry, concept)
            for entry, concept in compress(
                zip(self.found_entries, concepts, strict=True), map(wanted.__contains__, concepts)
            )
            if msgstrs[entry]
            and identifying_numbers(msgids[entry])
            and any(word.startswith(stems) for word in tokens(msgstrs[entry][0]))
        }
        if dropped:
            self.forget(dropped)

    def reread_holds(self, msgid: str, text: str, concept: int) -> bool:
        """Does the second reading find the term with a mnemonic splitting only before a
        word of the catalog's own (`strict_reading`)? Asked only when the first reading
        found it."""
        from moci_vocab.checkpo.rendered import NO_TERM

        strict = self.strict_reading(msgid, text)
        return strict is not None and (strict == NO_TERM or self.renders(concept, strict))

    def strict_reading(self, msgid: str, text: str) -> str | None:
        """The second reading with a mnemonic splitting only before a word of the
        catalog's own (`rendered.reread` with ``known``), which must find the term too.
        Made only when the first reading found one; the catalog's words are gathered
        then, once."""
        from moci_vocab.checkpo.rendered import reread

        # (the words gathered only when a mnemonic splits a word)
        return reread(msgid, text, lambda word: word in self.catalog_words())

    def catalog_words(self) -> set[str]:
        """The words the catalog's translations use on their own (`rendered.whole_words`),
        gathered when first asked for."""
        if self._catalog_words is None:
            from moci_vocab.checkpo.rendered import whole_words

            self._catalog_words = whole_words([t for texts in self.catalog.msgstrs for t in texts])
        return self._catalog_words

    def renders(self, concept: int, text: str | Translation) -> bool:
        """Does the text (or the text prepared) hold one of the concept's allowed terms?"""
        form = text if isinstance(text, Translation) else Translation(text)
        compiled = self.compiled
        term = compiled.inline_tests()[concept]
        if term is not None and term[0] is not None and not compiled.miss_facts()[concept][5]:
            # The usual: one allowed term, with a probe (its inline test's plain tuple): no
            # `Rule` unpickled, the probe looked for first.
            term = term[0]
            return term[3] in form.low and self.matcher.find_low(form.low, term) is not None
        find = self.matcher.find
        return any(find(form, term) is not None for term in compiled.rules[concept].allowed)

    def drop_conventions(self, chosen: list[int]) -> None:
        """Forget the missing terms that are the catalog's compound conventions (conventions)."""
        facts = self.compiled.miss_facts()
        missing: dict[int, list[int]] = defaultdict(list)  # (no list made per finding)
        for entry, concept in zip(self.found_entries, self.found_concepts, strict=True):
            missing[concept].append(entry)
        missing.pop(-1, None)  # not a missing term
        missing = {
            c: entries
            for c, entries in missing.items()
            if len(entries) >= 2 and not facts[c][3]  # not a do-not-translate name
        }
        if not missing:
            return
        from bisect import bisect_left

        from moci_vocab.checkpo.conventions import conventional_misses

        uses = {c: len(entries) for c, entries in missing.items()}  # entries with the concept
        for (concept, _term), (count, _first) in self.renderings.items():
            if concept in uses:
                uses[concept] += count

        def checked(entry: int) -> bool:
            at = bisect_left(chosen, entry)
            return at < len(chosen) and chosen[at] == entry

        msgstrs = self.catalog.msgstrs
        matcher = self.compiled.source_matcher

        dropped = conventional_misses(
            matcher,
            self.catalog.msgids,
            lambda entry: msgstrs[entry][0] if msgstrs[entry] else "",
            matcher.all_owners,
            uses,
            missing,
            checked,
            self.first_lows.get,
        )
        # A convention leaves the term out: a translation with a word in its place says
        # something else there, and stays reported.
        if dropped:
            self.forget(dropped - self.stand_ins(dropped))

    def stand_ins(self, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """The missing terms (entry, concept) among ``pairs`` whose translation has a word
        in the term's place: a near miss of the term (`near_miss`: *vitit* for *vizitë*) or
        another concept's term whose English word the msgid does not have (*vlerë*, value,
        for *vizitë*)."""
        from moci_vocab.checkpo.source_match import automaton

        facts = self.compiled.miss_facts()
        msgids, msgstrs = self.catalog.msgids, self.catalog.msgstrs
        words = self.near_words
        # Each concept's probe (`TargetMatcher.find_low`'s): the concepts whose term a
        # translation may hold are found in one pass over it, not one search per concept
        # (over its UTF-8, as the source matcher's automaton: daachorse's where installed,
        # so that the run loads one Aho-Corasick library, not two).
        probes: dict[str, list[int]] = {}
        for concept, test in enumerate(self.compiled.inline_tests()):
            if test is not None and test[0] is not None:
                probes.setdefault(test[0][3], []).append(concept)
        owners = list(probes.values())
        finder = automaton([p.encode() for p in probes], longest=False) if probes else None
        found: set[tuple[int, int]] = set()
        others: dict[tuple[int, int], set[int]] = {}
        for entry, concept, near in zip(
            self.found_entries, self.found_concepts, self.found_near, strict=True
        ):
            if (entry, concept) not in pairs:
                continue
            english = msgids[entry].casefold()
            terms = facts[concept][2]
            word = words[near].casefold() if near >= 0 and terms else ""
            # (not the English word kept as written: "Portable Document Format")
            if word and near_miss(word, terms[0].casefold()) and word not in tokens(english):
                found.add((entry, concept))
                continue
            if finder is None:
                continue
            text = Translation(msgstrs[entry][0] if msgstrs[entry] else "")
            held = {c for _s, _e, p in finder.find(text.low.encode()) for c in owners[p]}
            placed = {
                other
                for other in held
                if other != concept
                and facts[other][1].casefold() not in english
                and self.renders(other, text)
            }
            if placed:
                others[entry, concept] = placed
        # The same other concept's term in two entries or more of the concept: the
        # catalog's own rendering of its compounds (Kolibri's "mobile data" and "mobile
        # connection" both as mobile internet), no word put in the term's place.
        seen = Counter((c, other) for (_e, c), placed in others.items() for other in placed)
        for (entry, concept), placed in others.items():
            if any(seen[concept, other] == 1 for other in placed):
                found.add((entry, concept))
        return found

    def _terms_of(self, picked: list[int]) -> Iterator[tuple[int, int, int]]:
        """(entry, concept, form) of each term found of the entries ``picked``, in the
        order found (picked in C: a few entries' terms among tens of thousands)."""
        entries = self.found_entries
        at = list(compress(range(len(entries)), map(set(picked).__contains__, entries)))
        return zip(
            map(entries.__getitem__, at),
            map(self.found_concepts.__getitem__, at),
            map(self.found_forms.__getitem__, at),
            strict=True,
        )

    def forget(self, dropped: set[tuple[int, int]]) -> None:
        """Take these (entry, concept) missing terms out of what was found."""
        concepts = self.found_concepts
        # (the pairs looked up in C: a few among thousands are dropped)
        pairs = zip(self.found_entries, concepts, strict=True)
        gone = [
            p
            for p in compress(range(len(concepts)), map(dropped.__contains__, pairs))
            if concepts[p] >= 0
        ]
        if not gone:
            return
        # The columns cut around the positions gone (a few among thousands), in C.
        ends = [*gone, len(self.found_entries)]
        starts = [0, *(p + 1 for p in gone)]

        def cut(column: list[int]) -> list[int]:
            kept: list[int] = []
            for start, end in zip(starts, ends, strict=True):
                kept.extend(column[start:end])
            return kept

        self.found_entries, self.found_concepts = cut(self.found_entries), cut(self.found_concepts)
        self.found_forms, self.found_near = cut(self.found_forms), cut(self.found_near)
        self.made = {p - bisect.bisect_left(gone, p): f for p, f in self.made.items()}

    def chosen_entries(self) -> list[int]:
        """Indices of the entries to check (fuzzy and untranslated ones only when asked)."""
        catalog = self.catalog
        fuzzy = () if self.options.include_fuzzy else catalog.fuzzy
        if self.options.include_untranslated:
            return [i for i in range(len(catalog)) if i not in fuzzy]
        # The translated ones picked in C, the fuzzy ones then left out if there are any
        # (4 M instructions less than a Python test per entry on the real 15.8k-entry case;
        # most of the rest is the entries' integers).
        translated = compress(range(len(catalog.msgstrs)), map(any, catalog.msgstrs))
        if not fuzzy:
            return list(translated)
        return [i for i in translated if i not in fuzzy]

    def plural_sides(self, chosen: list[int], pairs: list[tuple[int, int]]):
        """The msgid's pairs plus those of msgid_plural, and where each term was found.

        Returns the merged (entry position, concept) pairs and, for entries with a
        msgid_plural, a map pair → _SINGULAR, _PLURAL or _BOTH.
        """
        plurals = self.catalog.plurals
        with_plural = [k for k, i in enumerate(chosen) if plurals[i] is not None]
        texts = [plurals[chosen[k]] for k in with_plural]
        tail = self.plural_tail  # as for the msgids (see `run_chunk`)
        self.plural_tail = _tail(self.plural_tail, texts)  # type: ignore[arg-type]
        extra = self.compiled.source_matcher.pairs([*tail, *texts] if tail else texts)  # type: ignore[list-item]
        if tail:
            extra = _after(extra, len(tail))
        has_plural = set(with_plural)
        sides: dict[tuple[int, int], int] = {}
        for pair in pairs:
            if pair[0] in has_plural:
                sides[pair] = _SINGULAR
        new: list[tuple[int, int]] = []  # the pairs only msgid_plural has
        for j, concept in extra:
            pair = (with_plural[j], concept)
            side = sides.get(pair)
            if side is None:
                new.append(pair)
                sides[pair] = _PLURAL
            else:
                sides[pair] = side | _PLURAL
        # `pairs` is in text order (each concept once per text) and the new ones few: the
        # sort's runs are nearly in order already.
        return sorted([*pairs, *new]), sides

    def check_others(self, index: int, concept: int, low: str) -> None:
        """An entry of one translation whose concept's first allowed term is missing and
        no bad term can be there: its other allowed terms, else a missing term."""
        others = self.others.get(concept)
        if others is None:
            others = self.others[concept] = self.other_terms(concept)
        if others is True:  # the usual: no other allowed term, a missing term reported
            self.found_entries.append(index)
            self.found_concepts.append(concept)
            self.found_forms.append(0)
            return
        if others:  # seldom: most concepts have one term per language
            form = None
            for term in others:  # plain tuples (`compile.Compiled.other_terms`)
                probe = term[3]
                if probe is not None:  # (not there: no term, as find_low finds first)
                    span = self.matcher.find_low(low, term) if probe in low else None
                else:
                    if form is None:
                        forms = self.catalog.msgstrs[index]
                        form = Translation(forms[0] if forms else "")
                    span = self.matcher.find(form, term_of_plain(term))
                if span is not None:
                    self.note_rendering(concept, term[0], index)
                    return
        self.miss(index, concept, 0)

    def other_terms(self, concept: int) -> tuple | bool:
        """A concept's allowed terms after the first (for `check_others`, as plain tuples),
        or True when it has none and its missing terms are reported (the usual), or False
        when it has none and they are not."""
        if self.compiled.miss_facts()[concept][5]:
            return self.compiled.other_terms()[concept]
        return self.miss(-1, concept, 0, note=False)

    def check_entry(self, index: int, concept: int, side: int = _BOTH) -> None:
        """One concept in one entry, the long way (each plural form in turn).

        With several plural forms, a term of the msgid is demanded in msgstr[0],
        a term of msgid_plural in the other forms, a term of both in all.
        """
        rule = self.compiled.rules[concept]
        forms = self.catalog.msgstrs[index] or [""]
        numbers = range(len(forms))
        if len(forms) > 1 and side != _BOTH:
            numbers = numbers[:1] if side == _SINGULAR else numbers[1:]
        for number in numbers:
            if self.check_translation(index, rule, concept, Translation(forms[number]), number):
                break  # one finding per entry and concept (the first plural form)

    def check_translation(
        self, entry: int, rule: Rule, index: int, form: Translation, number: int = 0
    ) -> bool:
        """Check one translation (plural form ``number``) for one concept; True when a
        finding was made."""
        find = self.matcher.find
        low = form.low
        # Deprecated and forbidden terms that may be there (their probe occurs): usually none.
        suspects = [t for t in rule.bad if t.probe is None or t.probe in low] if rule.bad else ()
        used = None
        allowed_spans = []
        for term in rule.allowed:
            span = find(form, term)
            if span is not None:
                used = used or term.text
                if not suspects:
                    break  # the everyday case: an allowed term, nothing else to look for
                allowed_spans.append(span)
        for term in suspects:
            span = find(form, term)
            if span is None or any(a <= span[0] and span[1] <= b for a, b in allowed_spans):
                continue  # absent, or part of an allowed term (fjalor in fjalor i përbashkët)
            found = form.surface(span)
            what = "forbidden" if term.status == "forbidden" else "deprecated"
            expected = rule.expected
            instead = f"; use {quote_list(expected)}" if expected else ""
            message = f"{what} term {found!r} for {rule.source!r}{instead}"
            return self.add("MV602", rule, entry, message, expected, found)
        if used is not None:
            self.note_rendering(index, used, entry)
            return False
        if not rule.allowed:
            return False
        return self.miss(entry, index, number)

    def miss(self, entry: int, index: int, number: int, note: bool = True) -> bool:
        """Note a missing term of concept ``index`` in plural form ``number`` of an entry
        (MV601, or MV603 for a name; not when ``note`` is false); its finding is made when
        it is written (`report`). Whether such a finding is reported."""
        reported = self.reported.get(index)
        if reported is None:
            _concept, _source, _expected, name, ignored, _others = self.compiled.miss_facts()[index]
            code = "MV603" if name else "MV601"
            reported = self.reported[index] = self.reports(code, ignored)
        if not reported or not note:
            return reported
        self.found_entries.append(entry)
        self.found_concepts.append(index)
        self.found_forms.append(number)
        return True

    def reports(self, code: str, ignored: frozenset[str]) -> bool:
        """Whether a finding of this code about a concept that ignores these codes (its
        rule's ``ignored``) is reported (not silenced)."""
        severity = self.compiled.severities.get(code, SEVERITY[code])
        return code not in ignored and severity != "off"

    def add(self, code: str, rule: Rule, entry: int, message: str, expected, found) -> bool:
        """Add a finding unless its concept ignores it or its code is off; whether it was added."""
        if not self.reports(code, rule.ignored):
            return False
        self.made[len(self.found_entries)] = self.finding(
            code, rule.concept, entry, message, expected, found
        )
        self.found_entries.append(entry)
        self.found_concepts.append(-1)
        self.found_forms.append(0)
        return True

    def finding(
        self, code: str, concept: str, entry: int, message: str, expected, found
    ) -> Finding:
        """A finding about concept ``concept`` (its id) in one entry (its line is set when
        it is written)."""
        catalog = self.catalog
        return self.make(
            code,
            concept,
            message,
            (catalog.msgctxts[entry], catalog.msgids[entry], list(expected), found),
            self.suppression(entry, concept),
        )

    def make(self, code: str, concept: str, message: str, values: tuple, suppressed) -> Finding:
        """A finding of this file; ``values``: its msgctxt, msgid, expected terms and the
        words found (the keys its JSON and SARIF add, in that order)."""
        severity = self.severity(code)
        msgctxt, msgid, expected, found = values
        extra = {"msgctxt": msgctxt, "msgid": msgid, "expected": expected, "found": found}
        finding = Finding(code, severity, message, self.file, None, concept, self.lang, extra)
        finding.suppressed = suppressed
        return finding

    def severity(self, code: str) -> str:
        """The severity of a code in this glossary."""
        severity = self.severities.get(code)
        if severity is None:
            severity = self.severities[code] = self.compiled.severities.get(code, SEVERITY[code])
        return severity

    def suppression(self, entry: int, concept: str) -> str | None:
        """ "comment" when the entry's translator comments ignore the concept, else None."""
        names = self.ignores.get(entry) if self.ignores else None
        if names is not None and (concept in names or IGNORE_ALL in names):
            return "comment"
        return None

    def findings(self) -> Iterator[Finding]:
        """The file's findings in the report's order (line, code, language, message; the
        order found on ties), made one line at a time: what was found is emptied."""
        for group, _made in self.report():
            crowds = self.crowds(group) if len(group) > SHOWN_COPIES else None
            for item in group:
                if type(item) is Finding:
                    yield item
                    continue
                finding = self.missing_finding(item)
                if crowds and item[2] in crowds:  # (its entry's)
                    finding.crowd = crowds[item[2]]
                yield finding

    def crowds(self, group: list) -> dict[int, int]:
        """Of a line's findings and missing terms (`report`'s group, of more than
        SHOWN_COPIES), the entries with more than SHOWN_COPIES and their numbers, which
        share their msgid and msgctxt in the output (`findings.shown_text`), set on their
        made findings too (`Finding.crowd`). A line holds all the findings of its entries."""
        entry_of = self.entry_of
        counts = Counter(item[2] if type(item) is tuple else entry_of[id(item)] for item in group)
        crowds = {entry: n for entry, n in counts.items() if n > SHOWN_COPIES}
        for item in group:
            if type(item) is Finding and entry_of[id(item)] in crowds:
                item.crowd = crowds[entry_of[id(item)]]
        return crowds

    def json_findings(self, utf8: str | None = None) -> Iterator[Finding | JsonBlock]:
        """`findings` for `report.json_chunks`: the missing terms written already, in
        blocks, from a template per code; each other finding as it is, between them.
        ``utf8``: an error handler: a file whose findings are all missing terms may come
        in blocks of UTF-8 bytes encoded with it (its pieces encoded once each, not its
        whole text when written)."""
        if not self.made and not self.late and not self.ignores:
            # the findings are all missing terms (the usual: their concepts' ranks tell
            # their order on a line)
            ordered = self.missing_order()
            if ordered is not None:
                writer = _MissingJson(self, display_path(self.file), utf8)
                yield from self.json_missing(writer, *ordered)
                return
        writer = _MissingJson(self, display_path(self.file))
        add_line = writer.add_line
        for group, made in self.report():
            writer.crowds = self.crowds(group) if len(group) > SHOWN_COPIES else None
            if not made:
                add_line(group)
            else:
                for item in group:
                    if type(item) is Finding:
                        if writer.items:
                            yield writer.block()
                        yield item
                    else:
                        writer.add(item)
            if len(writer.items) >= _JSON_BLOCK:
                yield writer.block()
        if writer.items:
            yield writer.block()

    def missing_finding(self, missing: _Missing) -> Finding:
        """The finding of a missing term."""
        code, message, entry, info, near, line = missing
        found = self.near_words[near] if near >= 0 else None
        finding = self.finding(code, info.concept, entry, message, info.expected, found)
        finding.line = line
        return finding

    def report(self) -> Iterator[tuple[list, bool]]:
        """The findings line by line, in the report's order: lists of made findings and
        missing terms (`_Missing`, their messages written), sorted as `Finding.sort_key`,
        each with whether it holds a made finding. What was found is emptied."""
        entries, concepts, near = self.found_entries, self.found_concepts, self.found_near
        made, late = self.made, self.late
        self.found_entries, self.found_concepts, self.found_forms = _columns()
        self.found_near, self.made, self.late = [], {}, []
        if not entries and not late:
            return
        self.entry_of = {id(finding): entries[at] for at, finding in made.items()}
        self.entry_of.update((id(finding), entry) for entry, finding in late)
        lines, keys, order = self.line_order(entries, [entry for entry, _f in late])
        # MV604 findings were found last: after the others of their line.
        late_lines = sorted(((lines[entry], finding) for entry, finding in late), key=_first)
        infos = self.infos
        # What a message says of the closest words, per near word.
        said = [f"; closest: {found!r}" for found in self.near_words]
        group: list = []
        made_in = False  # whether the group holds a made finding
        current = None
        j = 0
        late_next = late_lines[0][0] if late_lines else _NO_LINE
        for p in order:
            line = keys[p]
            while late_next < line:
                if late_next != current and group:
                    yield _in_order(group, made_in), made_in
                    group = []
                current = late_next
                made_in = True
                late_lines[j][1].line = current
                group.append(late_lines[j][1])
                j += 1
                late_next = late_lines[j][0] if j < len(late_lines) else _NO_LINE
            if line != current:
                if group:
                    yield _in_order(group, made_in), made_in
                    group = []
                    made_in = False
                current = line
            concept = concepts[p]
            if concept < 0:
                finding = made[p]
                finding.line = line
                group.append(finding)
                made_in = True
                continue
            info = infos[concept]
            found = near[p]
            if found >= 0:
                message = info.message + said[found]
            else:
                message = info.untranslated if found == _NO_TEXT else info.message
            group.append((info.code, message, entries[p], info, found, line))
        for late_line, finding in late_lines[j:]:
            if late_line != current and group:
                yield _in_order(group, made_in), made_in
                group = []
            current = late_line
            made_in = True
            finding.line = late_line
            group.append(finding)
        if group:
            yield _in_order(group, made_in), made_in

    def line_order(
        self, entries: list[int], others: list[int]
    ) -> tuple[dict[int, int], list[int], range | list[int]]:
        """The lines of the entries found (and of ``others``), the line of each found,
        and the positions of what was found in line order (found order on ties)."""
        lines = self.catalog.lines([*entries, *others])
        keys = list(map(lines.__getitem__, entries))
        if all(map(le, keys, keys[1:])):
            return lines, keys, range(len(keys))  # the usual case: found in line order
        return lines, keys, sorted(range(len(keys)), key=keys.__getitem__)  # stable

    def missing_order(self) -> tuple[array, set[int], dict[int, int], bool] | None:
        """The report's order of a file's missing terms (positions in what was found: by
        line, then code and message, the order found on ties), with the concepts found,
        the lines of their entries and whether each entry's are together in what was
        found (entries in order, each on a line of its own); made without a message, from
        each concept's rank among the concepts' codes and messages (whatever closest words
        each message ends with). None where that rank may not tell (`json_findings`): a
        message that is the start of another's (or the same) of its code, or a concept twice
        on one line (entries that share a line, as XLIFF's may: the closest words may
        decide)."""
        entries, concepts, near = self.found_entries, self.found_concepts, self.found_near
        infos = self.infos
        found = set(concepts)
        found.discard(-1)  # (none here: the findings are all missing terms)
        if not found:
            return None
        keyed = [(infos[c].code, infos[c].message, c) for c in found]
        has_untranslated = _NO_TEXT in near
        if has_untranslated:  # an untranslated entry's message: ranked at ~concept
            untranslated = set(compress(concepts, map(eq, near, repeat(_NO_TEXT))))
            keyed += [(infos[c].code, infos[c].untranslated, ~c) for c in untranslated]
        keyed.sort()
        for (code, message, _c), (next_code, next_message, _n) in pairwise(keyed):
            if code == next_code and next_message.startswith(message):
                return None
        ranks = [0] * (2 * (max(found) + 1))  # (~concept: counted from the end)
        for rank, (_code, _message, concept) in enumerate(keyed):
            ranks[concept] = rank
        # By entry where each entry has a line of its own (the same order).
        distinct = sorted(set(entries))
        lines = self.catalog.lines(distinct)
        places = list(map(lines.__getitem__, distinct))
        base = entries if all(map(lt, places, places[1:])) else [lines[e] for e in entries]
        del places, distinct
        scale = len(ranks)
        count = len(entries)
        # Found in line order (the usual): sorted a stretch at a time, cut between lines (the
        # same order, and no key of every finding held at once); else all at once.
        in_order = all(map(le, base, base[1:]))
        step = _ORDER_STEP if in_order else count
        order = array("l")
        start = 0
        while start < count:
            end = min(start + step, count)
            while end < count and base[end] == base[end - 1]:
                end += 1  # (a line's findings in one stretch)
            if has_untranslated:
                keys = [
                    at * scale + (ranks[~concept] if n == _NO_TEXT else ranks[concept])
                    for at, concept, n in zip(
                        base[start:end], concepts[start:end], near[start:end], strict=True
                    )
                ]
            else:
                keys = [
                    at * scale + ranks[concept]
                    for at, concept in zip(base[start:end], concepts[start:end], strict=True)
                ]
            if all(map(lt, keys, keys[1:])):
                order.extend(range(start, end))
            elif len(set(keys)) != len(keys):
                return None
            else:
                order.extend([start + at for at in sorted(range(len(keys)), key=keys.__getitem__)])
            start = end
        return order, found, lines, base is entries and in_order

    def json_missing(
        self, writer: _MissingJson, order: array, found: set[int], lines: dict, together: bool
    ) -> Iterator[JsonBlock]:
        """`json_findings` of a file whose findings are all missing terms and that has no
        ignore marks, in ``order`` (`missing_order`: of the concepts ``found``, with the
        ``lines`` of their entries; ``together``: each entry's in a run), written from
        pieces made once (per concept, closest
        words and entry) and joined once per block (`_missing_block`). The first block
        carries the counts of all. What was found is emptied.

        An item is its entry's head (a comma, ``a`` and its line), its concept's message
        without the closing quote, that quote or what the message says of the closest
        words, its entry's msgctxt and msgid between ``c`` and ``d``, its concept's ``e``
        (the expected terms) and the closest words' value (or null) with ``f``.
        """
        entries, concepts, near = self.found_entries, self.found_concepts, self.found_near
        self.found_entries, self.found_concepts, self.found_forms = _columns()
        self.found_near = []
        infos = self.infos
        severities = {self.severity(infos[concept].code) for concept in found}
        if len(severities) == 1:
            counts = {severities.pop(): len(entries)}
        else:
            counts = {}
            for concept, count in Counter(concepts).items():
                severity = self.severity(infos[concept].code)
                counts[severity] = counts.get(severity, 0) + count
        utf8 = writer.utf8
        errors = utf8 or "strict"
        # Per concept (lists by concept): its message's part and ``e``; per code: ``a``.
        size = max(found) + 1
        opened_of: list = [None] * size
        expected_of: list = [None] * size
        untranslated: dict[int, str | bytes] = {}  # its untranslated message's part
        heads: dict[int, str] = {}
        fixed = set()
        has_untranslated = _NO_TEXT in near
        for concept in found:
            info = infos[concept]
            a, b, c, d, e, f = writer.item_json(info, info.code)
            info.json = None  # (not kept: the parts below are)
            opened = b + info.said_json[0]
            heads[concept] = a
            fixed.add((c, d, f))
            if utf8 is not None:
                opened, e = opened.encode("utf-8", errors), e.encode("utf-8", errors)
            opened_of[concept], expected_of[concept] = opened, e
            if has_untranslated:
                said = b + info.said_json[2][:-1]
                untranslated[concept] = said if utf8 is None else said.encode("utf-8", errors)
        (c, d, f), *others = fixed
        if others:  # (the keys between the values are the same for every code)
            raise ValueError("the JSON of missing terms differs between their values")
        # Per closest words (a list by `found_near`; _NO_TEXT and _NO_WORDS from its end):
        # the rest of the message (after the concept's part), and the value of "found"
        # with ``f``.
        words = self.near_words
        closing = _json_values([f"; closest: {word!r}" for word in words], utf8)
        closing = [said[1:] for said in closing]
        values = _json_values(words, utf8)
        empty = b"" if utf8 is not None else ""
        if utf8 is not None:
            c, d, f = (piece.encode("utf-8", errors) for piece in (c, d, f))
            closing += [b'"', b'"']
            values += [b"null", b"null"]
        else:
            closing += ['"', '"']
            values += ["null", "null"]
        values = list(map(empty.join, zip(values, repeat(f))))
        # Each code's head with the comma before an item (one for all: the usual).
        comma = {a: _utf8_or_text(",\n" + a, utf8) for a in set(heads.values())}
        if len(comma) == 1:
            head_pieces: object = comma.popitem()[1]
        else:
            head_pieces = [None] * size
            for concept, a in heads.items():
                head_pieces[concept] = comma[a]  # type: ignore[index]
        catalog = self.catalog
        columns = (entries, concepts, near, lines, catalog.msgctxts, catalog.msgids)
        pieces = (head_pieces, opened_of, untranslated, closing, expected_of, values, c, d)
        count = _run_of(entries) if together else _counter_of(entries)
        for start in range(0, len(order), _JSON_BLOCK):
            block = order[start : start + _JSON_BLOCK]
            try:
                data = _missing_block(block, columns, pieces, utf8, json_encoder(), count)
            except TypeError:  # a lone surrogate: each value as `json_value` writes it
                data = _missing_block(block, columns, pieces, utf8, None, count)
            yield writer.joined_block([data], counts)
            counts = {}

    def miss_infos(self, indices: set[int]) -> dict[int, _MissInfo]:
        """What the findings of a missing term of each concept say (``indices``: the
        concepts; -1 is none)."""
        indices.discard(-1)
        facts, texts = self.compiled.miss_facts(), self.compiled.miss_texts()
        infos: dict[int, _MissInfo] = {}
        for index in sorted(indices):
            concept, _source, expected, *_rest = facts[index]
            code, message, untranslated, size, folded, concept_json, expected_json, said, *rest = (
                texts[index]
            )
            infos[index] = _MissInfo(
                code,
                concept,
                list(expected),
                message,
                untranslated,
                size,
                folded,
                concept_json,
                expected_json,
                rest[1],  # safe
                (said[:-1], said, rest[0]),
            )
        return infos

    def note_rendering(self, index: int, term: str, entry: int) -> None:
        """Which allowed term an entry used (deprecated ones are errors already)."""
        slot = self.renderings.get((index, term))
        if slot is None:
            self.renderings[(index, term)] = [1, entry]
        else:
            slot[0] += 1

    def report_inconsistencies(self) -> None:
        """Report concepts translated in more than one allowed way across the file."""
        by_concept: dict[int, dict[str, list[int]]] = {}
        for (index, term), slot in self.renderings.items():
            by_concept.setdefault(index, {})[term] = slot
        for index, renderings in by_concept.items():
            if len(renderings) < 2:
                continue
            rule = self.compiled.rules[index]
            # Most used first; ties by the order the glossary lists its terms.
            order = {term: i for i, term in enumerate(rule.expected)}
            ranked = sorted(
                renderings.items(), key=lambda kv: (-kv[1][0], order.get(kv[0], 99), kv[0])
            )
            main = ranked[0][0]
            other, (_count, first_other) = ranked[1]
            counts = ", ".join(f"{term!r} ({count}×)" for term, (count, _e) in ranked)
            message = f"{rule.source!r} is rendered in {len(ranked)} ways in this file: {counts}"
            if self.reports("MV604", rule.ignored):
                finding = self.finding("MV604", rule.concept, first_other, message, [main], other)
                finding.extra["renderings"] = {term: count for term, (count, _e) in ranked}
                self.late.append((first_other, finding))


def _negating(texts: list[str]) -> list[int]:
    """The positions of the msgids ``texts`` that hold a negator's letters
    (`_NEGATION_SIGNS`), in order: looked for in their UTF-8 joined by NULs, ASCII letters
    in small letters (bytes.lower: casefolding them as text cost more than all the rest),
    each msgid encoded on its own (its end found so: `text_ends` of the joined bytes cost
    more)."""
    if not texts:
        return []
    data = list(map(str.encode, texts))
    ends = list(accumulate(map(add, map(len, data), repeat(1))))  # (each one's NUL)
    joined = b"\x00".join(data).lower()
    hinted = set()
    for sign in _NEGATION_SIGNS:
        at = joined.find(sign)
        while at >= 0:
            index = bisect.bisect_right(ends, at)
            hinted.add(index)
            at = joined.find(sign, ends[index])  # (the next msgid)
    return sorted(hinted)


def _short_marked(firsts: list[str], signs: str) -> list[int]:
    """The positions of the translations ``firsts`` that are a short label
    (`rendered.LABEL`) with one of the cut marks ``signs`` in it, in order (the marks
    looked for in C)."""
    from moci_vocab.checkpo.rendered import LABEL

    marked = set()
    for sign in signs:
        marked.update(compress(range(len(firsts)), map(contains, firsts, repeat(sign))))
    return [i for i in sorted(marked) if len(firsts[i]) <= LABEL]


def _tail(before: list[str], texts: list[str]) -> list[str]:
    """The texts that lead the next chunk's source key (``before``: this chunk's own).

    `source_match._mark_names` reads back from a message to the previous space, which
    may be in an earlier text, or else to the very first character; part-of-speech tests
    read the previous message's last word. So: the last text, led by the last one with a
    space (or by the first text of all); the texts between have no space and change
    nothing. At most two texts, however many have no space.
    """
    if not texts:
        return before
    last = texts[-1]
    if " " in last:
        return [last]
    for back in range(len(texts) - 2, -1, -1):
        if " " in texts[back]:
            return [texts[back], last]
    anchor = before[0] if before else texts[0]
    return [last] if anchor is last else [anchor, last]


def _after(pairs: list[tuple[int, int]], skip: int) -> list[tuple[int, int]]:
    """The (text, concept) pairs of the texts after the first ``skip``, renumbered."""
    first = bisect.bisect_left(pairs, (skip, -(1 << 62)))
    return [(k - skip, concept) for k, concept in pairs[first:]]


def _all_json_safe(texts: list[str]) -> bool:
    """Whether `json_safe` holds for every text. Of a text all ASCII, only DEL is escaped:
    looked for in all the texts at once; only the few others (a catalog's msgids are
    nearly all ASCII) are searched with the regular expression."""
    if "\x7f" in "\x00".join(texts):
        return False
    return json_safe("\x00".join([text for text in texts if not text.isascii()]))


def _json_values(values: list[str | None], utf8: str | None) -> list:
    """`json_value` of each string or None, or with an error handler ``utf8`` its
    `json_utf8`: encoded by orjson in one ``map`` (a lone surrogate somewhere: one at a
    time, as those functions write it)."""
    dumps = json_encoder()
    try:
        encoded = list(map(dumps, values))
    except TypeError:
        if utf8 is None:
            return [json_value(value) for value in values]
        return [json_utf8(value, utf8) for value in values]
    return encoded if utf8 is not None else list(map(bytes.decode, encoded))


def _missing_block(
    block: array, columns: tuple, pieces: tuple, utf8: str | None, dumps, count
) -> str | bytes:
    """Missing terms ``block`` (positions in the columns) written as
    `FileCheck.json_missing` says, each led by a comma; ``dumps``: orjson's (TypeError
    for a lone surrogate), or None: each value as `json_value` (`json_utf8`) writes it;
    ``count``: how many missing terms the entry of a position has (`_run_of`).
    (A loop in Python: a ``map`` in C per piece costs more, a call each.)"""
    entries, concepts, near, lines, msgctxts, msgids = columns
    heads, opened_of, untranslated, closing, expected_of, values, c, d = pieces
    empty = b"" if utf8 is not None else ""
    one_head = type(heads) is not list
    head = number = middle = empty
    data: list = []
    extend = data.extend
    last = -1
    # Longer than this, an entry's msgctxt or msgid may be cut: to SHOWN_CHARS, or to its
    # findings' share where it has many (a text's JSON is no shorter).
    long = len(c) + len(d) + SHOWN_PREFIX
    for p in block:
        entry, concept, found = entries[p], concepts[p], near[p]
        if entry != last:
            last = entry
            number = str(lines[entry])
            context, msgid = msgctxts[entry], msgids[entry]
            if utf8 is not None:
                number = number.encode()
            middle = _entry_json(context, msgid, c, d, utf8, dumps, empty)
            if len(middle) > long:
                crowd = count(p)
                cut = shown_text(context, crowd), shown_text(msgid, crowd)
                if cut[0] is not context or cut[1] is not msgid:
                    middle = _entry_json(*cut, c, d, utf8, dumps, empty)
            if one_head:
                head = heads + number
        extend(
            (
                head if one_head else heads[concept] + number,
                opened_of[concept] if found != _NO_TEXT else untranslated[concept],
                closing[found],
                middle,
                expected_of[concept],
                values[found],
            )
        )
    return empty.join(data)


def _run_of(entries: list[int]) -> Callable[[int], int]:
    """How many findings the entry of a position has, where each entry's are together in
    ``entries`` (its run), or 1 where it has at most SHOWN_COPIES (they write its texts as
    one would). Asked for an entry with a long text only: a count of every entry's
    findings costs the hard case ~0.5%, and counting each run ~0.2%."""
    half = SHOWN_COPIES // 2

    def count(at: int) -> int:
        entry = entries[at]
        # A run of more than SHOWN_COPIES reaches `half` positions away on one side.
        if not (
            (at >= half and entries[at - half] == entry)
            or (at + half < len(entries) and entries[at + half] == entry)
        ):
            return 1
        start, end = at, at + 1
        while start and entries[start - 1] == entry:
            start -= 1
        while end < len(entries) and entries[end] == entry:
            end += 1
        return end - start if end - start > SHOWN_COPIES else 1

    return count


def _counter_of(entries: list[int]) -> Callable[[int], int]:
    """`_run_of` where an entry's findings may not be together: all counted, once."""
    counts: list[Counter] = []

    def count(at: int) -> int:
        if not counts:
            counts.append(Counter(entries))
        return counts[0][entries[at]]

    return count


def _entry_json(
    context: str | None, msgid: str, c: str, d: str, utf8: str | None, dumps, empty: str | bytes
) -> str | bytes:
    """An entry's msgctxt and msgid in JSON as `_missing_block` writes them, ``c`` before
    and ``d`` between (the caller cuts a long one as `shown_text` says)."""
    if dumps is not None:
        context, msgid = dumps(context), dumps(msgid)
        if utf8 is None:
            context, msgid = context.decode(), msgid.decode()
    elif utf8 is None:
        context, msgid = json_value(context), json_value(msgid)
    else:
        context, msgid = json_utf8(context, utf8), json_utf8(msgid, utf8)
    return empty.join((c, context, d, msgid))


def _utf8_or_text(text: str, utf8: str | None) -> str | bytes:
    """The text, or with an error handler its UTF-8."""
    return text if utf8 is None else text.encode("utf-8", utf8)


def _columns() -> tuple[list[int], list[int], list[int]]:
    """Empty columns of entries, concepts and plural forms found (lists, not arrays: an
    array's append parses its argument as a C long, ~1,000 instructions a time, and
    three are made per finding; the integers are those of the catalog's and the
    glossary's columns, shared, so a finding costs three pointers)."""
    return [], [], []


_first = itemgetter(0)  # a tuple's first value


def _in_order(group: list, made: bool = True) -> list:
    """A line's findings and missing terms sorted as `Finding.sort_key` sorts them (all
    have this file, line and language: by code, then message; stable). ``made``: false
    when the group holds only missing terms."""
    if len(group) > 1:
        if not made or all(type(item) is tuple for item in group):
            group.sort(key=_CODE_AND_MESSAGE)
        else:
            group.sort(key=_code_and_message)
    return group


_CODE_AND_MESSAGE = itemgetter(0, 1)  # of a `_Missing`
# After every line.
_NO_LINE = 1 << 62


def _code_and_message(item) -> tuple[str, str]:
    if type(item) is Finding:
        return item.code, item.message
    return item[0], item[1]


class _MissInfo(Record):
    """What the findings of one concept's missing term say (see `FileCheck.miss_info`)."""

    __slots__ = _fields = (
        "code",
        "concept",
        "expected",
        "message",
        "untranslated",
        "size",
        "folded",
        "concept_json",
        "expected_json",
        "safe",
        "said_json",
        "json",
        "joined",
        "pieces",
    )

    def __init__(
        self,
        code: str,
        concept: str,
        expected: list[str],
        message: str,
        untranslated: str,
        size: int,
        folded: str,
        concept_json: str,
        expected_json: str,
        safe: bool,
        said_json: tuple[str, str, str],
        json: tuple[str, ...] | None = None,
        joined: tuple[str, ...] | None = None,
        pieces: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.code = code
        self.concept = concept  # its id
        self.expected = expected
        self.message = message  # with a translation (the closest words follow, if any)
        self.untranslated = untranslated  # without one
        self.size = size  # the first expected term's: its words, casefolded
        self.folded = folded
        # JSON of its id and of its expected terms (not indented); whether the JSON of
        # those and of its messages needs no escape (`compile.MissTexts`).
        self.concept_json = concept_json
        self.expected_json = expected_json
        self.safe = safe
        # Its message as JSON without the closing quote, whole, and untranslated's.
        self.said_json = said_json
        # Its JSON item between the values that differ (not suppressed; and per suppression).
        self.json = json
        self.joined = joined  # see `_MissingJson.joined`
        self.pieces = pieces


# A missing term, its message written: code, message, entry, _MissInfo, closest words
# (an index into `FileCheck.near_words`, or _NO_WORDS or _NO_TEXT), line.
_Missing = tuple[str, str, int, _MissInfo, int, int]
_NO_WORDS = -1
_NO_TEXT = -2
# Missing terms written to JSON in one block.
_JSON_BLOCK = 512
# Missing terms put in the report's order at a time (`FileCheck.missing_order`).
_ORDER_STEP = 4096
# Where a concept's id and expected terms go in a template's pieces (`_MissingJson.template`).
_CONCEPT, _EXPECTED = "\ue010", "\ue011"
# The values a missing term's JSON item is written with, in this order (`_MissingJson.add`).
_JSON_VALUES = ("line", "message", "msgctxt", "msgid", "found")


class _MissingJson:
    """Writes a file's missing terms as `report.json_chunks` would, from a template per
    code and suppression, with each concept's values in: the values of a finding are
    joined in, JSON-encoded once (per entry, concept or closest words)."""

    def __init__(self, check: FileCheck, shown_file: str, utf8: str | None = None):
        self.check = check
        self.shown_file = shown_file
        # The error handler with which `FileCheck.json_missing` writes UTF-8 bytes (each
        # piece encoded once: a concept's, an entry's, a near word's), or None: text,
        # encoded whole when written.
        self.utf8 = utf8
        self.templates: dict[tuple[str, str | None], tuple] = {}  # see `template`
        self.split: dict[str, tuple[str, ...] | None] = {}  # see `split_template`
        self.items: list[str] = []
        self.written: dict[str, int] = {}  # code → items written that count (not suppressed)
        self.suppressed: dict[str, int] = {}  # how → items written suppressed (`Tally`)
        self.ignores = check.ignores
        self.entry = -1
        self.entry_json = ("", "")
        # The current line's entries with more than SHOWN_COPIES findings and their numbers
        # (`FileCheck.crowds`), or None.
        self.crowds: dict[int, int] | None = None
        # Per near word (`FileCheck.near_words`): its JSON, and the JSON of what a message
        # says of it without the opening quote (a JSON string is escaped letter by letter).
        self.near_json: list[tuple[str, str] | None] = [None] * len(check.near_words)
        # Whether what is written holds no character `escape_json_text` escapes: the
        # values come from the catalog's texts, the near words (`FileCheck.near_safe`),
        # the concepts' terms and the templates, each checked once.
        catalog = check.catalog
        self.safe = (
            check.near_safe
            and _all_json_safe(catalog.msgids)
            and _all_json_safe([context for context in catalog.msgctxts if context])
        )

    def pieces(self, info: _MissInfo, key: tuple[str, str | None]) -> tuple[str, ...]:
        """The text of a missing term of this concept, code and suppression between the
        values of `_JSON_VALUES`."""
        known = self.templates.get(key)
        if known is None:
            known = self.templates[key] = self.template(key)
        template, marked, where = known
        concept = info.concept_json
        expected = info.expected_json.replace("\n", "\n" + " " * template.indents["expected"])
        if marked is None:  # the file's name holds a marker: filled one by one
            pieces, _names = template.filled({"concept": concept, "expected": expected})
        else:
            filled = list(marked)
            for at in where:
                filled[at] = filled[at].replace(_CONCEPT, concept).replace(_EXPECTED, expected)
            pieces = tuple(filled)
        self.safe = self.safe and info.safe
        if key[1] is None:
            info.json = pieces
        else:
            if info.pieces is None:
                info.pieces = {}
            info.pieces[key[1]] = pieces
        return pieces

    def split_template(self, code: str) -> tuple[str, ...] | None:
        """The pieces of a code's template (not suppressed) cut at the markers of a
        concept's id (in the second piece) and expected terms (in the fifth), and the
        newline and indent of the expected terms' lines; None when the markers are
        elsewhere or more than once (then `pieces` fills them in)."""
        known = self.templates.get((code, None))
        if known is None:
            known = self.templates[(code, None)] = self.template((code, None))
        template, marked, where = known
        if marked is None or where != [1, 4] or len(marked) != 6:
            return None
        a, b, c, d, e, f = marked
        if b.count(_CONCEPT) != 1 or _EXPECTED in b or e.count(_EXPECTED) != 1 or _CONCEPT in e:
            return None
        b1, b2 = b.split(_CONCEPT)
        e1, e2 = e.split(_EXPECTED)
        return a, b1, b2, c, d, e1, e2, f, "\n" + " " * template.indents["expected"]

    def template(self, key: tuple[str, str | None]) -> tuple:
        """The template of a code and suppression; its pieces filled with markers for a
        concept's values, and which of them hold one (None, None: a marker is taken)."""
        code, suppressed = key
        values = tuple(map(hole, ("msgctxt", "msgid", "expected", "found")))
        sample = self.check.make(code, hole("concept"), hole("message"), values, suppressed)
        sample.line = hole("line")  # type: ignore[assignment]
        template = JsonTemplate(sample, self.shown_file)
        text = "".join(template.pieces)
        self.safe = self.safe and json_safe(text)
        marked, names = template.filled({"concept": _CONCEPT, "expected": _EXPECTED})
        if names != _JSON_VALUES:
            raise ValueError(f"a missing term's JSON has the values {names}")
        if _CONCEPT in text or _EXPECTED in text:
            return template, None, None
        where = [at for at, piece in enumerate(marked) if _CONCEPT in piece or _EXPECTED in piece]
        return template, marked, where

    def near(self, index: int) -> tuple[str, str]:
        """Near word ``index`` as JSON, and what a message says of it (see `near_json`)."""
        found = self.check.near_words[index]
        said = json_value(f"; closest: {found!r}")
        known = self.near_json[index] = (json_value(found), said[1:])
        return known

    def add(self, missing: _Missing) -> None:
        """Write one missing term."""
        code, _message, entry, info, found, line = missing
        suppressed = self.check.suppression(entry, info.concept) if self.ignores else None
        if suppressed is None:
            pieces = info.json or self.pieces(info, (code, None))
            self.written[code] = self.written.get(code, 0) + 1
        else:
            known = info.pieces and info.pieces.get(suppressed)
            pieces = known or self.pieces(info, (code, suppressed))
            self.suppressed[suppressed] = self.suppressed.get(suppressed, 0) + 1
        context, msgid = self.entry_json if entry == self.entry else self.entry_values(entry)
        a, b, c, d, e, f = pieces
        opened, message, untranslated = info.said_json
        if found >= 0:
            near, closest = self.near_json[found] or self.near(found)
            said = opened + closest
        else:
            near = "null"
            said = untranslated if found == _NO_TEXT else message
        self.items.append(f"{a}{line}{b}{said}{c}{context}{d}{msgid}{e}{near}{f}")

    def entry_values(self, at: int) -> tuple[str, str]:
        """Entry ``at``'s msgctxt and msgid as JSON values, kept as the current entry's
        for its next findings (an entry's are together)."""
        catalog = self.check.catalog
        self.entry = at
        values = self.entry_json = (
            json_value(catalog.msgctxts[at]),
            json_value(catalog.msgids[at]),
        )
        crowds = self.crowds
        crowd = crowds[at] if crowds and at in crowds else 1
        # (a text's JSON is no shorter: not cut when the JSON of both is short)
        if len(values[0]) + len(values[1]) > (SHOWN_CHARS if crowd == 1 else SHOWN_PREFIX):
            context, msgid = catalog.msgctxts[at], catalog.msgids[at]
            cut = shown_text(context, crowd), shown_text(msgid, crowd)
            if cut[0] is not context or cut[1] is not msgid:
                values = self.entry_json = (json_value(cut[0]), json_value(cut[1]))
        return values

    def add_line(self, group: list[_Missing]) -> None:
        """Write a line's missing terms (`add` of each, with fewer pieces to join: a
        concept's text around its message and a line's msgctxt and msgid joined once)."""
        if self.ignores:
            for missing in group:
                self.add(missing)
            return
        append, written, near_json = self.items.append, self.written, self.near_json
        entry = self.entry
        context, msgid = self.entry_json
        middle, joiner = "", None  # msgctxt, the piece between and msgid, and that piece
        for code, _message, at, info, found, line in group:
            joined = info.joined or self.joined(info, code)
            if code in written:
                written[code] += 1
            else:
                written[code] = 1
            if at != entry:
                entry = at
                context, msgid = self.entry_values(at)
                joiner = None
            a, said, untranslated, opened, c, d, rest, e, f = joined
            if d is not joiner:
                middle, joiner = f"{context}{d}{msgid}", d
            if found >= 0:
                near, closest = near_json[found] or self.near(found)
                append(f"{a}{line}{opened}{closest}{c}{middle}{e}{near}{f}")
            else:
                append(f"{a}{line}{untranslated if found == _NO_TEXT else said}{middle}{rest}")

    def joined(self, info: _MissInfo, code: str) -> tuple[str, ...]:
        """`pieces` (not suppressed) with a concept's values joined in where they are the
        same for all its missing terms (see `add_line`)."""
        opened, message, untranslated = info.said_json
        a, b, c, d, e, f = self.item_json(info, code)
        info.joined = (
            a,
            b + message + c,
            b + untranslated + c,
            b + opened,
            c,
            d,
            e + "null" + f,
            e,
            f,
        )
        return info.joined

    def item_json(self, info: _MissInfo, code: str) -> tuple[str, ...]:
        """`pieces` of a concept's missing term (not suppressed), kept as its ``json``."""
        if info.json is not None:
            return info.json
        split = self.split.get(code, False)
        if split is False:
            split = self.split[code] = self.split_template(code)
        # The usual: its id and expected terms joined in directly (`pieces` would put the
        # expected terms in place of a marker inside the id too).
        if split is not None and _EXPECTED not in info.concept_json:
            a, b1, b2, c, d, e1, e2, f, pad = split
            b = f"{b1}{info.concept_json}{b2}"
            expected = info.expected_json.replace("\n", pad)
            e = f"{e1}{expected}{e2}"
            info.json = (a, b, c, d, e, f)
            self.safe = self.safe and info.safe
            return info.json
        return self.pieces(info, (code, None))

    def joined_block(self, pieces: list, counts: dict[str, int]) -> JsonBlock:
        """A block of items each led by a comma and a newline (`FileCheck.json_missing`)."""
        empty = b"" if self.utf8 is not None else ""
        return json_block([empty.join(pieces)[2:]], counts, self.safe)

    def block(self) -> JsonBlock:
        """The missing terms written since the last block."""
        counts: dict[str, int] = {}
        for code, count in self.written.items():
            severity = self.check.severity(code)
            counts[severity] = counts.get(severity, 0) + count
        block = json_block(self.items, counts, self.safe, self.suppressed or None)
        self.items, self.written, self.suppressed = [], {}, {}
        return block


# From this many characters a translation's second readings (`closest_words`) are made once
# for all its missing terms (no committed or held-out translation is that long).
_LONG_TRANSLATION = 4096
# How many prepared translations a check keeps for its rules (`_Prepared`): all of an
# everyday catalog's, a bounded share of a huge one's (~2 MB).
_KEPT_LOWS = 16_384


class _Prepared:
    """The first translations of the entries with a term, as the chunks prepared them
    (`run_chunk`: `target_match.lowered`), by entry, for a rule that reads them again (the
    conventions). Each chunk's lists are kept as they are, up to _KEPT_LOWS translations
    (the rule prepares the others again); the index by entry of those with a term is made
    when a rule first asks (a check that asks for none makes none: a dict of 15,000 entries
    is 9 M instructions, 0.4% of the generated 15k-entry case), not a binary search of the
    chunks per look-up (three `bisect` calls: 10 M instructions for the conventions rule's
    2,500 look-ups on the real 15.8k-entry case)."""

    def __init__(self) -> None:
        # each chunk's entries, the positions among them of those with a term, and those
        # entries' first translations prepared (the chunk's `chosen`, `with_terms`, `lows`)
        self.chunks: list[tuple[list[int], list[int], list[str]]] = []
        self.size = 0
        self.by_entry: dict[int, str] | None = None  # entry → its prepared translation

    def add(self, chosen: list[int], with_terms: list[int], lows: list[str]) -> None:
        """A chunk's: ``lows[i]`` is the translation of entry ``chosen[with_terms[i]]``
        (``with_terms`` ascending), the chunks in the order of their entries."""
        room = _KEPT_LOWS - self.size
        if room <= 0 or not lows:
            return
        if len(lows) > room:
            with_terms, lows = with_terms[:room], lows[:room]
        self.chunks.append((chosen, with_terms, lows))
        self.size += len(lows)
        self.by_entry = None  # (made again when next asked)

    def get(self, entry: int) -> str | None:
        """The entry's first translation prepared, or None if no chunk kept it."""
        by_entry = self.by_entry
        if by_entry is None:
            by_entry = self.by_entry = {}
            for chosen, with_terms, lows in self.chunks:
                by_entry.update(zip(map(chosen.__getitem__, with_terms), lows, strict=True))
        return by_entry.get(entry)


class _Probed(str):
    """A long translation (casefolded) whose ``in`` tests of the probes of its entry's
    concepts (`Compiled.inline_tests`: allowed and bad terms) were answered in one pass
    (`substrings.found_in`), not by a scan of it per concept (2,000 missing terms of a
    1 MB translation: 2,000 scans); any other ``in`` is str's."""

    asked: frozenset[str] = frozenset()  # the probes looked for
    found: frozenset[str] = frozenset()  # those of them in the text

    def __contains__(self, part: object) -> bool:
        if part in self.asked:
            return part in self.found
        return str.__contains__(self, part)  # type: ignore[operator]


def _probed(low: str, k: int, pairs: list[tuple[int, int]], inline_tests: list) -> _Probed:
    """``low``, the first translation of the chunk's entry ``k``, with the probes of the
    concepts paired with it (``pairs``: in entry order) looked for at once."""
    from moci_vocab.checkpo.substrings import found_in  # (a long translation is rare)

    asked: set[str] = set()
    at = bisect.bisect_left(pairs, (k,))
    while at < len(pairs) and pairs[at][0] == k:
        inline = inline_tests[pairs[at][1]]
        at += 1
        if inline is not None:
            term, bad = inline
            if term is not None:
                asked.add(term[3])
            asked.update(bad or ())
    probed = _Probed(low)
    probed.asked, probed.found = frozenset(asked), frozenset(found_in(low, asked))
    return probed


# From this many words a translation's closest word is searched among its distinct words
# (or phrases), and among the first _MANY_CHOICES of them only: a bound on the work per
# missing term (no committed or held-out catalog has a translation of that many words).
_MANY_CHOICES = 1024


def _once(choices: list[str]) -> tuple[list[str], list[int]]:
    """The first _MANY_CHOICES distinct ``choices``, in order, and the index of each one's
    first place: rapidfuzz's extractOne gives the first of the best, so over these it finds
    what it found over all (when they are all there). A 1 MB translation was compared
    word by word once per missing term: 2,000 terms, minutes."""
    first: dict[str, int] = {}
    for index, choice in enumerate(choices):
        if choice not in first:
            first[choice] = index
            if len(first) == _MANY_CHOICES:
                break
    return list(first), list(first.values())
