"""The labelled comment lines moci-vocab's PO export writes and its PO import reads back.

An exported entry's extracted comments hold the source definition, then
``Note: …``, ``Definition (sq): …``, ``Note (sq): …`` and the terms not in
msgid/msgstr as ``Admitted (sq): …``, ``Deprecated (sq): …``.
"""

from __future__ import annotations

import re

STATUS_LABELS = {"admitted": "Admitted", "deprecated": "Deprecated", "forbidden": "Forbidden"}
STATUS_BY_LABEL = {label: status for status, label in STATUS_LABELS.items()}
DEFINITION_LABEL = "Definition"
NOTE_LABEL = "Note"
DO_NOT_TRANSLATE = "Do not translate: keep this name as it is."
LABELLED = re.compile(r"^(?P<label>[A-Z][a-z]+) \((?P<lang>[A-Za-z0-9@_-]+)\): (?P<text>.*)$")


def comment_safe(line: str) -> str:
    """A comment line that GNU gettext reads as written.

    gettext joins a line ending in a backslash with the next one, even in a
    comment, which would swallow the following ``msgctxt``; a trailing space
    prevents that (the importer strips it again).
    """
    return line + " " if line.endswith("\\") else line
