"""Nothing a person wrote in a concept file is dropped (issue 14, points 8 and 9).

Unknown fields (at the top of a concept, in a term, in a review) and comments
(on lines of their own, at the end of a line) survive every command that
rewrites the file: `fmt`, `translate`, `edit`, `deprecate`, `rename`,
`import`. `fmt --check` shows the unified diff it wants.
"""

from __future__ import annotations

import string

from click.testing import CliRunner
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moci_vocab.cli import cli
from moci_vocab.store import load_glossary
from moci_vocab.yaml_comments import find_comments, with_comments
from moci_vocab.yamlio import dump_yaml, parse_yaml

HAND_WRITTEN = """\
# Reviewed at the Tbilisi workshop; ask Nino before changing.
id: dialogue  # keep this id: the booklet links to it
status: draft
x-source: workshop 2025
definition:
  # the English text is the reference
  en: |
    A conversation between groups.
    # this line is text of the definition, not a comment
  sq: "Bisedë # me shenjë"
terms:
  en:
    # the one everybody uses
    - term: dialogue
      status: preferred   # agreed 2025-03
      x-frequency: 12
      review:
        state: draft
        x-round: 2
  sq:
    - bisedë  # short form
x-owner:
  - nino
  - arben
# end of the file
"""
COMMENTS = [
    "# Reviewed at the Tbilisi workshop; ask Nino before changing.",
    "# keep this id: the booklet links to it",
    "# the English text is the reference",
    "# the one everybody uses",
    "# agreed 2025-03",
    "# short form",
    "# end of the file",
]
TEXT_NOT_COMMENT = "# this line is text of the definition, not a comment"


def invoke(root, *args):
    result = CliRunner().invoke(cli, ["--root", str(root), *args])
    assert result.exit_code == 0, (args, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def assert_kept(path) -> None:
    __tracebackhide__ = True
    text = path.read_text(encoding="utf-8")
    for comment in COMMENTS:
        assert text.count(comment) == 1, (comment, text)
    assert text.count(TEXT_NOT_COMMENT) == 1, text
    data = parse_yaml(text, path).data
    assert data["x-source"] == "workshop 2025"
    assert data["x-owner"] == ["nino", "arben"]
    (dialogue,) = [t for t in data["terms"]["en"] if t["term"] == "dialogue"]
    assert dialogue["x-frequency"] == 12 and dialogue["review"]["x-round"] == 2
    assert data["definition"]["en"].endswith(TEXT_NOT_COMMENT + "\n")
    assert data["definition"]["sq"] == "Bisedë # me shenjë"


def test_every_rewrite_keeps_comments_and_unknown_fields(moci):
    path = moci.root / "terms" / "dialogue.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    for args in (
        ["fmt"],
        ["translate", "dialogue", "sq", "dialog", "--status", "admitted", "--yes"],
        ["translate", "dialogue", "ka", "დიალოგი", "--yes"],
        ["edit", "dialogue", "--definition", "hy=Երկխոսություն", "--add-tag", "core"],
        ["deprecate", "dialogue", "sq", "dialog"],
        ["fmt"],
    ):
        invoke(moci.root, *args)
        assert_kept(path)
    invoke(moci.root, "fmt", "--check")  # what a command writes is canonical
    invoke(moci.root, "rename", "dialogue", "conversation")
    assert not path.exists()
    renamed = moci.root / "terms" / "conversation.yaml"
    text = renamed.read_text(encoding="utf-8")
    assert all(comment.split(":")[0] in text for comment in COMMENTS)
    assert load_glossary(moci.root).concepts["conversation"].extra["x-source"] == "workshop 2025"


def test_comments_sit_where_they_were(moci):
    path = moci.root / "terms" / "dialogue.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    invoke(moci.root, "translate", "dialogue", "sq", "dialog", "--status", "admitted", "--yes")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == COMMENTS[0]
    assert lines[1] == "id: dialogue  # keep this id: the booklet links to it"
    at = lines.index("    # the one everybody uses")
    assert lines[at + 1] == "    - term: dialogue"
    assert "      status: preferred  # agreed 2025-03" in lines
    assert "    - term: bisedë  # short form" in lines  # the string form became a mapping
    assert lines[-1] == "# end of the file"


def test_unknown_fields_are_reported_and_kept(moci):
    path = moci.root / "terms" / "dialogue.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(moci.root), "check", "--format", "json"])
    import json

    findings = json.loads(result.stdout)["findings"]
    unknown = [f for f in findings if f["code"] == "MV003"]
    assert len(unknown) == 4 and all("it is kept" in f["message"] for f in unknown)
    shown = json.loads(invoke(moci.root, "show", "dialogue", "--format", "json").stdout)
    assert shown["x-source"] == "workshop 2025"
    assert list(shown)[-2:] == ["x-source", "x-owner"]  # after the known keys, file order


