"""MV1xx: structure and coverage of each concept, against the manifest."""

from __future__ import annotations

from moci_vocab.checks.context import Context, quote, term_key
from moci_vocab.checks.registry import RULES, override_problem
from moci_vocab.model import Concept


def check(ctx: Context) -> None:
    """Report problems of structure and coverage of the manifest and each concept (MV1xx)."""
    _check_manifest(ctx)
    declared = ctx.manifest.languages
    required = [tag for tag, spec in declared.items() if spec.required]
    for concept in ctx.concepts():
        _vocabularies(ctx, concept)
        _languages(ctx, concept)
        _coverage(ctx, concept, required)
        _preferred(ctx, concept)
        _repeated_terms(ctx, concept)
        _ignores(ctx, concept)


def _check_manifest(ctx: Context) -> None:
    for code, severity in ctx.manifest.checks.items():
        problem = override_problem(code, severity)
        if problem:
            ctx.add("MV112", None, problem + "; this setting is ignored", at=("checks", code))
    from moci_vocab.checks.script import script_pattern

    for tag, spec in ctx.manifest.languages.items():
        if script_pattern(spec.script) is None:
            ctx.add(
                "MV112",
                None,
                f"script {spec.script!r} of {tag!r} is not an ISO 15924 code the checks know "
                f"(e.g. Latn, Cyrl, Geor, Armn); its terms' script is not checked",
                lang=tag,
                at=("languages", tag, "script"),
            )


def _vocabularies(ctx: Context, concept: Concept) -> None:
    domains, tags = ctx.manifest.domains, ctx.manifest.tags
    if concept.domain and concept.domain not in domains:
        known = ", ".join(domains) or "none declared"
        ctx.add(
            "MV102",
            concept.id,
            f"domain {concept.domain!r} is not in the manifest's `domains` ({known}); "
            "use one of them or declare it in glossary/glossary.yaml",
            at=("domain",),
        )
    for index, tag in enumerate(concept.tags):
        if tag not in tags:
            ctx.add(
                "MV103",
                concept.id,
                f"tag {tag!r} is not in the manifest's `tags`; fix it or declare it in "
                "glossary/glossary.yaml",
                at=("tags", index),
            )


def _languages(ctx: Context, concept: Concept) -> None:
    declared = ctx.manifest.languages
    for field in ("terms", "definition", "note"):
        for lang in getattr(concept, field):
            if lang not in declared:
                ctx.add(
                    "MV101",
                    concept.id,
                    f"language {lang!r} (under `{field}`) is not declared in the manifest; "
                    "fix the tag or add the language to glossary/glossary.yaml",
                    lang=lang,
                    at=(field, lang),
                )


def _coverage(ctx: Context, concept: Concept, required: list[str]) -> None:
    source = ctx.source
    if not concept.terms.get(source):
        ctx.add(
            "MV104",
            concept.id,
            f"has no {source!r} term; every concept needs a preferred term in the source language",
            lang=source,
            at=("terms",),
        )
    if not concept.definition.get(source):
        ctx.add(
            "MV109",
            concept.id,
            f"has no definition in {source!r}; add `definition: {{{source}: ...}}` so "
            "translators know the concept",
            lang=source,
            at=("definition",),
        )
    # Retired concepts ask no work; Concept.needs_term says which languages a concept asks for.
    if concept.status == "retired":
        return
    for lang in required:
        if lang != source and concept.needs_term(lang, source) and not concept.terms.get(lang):
            ctx.add(
                "MV105",
                concept.id,
                f"has no term in the required language {lang!r}; add one (moci-vocab "
                f"translate {concept.id} {lang} TEXT) or mark the concept do_not_translate",
                lang=lang,
                at=("terms",),
            )


def _preferred(ctx: Context, concept: Concept) -> None:
    for lang, terms in concept.terms.items():
        if not terms:
            continue
        preferred = [(i, t) for i, t in enumerate(terms) if t.status == "preferred"]
        if not preferred:
            ctx.add(
                "MV106",
                concept.id,
                f"has {lang!r} terms but none is preferred; mark exactly one `status: preferred`",
                lang=lang,
                at=("terms", lang),
            )
        elif len(preferred) > 1:
            names = ", ".join(quote(t.term) for _i, t in preferred)
            index, term = preferred[1]
            ctx.term_issue(
                "MV107",
                concept,
                lang,
                index,
                term,
                f"has {len(preferred)} preferred {lang!r} terms ({names}); keep one preferred "
                "and make the others admitted",
            )


def _repeated_terms(ctx: Context, concept: Concept) -> None:
    for lang, terms in concept.terms.items():
        if len(terms) < 2:
            continue
        seen: dict[str, str] = {}
        for index, term in enumerate(terms):
            key = term_key(term.term)
            if key in seen:
                ctx.term_issue(
                    "MV108",
                    concept,
                    lang,
                    index,
                    term,
                    f"{quote(term.term)} is listed twice in {lang!r} (also as "
                    f"{quote(seen[key])}); keep one entry",
                )
            else:
                seen[key] = term.term


def _ignores(ctx: Context, concept: Concept) -> None:
    for index, item in enumerate(concept.ignore):
        if item.code not in RULES:
            ctx.add(
                "MV110",
                concept.id,
                f"`ignore` names {item.code!r}, which is no check code; fix or remove it",
                lang=item.lang,
                at=("ignore", index, "code"),
            )
