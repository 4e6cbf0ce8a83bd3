"""`stats`: coverage per language, review states, growth over time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from moci_vocab.errors import MociError
from moci_vocab.model import Glossary


def glossary_stats(glossary: Glossary) -> dict:
    """Coverage and review state per language, for `stats`."""
    from moci_vocab.languages import english_name

    concepts = [c for c in glossary.concepts.values() if c.status != "retired"]
    total = len(concepts)
    rows = []
    for lang in glossary.languages():
        spec = glossary.manifest.languages.get(lang)
        review: Counter[str] = Counter()
        terms = preferred = 0
        for concept in concepts:
            if concept.preferred(lang) is not None:
                preferred += 1
            for term in concept.terms.get(lang, ()):
                terms += 1
                review[term.review.state if term.review else "none"] += 1
        expected = sum(1 for c in concepts if c.needs_term(lang, glossary.source_language))
        rows.append(
            {
                "lang": lang,
                "name": (spec.name if spec and spec.name else None) or english_name(lang),
                "required": bool(spec and spec.required),
                "preferred": preferred,
                "coverage": preferred / expected if expected else 1.0,
                "terms": terms,
                "approved_share": review.get("approved", 0) / terms if terms else 0.0,
                "review": {
                    state: review.get(state, 0)
                    for state in ("draft", "reviewed", "approved", "none")
                },
            }
        )
    return {
        "name": glossary.manifest.name,
        "version": glossary.manifest.version,
        "concepts": total,
        "retired": len(glossary.concepts) - total,
        "languages": rows,
        "growth": growth(Path(glossary.root)),
    }


def growth(root: Path) -> list[dict]:
    """Concept files added per month, from git history (empty outside a repository)."""
    from moci_vocab.versions.git import git, open_repo

    try:
        repo = open_repo(root)  # (git run as everywhere: never in a planted repository)
        result = git(
            repo,
            "log",
            "--diff-filter=A",
            "--name-only",
            "--format=@%ad",
            "--date=format:%Y-%m",
            "--",
            repo.path("terms/"),
            check=False,
            timeout=20,
        )
    except MociError:
        return []
    if result.returncode != 0:
        return []
    text = result.stdout.decode("utf-8", "replace")
    added: Counter[str] = Counter()
    month = None
    for line in text.splitlines():
        if line.startswith("@"):
            month = line[1:]
        elif line.endswith(".yaml") and month:
            added[month] += 1
    return [{"month": m, "added": n} for m, n in sorted(added.items())]
