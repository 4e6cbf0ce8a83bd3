"""Gettext catalogs, in one place: reading, writing, labels and syntax checks.

``catalog`` is the column-wise ``Catalog`` that `check-po` checks; ``read``
reads PO (a fast reader and a strict line parser, or polib for `import`) and
MO files; ``write`` builds and writes PO and MO files for `export`;
``labels`` are the words moci-vocab's own PO files put in their comments and
reads back. `check-po`, `import` and `export` all go through this package;
gettext's spelling of language tags (``sr@latin``) is in ``languages``.
"""
