"""JSON: the whole model, for web apps and scripts.

``<name>.json``::

    {"format": "moci-vocab", "format_version": 1,
     "name": …, "version": …, "date": …, "source_language": "en",
     "languages": {"en": {"script", "required", "name", "autonym", "plural_forms"}, …},
     "domains": {…}, "tags": {…},
     "concepts": [<concept as in its YAML file>, …]}

Each concept has exactly the structure and key order of its YAML file
(``Concept.to_dict``), reduced to the chosen languages. ``date`` is the
release date of the version (see ``versioninfo``). Keys are never sorted
and text is written as UTF-8, not ``\\u`` escapes, so the file diffs well;
``json.dumps`` escapes quotes, backslashes and control characters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from moci_vocab.exporters import ExportRequest
from moci_vocab.model import Concept
from moci_vocab.versioninfo import GENERATOR, export_date

FORMAT_VERSION = 1


def export_json(request: ExportRequest) -> list[Path]:
    """``<name>.json``."""
    path = Path(request.outdir) / f"{request.name_slug}.json"
    text = json.dumps(document(request), ensure_ascii=False, indent=2) + "\n"
    request.write(path, text)
    return [path]


def document(request: ExportRequest) -> dict[str, Any]:
    """The JSON export as a dict: format, version, manifest and concepts."""
    manifest = request.glossary.manifest
    return {
        "format": GENERATOR,
        "format_version": FORMAT_VERSION,
        "name": manifest.name,
        "version": manifest.version,
        "date": export_date(request.glossary),
        "source_language": manifest.source_language,
        "languages": {lang: _language(request, lang) for lang in request.languages},
        "domains": dict(manifest.domains),
        "tags": dict(manifest.tags),
        "concepts": [concept_dict(c, set(request.languages)) for c in request.concepts],
    }


def _language(request: ExportRequest, lang: str) -> dict[str, Any]:
    from moci_vocab import languages

    spec = request.glossary.manifest.languages.get(lang)
    data: dict[str, Any] = spec.to_dict() if spec else {"script": languages.default_script(lang)}
    data.setdefault("name", languages.english_name(lang))
    data.setdefault("autonym", languages.autonym(lang))
    data["plural_forms"] = languages.plural_forms(lang)
    return data


def concept_dict(concept: Concept, langs: set[str]) -> dict[str, Any]:
    """The concept's YAML structure with only the languages in ``langs``."""
    data = concept.to_dict()
    for key in ("definition", "note", "terms"):
        if key in data:
            data[key] = {lang: value for lang, value in data[key].items() if lang in langs}
    if not data.get("note"):
        data.pop("note", None)
    return data
