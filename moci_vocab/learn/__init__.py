"""Growing the glossary from translations people already have: `suggest` and `extract`.

`corpus` reads bilingual files (PO, MO, XLIFF, CSV through check-po's readers,
TMX through `tmx`) into columns; `align` proposes target terms for concepts by
co-occurrence; `lemma` gives a candidate in its dictionary form; `extract`
finds English term candidates the glossary lacks; `apply` turns the best
ones into draft terms and concepts through `operations`.
"""
