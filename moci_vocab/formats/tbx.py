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
