"""The tool runs no code from the current folder: its workers' Python and git.

CI runs the tool in a checkout of someone's pull request: a ``moci_vocab/`` folder or a
``json.py`` there must not be imported by the processes the tool starts (``python -c``
puts the current folder first on the path; the workers are started with ``-P``), and a
``git`` there must not run in git's place.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from moci_vocab import stats, workers
from moci_vocab.booklet import typesetter
from moci_vocab.versions.git import git_program

PLANTED = 'open({marker!r}, "w").write("ran")\nraise SystemExit(3)\n'


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pull request's folder, the current one, holding a package and stdlib names of its
    own; the file their code would write if it ran."""
    folder, marker = tmp_path / "pull-request", tmp_path / "ran"
    (folder / "moci_vocab").mkdir(parents=True)
    code = PLANTED.format(marker=str(marker))
    (folder / "moci_vocab" / "__init__.py").write_text(code, encoding="utf-8")
    for name in ("json", "pickle", "typing"):  # modules the workers import at once
        (folder / f"{name}.py").write_text(code, encoding="utf-8")
    monkeypatch.chdir(folder)
    return marker


def test_a_typesetting_worker_imports_nothing_from_the_current_folder(planted: Path) -> None:
    worker = typesetter._Worker()
    worker.stop()  # its input ends: a worker that started (ours) exits with 0
    assert worker.process.returncode == 0
    assert not planted.exists()


def test_a_spawned_checking_worker_imports_nothing_from_the_current_folder(
    planted: Path,
) -> None:
    process = workers._spawn()
    assert process.stdin is not None and process.stdout is not None
    process.stdin.close()
    assert process.wait(timeout=60) == 0
    process.stdout.close()
    assert not planted.exists()


def test_the_worker_command_finds_this_package_first(monkeypatch) -> None:
    monkeypatch.setattr(workers, "_is_site_folder", lambda folder: False)  # a checkout
    command, env = workers.python_worker_command("pass")
    assert command[1:3] == ["-P", "-c"]
    assert env["PYTHONPATH"].split(os.pathsep)[0] == workers.PACKAGE_PARENT


@pytest.mark.skipif(sys.platform == "win32", reason="the virtual environment's layout")
def test_an_installed_packages_workers_keep_the_standard_library_first(tmp_path) -> None:
    """Installed, this package's folder is site-packages: first on a worker's PYTHONPATH,
    it put every module there before the standard library's, and a stale backport that
    the standard library hides in the command (PyPI's pathlib 1.0.1) broke the worker."""
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)],
        check=True,
        timeout=120,
    )
    python = str(venv / "bin" / "python")
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    found = subprocess.run([python, "-c", where], capture_output=True, text=True, check=True)
    site_packages = Path(found.stdout.strip())
    package = Path(workers.__file__).parent
    shutil.copytree(package, site_packages / "moci_vocab", ignore=shutil.ignore_patterns("*.pyc"))
    (site_packages / "pathlib.py").write_text("raise ImportError('a stale backport')\n")
    probe = (
        "import subprocess\n"
        "from moci_vocab.workers import python_worker_command\n"
        "code = 'import pathlib, moci_vocab; print(moci_vocab.__file__)'\n"
        "command, env = python_worker_command(code)\n"
        "done = subprocess.run(command, env=env, capture_output=True, text=True)\n"
        "print(done.returncode, done.stdout.strip(), done.stderr.strip()[-300:])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [python, "-P", "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    status, *said = done.stdout.split(maxsplit=1)
    assert status == "0", said
    assert said[0].startswith(str(site_packages / "moci_vocab")), said


def _program(path: Path, marker: Path) -> Path:
    """An executable script at ``path`` that leaves ``marker`` if it runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho ran > '{marker}'\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands for git")
def test_git_is_never_taken_from_the_current_folder(planted: Path, tmp_path, monkeypatch):
    _program(Path.cwd() / "git", planted)
    real = _program(tmp_path / "bin" / "git", tmp_path / "real-ran")
    # Empty and relative entries of PATH mean the current folder.
    monkeypatch.setenv("PATH", os.pathsep.join(["", ".", "bin", str(real.parent)]))
    assert git_program() == str(real)
    monkeypatch.setenv("PATH", os.pathsep.join(["", "."]))
    assert git_program() is None
    assert stats.growth(Path.cwd()) == []  # no git: no history, and nothing ran
    assert not planted.exists()
