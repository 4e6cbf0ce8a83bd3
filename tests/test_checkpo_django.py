"""`check-po` on real translations nobody on the team wrote (Django's sq, ka, hy catalogs).

The labelled data is committed under tests/fixtures/checkpo/django/ (BSD licence,
see NOTICE.md there); benchmarks/bench_checkpo_accuracy.py prints the same figures.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _bench():
    path = REPO / "benchmarks" / "bench_checkpo_accuracy.py"
    spec = importlib.util.spec_from_file_location("bench_checkpo_accuracy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def django_glossary(tmp_path_factory):
    bench = _bench()
    root = tmp_path_factory.mktemp("django") / "g"
    bench.make_glossary(root)
    glossary = json.loads((bench.DATA / "glossary.json").read_text(encoding="utf-8"))
    return bench, root, glossary


@pytest.mark.parametrize("lang", ["sq", "ka", "hy"])
def test_false_alarms_and_recall_meet_the_targets(django_glossary, lang):
    bench, root, glossary = django_glossary
    result = bench.evaluate(root, lang, glossary, verbose=False)
    false_alarms, clean = result["clean"]
    caught, injected = result["injected"]
    assert clean >= 200 and injected >= 0.95 * clean  # the data set is there, and sizeable
    assert false_alarms / clean <= 0.05
    assert caught / injected >= 0.95


def test_fixture_has_origin_and_licence():
    notice = (REPO / "tests" / "fixtures" / "checkpo" / "django" / "NOTICE.md").read_text("utf-8")
    assert "BSD 3-Clause" in notice and "Django Software Foundation" in notice
