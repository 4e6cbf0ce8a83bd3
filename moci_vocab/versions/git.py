"""The `git` command, run safely, and the glossary as it was at a revision.

Git is always run with a list of arguments (never a shell), with revisions
resolved to commit ids before use, and with literal pathspecs, so neither a
revision nor a folder name can smuggle in an option or a glob. Every failure
becomes one MociError sentence.

A revision's glossary is read straight from git's object store
(``ls-tree`` + one ``cat-file --batch``), never by checking files out, so
the working tree is left alone.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from moci_vocab.errors import MociError
from moci_vocab.findings import Finding
from moci_vocab.model import Glossary, Manifest

TAG_PREFIX = "v"
CACHE_NAME = "revision-concepts"
CACHE_ENTRIES = 50_000
CACHE_KEY = 3  # bump when what the cache keeps per blob changes shape
_RELEASE_TAG_RE = re.compile(r"^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class Repo:
    """A glossary inside a git work tree: the top-level folder and the glossary's prefix."""

    root: Path  # the glossary's folder
    toplevel: Path  # the work tree's top-level folder
    prefix: str  # the glossary folder relative to toplevel, "" or "sub/dir/"

    def path(self, relative: str) -> str:
        """A glossary-relative path (``terms/x.yaml``) as git names it from the top level."""
        return self.prefix + relative


def git_program() -> str | None:
    """The absolute path of ``git`` on PATH, never one in the current folder (or None).

    The current folder is often a checkout of someone's pull request: a ``git`` (or, on
    Windows, ``git.bat``) there must not run. An empty or relative PATH entry means that
    folder, and on Windows ``shutil.which`` of Python 3.11 looks there first whatever PATH
    says; so only PATH's absolute folders are searched.
    """
    suffixes = [""]
    if os.name == "nt":
        suffixes = os.environ.get("PATHEXT", ".COM;.EXE;.BAT;.CMD").split(os.pathsep)
    for folder in os.get_exec_path():
        if not os.path.isabs(folder):
            continue
        for suffix in suffixes:
            candidate = os.path.join(folder, "git" + suffix)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


def _git_executable() -> str:
    found = git_program()
    if found is None:
        raise MociError("git is not installed (or not on PATH); diff and release need it")
    return found


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # Never wait for a password prompt or a pager, and keep git's messages in English
    # so the first line of an error can be shown as is.
    env.update({"GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"})
    return env


# Git takes a folder holding HEAD, objects/ and refs/ for a (bare) repository of its own when
# it looks for one from a folder below the work tree's top, and then obeys that folder's
# `config`: `core.fsmonitor` runs a command at `git status` or `git diff`, `gpg.program` at
# `git log`. A pull request can commit such a folder, e.g. as the glossary's root
# (`--root vocabulary`): git then ran its commands in `check --since`, `diff` and `stats`.
# Git 2.38+ refuses to find one by itself with `safe.bareRepository=explicit` (a command-line
# setting counts, a file's does not); `open_repo` refuses one for older versions too.
_OPTIONS = ("--literal-pathspecs", "-c", "core.quotepath=off", "-c", "safe.bareRepository=explicit")
_PLANTED = (
    "is inside a folder that git takes for a repository of its own ({gitdir}: it holds "
    "HEAD, objects/ and refs/), not in the work tree of a repository; moci-vocab never runs "
    "git there (a pull request could plant one whose config runs commands)"
)


