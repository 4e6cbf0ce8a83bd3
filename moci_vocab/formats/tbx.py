"""The TBX format's status and part-of-speech values and markers, shared by both directions."""

from __future__ import annotations

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
POS_TO_TBX = {"phrase": "other"}
FORBIDDEN_NOTE = "Forbidden term: do not use."
TRANSLATION_NEEDED = "Translation needed"  # Weblate's data category; "No": do not translate
FORM_NOTE = "x-form"  # a form of the term (moci-vocab's own category, TBX's x- convention)
CASE_NOTE = "x-caseSensitive"  # "yes": the term matches only with its letter case
