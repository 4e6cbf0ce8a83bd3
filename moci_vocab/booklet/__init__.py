"""The workshop booklet: a printable PDF typeset with Typst.

``export`` turns a glossary into the booklet's data and writes the PDFs (the
``booklet`` exporter); ``layout`` cuts the booklet into parts and numbers the
pages; ``typesetter`` runs Typst here or in worker processes; ``pdfjoin``
joins the parts one at a time, while the others are typeset (``pdfwrite`` writes the
objects, ``pdftags`` merges their tags); ``imposition`` orders pages for saddle-stitch printing;
``booklet.typ`` and ``impose.typ`` are the Typst templates. Nothing heavy is
imported here.
"""
