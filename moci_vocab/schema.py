"""From loaded YAML to the model, reporting every schema problem with its line.

The parser is lenient where it can be (it keeps going and reports), so
that `check` shows every problem of a file at once; commands that write use
the strict loader, which stops at the first error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from moci_vocab.findings import Finding
from moci_vocab.model import (
    CONCEPT_KEYS,
    CONCEPT_STATUSES,
    GENDERS,
    IGNORE_KEYS,
    PARTS_OF_SPEECH,
    REVIEW_KEYS,
    REVIEW_STATES,
    TERM_KEYS,
    TERM_STATUSES,
    TERM_TYPES,
    Concept,
    Ignore,
    LanguageSpec,
    Manifest,
    Review,
    Term,
    is_slug,
)
from moci_vocab.textnorm import control_problem
from moci_vocab.yamlio import Document

# Stable codes of the problems found while reading files.
YAML_ERROR = "MV001"  # the file cannot be read as safe UTF-8 YAML
SCHEMA_ERROR = "MV002"  # a field has the wrong type, value or is missing
UNKNOWN_FIELD = "MV003"  # a field the model does not know
BAD_ID = "MV004"  # the id is not a slug or differs from the file name

# The longest a term or one of its forms may be, in characters. Terms are words and short
# phrases (the shipped glossary's longest has 36 characters); a file from a pull request
# is not bounded otherwise, and one term of 250,000 characters took ahocorasick_rs minutes
# to build into check-po's automaton where daachorse is not installed.
MAX_TERM_CHARS = 200

Report = Callable[[Finding], None]


def term_length_problem(text: str, what: str) -> str | None:
    """Why ``text`` (the ``what``: a term or a form) is too long for a term, or None."""
    if len(text) <= MAX_TERM_CHARS:
        return None
    return (
        f"{what} is {len(text):,} characters long; "
        f"a term or form is at most {MAX_TERM_CHARS} (a word or a short phrase)"
    )


class _Reader:
    """Reads one document, reporting problems at the line of the offending key."""

    def __init__(self, doc: Document, report: Report, concept: str | None = None):
        self.doc = doc
        self.report = report
        self.concept = concept
        self.failed = False

    def problem(
        self,
        message: str,
        at: tuple,
        code: str = SCHEMA_ERROR,
        severity: str = "error",
        lang: str | None = None,
    ) -> None:
        if severity == "error":
            self.failed = True
        self.report(
            Finding(
                code=code,
                severity=severity,
                message=message,
                file=str(self.doc.path),
                line=self.doc.line(*at),
                concept=self.concept,
                lang=lang,
            )
        )

    def text(self, value: Any, at: tuple, what: str, lang: str | None = None) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.problem(f"{what} must be text", at, lang=lang)
            return None
        value = str(value)
        problem = control_problem(value, what)
        if problem is not None:
            self.problem(problem, at, lang=lang)
            return None
        return value

    def text_list(
        self,
        value: Any,
        at: tuple,
        what: str,
        refuse: Callable[[str, str], str | None] | None = None,
    ) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(f"{what} must be a list", at)
            return []
        items = [self.text(item, (*at, i), what) for i, item in enumerate(value)]
        if refuse is not None:  # a further rule for each item (a form's length)
            for i, item in enumerate(items):
                problem = refuse(item, what) if item else None
                if problem is not None:
                    self.problem(problem, (*at, i))
                    items[i] = None
        return [item for item in items if item]

    def text_map(self, value: Any, at: tuple, what: str) -> dict[str, str]:
        if value is None:
            return {}
        if isinstance(value, str):
            self.problem(f"{what} must map language tags to text, e.g. `en: ...`", at)
            return {}
        if not isinstance(value, dict):
            self.problem(f"{what} must map language tags to text", at)
            return {}
        result = {}
        for lang, text in value.items():
            checked = self.text(text, (*at, lang), f"{what} in {lang!r}", lang=lang)
            if checked is not None:
                result[lang] = checked
        return result

    def choice(self, value: Any, at: tuple, what: str, allowed: tuple[str, ...], lang=None):
        if value is None:
            return None
        if value not in allowed:
            self.problem(f"{what} is {value!r}; use one of: {', '.join(allowed)}", at, lang=lang)
            return None
        return value

    def flag(self, value: Any, at: tuple, what: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(f"{what} must be true or false", at)
            return False
        return value

    def unknown_keys(
        self, data: dict, known: tuple[str, ...], at: tuple, lang=None
    ) -> dict[str, Any]:
        """The fields of ``data`` the model does not know (each reported, all kept)."""
        extra = {}
        for key, value in data.items():
            if key not in known:
                self.problem(
                    f"unknown field {key!r} (known: {', '.join(known)}); it is kept as it is",
                    (*at, key),
                    code=UNKNOWN_FIELD,
                    severity="warning",
                    lang=lang,
                )
                extra[key] = value
        return extra


def parse_concept(doc: Document, report: Report) -> Concept | None:
    """The concept in ``doc``, or None when the file is unusable (reported)."""
    data = doc.data
    expected_id = doc.path.stem
    reader = _Reader(doc, report, concept=expected_id)
    if not isinstance(data, dict):
        reader.problem("must be a mapping with `id`, `definition` and `terms`", ())
        return None
    extra = reader.unknown_keys(data, CONCEPT_KEYS, ())
    concept_id = reader.text(data.get("id"), ("id",), "id")
    if concept_id is None:
        reader.problem(f"has no `id`; add `id: {expected_id}`", ("id",), code=BAD_ID)
        concept_id = expected_id
    elif not is_slug(concept_id):
        reader.problem(
            f"id {concept_id!r} is not a slug (lowercase a-z, 0-9 and single hyphens)",
            ("id",),
            code=BAD_ID,
        )
        # Never carry a path-like id (`../../x`) into the model: the file name
        # is one path component and cannot leave terms/.
        concept_id = expected_id
    elif concept_id != expected_id:
        reader.problem(
            f"id {concept_id!r} differs from the file name {doc.path.name!r}",
            ("id",),
            code=BAD_ID,
        )
    concept = Concept(id=concept_id, extra=extra)
    concept.domain = reader.text(data.get("domain"), ("domain",), "domain")
    concept.tags = reader.text_list(data.get("tags"), ("tags",), "tags")
    status = data.get("status", "draft")
    concept.status = reader.choice(status, ("status",), "status", CONCEPT_STATUSES) or "draft"
    concept.do_not_translate = reader.flag(
        data.get("do_not_translate"), ("do_not_translate",), "do_not_translate"
    )
    concept.definition = reader.text_map(data.get("definition"), ("definition",), "definition")
    concept.note = reader.text_map(data.get("note"), ("note",), "note")
    concept.related = reader.text_list(data.get("related"), ("related",), "related")
    concept.broader = reader.text_list(data.get("broader"), ("broader",), "broader")
    concept.terms = _parse_terms(reader, data.get("terms"))
    concept.not_senses = reader.text_list(data.get("not_senses"), ("not_senses",), "not_senses")
    concept.ignore = _parse_ignores(reader, data.get("ignore"))
    return concept


def _parse_terms(reader: _Reader, value: Any) -> dict[str, list[Term]]:
    if value is None:
        reader.problem("has no `terms`", ("terms",))
        return {}
    if not isinstance(value, dict):
        reader.problem("`terms` must map language tags to lists of terms", ("terms",))
        return {}
    result: dict[str, list[Term]] = {}
    for lang, items in value.items():
        at = ("terms", lang)
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            reader.problem(f"terms in {lang!r} must be a list", at, lang=lang)
            continue
        terms = [_parse_term(reader, item, (*at, i), lang) for i, item in enumerate(items)]
        result[lang] = [term for term in terms if term is not None]
    return result


def _parse_term(reader: _Reader, item: Any, at: tuple, lang: str) -> Term | None:
    if isinstance(item, str):  # `- pajtim`: the same checks as `term: pajtim`
        text = _term_text(reader, item, at, "term", lang)
        return None if text is None else Term(term=text)
    if not isinstance(item, dict):
        reader.problem("a term must be a mapping with `term` and `status`", at, lang=lang)
        return None
    extra = reader.unknown_keys(item, TERM_KEYS, at, lang=lang)
    text = reader.text(item.get("term"), (*at, "term"), "term", lang=lang)
    if not text:
        reader.problem("a term has no `term` text", at, lang=lang)
        return None
    if _term_text(reader, text, (*at, "term"), "term", lang) is None:
        return None
    term = Term(term=text, extra=extra)
    status = item.get("status", "preferred")
    term.status = (
        reader.choice(status, (*at, "status"), "status", TERM_STATUSES, lang) or "admitted"
    )
    term.type = reader.choice(item.get("type"), (*at, "type"), "type", TERM_TYPES, lang)
    term.pos = reader.choice(item.get("pos"), (*at, "pos"), "pos", PARTS_OF_SPEECH, lang)
    term.gender = reader.choice(item.get("gender"), (*at, "gender"), "gender", GENDERS, lang)
    term.case_sensitive = reader.flag(
        item.get("case_sensitive"), (*at, "case_sensitive"), "case_sensitive"
    )
    term.forms = reader.text_list(item.get("forms"), (*at, "forms"), "forms", _form_problem)
    term.context = reader.text(item.get("context"), (*at, "context"), "context", lang)
    term.note = reader.text(item.get("note"), (*at, "note"), "note", lang)
    term.source = reader.text(item.get("source"), (*at, "source"), "source", lang)
    term.review = _parse_review(reader, item.get("review"), (*at, "review"), lang)
    return term


def _form_problem(text: str, what: str) -> str | None:
    """Why a form is too long (see `term_length_problem`), or None."""
    return term_length_problem(text, "a form")


def _term_text(reader: _Reader, value: str, at: tuple, what: str, lang: str) -> str | None:
    """``value`` as a term's text (or a form's), or None when it is refused (reported)."""
    text = reader.text(value, at, what, lang=lang)
    if text is None:
        return None
    problem = term_length_problem(text, what)
    if problem is not None:
        reader.problem(problem, at, lang=lang)
        return None
    return text


def _parse_review(reader: _Reader, value: Any, at: tuple, lang: str) -> Review | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = {"state": value}
    if not isinstance(value, dict):
        reader.problem("review must be a mapping such as {state: draft}", at, lang=lang)
        return None
    extra = reader.unknown_keys(value, REVIEW_KEYS, at, lang=lang)
    state = reader.choice(value.get("state"), (*at, "state"), "review state", REVIEW_STATES, lang)
    if state is None:
        if "state" not in value:
            reader.problem("review has no `state` (draft, reviewed or approved)", at, lang=lang)
        return None
    by = reader.text(value.get("by"), (*at, "by"), "review by", lang)
    date = reader.text(value.get("date"), (*at, "date"), "review date", lang)
    return Review(state=state, by=by, date=date, extra=extra)


def _parse_ignores(reader: _Reader, value: Any) -> list[Ignore]:
    if value is None:
        return []
    if not isinstance(value, list):
        reader.problem("`ignore` must be a list of {code, reason}", ("ignore",))
        return []
    result = []
    for i, item in enumerate(value):
        at = ("ignore", i)
        if not isinstance(item, dict) or not item.get("code") or not item.get("reason"):
            reader.problem("each `ignore` entry needs a `code` and a `reason`", at)
            continue
        extra = reader.unknown_keys(item, IGNORE_KEYS, at)
        result.append(
            Ignore(
                code=str(item["code"]),
                reason=str(item["reason"]),
                lang=item.get("lang"),
                extra=extra,
            )
        )
    return result


def parse_manifest(doc: Document, report: Report) -> Manifest | None:
    """The manifest in ``doc``, or None when it is unusable (reported)."""
    data = doc.data
    reader = _Reader(doc, report)
    if not isinstance(data, dict):
        reader.problem("must be a mapping with name, version, source_language, languages", ())
        return None
    known = ("name", "version", "source_language", "languages", "domains", "tags", "checks")
    name = reader.text(data.get("name"), ("name",), "name")
    if name is not None and _one_line(reader, name, ("name",), "name") is None:
        name = None
    elif not name:
        reader.problem("has no `name`", ("name",))
    manifest = Manifest(name=name or doc.path.parent.parent.name or "glossary")
    manifest.version = _parse_version(reader, data.get("version"))
    manifest.source_language = str(data.get("source_language") or "en")
    manifest.languages = _parse_languages(reader, data.get("languages"))
    if manifest.source_language not in manifest.languages:
        reader.problem(
            f"the source language {manifest.source_language!r} is not under `languages`",
            ("source_language",),
        )
    manifest.domains = _parse_vocabulary(reader, data.get("domains"), "domains")
    manifest.tags = _parse_vocabulary(reader, data.get("tags"), "tags")
    checks = data.get("checks") or {}
    if isinstance(checks, dict):
        manifest.checks = {str(k): str(v) for k, v in checks.items()}
    else:
        reader.problem("`checks` must map check codes to severities", ("checks",))
    manifest.extra = {key: value for key, value in data.items() if key not in known}
    return manifest


def _one_line(reader: _Reader, value: str, at: tuple, what: str) -> str | None:
    """A header value (name, version, language name) on one line, or None (reported).

    Such values go into PO headers, XML titles and table captions, where a
    line break would start a header of its own (``Language: xx``).
    """
    if "\n" in value or "\r" in value or value != value.strip():
        reader.problem(f"{what} must be one line without surrounding spaces; it is {value!r}", at)
        return None
    return value


def _parse_version(reader: _Reader, value: Any) -> str:
    """The manifest's version: a semantic version such as 1.4.0 (default 0.1.0)."""
    from moci_vocab.versions.semver import Version

    if value is None:
        return "0.1.0"
    text = str(value)
    if isinstance(value, bool) or not Version.is_valid(text):
        reader.problem(
            f"{text!r} is not a semantic version; write MAJOR.MINOR.PATCH on one line, e.g. 1.4.0",
            ("version",),
        )
        return "0.1.0"
    return text


