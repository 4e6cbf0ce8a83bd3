"""Writing gettext catalogs: a PO catalog built entry by entry, saved as PO or MO.

Every string that must stay on one line (msgid, msgstr, header values) is
joined onto one; every comment line is made safe for GNU gettext
(``labels.comment_safe``). Files are written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from moci_vocab.fsutil import atomic_write
from moci_vocab.po.labels import comment_safe
from moci_vocab.versioninfo import one_line


def new_catalog(header: str, metadata: dict[str, str]) -> Any:
    """An empty polib ``POFile`` with this header comment and these header fields."""
    import polib

    catalog = polib.POFile(wrapwidth=0)
    catalog.header = comment_safe(header)
    catalog.metadata = metadata
    return catalog


def add_entry(
    catalog: Any,
    msgctxt: str,
    msgid: str,
    msgstr: str,
    comments: list[str],
    flags: list[str] | None = None,
) -> None:
    """Append one entry; msgid and msgstr on one line, comments as extracted comments,
    ``flags`` on the ``#,`` line (where Weblate reads its flags)."""
    import polib

    catalog.append(
        polib.POEntry(
            msgctxt=msgctxt,
            msgid=one_line(msgid),
            msgstr=one_line(msgstr),
            comment="\n".join(map(comment_safe, comments)),
            flags=list(flags or ()),
        )
    )


def write_po(catalog: Any, path: Path) -> Path:
    """Write ``catalog`` as a PO file at ``path`` (atomically); return the path."""
    atomic_write(path, str(catalog))
    return path


def write_mo(catalog: Any, path: Path) -> Path:
    """Write ``catalog`` compiled to an MO file at ``path`` (atomically); return the path."""
    atomic_write(path, catalog.to_binary())
    return path