def test_fmt_check_prints_the_diff_it_wants_and_changes_nothing(seeded):
    path = seeded.root / "terms" / "resilience.yaml"
    path.write_text(
        "terms: {en: [{term: resilience, status: preferred}]}  # hand-made\n"
        "definition: {en: The capacity to recover.}\nid: resilience\n",
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--root", str(seeded.root), "fmt", "--check"])
    assert result.exit_code == 1
    out = result.stdout
    assert "resilience.yaml: not in canonical form" in out
    assert "--- a/terms/resilience.yaml\n+++ b/terms/resilience.yaml\n@@" in out
    assert "\n-terms: {en: [{term: resilience, status: preferred}]}  # hand-made\n" in out
    assert "\n id: resilience\n+status: draft\n" in out and "\n+terms:  # hand-made\n" in out
    assert "reconciliation.yaml" not in out  # canonical files are not listed
    assert path.read_bytes() == before


def test_comment_finder_ignores_hashes_inside_text():
    text = "a: \"x # y\"\nb: 'p # q'\nc: r#s\nd: |\n  # body\ne: f  # real\n"
    comments = find_comments(text, "x.yaml")
    assert [c.text for c in comments] == ["# real"]


# --------------------------------------------------------------------------- property

CANONICAL = dump_yaml(
    {
        "id": "c",
        "status": "draft",
        "definition": {"en": "First line.\n# text, not a comment\n", "sq": "Një"},
        "terms": {
            "en": [{"term": "alpha", "status": "preferred", "x-t": "kept"}],
            "sq": [
                {"term": "beta", "status": "preferred"},
                {"term": "gamma", "status": "admitted"},
            ],
        },
        "x-top": {"nested": [1, 2]},
    }
)
# Lines where a key or item starts (not inside the literal block): comments may go there.
NODE_LINES = [
    i
    for i, line in enumerate(CANONICAL.splitlines())
    if (line.strip() and not line.startswith("    ")) or line.lstrip().startswith(("- ", "x-t"))
]
_comment_text = st.text(
    st.sampled_from([*string.ascii_letters, *" #:'\"{}[],&*!|>%@`", "ë", "ქ", "ж"]), max_size=15
)
_placement = st.tuples(st.sampled_from(NODE_LINES), st.booleans(), _comment_text)


def with_hand_comments(placements) -> tuple[str, list[str]]:
    """CANONICAL with numbered comments on their own line (False) or a line's end (True)."""
    lines = CANONICAL.splitlines()
    before: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    markers = []
    for number, (line, inline, text) in enumerate(placements):
        marker = f"# c{number}: {text}".rstrip()
        markers.append(marker)
        if inline and line not in after:
            after[line] = marker
        else:
            before.setdefault(line, []).append(marker)
    out = []
    for i, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(indent + marker for marker in before.get(i, ()))
        out.append(line + ("   " + after[i] if i in after else ""))
    return "\n".join(out) + "\n", markers


@settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    placements=st.lists(_placement, max_size=6),
    commands=st.lists(
        st.sampled_from(
            [
                ("translate", "c", "sq", "delta", "--yes"),
                ("translate", "c", "sq", "beta", "--status", "deprecated", "--yes"),
                ("translate", "c", "ka", "ქართ", "--yes"),
                ("edit", "c", "--definition", "sq=Tekst i ri."),
                ("edit", "c", "--add-tag", "core"),
                ("fmt",),
            ]
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_comments_and_unknown_fields_survive_any_rewrite(moci, placements, commands):
    text, markers = with_hand_comments(placements)
    path = moci.root / "terms" / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert parse_yaml(text, path).data == parse_yaml(CANONICAL, path).data
    for args in commands:
        invoke(moci.root, *args)
        written = path.read_text(encoding="utf-8")
        for marker in markers:
            assert written.count(marker) == 1, (marker, written)
        assert written.count("# text, not a comment") == 1
        concept = load_glossary(moci.root).concepts["c"]
        assert concept.extra == {"x-top": {"nested": [1, 2]}}
        assert concept.terms["en"][0].extra == {"x-t": "kept"}
    invoke(moci.root, "fmt", "--check")  # stable: a second pass changes nothing


def test_comments_are_stable_under_a_second_rewrite():
    text, _markers = with_hand_comments([(0, False, "top"), (3, True, "eol"), (5, False, "x")])
    once = with_comments(CANONICAL, find_comments(text, "c.yaml"), "c.yaml")
    twice = with_comments(CANONICAL, find_comments(once, "c.yaml"), "c.yaml")
    assert once == twice
