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
