"""Study (session 29): the messages a held-out catalog shares with earlier rounds' catalogs.

A held-out round is a blind test only where its messages are new. A program split out of an
earlier round's program brings that program's messages, and their flags, again: round 30's
Armenian permission controller has 203 of its 476 msgids from round 24's package installer,
Camera2 31 of 83 from round 27's Gallery2 (review28). For each held-out file (or each PO file
named, a candidate for a new round) this gives the share of its msgids that the files of
earlier rounds in the same language have, and the one earlier file that has the most. Only
msgids of more than MIN_CHARS characters count: "Cancel" and "%s" are every program's.

    python benchmarks/study_checkpo_shared.py [--round N] [--above SHARE] [--flags FILE]
        [CANDIDATE-LANG.po ...]

``--round N``: that round's files only; ``--above SHARE``: the files above that share
(default 0.10; 0 lists every file); ``--flags FILE``: a flags TSV of
`study_checkpo_derived.py --out`: how many of each file's flags are on a shared msgid. A
CANDIDATE (``name-LANG.po`` or ``.po.xz``, not yet in a round) is compared with every
held-out file of its language. Result: docs/check-po-journal.md, "Session 29".
"""

from __future__ import annotations

import csv
import json
import lzma
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checkpo_real as bench

MIN_CHARS = 15
ABOVE = 0.10
NEW = 10**6  # a candidate's round: after every held-out one


def messages(path: Path, scratch: Path) -> set[str]:
    """The msgids of more than MIN_CHARS characters of a PO file (``.po`` or ``.po.xz``)."""
    from moci_vocab.po.read import read_po

    if path.name.endswith(".xz"):
        unpacked = scratch / path.name.removesuffix(".xz")
        unpacked.write_bytes(lzma.decompress(path.read_bytes()))
        path = unpacked
    return {msgid for msgid in read_po(path).msgids if len(msgid) > MIN_CHARS}


def shared(mine: set[str], earlier: dict[str, set[str]]) -> tuple[int, str | None, int]:
    """How many of ``mine`` any ``earlier`` file has, the earlier file that has the most
    (None when none has one) and how many that one has."""
    union = set().union(*earlier.values()) if earlier else set()
    best, most = None, 0
    for name, theirs in sorted(earlier.items()):
        count = len(mine & theirs)
        if count > most:
            best, most = name, count
    return len(mine & union), best, most


def lang_of(name: str) -> str | None:
    """The language of a catalog file named ``program-LANG.po`` (or ``.po.xz``)."""
    stem = name.removesuffix(".xz").removesuffix(".po")
    lang = stem.rsplit("-", 1)[-1] if "-" in stem else None
    return lang if lang in bench.LANGS else None


def heldout_files(scratch: Path, langs=bench.LANGS) -> list[tuple[str, int, str, set[str]]]:
    """(file, round, lang, messages) of every held-out catalog in one of ``langs``."""
    glossaries = json.loads((bench.HELDOUT / "glossaries.json").read_text(encoding="utf-8"))
    found = []
    for key in sorted(glossaries):
        path = bench.HELDOUT / f"{key}.po"
        path = path if path.exists() else bench.HELDOUT / f"{key}.po.xz"
        number = bench.round_of(f"{key}.po")
        if number is not None and key.rsplit("-", 1)[1] in langs:
            found.append((f"{key}.po", number, key.rsplit("-", 1)[1], messages(path, scratch)))
    return found


def report(files: list, wanted: list, above: float, flagged: dict[str, list[str]]) -> list[str]:
    """A line for each of the ``wanted`` files sharing more than ``above`` of its messages
    with ``files`` of an earlier round and its language (every file when ``above`` is 0),
    the largest share first; with ``flagged``, how many of its flags are on such messages."""
    rounds = {f: n for f, n, *_ in files}
    lines = []
    for name, number, lang, mine in wanted:
        earlier = {f: ids for f, n, lg, ids in files if lg == lang and n < number and f != name}
        count, best, most = shared(mine, earlier)
        share = count / len(mine) if mine else 0.0
        if share <= above and above > 0:
            continue
        when = "new" if number == NEW else number
        line = f"{name} (round {when}): {count}/{len(mine)} ({share:.1%})"
        if best is not None:
            line += f"; most with {best} (round {rounds[best]}): {most} ({most / len(mine):.1%})"
        if name in flagged:
            union = set().union(*earlier.values())
            on = sum(1 for msgid in flagged[name] if msgid in union)
            line += f"; flags on shared msgids {on}/{len(flagged[name])}"
        lines.append((share, line))
    return [line for _share, line in sorted(lines, key=lambda s: -s[0])]


def read_flags(path: Path) -> dict[str, list[str]]:
    """File → the msgid of each of its flags, from a flags TSV (study_checkpo_derived.py)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    flagged: dict[str, list[str]] = {}
    for row in rows:
        flagged.setdefault(row["file"], []).append(row["msgid"])
    return flagged


def candidate(path: Path, scratch: Path) -> tuple[str, int, str, set[str]]:
    """A candidate file as a held-out one of a new round; MociError for a file it cannot read."""
    from moci_vocab.errors import MociError

    lang = lang_of(path.name)
    if lang is None:
        raise MociError(f"name it program-LANG.po, LANG one of {', '.join(bench.LANGS)}", path)
    try:
        return path.name, NEW, lang, messages(path, scratch)
    except (OSError, lzma.LZMAError) as exc:
        raise MociError(f"cannot read it ({exc.__class__.__name__})", path) from None


def main() -> int:
    from moci_vocab.errors import MociError

    args = sys.argv[1:]
    options = {"--round": None, "--above": str(ABOVE), "--flags": None}
    names = []
    while args:
        word = args.pop(0)
        if word in options and args:
            options[word] = args.pop(0)
        elif word.startswith("--"):
            print(f"{word}: unknown, or without its value", file=sys.stderr)
            return 2
        else:
            names.append(Path(word))
    try:
        above = float(options["--above"])
        only = int(options["--round"]) if options["--round"] is not None else None
    except ValueError:
        print("--above takes a share (0.10), --round a whole number", file=sys.stderr)
        return 2
    flagged = read_flags(Path(options["--flags"])) if options["--flags"] else {}
    with tempfile.TemporaryDirectory() as tmp:
        try:
            wanted = [candidate(p, Path(tmp)) for p in names]
        except MociError as exc:
            print(exc, file=sys.stderr)
            return 1
        files = heldout_files(Path(tmp), {lang for _f, _n, lang, _m in wanted} or bench.LANGS)
        wanted = wanted or [f for f in files if only is None or f[1] == only]
        lines = report(files, wanted, above, flagged)
    print(
        f"{len(lines)} of {len(wanted)} files share more than {above:.0%} of their msgids "
        f"(over {MIN_CHARS} characters) with an earlier round's files of their language"
    )
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
