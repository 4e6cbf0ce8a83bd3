"""`export FORMAT`: write the glossary as PO, MO, POT, CSV, TBX, JSON, files for Weblate and
OmegaT, TMX, XLSX, SKOS, HTML or a booklet."""

from __future__ import annotations

from pathlib import Path

import click

from moci_vocab.cli.common import (
    FORMAT_TEXT_JSON,
    State,
    echo,
    echo_json,
    examples,
    format_option,
    pass_state,
    progress_factory,
    say,
    split_list,
)
from moci_vocab.model import CONCEPT_STATUSES

# Kept in step with exporters.EXPORTERS (a test checks); listed here so that
# `export --help` does not import the exporters package.
FORMATS = (
    "po",
    "pot",
    "mo",
    "csv",
    "tbx",
    "json",
    "weblate",
    "omegat",
    "tmx",
    "xlsx",
    "skos",
    "html",
    "booklet",
)


@click.command(
    epilog=examples(
        "moci-vocab export po --lang sq,ka",
        "moci-vocab export all --tag core -o handouts",
        "moci-vocab export booklet --lang en,ka --paper a4 --imposition",
    )
)
@click.argument("fmt", metavar="FORMAT", type=click.Choice([*FORMATS, "all"]))
@click.option("--lang", "langs", multiple=True, help="Languages (comma-separated; default: all).")
@click.option("--tag", "tags", multiple=True, help="Only concepts with this tag (repeatable).")
@click.option("--domain", help="Only concepts of this subject field.")
@click.option("--status", type=click.Choice(CONCEPT_STATUSES), help="Only concepts in this state.")
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: exports/ in the glossary).",
)
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for Excel).")
@click.option(
    "--bilingual", is_flag=True, help="TBX: one file per language pair instead of one in all."
)
@click.option("--paper", type=click.Choice(["a5", "a4"]), help="Booklet: page size (default a5).")
@click.option("--imposition", is_flag=True, help="Booklet: also an A4 saddle-stitch print file.")
@click.option("--title", help="Booklet: the cover title (default: the glossary's name).")
@format_option(*FORMAT_TEXT_JSON, dest="out_format")
@pass_state
def export_cmd(
    state: State,
    fmt: str,
    langs: tuple[str, ...],
    tags: tuple[str, ...],
    domain: str | None,
    status: str | None,
    outdir: Path | None,
    bom: bool,
    bilingual: bool,
    paper: str | None,
    imposition: bool,
    title: str | None,
    out_format: str,
):
    """Write the glossary as FORMAT into the output folder: po, pot, mo, csv, tbx, json,
    weblate, omegat, tmx, xlsx, skos, html, booklet, or all of them.

    Files: <lang>.po and <lang>.mo per target language, <name>.pot, <name>.csv (a column
    per language) and <name>-terms.csv (a row per term), <name>.tbx, <name>.json,
    weblate/<lang>.po|.tbx|.csv, <name>-<src>-<lang>.utf8 (OmegaT) and .tmx per language
    pair, <name>.xlsx, <name>.ttl and <name>.jsonld (SKOS), <name>.html,
    <name>[-<langs>].pdf. Re-exporting an unchanged glossary gives identical files
    (but for the PDF).
    """
    from moci_vocab.exporting import ExportChoice, build_request, run_exports

    if outdir is not None and str(outdir) == "-":
        # Elsewhere `-` means standard output; here it would be a folder named "-".
        raise click.UsageError(
            "-o takes a folder (an export writes several files), not '-' for standard output."
        )
    glossary = state.glossary()
    choice = ExportChoice(
        languages=split_list(langs),
        tags=split_list(tags),
        domain=domain,
        status=status,
        outdir=outdir,
        options={
            "bom": bom,
            "bilingual": bilingual,
            "paper": paper,
            "imposition": imposition,
            "title": title,
        },
    )
    request = build_request(glossary, choice)
    if not request.concepts:
        why = choice.selection().nothing_selected(glossary)  # as `list` says it
        say(state, f"warning: {why}; the files will be empty")
    formats = list(FORMATS) if fmt == "all" else [fmt]
    results = run_exports(request, formats, progress=progress_factory(state))
    state.kept.append(request)  # and the data its exporters kept (ExportRequest.keep)
    _report(state, results, out_format)
    if any(result.error for result in results):
        raise SystemExit(1)


def _report(state: State, results, out_format: str) -> None:
    from moci_vocab.errors import display_path

    if out_format == "json":
        echo_json(
            {
                "files": [{"format": r.format, "path": str(p)} for r in results for p in r.paths],
                "errors": [{"format": r.format, "message": r.error} for r in results if r.error],
            }
        )
    else:
        for result in results:
            for path in result.paths:
                echo(display_path(path))
    written = sum(len(r.paths) for r in results)
    for result in results:
        if result.error:
            echo(f"error: {result.format}: {result.error}", err=True)
        elif not result.paths:
            say(state, f"{result.format}: nothing to write ({result.note})")
    if len(results) > 1:
        failed = [r.format for r in results if r.error]
        tail = f"; failed: {', '.join(failed)}" if failed else ""
        say(state, f"wrote {written} files in {len(results) - len(failed)} formats{tail}")
