"""BLAKE2b, keyed BLAKE2b and HMAC-SHA256 from CPython's own code, without OpenSSL.

`import hashlib` (and `import hmac`, which imports it) loads OpenSSL's libcrypto: about
11 M instructions and 2-3 ms of CPU in every fresh process. BLAKE2b is CPython's own code
in any case (hashlib hands out the same function); the caches are signed with keyed
BLAKE2b (`mac`), which at every size costs less CPU than loading OpenSSL for its SHA-256.
HMAC-SHA256 (the interrupted-change journal's seal, a short message) is computed with the
built-in SHA-256: the same bytes as `hmac.new`.
"""

from __future__ import annotations

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
    hashlib.sha256).digest()``), with CPython's own SHA-256 where it has one."""
    own = _own_sha256
    if own is None:  # a Python built without it: hmac with hashlib's (OpenSSL)
        import hashlib
        import hmac

        return hmac.new(key, message, hashlib.sha256).digest()
    if len(key) > _BLOCK:
        key = own(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner = own(key.translate(_INNER))
    inner.update(message)
    return own(key.translate(_OUTER) + inner.digest()).digest()
