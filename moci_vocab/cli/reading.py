"""Commands that read the glossary: show, list, search, stats."""

from __future__ import annotations

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    data_text,
    echo_json,
    examples,
    format_option,
    is_terminal_output,
    pass_state,
    print_rich,
    say,
    say_skipped,
    split_list,
)
from moci_vocab.model import CONCEPT_STATUSES

STATUS_MARK = {
    "preferred": " (preferred)",
    "admitted": " (admitted)",
    "deprecated": " (deprecated)",
    "forbidden": " (forbidden)",
}


@click.command(epilog=examples("moci-vocab show reconciliation --format json"))
@click.argument("concept_id", metavar="ID")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def show_cmd(state: State, concept_id: str, fmt: str) -> None:
    """Show concept ID: definitions, terms in every language, links."""
    from moci_vocab.cache import gc_paused

    # One concept read and printed: few objects, dying with the command; the collector
    # would only walk the modules imported on the way (~17 M instructions on 10,000 concepts).
    with gc_paused():
        _show(state, concept_id, fmt)


def _show(state: State, concept_id: str, fmt: str) -> None:
    from moci_vocab.errors import MociError
    from moci_vocab.fileindex import readable_glossary
    from moci_vocab.store import require_concept

    with state.reading() as root:  # one file read, the others known from the file index
        glossary, skipped, autonyms = readable_glossary(root, terms=False)
        for finding in skipped:
            if finding.concept == concept_id:  # the concept asked for cannot be read: say why
                raise MociError(finding.message, finding.file, finding.line, finding.column)
        say_skipped(skipped)
        concept = require_concept(glossary, concept_id)
    if fmt == "json":
        echo_json(concept.to_dict())
        return
    _print_concept(glossary, concept, autonyms)


def _print_concept(glossary, concept, autonyms: dict[str, str]) -> None:
    from moci_vocab.cli.common import print_runs

    print_runs(*_concept_view(glossary, concept, autonyms))


def _concept_view(glossary, concept, autonyms: dict[str, str]):
    """What `show` prints, as styled runs: (lines before, table rows, lines after).

    Data goes through ``printable`` run by run, as ``data_text`` would; our own marks
    (separators, status, review state) are printed as they are.
    """
    from moci_vocab.languages import autonym_or_tag
    from moci_vocab.safetext import printable

    details = [concept.status]
    if concept.domain:
        details.append(f"domain: {concept.domain}")
    if concept.tags:
        details.append("tags: " + ", ".join(concept.tags))
    if concept.do_not_translate:
        details.append("do not translate")
    before = [[(printable(concept.id), "bold"), (printable("  " + " · ".join(details)), "dim")]]
    for lang, text in concept.definition.items():
        before.append([(printable(f"  {lang}: "), "dim"), (printable(text), "")])
    for lang, text in concept.note.items():
        before.append([(printable(f"  note ({lang}): "), "dim"), (printable(text), "")])
    rows = []
    languages = glossary.languages()
    for lang in [*languages, *(k for k in concept.terms if k not in languages)]:
        terms = preferred_first(concept.terms.get(lang, []))
        shown = []
        for i, term in enumerate(terms):
            if i:
                shown.append((", ", ""))
            style = "strike" if term.status in ("deprecated", "forbidden") else ""
            if term.status == "preferred":
                style = "bold"
                shown.append(("★ ", "green"))
            shown.append((printable(term.term), style))
            shown.append((STATUS_MARK[term.status], "dim"))
            if term.review is not None and term.review.state != "approved":
                shown.append((f" [{term.review.state}]", "yellow"))
        if not terms:
            shown.append(("—", "dim"))
        autonym = autonyms.get(lang) or autonym_or_tag(lang)
        rows.append([[(printable(lang), "cyan")], [(printable(autonym), "dim")], shown])
    after = [
        [(printable(f"  {kind}: "), "dim"), (printable(", ".join(links)), "")]
        for kind in ("related", "broader")
        if (links := getattr(concept, kind))
    ]
    return before, rows, after


