"""The package's layout rules, checked on the source with ast (see docs/architecture.md).

New code must follow them too: these tests walk every module of the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "moci_vocab"


def module_name(path: Path) -> str:
    """The dotted module name of a file of the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every moci_vocab module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("moci_vocab")}


def modules() -> dict[str, set[str]]:
    """Module name → the moci_vocab modules it imports."""
    return {module_name(path): imported_modules(path) for path in PACKAGE.rglob("*.py")}


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_importers_exporters_and_checkpo_do_not_import_each_other() -> None:
    packages = ["moci_vocab.importers", "moci_vocab.exporters", "moci_vocab.checkpo"]
    crossings = [
        f"{name} imports {target}"
        for name, targets in modules().items()
        for package in packages
        if _in(name, package)
        for target in targets
        for other in packages
        if other != package and _in(target, other)
    ]
    assert crossings == []


def test_checkpo_xliff_does_not_import_the_catalog_reader() -> None:
    imports = modules()
    assert not any(_in(t, "moci_vocab.checkpo.reader") for t in imports["moci_vocab.checkpo.xliff"])


def test_nothing_below_the_cli_imports_it() -> None:
    offenders = [
        name
        for name, targets in modules().items()
        if not _in(name, "moci_vocab.cli")
        and name not in ("moci_vocab.__main__",)
        and any(_in(t, "moci_vocab.cli") for t in targets)
    ]
    assert offenders == []


def test_the_gettext_package_is_the_only_user_of_polib_outside_tests() -> None:
    users = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if "polib" in names and not _in(module_name(path), "moci_vocab.po"):
                users.append(module_name(path))
    assert users == []


def test_a_writing_command_finds_the_root_once_and_recovers_once(seeded, monkeypatch) -> None:
    import moci_vocab.fsutil as fsutil
    import moci_vocab.layout as layout
    import moci_vocab.store as store

    calls: list[str] = []
    real_find, real_finish = layout.find_root, fsutil.finish_interrupted
    monkeypatch.setattr(layout, "find_root", lambda *a: calls.append("find") or real_find(*a))
    monkeypatch.setattr(
        store, "finish_interrupted", lambda root: calls.append("recover") or real_finish(root)
    )
    monkeypatch.chdir(seeded.root)
    from click.testing import CliRunner

    from moci_vocab.cli import cli

    result = CliRunner().invoke(cli, ["add", "peace", "--term", "en=peace", "--yes"])
    assert result.exit_code == 0, result.output
    assert calls == ["find", "recover"]


def missing_docstrings(package: Path = PACKAGE) -> list[str]:
    """``file:line: name`` of every public function, method and class without a docstring.

    Public: a name without a leading underscore, at module level or in a
    public class. The docstring's first line must say what it returns or does.
    """
    missing: list[str] = []

    def visit(path: Path, body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            if node.name.startswith("_"):
                continue
            doc = ast.get_docstring(node)
            if not doc or not doc.strip().splitlines()[0].strip():
                missing.append(
                    f"{path.relative_to(package.parent)}:{node.lineno}: {prefix}{node.name}"
                )
            if isinstance(node, ast.ClassDef):
                visit(path, node.body, f"{prefix}{node.name}.")

    for path in sorted(package.rglob("*.py")):
        visit(path, ast.parse(path.read_text(encoding="utf-8")).body, "")
    return missing


def test_every_public_function_and_class_has_a_docstring() -> None:
    missing = missing_docstrings()
    assert missing == [], "write a one-line docstring (what it returns or does) for:\n" + "\n".join(
        missing
    )


def test_the_docstring_check_finds_a_missing_docstring(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        'def documented():\n    """Does."""\n\n\ndef bare():\n    pass\n\n\n'
        "class Bare:\n    def method(self):\n        pass\n\n"
        "    def _private(self):\n        pass\n",
        encoding="utf-8",
    )
    assert missing_docstrings(package) == [
        "pkg/m.py:5: bare",
        "pkg/m.py:9: Bare",
        "pkg/m.py:10: Bare.method",
    ]


def test_commands_take_the_write_lock_only_through_state() -> None:
    """store.locked held by a command, then state.glossary() (a shared lock on the same
    file) waits for itself: commands use state.editing()/changing(), which readers know."""
    offenders = [
        path.name
        for path in (PACKAGE / "cli").glob("*.py")
        if "import locked" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
