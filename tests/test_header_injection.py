"""No manifest value can add a header to an exported PO file (issue 14, point 4).

`version: "0.1.0\\nLanguage: xx\\nPlural-Forms: …"` used to pass `check` and
give PO files two `Language:` and two `Plural-Forms:` headers. The manifest's
version must be one semantic version, its name and language names one line;
and the PO exporter puts every header value on one line whatever it is given.
"""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from conftest import snapshot
from exim_support import export, glossary

from moci_vocab.model import Concept, Term

INJECTED = "Language: xx\\nPlural-Forms: nplurals=9; plural=0;\\n"
MSGFMT = shutil.which("msgfmt")


def set_manifest_line(moci, key: str, value: str) -> None:
    manifest = moci.root / "glossary" / "glossary.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"{key}: {value}\n" if line.startswith(f"{key}:") else line for line in lines]
    manifest.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    "version",
    [f'"0.1.0\\n{INJECTED}"', '"0.1.0\\n"', '" 0.1.0"', "1.0", "latest", '"1.2.3\\r"', "true"],
)
def test_check_refuses_a_version_that_is_not_one_semantic_version(seeded, tmp_path, version):
    set_manifest_line(seeded, "version", version)
    result = seeded("check", ok=False)
    assert "glossary.yaml" in result.output and "not a semantic version" in result.output
    before = snapshot(seeded.root)
    out = tmp_path / "out"
    result = seeded("export", "po", "-o", str(out), ok=False)
    assert "glossary.yaml:2: " in result.output and "semantic version" in result.output
    assert not out.exists() or not any(out.iterdir())
    assert snapshot(seeded.root) == before


@pytest.mark.parametrize("version", ["0.1.0", "1.4.0-rc.1", "v2.0.0", "1.0.0+build.5"])
def test_semantic_versions_pass(seeded, version):
    set_manifest_line(seeded, "version", version)
    assert "semantic version" not in seeded("check", "--format", "json", ok=None).stdout
    seeded("show", "reconciliation")


def test_check_refuses_a_name_or_language_name_on_two_lines(seeded):
    set_manifest_line(seeded, "name", f'"MOCI\\n{INJECTED}"')
    result = seeded("check", ok=False)
    assert "name must be one line" in result.output
    set_manifest_line(seeded, "name", "MOCI")
    manifest = seeded.root / "glossary" / "glossary.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("  sq:\n", '  sq:\n    name: "Alb\\nLanguage: xx"\n', 1))
    result = seeded("check", ok=False)
    assert "the name of sq must be one line" in result.output


def po_glossary(tmp_path, version: str, name: str):
    concept = Concept(
        id="peace", definition={"en": "x"}, terms={"en": [Term("peace")], "sq": [Term("paqe")]}
    )
    g = glossary(tmp_path, [concept], version=version)
    g.manifest.name = name
    return g


@pytest.mark.parametrize("fmt", ["po", "pot"])
def test_the_po_exporter_writes_each_header_once_whatever_it_is_given(tmp_path, fmt):
    """Defence in depth: a manifest built in code skips the schema; the exporter holds."""
    hostile = f"0.1.0\n{INJECTED}\r\nX-Evil: 1"
    g = po_glossary(tmp_path, version=hostile, name="MOCI\nLanguage: xx\nX-Name: 1")
    paths = export(g, fmt, tmp_path / "out", languages=["sq"])
    for path in paths:
        text = path.read_text(encoding="utf-8")
        header = text.split("\n\n")[1] if text.startswith("#") else text.split("\n\n")[0]
        keys = [line.split(":")[0] for line in header.splitlines() if line.startswith('"')]
        assert len(keys) == len(set(keys)), header
        assert '"Language: xx' not in text and '"X-Evil' not in text and '"X-Name' not in text
        catalog = polib.pofile(str(path))
        assert "X-Evil" not in catalog.metadata and "X-Name" not in catalog.metadata
        if fmt == "po":
            assert catalog.metadata["Language"] == "sq"
            assert catalog.metadata["Plural-Forms"].startswith("nplurals=2")
        if MSGFMT:
            done = subprocess.run(
                [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr


def test_mo_header_holds_one_language(tmp_path):
    g = po_glossary(tmp_path, version=f"0.1.0\n{INJECTED}", name="MOCI")
    (path,) = export(g, "mo", tmp_path / "out", languages=["sq"])
    catalog = polib.mofile(str(path))
    assert catalog.metadata["Language"] == "sq"
    assert "nplurals=9" not in catalog.metadata["Plural-Forms"]
