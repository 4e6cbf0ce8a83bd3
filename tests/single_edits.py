"""A fixed sequence of single edits and reads on a glossary with near-duplicates, and what
each leaves behind: exit code, output, and the bytes of every file that changed.

tests/test_single_edits.py runs it with today's code and compares with
``fixtures/single_edits.json``, recorded from the code before the file index (issue 17)
with ``PYTHONPATH=<that checkout> python tests/single_edits.py --write``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "fixtures" / "single_edits.json"
sys.path.append(str(HERE.parent))  # benchmarks.generate_hard, after the code under test

COUNT = 150  # concepts: shared, misspelt and undotted terms among them


def commands(concepts: list) -> list[list[str]]:
    """The sequence: near-duplicate warnings, refusals, every single-edit command, reads."""
    ids = [concept.id for concept in concepts]

    def term(i: int, lang: str) -> str:
        return concepts[i].terms[lang][0][0]

    typo = term(5, "en") + "x"
    return [
        ["show", ids[7]],
        ["show", ids[7], "--format", "json"],
        ["add", "brand-new", "--term", f"en={typo}", "--term", f"sq={term(6, 'sq')}"],
        [
            "add",
            "brand-new",
            "--term",
            f"en={typo}",
            "--term",
            f"sq={term(6, 'sq')}",
            "--term",
            f"ka={term(8, 'ka')}",
            "--term",
            "hy=նոր",
            "--definition",
            "en=New.",
            "--tag",
            "fresh-tag",
            "--domain",
            "culture",
            "--context",
            "sq=Një shembull.",
            "--yes",
        ],
        ["add", ids[3], "--term", "en=again", "--yes"],
        ["translate", ids[0], "sq", term(9, "sq"), "--yes"],
        ["translate", ids[0], "sq", term(9, "sq"), "--status", "preferred", "--yes"],
        ["translate", ids[1], "ka", term(10, "ka") + "ა"],
        ["translate", "no-such-concept", "sq", "x"],
        ["respell", ids[2], "sq", term(2, "sq"), term(11, "sq")],
        ["respell", ids[2], "en", term(2, "en"), term(2, "en").upper()],
        ["edit", ids[4], "--add-related", ids[12], "--add-tag", "core", "--note", "en=A note."],
        ["edit", ids[4], "--add-related", "missing-one"],
        ["deprecate", ids[13], "sq", term(13, "sq")],
        ["show", ids[13]],
        ["show", "brand-new", "--format", "json"],
        ["show", ids[4]],
        ["search", term(14, "sq"), "--format", "json"],
        ["show", ids[4][:-1]],
    ]


def run(write_broken: bool = True) -> dict:
    """Every step's exit code, output and changed files, paths shown relative to the root."""
    from click.testing import CliRunner

    from benchmarks.generate_hard import make_hard_glossary
    from moci_vocab.cli import cli

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "g"
        os.environ["MOCI_VOCAB_CACHE_KEY_DIR"] = str(Path(tmp) / "key")
        concepts = make_hard_glossary(root, COUNT)
        steps = [*commands(concepts)]
        if write_broken:
            steps += [["broken"], ["translate", concepts[0].id, "sq", "x"], ["show", "acac"]]
            steps += [["show", concepts[1].id]]
        results = []
        before = _files(root)
        for args in steps:
            if args == ["broken"]:
                (root / "terms" / "broken.yaml").write_text("id: broken\nterms:\n  en: [\n")
                before = _files(root)
                continue
            result = CliRunner().invoke(cli, ["--root", str(root), *args])
            after = _files(root)
            changed = {name: text for name, text in after.items() if before.get(name) != text}
            gone = sorted(set(before) - set(after))
            before = after

            def clean(text: str) -> str:  # paths are shown relative to the working folder
                return text.replace(str(root), "ROOT").replace(os.path.relpath(root), "ROOT")

            results.append(
                {
                    "args": args,
                    "exit": result.exit_code,
                    "stdout": clean(result.stdout),
                    "stderr": clean(result.stderr),
                    "changed": changed,
                    "gone": gone,
                }
            )
        return {"count": COUNT, "steps": results}


def _files(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text("utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".moci-cache" not in path.parts
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        GOLDEN.write_text(json.dumps(run(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    else:
        print(json.dumps(run(), ensure_ascii=False, indent=1))
