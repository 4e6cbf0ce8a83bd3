"""The CSV format's columns and markers, shared by its exporter and importer."""

from __future__ import annotations

VERSION_COLUMN = "glossary_version"
CONCEPT_COLUMNS = ("status", "domain", "tags", "do_not_translate", "related", "broader")
# The long CSV's columns: a term a row (the term's fields as in model.TERM_KEYS, with the
# review split in three, pos before type), then the concept's definition and the version.
LONG_COLUMNS = (
    *("concept", "lang", "term", "status", "pos", "type", "gender", "case_sensitive", "forms"),
    *("context", "note", "source", "review_state", "review_by", "review_date", "definition"),
    VERSION_COLUMN,
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
YES = "yes"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet may read ``text`` as a formula: it starts like one, also after
    spaces (LibreOffice's CSV import with "Trim spaces" reads " =1+1" as "=1+1")."""
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)
