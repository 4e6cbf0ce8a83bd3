"""`check-po`: translations (PO, MO, CSV, XLIFF) checked against the glossary.

reader.py reads catalogs (xliff.py XLIFF), source_match.py finds the glossary's source terms in
a msgid, target_match.py (with inflection.py's per-language data) decides
whether a translation contains a term in some inflected form, compile.py
builds (and caches) what both matchers need, and run.py turns it all into
findings.
"""

# check-po's finding codes: their one-line summaries and default severities (here, in the
# package, so that a command writing SARIF has them without importing the engine: see
# checkpo.standby, where the engine runs in another process).
RULES = {
    "MV600": "A catalog file that cannot be read.",
    "MV601": "A glossary term in the source text is missing from the translation.",
    "MV602": "A deprecated or forbidden term is used in the translation.",
    "MV603": "A do-not-translate name is translated or changed.",
    "MV604": "The same source term is rendered in different ways in one file.",
    "MV605": "The target language of a file is unknown or not in the glossary.",
    "MV606": "A file writes its language in another spelling; terms are matched so in it.",
}
SEVERITY = {
    "MV600": "error",
    "MV601": "error",
    "MV602": "error",
    "MV603": "error",
    "MV604": "warning",
    "MV605": "error",
    "MV606": "info",
}


def rules() -> dict:
    """check-po's rules with their metadata (for SARIF), documented in docs/check-po.md."""
    from moci_vocab.checks.registry import Rule as CheckRule

    return {
        code: CheckRule(code, SEVERITY[code], summary.rstrip("."), page="check-po")
        for code, summary in RULES.items()
    }