def preferred_first(terms: list) -> list:
    """The terms with the preferred one first, the others in the file's order."""
    return sorted(terms, key=lambda term: term.status != "preferred")


def _sort_concepts(glossary, concepts: list, lang: str | None) -> list:
    """By the term in ``lang`` in that language's alphabetical order, else by id."""
    if not lang:
        return sorted(concepts, key=lambda c: c.id)
    from moci_vocab.collation import sort_key

    def key(concept):
        term = concept.representative(lang)
        return (term is None, sort_key(term.term, lang) if term else (), concept.id)

    return sorted(concepts, key=key)


@click.command(
    name="list",
    epilog=examples("moci-vocab list --lang sq --tag core", "moci-vocab list --missing hy"),
)
@click.option("--lang", help="Show terms in this language, sorted in its alphabetical order.")
@click.option("--tag", "tags", multiple=True, help="Only concepts with this tag.")
@click.option("--domain", help="Only concepts in this domain.")
@click.option(
    "--status", type=click.Choice(CONCEPT_STATUSES), help="Only concepts with this status."
)
@click.option(
    "--missing",
    metavar="LANG",
    help="Only concepts that still need a preferred LANG term (do-not-translate names do not).",
)
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def list_cmd(state: State, lang, tags, domain, status, missing, fmt) -> None:
    """List concepts, filtered; with --lang in that language's alphabetical order."""
    from moci_vocab.operations import require_language
    from moci_vocab.selection import Selection, require_known

    glossary = state.readable_glossary()
    lang = require_language(glossary, lang) if lang else None
    missing = require_language(glossary, missing) if missing else None
    selection = Selection(tags=split_list(tags), domain=domain, status=status, missing=missing)
    require_known(glossary, selection.tags, domain)
    concepts = _sort_concepts(glossary, selection.apply(glossary), lang)
    if not concepts:  # a sentence, not an empty table (JSON stays a list)
        say(state, selection.nothing_selected(glossary))
    if fmt == "json":
        echo_json([concept.to_dict() for concept in concepts])
        return
    if concepts:
        _print_list(glossary, concepts, lang)
        say(state, f"{len(concepts)} concept(s)")


def _print_list(glossary, concepts: list, lang: str | None) -> None:
    from rich.table import Table

    from moci_vocab.cli.common import stdout_console

    source = glossary.source_language
    headers = ["id", source]
    if lang and lang != source:
        headers.append(lang)
    rows = []
    for concept in concepts:
        row = [concept.id, _term_text(concept, source)]
        if lang and lang != source:
            row.append(_term_text(concept, lang))
        row.append(concept.definition.get(lang or source) or concept.definition.get(source, ""))
        rows.append([data_text(cell) for cell in row])
    table = Table(box=None, header_style="bold")
    for header in headers:
        table.add_column(data_text(header))
    console = stdout_console()
    if not is_terminal_output():  # never cut in a pipe
        table.add_column("definition")
    elif (room := _definition_room(console.width, headers, rows)) is not None:
        table.add_column("definition", overflow="ellipsis", no_wrap=True, max_width=room)
    else:  # too narrow for definitions: the ids and terms are what a list is for
        rows = [row[:-1] for row in rows]
    for row in rows:
        table.add_row(*row)
    print_rich(table, console)


def _definition_room(width: int, headers: list[str], rows: list) -> int | None:
    """How wide the definitions may be on a terminal ``width`` cells wide: at most 60, what
    the id and terms leave (they are never squeezed for it); None when under 20 is left."""
    from rich.cells import cell_len

    taken = 0
    for at, header in enumerate(headers):  # each column: its widest cell and a space each side
        taken += max([cell_len(header), *(cell_len(row[at].plain) for row in rows)]) + 2
    room = min(60, width - taken - 2)
    return room if room >= 20 else None


def _term_text(concept, lang: str) -> str:
    term = concept.preferred(lang)
    return term.term if term else "—"


