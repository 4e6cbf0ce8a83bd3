"""`check`: validate the glossary for CI and pre-commit (the rules live in moci_vocab.checks)."""

from __future__ import annotations

import click

from moci_vocab.cli.common import State, examples, findings_options, pass_state


@click.command(
    epilog=examples(
        "moci-vocab check",
        "moci-vocab check --format github --since origin/main",
        "moci-vocab check --format sarif > check.sarif",
        "moci-vocab check --rules",
    )
)
@findings_options(
    "text for people (path:line:col: CODE message); json; github workflow annotations; "
    "SARIF 2.1.0 for code scanning."
)
@click.option(
    "--since",
    metavar="REV",
    help="Only report findings in concepts changed since this git revision (e.g. origin/main).",
)
@click.option("--rules", is_flag=True, help="List every check: code, severity, what it finds.")
@pass_state
def check_cmd(state: State, fmt: str, fail_on: str, since: str | None, rules: bool) -> None:
    """Validate the glossary: schema, coverage, text, scripts, duplicates, links.

    Exit status 1 when any finding is an error (with --fail-on warning: or a warning).
    Severities can be changed in glossary/glossary.yaml (`checks: {MV401: error, MV203:
    off}`); one finding is silenced in its concept file with `ignore: [{code: MV403,
    lang: sq, reason: ...}]`.
    """
    if rules:
        _print_rules(state, fmt)
        return
    from moci_vocab.checks import RULES, run_check
    from moci_vocab.cli.common import exit_for_findings, progress_bar, show_findings

    with state.reading() as root, progress_bar(state, "reading the concept files") as progress:
        result = run_check(root, since=since, progress=progress)
    findings = result.findings
    show_findings(state, findings, fmt, RULES, _extra_summary(result), "glossary")
    if fmt == "github":
        _say_summary(state, result)
    exit_for_findings(findings, fail_on)


def _extra_summary(result) -> dict:
    totals = result.summary()
    for key in ("error", "warning", "info"):
        totals.pop(key, None)
    return totals


def _say_summary(state: State, result) -> None:
    from moci_vocab.cli.common import say

    counts = result.summary()
    say(
        state,
        f"moci-vocab check: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info in {counts['concepts']} concepts",
    )


def _print_rules(state: State, fmt: str) -> None:
    from moci_vocab.checks.registry import RULES, severity_of

    overrides = {}
    try:
        from moci_vocab.store import load_manifest

        overrides = load_manifest(state.root(), report=lambda _finding: None).checks
    except Exception:  # outside a glossary: the default severities
        overrides = {}
    from moci_vocab.cli.common import echo

    rows = [(r.code, severity_of(r.code, overrides), r.summary) for r in RULES.values()]
    if fmt == "json":
        from moci_vocab.cli.common import echo_json

        echo_json([{"code": c, "severity": s, "summary": t} for c, s, t in rows])
        return
    for code, severity, summary in rows:
        echo(f"{code}  {severity:<7}  {summary}")
