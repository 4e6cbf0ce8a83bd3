"""Issue 19: `review`, `approve` and review progress in `stats`."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml

from moci_vocab.errors import MociError
from moci_vocab.review import Target, read_targets
from tests.conftest import snapshot


@pytest.fixture
def drafts(seeded):
    """The seeded glossary with sq/ka drafts, one reviewed term and an unreviewed one."""
    seeded("translate", "reconciliation", "sq", "pajtim", "--review", "draft")
    seeded("translate", "reconciliation", "sq", "pajtueshmëri", "--review", "draft")
    seeded("translate", "resilience", "sq", "qëndrueshmëri", "--review", "draft")
    seeded("translate", "reconciliation", "ka", "შერიგება", "--review", "draft")
    seeded("approve", "peacebuilding", "sq", "--by", "Ana", "--state", "reviewed", "--yes")
    return seeded


def review_of(moci, concept_id: str, lang: str, index: int = 0) -> dict | None:
    data = yaml.safe_load((moci.root / "terms" / f"{concept_id}.yaml").read_text("utf-8"))
    review = data["terms"][lang][index].get("review")
    if review and "date" in review:
        review["date"] = str(review["date"])  # YAML reads an unquoted date as a date
    return review


def test_review_lists_drafts_and_reviewed_terms_by_language(drafts):
    items = drafts.json("review")
    assert [(i["lang"], i["concept"], i["term"], i["state"]) for i in items] == [
        ("sq", "peacebuilding", "ndërtim i paqes", "reviewed"),
        ("sq", "reconciliation", "pajtim", "draft"),
        ("sq", "reconciliation", "pajtueshmëri", "draft"),
        ("sq", "resilience", "qëndrueshmëri", "draft"),
        ("ka", "reconciliation", "შერიგება", "draft"),
    ]
    assert items[0]["by"] == "Ana" and items[1]["tags"] == ["core"]
    assert items[2]["status"] == "admitted"


def test_review_filters_by_language_reviewer_tag_and_state(drafts):
    assert {i["lang"] for i in drafts.json("review", "--lang", "ka")} == {"ka"}
    assert [i["concept"] for i in drafts.json("review", "--by", "ana")] == ["peacebuilding"]
    assert {i["concept"] for i in drafts.json("review", "--tag", "core")} == {"reconciliation"}
    unreviewed = drafts.json("review", "--state", "unreviewed", "--lang", "en")
    assert len(unreviewed) == 3 and {i["state"] for i in unreviewed} == {"unreviewed"}


def test_review_text_groups_by_language(drafts):
    result = drafts("review")
    out = result.stdout
    assert out.index("sq: 1 reviewed, 3 draft") < out.index("ka: 1 draft")
    assert "reconciliation  pajtueshmëri" in out and "by Ana" in out
    assert "5 term(s) to review" in result.stderr


def test_approve_one_term_sets_state_reviewer_and_today(drafts):
    drafts("approve", "reconciliation", "sq", "pajtim", "--by", "Besa", "--yes")
    today = datetime.date.today().isoformat()
    assert review_of(drafts, "reconciliation", "sq") == {
        "state": "approved",
        "by": "Besa",
        "date": today,
    }
    assert review_of(drafts, "reconciliation", "sq", 1) == {"state": "draft"}  # untouched


def test_approve_a_concept_with_a_date(drafts):
    drafts("approve", "reconciliation", "sq", "--by", "Besa", "--date", "2026-11-20", "--yes")
    for index in (0, 1):
        assert review_of(drafts, "reconciliation", "sq", index)["date"] == "2026-11-20"
    assert review_of(drafts, "reconciliation", "ka") == {"state": "draft"}


def test_approve_review_json_from_stdin(drafts):
    listed = drafts("review", "--lang", "sq", "--format", "json").stdout
    result = drafts("approve", "--from", "-", "--by", "Besa", "--yes", input=listed)
    assert "approved 4 terms by Besa" in result.stderr
    assert drafts.json("review", "--lang", "sq") == []
    assert len(drafts.json("review", "--lang", "ka")) == 1


def test_approve_a_list_file_of_lines(drafts, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(
        "# approved at the Tirana workshop\nreconciliation sq pajtim\nresilience\tsq\n",
        encoding="utf-8",
    )
    drafts("approve", "--from", str(listing), "--by", "Besa", "--yes")
    assert review_of(drafts, "resilience", "sq")["state"] == "approved"
    assert review_of(drafts, "reconciliation", "sq", 1) == {"state": "draft"}


def test_approve_twice_changes_nothing(drafts):
    args = ("approve", "reconciliation", "sq", "pajtim", "--by", "B", "--date", "2026-01-01")
    drafts(*args, "--yes")
    before = snapshot(drafts.root)
    result = drafts(*args, "--yes")
    assert "(1 already were)" in result.stderr
    assert snapshot(drafts.root) == before


def test_approve_in_a_script_without_yes_refuses(drafts):
    before = snapshot(drafts.root)
    result = drafts("approve", "reconciliation", "sq", "pajtim", "--by", "B", ok=False)
    assert "--yes" in result.output and "draft → approved" in result.output
    assert snapshot(drafts.root) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("reconciliation", "sq", "nothing"), "has no sq term 'nothing'"),
        (("nowhere", "sq"), "there is no concept 'nowhere'"),
        (("reconciliation", "sq", "pajtim", "--date", "20.11.2026"), "not a date"),
        (("peacebuilding", "hy"), "has no hy term"),
    ],
)
def test_approve_bad_input_changes_nothing(drafts, args, message):
    before = snapshot(drafts.root)
    result = drafts("approve", *args, "--by", "B", "--yes", ok=False)
    assert result.exit_code == 1 and message in result.output
    assert snapshot(drafts.root) == before


def test_approve_bad_list_names_file_and_line(drafts, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("reconciliation sq pajtim\nnowhere sq x\n", encoding="utf-8")
    before = snapshot(drafts.root)
    result = drafts("approve", "--from", str(listing), "--by", "B", "--yes", ok=False)
    assert "list.txt:2:" in result.output and "nowhere" in result.output
    assert snapshot(drafts.root) == before  # the good first line was not applied either


def test_approve_needs_a_target(drafts):
    assert drafts("approve", "--by", "B", ok=False).exit_code == 2


def test_read_targets_shapes(tmp_path):
    path = tmp_path / "x"
    items = [{"concept": "a", "lang": "sq", "term": "t u"}, {"concept": "b", "lang": "ka"}]
    assert [(t.concept, t.lang, t.term) for t in read_targets(json.dumps(items), path)] == [
        ("a", "sq", "t u"),
        ("b", "ka", None),
    ]
    lines = read_targets("a sq two words\n", path)
    assert lines == [Target("a", "sq", "two words", path=path, line=1)]
    with pytest.raises(MociError, match="item 1"):
        read_targets('[{"lang": "sq"}]', path)
    with pytest.raises(MociError) as caught:
        read_targets("ok sq\nonly\n", path)
    assert caught.value.line == 2


def test_stats_shows_review_progress(drafts):
    drafts("approve", "reconciliation", "sq", "--by", "B", "--yes")
    sq = next(row for row in drafts.json("stats")["languages"] if row["lang"] == "sq")
    assert sq["review"] == {"draft": 1, "reviewed": 1, "approved": 2, "none": 0}
    assert sq["approved_share"] == pytest.approx(0.5)
    assert "50%" in drafts("stats").stdout
