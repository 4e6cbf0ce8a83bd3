"""The test suite's own budgets: property tests run fewer examples by default, never none."""

from __future__ import annotations

from conftest import THOROUGH, examples
from hypothesis import settings


def test_property_tests_run_a_quarter_of_their_examples_but_never_none() -> None:
    assert examples(1) == 1 and examples(10) == 10  # small budgets stay whole
    assert examples(60) == (60 if THOROUGH else 15)
    assert examples(400) == (400 if THOROUGH else 100)
    assert settings.default.max_examples == examples(100)  # tests that name no budget
