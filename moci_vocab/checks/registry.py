"""Every rule of `check`: a stable code, a default severity, what it is about.

Codes never change meaning once released: scripts, `ignore:` entries in concept
files and severity overrides in the manifest refer to them. Families:
MV0xx reading files (schema), MV1xx structure and coverage, MV2xx text and
typography, MV3xx scripts, MV4xx duplicates and ambiguity, MV5xx links.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")
OFF = "off"  # a severity override that turns a rule off


DOCS_URL = "https://github.com/moci-network/moci-vocab/blob/main/docs/"

# What each family of rules is about and how its findings are fixed or silenced
# (SARIF fullDescription, after the rule's own summary).
FAMILY_DETAILS = {
    "MV0": "Found while reading a glossary file; fix the YAML at the line and column given "
    "(docs/glossary-format.md describes every field).",
    "MV1": "Structure and coverage of a concept against the manifest (glossary/glossary.yaml).",
    "MV2": "Text and typography of terms, definitions and notes; `moci-vocab fmt` fixes "
    "Unicode normalisation.",
    "MV3": "Scripts: every letter of a term must be in its language's script (the manifest's "
    "`script` setting); look-alike letters of other scripts are named with their code point.",
    "MV4": "Duplicates and ambiguity across concepts (casefolded, without diacritics).",
    "MV5": "Links between concepts (`related`, `broader`).",
    "MV6": "A translation catalog (PO, MO, CSV, XLIFF) checked against the glossary by "
    "`moci-vocab check-po`.",
}
SILENCING = (
    " The severity can be changed in glossary/glossary.yaml (`checks: {CODE: warning}` or "
    "`off`); one finding is silenced with an `ignore:` entry in its concept file."
)


@dataclass(frozen=True)
class Rule:
    """A check rule: its code, default severity, one-line summary and docs page."""

    code: str
    severity: str
    summary: str  # one line: what the rule finds (SARIF shortDescription, `--help`)
    page: str = "checks"  # the docs/<page>.md that documents it, under an anchor per code

    def help_uri(self) -> str:
        """Where the rule is documented (an anchor per code in docs/<page>.md)."""
        return f"{DOCS_URL}{self.page}.md#{self.code.casefold()}"

    def full_description(self) -> str:
        """The summary, what the rule's family is about, and how to tune or silence it."""
        family = FAMILY_DETAILS.get(self.code[:3], "")
        return f"{self.summary}. {family}{SILENCING.replace('CODE', self.code)}".strip()


_RULES = (
    # Reading files: reported by the loader (moci_vocab.schema / store).
    Rule("MV001", "error", "File cannot be read as safe UTF-8 YAML"),
    Rule("MV002", "error", "Field has the wrong type or value, or is missing"),
    Rule("MV003", "warning", "Unknown field"),
    Rule("MV004", "error", "Concept id is not a slug or differs from the file name"),
    # Structure and coverage.
    Rule("MV101", "error", "Language not declared in the manifest"),
    Rule("MV102", "error", "Domain not declared in the manifest"),
    Rule("MV103", "error", "Tag not declared in the manifest"),
    Rule("MV104", "error", "No term in the source language"),
    Rule("MV105", "error", "No term in a required language"),
    Rule("MV106", "error", "No preferred term in a language that has terms"),
    Rule("MV107", "error", "More than one preferred term in a language"),
    Rule("MV108", "error", "The same term twice in one language of a concept"),
    Rule("MV109", "warning", "No definition in the source language"),
    Rule("MV110", "warning", "`ignore` entry names an unknown check code"),
    Rule("MV111", "info", "`ignore` entry silences nothing"),
    Rule("MV112", "warning", "Manifest setting for checks or scripts is not understood"),
    # Text and typography.
    Rule("MV201", "error", "Text not in Unicode NFC"),
    Rule("MV202", "warning", "Leading or trailing space"),
    Rule("MV203", "warning", "Double space"),
    Rule("MV204", "warning", "Tab, line break, invisible or unusual space character"),
    Rule("MV205", "warning", "Term ends with punctuation"),
    Rule("MV206", "warning", "Space before punctuation"),
    Rule("MV207", "warning", "Unbalanced brackets or quotes"),
    # Scripts.
    Rule("MV301", "error", "Term has letters of another script than its language's"),
    Rule("MV302", "error", "Look-alike letter of another script (e.g. Cyrillic а in Latin)"),
    Rule("MV303", "warning", "A word in a definition, note or context mixes scripts"),
    # Duplicates and ambiguity.
    Rule("MV401", "warning", "Near-duplicate terms in two concepts"),
    Rule("MV402", "warning", "The same term with and without diacritics"),
    Rule("MV403", "warning", "One term used for two concepts (ambiguous)"),
    Rule("MV404", "warning", "Term deprecated or forbidden here but allowed in another concept"),
    Rule("MV405", "warning", "Near-identical terms in one concept and language (a typo?)"),
    # Links between concepts.
    Rule("MV501", "error", "`related` names a concept that does not exist"),
    Rule("MV502", "error", "`broader` names a concept that does not exist"),
    Rule("MV503", "error", "`broader` links form a cycle"),
    Rule("MV504", "warning", "Concept is related to itself"),
    Rule("MV505", "warning", "Concept is both related and broader"),
    Rule("MV506", "info", "Link to a retired concept"),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def descriptions() -> dict[str, str]:
    """code → one-line summary (for SARIF's rule list)."""
    return {code: rule.summary for code, rule in RULES.items()}


def normalize_severity(value: object) -> str:
    """A manifest severity as written; YAML reads a bare `off` as false, so that is off too."""
    text = str(value).strip().casefold()
    return OFF if text in ("off", "false", "no", "none") else text


def override_problem(code: str, severity: object) -> str | None:
    """Why a manifest `checks:` entry cannot be used, or None."""
    severity = normalize_severity(severity)
    if code not in RULES:
        return f"`checks` names {code!r}, which is no check code (MV001…MV506)"
    if severity not in (*SEVERITIES, OFF):
        return (
            f"`checks: {{{code}: {severity}}}` is not a severity; use error, warning, info or off"
        )
    return None


def severity_of(code: str, overrides: dict[str, str]) -> str:
    """The severity of ``code`` after the manifest's overrides (``off`` for a disabled rule)."""
    wanted = overrides.get(code)
    if wanted is not None and override_problem(code, wanted) is None:
        return normalize_severity(wanted)
    return RULES[code].severity if code in RULES else "error"
