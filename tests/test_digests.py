"""digests.py gives the bytes hashlib and hmac give, with or without OpenSSL."""

from __future__ import annotations

import hashlib
import hmac
import random
import subprocess
import sys

import pytest

from moci_vocab import digests

SIZES = [0, 1, 63, 64, 65, 4096, 256 * 1024 - 1, 256 * 1024, 1024 * 1024]


@pytest.mark.parametrize("key_length", [0, 1, 32, 63, 64, 65, 200])
def test_hmac_sha256_is_hmacs(key_length):
    rng = random.Random(key_length)
    key = rng.randbytes(key_length)
    for size in SIZES:
        message = rng.randbytes(size)
        expected = hmac.new(key, message, hashlib.sha256).digest()
        assert digests.hmac_sha256(key, message) == expected, size
        assert digests.hmac_sha256(key, memoryview(message)) == expected, size  # cache views


def test_sha256_and_blake2b_are_hashlibs():
    for text in (b"", b"abc", "MV601\x1fmsgid\x1fë".encode(), bytes(range(256)) * 40):
        assert digests.sha256(text).hexdigest() == hashlib.sha256(text).hexdigest()
        assert (
            digests.blake2b(text, digest_size=20).digest()
            == hashlib.blake2b(text, digest_size=20).digest()
        )


def test_compare_digest_compares():
    assert digests.compare_digest(b"\x01\x02", b"\x01\x02")
    assert not digests.compare_digest(b"\x01\x02", b"\x01\x03")
    assert digests.compare_digest("abc", "abc") and not digests.compare_digest("abc", "abd")


def test_a_long_messages_hmac_needs_neither_hashlib_nor_hmac():
    # `hashlib` loads OpenSSL and tries each of its digests as it is imported.
    code = (
        "import sys; from moci_vocab import digests; "
        "digests.hmac_sha256(b'k', bytes(1024 * 1024)); "
        "print(sorted({'hashlib', 'hmac'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
