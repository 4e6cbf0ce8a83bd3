"""Random command sequences never leave a broken glossary (issue 8).

A hypothesis state machine runs add, translate, edit, deprecate, rename,
remove and fmt through the command line (in-process) on a scratch glossary,
with ids, languages and texts drawn from valid values, near misses and
hostile text (control characters, YAML syntax, odd spaces and Unicode).
After every step:

- a refused command (exit 1 or 2) printed one `error:` sentence, no traceback
  and no "unexpected" (the CLI's marker for a bug), and changed no file;
- the glossary still loads without a schema error
  (`store.load_glossary_reporting`, what `check` builds on);
- `fmt --check` is clean: every file is in canonical form;
- no temporary file is left, every related/broader id exists, and no
  language of a concept has two preferred terms.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from conftest import examples, snapshot
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from moci_vocab.canonical_form import format_glossary
from moci_vocab.cli import cli
from moci_vocab.store import load_glossary_reporting

IDS = ["peace", "trust", "civil-society", "youth-work", "x1"]
BAD_IDS = ["Peace", "../peace", "peace\n", "", "-x", "a--b", "terms/x", "peace.yaml"]
LANGS = ["en", "sq", "ka", "hy", "sr-Latn", "sr-Cyrl"]
BAD_LANGS = ["xx", "EN", "sr_Latn", "", "de"]
STATUSES = ["preferred", "admitted", "deprecated", "forbidden"]
WORDS = ["peace", "paqe", "pajtim", "მშვიდობა", "խաղաղություն", "mir", "мир", "besim", "Trust"]
HOSTILE_TEXT = [
    "x\x1b[2Jy",  # terminal escape
    "\x00",
    "a\u0000b",
    "#comment",
    "- item",
    "key: value",
    "&anchor *alias",
    "!!python/object:os.system",
    "'quoted\"",
    "   ",
    "\t\n",
    "line one\nline two",
    "trailing space ",
    "e\u0308",  # decomposed ë: stored as NFC
    "\u00a0nbsp\u202fnarrow",
    "\ufeffbom",
    "\u2028separator",
    "2026-11-20",
    "yes",
    "null",
    "~",
    "0x1F",
    "1e3",
    "{a: b}",
    "[a, b]",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "@at `back`",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    '#eval("1+1")',
    '\\n"',
    "x" * 2000,
]


def mostly(valid, invalid):
    """Valid values four times out of five: enough commands succeed to build a glossary."""
    return st.one_of(valid, valid, valid, valid, invalid)


texts = mostly(
    st.sampled_from(WORDS),
    st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(min_size=0, max_size=30)),
)
ids = mostly(st.sampled_from(IDS), st.sampled_from(BAD_IDS))
langs = mostly(st.sampled_from(LANGS), st.sampled_from(BAD_LANGS))


class RandomCommands(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="moci-random-"))
        self.root = self.folder / "g"
        self.runner = CliRunner()
        result = self.runner.invoke(
            cli, ["init", str(self.root), "--languages", "sq,ka,hy,sr-Latn,sr-Cyrl"]
        )
        assert result.exit_code == 0, result.output
        self.concepts: set[str] = set()

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def run(self, *args: str) -> bool:
        """Run a command; a refusal must be clean and change nothing. True if it worked."""
        before = snapshot(self.root)
        result = self.runner.invoke(cli, ["--root", str(self.root), *args])
        output = result.output
        event(f"{args[0]}: exit {result.exit_code}")
        assert "Traceback" not in output, (args, output)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError((args, output)) from result.exception
        if result.exit_code == 0:
            return True
        assert result.exit_code in (1, 2), (args, result.exit_code, output)
        assert "unexpected" not in output, (args, output)
        assert "error" in output.casefold(), (args, output)
        assert snapshot(self.root) == before, ("a refused command changed files", args, output)
        return False

    # ------------------------------------------------------------------ rules

    @initialize()
    def two_concepts(self):
        for concept in ("peace", "trust"):
            assert self.run("add", concept, "--term", f"en={concept}", "--yes")
            self.concepts.add(concept)

    @rule(
        concept=ids,
        term=texts,
        extra=st.one_of(st.none(), st.tuples(langs, texts)),
        tag=st.sampled_from(["", "core", "Bad Tag"]),
    )
    def add(self, concept, term, extra, tag):
        args = ["add", concept, "--term", f"en={term}", "--yes"]
        if extra is not None:
            args += ["--term", f"{extra[0]}={extra[1]}"]
        if tag:
            args += ["--tag", tag]
        if self.run(*args):
            self.concepts.add(concept)

    @rule(concept=ids, lang=langs, term=texts, status=st.sampled_from([None, *STATUSES]))
    def translate(self, concept, lang, term, status):
        args = ["translate", concept, lang, term, "--yes"]
        if status:
            args += ["--status", status]
        self.run(*args)

    @rule(
        concept=ids,
        lang=langs,
        definition=texts,
        other=ids,
        link=st.sampled_from(["--add-related", "--add-broader", "--remove-related"]),
    )
    def edit(self, concept, lang, definition, other, link):
        self.run("edit", concept, "--definition", f"{lang}={definition}")
        self.run("edit", concept, link, other)

    @rule(concept=ids, lang=langs, term=texts)
    def deprecate(self, concept, lang, term):
        self.run("deprecate", concept, lang, term)

    @rule(concept=ids, lang=st.sampled_from(LANGS), data=st.data())
    def deprecate_existing(self, concept, lang, data):
        glossary, _ = load_glossary_reporting(self.root)
        terms = glossary.concepts[concept].terms.get(lang) if concept in glossary.concepts else None
        if terms:
            self.run("deprecate", concept, lang, data.draw(st.sampled_from(terms)).term)

    @rule(old=ids, new=ids)
    def rename(self, old, new):
        if self.run("rename", old, new):
            self.concepts.discard(old)
            self.concepts.add(new)

    @rule(concept=ids)
    def remove(self, concept):
        if self.run("remove", concept, "--yes"):
            self.concepts.discard(concept)

    @rule()
    def fmt(self):
        assert self.run("fmt")

    # ------------------------------------------------------------------ invariants

    @invariant()
    def glossary_loads_and_is_canonical(self):
        glossary, findings = load_glossary_reporting(self.root)
        errors = [f for f in findings if f.severity == "error"]
        assert errors == [], errors
        assert set(glossary.concepts) == self.concepts
        _changes, stale = format_glossary(self.root)
        assert stale == [], stale
        result = self.runner.invoke(cli, ["--root", str(self.root), "fmt", "--check"])
        assert result.exit_code == 0, result.output
        assert list(self.root.rglob("*.tmp")) == []
        for concept in glossary.concepts.values():
            for target in [*concept.related, *concept.broader]:
                assert target in glossary.concepts, (concept.id, target)
            for lang, terms in concept.terms.items():
                preferred = [t.term for t in terms if t.status == "preferred"]
                assert len(preferred) <= 1, (concept.id, lang, preferred)


TestRandomCommands = RandomCommands.TestCase
TestRandomCommands.settings = settings(
    max_examples=examples(60),
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
