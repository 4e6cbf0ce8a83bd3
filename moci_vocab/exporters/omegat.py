"""OmegaT: a tab-separated glossary per language pair.

``<name>-<source>-<target>.utf8``, one line per concept that has a target
term: ``source term <TAB> target term <TAB> comment``. This is OmegaT's own
glossary format (put the files in the project's ``glossary/`` folder); the
``.utf8`` ending is the one OmegaT always reads as UTF-8, whatever the
computer's encoding. Machine-translation engines that take tab-separated
term pairs read the first two columns of the same file.

OmegaT reads a line by splitting it at tabs and trimming each cell; it skips
lines that start with ``#`` and lines without a target. So:

- the target is the preferred term, or the source term itself for a concept
  that is not translated; a concept with neither has no line;
- tabs and line breaks inside a text become spaces (the format has no
  quoting, so a line break cannot be kept);
- a term starting with ``#`` gets one space in front: OmegaT trims it away
  again, and the line is not mistaken for a comment;
- the comment gathers the definitions, notes and other terms on one line,
  parts separated by `` | ``.

The first line is OmegaT's own magic comment naming the encoding, the second
names the glossary and its version (OmegaT skips both).
"""

from __future__ import annotations

from pathlib import Path

from moci_vocab.exporters import ExportRequest
from moci_vocab.exporters.po import _comments
from moci_vocab.versioninfo import GENERATOR, one_line

SUFFIX = ".utf8"
MAGIC = "# -*- coding: utf-8 -*-"
SEPARATOR = " | "


def export_omegat(request: ExportRequest) -> list[Path]:
    """``<name>-<source>-<target>.utf8`` for every chosen target language."""
    written = []
    for lang in request.targets:
        path = request.pair_path(lang, SUFFIX)
        request.write(path, render(request, lang))
        written.append(path)
    return written


def rows(request: ExportRequest, lang: str) -> list[tuple[str, str, str]]:
    """(source, target, comment) for every concept with a term in both languages."""
    source = request.source_language
    result = []
    for concept, shown in request.keyed_concepts():
        preferred = concept.preferred(lang)
        target = preferred.term if preferred else (shown.term if concept.do_not_translate else "")
        if not target:
            continue
        comment = SEPARATOR.join(one_line(line) for line in _comments(concept, source, lang))
        result.append((one_line(shown.term), one_line(target), one_line(comment)))
    return result


def cell(text: str) -> str:
    """A cell OmegaT reads back as ``text``: no tab or line break, no leading ``#``."""
    return " " + text if text.startswith("#") else text


def render(request: ExportRequest, lang: str) -> str:
    """The whole file, LF line ends."""
    name = one_line(request.glossary.manifest.name)
    lines = [MAGIC, f"# {name} {request.version}, {GENERATOR}: change the glossary, not this file"]
    lines += ["\t".join(map(cell, row)) for row in rows(request, lang)]
    return "\n".join(lines) + "\n"
