"""What `export` does, without the command line: choose, then run exporters.

``build_request`` turns the user's choice (languages, tags, domain, status,
output folder) into an ``ExportRequest``, checking every name against the
glossary; ``run_exports`` runs one or more exporters from the registry
(``exporters.EXPORTERS``) and collects what each wrote or why it failed, so
that `export all` writes every format it can and reports the others.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from moci_vocab.errors import MociError
from moci_vocab.exporters import EXPORTERS, ExportRequest, get_exporter
from moci_vocab.model import Glossary
from moci_vocab.selection import Selection, require_known

DEFAULT_OUTDIR = Path("exports")
# Formats with files per target language: nothing to write when only the source is chosen.
PER_TARGET_FORMATS = ("po", "mo", "weblate", "omegat", "tmx")


@dataclass
class ExportChoice:
    """What the user chose to export: languages, tags, domain, status, output folder, options."""

    languages: list[str] = field(default_factory=list)  # empty: all of the glossary's
    tags: list[str] = field(default_factory=list)
    domain: str | None = None
    status: str | None = None
    outdir: Path | None = None  # None: exports/ in the glossary
    options: dict[str, Any] = field(default_factory=dict)

    def selection(self) -> Selection:
        """The concepts chosen, as `list` chooses them."""
        return Selection(tags=self.tags, domain=self.domain, status=self.status)


@dataclass
class ExportResult:
    """What one format's export wrote, or why it failed."""

    format: str
    paths: list[Path] = field(default_factory=list)
    error: str | None = None
    note: str = ""


def build_request(glossary: Glossary, choice: ExportChoice) -> ExportRequest:
    """The request for ``choice``; unknown languages, tags or domains are errors."""
    languages = choose_languages(glossary, choice.languages)
    require_known(glossary, choice.tags, choice.domain)
    concepts = sorted(choice.selection().apply(glossary), key=lambda concept: concept.id)
    outdir = choice.outdir if choice.outdir is not None else Path(glossary.root) / DEFAULT_OUTDIR
    from moci_vocab.fsutil import refuse_linked_folders

    refuse_linked_folders(outdir, outdir)  # once here, before any format writes (and fails)
    options = {key: value for key, value in choice.options.items() if value not in (None, False)}
    return ExportRequest(glossary, concepts, languages, Path(outdir), options)


def choose_languages(glossary: Glossary, wanted: list[str]) -> list[str]:
    """The chosen languages in the manifest's order, the source language always first."""
    from moci_vocab.operations import require_language

    order = glossary.languages()
    if not wanted:
        return order
    chosen = {require_language(glossary, lang) for lang in wanted}
    chosen.add(glossary.source_language)
    return [lang for lang in order if lang in chosen]


class PartialExport(MociError):
    """An exporter failed after writing some of its files: the error, and which files."""

    def __init__(self, error: MociError, written: list[Path]):
        super().__init__(error.message, error.path, error.line)
        self.written = written

    def __str__(self) -> str:
        text = super().__str__()
        if not self.written:
            return text
        names = ", ".join(path.name for path in self.written)
        return f"{text} (written before the failure: {names})"


ProgressFactory = Callable[[], Any] | None


def run_exports(
    request: ExportRequest, formats: list[str], progress: ProgressFactory = None
) -> list[ExportResult]:
    """Run each format's exporter; with several formats, a failure does not stop the rest."""
    unknown = [name for name in formats if name not in EXPORTERS]
    if unknown:
        raise MociError(f"unknown export format {unknown[0]!r} (formats: {', '.join(EXPORTERS)})")
    # The booklet first: its worker processes then run beside a command that the other
    # formats have not yet made larger (what counts is the memory of them all together).
    order = sorted(formats, key=lambda name: name != "booklet")
    keep_going = len(formats) > 1
    if progress is None:
        done = {name: _run_one(request, name, keep_going) for name in order}
        return [done[name] for name in formats]
    done = {}
    with progress() as bar:
        task = bar.add_task("exporting", total=len(formats))
        for name in order:
            bar.update(task, description=f"exporting {name}")

            def parts(finished: int, known: int, name: str = name) -> None:
                bar.update(task, description=f"exporting {name}: part {finished}/{known}")

            done[name] = _run_one(replace(request, progress=parts), name, keep_going)
            bar.advance(task)
    return [done[name] for name in formats]


def _run_one(request: ExportRequest, name: str, keep_going: bool) -> ExportResult:
    """One exporter's result; on a failure, the files it wrote before it (never lost count of)."""
    result = ExportResult(name)
    # The loaded glossary outlives the export: frozen, the cyclic garbage collector does
    # not walk its objects again and again while an exporter allocates (up to a third
    # of the time of a large export).
    gc.freeze()
    before = len(request.written)
    try:
        result.paths = list(get_exporter(name)(request))
    except MociError as exc:
        result.paths = request.written[before:]
        if not keep_going:
            raise PartialExport(exc, result.paths) from None
        result.error = str(PartialExport(exc, result.paths))
    except Exception as exc:  # one broken format must not cost the organiser the others
        result.paths = request.written[before:]
        if not keep_going:
            raise
        result.error = f"unexpected {type(exc).__name__}: {exc} (a bug; please report it)"
    finally:
        gc.unfreeze()
    if not result.paths and not result.error and name in PER_TARGET_FORMATS:
        result.note = "no target language chosen"
    return result
