"""BLAKE2b, keyed BLAKE2b and HMAC-SHA256 without loading OpenSSL where CPython's own code
is cheaper.

`import hashlib` (and `import hmac`, which imports it) loads OpenSSL's libcrypto: about
11 M instructions and 2-3 ms of CPU in every fresh process, more than a small glossary's
caches take to sign with CPython's built-in SHA-256. So a command that only reads small
caches (check-po with a few dozen terms, `show`) never loads it: BLAKE2b is CPython's
own code in any case (hashlib hands out the same function), and a short message's
HMAC-SHA256 is computed with the built-in SHA-256 (the same bytes as `hmac.new`). A
long message goes to OpenSSL, whose SHA-256 uses the processor's SHA instructions
(~4x faster here: 5 against 20 ms for 3.8 MB), through its one-shot HMAC
(`_hashlib.hmac_digest`, what `hmac.digest` calls), without the `hashlib` and `hmac`
modules. The caches are signed with keyed BLAKE2b (`mac`), CPython's own code at every
size: loading OpenSSL and its SHA-256 of a 5 MB cache cost more CPU than BLAKE2b alone.
"""

from __future__ import annotations

# A message at least this long is signed with OpenSSL's SHA-256 (loaded then): below
# it, the built-in SHA-256 takes less time (~1.3 ms for 256 KiB) than loading OpenSSL.
OPENSSL_FROM_BYTES = 256 * 1024

_BLOCK = 64  # SHA-256's block size, in bytes
_INNER = bytes(x ^ 0x36 for x in range(256))  # HMAC's ipad and opad, as translate tables
_OUTER = bytes(x ^ 0x5C for x in range(256))

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without its own BLAKE2 (hashlib then has OpenSSL's)
    from hashlib import blake2b

try:  # the function hmac.compare_digest is when hmac has no OpenSSL
    from _operator import _compare_digest as compare_digest
except ImportError:
    from hmac import compare_digest  # noqa: F401  (re-exported)

try:  # CPython's own SHA-256 (module `_sha256`; `_sha2` from Python 3.12)
    from _sha256 import sha256 as _own_sha256
except ImportError:
    try:
        from _sha2 import sha256 as _own_sha256  # type: ignore[no-redef]
    except ImportError:  # a Python built without it: hashlib's (OpenSSL) only
        _own_sha256 = None


def sha256(data: bytes = b""):
    """A SHA-256 hash object of ``data`` (``hashlib.sha256(data)``'s digest): CPython's own
    where it has one (short texts: fingerprints of findings), else hashlib's."""
    if _own_sha256 is not None:
        return _own_sha256(data)
    import hashlib

    return hashlib.sha256(data)


MAC_BYTES = 32  # the length of a `mac`


def mac(key: bytes, message: bytes | memoryview) -> bytes:
    """The keyed BLAKE2b-256 of ``message`` under ``key`` (at most 64 bytes): BLAKE2's own
    MAC (RFC 7693), CPython's code, no OpenSSL whatever the message's length."""
    return blake2b(message, key=key, digest_size=MAC_BYTES).digest()


def hmac_sha256(key: bytes, message: bytes | memoryview) -> bytes:
    """HMAC-SHA256 of ``message`` under ``key`` (the bytes of ``hmac.new(key, message,
    hashlib.sha256).digest()``), with OpenSSL only for a long message."""
    own = _own_sha256 if len(message) < OPENSSL_FROM_BYTES else None
    if own is None:
        try:  # OpenSSL's one-shot HMAC, as hmac.digest calls it: without the modules `hashlib`
            # (which tries each of OpenSSL's digests as it is imported) and `hmac` (~1 ms)
            from _hashlib import hmac_digest

            return hmac_digest(key, message, "sha256")
        except (ImportError, ValueError):  # no OpenSSL, or not its SHA-256 (hmac.digest's test)
            import hashlib
            import hmac

            return hmac.new(key, message, hashlib.sha256).digest()
    if len(key) > _BLOCK:
        key = own(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner = own(key.translate(_INNER))
    inner.update(message)
    return own(key.translate(_OUTER) + inner.digest()).digest()