def run_git(
    cwd: Path,
    *args: str,
    input: bytes | None = None,
    check: bool = True,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``cwd``; a failure raises MociError with git's own first line."""
    command = [_git_executable(), *_OPTIONS, *args]
    try:
        result = subprocess.run(
            command,
            cwd=cwd,
            input=input,
            capture_output=True,
            env=_environment(),
            check=False,
            timeout=timeout,
        )
    except OSError as exc:
        raise MociError(f"could not run git ({exc.strerror or exc})", cwd) from None
    except subprocess.TimeoutExpired:
        raise MociError(f"git {args[0]} took more than {timeout:g} s", cwd) from None
    if check and result.returncode != 0:
        raise MociError(f"git {args[0]} failed: {_first_line(result.stderr)}", cwd)
    return result


def _first_line(stderr: bytes) -> str:
    for line in stderr.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return "no message"


def open_repo(root: Path) -> Repo:
    """The git work tree holding the glossary at ``root``; a clear error outside one."""
    root = Path(root)
    result = run_git(
        root, "rev-parse", "--absolute-git-dir", "--show-toplevel", "--show-prefix", check=False
    )
    if result.returncode != 0:
        message = _first_line(result.stderr)
        if "not a git repository" in message:
            raise MociError(
                "is not inside a git repository; diff and release compare git revisions "
                "(create one with `git init` and commit the glossary)",
                root,
            )
        if "cannot use bare repository" in message:
            named = re.search(r"'(.*)' \(", message)
            raise MociError(_PLANTED.format(gitdir=named[1] if named else "?"), root)
        raise MociError(f"git cannot be used here: {message}", root)
    lines = result.stdout.decode("utf-8").splitlines()
    gitdir = Path(lines[0]) if lines and lines[0] else None
    if gitdir is not None and root.resolve().is_relative_to(gitdir.resolve()):
        raise MociError(_PLANTED.format(gitdir=gitdir), root)  # (git before 2.38)
    if len(lines) < 2 or not lines[1]:
        raise MociError("is inside a git folder but not in its work tree", root)
    prefix = lines[2] if len(lines) > 2 else ""
    return Repo(root=root, toplevel=Path(lines[1]), prefix=prefix)


def git(
    repo: Repo,
    *args: str,
    input: bytes | None = None,
    check: bool = True,
    timeout: float | None = None,
):
    """Run git at the repository's top level (where full pathspecs are meant)."""
    return run_git(repo.toplevel, *args, input=input, check=check, timeout=timeout)


def resolve(repo: Repo, rev: str) -> str:
    """The commit id of ``rev``; a clear error for an unknown revision."""
    if not rev or rev.startswith("-") or "\n" in rev or "\x00" in rev:
        raise MociError(f"{rev!r} is not a git revision")
    result = git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
    if result.returncode != 0:
        raise MociError(
            f"unknown revision {rev!r}: no such commit, branch or tag in {repo.toplevel} "
            "(run `git tag` or `git log --oneline` to see what exists)"
        )
    return result.stdout.decode("ascii").strip()


def has_commits(repo: Repo) -> bool:
    """Whether the repository has at least one commit."""
    return git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode == 0


def release_tags(repo: Repo) -> list[str]:
    """Tags named like a release (``v1.2.3``) that HEAD contains."""
    if not has_commits(repo):
        return []
    result = git(repo, "tag", "--list", "--merged", "HEAD", f"{TAG_PREFIX}*")
    names = result.stdout.decode("utf-8", "replace").split()
    return [name for name in names if _RELEASE_TAG_RE.match(name)]


def tag_exists(repo: Repo, name: str) -> bool:
    """Whether the tag ``name`` exists."""
    ref = f"refs/tags/{name}"
    return git(repo, "rev-parse", "--verify", "--quiet", ref, check=False).returncode == 0


def create_tag(repo: Repo, name: str, message: str) -> None:
    """An annotated tag at HEAD; ``verbatim`` keeps the changelog's `#` headings."""
    result = git(repo, "tag", "--annotate", "--cleanup=verbatim", "--file=-", name, "HEAD",
                 input=message.encode("utf-8"), check=False)  # fmt: skip
    if result.returncode != 0:
        problem = _first_line(result.stderr)
        if "who you are" in result.stderr.decode("utf-8", "replace"):
            problem = "git does not know who you are; set `git config user.name` and `user.email`"
        raise MociError(f"could not create the tag {name}: {problem}")


def nul_names(output: bytes) -> list[str]:
    """The file names of git's ``-z`` output. A name that is not UTF-8 (a pull request can
    commit one) is read as the working tree reads it, undecodable bytes as surrogates: one
    clear finding about that file, not an "unexpected" error."""
    return [name for name in output.decode("utf-8", "surrogateescape").split("\x00") if name]


def uncommitted(repo: Repo, relatives: list[str]) -> list[str]:
    """Glossary files (relative paths) that differ from HEAD: modified, staged or untracked."""
    paths = [repo.path(rel) for rel in relatives]
    result = git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
    entries = nul_names(result.stdout)
    changed = []
    skip_next = False
    for entry in entries:
        if skip_next:  # the source path of a rename
            skip_next = False
            continue
        status, path = entry[:2], entry[3:]
        skip_next = "R" in status or "C" in status
        changed.append(path.removeprefix(repo.prefix))
    return changed


# --------------------------------------------------------------------------- reading a revision


def list_files(repo: Repo, commit: str, relatives: list[str]) -> dict[str, str]:
    """The regular files under the glossary-relative paths at ``commit``: {path: blob id}."""
    from moci_vocab.yamlio import MAX_FILE_BYTES

    listing = git(
        repo, "ls-tree", "-r", "-z", "--full-tree", "--long", commit, "--",
        *(repo.path(rel) for rel in relatives),
    )  # fmt: skip
    found: dict[str, str] = {}
    for entry in nul_names(listing.stdout):
        meta, path = entry.split("\t", 1)
        mode, kind, sha, size = meta.split()
        # Regular files only: a symlink's blob is its target's name, not a glossary file.
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        relative = path.removeprefix(repo.prefix)
        if int(size) > MAX_FILE_BYTES:
            raise MociError(
                f"is {int(size) // (1024 * 1024)} MB at {commit[:12]}; glossary files are "
                f"limited to {MAX_FILE_BYTES // (1024 * 1024)} MB",
                relative,
            )
        found[relative] = sha
    return found


def read_blobs(repo: Repo, shas: list[str]) -> list[bytes]:
    """The contents of blobs, in one `git cat-file --batch` run."""
    if not shas:
        return []
    batch = "".join(f"{sha}\n" for sha in shas).encode("ascii")
    return _split_batch(git(repo, "cat-file", "--batch", input=batch).stdout, len(shas))


def _split_batch(output: bytes, count: int) -> list[bytes]:
    """Blobs out of ``cat-file --batch`` output: ``<sha> blob <size>\\n<data>\\n`` each."""
    blobs = []
    at = 0
    for _ in range(count):
        header_end = output.index(b"\n", at)
        header = output[at:header_end].split()
        if len(header) != 3:
            raise MociError(f"git cat-file answered {output[at:header_end]!r}")
        size = int(header[2])
        start = header_end + 1
        blobs.append(output[start : start + size])
        at = start + size + 1
    return blobs


def glossary_at(repo: Repo, commit: str, label: str) -> Glossary:
    """The glossary as committed at ``commit``; errors name ``label:path:line``."""
    from moci_vocab.store import load_from

    glossary, findings = load_from(GitRevision(repo, commit, label))
    _raise_first_error(findings)
    return glossary


class GitRevision:
    """A glossary's files as committed at a revision (a ``store.GlossarySource``).

    Read from git's object store (``ls-tree`` + one ``cat-file --batch``). A
    blob id names its content for good, so a concept parsed from it (under the
    same file name) never goes stale; the cache keeps the most recently used.
    """

    def __init__(self, repo: Repo, commit: str, label: str) -> None:
        from moci_vocab.layout import MANIFEST, TERMS

        self.repo = repo
        self.root = repo.root
        self.label = label
        self.listing = list_files(repo, commit, [MANIFEST.as_posix(), TERMS.as_posix()])
        self.manifest_rel = MANIFEST.as_posix()
        self.terms = TERMS.as_posix()

    def load_manifest(self, report) -> Manifest:
        """The committed manifest, parsed; a revision without one is an error."""
        from moci_vocab.schema import parse_manifest

        if self.manifest_rel not in self.listing:
            raise MociError(
                f"{self.label} has no {self.repo.path(self.manifest_rel)}: the glossary did not "
                "exist there yet (choose a later revision)"
            )
        (blob,) = read_blobs(self.repo, [self.listing[self.manifest_rel]])
        findings: list[Finding] = []
        manifest = parse_manifest(self._document(blob, self.manifest_rel), findings.append)
        _raise_first_error(findings)
        assert isinstance(manifest, Manifest)
        for finding in findings:
            report(finding)
        return manifest

    def concept_files(self):
        """The concept files directly in terms/ (the working tree's rule), with blob ids."""
        from moci_vocab.layout import is_concept_file_name
        from moci_vocab.store import ConceptFile

        files = []
        for relative in sorted(self.listing):
            path = PurePosixPath(relative)
            if path.parent.as_posix() == self.terms and is_concept_file_name(path.name):
                sha = self.listing[relative]
                files.append(ConceptFile(path.name, sha, f"{sha}:{path.name}"))
        return files

    def parse(self, files, entries):
        """Each file's blob (all read in one batch) parsed, in order, and put in ``entries``."""
        from moci_vocab.store import parse_concept_file

        blobs = read_blobs(self.repo, [file.version for file in files]) if files else []
        for file, blob in zip(files, blobs, strict=True):
            relative = f"{self.terms}/{file.name}"
            where = Path(f"{self.label}:{relative}")
            value = parse_concept_file(where, lambda b=blob, r=relative: self._document(b, r))
            entries.put(file.cache_key, file.version, value)
            yield value

    def entries(self):
        """The bounded cache of concepts parsed from blobs, shared by all revisions."""
        from moci_vocab.cache import FileEntries
        from moci_vocab.store import is_parsed

        return FileEntries(
            self.root, CACHE_NAME, CACHE_KEY, racy=False, keep=CACHE_ENTRIES, valid=is_parsed
        )

    def _document(self, blob: bytes, relative: str):
        from moci_vocab.yamlio import decode, parse_yaml

        where = Path(f"{self.label}:{relative}")
        return parse_yaml(decode(blob, where), where)


def _raise_first_error(findings: list[Finding]) -> None:
    for finding in findings:
        if finding.severity == "error":
            raise MociError(finding.message, finding.file, finding.line)
