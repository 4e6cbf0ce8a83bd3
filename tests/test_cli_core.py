"""End-to-end tests of the translator's commands (issue 2), through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from tests.conftest import REPO, snapshot


def test_init_creates_a_glossary_that_loads(moci):
    manifest = yaml.safe_load((moci.root / "glossary" / "glossary.yaml").read_text("utf-8"))
    assert manifest["source_language"] == "en"
    assert list(manifest["languages"]) == ["en", "sq", "ka", "hy", "sr-Latn", "sr-Cyrl"]
    assert manifest["languages"]["ka"]["script"] == "Geor"
    assert manifest["languages"]["sr-Cyrl"]["script"] == "Cyrl"
    assert (moci.root / "terms").is_dir()
    assert moci.json("list") == []


def test_init_refuses_an_existing_glossary(moci):
    before = snapshot(moci.root)
    result = moci("init", str(moci.root), ok=False)
    assert result.exit_code == 1
    assert "already holds a glossary" in result.output
    assert snapshot(moci.root) == before


def test_init_rejects_a_bad_language_tag(tmp_path):
    from click.testing import CliRunner

    from moci_vocab.cli import cli

    result = CliRunner().invoke(cli, ["init", str(tmp_path / "x"), "--languages", "sq,english"])
    assert result.exit_code == 1
    assert "'english' is not a BCP 47 language tag" in result.output
    assert not (tmp_path / "x" / "glossary").exists()


def test_add_writes_canonical_yaml(moci):
    moci(
        "add",
        "reconciliation",
        "--term",
        "en=reconciliation",
        "--term",
        "sq=pajtim",
        "--definition",
        "en=Restoring trust after conflict.",
        "--tag",
        "core",
        "--yes",
    )
    text = (moci.root / "terms" / "reconciliation.yaml").read_text("utf-8")
    assert text == (
        "id: reconciliation\n"
        "tags:\n"
        "  - core\n"
        "status: draft\n"
        "definition:\n"
        "  en: Restoring trust after conflict.\n"
        "terms:\n"
        "  en:\n"
        "    - term: reconciliation\n"
        "      status: preferred\n"
        "  sq:\n"
        "    - term: pajtim\n"
        "      status: preferred\n"
    )
    assert moci("fmt", "--check").exit_code == 0


def test_add_do_not_translate(moci):
    moci("add", "moci", "--term", "en=MOCI", "--do-not-translate", "--yes")
    assert moci.json("show", "moci")["do_not_translate"] is True


def test_add_needs_a_source_term(moci):
    result = moci("add", "pajtim", "--term", "sq=pajtim", "--yes", ok=False)
    assert "source language" in result.output
    assert not (moci.root / "terms" / "pajtim.yaml").exists()


def test_add_refuses_existing_and_invalid_ids(seeded):
    before = snapshot(seeded.root)
    assert "exists already" in seeded("add", "resilience", "--term", "en=x", ok=False).output
    result = seeded("add", "../../x", "--term", "en=x", "--yes", ok=False)
    assert result.exit_code == 1
    assert "not a valid concept id" in result.output
    assert snapshot(seeded.root) == before


def test_add_warns_about_near_duplicates_and_needs_yes_in_scripts(seeded):
    before = snapshot(seeded.root)
    result = seeded("add", "pajtimi", "--term", "en=reconcilation", "--term", "sq=pajtim", ok=False)
    assert result.exit_code == 1
    assert "'reconcilation' looks like 'reconciliation' in reconciliation" in result.output
    assert "'pajtim' looks like 'pajtim'" in result.output
    assert snapshot(seeded.root) == before
    seeded("add", "pajtimi", "--term", "en=reconcilation", "--yes")
    assert (seeded.root / "terms" / "pajtimi.yaml").exists()


def test_near_duplicate_without_diacritics_is_reported(seeded):
    result = seeded("translate", "peacebuilding", "sq", "qendrueshmeri", ok=False)
    assert "looks like 'qëndrueshmëri' in resilience" in result.output


def test_translate_adds_preferred_then_admitted(seeded):
    seeded("translate", "peacebuilding", "ka", "მშვიდობის მშენებლობა")
    seeded("translate", "peacebuilding", "ka", "მშვიდობის დამკვიდრება", "--yes")
    terms = seeded.json("show", "peacebuilding")["terms"]["ka"]
    assert [(t["term"], t["status"]) for t in terms] == [
        ("მშვიდობის მშენებლობა", "preferred"),
        ("მშვიდობის დამკვიდრება", "admitted"),
    ]


def test_translate_preferred_demotes_the_old_preferred(seeded):
    seeded("translate", "reconciliation", "sq", "pajtueshmëri", "--yes")
    seeded("translate", "reconciliation", "sq", "pajtueshmëri", "--status", "preferred")
    terms = seeded.json("show", "reconciliation")["terms"]["sq"]
    statuses = {t["term"]: t["status"] for t in terms}
    assert statuses == {"pajtim": "admitted", "pajtueshmëri": "preferred"}


def test_translate_refuses_to_leave_a_language_without_a_preferred_term(seeded):
    """Admitted stands beside a preferred term: the only one demoted, check fails (MV106)."""
    before = snapshot(seeded.root)
    result = seeded(
        "translate", "reconciliation", "ka", "შერიგება", "--status", "admitted", ok=False
    )
    assert result.exit_code == 1
    assert "only preferred ka term" in result.output and "--status preferred" in result.output
    result = seeded(
        "translate", "peacebuilding", "ka", "მშვიდობა", "--status", "admitted", ok=False
    )
    assert "no preferred ka term" in result.output
    assert snapshot(seeded.root) == before
    seeded("translate", "reconciliation", "ka", "შერიგება", "--status", "preferred")  # as it is
    seeded("translate", "reconciliation", "sq", "pajtueshmëri", "--status", "admitted", "--yes")
    seeded("check")


def test_every_demotion_that_leaves_no_preferred_term_says_so(seeded):
    """One answer for translate and deprecate: forbidden or deprecated is done, with a warning."""
    result = seeded("translate", "reconciliation", "ka", "შერიგება", "--status", "forbidden")
    assert "now has no preferred ka term" in result.output
    result = seeded("deprecate", "reconciliation", "hy", "հաշտեցում")
    assert "now has no preferred hy term" in result.output


def test_translate_changes_status_of_existing_term_case_insensitively(seeded):
    seeded("translate", "reconciliation", "en", "Reconciliation", "--status", "deprecated")
    terms = seeded.json("show", "reconciliation")["terms"]["en"]
    assert terms == [{"term": "reconciliation", "status": "deprecated"}]


def test_translate_normalises_to_nfc(seeded):
    decomposed = "pe\u0308rputhje"  # e + combining diaeresis
    seeded("translate", "peacebuilding", "sq", decomposed, "--yes")
    terms = seeded.json("show", "peacebuilding")["terms"]["sq"]
    assert terms[-1]["term"] == "përputhje"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("translate", "nope", "sq", "x"), "there is no concept 'nope'"),
        (("translate", "reconciliation", "xx", "x"), "CLDR knows no language 'xx'"),
        (("translate", "reconciliation", "de", "Versöhnung"), "'de' is not in this glossary"),
        (("translate", "reconciliation", "sq", "  "), "the term is empty"),
        (("show", "nope"), "there is no concept 'nope'"),
        (("deprecate", "reconciliation", "sq", "nope"), "has no sq term 'nope'"),
        (("remove", "resilience", "--yes"), "reconciliation still refers to it"),
        (("rename", "resilience", "Bad Id"), "not a valid concept id"),
        (("rename", "resilience", "reconciliation"), "exists already"),
        (("edit", "reconciliation", "--add-related", "nope"), "there is no concept 'nope'"),
        (("list", "--lang", "xx"), "CLDR knows no language 'xx'"),
    ],
)
def test_user_errors_exit_1_with_one_sentence_and_change_nothing(seeded, args, message):
    before = snapshot(seeded.root)
    result = seeded(*args, ok=False)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.startswith("error: ")
    assert result.output.count("\n") == 1
    assert snapshot(seeded.root) == before


def test_unknown_concept_suggests_close_ids(seeded):
    result = seeded("show", "reconcil", ok=False)
    assert "did you mean reconciliation" in result.output


def test_malformed_yaml_names_file_and_line(seeded):
    bad = seeded.root / "terms" / "broken.yaml"
    bad.write_text("id: broken\nterms:\n  en: [\n", encoding="utf-8")
    before = snapshot(seeded.root)
    for args in (("list",), ("show", "resilience")):  # reading goes on without the file
        result = seeded(*args)
        assert "resilience" in result.stdout
        assert result.stderr.count("broken.yaml:4") == 1 and "not valid YAML" in result.stderr
    result = seeded("translate", "resilience", "sq", "x", ok=False)  # a change does not
    assert result.exit_code == 1
    assert "broken.yaml:4" in result.output and "not valid YAML" in result.output
    assert snapshot(seeded.root) == before


def test_schema_error_names_file_and_line(seeded):
    path = seeded.root / "terms" / "resilience.yaml"
    text = path.read_text("utf-8").replace("status: draft", "status: finished")
    path.write_text(text, encoding="utf-8")
    result = seeded("list")  # the other concepts are listed; the file is named once
    assert "resilience.yaml:" in result.stderr and "resilience" not in result.stdout
    assert "status is 'finished'; use one of: draft, approved, retired" in result.stderr
    result = seeded("edit", "resilience", "--add-tag", "core", ok=False)
    assert "status is 'finished'; use one of: draft, approved, retired" in result.output


def test_show_json_has_the_yaml_structure(seeded):
    data = seeded.json("show", "reconciliation")
    on_disk = yaml.safe_load((seeded.root / "terms" / "reconciliation.yaml").read_text("utf-8"))
    assert data == on_disk
    assert data["related"] == ["resilience"]
    assert data["broader"] == ["peacebuilding"]


def test_show_text_uses_autonyms(seeded):
    result = seeded("show", "reconciliation")
    assert "ქართული" in result.stdout
    assert "შერიგება" in result.stdout


def test_list_filters(seeded):
    assert [c["id"] for c in seeded.json("list", "--tag", "core")] == ["reconciliation"]
    missing = [c["id"] for c in seeded.json("list", "--missing", "ka")]
    assert missing == ["peacebuilding"]
    seeded("edit", "resilience", "--domain", "peacebuilding")
    assert [c["id"] for c in seeded.json("list", "--domain", "peacebuilding")] == ["resilience"]


def test_list_missing_leaves_out_names_kept_as_they_are(seeded):
    """A do-not-translate name needs no term, as stats and check say; the source still does."""
    seeded("add", "moci", "--term", "en=MOCI", "--do-not-translate", "--yes")
    assert [c["id"] for c in seeded.json("list", "--missing", "ka")] == ["peacebuilding"]
    ka = next(row for row in seeded.json("stats")["languages"] if row["lang"] == "ka")
    assert (ka["preferred"], ka["coverage"]) == (2, 2 / 3)


def test_list_says_why_nothing_is_listed(seeded):
    """One sentence on stderr instead of a table of headings; exit 0; JSON stays a list."""
    result = seeded("list", "--missing", "sq")
    assert result.stdout == ""
    assert "every concept that needs a preferred sq term has one" in result.stderr
    assert seeded.json("list", "--missing", "sq") == []
    result = seeded("list", "--missing", "ka", "--tag", "core")
    assert "every concept with --tag core that needs a preferred ka term has one" in result.stderr
    result = seeded("list", "--status", "retired")
    assert (result.stdout, result.stderr.strip()) == ("", "no concept matches --status retired")
    # ... and with --missing when the other filters select no concept at all (review34 F6:
    # it said every retired concept had its term, with none retired)
    result = seeded("list", "--missing", "ka", "--status", "retired")
    assert (result.stdout, result.stderr.strip()) == ("", "no concept matches --status retired")


def test_list_on_an_empty_glossary_says_how_to_add(moci):
    result = moci("list")
    assert result.stdout == ""
    assert "the glossary has no concept yet; add one with `moci-vocab add" in result.stderr


@pytest.mark.parametrize("command", ["list", "review", "export"])
def test_a_mistyped_tag_or_domain_is_an_error_naming_the_known_ones(seeded, command):
    """As export always did: `--tag cor` is said, not answered with an empty list."""
    args = [command, *(["csv", "-o", str(seeded.root / "out")] if command == "export" else [])]
    result = seeded(*args, "--tag", "cor", ok=False)
    assert result.exit_code == 1
    assert "there is no tag 'cor' in this glossary (tags: core)" in result.output
    if command != "review":  # review has no --domain
        result = seeded(*args, "--domain", "peace", ok=False)
        assert "there is no domain 'peace' in this glossary" in result.output


def test_list_lang_sorts_in_that_languages_order(moci):
    # Albanian: c < ç < d < dh < e < ë; each concept needs an English term too.
    words = {"dhoma": "room", "cikli": "cycle", "çelësi": "key", "ëndrra": "dream", "era": "wind"}
    for sq_word, en_word in words.items():
        moci("add", en_word, "--term", f"en={en_word}", "--term", f"sq={sq_word}", "--yes")
    order = [c["terms"]["sq"][0]["term"] for c in moci.json("list", "--lang", "sq")]
    assert order == ["cikli", "çelësi", "dhoma", "era", "ëndrra"]


def test_search_fuzzy_and_across_scripts(seeded):
    hits = seeded.json("search", "sherigeba")
    assert hits[0]["concept"] == "reconciliation" and hits[0]["term"] == "შერიგება"
    assert set(hits[0]) == {"concept", "lang", "term", "score"}
    assert seeded.json("search", "resilence")[0]["term"] == "resilience"  # a typo
    assert seeded.json("search", "QENDRUESHMERI")[0]["term"] == "qëndrueshmëri"
    assert seeded.json("search", "hashtetsum")[0]["term"] == "հաշտեցում"
    scores = [hit["score"] for hit in seeded.json("search", "reconciliation")]
    assert scores == sorted(scores, reverse=True)


def test_search_finds_serbian_in_both_scripts(seeded):
    seeded("translate", "reconciliation", "sr-Latn", "pomirenje")
    seeded("translate", "reconciliation", "sr-Cyrl", "помирење")
    found = {(h["lang"], h["term"]) for h in seeded.json("search", "pomirenje")}
    assert {("sr-Latn", "pomirenje"), ("sr-Cyrl", "помирење")} <= found


def test_deprecate(seeded):
    seeded("translate", "reconciliation", "sq", "pajtueshmëri", "--yes")
    seeded("deprecate", "reconciliation", "sq", "pajtueshmëri")
    statuses = {
        t["term"]: t["status"] for t in seeded.json("show", "reconciliation")["terms"]["sq"]
    }
    assert statuses == {"pajtim": "preferred", "pajtueshmëri": "deprecated"}


def test_rename_updates_every_reference(seeded):
    seeded("rename", "resilience", "community-resilience")
    assert not (seeded.root / "terms" / "resilience.yaml").exists()
    assert seeded.json("show", "community-resilience")["id"] == "community-resilience"
    assert seeded.json("show", "reconciliation")["related"] == ["community-resilience"]


def test_remove_after_references_are_gone(seeded):
    seeded("edit", "reconciliation", "--remove-related", "resilience")
    seeded("remove", "resilience", "--yes")
    assert not (seeded.root / "terms" / "resilience.yaml").exists()


def test_edit_definitions_tags_and_status(seeded):
    seeded(
        "edit",
        "resilience",
        "--definition",
        "sq=Aftësia për t'u rimëkëmbur.",
        "--add-tag",
        "core",
        "--status",
        "approved",
        "--note",
        "en=Not sustainability.",
    )
    data = seeded.json("show", "resilience")
    assert data["definition"]["sq"] == "Aftësia për t'u rimëkëmbur."
    assert data["tags"] == ["core"] and data["status"] == "approved"
    assert data["note"] == {"en": "Not sustainability."}


def test_fmt_rewrites_hand_edited_files_and_check_reports(seeded):
    path = seeded.root / "terms" / "resilience.yaml"
    path.write_text(
        "terms: {en: [{term: resilience, status: preferred}]}\n"
        "definition: {en: The capacity to recover.}\nid: resilience\n",
        encoding="utf-8",
    )
    result = seeded("fmt", "--check", ok=False)
    assert result.exit_code == 1 and "resilience.yaml: not in canonical form" in result.output
    seeded("fmt")
    assert path.read_text("utf-8").startswith("id: resilience\nstatus: draft\ndefinition:\n")
    seeded("fmt", "--check")


def test_cli_change_and_hand_change_give_the_same_file(seeded):
    """A change made with the CLI and the same change made by hand + fmt are identical."""
    path = seeded.root / "terms" / "resilience.yaml"
    seeded("translate", "resilience", "sr-Latn", "otpornost")
    by_cli = path.read_bytes()
    seeded("edit", "resilience", "--remove-term", "sr-Latn=otpornost")
    text = path.read_text("utf-8") + "  sr-Latn:\n  - term: otpornost\n    status: preferred\n"
    path.write_text(text, encoding="utf-8")
    seeded("fmt")
    assert path.read_bytes() == by_cli


def test_stats_json(seeded):
    stats = seeded.json("stats")
    by_lang = {row["lang"]: row for row in stats["languages"]}
    assert stats["concepts"] == 3
    assert by_lang["en"]["coverage"] == 1.0
    assert by_lang["ka"]["preferred"] == 2
    assert abs(by_lang["ka"]["coverage"] - 2 / 3) < 1e-9
    assert seeded("stats").exit_code == 0


def test_no_glossary_is_a_clear_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from moci_vocab.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["list"])
    assert result.exit_code == 1
    assert "no glossary here" in result.output


def test_usage_error_exits_2(seeded):
    result = seeded("translate", "reconciliation", ok=False)
    assert result.exit_code == 2


def test_every_command_has_help_with_an_example(seeded):
    from moci_vocab.cli import COMMANDS

    for name in COMMANDS:
        result = seeded(name, "--help", ok=None)
        assert result.exit_code == 0, (name, result.output)
        assert "Example" in result.output, name


def test_python_dash_m_and_console_script_start(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "moci_vocab", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "translate" in result.stdout


def test_shipped_glossary_loads_and_is_canonical():
    from moci_vocab.canonical_form import format_glossary
    from moci_vocab.store import load_glossary

    if not (REPO / "glossary" / "glossary.yaml").exists():
        pytest.skip("the shipped glossary is not in this checkout")
    glossary = load_glossary(REPO)
    assert len(glossary.concepts) >= 40
    for concept in glossary.concepts.values():
        assert concept.definition.get("en"), concept.id
        if not concept.do_not_translate:
            for lang in ("en", "sq", "ka", "hy"):
                assert concept.preferred(lang) is not None, (concept.id, lang)
    _changes, stale = format_glossary(REPO)
    assert stale == []


def test_json_output_is_valid_json(seeded):
    for args in (("list",), ("search", "peace"), ("stats",), ("show", "resilience")):
        json.loads(seeded(*args, "--format", "json").stdout)


@pytest.mark.parametrize("args", [["list"], ["export", "csv", "-o", "out"], ["review"]])
def test_a_command_run_in_process_leaves_nothing_frozen(seeded, tmp_path, args):
    """A command's glossary is frozen only in the console script's process (cli.common._kept):
    a program that runs commands in-process keeps a collector that frees its cycles."""
    import gc

    # Nothing frozen to start with: a `check` run before in this process froze its objects
    # for good, and an edit's or export's gc.unfreeze() undoes every freeze (the count would
    # fall whatever _kept did).
    gc.unfreeze()
    seeded(*[str(tmp_path / arg) if arg == "out" else arg for arg in args])
    assert gc.get_freeze_count() == 0


def test_an_edit_that_asks_nothing_is_a_usage_error(seeded):
    """`edit ID` with no option said "nothing to change (it already is as asked)", exit 0,
    with nothing asked (review34 F7): a usage error naming the options, and no file written."""
    path = seeded.root / "terms" / "resilience.yaml"
    before = path.read_bytes()
    result = seeded("edit", "resilience", ok=False)
    assert result.exit_code == 2
    assert "say what to change: --definition, --note, --add-tag" in result.output
    assert path.read_bytes() == before


def test_an_edit_that_changes_nothing_says_so_and_writes_nothing(seeded):
    """It said "updated the concept" (removing a definition it never had, the same text)."""
    path = seeded.root / "terms" / "resilience.yaml"
    before = path.read_bytes()
    for args in (
        ("--definition", "hy="),
        ("--definition", "en=The capacity to recover from difficulties."),
    ):
        result = seeded("edit", "resilience", *args)
        assert "resilience: nothing to change (it already is as asked)" in result.stderr
        assert "updated" not in result.output
    assert path.read_bytes() == before
    assert (
        "updated the concept 'resilience'"
        in seeded("edit", "resilience", "--add-tag", "core").stderr
    )
