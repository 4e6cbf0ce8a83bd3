"""`moci-vocab suggest` and `extract`: grow the glossary from existing translations."""

from __future__ import annotations

from pathlib import Path

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    apply_outcome,
    confirm_or_refuse,
    echo_json,
    examples,
    format_option,
    pass_state,
    progress_bar,
    say,
    yes_option,
)

CATALOG_SUFFIXES = (
    ".po", ".pot", ".mo", ".gmo", ".csv", ".tsv", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx",
)  # fmt: skip


def _split_arguments(arguments: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """FILE… ID…: an argument is a file when it exists or has a catalog's suffix, else an id."""
    from moci_vocab.model import is_slug

    files: list[Path] = []
    ids: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.suffix.lower() in CATALOG_SUFFIXES or path.exists() or not is_slug(argument):
            files.append(path)
        else:
            ids.append(argument)
    if not files:
        raise click.UsageError("give at least one catalog file (PO, MO, XLIFF, TMX or CSV)")
    return files, ids


def _clean(text: str) -> str:
    from moci_vocab.cli import printable

    return printable(" ".join(text.split()))


@click.command(
    epilog=examples(
        "moci-vocab suggest locale/ka/LC_MESSAGES/*.po --lang ka",
        "moci-vocab suggest site-sq.po report.xlf --lang sq resilience --apply --yes",
    )
)
@click.argument("arguments", nargs=-1, required=True, metavar="FILE… [ID…]")
@click.option("--lang", required=True, help="The target language of the files.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50))
@format_option(*FORMAT_TEXT_JSON)
@click.option("--apply", "apply_", is_flag=True, help="Add each best candidate as a draft term.")
@yes_option("Do not ask before --apply writes.")
@pass_state
def suggest_cmd(
    state: State, arguments: tuple[str, ...], lang: str, limit: int, fmt: str, apply_: bool, yes
):
    """Propose LANG terms for concepts from translations you already have.

    Reads PO, MO, XLIFF, TMX and CSV files; for each concept (by default every
    concept with no LANG term yet; or the IDs given after the files) it ranks
    the target words and phrases that occur with the concept's source term,
    shown in their dictionary form, with the entries that support them.
    """
    from moci_vocab.checkpo.compile import glossary_languages, load_compiled
    from moci_vocab.checkpo.run import resolve_language
    from moci_vocab.errors import MociError
    from moci_vocab.learn.align import suggest
    from moci_vocab.learn.corpus import read_corpus

    files, ids = _split_arguments(arguments)
    root = state.root()
    languages = glossary_languages(root)
    tag, problem = resolve_language(lang, languages)
    if tag is None:
        raise MociError(problem)
    # The compiled glossary of check-po (cached): no YAML is read when nothing changed.
    compiled = load_compiled(root, tag)
    if tag == compiled.source_language:
        raise MociError(f"{tag} is the glossary's source language; give a target language")
    concepts = _chosen_concepts(state, compiled, ids)
    if not concepts:  # said, or an empty output reads as "nothing was read"
        say(state, f"every concept has a {tag} term; name concepts after the files to rank them")
        if fmt == "json":
            echo_json([])
        return
    with progress_bar(state, "reading the files") as progress:
        corpus = read_corpus(
            files,
            tag,
            compiled.source_language,
            progress=progress,
            resolve=lambda raw: resolve_language(raw, languages)[0],
        )
    if not len(corpus):
        raise MociError(f"no translated entries in {', '.join(map(str, files))}")
    with progress_bar(state, "aligning the concepts") as progress:
        results = suggest(corpus, compiled, concepts, limit, progress)
    lines = corpus.lines({e for s in results for c in s.candidates for e in c.examples})
    if fmt == "json":
        echo_json([_suggestion_json(corpus, s, lines) for s in results])
    else:
        _print_suggestions(corpus, results, lines)
    if apply_:
        _apply_suggestions(state, root, tag, results, files, yes)


def _chosen_concepts(state: State, compiled, ids: list[str]) -> list[str]:
    """The concepts named, or every concept with no term in the language (not names)."""
    known = {rule.concept for rule in compiled.rules}
    missing = [i for i in ids if i not in known]
    if missing:
        from moci_vocab.errors import MociError
        from moci_vocab.operations import require_concept

        require_concept(state.glossary(), missing[0])  # "no concept x (did you mean …)"
        raise MociError(f"the concept {missing[0]!r} has no source term to look for")
    if ids:
        return list(dict.fromkeys(ids))
    return [
        rule.concept
        for rule in compiled.rules
        if not rule.allowed and not rule.bad and not rule.do_not_translate
    ]


def _examples(corpus, entries: list[int], lines: dict[int, int]) -> list[dict]:
    return [
        {
            "file": str(corpus.files[corpus.origins[e]]),
            "line": lines[e],
            "source": corpus.sources[e],
            "target": corpus.targets[e],
        }
        for e in entries
    ]


def _suggestion_json(corpus, suggestion, lines: dict[int, int]) -> dict:
    return {
        "concept": suggestion.concept,
        "lang": suggestion.lang,
        "candidates": [
            {
                "term": c.term,
                "score": round(c.score, 4),
                "count": c.count,
                "examples": _examples(corpus, c.examples, lines),
            }
            for c in suggestion.candidates
        ],
    }


def _print_suggestions(corpus, results, lines: dict[int, int]) -> None:
    for s in results:
        entries = "1 entry" if s.entries == 1 else f"{s.entries} entries"
        click.echo(f"{s.concept} ({_clean(s.source)}): {entries}")
        if not s.candidates:
            click.echo("  no candidate (the source term is in no translated entry)")
        for rank, c in enumerate(s.candidates, 1):
            support = "1 entry" if c.count == 1 else f"{c.count} entries"
            click.echo(f"  {rank}. {_clean(c.term)}  score {c.score:.2f}, {support}")
            for example in _examples(corpus, c.examples, lines):
                click.echo(
                    f"       {_clean(example['file'])}:{example['line']}  "
                    f"{_clean(example['source'])[:70]} → {_clean(example['target'])[:70]}"
                )


def _apply_suggestions(state: State, root: Path, lang: str, results, files, yes: bool) -> None:
    from moci_vocab.learn.apply import apply_suggestions

    chosen = [s for s in results if s.candidates]
    if not chosen:
        say(state, "nothing to apply: no concept has a candidate")
        return
    confirm_or_refuse(
        f"Add {len(chosen)} draft {lang} term(s) (the first candidate of each)?",
        yes,
        "--apply changes the glossary: pass --yes to add the draft terms",
    )
    with state.editing() as glossary:  # the write lock, as every editing command
        apply_outcome(state, apply_suggestions(glossary, chosen, files))


@click.command(
    epilog=examples(
        "moci-vocab extract locale/sq/LC_MESSAGES/django.po --min-count 3",
        "moci-vocab extract site.pot --limit 20 --apply",
    )
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--min-count", default=3, show_default=True, type=click.IntRange(1))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--lang", help="For TMX files: the target language of the units to read.")
@format_option(*FORMAT_TEXT_JSON)
@click.option("--apply", "apply_", is_flag=True, help="Add candidates as draft concepts.")
@yes_option("With --apply: add every candidate, do not ask.")
@pass_state
def extract_cmd(state: State, files, min_count: int, limit: int, lang, fmt: str, apply_, yes):
    """List English terms the glossary lacks, from the source side of catalogs.

    Noun phrases of up to four words, ranked by termhood (C-value), without
    stop words, placeholders, markup and code; terms the glossary has (and their
    plurals and spellings) are left out. Untranslated entries count too.
    """
    from moci_vocab.errors import MociError
    from moci_vocab.learn.corpus import read_corpus
    from moci_vocab.learn.extract import extract

    glossary = state.glossary()
    source = glossary.source_language
    with progress_bar(state, "reading the files") as progress:
        corpus = read_corpus(list(files), lang, source, bilingual=False, progress=progress)
    if not len(corpus):
        raise MociError(f"no entries in {', '.join(map(str, files))}")
    known = [(t.term, t.pos) for c in glossary.concepts.values() for t in c.terms.get(source, ())]
    with progress_bar(state, "extracting terms") as progress:
        found = extract(corpus, known, min_count, limit, progress)
    lines = corpus.lines({e for c in found for e in c.examples})
    if fmt == "json":
        echo_json(
            [
                {
                    "term": c.term,
                    "score": c.score,
                    "count": c.count,
                    "examples": _examples(corpus, c.examples, lines),
                }
                for c in found
            ]
        )
    else:
        if not found:
            say(state, f"no candidate seen in {min_count} or more entries")
        for rank, c in enumerate(found, 1):
            example = _clean(corpus.sources[c.examples[0]])[:70] if c.examples else ""
            click.echo(f"{rank:>3}. {_clean(c.term)}  score {c.score:.1f}, {c.count}  «{example}»")
    if apply_ and found:
        _apply_extracted(state, found, list(files), yes)


def _apply_extracted(state: State, found, files: list[Path], yes: bool) -> None:
    from moci_vocab.cli.common import is_interactive
    from moci_vocab.errors import MociError
    from moci_vocab.learn.apply import apply_extracted

    if yes:
        chosen = found
    elif is_interactive():
        ask = "Add {!r} as a draft concept?"
        chosen = [c for c in found if click.confirm(ask.format(_clean(c.term)), err=True)]
    else:
        raise MociError("--apply changes the glossary: pass --yes to add every candidate shown")
    if not chosen:
        say(state, "nothing added")
        return
    with state.editing() as glossary:
        apply_outcome(state, apply_extracted(glossary, chosen, files))
