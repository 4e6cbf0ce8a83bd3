"""Every registered exporter and importer passes the conformance classes (tests/conformance.py).

The classes below are made from the registries, so a newly registered format
is tested without a line here.
"""

from __future__ import annotations

from conformance import ExporterConformance, ImporterConformance

from moci_vocab.exporters import EXPORTERS
from moci_vocab.importers import READERS


def _test_class(base: type, fmt: str) -> type:
    name = "Test" + base.__name__.removesuffix("Conformance") + fmt.title().replace("-", "")
    return type(name, (base,), {"fmt": fmt, "__doc__": f"{base.__name__} for {fmt}."})


for _fmt in EXPORTERS:
    _cls = _test_class(ExporterConformance, _fmt)
    globals()[_cls.__name__] = _cls
for _fmt in READERS:
    _cls = _test_class(ImporterConformance, _fmt)
    globals()[_cls.__name__] = _cls
