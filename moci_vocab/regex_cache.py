"""The regular expressions a command compiles, kept compiled between its processes.

Every process compiles the same ~80 patterns before it does anything (ours, at import:
the PO reader's, the span and source matchers'; click's, the standard library's): ~70 M
instructions and ~10 ms of CPU, in Python's own pure-Python compiler (`re._parser`,
`re._compiler`), on the serial start-up of every check-po run. The console entry
(`load`, before click is imported) reads the compiled forms a command kept at its end
(`save`) and puts them in `re`'s own cache, so that `re.compile` finds them there: the
same `re.Pattern` (equal to what `re.compile` makes: a form is kept only after
`_sre.compile` of it compared equal to the pattern compiled now), made from a list of
integers, ~30 times cheaper. Nothing else changes: a pattern not kept is compiled as ever.

The file is per interpreter (`sys.version`, `_sre.MAGIC`, its code size: another Python
ignores it), in the user's cache folder beside the caches' key and signed with it
(`digests.mac`), like every cache: a file that does not verify is ignored. Only the
console entry loads and saves it; a program that imports moci_vocab keeps `re` as it is.
"""

from __future__ import annotations

import sys

FORMAT = 1  # bump when what a kept form holds changes
MAX_PATTERNS = 512  # `re`'s own cache holds 512 (3.11): more would not be found there
# The file is written again only for this many new patterns or more: a few new ones each
# run are patterns made in another order each time (babel joins sets, whose order changes
# with the hash seed), and compiling a few costs less than writing the file.
MIN_NEW = 5
_MAX_BYTES = 4 * 1024 * 1024  # a read bound, far above 512 patterns' forms

# The forms this process's file holds ({(pattern, flags): form}), as `load` read them; None:
# `load` did not run (not the console entry): `save` then does nothing.
_loaded: dict | None = None


def _file():
    """Where this interpreter's forms are kept (beside the caches' key)."""
    import os

    from moci_vocab.early import key_folder

    return os.path.join(key_folder(), f"regex-{sys.implementation.cache_tag}.bin")


def _header() -> bytes:
    import _sre

    return f"{FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()


def load() -> None:
    """Put the kept compiled patterns into `re`'s cache (nothing on any failure)."""
    global _loaded
    from moci_vocab.early import cache_disabled

    if _loaded is not None or cache_disabled():  # MOCI_VOCAB_NO_CACHE: neither read nor kept
        return
    _loaded = {}
    try:
        forms = _read()
        if forms:
            _fill(forms)
    except Exception:  # a form this interpreter refuses: `re` compiles as ever
        _loaded = {}


def _read() -> dict:
    import marshal

    from moci_vocab.digests import MAC_BYTES, compare_digest, mac
    from moci_vocab.early import read_key, read_regular

    # Reading makes no key (a first command that never used a cache makes one only when it
    # keeps its patterns). A missing file: early.Unread, caught by `load`.
    data, _stat = read_regular(_file(), _MAX_BYTES)  # (no FIFO, no link, bounded)
    header = _header()
    signature, payload = data[:MAC_BYTES], data[MAC_BYTES:]
    if not payload.startswith(header + b"\n"):
        return {}
    key = read_key()
    if key is None:
        return {}
    if not compare_digest(signature, mac(key, payload)):
        return {}
    forms = marshal.loads(payload[len(header) + 1 :])
    return forms if type(forms) is dict else {}


def _fill(forms: dict) -> None:
    """Each form compiled by `_sre` into `re`'s cache, under the key `re._compile` looks up."""
    import _sre
    import re

    cache = re._cache  # type: ignore[attr-defined]
    for (pattern, asked), form in forms.items():
        key = (type(pattern), pattern, asked)  # as re._compile looks a pattern up
        if len(cache) >= MAX_PATTERNS:
            break
        if key not in cache and type(asked) is int:
            cache[key] = _sre.compile(pattern, *form)
        _loaded[pattern, asked] = form  # type: ignore[index]


def save() -> None:
    """Keep the compiled forms of the patterns this process compiled that the file lacked
    (a no-op when nothing is new, or `load` did not run)."""
    global _loaded
    if _loaded is None:
        return
    try:  # (all of it: a Python whose `re` has no `_cache` ends as ever)
        import re

        compiled = [key[1:] for key in list(re._cache)]  # type: ignore[attr-defined]
        new = [key for key in compiled if key not in _loaded]
        if not new or (_loaded and len(new) < MIN_NEW):
            return
        forms = dict(_loaded)
        for pattern, flags in new:
            form = _form(pattern, flags)
            if form is not None:
                forms[pattern, flags] = form
        if len(forms) > MAX_PATTERNS:  # many made from the data: this run's only
            forms = {key: forms[key] for key in compiled if key in forms}
        _write(forms)
        _loaded = forms
    except Exception:  # a cache: not kept this time
        pass


def _form(pattern: str | bytes, flags: int) -> tuple | None:
    """What `_sre.compile` takes for ``pattern``, as `re._compiler.compile` makes it; None
    when it would not give the same pattern (another Python's compiler)."""
    import _sre
    import re
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if type(flags) is not int or flags & re.DEBUG or type(pattern) not in (str, bytes):
        return None
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    form = (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    if _sre.compile(pattern, *form) != re.compile(pattern, flags):
        return None
    return form


def _write(forms: dict) -> None:
    import marshal

    from moci_vocab.cache import signing_key
    from moci_vocab.digests import mac
    from moci_vocab.fsutil import atomic_write

    key = signing_key()
    if key is None:
        return
    payload = _header() + b"\n" + marshal.dumps(forms)
    atomic_write(_file(), mac(key, payload) + payload)  # (signing_key made the folder)
