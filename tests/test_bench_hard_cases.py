"""The driver of issue 17's hard cases: verdicts read from each benchmark's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import bench_hard_cases


def fake_case(tmp_path: Path, name: str, body: str) -> tuple[str, list[str]]:
    """A benchmark script that prints what it is given."""
    script = tmp_path / f"{name}.py"
    script.write_text(body, encoding="utf-8")
    return name, [str(script)]


@pytest.mark.parametrize(
    ("body", "met"),
    [
        ("print('ratio 1.2x  target <= 2x ✓')\nprint('noise')", True),
        ("print('ratio 1.2x ✓')\nprint('wall 31 s (<= 20 s ✗)')", False),
        ("print('no verdict at all')", False),  # a benchmark that printed no target
        ("raise SystemExit(3)", False),  # a crash is no pass
    ],
)
def test_a_case_is_met_only_when_every_verdict_is(tmp_path, capsys, body, met):
    name, args = fake_case(tmp_path, "case", body)
    assert bench_hard_cases.run_case(name, args) is met
    out = capsys.readouterr().out
    assert ("met in" in out) is met


def test_exit_status_is_1_when_any_case_misses(tmp_path, monkeypatch, capsys):
    cases = [
        fake_case(tmp_path, "good", "print('x ✓')"),
        fake_case(tmp_path, "bad", "print('y ✗')"),
    ]
    monkeypatch.setattr(bench_hard_cases, "CASES", cases)
    assert bench_hard_cases.main(["--only", "good"]) == 0
    assert bench_hard_cases.main([]) == 1
    assert "summary: good ✓, bad ✗" in capsys.readouterr().out


def test_an_unknown_case_name_is_refused_not_passed(capsys):
    with pytest.raises(SystemExit) as stop:
        bench_hard_cases.main(["--only", "edit"])  # the case is "edits"
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_memory_lines_are_those_with_megabytes_and_no_verdict():
    output = "peak 40 MB\nwall 1 s ✓ 45 MB\nno figure\n"
    assert bench_hard_cases.memory_lines(output) == ["peak 40 MB"]
    assert bench_hard_cases.verdict_lines(output) == ["wall 1 s ✓ 45 MB"]
