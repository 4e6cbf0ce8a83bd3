"""An export that fails half-way says exactly which files it wrote (issue 14, point 11).

On a nearly full disk `export all` printed "wrote 0 files" after writing six
`.po` files. Every export file is now written through `ExportRequest.write`,
which records it; a format that fails reports the files it wrote before the
failure, and the count is the number of files really written. A file that
could not be written is not left behind, neither whole nor as a temporary file.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest


def disk_full_after(monkeypatch, outdir: Path, files: int) -> None:
    """Creating the temporary file of the ``files``+1-th export file fails with ENOSPC."""
    real = tempfile.mkstemp
    made = []

    def mkstemp(*args, **kwargs):
        if Path(kwargs.get("dir", "")).is_relative_to(outdir):
            if len(made) >= files:
                raise OSError(errno.ENOSPC, "No space left on device")
            made.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)  # fsutil imports it when it writes


def written_files(outdir: Path) -> list[str]:
    """Every file under ``outdir`` (some formats write into subfolders), relative."""
    return sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file())


def relative(outdir: Path, names) -> list[str]:
    return sorted(Path(name).resolve().relative_to(outdir.resolve()).as_posix() for name in names)


def test_a_single_format_names_the_files_written_before_the_failure(seeded, tmp_path, monkeypatch):
    outdir = tmp_path / "out"
    disk_full_after(monkeypatch, outdir, 2)
    result = seeded("export", "po", "-o", str(outdir), ok=False)
    assert result.exit_code == 1
    assert written_files(outdir) == ["ka.po", "sq.po"]  # the languages in the manifest's order
    assert "No space left on device" in result.output
    assert "written before the failure: sq.po, ka.po" in result.output
    assert not list(outdir.rglob(".*.tmp"))


@pytest.mark.parametrize("limit", [0, 3])
def test_export_all_counts_the_files_it_really_wrote(seeded, tmp_path, monkeypatch, limit):
    outdir = tmp_path / "out"
    disk_full_after(monkeypatch, outdir, limit)
    result = seeded("export", "all", "-o", str(outdir), "--lang", "sq,ka", ok=False)
    on_disk = written_files(outdir)
    assert len(on_disk) == limit
    assert relative(outdir, result.stdout.splitlines()) == on_disk  # exactly the files on disk
    assert f"wrote {limit} files" in result.stderr
    assert "No space left on device" in result.stderr
    assert not list(outdir.rglob(".*.tmp"))


def test_export_all_json_reports_partial_files(seeded, tmp_path, monkeypatch):
    import json

    outdir = tmp_path / "out"
    disk_full_after(monkeypatch, outdir, 2)
    result = seeded(
        "export", "all", "-o", str(outdir), "--lang", "sq,ka", "--format", "json", ok=False
    )
    report = json.loads(result.stdout)
    assert relative(outdir, [f["path"] for f in report["files"]]) == written_files(outdir)
    assert report["errors"]