def _parse_languages(reader: _Reader, value: Any) -> dict[str, LanguageSpec]:
    from moci_vocab import languages

    if isinstance(value, list):  # a plain list of tags: scripts from CLDR
        value = {str(tag): {} for tag in value}
    if not isinstance(value, dict) or not value:
        reader.problem("`languages` must map BCP 47 tags to {script, required}", ("languages",))
        return {}
    result = {}
    for tag, spec in value.items():
        at = ("languages", tag)
        problem = languages.tag_problem(tag)
        if problem:
            reader.problem(problem, at, lang=tag)
            continue
        spec = spec if isinstance(spec, dict) else {}
        script = spec.get("script") or languages.default_script(tag)
        required = spec.get("required", False) is True
        result[tag] = LanguageSpec(
            tag=tag,
            script=str(script),
            required=required,
            name=_label(reader, spec.get("name"), (*at, "name"), f"the name of {tag}"),
            autonym=_label(reader, spec.get("autonym"), (*at, "autonym"), f"the autonym of {tag}"),
        )
    return result


def _label(reader: _Reader, value: Any, at: tuple, what: str) -> str | None:
    """A one-line text such as a language's name (None when absent or reported)."""
    text = reader.text(value, at, what)
    return _one_line(reader, text, at, what) if text else None


def _parse_vocabulary(reader: _Reader, value: Any, what: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):
        return {str(item): "" for item in value}
    if not isinstance(value, dict):
        reader.problem(f"`{what}` must map ids to descriptions", (what,))
        return {}
    return {str(key): str(desc or "") for key, desc in value.items()}
