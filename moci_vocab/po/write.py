"""Writing gettext catalogs: a PO catalog built entry by entry, saved as PO or MO.

Header values are joined onto one line; a msgid or msgstr keeps its text
exactly, only a line break in it becomes a space (``versioninfo.term_line``);
every comment line is made safe for GNU gettext (``labels.comment_safe``).
Files are written atomically (or through the ``write`` a caller passes, such
as ``ExportRequest.write``, which records what it wrote).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from moci_vocab.fsutil import atomic_write
from moci_vocab.po.labels import comment_safe
from moci_vocab.versioninfo import one_line, term_line

Write = Callable[[Path, Any], None]


def new_catalog(header: str, metadata: dict[str, str]) -> Any:
    """An empty polib ``POFile`` with this header comment and these header fields."""
    import polib

    catalog = polib.POFile(wrapwidth=0)
    catalog.header = comment_safe(header)
    catalog.metadata = {key: one_line(value) for key, value in metadata.items()}
    return catalog


def add_entry(
    catalog: Any,
    msgctxt: str,
    msgid: str,
    msgstr: str,
    comments: list[str],
    flags: list[str] | None = None,
) -> None:
    """Append one entry; msgid and msgstr as written (on one line), comments extracted,
    ``flags`` on the ``#,`` line (where Weblate reads its flags)."""
    import polib

    catalog.append(
        polib.POEntry(
            msgctxt=msgctxt,
            msgid=term_line(msgid),
            msgstr=term_line(msgstr),
            comment="\n".join(map(comment_safe, comments)),
            flags=list(flags or ()),
        )
    )


def write_po(catalog: Any, path: Path, write: Write = atomic_write) -> Path:
    """Write ``catalog`` as a PO file at ``path`` (atomically); return the path."""
    write(path, str(catalog))
    return path


def write_mo(catalog: Any, path: Path, write: Write = atomic_write) -> Path:
    """Write ``catalog`` compiled to an MO file at ``path`` (atomically); return the path."""
    write(path, catalog.to_binary())
    return path