@click.command(
    epilog=examples("moci-vocab search sherigeba", "moci-vocab search pajtimi --lang sq")
)
@click.argument("query")
@click.option("--lang", help="Only terms in this language.")
@click.option("--limit", default=10, show_default=True, help="How many hits at most.")
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def search_cmd(state: State, query: str, lang: str | None, limit: int, fmt: str) -> None:
    """Fuzzy search in every language and across scripts (Latin finds Georgian).

    Hits within 20 points of the best one are shown. Exit status 1 when nothing is
    found (as grep), so scripts can test for it.
    """
    from moci_vocab.matching import load_search_data

    with state.reading() as root:
        data = load_search_data(root)  # cached keys: no YAML parsed when nothing changed
    say_skipped(data.skipped)
    if lang:
        from moci_vocab.model import Glossary
        from moci_vocab.operations import require_language

        lang = require_language(Glossary(root, data.manifest), lang)
    hits = data.index.only(lang).query(query, limit=limit)
    if fmt == "json":
        echo_json([hit.to_json() for hit in hits])
    elif not hits:
        say(state, f"nothing found for {query!r}")
    if not hits:  # as grep: exit status 1 when nothing matched
        raise click.exceptions.Exit(1)
    if fmt == "json":
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("score", "concept", "lang", "term", "preferred (source)"):
        table.add_column(column)
    for hit in hits:
        source_term = data.source_terms.get(hit.concept, "—")
        row = (f"{hit.score:.0f}", hit.concept, hit.lang, hit.term, source_term)
        table.add_row(*(data_text(cell) for cell in row))
    print_rich(table)


@click.command(epilog=examples("moci-vocab stats --format json"))
@format_option(*FORMAT_TEXT_JSON)
@pass_state
def stats_cmd(state: State, fmt: str) -> None:
    """Coverage per language, review states and growth of the glossary."""
    from moci_vocab.stats import glossary_stats

    glossary = state.readable_glossary()
    stats = glossary_stats(glossary)
    if fmt == "json":
        echo_json(stats)
        return
    from moci_vocab.cli.common import stdout_console

    console = stdout_console()
    title = f"{glossary.manifest.name} {glossary.manifest.version}: {stats['concepts']} concepts"
    table = _stats_table(stats, title, boxed=True, names=True)
    if console.is_terminal:  # fit the terminal: no box, then no names, before cutting
        from rich.measure import Measurement

        for boxed, names in ((False, True), (False, False)):
            wide = console.options.update(max_width=1 << 16)  # (else capped at the width)
            if Measurement.get(console, wide, table).maximum <= console.width:
                break
            table = _stats_table(stats, title, boxed, names)
    print_rich(table, console)
    console.print(
        "* required language · unreviewed: terms without a review state · progress: "
        "the share of the language's terms approved (`moci-vocab review --lang L` lists "
        "what waits)",
        style="dim",
    )
    if stats["growth"]:
        growth = ", ".join(f"{g['month']}: {g['added']}" for g in stats["growth"])
        console.print(data_text(f"growth (concepts added per month): {growth}"))


_STATS_COLUMNS = (
    "preferred",
    "coverage",
    "terms",
    "draft",
    "reviewed",
    "approved",
    "unreviewed",
    "progress",
)


def _stats_table(stats: dict, title: str, boxed: bool, names: bool):
    """The coverage table: ``boxed`` in lines, else a space between columns; with the
    languages' ``names`` or only their tags."""
    from rich.table import Table

    table = Table(title=data_text(title), header_style="bold")
    if not boxed:
        table = Table(
            title=data_text(title),
            header_style="bold",
            box=None,
            collapse_padding=True,
            pad_edge=False,
        )
    table.add_column("language", no_wrap=True)
    if names:
        table.add_column("name")
    for column in _STATS_COLUMNS:
        table.add_column(column, justify="right")
    for row in stats["languages"]:
        review = row["review"]
        cells = [data_text(row["lang"] + (" *" if row["required"] else ""))]
        if names:
            cells.append(data_text(row["name"]))
        cells += [
            str(row["preferred"]),
            f"{row['coverage']:.0%}",
            str(row["terms"]),
            str(review["draft"]),
            str(review["reviewed"]),
            str(review["approved"]),
            str(review["none"]),
            f"{row['approved_share']:.0%}",
        ]
        table.add_row(*cells)
    return table
