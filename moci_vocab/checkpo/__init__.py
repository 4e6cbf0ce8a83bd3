"""`check-po`: translations (PO, MO, CSV, XLIFF) checked against the glossary.

reader.py reads catalogs (xliff.py XLIFF), source_match.py finds the glossary's source terms in
a msgid, target_match.py (with inflection.py's per-language data) decides
whether a translation contains a term in some inflected form, compile.py
builds (and caches) what both matchers need, and run.py turns it all into
findings.
"""
